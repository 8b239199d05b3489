//! What is wrong with a `config.toml`, in the coach's language: one
//! sentence naming the file, the line and the key (DESIGN.md §13.5).

use super::Lang;
use std::path::Path;

/// The kind of value a setting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Text,
    WholeNumber,
    Table,
    Keys,
}

/// One mistake in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotFound,
    Unreadable(String),
    NotUtf8,
    /// Not TOML; the parser's own words (English) in brackets.
    Syntax(String),
    UnknownSetting,
    WrongType(Expect),
    BadLanguage,
    BadDateStyle,
    BadTheme,
    /// Idle-lock minutes outside 1..=`max`.
    BadMinutes {
        max: u32,
    },
    /// `[keys.X]` names no part of the key table; `known` lists them.
    UnknownScope {
        known: String,
    },
    /// `[keys.X] Y` names no binding of X; `known` lists them.
    UnknownBinding {
        known: String,
    },
    NoKeys,
    NotAKey(String),
    /// The key is bound already on the same screen, to `other`.
    Clash {
        key: String,
        other: String,
    },
}

/// Where in the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    pub line: Option<usize>,
    pub key: Option<String>,
}

/// The whole sentence: `FILE, line N, key K: problem; kluis did not start`.
pub fn sentence(lang: Lang, file: &Path, place: &Place, problem: &Problem) -> String {
    let t = lang;
    let mut s = file.display().to_string();
    if let Some(n) = place.line {
        s += &format!(", {} {n}", t.pick("regel", "line"));
    }
    if let Some(k) = &place.key {
        s += &format!(", {} {k}", t.pick("sleutel", "key"));
    }
    format!(
        "{s}: {}; {}",
        what(lang, problem),
        t.pick("kluis is niet gestart", "kluis did not start")
    )
}

fn expect(lang: Lang, e: Expect) -> &'static str {
    match e {
        Expect::Text => lang.pick("tekst tussen aanhalingstekens", "text in quotes"),
        Expect::WholeNumber => lang.pick("een heel getal", "a whole number"),
        Expect::Table => lang.pick(
            "een tabel zoals [keys.people]",
            "a table such as [keys.people]",
        ),
        Expect::Keys => lang.pick(
            "een toets of een lijst van toetsen, zoals \"a\" of [\"a\", \"Ctrl-n\"]",
            "a key or a list of keys, such as \"a\" or [\"a\", \"Ctrl-n\"]",
        ),
    }
}

fn what(lang: Lang, problem: &Problem) -> String {
    let t = lang;
    match problem {
        Problem::NotFound => t.pick("het bestand bestaat niet", "the file does not exist").into(),
        Problem::Unreadable(e) => format!(
            "{} ({e})",
            t.pick("het bestand kon niet gelezen worden", "the file could not be read")
        ),
        Problem::NotUtf8 => t
            .pick("het bestand is geen UTF-8-tekst", "the file is not UTF-8 text")
            .into(),
        Problem::Syntax(detail) => format!(
            "{} ({detail})",
            t.pick("dit is geen geldige TOML", "this is not valid TOML")
        ),
        Problem::UnknownSetting => t
            .pick(
                "onbekende instelling; de instellingen zijn language, date_style, theme, idle_lock_minutes en [keys]",
                "unknown setting; the settings are language, date_style, theme, idle_lock_minutes and [keys]",
            )
            .into(),
        Problem::WrongType(e) => format!(
            "{} {}",
            t.pick("verkeerd soort waarde: verwacht", "wrong type of value: expected"),
            expect(lang, *e)
        ),
        Problem::BadLanguage => t.pick("kies \"nl\" of \"en\"", "choose \"nl\" or \"en\"").into(),
        Problem::BadDateStyle => t
            .pick(
                "kies \"nl\" (01-12-2026) of \"iso\" (2026-12-01)",
                "choose \"nl\" (01-12-2026) or \"iso\" (2026-12-01)",
            )
            .into(),
        Problem::BadTheme => t
            .pick(
                "kies \"color\" of \"plain\" (zonder kleur)",
                "choose \"color\" or \"plain\" (no colours)",
            )
            .into(),
        Problem::BadMinutes { max } => match t {
            Lang::Nl => format!("kies een heel aantal minuten van 1 tot en met {max}"),
            Lang::En => format!("choose a whole number of minutes from 1 to {max}"),
        },
        Problem::UnknownScope { known } => match t {
            Lang::Nl => format!("geen deel van de toetsentabel; de delen zijn {known}"),
            Lang::En => format!("no part of the key table; the parts are {known}"),
        },
        Problem::UnknownBinding { known } => match t {
            Lang::Nl => format!("hier is geen toets met die naam; dit deel heeft {known}"),
            Lang::En => format!("no binding of that name here; this part has {known}"),
        },
        Problem::NoKeys => t.pick("geef minstens één toets", "give at least one key").into(),
        Problem::NotAKey(w) => match t {
            Lang::Nl => format!(
                "\"{w}\" is geen toets; schrijf één teken, Enter, Esc, Tab, S-Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End of Ctrl- met een letter"
            ),
            Lang::En => format!(
                "\"{w}\" is not a key; write one character, Enter, Esc, Tab, S-Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End or Ctrl- and a letter"
            ),
        },
        Problem::Clash { key, other } => match t {
            Lang::Nl => format!(
                "{key} is op hetzelfde scherm al de toets van {other}; kies een andere toets"
            ),
            Lang::En => format!(
                "{key} is bound already on the same screen, to {other}; choose another key"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_names_file_line_and_key_in_both_languages() {
        let place = Place {
            line: Some(3),
            key: Some("keys.people.new".into()),
        };
        let p = Problem::NoKeys;
        let en = sentence(Lang::En, Path::new("/c/config.toml"), &place, &p);
        assert_eq!(
            en,
            "/c/config.toml, line 3, key keys.people.new: give at least one key; kluis did not start"
        );
        let nl = sentence(Lang::Nl, Path::new("/c/config.toml"), &place, &p);
        assert_eq!(
            nl,
            "/c/config.toml, regel 3, sleutel keys.people.new: geef minstens één toets; kluis is niet gestart"
        );
    }
}
