//! The fixtures under `tests/fixtures`, the practice vault made from
//! `practice.json`, and the personal data in it that must never leak.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::vault::{NOW, import_in_process, new_vault};
use std::fs;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture_text(name: &str) -> String {
    fs::read_to_string(fixture(name)).unwrap()
}

/// A vault at `dir` holding the practice fixture, imported at `NOW`.
pub fn practice_vault(dir: &Path) {
    new_vault(dir);
    import_in_process(dir, &fixture_text("practice.json"), NOW);
}

/// The values of the fixture that are personal, with their field name:
/// names, e-mails, phones, organisations, teams, titles, texts, evidence
/// and passwords.
pub fn personal_fields(json: &str) -> Vec<(String, String)> {
    const FIELDS: [&str; 10] = [
        "name",
        "email",
        "phone",
        "organisation",
        "team",
        "title",
        "body",
        "message",
        "evidence",
        "password",
    ];
    fn walk(v: &serde_json::Value, key: Option<&str>, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    walk(v, Some(k), out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, key, out)),
            serde_json::Value::String(s) => {
                if let Some(k) = key.filter(|k| FIELDS.contains(k)) {
                    let pair = (k.to_string(), s.clone());
                    if !out.contains(&pair) {
                        out.push(pair);
                    }
                }
            }
            _ => {}
        }
    }
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = Vec::new();
    walk(&v, None, &mut out);
    out
}

pub fn personal_strings(json: &str) -> Vec<String> {
    let mut out: Vec<String> = personal_fields(json).into_iter().map(|(_, v)| v).collect();
    out.dedup();
    out
}

/// Pieces of personal data that must never reach an error message: every
/// personal string of the fixture, the parts of names and the local parts
/// of e-mail addresses.
pub fn personal_needles() -> Vec<String> {
    let fields = personal_fields(&fixture_text("practice.json"));
    let mut out: Vec<String> = Vec::new();
    for (k, v) in &fields {
        out.push(v.clone());
        match k.as_str() {
            "name" => out.extend(
                v.split([' ', '-'])
                    .filter(|p| p.chars().count() >= 4)
                    .map(str::to_string),
            ),
            "email" => out.extend(v.split('@').next().map(str::to_string)),
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}
