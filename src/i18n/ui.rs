//! Every text of the terminal UI, Dutch and English, in one catalogue.
//! Fixed texts are `Text` variants; texts with numbers are functions below.

use super::Lang;
use crate::domain::records::{RequestKind, SubscriberSource};
use crate::domain::{Kind, TrajectoryKind};

macro_rules! catalogue {
    ($($name:ident => $nl:expr, $en:expr;)*) => {
        /// A fixed text of the UI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text { $($name),* }

        impl Text {
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(Text::$name => lang.pick($nl, $en)),* }
            }
        }
    };
}

catalogue! {
    AppName => "kluis", "kluis";
    // Screens.
    ScreenOverview => "Overzicht", "Overview";
    ScreenPeople => "Personen", "People";
    ScreenTrajectories => "Trajecten", "Trajectories";
    ScreenTeamReports => "Adviesrapporten", "Team reports";
    ScreenInquiries => "Aanvragen", "Inquiries";
    ScreenMailing => "E-maillijst", "Mailing list";
    ScreenRequests => "Verzoeken", "Requests";
    ScreenBreaches => "Datalekken", "Breaches";
    ScreenToDelete => "Te verwijderen", "To delete";
    Coming => "binnenkort", "coming";
    ComingScreen => "Dit scherm komt in een volgende versie van kluis.", "This screen is coming in a later version of kluis.";
    // Countdowns.
    Today => "vandaag", "today";
    Overdue => "over tijd", "overdue";
    ClockNotStarted => "lopend", "open";
    KeptForGood => "blijft", "kept";
    // Columns.
    ColName => "Naam", "Name";
    ColOrganisation => "Organisatie", "Organisation";
    ColRoles => "Rollen", "Roles";
    ColDeadline => "Termijn", "Deadline";
    ColDeleteOn => "Verwijderen op", "Delete on";
    ColTitle => "Titel", "Title";
    ColKind => "Soort", "Kind";
    ColParticipants => "Deelnemers", "Participants";
    ColStatus => "Status", "Status";
    ColTeam => "Team", "Team";
    ColDelivered => "Opgeleverd", "Delivered";
    ColRecord => "Gegeven", "Record";
    ColDocuments => "Documenten", "Documents";
    ColCreated => "Gemaakt", "Created";
    ColMark => "✓", "✓";
    // Roles and states.
    RoleParticipant => "deelnemer", "participant";
    RoleRequester => "aanvrager", "requester";
    RoleNone => "—", "—";
    StatusOpen => "loopt", "running";
    StatusCompleted => "afgerond", "completed";
    // Overview.
    ExpiredNow => "Nu verlopen", "Expired now";
    DueWithin30 => "Verloopt binnen 30 dagen", "Due within 30 days";
    OpenBreaches => "Open datalekken", "Open breaches";
    OpenRequests => "Open verzoeken", "Open requests";
    NextDeadlines => "Eerstvolgende termijnen", "Next deadlines";
    RecordCounts => "Gegevens in de kluis", "Records in the vault";
    NoneYet => "geen", "none";
    GoToDelete => "Druk 9 om op te schonen.", "Press 9 to clean up.";
    // Details.
    DetailTrajectories => "Trajecten", "Trajectories";
    DetailDocuments => "Documenten", "Documents";
    DetailConsents => "Toestemmingen", "Consents";
    DetailRequests => "Verzoeken", "Requests";
    DetailEmail => "E-mail", "E-mail";
    DetailPhone => "Telefoon", "Phone";
    DetailCreated => "Aangemaakt", "Created";
    NoDocuments => "Nog geen documenten. Druk a om er een toe te voegen.", "No documents yet. Press a to attach one.";
    NoRows => "Niets om te tonen.", "Nothing to show.";
    NoMatch => "Niets gevonden voor dit filter.", "Nothing matches this filter.";
    FilterLabel => "Filter", "Filter";
    Withdrawn => "ingetrokken", "withdrawn";
    Handled => "afgehandeld", "handled";
    // Screens 5–7 and a person's rights (issue 6).
    ScreenInquiriesTitle => "Aanvragen en offertes", "Inquiries and quotes";
    ScreenRequestsTitle => "Verzoeken en klachten", "Requests and complaints";
    ScopeInquiries => "Contactaanvragen", "Contact requests";
    ScopeQuotes => "Offertes", "Quotes";
    ScopeRequests => "Verzoeken van betrokkenen", "Subject requests";
    ScopeComplaints => "Klachten", "Complaints";
    ColEmail => "E-mail", "E-mail";
    ColReceived => "Ontvangen", "Received";
    ColFirstContact => "Eerste contact", "First contact";
    ColAmount => "Bedrag", "Amount";
    ColSent => "Verstuurd", "Sent";
    ColSource => "Bron", "Source";
    ColEvidence => "Bewijs", "Evidence";
    ColSince => "Sinds", "Since";
    ColPerson => "Persoon", "Person";
    ColDue => "Uiterlijk", "Due";
    ColClock => "Klok", "Clock";
    ColExtended => "Verlengd", "Extended";
    ColSummary => "Samenvatting", "Summary";
    ColAp => "AP", "AP";
    QuoteOpen => "open", "open";
    QuoteAccepted => "geaccepteerd", "accepted";
    QuoteDeclinedState => "afgewezen", "declined";
    QuoteRestricted => "beperkt (fiscaal)", "restricted (fiscal)";
    StatusOpenComplaint => "open", "open";
    HandledShort => "klaar", "done";
    ExtendedMark => "+2 mnd:", "+2 mo:";
    PersonErased => "[persoon verwijderd]", "[person erased]";
    Anonymous => "(anoniem)", "(anonymous)";
    ApIntro => "Een klacht kan ook naar de toezichthouder:", "A complaint may also go to the supervisory authority:";
    SourceWebinar => "webinar", "webinar";
    SourceEbook => "e-book", "e-book";
    SourceQuote => "offerte", "quote";
    SourceManual => "handmatig", "manual";
    RequestAccess => "inzage", "access";
    RequestRectification => "correctie", "rectification";
    RequestErasure => "verwijdering", "erasure";
    RequestRestriction => "beperking", "restriction";
    RequestPortability => "overdraagbaarheid", "portability";
    RequestObjection => "bezwaar", "objection";
    ChoiceYes => "ja", "yes";
    ChoiceNo => "nee", "no";
    FormatMarkdown => "Markdown (leesbaar)", "Markdown (readable)";
    FormatJson => "JSON (overdraagbaar)", "JSON (portable)";
    FormNewContact => "Nieuwe contactaanvraag", "New contact request";
    FormFirstContact => "Eerste contact vastleggen", "Record the first contact";
    FormConvert => "Offerte maken van deze aanvraag", "Make a quote from this request";
    FormNewQuote => "Nieuwe offerte", "New quote";
    FormAcceptQuote => "Offerte accepteren", "Accept the quote";
    FormDeclineQuote => "Offerte afwijzen", "Decline the quote";
    FormNewSubscriber => "Abonnee toevoegen", "Add a subscriber";
    FormExportMailing => "E-maillijst exporteren (CSV)", "Export the mailing list (CSV)";
    FormNewRequest => "Verzoek vastleggen", "Record a request";
    FormExtendRequest => "Verzoek verlengen", "Extend the request";
    FormRequestHandled => "Verzoek afgehandeld", "Request handled";
    FormNewComplaint => "Klacht vastleggen", "Record a complaint";
    FormComplaintHandled => "Klacht afgehandeld", "Complaint handled";
    FormAccessExport => "Inzage-export", "Access export";
    FormNewConsent => "Toestemming vastleggen", "Record a consent";
    FormWithdrawConsent => "Toestemming intrekken", "Withdraw a consent";
    FieldMessage => "Bericht", "Message";
    FieldPath => "Bestand", "File";
    FieldReceivedOn => "Ontvangen op", "Received on";
    FieldFirstContactOn => "Eerste contact op", "First contact on";
    FieldTakesPart => "Doet zelf mee", "Takes part";
    FieldOtherParticipant => "Andere deelnemer", "Other participant";
    FieldAmount => "Bedrag (euro)", "Amount (euros)";
    FieldSentOn => "Verstuurd op", "Sent on";
    FieldAcceptedOn => "Geaccepteerd op", "Accepted on";
    FieldDeclinedOn => "Afgewezen op", "Declined on";
    FieldSource => "Bron", "Source";
    FieldEvidence => "Bewijs", "Evidence";
    FieldSubscribedOn => "Aangemeld op", "Subscribed on";
    FieldFormat => "Formaat", "Format";
    FieldPerson => "Persoon", "Person";
    FieldRequestKind => "Soort verzoek", "Kind of request";
    FieldReason => "Reden", "Reason";
    FieldHandledOn => "Afgehandeld op", "Handled on";
    FieldSummary => "Samenvatting", "Summary";
    FieldRecipient => "Ontvanger", "Recipient";
    FieldPurpose => "Doel", "Purpose";
    FieldGivenOn => "Gegeven op", "Given on";
    FieldConsent => "Toestemming", "Consent";
    FieldWithdrawnOn => "Ingetrokken op", "Withdrawn on";
    AmountHint => "bijv. 2450.00", "e.g. 2450.00";
    EvidenceHint => "bijv. aanmelding webinar 12 mei", "e.g. webinar sign-up 12 May";
    NewFileHint => "pad van een nieuw bestand", "path of a new file";
    ContactNote => "Alleen voor het eerste contact; komt nooit op de e-maillijst. Bewaard tot een maand na het eerste contact.", "For the first contact only; never joins the mailing list. Kept until one month after the first contact.";
    FirstContactNote => "Vanaf deze datum loopt de bewaartermijn van een maand.", "The one-month retention runs from this date.";
    ConvertNote => "Maakt een persoon en een offerte; de contactaanvraag wordt verwijderd, haar doel is bereikt.", "Makes a person and a quote; the contact request is deleted, its purpose served.";
    AcceptNote => "Aanvrager en deelnemers met e-mail komen op de e-maillijst, tenzij ze zich eerder afmeldden. Bewaard 7 jaar (fiscale plicht).", "The requester and participants with an e-mail join the mailing list unless they unsubscribed before. Kept 7 years (fiscal duty).";
    DeclineNote => "Een afgewezen offerte wordt 12 maanden bewaard.", "A declined quote is kept 12 months.";
    SubscriberNote => "Een eerder afgemeld adres komt alleen terug met bron handmatig en bewijs van nieuwe toestemming.", "An address that unsubscribed before returns only with the manual source and evidence of new consent.";
    ExportMailingNote => "Alleen voor de nieuwsbrieftool. Het bestand is alleen voor jou leesbaar (0600).", "For the newsletter tool only. The file is readable by you only (0600).";
    AccessExportNote => "Alles over deze persoon, met de rechten en de AP. Alleen voor jou leesbaar (0600).", "Everything about this person, with their rights and the AP. Readable by you only (0600).";
    RequestNote => "Beantwoorden binnen een maand (AVG art. 12 lid 3).", "Answer within one month (GDPR art. 12(3)).";
    ExtendNote => "Eén keer met twee maanden; meld de reden binnen de eerste maand aan de persoon.", "Once, by two months; tell the person the reason within the first month.";
    ConsentNote => "Zonder geldige toestemming voor deze ontvanger wordt niets verstrekt (P6).", "Nothing is disclosed without an active consent for this recipient (P6).";
    ProblemFileRequired => "Typ het pad van het bestand.", "Type the path of the file.";
    ProblemPersonRequired => "Kies een persoon.", "Choose a person.";
    ProblemRequesterRequired => "Kies een aanvrager.", "Choose a requester.";
    FileExistsTitle => "Bestand bestaat al", "File exists";
    FileExists => "Dat bestand bestaat al. Overschrijven?", "That file exists already. Replace it?";
    ContactRecorded => "Contactaanvraag vastgelegd.", "Contact request recorded.";
    FirstContactRecorded => "Eerste contact vastgelegd.", "First contact recorded.";
    Converted => "Persoon en offerte gemaakt; de contactaanvraag is verwijderd.", "Person and quote made; the contact request is deleted.";
    QuoteRecorded => "Offerte vastgelegd.", "Quote recorded.";
    QuoteAcceptedTitle => "Offerte geaccepteerd", "Quote accepted";
    QuoteDeclined => "Offerte afgewezen.", "Quote declined.";
    QuoteNotOpen => "Deze offerte is al geaccepteerd, afgewezen of beperkt.", "This quote is accepted, declined or restricted already.";
    JoinedList => "Op de e-maillijst gekomen (bron: offerte):", "Joined the mailing list (source: quote):";
    NobodyJoined => "Niemand is op de e-maillijst gekomen.", "Nobody joined the mailing list.";
    NotJoinedList => "Niet op de e-maillijst gekomen:", "Did not join the mailing list:";
    WhySuppressed => "eerder afgemeld, wordt niet opnieuw toegevoegd", "unsubscribed before, not added again";
    WhyNoEmail => "geen e-mailadres", "no e-mail address";
    WhyAlreadySubscribed => "staat al op de lijst", "already on the list";
    SubscriberAdded => "Abonnee toegevoegd.", "Subscriber added.";
    NoSubscribers => "Er staat niemand op de e-maillijst.", "Nobody is on the mailing list.";
    ConfirmUnsubscribeTitle => "Afmelden?", "Unsubscribe?";
    UnsubscribeExplained => "Dit adres gaat van de lijst. Alleen een sleutel-hash blijft, zodat het niet per ongeluk terugkomt.", "This address leaves the list. Only a keyed hash stays, so it is not added again by mistake.";
    RequestRecorded => "Verzoek vastgelegd.", "Request recorded.";
    RequestExtended => "Verlengd met twee maanden.", "Extended by two months.";
    AlreadyExtended => "Dit verzoek is al eens verlengd; dat kan maar één keer.", "This request was extended already; that is possible once only.";
    AlreadyHandled => "Dit is al afgehandeld.", "This has been handled already.";
    AlreadyFirstContact => "Het eerste contact is al vastgelegd.", "The first contact is recorded already.";
    MarkedHandled => "Afgehandeld.", "Marked handled.";
    ComplaintRecorded => "Klacht vastgelegd.", "Complaint recorded.";
    ReferredToAp => "Gemarkeerd: doorverwezen naar de AP.", "Marked as referred to the AP.";
    NotReferredToAp => "Niet meer gemarkeerd als doorverwezen naar de AP.", "No longer marked as referred to the AP.";
    ConsentRecorded => "Toestemming vastgelegd.", "Consent recorded.";
    ConsentWithdrawn => "Toestemming ingetrokken.", "Consent withdrawn.";
    NoActiveConsents => "Deze persoon heeft geen geldige toestemming om in te trekken.", "This person has no active consent to withdraw.";
    ExportWrittenTitle => "Inzage-export geschreven", "Access export written";
    ConfirmEraseTitle => "Persoon wissen?", "Erase this person?";
    ErasedTitle => "Gewist", "Erased";
    HasGone => "Dit is weg, in één keer:", "This has gone, in one change:";
    WhatStays => "Dit blijft, en waarom:", "This stays, and why:";
    NothingStays => "Er blijft niets over deze persoon.", "Nothing about this person stays.";
    KeyOtherList => "andere lijst", "other list";
    KeyNewContact => "nieuw", "new";
    KeyFirstContact => "eerste contact", "first contact";
    KeyConvert => "offerte maken", "make quote";
    KeyNewQuote => "nieuw", "new";
    KeyAccept => "accepteren", "accept";
    KeyDecline => "afwijzen", "decline";
    KeyNewSubscriber => "toevoegen", "add";
    KeyUnsubscribe => "afmelden", "unsubscribe";
    KeyExportCsv => "CSV", "CSV";
    KeyNewRequest => "nieuw", "new";
    KeyExtend => "verlengen", "extend";
    KeyHandled => "afgehandeld", "handled";
    KeyNewComplaint => "nieuw", "new";
    KeyReferred => "naar AP", "to AP";
    KeyErase => "wissen", "erase";
    KeyConsent => "toestemming", "consent";
    KeyWithdraw => "intrekken", "withdraw";
    KeyRecordRequest => "verzoek", "request";
    // To delete.
    NothingToDelete => "Niets te verwijderen: geen enkel gegeven is over zijn termijn.", "Nothing to delete: no record has passed its deadline.";
    MarkFirst => "Markeer eerst gegevens met Spatie of a.", "Mark records first with Space or a.";
    ConfirmPurgeTitle => "Definitief verwijderen?", "Delete for good?";
    ConfirmDeleteTitle => "Verwijderen?", "Delete?";
    WillGo => "Dit gaat weg, in één keer, en is niet terug te halen:", "This goes, in one change, and cannot be undone:";
    Total => "Totaal", "Total";
    ReceiptTitle => "Verwijderd", "Deleted";
    NothingDeleted => "Er is niets verwijderd: de gemarkeerde gegevens waren niet meer verlopen of al weg.", "Nothing was deleted: the marked records were no longer expired or already gone.";
    // Forms.
    FormNewPerson => "Nieuwe persoon", "New person";
    FormEditPerson => "Persoon bewerken", "Edit person";
    FormStartTrajectory => "Traject starten", "Start a trajectory";
    FormAttach => "Document toevoegen", "Attach a document";
    FormComplete => "Traject afronden", "Complete the trajectory";
    FormNewTeamReport => "Nieuw adviesrapport", "New team report";
    FormOpenTeamReport => "Adviesrapport openen", "Open team report";
    FieldName => "Naam", "Name";
    FieldEmail => "E-mail", "E-mail";
    FieldPhone => "Telefoon", "Phone";
    FieldOrganisation => "Organisatie", "Organisation";
    FieldKind => "Soort", "Kind";
    FieldTitle => "Titel", "Title";
    FieldParticipant => "Deelnemer", "Participant";
    FieldRequester => "Aanvrager", "Requester";
    FieldStartedOn => "Gestart op", "Started on";
    FieldCompletedOn => "Afgerond op", "Completed on";
    FieldText => "Tekst", "Text";
    FieldFile => "of tekstbestand", "or text file";
    FieldTeam => "Team", "Team";
    FieldDeliveredOn => "Opgeleverd op", "Delivered on";
    FieldPasswordMode => "Wachtwoord", "Password";
    FieldOwnPassword => "Eigen wachtwoord", "Own password";
    FieldPassword => "Wachtwoord", "Password";
    KindCoaching => "coaching", "coaching";
    KindTraining => "training", "training";
    KindIndividualReport => "individuele rapportage", "individual report";
    KindQuestionnaireResult => "uitslag vragenlijst", "questionnaire result";
    ChoiceGenerated => "genereren (aanbevolen)", "generate (recommended)";
    ChoiceOwn => "zelf kiezen", "choose my own";
    ChoiceNobody => "(niemand)", "(nobody)";
    PickHint => "typ om te zoeken, ←/→ kiest", "type to search, ←/→ picks";
    NoPersonFound => "(niemand gevonden)", "(nobody found)";
    CompleteHint => "De twee maanden van de bewaartermijn beginnen op deze datum.", "The two-month retention clock starts on this date.";
    OptionalHint => "(optioneel)", "(optional)";
    DateHint => "JJJJ-MM-DD", "YYYY-MM-DD";
    // Problems with form input.
    ProblemNameRequired => "Vul een naam in.", "Enter a name.";
    ProblemTitleRequired => "Vul een titel in.", "Enter a title.";
    ProblemFieldRequired => "Vul alle verplichte velden in.", "Fill in every required field.";
    ProblemBadDate => "Een datum schrijf je als JJJJ-MM-DD.", "Write a date as YYYY-MM-DD.";
    ProblemBadEmail => "Dit e-mailadres klopt niet.", "This e-mail address is not valid.";
    ProblemParticipantRequired => "Kies een deelnemer.", "Choose a participant.";
    ProblemUnknownPerson => "Die persoon bestaat niet (meer).", "That person does not exist (any more).";
    ProblemUnknownRecord => "Dat gegeven bestaat niet (meer).", "That record does not exist (any more).";
    ProblemNotParticipant => "Die persoon doet niet mee aan dit traject.", "That person does not take part in this trajectory.";
    ProblemAlreadyCompleted => "Dit traject is al afgerond.", "This trajectory is already completed.";
    ProblemCompletedBeforeStart => "Afgerond vóór de start kan niet.", "It cannot be completed before it started.";
    ProblemDateInFuture => "Die datum ligt in de toekomst.", "That date is in the future.";
    ProblemBodyRequired => "Typ de tekst of geef een tekstbestand.", "Type the text or give a text file.";
    ProblemBodyTwice => "Geef de tekst óf een bestand, niet allebei.", "Give the text or a file, not both.";
    ProblemFileUnreadable => "Dat bestand kan niet gelezen worden.", "That file cannot be read.";
    ProblemFileTooLarge => "Dat bestand is te groot (meer dan 1 MiB).", "That file is too large (over 1 MiB).";
    ProblemFileNotText => "Dat bestand is geen tekst (UTF-8).", "That file is not text (UTF-8).";
    ProblemPasswordRequired => "Vul een wachtwoord in.", "Enter a password.";
    ProblemNoParticipants => "Dit traject heeft geen deelnemers.", "This trajectory has no participants.";
    WrongTeamPassword => "Verkeerd wachtwoord: er wordt niets getoond.", "Wrong password: nothing is shown.";
    DamagedTeamReport => "Dit adviesrapport is beschadigd en kan niet geopend worden.", "This team report is damaged and cannot be opened.";
    // Team report passwords.
    PasswordShownOnceTitle => "Wachtwoord van dit adviesrapport", "Password of this team report";
    PasswordShownOnce => "Dit wachtwoord wordt één keer getoond. Schrijf het nu op en bewaar het apart van deze computer:", "This password is shown once. Write it down now and keep it away from this computer:";
    PasswordNoRecovery => "Zonder dit wachtwoord is het rapport niet meer te openen; ook niet met de wachtzin van de kluis.", "Without it the report cannot be opened, not even with the vault passphrase.";
    WeakPasswordTitle => "Zwak wachtwoord", "Weak password";
    // Unlock.
    UnlockTitle => "Kluis openen", "Unlock the vault";
    CreateTitle => "Nieuwe kluis maken", "Create a new vault";
    Passphrase => "Wachtzin", "Passphrase";
    PassphraseAgain => "Nogmaals", "Again";
    WrongPassphrase => "Verkeerde wachtzin. Probeer het opnieuw.", "Wrong passphrase. Try again.";
    PassphrasesDiffer => "De twee wachtzinnen verschillen.", "The two passphrases differ.";
    PassphraseEmpty => "Typ een wachtzin.", "Type a passphrase.";
    CreateHint => "Kies een lange wachtzin, bijvoorbeeld vijf losse woorden. Wie hem vergeet, is alles kwijt.", "Choose a long passphrase, for example five unrelated words. Forget it and everything is lost.";
    StrengthWeak => "zwak", "weak";
    StrengthFair => "redelijk", "fair";
    StrengthStrong => "sterk", "strong";
    LockedIdle => "Vergrendeld: te lang geen toets ingedrukt.", "Locked: no key was pressed for too long.";
    LockedByKey => "Vergrendeld.", "Locked.";
    // Messages.
    Saved => "Opgeslagen.", "Saved.";
    PersonAdded => "Persoon toegevoegd.", "Person added.";
    TrajectoryStarted => "Traject gestart.", "Trajectory started.";
    DocumentAttached => "Document toegevoegd.", "Document attached.";
    TeamReportAdded => "Adviesrapport versleuteld opgeslagen.", "Team report sealed and saved.";
    SelectFirst => "Kies eerst een regel.", "Select a row first.";
    NotHere => "Dat kan op dit scherm niet.", "That does not work on this screen.";
    VaultProblem => "De kluis kon de wijziging niet opslaan; er is niets veranderd", "The vault could not save the change; nothing was changed";
    TooSmall => "Terminal te klein", "Terminal too small";
    // Help and scopes.
    HelpTitle => "Toetsen", "Keys";
    ScopeAnywhere => "Overal", "Anywhere";
    ScopeGlobal => "Algemeen", "General";
    ScopeList => "Lijsten", "Lists";
    ScopeFilter => "Filter typen", "Typing a filter";
    ScopePersonDetail => "Persoon", "Person";
    ScopeTrajectoryDetail => "Traject en documenten", "Trajectory and documents";
    ScopeReader => "Lezen", "Reading";
    ScopeForm => "Formulieren", "Forms";
    ScopeConfirm => "Bevestigen", "Confirming";
    ScopeUnlock => "Ontgrendelen", "Unlocking";
    // Key descriptions.
    KeyLock => "vergrendelen", "lock";
    KeyQuit => "stoppen", "quit";
    KeyHelp => "help", "help";
    KeyNextScreen => "volgend scherm", "next screen";
    KeyPrevScreen => "vorig scherm", "previous screen";
    KeyGoTo => "naar scherm", "go to screen";
    KeyUp => "omhoog", "up";
    KeyDown => "omlaag", "down";
    KeyFirst => "eerste", "first";
    KeyLast => "laatste", "last";
    KeyPageUp => "pagina omhoog", "page up";
    KeyPageDown => "pagina omlaag", "page down";
    KeyFilter => "filter", "filter";
    KeyKeepFilter => "filter houden", "keep filter";
    KeyClearFilter => "filter wissen", "clear filter";
    KeyOpen => "openen", "open";
    KeyOpenDocuments => "documenten", "documents";
    KeyRead => "lezen", "read";
    KeyBack => "terug", "back";
    KeyClose => "sluiten", "close";
    KeyNewPerson => "nieuw", "new";
    KeyNewTrajectory => "nieuw", "new";
    KeyNewTeamReport => "nieuw", "new";
    KeyEdit => "bewerken", "edit";
    KeyDelete => "verwijderen", "delete";
    KeyDeleteDocument => "document verwijderen", "delete document";
    KeyExport => "exporteren", "export";
    KeyStartTrajectory => "traject", "trajectory";
    KeyAttach => "document", "attach";
    KeyComplete => "afronden", "complete";
    KeyOpenTeamReport => "openen", "open";
    KeyMark => "markeren", "mark";
    KeyMarkAll => "alles", "all";
    KeyDeleteMarked => "verwijderen", "delete";
    KeyScrollUp => "omhoog", "scroll up";
    KeyScrollDown => "omlaag", "scroll down";
    KeyNextField => "volgend veld", "next field";
    KeyPrevField => "vorig veld", "previous field";
    KeyNextChoice => "volgende keuze", "next choice";
    KeyPrevChoice => "vorige keuze", "previous choice";
    KeySave => "opslaan", "save";
    KeyCancel => "annuleren", "cancel";
    KeyConfirm => "bevestigen", "confirm";
    KeyUnlock => "openen", "unlock";
    // Screen 8: breaches.
    ScopeBreachDetail => "Datalek", "Breach";
    KeyNewBreach => "nieuw", "new";
    KeyExportDraft => "meldconcept", "export draft";
    KeyTick => "stap afvinken", "tick step";
    KeyUntick => "stap terugzetten", "undo step";
    KeyAssess => "risicobeoordeling", "assessment";
    ColBreachClock => "72-uursklok", "72-hour clock";
    ColDiscovered => "Ontdekt", "Discovered";
    ColRisk => "Risico", "Risk";
    ColNextStep => "Volgende stap", "Next step";
    NotAssessed => "onbeoordeeld", "not assessed";
    BreachClosed => "afgesloten", "closed";
    DetailApDeadline => "Meldtermijn AP", "AP deadline";
    DetailData => "Gegevens", "Data";
    DetailChecklist => "Stappen", "Checklist";
    DetailRecommendation => "Advies", "Recommendation";
    DetailDescription => "Omschrijving", "Description";
    DetailCause => "Oorzaak", "Cause";
    DetailPlan => "plan", "plan";
    DetailReference => "kenmerk", "reference";
    DetailHow => "hoe", "how";
    DetailWhyNot => "niet", "not";
    NotAssessedHint => "Nog niet beoordeeld. Druk a om de vragen te beantwoorden.", "Not assessed yet. Press a to answer the questions.";
    LateHint => "De 72 uur zijn voorbij: het meldconcept vraagt om de redenen van de vertraging (druk e).", "The 72 hours have passed: the draft asks for the reasons for the delay (press e).";
    CanClose => "Alles is vastgelegd: de laatste stap sluit het datalek af.", "Everything is recorded: the last step closes the breach.";
    AnswerToSee => "Beantwoord alle vragen om het advies te zien.", "Answer every question to see the recommendation.";
    FormNewBreach => "Nieuw datalek", "New breach";
    FormEditBreach => "Datalek bewerken", "Edit breach";
    FormActionPlan => "Plan van aanpak", "Action plan";
    FormAuthority => "Melding aan de AP", "Notifying the AP";
    FormPeople => "Betrokkenen inlichten", "Informing the people affected";
    FormAssessment => "Risicobeoordeling", "Risk assessment";
    FormExportDraft => "Meldconcept exporteren", "Export the notification draft";
    FieldDiscoveredAt => "Ontdekt op", "Discovered at";
    FieldDescription => "Omschrijving", "Description";
    FieldCause => "Oorzaak", "Cause";
    FieldCategories => "Soorten gegevens", "Kinds of data";
    FieldApproxPeople => "Aantal personen", "People affected";
    FieldApproxRecords => "Aantal gegevens", "Records affected";
    FieldActionPlan => "Plan van aanpak", "Action plan";
    FieldApReference => "Kenmerk AP", "AP reference";
    FieldInformedHow => "Hoe ingelicht", "How informed";
    FieldContactPerson => "Contactpersoon", "Contact person";
    FieldMeasures => "Maatregelen", "Measures taken";
    FieldConsequences => "Gevolgen", "Consequences";
    FieldDelayReason => "Reden vertraging", "Reason for delay";
    FieldDecision => "Besluit", "Decision";
    ChoiceNotified => "gemeld bij de AP", "notified to the AP";
    ChoiceNotNotified => "niet gemeld (geen risico)", "not notified (no risk)";
    ChoiceInformed => "ingelicht", "informed";
    ChoiceNotInformed => "niet ingelicht (geen hoog risico)", "not informed (no high risk)";
    Unanswered => "?", "?";
    QConfidentiality => "Vertrouwelijkheid", "Confidentiality";
    QIntegrity => "Integriteit", "Integrity";
    QAvailability => "Beschikbaarheid", "Availability";
    QUnavailableFor => "Hoe lang weg", "Unavailable for";
    QUnintelligible => "Onleesbaar", "Unintelligible";
    QRecipientTrusted => "Veilige ontvanger", "Trusted recipient";
    QSpecialCategories => "Gevoelige gegevens", "Sensitive data";
    QSubjects => "Aantal personen", "People affected";
    QIdentifiable => "Identificeerbaar", "Identifiable";
    QConsequences => "Ergste gevolg", "Worst effect";
    DateTimeHint => "JJJJ-MM-DD UU:MM", "YYYY-MM-DD HH:MM";
    CategoriesHint => "(komma ertussen)", "(separate with commas)";
    CountHint => "(ongeveer, optioneel)", "(about, optional)";
    ProblemBadMoment => "Schrijf een moment als JJJJ-MM-DD UU:MM.", "Write a moment as YYYY-MM-DD HH:MM.";
    ProblemBadCount => "Een aantal is een heel getal, zoals 12.", "A count is a whole number, such as 12.";
    ProblemActionPlanRequired => "Beschrijf het plan van aanpak.", "Describe the action plan.";
    ProblemPathRequired => "Typ waar het bestand moet komen.", "Type where the file should go.";
    StepAlreadyDone => "Deze stap is al gezet; u zet hem terug.", "This step is done already; u undoes it.";
    StepNotDone => "Deze stap is nog niet gezet.", "This step is not done yet.";
    StepUndone => "Stap teruggezet.", "Step undone.";
    AssessmentSaved => "Risicobeoordeling opgeslagen:", "Assessment saved:";
    DecisionSaved => "Besluit vastgelegd.", "Decision recorded.";
    ConfirmUntickTitle => "Stap terugzetten?", "Undo this step?";
    ConfirmOverwriteTitle => "Bestand overschrijven?", "Overwrite the file?";
    ProblemReasonRequired => "Schrijf op waarom niet.", "Write down why not.";
}

