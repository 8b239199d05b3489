//! The command line's own sentences, Dutch and English: errors and
//! refusals that are not a vault's (`ops::vault_words`) or a breach's
//! (`breach`). Fixed sentences are `Said` variants; sentences with a value
//! in them are functions below.

use super::Lang;
use super::plural::{self, Noun};

catalogue! {
    /// A fixed sentence of the command line.
    enum Said;
    // Starting.
    NoHomeForVault =>
        "geen persoonlijke map gevonden voor de standaardkluis; geef --vault of KLUIS_VAULT",
        "no home folder found for the default vault; give --vault or KLUIS_VAULT";
    // The passphrase.
    PassphrasesDiffer =>
        "de twee wachtwoordzinnen verschillen; er is niets veranderd",
        "the two passphrases differ; nothing was changed";
    NoPassphrase =>
        "geen wachtwoordzin gegeven: gebruik --password-file, KLUIS_PASSWORD_FILE of KLUIS_PASSWORD, of start op een terminal",
        "no passphrase given: use --password-file, KLUIS_PASSWORD_FILE or KLUIS_PASSWORD, or run on a terminal";
    // kluis backup and restore.
    BackupPassphrasePrompt =>
        "Wachtwoordzin van de back-up: ",
        "Passphrase of the backup: ";
    // kluis check.
    IntegrityProblems =>
        "de kluis heeft integriteitsproblemen; zie hierboven",
        "the vault has integrity problems; see above";
    RecordsChecked =>
        "records gecontroleerd",
        "records checked";
    AuditLogWord =>
        "auditlog",
        "audit log";
    BrokenWord =>
        "verbroken",
        "broken";
    ProblemsWord =>
        "problemen",
        "problems";
    // kluis config.
    NoColorIsSet =>
        "NO_COLOR staat aan",
        "NO_COLOR is set";
    ReadFrom =>
        "Gelezen uit",
        "Read from";
    NoConfigFileYet =>
        "daar staat nog geen bestand; de standaardwaarden gelden",
        "there is no file there yet; the defaults apply";
    NoHomeForConfig =>
        "geen persoonlijke map gevonden voor config.toml; geef --config",
        "no home folder found for config.toml; give --config";
    // Confirmations.
    RefusedWithoutConfirmation =>
        "geweigerd zonder bevestiging: draai op een terminal of geef --yes; er is niets veranderd",
        "refused without confirmation: run on a terminal or pass --yes; nothing was changed";
    // kluis demo.
    DemoVault =>
        "Demokluis:",
        "Demo vault:";
    DemoPassphrase =>
        "Wachtwoordzin: ",
        "Passphrase:";
    OpenItAgain =>
        "Opnieuw openen:",
        "Open it again:";
    // kluis erase.
    WillGoUnrecoverablyForPerson =>
        "Gaat weg (onherstelbaar) voor persoon",
        "Will go (unrecoverably) for person";
    ErasedUnrecoverablyForPerson =>
        "Verwijderd (onherstelbaar) voor persoon",
        "Erased (unrecoverably) for person";
    TotalWord =>
        "totaal",
        "total";
    StaysAndWhy =>
        "Blijft, en waarom:",
        "Stays, and why:";
    KeptAndWhy =>
        "Gebleven, en waarom:",
        "Kept, and why:";
    OfThisPersonMarkedHandled =>
        "van deze persoon afgehandeld.",
        "of this person marked handled.";
    // kluis export.
    AccessExportWrittenTo =>
        "Inzage-export geschreven naar",
        "Access export written to";
    RecordsWord =>
        "records",
        "records";
    OpenRequest =>
        "Open verzoek",
        "Open request";
    DueWord =>
        "uiterlijk",
        "due";
    MarkHandledOnceSent =>
        "markeer het als afgehandeld zodra de export verstuurd is.",
        "mark it handled once the export has been sent.";
    // kluis import.
    WeakPasswordWayOut =>
        "Bevestig op een terminal, of kies een sterker wachtwoord of laat het weg voor een gegenereerd.",
        "Confirm on a terminal, or choose a stronger password or leave it out to get a generated one.";
    YesNo =>
        "[j/N]",
        "[y/N]";
    TeamReportPasswordsHeading =>
        "Wachtwoorden van adviesrapporten — ze worden maar één keer getoond; bewaar ze nu:",
        "Team report passwords — shown this once only; store them now:";
    StandardOutputWasClosed =>
        "de standaarduitvoer was gesloten",
        "standard output was closed";
    NothingImportedPasswordShownOnce =>
        "er is niets geïmporteerd, want een gegenereerd wachtwoord van een adviesrapport wordt maar één keer getoond",
        "nothing was imported, because a generated team report password is shown this once only";
    Imported =>
        "Geïmporteerd:",
        "Imported:";
    JoinedThroughQuotes =>
        "Via geaccepteerde offertes op de e-maillijst:",
        "Joined the mailing list through accepted quotes:";
    NotReAdded =>
        "niet opnieuw toegevoegd (eerder afgemeld):",
        "not re-added (unsubscribed before):";
    WithoutEmail =>
        "zonder e-mailadres:",
        "without an e-mail address:";
    AlreadySubscribed =>
        "abonnees stonden al op de lijst.",
        "subscribers were on the list already.";
    // kluis init.
    NewPassphrasePrompt =>
        "Nieuwe wachtwoordzin: ",
        "New passphrase: ";
    AgainPrompt =>
        "Nogmaals: ",
        "Again: ";
    CreatedANewVaultIn =>
        "Nieuwe kluis gemaakt in",
        "Created a new vault in";
    // kluis mailing.
    SubscribersWrittenTo =>
        "abonnees geschreven naar",
        "subscribers written to";
    ArgumentWord =>
        "argument",
        "argument";
    NotAnEmailNothingChanged =>
        "is geen e-mailadres; er is niets veranderd",
        "is not an e-mail address; nothing was changed";
    RemovedFromTheListOnly =>
        "van de lijst gehaald; alleen een sleutel-hash blijft",
        "removed from the list; only a keyed hash stays";
    WasNotOnTheList =>
        "stond niet op de lijst; toch geblokkeerd, zodat het later niet wordt toegevoegd",
        "was not on the list; blocked all the same, so it is not added later";
    WasNotOnTheListAndUnsubscribed =>
        "stond niet op de lijst en was al afgemeld",
        "was not on the list and had unsubscribed before";
    Unsubscribed =>
        "Afgemeld:",
        "Unsubscribed:";
    NotOnTheList =>
        "niet op de lijst:",
        "not on the list:";
    // Opening the vault.
    PassphrasePrompt =>
        "Wachtwoordzin: ",
        "Passphrase: ";
    // Writing the output.
    CouldNotWriteStdout =>
        "kon niet naar de standaarduitvoer schrijven",
        "could not write to standard output";
    CouldNotWriteStderr =>
        "kon niet naar de foutuitvoer schrijven",
        "could not write to standard error";
    TheDeviceIsFull =>
        "het apparaat is vol",
        "the device is full";
    WriteError =>
        "schrijffout",
        "write error";
    // kluis passwd.
    PassphraseChanged =>
        "Wachtwoordzin gewijzigd.",
        "Passphrase changed.";
    // kluis purge.
    SayWhatToPurge =>
        "zeg wat er weg moet: `kluis purge --expired`",
        "say what to purge: `kluis purge --expired`";
    NothingHasExpiredNothingDeleted =>
        "Niets verlopen; niets verwijderd.",
        "Nothing has expired; nothing deleted.";
    TodayWord =>
        "vandaag",
        "today";
    DOverdue =>
        "d over tijd",
        "d overdue";
    DeletedUnrecoverably =>
        "Verwijderd (onherstelbaar):",
        "Deleted (unrecoverably):";
    OldestDeadline =>
        "Oudste termijn:",
        "Oldest deadline:";
    // kluis status.
    DateLabel =>
        "Datum:",
        "Date:";
    ExpiredDeleteNow =>
        "Verlopen (nu verwijderen):",
        "Expired (delete now):";
    DueWithin30Days =>
        "Verloopt binnen 30 dagen:",
        "Due within 30 days:";
    NextDeadlines =>
        "Eerstvolgende termijnen:",
        "Next deadlines:";
    OpenRequests =>
        "Open verzoeken:",
        "Open requests:";
    // kluis breach.
    NotABreachId =>
        "Dat is geen nummer van een datalek (16 tekens 0-9 en a-f); `kluis breach list` toont de nummers.",
        "That is not a breach id (16 characters 0-9 and a-f); `kluis breach list` shows the ids.";
    BreachListHint =>
        "; `kluis breach list` toont de nummers",
        "; `kluis breach list` shows the ids";
    ForceHint =>
        " of geef --force",
        " or pass --force";
    PasteTheAnswersAsJson =>
        "Plak de antwoorden als JSON (DESIGN.md hoofdstuk 6) en sluit af met Ctrl-D.",
        "Paste the answers as JSON (DESIGN.md section 6) and end with Ctrl-D.";
    CouldNotReadTheAnswers =>
        "Kon de antwoorden niet van de standaardinvoer lezen:",
        "Could not read the answers from standard input:";
    RecordedOnTheBreachThe =>
        "Vastgelegd bij datalek; de stap risicobeoordeling is afgevinkt:",
        "Recorded on the breach; the risk assessment step is ticked:";
    YesWord =>
        "ja",
        "yes";
    NoWord =>
        "nee",
        "no";
    Risk =>
        "Risico:",
        "Risk:";
    NotifyTheAp =>
        "Melden bij de AP:",
        "Notify the AP:";
    InformThePeopleAffected =>
        "Betrokkenen inlichten:",
        "Inform the people affected:";
    RecordInTheRegister =>
        "Opnemen in het register:",
        "Record in the register:";
    Reasons =>
        "Redenen:",
        "Reasons:";
    TheBreachRegisterIsEmpty =>
        "Het register van datalekken is leeg.",
        "The breach register is empty.";
    IdColumn =>
        "nummer",
        "id";
    DiscoveredColumn =>
        "ontdekt",
        "discovered";
    ApClock72Hours =>
        "termijn AP (72 uur)",
        "AP clock (72 hours)";
    RiskColumn =>
        "risico",
        "risk";
    TitleColumn =>
        "titel",
        "title";
    ClosedWord =>
        "afgesloten",
        "closed";
    NotAssessed =>
        "niet beoordeeld",
        "not assessed";
    OpenBreachesNotifyTheAp =>
        "Open datalekken (melden bij de AP binnen 72 uur):",
        "Open breaches (notify the AP within 72 hours):";
    WroteTheNotificationDraftTo =>
        "Concept melding geschreven naar",
        "Wrote the notification draft to";
    BreachEnteredInTheRegister =>
        "Datalek opgenomen in het register:",
        "Breach entered in the register:";
    NotifyTheApBy =>
        "Melden bij de AP uiterlijk",
        "Notify the AP by";
    BreachUpdated =>
        "Datalek bijgewerkt:",
        "Breach updated:";
    ReferenceGoesWithTheStep =>
        "--reference hoort bij de stap authority_notified.",
        "--reference goes with the step authority_notified.";
    HowGoesWithTheStep =>
        "--how hoort bij de stap people_informed.",
        "--how goes with the step people_informed.";
    ApClock =>
        "Termijn AP:",
        "AP clock:";
    NextStep =>
        "Volgende stap:",
        "Next step:";
    EveryStepIsDone =>
        "Alle stappen zijn gezet.",
        "Every step is done.";
}

