//! `kluis import FILE.csv` (DESIGN.md §13.5): people or subscribers from a
//! spreadsheet or a newsletter tool's export, turned into the import file of
//! §9 so that the JSON import's checks and plan (`ops::import`) decide what
//! is written, and nothing else does.
//!
//! Read as exports come: `;` (Dutch Excel), `,` or tab, found from the
//! header line (or Excel's `sep=;` line); UTF-8 with or without a byte order
//! mark, UTF-16 with one, else Windows-1252. Header names in Dutch or
//! English, `--map COLUMN=FIELD` for others; columns that are not known are
//! left out, never imported by guess. A problem names the row (the line of
//! the file) and the column, never a value from it.

use super::import::{ImportError, ImportFile, PersonIn, SubscriberIn};
use crate::domain::records::SubscriberSource;
use crate::i18n::Lang;
use crate::i18n::csv_import as words;
use crate::i18n::import::ImportProblem;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Email,
    Name,
    FirstName,
    /// The Dutch `tussenvoegsel` ("de", "van der") between first and last name.
    Infix,
    LastName,
    Phone,
    Organisation,
    /// The day a person was added, or a subscriber signed up.
    Date,
    /// Left out on purpose (`--map COLUMN=ignore`).
    Ignore,
}

impl Field {
    /// The names `--map` accepts.
    pub const NAMES: [(&'static str, Field); 9] = [
        ("email", Field::Email),
        ("name", Field::Name),
        ("first_name", Field::FirstName),
        ("infix", Field::Infix),
        ("last_name", Field::LastName),
        ("phone", Field::Phone),
        ("organisation", Field::Organisation),
        ("date", Field::Date),
        ("ignore", Field::Ignore),
    ];

    pub fn parse(s: &str) -> Option<Field> {
        let s = s.trim().to_ascii_lowercase();
        Field::NAMES.iter().find(|(n, _)| *n == s).map(|(_, f)| *f)
    }

    fn name(self) -> &'static str {
        Field::NAMES
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("ignore", |(n, _)| n)
    }
}

/// Header names of Excel lists, Mailchimp and Laposta, in Dutch and
/// English, as [`normalise`] writes them.
const KNOWN: [(&str, Field); 39] = [
    ("email", Field::Email),
    ("e mail", Field::Email),
    ("email address", Field::Email),
    ("e mail address", Field::Email),
    ("e mailadres", Field::Email),
    ("emailadres", Field::Email),
    ("e mail adres", Field::Email),
    ("mailadres", Field::Email),
    ("name", Field::Name),
    ("naam", Field::Name),
    ("full name", Field::Name),
    ("volledige naam", Field::Name),
    ("first name", Field::FirstName),
    ("firstname", Field::FirstName),
    ("fname", Field::FirstName),
    ("voornaam", Field::FirstName),
    ("roepnaam", Field::FirstName),
    ("tussenvoegsel", Field::Infix),
    ("tussenvoegsels", Field::Infix),
    ("last name", Field::LastName),
    ("lastname", Field::LastName),
    ("lname", Field::LastName),
    ("surname", Field::LastName),
    ("achternaam", Field::LastName),
    ("phone", Field::Phone),
    ("phone number", Field::Phone),
    ("telefoon", Field::Phone),
    ("telefoonnummer", Field::Phone),
    ("mobiel", Field::Phone),
    ("organisation", Field::Organisation),
    ("organization", Field::Organisation),
    ("organisatie", Field::Organisation),
    ("company", Field::Organisation),
    ("bedrijf", Field::Organisation),
    ("optin time", Field::Date),
    ("signup date", Field::Date),
    ("aangemeld op", Field::Date),
    ("inschrijfdatum", Field::Date),
    ("datum", Field::Date),
];

