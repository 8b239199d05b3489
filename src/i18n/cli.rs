//! The command line's own sentences, Dutch and English: errors and
//! refusals that are not a vault's (`ops::vault_words`) or a breach's
//! (`breach`). Fixed sentences are `Said` variants; sentences with a value
//! in them are functions below.

use super::Lang;

macro_rules! catalogue {
    ($($name:ident => $nl:expr, $en:expr;)*) => {
        /// A fixed sentence of the command line.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Said { $($name),* }

        impl Said {
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(Said::$name => lang.pick($nl, $en)),* }
            }
        }
    };
}

catalogue! {
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
