//! Input the command line refuses as the UI does (DESIGN.md §8 and §9):
//! content after the import object (L1), a weak team-report password
//! without consent and a date after today (L2), control characters in the
//! fields of an import (M6), and duplicate keys in `breach assess` (L7).

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, vault::*};
use serde_json::{Value, json};
use std::path::Path;

/// `kluis import` of `file` (a JSON text) into a fresh vault at `vault`,
/// with standard input not a terminal.
fn import(vault: &Path, file: &str) -> Run {
    if !vault.exists() {
        new_vault(vault);
    }
    let path = vault.with_extension("json");
    std::fs::write(&path, file).unwrap();
    run(kluis(vault).arg("import").arg(&path).write_stdin(""))
}

#[track_caller]
fn assert_refused(r: &Run, code: i32, path_and_problem: &str, vault: &Path) {
    assert_eq!(r.code, code, "{}", r.stderr);
    assert!(r.stderr.contains(path_and_problem), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was written"), "{}", r.stderr);
    assert_eq!(total(vault), 0, "nothing was imported");
}

fn team_report(changes: &[(&str, Value)]) -> String {
    let mut r = json!({"organisation": "Zorggroep Oost", "team": "Jeugd",
        "title": "Adviesrapport Jeugd", "body": "Verzuim 14%.", "delivered_on": "2026-10-01"});
    for (k, v) in changes {
        r[*k] = v.clone();
    }
    json!({ "team_reports": [r] }).to_string()
}

#[test]
fn content_after_the_import_object_is_refused() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    let r = import(
        &vault,
        r#"{"people": []}
{"people": [{"ref": "p1", "name": "Anna de Vries"}]}"#,
    );
    assert_refused(&r, 1, "(file): more content after the JSON object", &vault);
    assert!(!r.stderr.contains("Anna"), "{}", r.stderr);
    // Trailing white space is fine.
    let ok = import(&vault, "{\"people\": []}\n\n  \n");
    assert_eq!(ok.code, 0, "{}", ok.stderr);
}

#[test]
fn a_weak_team_report_password_needs_consent_as_in_the_ui() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    for weak in ["x", "welkom", "Zomer2026!"] {
        let r = import(&vault, &team_report(&[("password", json!(weak))]));
        assert_refused(
            &r,
            2,
            "team_reports[0].password: This password is weak",
            &vault,
        );
        assert!(r.stderr.contains("a generated one has 125"), "{}", r.stderr);
        assert!(!r.stderr.contains(weak), "the password is not echoed");
    }
    let strong = import(
        &vault,
        &team_report(&[("password", json!("kraan-Fiets-7-wolk-Tegel-zon"))]),
    );
    assert_eq!(strong.code, 0, "{}", strong.stderr);
    assert_eq!(total(&vault), 1);
}

#[test]
fn a_date_after_today_is_refused_as_in_the_ui() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    // NOW is 2026-11-25.
    let r = import(
        &vault,
        &team_report(&[("delivered_on", json!("2199-01-01"))]),
    );
    assert_refused(
        &r,
        1,
        "team_reports[0].delivered_on: lies after today",
        &vault,
    );
    let cases = [
        json!({"contact_requests": [{"name": "Anna", "message": "Hallo",
            "received_on": "2026-11-26"}]}),
        json!({"people": [{"ref": "p1", "name": "Anna"}],
            "trajectories": [{"ref": "t1", "kind": "coaching", "title": "Coaching",
                "participants": ["p1"], "started_on": "2026-11-01",
                "completed_on": "2027-01-31"}]}),
    ];
    for (file, path) in cases.iter().zip([
        "contact_requests[0].received_on",
        "trajectories[0].completed_on",
    ]) {
        let r = import(&vault, &file.to_string());
        assert_refused(&r, 1, &format!("{path}: lies after today"), &vault);
    }
    // Today itself, and a start that is planned, are fine.
    let ok = import(
        &vault,
        &json!({"people": [{"ref": "p1", "name": "Anna"}],
            "trajectories": [{"ref": "t1", "kind": "coaching", "title": "Coaching",
                "participants": ["p1"], "started_on": "2027-01-04"}],
            "contact_requests": [{"name": "Bram", "message": "Hallo",
                "received_on": "2026-11-25"}]})
        .to_string(),
    );
    assert_eq!(ok.code, 0, "{}", ok.stderr);
}