/// A header name as it is compared: lower case, letters and digits with
/// single spaces between them (`E-mailadres` → `e mailadres`,
/// `OPTIN_TIME` → `optin time`).
fn normalise(header: &str) -> String {
    let mut out = String::new();
    for c in header.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Which records the file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Records {
    People,
    Subscribers {
        source: SubscriberSource,
        evidence: String,
    },
}

/// How to read the file: what it holds, and `--map` pairs (column, field).
pub struct Options {
    pub records: Records,
    pub map: Vec<(String, Field)>,
}

/// A problem with the file itself, before the import's checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// Neither UTF-8, UTF-16 with a mark, nor Windows-1252 text.
    NotText,
    Empty,
    /// The csv reader's complaint (an unclosed quote), at this line.
    Syntax {
        line: u64,
    },
    /// A row with more cells than the header has columns.
    TooManyCells {
        line: u64,
        cells: usize,
        columns: usize,
    },
    /// Two columns hold the same field.
    TwoColumns {
        field: Field,
        first: String,
        second: String,
    },
    /// `--map` names a column the header does not have.
    NoSuchColumn(String),
    /// The file lacks a column the records need.
    Missing(Field),
    BadDate {
        line: u64,
        column: String,
    },
    /// A check of the import (§9) failed on this row and column.
    Refused {
        line: u64,
        column: String,
        problem: ImportProblem,
    },
}

impl CsvError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CsvError::NotText => words::not_text(lang),
            CsvError::Empty => words::empty(lang),
            CsvError::Syntax { line } => words::syntax(lang, *line),
            CsvError::TooManyCells {
                line,
                cells,
                columns,
            } => words::too_many_cells(lang, *line, *cells, *columns),
            CsvError::TwoColumns {
                field,
                first,
                second,
            } => words::two_columns(lang, field.name(), first, second),
            CsvError::NoSuchColumn(c) => words::no_such_column(lang, c),
            CsvError::Missing(f) => words::missing(lang, f.name()),
            CsvError::BadDate { line, column } => words::bad_date(lang, *line, column),
            CsvError::Refused {
                line,
                column,
                problem,
            } => words::refused(lang, *line, column, &problem.words(lang)),
        }
    }
}

/// Whether a file to import is CSV: by its extension, else by its content
/// (a JSON import file is one object, so it starts with `{`).
pub fn is_csv(path: &std::path::Path, bytes: &[u8]) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv") => true,
        Some(e) if e.eq_ignore_ascii_case("json") => false,
        _ => {
            let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            text.iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b != b'{')
        }
    }
}

