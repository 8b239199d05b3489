//! What `kluis import FILE` refused (DESIGN.md §9), as data, and its words
//! in Dutch and English. The import's checks name a problem; the command
//! line (and a CSV import, by its line and column) says it in the coach's
//! language. A value of the file is never repeated unless it looks like an
//! attempt at the expected form (a date, an amount) or is a word the file
//! chose as a name (a kind, a field, a ref).

use super::Lang;
use chrono::NaiveDate;

/// The path of a problem with the file as a whole rather than one field.
pub const WHOLE_FILE: &str = "(file)";

/// The kind of a JSON value, as serde names it in its complaints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Text,
    Number,
    TrueFalse,
    Null,
    List,
    Object,
}

/// One refusal of the import's checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Not JSON at this line and column; the parser's words as a detail.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The file ends inside the JSON object.
    CutShort,
    /// Nothing but white space.
    EmptyFile,
    /// A CSV list given under a `.json` name.
    LooksLikeCsv,
    /// A second value after the one object.
    MoreAfterObject,
    MissingField(String),
    /// A field the format does not have; `expected` lists the ones it has.
    UnknownField {
        field: String,
        expected: String,
    },
    /// A value outside a fixed list (a kind, a source).
    UnknownValue {
        value: String,
        expected: String,
    },
    /// A value of the wrong JSON kind (a number where text belongs).
    WrongKind {
        found: Option<JsonKind>,
        expected: Option<JsonKind>,
        detail: String,
    },
    /// Another complaint of the JSON reader, kept as it says it.
    Structure(String),
    /// Not a date in the form YYYY-MM-DD; `shown` is the value when it
    /// looks like a date (with its leading space), else empty.
    BadDate {
        shown: String,
    },
    InFuture {
        today: NaiveDate,
    },
    NotOneLine,
    Empty,
    ControlCharacter,
    BadAmount {
        shown: String,
    },
    DuplicateRef(String),
    NotEmail,
    UnknownRef(String),
    NoParticipant,
    CompletedBeforeStarted,
    NotAParticipant {
        participant: String,
        trajectory: String,
    },
    EmptyPassword,
    FirstContactBeforeReceived,
    AcceptedBeforeSent,
    DeclinedBeforeSent,
    AcceptedAndDeclined,
    Suppressed,
    HandledBeforeReceived,
    /// A document or team report without a text and without files.
    BodyMissing,
    /// Two files of one name on one record.
    TwoFilesOfOneName,
    /// Said by another part of the catalogue (a file's or a seal's problem).
    Said {
        nl: String,
        en: String,
    },
}

impl ImportProblem {
    /// A problem another part of the catalogue words, in both languages.
    pub fn said(words: impl Fn(Lang) -> String) -> ImportProblem {
        ImportProblem::Said {
            nl: words(Lang::Nl),
            en: words(Lang::En),
        }
    }

