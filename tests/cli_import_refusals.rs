//! Every refusal of `kluis import FILE` the coach can meet comes from the
//! catalogue in Dutch and in English (DESIGN.md §9, §13.5), names where in
//! the file it is, and writes nothing: the JSON reader's complaints
//! (syntax, a file cut short, a missing or unknown field, an unknown kind, a
//! value of the wrong kind), the checks of the import (dates, refs,
//! addresses, amounts), and a CSV list given under a `.json` name.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, vault::*};
use std::path::Path;

fn import(vault: &Path, lang: &str, name: &str, bytes: &[u8]) -> Run {
    let path = vault.with_file_name(name);
    std::fs::write(&path, bytes).unwrap();
    run(kluis(vault)
        .args(["--lang", lang, "import"])
        .arg(&path)
        .write_stdin(""))
}

/// (file, English words, Dutch words): each refusal names its place and
/// says the problem in the coach's language, with none of the other's.
const CASES: &[(&str, &[&str], &[&str])] = &[
    (
        "{\n  \"people\": [\n    {\"ref\": \"p1\",, \"name\": \"Anna\"}\n  ]\n}",
        &["(file): not valid JSON at line 3, column"],
        &["(bestand): geen geldige JSON op regel 3, kolom"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\"}",
        &["(file): the file ends inside the JSON"],
        &["(bestand): het bestand houdt op midden in de JSON"],
    ),
    (
        "  \n",
        &["(file): the file is empty"],
        &["(bestand): het bestand is leeg"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\"}]}",
        &["people[0]: missing field `name`"],
        &["people[0]: het veld `name` ontbreekt"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"naam\": \"Anna\"}]}",
        &["people[0].naam: unknown field `naam`, expected one of `ref`"],
        &["people[0].naam: onbekend veld `naam`; hier horen de velden `ref`"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\"}], \"trajectories\": [{\"ref\": \"t1\", \"kind\": \"teamcoaching\", \"title\": \"T\", \"participants\": [\"p1\"]}]}",
        &["trajectories[0].kind: unknown variant `teamcoaching`, expected one of `coaching`"],
        &["trajectories[0].kind: onbekende waarde `teamcoaching`; kies een van `coaching`"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": 42}]}",
        &["people[0].name: expected text (in quotes) here, found a number"],
        &["people[0].name: hier hoort tekst (tussen aanhalingstekens), maar er staat een getal"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\", \"created_on\": \"12-05-2026\"}]}",
        &["people[0].created_on: bad date \"12-05-2026\": expected YYYY-MM-DD"],
        &["people[0].created_on: geen geldige datum \"12-05-2026\": schrijf JJJJ-MM-DD"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\", \"created_on\": \"2026-12-01\"}]}",
        &["people[0].created_on: lies after today (2026-11-25)"],
        &["people[0].created_on: ligt na vandaag (25-11-2026)"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\"}, {\"ref\": \"p1\", \"name\": \"Bram\"}]}",
        &["people[1].ref: duplicate ref \"p1\""],
        &["people[1].ref: de ref \"p1\" komt twee keer voor"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\"}], \"subject_requests\": [{\"person\": \"p2\", \"kind\": \"access\", \"received_on\": \"2026-11-01\"}]}",
        &["subject_requests[0].person: unknown ref \"p2\""],
        &["subject_requests[0].person: onbekende ref \"p2\""],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\", \"email\": \"anna(at)example.nl\"}]}",
        &["people[0].email: not an e-mail address"],
        &["people[0].email: geen e-mailadres"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"  \"}]}",
        &["people[0].name: must not be empty"],
        &["people[0].name: mag niet leeg zijn"],
    ),
    (
        "{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\"}], \"quotes\": [{\"requester\": \"p1\", \"amount\": \"veel\", \"sent_on\": \"2026-11-01\"}]}",
        &["quotes[0].amount: bad amount: expected euros"],
        &["quotes[0].amount: geen geldig bedrag: schrijf euro's"],
    ),
];

#[test]
fn every_refusal_is_said_in_both_languages_and_writes_nothing() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    for (file, en, nl) in CASES {
        for (lang, words, opening, other) in [
            ("en", en, "import refused, nothing was written:", nl),
            ("nl", nl, "import geweigerd, er is niets geschreven:", en),
        ] {
            let r = import(&vault, lang, "import.json", file.as_bytes());
            assert_eq!(r.code, 1, "{lang} {file}: {}", r.stderr);
            assert_clean_error(&r, &[opening]);
            for w in *words {
                assert!(r.stderr.contains(w), "{lang}: {w:?} not in {}", r.stderr);
            }
            for w in *other {
                assert!(!r.stderr.contains(w), "{lang}: {w:?} in {}", r.stderr);
            }
            assert_eq!(r.stderr.trim().lines().count(), 1, "one sentence");
        }
    }
    assert_eq!(total(&vault), 0, "nothing was imported");
}

#[test]
fn a_csv_list_under_a_json_name_is_recognised_and_told_how_to_import_it() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    let csv = "Email Address,First Name,Last Name\nanna.devries@example.nl,Anna,de Vries\n";
    for (lang, words) in [
        (
            "en",
            ["this looks like a CSV list", "kluis import LIST.csv"],
        ),
        ("nl", ["dit lijkt een CSV-lijst", "kluis import LIJST.csv"]),
    ] {
        let r = import(&vault, lang, "lijst.json", csv.as_bytes());
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_clean_error(&r, &words);
        assert!(!r.stderr.contains("expected ident"), "{}", r.stderr);
    }
    assert_eq!(total(&vault), 0);
}

#[test]
fn a_json_file_that_is_not_utf8_is_refused_in_both_languages() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    // "Zoë" in Windows-1252 inside a JSON object.
    let bytes = b"{\"people\": [{\"ref\": \"p1\", \"name\": \"Zo\xEB\"}]}";
    for (lang, words) in [
        ("en", "it is not UTF-8 text; nothing was written"),
        ("nl", "het is geen tekst in UTF-8; er is niets geschreven"),
    ] {
        let r = import(&vault, lang, "import.json", bytes);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_clean_error(&r, &[words]);
    }
    // A byte order mark before the object is fine.
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice(b"{\"people\": [{\"ref\": \"p1\", \"name\": \"Anna\"}]}");
    let ok = import(&vault, "en", "import.json", &marked);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(total(&vault), 1);
}