/// A countdown cell: `12 d`, `today`, `3 d overdue`.
pub fn countdown(lang: Lang, days_left: i64) -> String {
    match days_left {
        0 => Text::Today.get(lang).to_string(),
        d if d > 0 => format!("{d} d"),
        d => format!("{} d {}", -d, Text::Overdue.get(lang)),
    }
}

pub fn kind_name(lang: Lang, kind: Kind) -> &'static str {
    let (nl, en) = match kind {
        Kind::Person => ("persoon", "person"),
        Kind::Trajectory => ("traject", "trajectory"),
        Kind::IndividualReport => ("individuele rapportage", "individual report"),
        Kind::QuestionnaireResult => ("uitslag vragenlijst", "questionnaire result"),
        Kind::TeamReport => ("adviesrapport", "team report"),
        Kind::ContactRequest => ("contactaanvraag", "contact request"),
        Kind::Quote => ("offerte", "quote"),
        Kind::Subscriber => ("abonnee", "subscriber"),
        Kind::Suppression => ("afmelding", "unsubscribed address"),
        Kind::Consent => ("toestemming", "consent"),
        Kind::Disclosure => ("verstrekking", "disclosure"),
        Kind::SubjectRequest => ("verzoek", "subject request"),
        Kind::Complaint => ("klacht", "complaint"),
        Kind::Breach => ("datalek", "breach"),
    };
    lang.pick(nl, en)
}

