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
