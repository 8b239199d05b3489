//! `kluis disclosure add` (DESIGN.md §13.3, P6) as the real binary: a
//! disclosure is recorded only against an active consent of that person
//! naming that recipient; otherwise one sentence in the coach's language
//! and exit 2, and nothing is written.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::cli::{kluis, run};
use common::files::wait_until_released;
use common::vault::{NOW, d, new_session, open_session, serial};
use kluis::domain::{AnyRecord, Id, Person};
use kluis::ops::rights::consent;
use std::path::PathBuf;

/// Anna (anna@example.nl) consented to share with the Arbodienst; her
/// consent for the UWV was withdrawn. Bram consented to nothing.
fn vault() -> (tempfile::TempDir, PathBuf, Id) {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    let mut s = new_session(&vault, NOW);
    let anna = Id::parse("0000000000000001").unwrap();
    let bram = Id::parse("0000000000000002").unwrap();
    let person = |name: &str, email: &str| {
        AnyRecord::Person(Person {
            name: name.into(),
            email: Some(email.into()),
            phone: None,
            organisation: None,
            created_on: d("2026-01-05"),
        })
    };
    s.commit(
        "test_setup",
        vec![
            (anna.clone(), person("Anna de Vries", "anna@example.nl")),
            (bram, person("Bram Jansen", "bram@example.nl")),
        ],
        vec![],
    )
    .unwrap();
    consent::record_consent(&mut s, &anna, "Arbodienst", "voortgang", d("2026-02-01")).unwrap();
    let uwv = consent::record_consent(&mut s, &anna, "UWV", "verslag", d("2026-01-20")).unwrap();
    consent::withdraw_consent(&mut s, &uwv, d("2026-03-01")).unwrap();
    drop(s);
    wait_until_released(&vault);
    (dir, vault, anna)
}

#[test]
fn a_disclosure_is_recorded_against_an_active_consent() {
    let _serial = serial();
    let (_dir, vault, anna) = vault();
    let r = run(kluis(&vault).args([
        "disclosure",
        "add",
        "--person",
        "anna@example.nl",
        "--recipient",
        " arbodienst",
        "--what",
        "voortgangsverslag mei",
        "--on",
        "2026-11-20",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Disclosure recorded:")
            && r.stdout
                .contains("relies on the consent given on 2026-02-01"),
        "{}",
        r.stdout
    );
    wait_until_released(&vault);
    let s = open_session(&vault, NOW);
    let disclosures = consent::disclosures_of(&s.data, &anna);
    assert_eq!(disclosures.len(), 1);
    let (_, dis) = &disclosures[0];
    assert_eq!(dis.what, "voortgangsverslag mei");
    assert_eq!(dis.on, d("2026-11-20"));
    assert_eq!(s.data.consents[&dis.consent].recipient, "Arbodienst");
}

#[test]
fn without_an_active_consent_for_that_recipient_it_is_refused_with_exit_2() {
    let _serial = serial();
    let (_dir, vault, _anna) = vault();
    let add = |lang: &str, person: &str, recipient: &str| {
        run(kluis(&vault).env("LANG", lang).args([
            "disclosure",
            "add",
            "--person",
            person,
            "--recipient",
            recipient,
            "--what",
            "verslag",
        ]))
    };
    // A withdrawn consent, another recipient, a person without consents.
    for (person, recipient) in [
        ("anna@example.nl", "UWV"),
        ("anna@example.nl", "Huisarts"),
        ("bram@example.nl", "Arbodienst"),
    ] {
        let r = add("C", person, recipient);
        assert_eq!(r.code, 2, "{person} → {recipient}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("Disclosure refused: this person has no active consent"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("UWV") && !r.stderr.contains("Huisarts"));
    }
    let r = add("nl_NL.UTF-8", "anna@example.nl", "UWV");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("Verstrekking geweigerd: deze persoon heeft geen geldige toestemming"),
        "{}",
        r.stderr
    );
    let r = add("C", "nobody@example.nl", "Arbodienst");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("No person has that id"), "{}", r.stderr);
    let r = run(kluis(&vault).args([
        "disclosure",
        "add",
        "--person",
        "anna@example.nl",
        "--recipient",
        "Arbodienst",
        "--what",
        "x",
        "--on",
        "20-11-2026x",
    ]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    wait_until_released(&vault);
    let s = open_session(&vault, NOW);
    assert!(s.data.disclosures.is_empty(), "nothing was written");
}