pub fn trajectory_kind(lang: Lang, kind: TrajectoryKind) -> &'static str {
    match kind {
        TrajectoryKind::Coaching => "coaching",
        TrajectoryKind::Training => lang.pick("training", "training"),
    }
}

pub fn too_small(lang: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    format!(
        "{}: {w}×{h}. {} {min_w}×{min_h}.",
        Text::TooSmall.get(lang),
        lang.pick("Nodig is minstens", "It needs at least")
    )
}

pub fn to_delete_summary(lang: Lang, expired: usize, marked: usize) -> String {
    lang.pick(
        &format!("{expired} verlopen, {marked} gemarkeerd"),
        &format!("{expired} expired, {marked} marked"),
    )
    .to_string()
}

pub fn records_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 gegeven".into(),
        (Lang::Nl, n) => format!("{n} gegevens"),
        (Lang::En, 1) => "1 record".into(),
        (Lang::En, n) => format!("{n} records"),
    }
}

pub fn kept_with_marker(lang: Lang, n: usize) -> String {
    lang.pick(
        &format!("{n} gegeven(s) blijven, met een markering \"persoon verwijderd\"."),
        &format!("{n} record(s) stay, with a \"removed person\" marker."),
    )
    .to_string()
}

pub fn oldest_deadline(lang: Lang, date: &str) -> String {
    lang.pick(
        &format!("Oudste termijn: {date}"),
        &format!("Oldest deadline: {date}"),
    )
    .to_string()
}