    pub fn words(&self, lang: Lang) -> String {
        use ImportProblem as P;
        let nl = lang == Lang::Nl;
        let fixed = |d: &str, e: &str| lang.pick(d, e).to_string();
        match self {
            P::Syntax {
                line,
                column,
                detail,
            } => match lang {
                Lang::Nl => format!(
                    "geen geldige JSON op regel {line}, kolom {column} (de JSON-lezer zegt: {detail})"
                ),
                Lang::En => format!("not valid JSON at line {line}, column {column} ({detail})"),
            },
            P::CutShort => fixed(
                "het bestand houdt op midden in de JSON (een } of ] te weinig?)",
                "the file ends inside the JSON (a } or ] missing?)",
            ),
            P::EmptyFile => fixed(
                "het bestand is leeg; een importbestand is één JSON-object, zoals {\"people\": […]}",
                "the file is empty; an import file is one JSON object, such as {\"people\": […]}",
            ),
            P::LooksLikeCsv => fixed(
                "dit lijkt een CSV-lijst, geen JSON-importbestand; geef het bestand de extensie .csv en importeer het zo: kluis import LIJST.csv (abonnees: --as subscribers --source … --evidence \"…\")",
                "this looks like a CSV list, not a JSON import file; give the file the extension .csv and import it as: kluis import LIST.csv (subscribers: --as subscribers --source … --evidence \"…\")",
            ),
            P::MoreAfterObject => fixed(
                "er staat nog iets na het JSON-object; een importbestand is één object",
                "more content after the JSON object; an import file is one object",
            ),
            P::MissingField(f) => match lang {
                Lang::Nl => format!("het veld `{f}` ontbreekt"),
                Lang::En => format!("missing field `{f}`"),
            },
            P::UnknownField { field, expected } => match (lang, expected.is_empty()) {
                (Lang::Nl, false) => {
                    format!("onbekend veld `{field}`; hier horen de velden {expected}")
                }
                (Lang::Nl, true) => format!("onbekend veld `{field}`; hier hoort geen veld"),
                (Lang::En, false) => format!("unknown field `{field}`, expected one of {expected}"),
                (Lang::En, true) => format!("unknown field `{field}`, there are no fields"),
            },
            P::UnknownValue { value, expected } => match lang {
                Lang::Nl => format!("onbekende waarde `{value}`; kies een van {expected}"),
                Lang::En => format!("unknown variant `{value}`, expected one of {expected}"),
            },
            P::WrongKind {
                found: Some(found),
                expected: Some(expected),
                ..
            } => match lang {
                Lang::Nl => format!(
                    "hier hoort {}, maar er staat {}",
                    kind(lang, *expected),
                    kind(lang, *found)
                ),
                Lang::En => format!(
                    "expected {} here, found {}",
                    kind(lang, *expected),
                    kind(lang, *found)
                ),
            },
            P::WrongKind { detail, .. } => match lang {
                Lang::Nl => format!("verkeerd soort waarde (de JSON-lezer zegt: {detail})"),
                Lang::En => format!("a value of the wrong kind ({detail})"),
            },
            P::Structure(detail) => match lang {
                Lang::Nl => {
                    format!("klopt niet met het importformaat (de JSON-lezer zegt: {detail})")
                }
                Lang::En => detail.clone(),
            },
            P::BadDate { shown } => match lang {
                Lang::Nl => {
                    format!("geen geldige datum{shown}: schrijf JJJJ-MM-DD, zoals 2026-05-12")
                }
                Lang::En => format!("bad date{shown}: expected YYYY-MM-DD"),
            },
            P::InFuture { today } => {
                let today = super::dates::date(lang, *today);
                match lang {
                    Lang::Nl => format!(
                        "ligt na vandaag ({today}); de datum van iets dat gebeurd is kan dat niet"
                    ),
                    Lang::En => format!(
                        "lies after today ({today}); a date of something that happened cannot"
                    ),
                }
            }
            P::NotOneLine => fixed(
                "bevat een stuurteken (een regeleinde, tab of escape-code); dit veld is één regel platte tekst",
                "contains a control character (a line break, tab or escape code); this field is one line of plain text",
            ),
            P::Empty => fixed("mag niet leeg zijn", "must not be empty"),
            P::ControlCharacter => fixed(
                "bevat een ander stuurteken dan een regeleinde of tab (zoals een escape-code)",
                "contains a control character other than a line break or tab (such as an escape code)",
            ),
            P::BadAmount { shown } => match lang {
                Lang::Nl => format!("geen geldig bedrag{shown}: schrijf euro's zoals \"2450.00\""),
                Lang::En => format!("bad amount{shown}: expected euros like \"2450.00\""),
            },
            P::DuplicateRef(r) => match lang {
                Lang::Nl => format!("de ref {r:?} komt twee keer voor"),
                Lang::En => format!("duplicate ref {r:?}"),
            },
            P::NotEmail => fixed("geen e-mailadres", "not an e-mail address"),
            P::UnknownRef(r) => match lang {
                Lang::Nl => format!("onbekende ref {r:?} (niet eerder in het bestand)"),
                Lang::En => format!("unknown ref {r:?}"),
            },
            P::NoParticipant => fixed(
                "een traject heeft minstens één deelnemer nodig",
                "a trajectory needs at least one participant",
            ),
            P::CompletedBeforeStarted => {
                fixed("afgerond voordat het begon", "completed before it started")
            }
            P::NotAParticipant {
                participant,
                trajectory,
            } => match lang {
                Lang::Nl => format!("{participant:?} is geen deelnemer van traject {trajectory:?}"),
                Lang::En => {
                    format!("{participant:?} is not a participant of trajectory {trajectory:?}")
                }
            },
            P::EmptyPassword => fixed(
                "mag niet leeg zijn; laat het weg voor een gegenereerd wachtwoord",
                "must not be empty; leave it out to get a generated one",
            ),
            P::FirstContactBeforeReceived => fixed(
                "eerste contact voordat het verzoek binnenkwam",
                "first contact before the request was received",
            ),
            P::AcceptedBeforeSent => fixed(
                "een offerte kan niet geaccepteerd zijn voordat hij verstuurd is",
                "a quote cannot be accepted before it was sent",
            ),
            P::DeclinedBeforeSent => fixed(
                "een offerte kan niet afgewezen zijn voordat hij verstuurd is",
                "a quote cannot be declined before it was sent",
            ),
            P::AcceptedAndDeclined => fixed(
                "een offerte is geaccepteerd of afgewezen, niet allebei",
                "a quote is either accepted or declined, not both",
            ),
            P::Suppressed => fixed(
                "dit adres heeft zich eerder afgemeld en wordt niet opnieuw toegevoegd; alleen nieuwe uitdrukkelijke toestemming (bron \"manual\" met bewijs) voegt het weer toe",
                "this address unsubscribed before and is not re-added; only new explicit consent (source \"manual\" with evidence) adds it again",
            ),
            P::HandledBeforeReceived => fixed(
                "afgehandeld voordat het binnenkwam",
                "handled before it was received",
            ),
            P::BodyMissing => fixed(
                "ontbreekt: geef de tekst, bestanden of allebei",
                "is missing: give the text, files, or both",
            ),
            P::TwoFilesOfOneName => fixed(
                "twee bestanden met dezelfde naam",
                "two files of the same name",
            ),
            P::Said { nl: d, en } => if nl { d } else { en }.clone(),
        }
    }
}

