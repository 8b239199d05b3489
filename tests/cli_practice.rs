//! `kluis practice show|set` (DESIGN.md §13.2), run as the built binary: a
//! profile set in parts, its empty fields named, and a retention period
//! that may be shortened (the deadlines follow at once) but never lengthened.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::cli::{assert_clean_error, kluis, run};
use common::files::contains;
use common::vault::{NOW, import_in_process, new_vault, serial};
use std::fs;
use std::path::Path;

const PROFILE: &str = r#"{"name": "Optiwork", "address": "Voorbeeldstraat 1, 3511 AA Utrecht", "kvk": "12345678",
 "email": "info@optiwork.example", "phone": "+31 30 123 4567", "website": "https://optiwork.example",
 "contact_person": {"name": "Jan Jansen", "function": "praktijkhouder", "email": "jan@optiwork.example", "phone": "+31 6 1111 2222"},
 "dpo": null,
 "processors": [{"name": "Laposta", "service": "newsletter", "country": "NL"}],
 "retention_months": {"contact_request": 1}}"#;

fn set(vault: &Path, json: &str) -> common::cli::Run {
    let file = vault.with_extension("json");
    fs::write(&file, json).unwrap();
    run(kluis(vault).args(["practice", "set", "--file"]).arg(&file))
}

fn show(vault: &Path) -> serde_json::Value {
    let r = run(kluis(vault).args(["practice", "show", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()
}

#[test]
fn a_profile_is_set_in_parts_and_says_what_is_still_empty() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    new_vault(&v);
    assert_eq!(show(&v)["name"], "");

    let r = set(
        &v,
        r#"{"name": "Optiwork", "email": "info@optiwork.example"}"#,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Not yet filled in"), "{}", r.stderr);
    assert!(r.stderr.contains("address"), "{}", r.stderr);
    assert!(!r.stderr.contains("name of the practice"), "{}", r.stderr);

    // A later file changes what it gives and keeps the rest.
    let r = set(
        &v,
        r#"{"contact_person": {"name": "Jan Jansen"}, "phone": "+31 30 123 4567"}"#,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let p = show(&v);
    assert_eq!(p["name"], "Optiwork");
    assert_eq!(p["email"], "info@optiwork.example");
    assert_eq!(p["contact_person"]["name"], "Jan Jansen");
    assert_eq!(p["phone"], "+31 30 123 4567");

    let r = set(&v, PROFILE);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("Not yet filled in"), "{}", r.stderr);
    let p = show(&v);
    assert_eq!(p["processors"][0]["name"], "Laposta");
    assert_eq!(p["retention_months"]["contact_request"], 1);

    // The text form, in Dutch.
    let r = run(kluis(&v).args(["--lang", "nl", "practice", "show"]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("KvK-nummer"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Laposta (newsletter, NL)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("2 maanden na het einde van de coaching of training")
    );

    // Stored encrypted: the profile's texts are nowhere in the folder.
    let files = common::files::snapshot(&v);
    for needle in [
        "Voorbeeldstraat",
        "Jan Jansen",
        "info@optiwork.example",
        "Laposta",
    ] {
        assert!(
            !files.values().any(|b| contains(b, needle.as_bytes())),
            "{needle} in plaintext"
        );
    }
}

#[test]
fn a_longer_period_is_refused_naming_the_rule_and_nothing_changes() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    new_vault(&v);
    assert_eq!(set(&v, PROFILE).code, 0);

    let r = set(
        &v,
        r#"{"retention_months": {"team_report": 48}, "name": "Anders"}"#,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_clean_error(&r, &["retention_months.team_report", "36", "P2", "maximum"]);
    let r = set(&v, r#"{"retention_months": {"individual_report": 3}}"#);
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["P1"]);
    let r = set(&v, r#"{"retention_months": {"quote_open": 13}}"#);
    assert_eq!(r.code, 2);
    assert_clean_error(
        &r,
        &["retention_months.quote_open", "13 months", "12 months"],
    );
    let r = run(kluis(&v)
        .args(["--lang", "nl", "practice", "set", "--file"])
        .arg(v.with_extension("json")));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("mag alleen korter"), "{}", r.stderr);
    // Unknown fields and rules, and a line break in a field.
    for bad in [
        r#"{"nmae": "x"}"#,
        r#"{"retention_months": {"breach": 1}}"#,
        r#"{"name": "two\nlines"}"#,
        r#"["not", "an", "object"]"#,
        "{not json",
    ] {
        let r = set(&v, bad);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert_clean_error(&r, &["profile"]);
    }
    assert_eq!(show(&v)["name"], "Optiwork");
}

#[test]
fn a_shortened_period_moves_the_deadlines_at_once() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    new_vault(&v);
    import_in_process(
        &v,
        r#"{"quotes": [{"requester": "p1", "participants": [], "amount": "100.00", "sent_on": "2026-10-01"}],
            "people": [{"ref": "p1", "name": "Piet Open", "created_on": "2026-10-01"}]}"#,
        NOW,
    );
    let quote_deadline = |v: &Path| {
        let r = run(kluis(v).args(["status", "--json"]));
        r.json()["next_deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["kind"] == "quote")
            .map(|d| d["deadline"].as_str().unwrap().to_string())
    };
    assert_eq!(quote_deadline(&v).as_deref(), Some("2027-10-01"));
    assert_eq!(
        set(&v, r#"{"retention_months": {"quote_open": 3}}"#).code,
        0
    );
    assert_eq!(quote_deadline(&v).as_deref(), Some("2027-01-01"));
    // Shortened to what has passed: the purge takes it now.
    assert_eq!(
        set(&v, r#"{"retention_months": {"quote_open": 1}}"#).code,
        0
    );
    let r = run(kluis(&v).args(["purge", "--expired", "--dry-run", "--json"]));
    assert!(
        r.json()["records"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "quote" && r["deadline"] == "2026-11-01")
    );
    // null ends the shortening.
    assert_eq!(
        set(&v, r#"{"retention_months": {"quote_open": null}}"#).code,
        0
    );
    assert_eq!(quote_deadline(&v).as_deref(), Some("2027-10-01"));
}

#[test]
fn init_asks_the_practices_name_and_email_or_says_they_are_still_empty() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    let r = run(kluis(&v).args([
        "init",
        "--name",
        "Optiwork",
        "--email",
        "info@optiwork.example",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let p = show(&v);
    assert_eq!(p["name"], "Optiwork");
    assert_eq!(p["email"], "info@optiwork.example");
    // The rest is named, to complete later.
    assert!(
        r.stderr
            .contains("Not yet filled in in the practice profile: address"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("name of the practice"), "{}", r.stderr);

    // Without a terminal to ask on and without the options: all still empty.
    let other = dir.path().join("other");
    let r = run(kluis(&other).args(["--lang", "nl", "init"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("Nog niet ingevuld in het praktijkprofiel: naam van de praktijk, adres"),
        "{}",
        r.stderr
    );

    // A name with a control character is refused before a vault is made.
    let third = dir.path().join("third");
    let r = run(kluis(&third).args(["init", "--name", "Opti\u{1b}[2Jwork"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("name: holds a line break or control character"),
        "{}",
        r.stderr
    );
    assert!(!third.exists());
}