pub fn deadline_set(lang: Lang, date: &str, days: &str) -> String {
    lang.pick(
        &format!("Afgerond. Verwijderen uiterlijk op {date} ({days})."),
        &format!("Completed. To be deleted on {date} ({days})."),
    )
    .to_string()
}

pub fn strength(lang: Lang, bits: u32) -> String {
    let word = if bits < 50 {
        Text::StrengthWeak
    } else if bits < 80 {
        Text::StrengthFair
    } else {
        Text::StrengthStrong
    };
    lang.pick(
        &format!("Sterkte: ongeveer {bits} bits ({})", word.get(lang)),
        &format!("Strength: about {bits} bits ({})", word.get(lang)),
    )
    .to_string()
}

pub fn weak_password(lang: Lang, bits: u32, generated: u32) -> String {
    lang.pick(
        &format!("Dit wachtwoord is zwak: ongeveer {bits} bits (een gegenereerd wachtwoord heeft er {generated}). Wie het rapport te pakken krijgt, kan het dan raden. Toch gebruiken?"),
        &format!("This password is weak: about {bits} bits (a generated one has {generated}). Anyone who gets hold of the report could guess it. Use it anyway?"),
    )
    .to_string()
}

pub fn create_in(lang: Lang, dir: &str) -> String {
    lang.pick(
        &format!("Er is nog geen kluis in {dir}. Kies een wachtzin om hem te maken."),
        &format!("There is no vault in {dir} yet. Choose a passphrase to create it."),
    )
    .to_string()
}

