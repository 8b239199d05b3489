//! The words of `kluis import FILE.csv` (DESIGN.md §13.5), Dutch and
//! English. A problem names the line and the column of the file, never a
//! value in it.

use super::Lang;

pub fn not_text(lang: Lang) -> String {
    lang.pick(
        "het bestand is geen tekst in UTF-8, UTF-16 of Windows-1252; sla het in Excel op als \"CSV UTF-8\"",
        "the file is not text in UTF-8, UTF-16 or Windows-1252; save it from Excel as \"CSV UTF-8\"",
    )
    .to_string()
}

pub fn empty(lang: Lang) -> String {
    lang.pick(
        "het bestand is leeg; de eerste regel moet de kolomnamen geven",
        "the file is empty; its first line must name the columns",
    )
    .to_string()
}

pub fn syntax(lang: Lang, line: u64) -> String {
    match lang {
        Lang::Nl => {
            format!("regel {line}: geen geldige CSV (een aanhalingsteken dat niet gesloten wordt?)")
        }
        Lang::En => format!("line {line}: not valid CSV (a quote that is not closed?)"),
    }
}

pub fn too_many_cells(lang: Lang, line: u64, cells: usize, columns: usize) -> String {
    match lang {
        Lang::Nl => format!(
            "regel {line}: {cells} cellen, terwijl de kopregel {columns} kolommen heeft (een scheidingsteken in een naam zonder aanhalingstekens?)"
        ),
        Lang::En => format!(
            "line {line}: {cells} cells while the header has {columns} columns (a separator inside a name without quotes?)"
        ),
    }
}

pub fn two_columns(lang: Lang, field: &str, first: &str, second: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "de kolommen {first:?} en {second:?} geven allebei {field}; kies er één met --map \"{second}=ignore\""
        ),
        Lang::En => format!(
            "the columns {first:?} and {second:?} both give {field}; choose one with --map \"{second}=ignore\""
        ),
    }
}

pub fn no_such_column(lang: Lang, column: &str) -> String {
    match lang {
        Lang::Nl => format!("--map noemt kolom {column:?}, maar de kopregel heeft die niet"),
        Lang::En => format!("--map names the column {column:?}, which the header does not have"),
    }
}

pub fn missing(lang: Lang, field: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "geen kolom voor {field} gevonden (zoals Naam, Voornaam, E-mailadres); noem hem met --map \"KOLOM={field}\""
        ),
        Lang::En => format!(
            "no column found for {field} (such as Name, First Name, Email Address); name it with --map \"COLUMN={field}\""
        ),
    }
}

pub fn bad_date(lang: Lang, line: u64, column: &str) -> String {
    match lang {
        Lang::Nl => {
            format!("regel {line}, kolom {column:?}: geen datum; schrijf 2026-05-12 of 12-05-2026")
        }
        Lang::En => {
            format!("line {line}, column {column:?}: not a date; write 2026-05-12 or 12-05-2026")
        }
    }
}

pub fn refused(lang: Lang, line: u64, column: &str, problem: &str) -> String {
    match (lang, column.is_empty()) {
        (Lang::Nl, false) => format!("regel {line}, kolom {column:?}: {problem}"),
        (Lang::Nl, true) => format!("regel {line}: {problem}"),
        (Lang::En, false) => format!("line {line}, column {column:?}: {problem}"),
        (Lang::En, true) => format!("line {line}: {problem}"),
    }
}

/// `--map` given something other than COLUMN=FIELD.
pub fn bad_map(lang: Lang, fields: &str) -> String {
    match lang {
        Lang::Nl => format!("--map verwacht KOLOM=VELD, met VELD een van: {fields}"),
        Lang::En => format!("--map expects COLUMN=FIELD, with FIELD one of: {fields}"),
    }
}

/// Subscribers without the consent of the whole file.
pub fn needs_consent(lang: Lang) -> String {
    lang.pick(
        "abonnees uit een CSV hebben een bron en bewijs van toestemming nodig voor het hele bestand: --source webinar|ebook|quote|manual --evidence \"…\"",
        "subscribers from a CSV need a source and evidence of consent for the whole file: --source webinar|ebook|quote|manual --evidence \"…\"",
    )
    .to_string()
}

/// `--source` or `--evidence` with `--as people`.
pub fn consent_for_people(lang: Lang) -> String {
    lang.pick(
        "--source en --evidence horen bij abonnees (--as subscribers), niet bij personen",
        "--source and --evidence belong to subscribers (--as subscribers), not to people",
    )
    .to_string()
}

/// The CSV options given for a JSON file.
pub fn only_for_csv(lang: Lang) -> String {
    lang.pick(
        "--as, --map, --source en --evidence gelden alleen voor een CSV-bestand; een JSON-importbestand zegt dat zelf",
        "--as, --map, --source and --evidence apply to a CSV file only; a JSON import file says it itself",
    )
    .to_string()
}

/// The columns left out, after the summary.
pub fn left_out(lang: Lang, columns: &str) -> String {
    match lang {
        Lang::Nl => format!("Niet geïmporteerde kolommen: {columns}"),
        Lang::En => format!("Columns not imported: {columns}"),
    }
}

/// The opening of every refusal of an import.
pub fn import_refused(lang: Lang) -> &'static str {
    lang.pick(
        "import geweigerd, er is niets geschreven:",
        "import refused, nothing was written:",
    )
}
