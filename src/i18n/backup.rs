//! The words of `kluis backup` and `kluis restore` (DESIGN.md §13.4), and
//! of the last backup on the Overview and in `status`, Dutch and English.
//! Kinds and counts only.

use super::Lang;
use super::dates::date;
use chrono::NaiveDate;

pub fn written(
    lang: Lang,
    path: &str,
    records: usize,
    files: usize,
    destroy_by: NaiveDate,
) -> String {
    let destroy_by = date(lang, destroy_by);
    match lang {
        Lang::Nl => format!(
            "Back-up geschreven naar {path}: {records} records, {files} bestanden, versleuteld met de wachtwoordzin van de kluis. Vernietig hem uiterlijk {destroy_by}."
        ),
        Lang::En => format!(
            "Backup written to {path}: {records} records, {files} files, encrypted with the vault's passphrase. Destroy it by {destroy_by}."
        ),
    }
}

pub fn not_recorded(lang: Lang) -> &'static str {
    lang.pick(
        "Let op: de kluis is alleen te lezen en kon deze back-up niet vastleggen; noteer zelf de vernietigingsdatum.",
        "Note: the vault is open for reading only and could not record this backup; note its destroy-by date yourself.",
    )
}

pub fn exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "{path} bestaat al; kies een ander bestand of geef --force; er is niets geschreven"
        ),
        Lang::En => format!(
            "{path} exists already; choose another file or pass --force; nothing was written"
        ),
    }
}

pub fn write_failed(lang: Lang, path: &str, why: &str) -> String {
    match lang {
        Lang::Nl => {
            format!("kon de back-up {path} niet schrijven: {why}; onder die naam staat niets")
        }
        Lang::En => {
            format!("could not write the backup {path}: {why}; nothing is left under that name")
        }
    }
}

pub fn past_destroy_by(lang: Lang, destroy_by: NaiveDate) -> String {
    let destroy_by = date(lang, destroy_by);
    match lang {
        Lang::Nl => format!(
            "deze back-up had uiterlijk {destroy_by} vernietigd moeten worden; hij wordt niet teruggezet. Vernietig hem nu"
        ),
        Lang::En => format!(
            "this backup had to be destroyed by {destroy_by}; it is not restored. Destroy it now"
        ),
    }
}

pub fn not_a_backup(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!("{path} is geen back-up van kluis; er is niets teruggezet"),
        Lang::En => format!("{path} is not a kluis backup; nothing was restored"),
    }
}

pub fn damaged(lang: Lang, path: &str, what: &str) -> String {
    match lang {
        Lang::Nl => {
            format!("de back-up {path} is beschadigd of veranderd ({what}); er is niets teruggezet")
        }
        Lang::En => {
            format!("the backup {path} is damaged or was changed ({what}); nothing was restored")
        }
    }
}

pub fn read_failed(lang: Lang, path: &str, why: &str) -> String {
    match lang {
        Lang::Nl => format!("kon de back-up {path} niet lezen: {why}; er is niets teruggezet"),
        Lang::En => format!("could not read the backup {path}: {why}; nothing was restored"),
    }
}

pub fn wrong_passphrase(lang: Lang) -> &'static str {
    lang.pick(
        "verkeerde wachtwoordzin voor deze back-up (de wachtwoordzin die de kluis had toen hij gemaakt werd); er is niets teruggezet",
        "wrong passphrase for this backup (the vault's passphrase when it was made); nothing was restored",
    )
}

pub fn target_not_empty(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "{dir} bestaat al en is niet leeg; terugzetten gaat naar een nieuwe map (--vault NIEUWE-MAP)"
        ),
        Lang::En => format!(
            "{dir} exists and is not empty; a restore goes into a new folder (--vault NEW-DIR)"
        ),
    }
}