pub fn idle_after(lang: Lang, minutes: u64) -> String {
    lang.pick(
        &format!("Vergrendelt na {minutes} min zonder toetsen."),
        &format!("Locks after {minutes} min without keys."),
    )
    .to_string()
}

/// The 72-hour clock is running from this moment on.
pub fn breach_registered(lang: Lang, deadline: &str) -> String {
    lang.pick(
        &format!(
            "Datalek vastgelegd. Melden bij de AP uiterlijk {deadline}, of vastleggen waarom niet."
        ),
        &format!("Breach registered. Notify the AP by {deadline}, or record why not."),
    )
    .to_string()
}

pub fn step_ticked(lang: Lang, step: &str, at: &str) -> String {
    lang.pick(
        &format!("Afgevinkt om {at}: {step}."),
        &format!("Ticked at {at}: {step}."),
    )
    .to_string()
}

pub fn untick_question(lang: Lang, step: &str, at: &str) -> String {
    lang.pick(
        &format!("{step} (gezet {at}) wordt teruggezet; wat erbij is vastgelegd blijft bewaard."),
        &format!("{step} (done {at}) is undone; the texts recorded with it stay."),
    )
    .to_string()
}

pub fn close_needs(lang: Lang, steps: &str) -> String {
    lang.pick(
        &format!("Afsluiten kan pas na: {steps}."),
        &format!("It can be closed only after: {steps}."),
    )
    .to_string()
}