/// A value with an I/O error after it: `could not read the passphrase: …`.
pub fn failed(lang: Lang, what: Failed, error: &str) -> String {
    let what = match what {
        Failed::ReadPassphrase => lang.pick(
            "kon de wachtwoordzin niet lezen",
            "could not read the passphrase",
        ),
        Failed::TerminalSize => lang.pick(
            "kon de grootte van de terminal niet lezen",
            "could not read the terminal size",
        ),
        Failed::OpenTerminal => lang.pick(
            "kon de terminalinterface niet openen",
            "could not open the terminal UI",
        ),
        Failed::Terminal => lang.pick("de terminal faalde", "the terminal failed"),
        Failed::DemoImport => lang.pick(
            "de demogegevens doorstaan de importcontroles niet",
            "the demo data does not pass the import checks",
        ),
        Failed::DemoRights => lang.pick(
            "de toestemmingen en klachten van de demo konden niet worden toegevoegd",
            "the demo consents and complaints could not be added",
        ),
        Failed::DemoBreaches => lang.pick(
            "de datalekken van de demo konden niet worden toegevoegd",
            "the demo breaches could not be added",
        ),
    };
    format!("{what}: {error}")
}

/// What [`failed`] words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failed {
    ReadPassphrase,
    TerminalSize,
    OpenTerminal,
    Terminal,
    DemoImport,
    DemoRights,
    DemoBreaches,
}

