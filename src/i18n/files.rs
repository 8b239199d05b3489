//! The texts about files in documents and team reports (DESIGN.md §13.1),
//! Dutch and English. None names a file: a file's name is personal data, so
//! a sentence says which file by its position.

use super::Lang;

/// Why a file cannot be added, or a file operation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileText {
    SourceMissing,
    SourceUnreadable,
    SourceDirectory,
    SourceNotRegular,
    SourceTooLarge,
    SourceControlCharacter,
    DuplicateName,
    UnknownRecord,
    UnknownName,
    DestinationExists,
    BodyOrFileRequired,
    NotWritten,
}

impl FileText {
    pub fn get(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            FileText::SourceMissing => (
                "het bestand om toe te voegen bestaat niet; controleer het pad. Er is niets veranderd",
                "the file to add does not exist; check the path. Nothing was changed",
            ),
            FileText::SourceUnreadable => (
                "het bestand om toe te voegen kan niet gelezen worden (geen leesrecht?). Er is niets veranderd",
                "the file to add cannot be read (no permission to read it?). Nothing was changed",
            ),
            FileText::SourceDirectory => (
                "het pad is een map, geen bestand; geef een bestand op. Er is niets veranderd",
                "the path is a folder, not a file; give a file. Nothing was changed",
            ),
            FileText::SourceNotRegular => (
                "het pad is geen gewoon bestand (een pipe of een apparaat); geef een gewoon bestand op. Er is niets veranderd",
                "the path is not a regular file (a pipe or a device); give a regular file. Nothing was changed",
            ),
            FileText::SourceTooLarge => (
                "het bestand is groter dan 2 GiB, de grens per bestand. Er is niets veranderd",
                "the file is larger than 2 GiB, the limit per file. Nothing was changed",
            ),
            FileText::SourceControlCharacter => (
                "het pad bevat een stuurteken (zoals een escape of een regeleinde); hernoem het bestand. Er is niets veranderd",
                "the path holds a control character (an escape or a line break, say); rename the file. Nothing was changed",
            ),
            FileText::DuplicateName => (
                "er is al een bestand met die naam bij dit record; hernoem het bestand of verwijder eerst het andere. Er is niets veranderd",
                "this record has a file of that name already; rename the file or remove the other one first. Nothing was changed",
            ),
            FileText::UnknownRecord => (
                "dat document of adviesrapport bestaat niet; zie `kluis document list`",
                "no such document or team report; see `kluis document list`",
            ),
            FileText::UnknownName => (
                "dit record heeft geen bestand met die naam; zie `kluis document list`",
                "this record has no file of that name; see `kluis document list`",
            ),
            FileText::DestinationExists => (
                "op die plek staat al een bestand; kies een andere plek of geef --force om het te vervangen. Er is niets geschreven",
                "a file exists at that place already; choose another place, or give --force to replace it. Nothing was written",
            ),
            FileText::BodyOrFileRequired => (
                "een document heeft een tekst of een bestand nodig (--text-file of --file)",
                "a document needs a text or a file (--text-file or --file)",
            ),
            FileText::NotWritten => (
                "het bestand kon niet geschreven worden; er is niets achtergelaten",
                "the file could not be written; nothing was left behind",
            ),
        };
        lang.pick(nl, en)
    }
}

/// Which of several files given a sentence is about: "file 2 of 3: ".
pub fn which_of(lang: Lang, index: usize, of: usize) -> String {
    if of <= 1 {
        return String::new();
    }
    match lang {
        Lang::Nl => format!("bestand {} van {of}: ", index + 1),
        Lang::En => format!("file {} of {of}: ", index + 1),
    }
}

/// A stored file that does not verify: its position on its record, never
/// its name.
pub fn damaged(lang: Lang, position: usize, chunk: u64) -> String {
    match lang {
        Lang::Nl => format!(
            "bestand {position} van dit record is beschadigd (blok {chunk} klopt niet); er is niets geschreven. Voer `kluis check` uit"
        ),
        Lang::En => format!(
            "file {position} of this record is damaged (chunk {chunk} does not verify); nothing was written. Run `kluis check`"
        ),
    }
}

/// The line of `kluis check` that counts the files verified.
pub fn files_checked(lang: Lang, files: usize) -> String {
    match lang {
        Lang::Nl => format!("{files} bestanden gecontroleerd"),
        Lang::En => format!("{files} files checked"),
    }
}

/// After `kluis document get` wrote a file.
pub fn written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!("Geschreven naar {path} (alleen voor jou leesbaar)"),
        Lang::En => format!("Written to {path} (readable by you only)"),
    }
}

/// The question before a file is removed from its record.
pub fn confirm_detach(lang: Lang, position: usize) -> String {
    match lang {
        Lang::Nl => format!("Bestand {position} definitief van dit document verwijderen? [j/N] "),
        Lang::En => format!("Remove file {position} from this document for good? [y/N] "),
    }
}

/// After a file was removed from its record.
pub fn detached(lang: Lang, position: usize) -> String {
    match lang {
        Lang::Nl => format!("Bestand {position} is definitief verwijderd"),
        Lang::En => format!("File {position} was removed for good"),
    }
}

/// The word before the number of files in a receipt.
pub fn files_word(lang: Lang) -> &'static str {
    lang.pick("bestanden", "files")
}