pub fn confirm(lang: Lang, created: &str, dir: &str) -> String {
    match lang {
        Lang::Nl => format!("De back-up van {created} terugzetten in {dir}? [j/N] "),
        Lang::En => format!("Restore the backup of {created} into {dir}? [y/N] "),
    }
}

pub fn restored(lang: Lang, created: &str, dir: &str, files: usize) -> String {
    match lang {
        Lang::Nl => {
            format!("Teruggezet uit de back-up van {created} in {dir} ({files} bestanden):")
        }
        Lang::En => format!("Restored from the backup of {created} into {dir} ({files} files):"),
    }
}

pub fn purged_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Weggelaten, want verlopen sinds de back-up (niet teruggezet):",
        "Left out, expired since the backup (not restored):",
    )
}

pub fn nothing_purged(lang: Lang) -> &'static str {
    lang.pick(
        "Niets verlopen sinds de back-up.",
        "Nothing expired since the backup.",
    )
}

pub fn shredded(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Nl => {
            format!("{n} records in maanden waarvan de sleutel uit de back-up vernietigd is.")
        }
        Lang::En => format!("{n} records in months whose key was shredded from the backup."),
    }
}

/// The Overview's and `status`'s line: the day of the last backup and its
/// destroy-by date, in the coach's date style.
pub fn last_backup(lang: Lang, made_on: NaiveDate, destroy_by: NaiveDate) -> String {
    let (created, destroy_by) = (date(lang, made_on), date(lang, destroy_by));
    match lang {
        Lang::Nl => format!("Laatste back-up: {created} · vernietigen uiterlijk {destroy_by}"),
        Lang::En => format!("Last backup: {created} · destroy by {destroy_by}"),
    }
}

pub fn no_backup(lang: Lang) -> &'static str {
    lang.pick("Nog geen back-up gemaakt.", "No backup made yet.")
}

pub fn needs_file_name(lang: Lang) -> &'static str {
    lang.pick(
        "een back-up heeft een bestandsnaam nodig, geen map",
        "a backup needs a file name, not a folder",
    )
}

/// What is damaged in a backup that does not restore (exit 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    EndsEarly,
    Header,
    HeaderChanged,
    MonthKey,
    Frame,
    FrameOrder,
    FrameChanged,
    FramesMissing,
    BytesAfterEnd,
    VaultKeys,
    VaultKeysMissing,
    Record,
    File,
}

impl Damage {
    pub fn words(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Damage::EndsEarly => ("het bestand houdt te vroeg op", "the file ends early"),
            Damage::Header => ("de kop is beschadigd", "the header is damaged"),
            Damage::HeaderChanged => (
                "de kop is beschadigd of veranderd",
                "the header is damaged or was changed",
            ),
            Damage::MonthKey => (
                "de sleutel van een maand is beschadigd",
                "a month's key is damaged",
            ),
            Damage::Frame => ("een blok is beschadigd", "a frame is damaged"),
            Damage::FrameOrder => (
                "een blok ontbreekt, staat er twee keer in of staat op de verkeerde plaats",
                "a frame is missing, repeated or out of order",
            ),
            Damage::FrameChanged => (
                "een blok laat zich niet ontsleutelen: veranderd of beschadigd",
                "a frame does not decrypt: changed or damaged",
            ),
            Damage::FramesMissing => ("er ontbreken blokken", "frames are missing"),
            Damage::BytesAfterEnd => (
                "er staan nog bytes na het einde van de back-up",
                "bytes follow the end of the backup",
            ),
            Damage::VaultKeys => (
                "de sleutels van de kluis zijn beschadigd",
                "the vault's keys are damaged",
            ),
            Damage::VaultKeysMissing => (
                "de sleutels van de kluis ontbreken",
                "the vault's keys are missing",
            ),
            Damage::Record => ("een record laat zich niet lezen", "a record does not read"),
            Damage::File => ("een bestand is beschadigd", "a file is damaged"),
        };
        lang.pick(nl, en)
    }
}