/// The bytes as text: UTF-8 (a byte order mark dropped), UTF-16 with its
/// mark, else Windows-1252, the encoding of Excel's "CSV (puntkomma)".
pub fn decode(bytes: &[u8]) -> Result<String, CsvError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        return if had_errors {
            Err(CsvError::NotText)
        } else {
            Ok(text.into_owned())
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (text, had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    if had_errors || text.contains('\0') {
        return Err(CsvError::NotText);
    }
    Ok(text.into_owned())
}

/// Where each field of each row came from, to name it in a refusal.
pub struct Origins {
    /// Per record (in file order): its line in the file.
    lines: Vec<u64>,
    /// Per field: the column's header as the file writes it.
    columns: BTreeMap<Field, String>,
    /// The file's columns that are not imported.
    pub left_out: Vec<String>,
}

impl Origins {
    /// A refusal of the import's checks (`people[3].email: …`) as the row
    /// and column of the file.
    pub fn locate(&self, e: &ImportError) -> CsvError {
        let (index, field) = parse_path(&e.path);
        let line = index.and_then(|i| self.lines.get(i).copied()).unwrap_or(0);
        let fields: &[Field] = match field {
            "email" => &[Field::Email],
            "name" => &[Field::Name, Field::FirstName, Field::LastName],
            "phone" => &[Field::Phone],
            "organisation" => &[Field::Organisation],
            "created_on" | "subscribed_on" => &[Field::Date],
            _ => &[],
        };
        let column = fields
            .iter()
            .find_map(|f| self.columns.get(f))
            .cloned()
            .unwrap_or_default();
        CsvError::Refused {
            line,
            column,
            problem: e.problem.clone(),
        }
    }
}

/// `people[3].email` → (Some(3), "email").
fn parse_path(path: &str) -> (Option<usize>, &str) {
    let index = path
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .and_then(|(n, _)| n.parse().ok());
    let field = path.rsplit_once('.').map_or("", |(_, f)| f);
    (index, field)
}

/// Reads the CSV text into the records of an import file, with where each
/// came from. Dates become `YYYY-MM-DD`; everything else is checked by the
/// import's plan.
pub fn read(text: &str, o: &Options, today: NaiveDate) -> Result<(ImportFile, Origins), CsvError> {
    // Line ends as LF: the csv reader counts the lines of CRLF files short.
    let text = text.replace("\r\n", "\n");
    let (delimiter, body, first_line) = dialect(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(syntax(&e, first_line)),
        None => return Err(CsvError::Empty),
    };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let fields = column_fields(&headers, &o.map)?;
    let mut columns: BTreeMap<Field, String> = BTreeMap::new();
    let mut left_out = Vec::new();
    for (h, f) in headers.iter().zip(&fields) {
        match f {
            Some(Field::Ignore) | None => {
                if !h.is_empty() {
                    left_out.push(h.clone());
                }
            }
            Some(f) => {
                if let Some(first) = columns.get(f) {
                    return Err(CsvError::TwoColumns {
                        field: *f,
                        first: first.clone(),
                        second: h.clone(),
                    });
                }
                columns.insert(*f, h.clone());
            }
        }
    }
    let need: &[Field] = match o.records {
        Records::People if columns.contains_key(&Field::Name) => &[],
        Records::People => &[Field::FirstName],
        Records::Subscribers { .. } => &[Field::Email],
    };
    if let Some(f) = need.iter().find(|f| !columns.contains_key(f)) {
        return Err(CsvError::Missing(*f));
    }

    let mut file = ImportFile::default();
    let mut lines = Vec::new();
    for row in rows {
        let row = row.map_err(|e| syntax(&e, first_line))?;
        let line = row.position().map_or(0, |p| p.line()) + first_line - 1;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue; // Excel's trailing `;;;` rows
        }
        if row.len() > headers.len() {
            return Err(CsvError::TooManyCells {
                line,
                cells: row.len(),
                columns: headers.len(),
            });
        }
        let cell = |f: Field| -> Option<String> {
            let i = fields.iter().position(|x| *x == Some(f))?;
            let v = row.get(i)?.trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        let date = match cell(Field::Date) {
            Some(v) => Some(parse_date(&v).ok_or_else(|| CsvError::BadDate {
                line,
                column: columns.get(&Field::Date).cloned().unwrap_or_default(),
            })?),
            None => None,
        };
        let name = cell(Field::Name).or_else(|| {
            let parts: Vec<String> = [Field::FirstName, Field::Infix, Field::LastName]
                .into_iter()
                .filter_map(&cell)
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        match &o.records {
            Records::People => file.people.push(PersonIn {
                reference: format!("row{line}"),
                name: name.unwrap_or_default(),
                email: cell(Field::Email),
                phone: cell(Field::Phone),
                organisation: cell(Field::Organisation),
                created_on: date.map(|d| d.to_string()),
            }),
            Records::Subscribers { source, evidence } => file.subscribers.push(SubscriberIn {
                email: cell(Field::Email).unwrap_or_default(),
                name,
                source: *source,
                evidence: evidence.clone(),
                // Without a sign-up column, the day of the import: the
                // evidence says for the whole file how consent was given.
                subscribed_on: date.unwrap_or(today).to_string(),
            }),
        }
        lines.push(line);
    }
    Ok((
        file,
        Origins {
            lines,
            columns,
            left_out,
        },
    ))
}

/// The delimiter, the text after an Excel `sep=` line, and the line number
/// of the header (1, or 2 after a `sep=` line).
fn dialect(text: &str) -> (u8, &str, u64) {
    let first = text.lines().next().unwrap_or("");
    if let Some(sep) = first.trim().strip_prefix("sep=")
        && let [d] = sep.as_bytes()
    {
        let rest = text.split_once('\n').map_or("", |(_, r)| r);
        return (*d, rest, 2);
    }
    // The header's most frequent separator outside quotes.
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    let best = counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d);
    (best, text, 1)
}

fn syntax(e: &csv::Error, first_line: u64) -> CsvError {
    let line = e.position().map_or(0, |p| p.line()) + first_line - 1;
    CsvError::Syntax { line }
}

/// The field of each column: `--map` first, then the known header names.
fn column_fields(
    headers: &[String],
    map: &[(String, Field)],
) -> Result<Vec<Option<Field>>, CsvError> {
    let mut fields: Vec<Option<Field>> = headers
        .iter()
        .map(|h| {
            let n = normalise(h);
            KNOWN.iter().find(|(k, _)| *k == n).map(|(_, f)| *f)
        })
        .collect();
    for (column, field) in map {
        let want = normalise(column);
        let i = headers
            .iter()
            .position(|h| normalise(h) == want)
            .ok_or_else(|| CsvError::NoSuchColumn(column.clone()))?;
        fields[i] = Some(*field);
    }
    Ok(fields)
}

/// `2026-05-12`, `2026-05-12 10:31:02` (Mailchimp), `12-5-2026` or
/// `12/05/2026` (Dutch Excel: day first).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let day = s.split([' ', 'T']).next()?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(day, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(day, "%d.%m.%Y"))
        .ok()
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn people() -> Options {
        Options {
            records: Records::People,
            map: Vec::new(),
        }
    }

    #[test]
    fn header_names_are_compared_without_case_or_punctuation() {
        assert_eq!(normalise(" E-mailadres "), "e mailadres");
        assert_eq!(normalise("OPTIN_TIME"), "optin time");
        assert_eq!(normalise("Email Address"), "email address");
    }

    #[test]
    fn windows_1252_utf8_and_a_byte_order_mark_all_read() {
        assert_eq!(decode(b"Zo\xEB;\xE9").unwrap(), "Zoë;é");
        assert_eq!(decode("\u{feff}Zoë".as_bytes()).unwrap(), "Zoë");
        assert_eq!(decode("Zoë".as_bytes()).unwrap(), "Zoë");
        assert_eq!(decode(b"\xFF\xFEZ\0o\0").unwrap(), "Zo");
    }

    #[test]
    fn dutch_dates_are_day_first_and_mailchimp_times_are_cut() {
        assert_eq!(parse_date("12-5-2026"), Some(d("2026-05-12")));
        assert_eq!(parse_date("12/05/2026"), Some(d("2026-05-12")));
        assert_eq!(parse_date("2026-05-12 10:31:02"), Some(d("2026-05-12")));
        assert_eq!(parse_date("mei 2026"), None);
    }

    #[test]
    fn a_dutch_list_with_tussenvoegsel_and_an_excel_sep_line() {
        let text = "sep=;\r\nVoornaam;Tussenvoegsel;Achternaam;E-mailadres;Notities\r\nAnna;de;Vries;anna@example.nl;geheim\r\n;;;;\r\n";
        let (file, origins) = read(text, &people(), d("2026-11-25")).unwrap();
        assert_eq!(file.people.len(), 1);
        assert_eq!(file.people[0].name, "Anna de Vries");
        assert_eq!(file.people[0].email.as_deref(), Some("anna@example.nl"));
        assert_eq!(origins.left_out, ["Notities"]);
        assert_eq!(origins.lines, [3]);
    }

    #[test]
    fn a_map_names_a_column_and_a_missing_column_is_said() {
        let text = "Deelnemer,Mail\nAnna de Vries,anna@example.nl\n";
        let o = Options {
            records: Records::People,
            map: vec![
                ("deelnemer".into(), Field::Name),
                ("Mail".into(), Field::Email),
            ],
        };
        let (file, _) = read(text, &o, d("2026-11-25")).unwrap();
        assert_eq!(file.people[0].name, "Anna de Vries");
        assert!(matches!(
            read(text, &people(), d("2026-11-25")),
            Err(CsvError::Missing(Field::FirstName))
        ));
        let o = Options {
            records: Records::People,
            map: vec![("Telefoon".into(), Field::Phone)],
        };
        assert!(matches!(
            read(text, &o, d("2026-11-25")),
            Err(CsvError::NoSuchColumn(_))
        ));
    }

    #[test]
    fn a_refusal_of_the_import_checks_names_the_line_and_column() {
        let text = "Naam;E-mailadres\nAnna;anna@example.nl\nBram;geen adres\n";
        let (_, origins) = read(text, &people(), d("2026-11-25")).unwrap();
        let e = ImportError {
            path: "people[1].email".into(),
            problem: ImportProblem::NotEmail,
        };
        assert_eq!(
            origins.locate(&e),
            CsvError::Refused {
                line: 3,
                column: "E-mailadres".into(),
                problem: ImportProblem::NotEmail
            }
        );
    }

    #[test]
    fn json_and_csv_are_told_apart() {
        use std::path::Path;
        assert!(is_csv(Path::new("lijst.CSV"), b"{"));
        assert!(!is_csv(Path::new("a.json"), b"Naam;E-mail"));
        assert!(is_csv(Path::new("export"), b"\xEF\xBB\xBFNaam;E-mail"));
        assert!(!is_csv(Path::new("export"), b"  {\"people\": []}"));
    }
}