fn kind(lang: Lang, k: JsonKind) -> &'static str {
    match k {
        JsonKind::Text => lang.pick("tekst (tussen aanhalingstekens)", "text (in quotes)"),
        JsonKind::Number => lang.pick("een getal", "a number"),
        JsonKind::TrueFalse => lang.pick("true of false", "true or false"),
        JsonKind::Null => lang.pick("null (niets)", "null (nothing)"),
        JsonKind::List => lang.pick("een lijst [ … ]", "a list [ … ]"),
        JsonKind::Object => lang.pick("een object { … }", "an object { … }"),
    }
}

/// A refusal where it is: `people[0].email: not an e-mail address`.
pub fn at(lang: Lang, path: &str, problem: &ImportProblem) -> String {
    let path = if path == WHOLE_FILE {
        lang.pick("(bestand)", WHOLE_FILE)
    } else {
        path
    };
    format!("{path}: {}", problem.words(lang))
}

/// A JSON import file that is not UTF-8 text.
pub fn not_utf8(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "kon het importbestand {path} niet lezen: het is geen tekst in UTF-8; er is niets geschreven"
        ),
        Lang::En => format!(
            "could not read the import file {path}: it is not UTF-8 text; nothing was written"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_file_is_named_in_the_coachs_language() {
        let p = ImportProblem::MoreAfterObject;
        assert!(at(Lang::Nl, WHOLE_FILE, &p).starts_with("(bestand): er staat nog iets"));
        assert!(at(Lang::En, WHOLE_FILE, &p).starts_with("(file): more content"));
        assert_eq!(
            at(Lang::Nl, "people[0].email", &ImportProblem::NotEmail),
            "people[0].email: geen e-mailadres"
        );
    }

    #[test]
    fn a_wrong_kind_is_said_with_both_kinds_when_they_are_known() {
        let p = ImportProblem::WrongKind {
            found: Some(JsonKind::Number),
            expected: Some(JsonKind::Text),
            detail: "invalid type: integer `3`, expected a string".into(),
        };
        assert_eq!(
            p.words(Lang::Nl),
            "hier hoort tekst (tussen aanhalingstekens), maar er staat een getal"
        );
        let unknown = ImportProblem::WrongKind {
            found: None,
            expected: Some(JsonKind::Text),
            detail: "invalid length 2".into(),
        };
        assert!(unknown.words(Lang::Nl).contains("invalid length 2"));
    }
}