/// What is wrong with a password file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordFile {
    Unreadable(String),
    NoWriter,
    NoLine { seconds: u64 },
    TooLong,
    Empty,
    NotUtf8,
}

/// One sentence about the password file at `path` (already escaped).
pub fn password_file(lang: Lang, path: &str, problem: &PasswordFile) -> String {
    match (lang, problem) {
        (Lang::Nl, PasswordFile::Unreadable(e)) => {
            format!("kon het wachtwoordzinbestand {path} niet lezen: {e}")
        }
        (Lang::En, PasswordFile::Unreadable(e)) => {
            format!("could not read the password file {path}: {e}")
        }
        (Lang::Nl, PasswordFile::NoWriter) => format!(
            "het wachtwoordzinbestand {path} is een pijp waar niemand naar schrijft; er is niets veranderd"
        ),
        (Lang::En, PasswordFile::NoWriter) => {
            format!("the password file {path} is a pipe that nobody writes to; nothing was changed")
        }
        (Lang::Nl, PasswordFile::NoLine { seconds }) => format!(
            "het wachtwoordzinbestand {path} gaf binnen {seconds} seconden geen regel; er is niets veranderd"
        ),
        (Lang::En, PasswordFile::NoLine { seconds }) => format!(
            "the password file {path} gave no line within {seconds} seconds; nothing was changed"
        ),
        (Lang::Nl, PasswordFile::TooLong) => format!(
            "het wachtwoordzinbestand {path} bevat meer dan 64 KiB voordat de eerste regel eindigt; zet de wachtwoordzin op de eerste regel"
        ),
        (Lang::En, PasswordFile::TooLong) => format!(
            "the password file {path} holds more than 64 KiB before its first line ends; put the passphrase on its first line"
        ),
        (Lang::Nl, PasswordFile::Empty) => {
            format!(
                "het wachtwoordzinbestand {path} is leeg; zet de wachtwoordzin op de eerste regel"
            )
        }
        (Lang::En, PasswordFile::Empty) => {
            format!("the password file {path} is empty; put the passphrase on its first line")
        }
        (Lang::Nl, PasswordFile::NotUtf8) => {
            format!("het wachtwoordzinbestand {path} is geen UTF-8-tekst")
        }
        (Lang::En, PasswordFile::NotUtf8) => format!("the password file {path} is not UTF-8 text"),
    }
}