pub fn draft_written(lang: Lang, path: &str) -> String {
    lang.pick(
        &format!("Meldconcept geschreven naar {path} (alleen voor jou leesbaar)."),
        &format!("Draft written to {path} (readable by you only)."),
    )
    .to_string()
}

pub fn overwrite_question(lang: Lang, path: &str) -> String {
    lang.pick(
        &format!("{path} bestaat al. Vervangen door het meldconcept?"),
        &format!("{path} exists already. Replace it with the draft?"),
    )
    .to_string()
}

pub fn answer_every_question(lang: Lang, open: &str) -> String {
    lang.pick(
        &format!("Beantwoord alle vragen; nog open: {open}."),
        &format!("Answer every question; still open: {open}."),
    )
    .to_string()
}

/// The recommendation's two decisions in words.
pub fn advice_authority(lang: Lang, notify: bool) -> &'static str {
    match notify {
        true => lang.pick("AP: melden binnen 72 uur", "AP: notify within 72 hours"),
        false => lang.pick("AP: melden niet nodig", "AP: no notification needed"),
    }
}

pub fn advice_people(lang: Lang, inform: bool) -> &'static str {
    match inform {
        true => lang.pick("Betrokkenen: inlichten", "People affected: inform them"),
        false => lang.pick(
            "Betrokkenen: inlichten niet verplicht",
            "People affected: informing not required",
        ),
    }
}

