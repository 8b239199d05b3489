//! The coach's side of an access export (GDPR art. 15(4)): the names of
//! other people found in its texts, the choice to replace them, and what
//! was done, in Dutch and English.

use super::Lang;

/// The names found, listed before the export is written.
pub fn other_names_found(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::Nl => format!(
            "In de titels en teksten van deze export staan namen of adressen van andere mensen in de kluis: {}.",
            names.join(", ")
        ),
        Lang::En => format!(
            "The titles and texts of this export hold names or addresses of other people in the vault: {}.",
            names.join(", ")
        ),
    }
}

/// What replaces another person's name or address in the export's texts.
pub fn placeholder(lang: Lang) -> &'static str {
    lang.pick("[andere deelnemer]", "[other participant]")
}

pub fn redact_question(lang: Lang) -> &'static str {
    lang.pick(
        "Vervangen door \"[andere deelnemer]\"? [J/n] ",
        "Replace them with \"[other participant]\"? [Y/n] ",
    )
}

/// Whether an answer to [`redact_question`] keeps the names (only an
/// explicit no does).
pub fn keeps_names(answer: &str) -> bool {
    matches!(answer.trim().to_lowercase().as_str(), "n" | "no" | "nee")
}

pub fn redacted(lang: Lang, mentions: usize) -> String {
    match lang {
        Lang::Nl => format!(
            "{mentions} vermeldingen zijn vervangen door [andere deelnemer]; lees de export na voordat je hem verstuurt."
        ),
        Lang::En => format!(
            "{mentions} mentions were replaced with [other participant]; read the export before you send it."
        ),
    }
}

pub fn kept(lang: Lang) -> &'static str {
    lang.pick(
        "De namen zijn blijven staan, zoals gevraagd; lees de export na voordat je hem verstuurt.",
        "The names were left as they are, as asked; read the export before you send it.",
    )
}

pub fn no_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "Zonder terminal om het te vragen worden ze vervangen; geef --keep-names om ze te laten staan.",
        "Without a terminal to ask on they are replaced; pass --keep-names to leave them.",
    )
}