/// An import file that cannot be read.
pub fn import_unreadable(lang: Lang, path: &str, error: &str) -> String {
    match lang {
        Lang::Nl => format!("kon het importbestand {path} niet lezen: {error}"),
        Lang::En => format!("could not read the import file {path}: {error}"),
    }
}

/// `KLUIS_NOW` that is not a moment.
pub fn bad_now(lang: Lang, value: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "KLUIS_NOW moet een moment in RFC 3339 zijn, zoals 2027-01-15T09:00:00+01:00, niet {value:?}"
        ),
        Lang::En => format!(
            "KLUIS_NOW must be an RFC 3339 moment such as 2027-01-15T09:00:00+01:00, not {value:?}"
        ),
    }
}

/// `kluis erase person`'s question: the person and `others` more records.
pub fn erase_question(lang: Lang, others: usize) -> String {
    match lang {
        Lang::Nl => {
            format!("Deze persoon en {others} andere records definitief verwijderen? [j/N] ")
        }
        Lang::En => format!("Erase this person and {others} other records for good? [y/N] "),
    }
}

/// `kluis purge`'s question before `total` records go.
pub fn purge_question(lang: Lang, total: usize) -> String {
    match lang {
        Lang::Nl => format!("Deze {total} records definitief verwijderen? [j/N] "),
        Lang::En => format!("Delete these {total} records for good? [y/N] "),
    }
}

/// An export's file that exists already (`path` shown as given).
pub fn file_exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "{path} bestaat al; kies een ander bestand of geef --force; er is niets geschreven"
        ),
        Lang::En => format!(
            "{path} exists already; choose another file or pass --force; nothing was written"
        ),
    }
}

/// An export's file that could not be written: the operating system's words.
pub fn not_written(lang: Lang, path: &str, error: &str) -> String {
    match lang {
        Lang::Nl => format!("kon niet schrijven naar {path}: {error}; er is niets geschreven"),
        Lang::En => format!("could not write {path}: {error}; nothing was written"),
    }
}

/// `kluis purge --dry-run`'s last line: "3 records would be deleted (dry run)."
pub fn would_be_deleted(lang: Lang, n: u64) -> String {
    let verb = match lang {
        Lang::Nl => plural::one_or_many(
            n,
            "zou worden verwijderd (proefdraai).",
            "zouden worden verwijderd (proefdraai).",
        ),
        Lang::En => "would be deleted (dry run).",
    };
    format!("{} {verb}", plural::count(lang, n, Noun::Record))
}