#[test]
fn control_characters_in_import_fields_are_refused() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    let person = |name: &str, phone: &str| {
        json!({"people": [{"ref": "p1", "name": name, "phone": phone}]}).to_string()
    };
    for (file, path) in [
        (
            person("Anna\r\n  2019-01-01  forged", "06"),
            "people[0].name",
        ),
        (person("Anna\u{1b}]0;owned\u{7}", "06"), "people[0].name"),
        (person("Anna", "06\u{9b}31m"), "people[0].phone"),
        (person("Anna\u{202e}exe.txt", "06"), "people[0].name"),
        (person("Anna\tde Vries", "06"), "people[0].name"),
        (
            team_report(&[("title", json!("Rapport\u{7f}"))]),
            "team_reports[0].title",
        ),
    ] {
        let r = import(&vault, &file);
        assert_refused(
            &r,
            1,
            &format!("{path}: contains a control character"),
            &vault,
        );
    }
    // A multi-line field keeps its line breaks and tabs, nothing else.
    let message = |m: &str| {
        json!({"contact_requests": [{"name": "Anna", "message": m,
            "received_on": "2026-11-20"}]})
        .to_string()
    };
    let r = import(&vault, &message("Hallo\u{1b}[2J"));
    assert_refused(
        &r,
        1,
        "contact_requests[0].message: contains a control character other than a line break or tab",
        &vault,
    );
    let ok = import(&vault, &message("Hallo,\r\n\n\tgraag een offerte.\n"));
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let s = open_session(&vault, NOW);
    let stored = s.data.contact_requests.values().next().unwrap();
    assert_eq!(stored.message, "Hallo,\r\n\n\tgraag een offerte.\n");
}

#[test]
fn breach_assess_refuses_a_field_given_twice() {
    // High risk; a second `subjects` at the end would make it "no risk".
    let answers = r#"{"confidentiality": true, "integrity": false, "availability": false,
        "unavailable_for": "none", "unintelligible": false, "recipient_trusted": false,
        "special_categories": true, "subjects": 40, "identifiable": true,
        "consequences": "severe", "subjects": 0}"#;
    let tmp = tempfile::tempdir().unwrap();
    let r = run(kluis(&tmp.path().join("none"))
        .args(["breach", "assess", "--json"])
        .write_stdin(answers));
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("The field `subjects` appears twice in the assessment answers"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
}

#[test]
fn a_breach_refuses_control_characters_as_an_import_does() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    let new = |args: &[&str]| run(kluis(&vault).args(["breach", "new"]).args(args));
    for args in [
        &["--title", "Laptop kwijt\r\n  forged"][..],
        &["--title", "Laptop\u{1b}]0;owned\u{7}"],
        &["--title", "Laptop", "--category", "namen\u{202e}"],
        &["--title", "Laptop", "--description", "In de trein\u{1b}[2J"],
    ] {
        let r = new(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("contains a control character"),
            "{}",
            r.stderr
        );
    }
    assert_eq!(total(&vault), 0);
    let ok = new(&[
        "--title",
        "Laptop",
        "--description",
        "In de trein.\n\tNiet terug.",
        "--json",
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(total(&vault), 1);
    let id = ok.json()["id"].as_str().unwrap().to_string();
    let step = |args: &[&str]| run(kluis(&vault).arg("breach").args(args));
    for args in [
        &[
            "tick",
            &id,
            "authority_notified",
            "--reference",
            "AP-1\r\nAP-2",
        ][..],
        &["tick", &id, "people_informed", "--how", "brief\u{1b}[2J"],
        &[
            "decline",
            &id,
            "people_informed",
            "--reason",
            "geen risico\u{9b}",
        ],
    ] {
        let r = step(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("control character"), "{}", r.stderr);
    }
    let s = open_session(&vault, NOW);
    let b = s.data.breaches.values().next().unwrap();
    assert_eq!(b.checklist.ap_reference, "");
    assert!(b.checklist.people_informed_at.is_none());
}