pub fn approx_people(lang: Lang, n: u64) -> String {
    lang.pick(&format!("~{n} personen"), &format!("~{n} people"))
        .to_string()
}

pub fn approx_records(lang: Lang, n: u64) -> String {
    lang.pick(&format!("~{n} gegevens"), &format!("~{n} records"))
        .to_string()
}

/// The catalogue text of a subject request's kind.
pub fn request_kind(kind: RequestKind) -> Text {
    match kind {
        RequestKind::Access => Text::RequestAccess,
        RequestKind::Rectification => Text::RequestRectification,
        RequestKind::Erasure => Text::RequestErasure,
        RequestKind::Restriction => Text::RequestRestriction,
        RequestKind::Portability => Text::RequestPortability,
        RequestKind::Objection => Text::RequestObjection,
    }
}

pub fn source_name(lang: Lang, source: SubscriberSource) -> &'static str {
    match source {
        SubscriberSource::Webinar => Text::SourceWebinar,
        SubscriberSource::Ebook => Text::SourceEbook,
        SubscriberSource::Quote => Text::SourceQuote,
        SubscriberSource::Manual => Text::SourceManual,
    }
    .get(lang)
}

/// An amount as stored ("2450.00"), written with the euro sign.
pub fn euro(amount: &str) -> String {
    format!("€ {amount}")
}

