//! `kluis import` of a person whose e-mail address another person has: it
//! is imported (DESIGN.md §9 refuses nothing for it) and the coach is told
//! which entry and which person, without the address itself.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::cli::{kluis, run};

#[test]
fn a_second_person_with_a_known_address_is_imported_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    kluis(&vault).arg("init").assert().success();
    let first = dir.path().join("first.json");
    std::fs::write(
        &first,
        r#"{"people": [{"ref": "a", "name": "Anna de Vries", "email": "anna@example.nl"}]}"#,
    )
    .unwrap();
    let r = run(kluis(&vault).arg("import").arg(&first));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("e-mail address"), "{}", r.stderr);
    let second = dir.path().join("second.json");
    std::fs::write(
        &second,
        r#"{"people": [{"ref": "b", "name": "Bram", "email": "bram@example.nl"},
                       {"ref": "c", "name": "Anna de Vries", "email": "ANNA@example.nl"},
                       {"ref": "d", "name": "Bram J.", "email": "bram@example.nl"}]}"#,
    )
    .unwrap();
    let r = run(kluis(&vault).arg("import").arg(&second));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("people[1]: person ")
            && r.stderr
                .contains("has this e-mail address already; imported as a second person"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("people[2]: an earlier person in this file has the same e-mail address"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("people[0]"), "{}", r.stderr);
    assert!(
        !r.stderr.to_lowercase().contains("anna@example.nl"),
        "{}",
        r.stderr
    );
    let status = run(kluis(&vault).args(["status", "--json"])).json();
    assert_eq!(status["counts"]["person"], 4);
}

#[test]
fn many_shared_addresses_name_ten_entries_and_count_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    kluis(&vault).arg("init").assert().success();
    let people: Vec<String> = (0..13)
        .map(|i| format!(r#"{{"ref": "p{i}", "name": "Kim {i}", "email": "kim@example.nl"}}"#))
        .collect();
    let file = dir.path().join("many.json");
    std::fs::write(&file, format!(r#"{{"people": [{}]}}"#, people.join(","))).unwrap();
    let r = run(kluis(&vault).arg("import").arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("people[10]:"), "{}", r.stderr);
    assert!(!r.stderr.contains("people[11]:"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("and 2 more people with an e-mail address another person has"),
        "{}",
        r.stderr
    );
}
