//! The JSON reader's complaint about an import file, as an `ImportProblem`
//! the catalogue says in the coach's language: a missing or unknown field,
//! an unknown kind, a value of the wrong kind, a syntax error at its line
//! and column, a file that ends too soon, and a CSV list given under a
//! `.json` name. serde's own words stay only as a detail, values removed.

use super::import::without_values;
use crate::i18n::import::{ImportProblem, JsonKind};
use serde_json::error::Category;

/// What `text` failed on, by serde_json's error `e`.
pub fn problem(e: &serde_json::Error, text: &str) -> ImportProblem {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the path or the Syntax
    // variant says where.
    let msg = full.split(" at line ").next().unwrap_or(&full);
    match e.classify() {
        Category::Syntax | Category::Eof if looks_like_csv(text) => ImportProblem::LooksLikeCsv,
        Category::Eof if text.trim().is_empty() => ImportProblem::EmptyFile,
        Category::Eof => ImportProblem::CutShort,
        Category::Syntax | Category::Io => ImportProblem::Syntax {
            line: e.line(),
            column: e.column(),
            detail: without_values(msg),
        },
        Category::Data => data_problem(msg),
    }
}

/// A list of columns: the first line is not a JSON object's opening and
/// holds a separator of a CSV export.
fn looks_like_csv(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let first = text.lines().next().unwrap_or_default();
    !first.starts_with(['{', '[']) && !first.is_empty() && first.contains([';', ',', '\t'])
}

fn data_problem(msg: &str) -> ImportProblem {
    if let Some(rest) = msg.strip_prefix("missing field `")
        && let Some((field, _)) = rest.split_once('`')
    {
        return ImportProblem::MissingField(field.to_string());
    }
    if let Some(rest) = msg.strip_prefix("unknown field `")
        && let Some((field, rest)) = rest.split_once('`')
    {
        return ImportProblem::UnknownField {
            field: field.to_string(),
            expected: expected_names(rest),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        // The value refused may be personal (a name in the wrong field):
        // it is kept only when it is a word.
        let (value, rest) = match rest.strip_prefix('`').and_then(|r| r.split_once('`')) {
            Some((v, r)) => (v, r),
            None => ("", rest),
        };
        let shown = without_values(&format!("`{value}`"));
        let value = if shown.starts_with('`') { value } else { "" };
        return ImportProblem::UnknownValue {
            value: value.to_string(),
            expected: expected_names(rest),
        };
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return ImportProblem::WrongKind {
            found: found_kind(found),
            expected: expected_kind(expected),
            detail: without_values(msg),
        };
    }
    ImportProblem::Structure(without_values(msg))
}

/// "…, expected one of `a`, `b`" or "…, expected `a` or `b`" → "`a`, `b`"
/// (the format's own names, so the words around them can be Dutch); no
/// fields → "".
fn expected_names(rest: &str) -> String {
    let Some((_, names)) = rest.split_once("expected ") else {
        return String::new();
    };
    names
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn found_kind(found: &str) -> Option<JsonKind> {
    let word = found.split([' ', '`', '"']).next().unwrap_or_default();
    Some(match word {
        "string" => JsonKind::Text,
        "integer" | "floating" => JsonKind::Number,
        "boolean" => JsonKind::TrueFalse,
        "null" | "unit" => JsonKind::Null,
        "sequence" => JsonKind::List,
        "map" => JsonKind::Object,
        _ => return None,
    })
}

fn expected_kind(expected: &str) -> Option<JsonKind> {
    let e = expected.trim();
    Some(match e {
        "a string" | "a borrowed string" => JsonKind::Text,
        "a sequence" => JsonKind::List,
        "a map" => JsonKind::Object,
        "a boolean" => JsonKind::TrueFalse,
        _ if e.starts_with("struct ") => JsonKind::Object,
        _ if is_number_type(e) => JsonKind::Number,
        _ => return None,
    })
}

fn is_number_type(e: &str) -> bool {
    matches!(
        e,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64"
    ) || e.ends_with("integer")
        || e.ends_with("number")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(json: &str) -> ImportProblem {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Row {
            name: String,
            kind: Option<K>,
            n: Option<u32>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum K {
            Team,
            Individual,
        }
        let e = serde_json::from_str::<Row>(json).expect_err("refused");
        problem(&e, json)
    }

    #[test]
    fn serdes_complaints_become_problems_the_catalogue_words() {
        assert_eq!(of(r#"{}"#), ImportProblem::MissingField("name".into()));
        assert_eq!(
            of(r#"{"name": "a", "naam": 1}"#),
            ImportProblem::UnknownField {
                field: "naam".into(),
                expected: "`name`, `kind`, `n`".into()
            }
        );
        assert_eq!(
            of(r#"{"name": "a", "kind": "teams"}"#),
            ImportProblem::UnknownValue {
                value: "teams".into(),
                expected: "`team`, `individual`".into()
            }
        );
        let p = of(r#"{"name": "a", "kind": "Anna de Vries"}"#);
        assert!(
            matches!(&p, ImportProblem::UnknownValue { value, .. } if value.is_empty()),
            "a value that may be personal is not kept: {p:?}"
        );
        assert!(matches!(
            of(r#"{"name": 3}"#),
            ImportProblem::WrongKind {
                found: Some(JsonKind::Number),
                expected: Some(JsonKind::Text),
                ..
            }
        ));
        assert!(matches!(
            of(r#"{"name": "a", "n": "drie"}"#),
            ImportProblem::WrongKind {
                found: Some(JsonKind::Text),
                expected: Some(JsonKind::Number),
                ..
            }
        ));
        assert!(matches!(
            of("{\n  \"name\": \"a\",,\n}"),
            ImportProblem::Syntax { line: 2, .. }
        ));
        assert_eq!(of(r#"{"name": "a""#), ImportProblem::CutShort);
        assert_eq!(of("  \n"), ImportProblem::EmptyFile);
    }

    #[test]
    fn a_csv_list_is_recognised_however_it_starts() {
        for csv in [
            "Email Address,First Name,Last Name\nanna@example.nl,Anna,de Vries\n",
            "\u{feff}Naam;E-mailadres\nAnna;anna@example.nl\n",
            "name\temail\n",
        ] {
            assert_eq!(of(csv), ImportProblem::LooksLikeCsv, "{csv:?}");
        }
        assert_ne!(of("nonsense"), ImportProblem::LooksLikeCsv);
    }
}