pub fn mailing_summary(lang: Lang, subscribers: usize, suppressed: usize) -> String {
    lang.pick(
        &format!("{subscribers} abonnee(s) · {suppressed} afgemelde adressen, alleen als sleutel-hash bewaard (niet te tonen)"),
        &format!("{subscribers} subscriber(s) · {suppressed} unsubscribed addresses, kept as keyed hashes only (not shown)"),
    )
    .to_string()
}

pub fn unsubscribed(lang: Lang, suppressed: usize) -> String {
    lang.pick(
        &format!("Afgemeld. {suppressed} adressen staan op de niet-toevoegen-lijst."),
        &format!("Unsubscribed. {suppressed} addresses are on the do-not-add list."),
    )
    .to_string()
}

pub fn mailing_written(lang: Lang, n: usize, path: &str) -> String {
    lang.pick(
        &format!("{n} adres(sen) geschreven naar {path}."),
        &format!("{n} address(es) written to {path}."),
    )
    .to_string()
}

pub fn export_written(lang: Lang, path: &str, records: usize) -> String {
    lang.pick(
        &format!("Inzage-export geschreven naar {path} ({records} gegevens)."),
        &format!("Access export written to {path} ({records} records)."),
    )
    .to_string()
}

pub fn export_redactions(lang: Lang, n: usize) -> String {
    lang.pick(
        &format!("Let op: {n} vermelding(en) van andere personen zijn vervangen; lees de export na voordat je hem verstuurt."),
        &format!("Note: {n} mention(s) of other people were replaced; read the export before you send it."),
    )
    .to_string()
}

pub fn open_request_reminder(lang: Lang, due: &str) -> String {
    lang.pick(
        &format!("Er loopt een inzageverzoek (uiterlijk {due}): markeer het als afgehandeld zodra de export verstuurd is (scherm 7)."),
        &format!("An access request is open (due {due}): mark it handled once the export has been sent (screen 7)."),
    )
    .to_string()
}

pub fn write_failed(lang: Lang, reason: &str) -> String {
    lang.pick(
        &format!("Kon het bestand niet schrijven ({reason}); er is niets geschreven."),
        &format!("Could not write the file ({reason}); nothing was written."),
    )
    .to_string()
}

/// "Request recorded. Answer by 2026-12-25 (30 d)."
pub fn answer_by(lang: Lang, what: Text, date: &str, days: &str) -> String {
    lang.pick(
        &format!("{} Beantwoorden uiterlijk {date} ({days}).", what.get(lang)),
        &format!("{} Answer by {date} ({days}).", what.get(lang)),
    )
    .to_string()
}

/// "Quote declined. Deleted on 2027-11-25 (365 d)."
pub fn deleted_on(lang: Lang, what: Text, date: &str, days: &str) -> String {
    lang.pick(
        &format!("{} Verwijderen op {date} ({days}).", what.get(lang)),
        &format!("{} To be deleted on {date} ({days}).", what.get(lang)),
    )
    .to_string()
}

pub fn accepted_on(lang: Lang, on: &str, kept_until: &str) -> String {
    lang.pick(
        &format!("Geaccepteerd op {on}. Bewaard voor de fiscale plicht tot {kept_until}."),
        &format!("Accepted on {on}. Kept for the fiscal duty until {kept_until}."),
    )
    .to_string()
}

pub fn erasure_requests_handled(lang: Lang, n: usize) -> String {
    lang.pick(
        &format!("{n} open verwijderverzoek(en) van deze persoon worden hiermee afgehandeld."),
        &format!("{n} open erasure request(s) of this person are handled by this."),
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_read_without_colour() {
        assert_eq!(countdown(Lang::En, 12), "12 d");
        assert_eq!(countdown(Lang::En, 0), "today");
        assert_eq!(countdown(Lang::En, -3), "3 d overdue");
        assert_eq!(countdown(Lang::Nl, 12), "12 d");
        assert_eq!(countdown(Lang::Nl, 0), "vandaag");
        assert_eq!(countdown(Lang::Nl, -3), "3 d over tijd");
    }
}
