//! The access export (GDPR art. 15, DESIGN.md §13.2/§13.3) names the
//! controller, the actual recipients, the transfers, the legal basis per
//! purpose and the source of each record, and lists the other people's
//! names found in its texts to the coach, who may have them replaced.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::cli::{kluis, run};
use common::vault::{NOW, d, import_into, new_session, serial};
use kluis::domain::Kind;
use std::fs;
use std::path::{Path, PathBuf};

const DATA: &str = r#"{
  "people": [
    {"ref": "anne", "name": "Anne Jansen", "email": "anne@example.nl", "created_on": "2026-09-01"},
    {"ref": "bas", "name": "Bas de Boer", "email": "bas@example.nl", "created_on": "2026-09-01"},
    {"ref": "karin", "name": "Karin Smit", "organisation": "Gemeente Utrecht", "created_on": "2026-09-01"}
  ],
  "trajectories": [{"ref": "t1", "kind": "coaching", "title": "Loopbaancoaching Bas",
                    "participants": ["anne", "bas"], "requester": "karin", "started_on": "2026-09-10"}],
  "documents": [{"trajectory": "t1", "participant": "anne", "kind": "individual_report",
                 "title": "Verslag Anne", "body": "Anne sprak met Bas de Boer over haar loopbaan.", "created_on": "2026-10-01"}],
  "subscribers": [{"email": "anne@example.nl", "name": "Anne Jansen", "source": "webinar",
                   "evidence": "Webinar Teamdynamiek", "subscribed_on": "2026-09-02"}]
}"#;

const PROFILE: &str = r#"{"name": "Optiwork", "address": "Voorbeeldstraat 1, 3511 AA Utrecht", "kvk": "12345678",
 "email": "info@optiwork.example", "phone": "+31 30 123 4567", "website": "https://optiwork.example",
 "contact_person": {"name": "Jan Jansen", "function": "praktijkhouder", "email": "jan@optiwork.example", "phone": "+31 6 1"},
 "processors": [{"name": "Laposta", "service": "newsletter", "country": "NL"}]}"#;

fn vault(dir: &Path) -> PathBuf {
    let v = dir.join("vault");
    let mut s = new_session(&v, NOW);
    import_into(&mut s, DATA);
    let anne = common::vault::id_by_label(&s.data, Kind::Person, "Anne Jansen");
    kluis::ops::rights::consent::record_consent(
        &mut s,
        &anne,
        "Arbodienst Midden",
        "re-integratie",
        d("2026-10-01"),
    )
    .unwrap();
    kluis::ops::rights::consent::record_disclosure(
        &mut s,
        &anne,
        "Arbodienst Midden",
        "voortgangsverslag",
        d("2026-10-02"),
    )
    .unwrap();
    drop(s);
    common::files::wait_until_released(&v);
    v
}

fn export(v: &Path, extra: &[&str]) -> common::cli::Run {
    let mut args = vec!["export", "person", "anne@example.nl", "--format", "json"];
    args.extend_from_slice(extra);
    run(kluis(v).args(&args))
}

#[test]
fn the_export_names_the_controller_recipients_transfers_bases_and_sources() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());
    let file = dir.path().join("practice.json");
    fs::write(&file, PROFILE).unwrap();
    assert_eq!(
        run(kluis(&v).args(["practice", "set", "--file"]).arg(&file)).code,
        0
    );

    let r = export(&v, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let e = r.json();
    let info = &e["information"];
    assert_eq!(info["controller"]["name"], "Optiwork");
    assert_eq!(info["controller"]["email"], "info@optiwork.example");
    assert_eq!(info["controller"]["missing"], serde_json::json!([]));
    let recipients = info["recipients"].to_string();
    assert!(
        recipients.contains("Laposta (newsletter, NL)"),
        "{recipients}"
    );
    assert!(recipients.contains("Arbodienst Midden"), "{recipients}");
    assert!(
        !recipients.contains("The service that sends the newsletter"),
        "{recipients}"
    );
    assert_eq!(
        info["transfers"],
        "No data is transferred outside the European Economic Area (EEA)."
    );
    let purposes = info["purposes"].as_array().unwrap();
    assert!(purposes.iter().all(|p| {
        p["legal_basis"]
            .as_str()
            .is_some_and(|b| b.contains("art. 6(1)"))
    }));
    let newsletter = purposes
        .iter()
        .find(|p| p["records"] == "subscriptions")
        .unwrap();
    assert!(
        newsletter["legal_basis"]
            .as_str()
            .unwrap()
            .contains("consent (GDPR art. 6(1)(a))")
    );
    assert_eq!(
        e["trajectories"][0]["source"],
        "Requested for you by Gemeente Utrecht."
    );
    assert!(
        e["documents"][0]["source"]
            .as_str()
            .unwrap()
            .contains("Written by the coach")
    );
    assert!(
        info["how_to_use_rights"]
            .as_str()
            .unwrap()
            .contains("info@optiwork.example")
    );

    // Markdown, in Dutch.
    let r = run(kluis(&v).args([
        "--lang",
        "nl",
        "export",
        "person",
        "anne@example.nl",
        "--redact-names",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    for needle in [
        "## Wie verantwoordelijk is voor je gegevens",
        "- **Praktijk:** Optiwork",
        "### Doorgifte buiten de EER",
        "Grondslag: uitvoering van een overeenkomst",
        "- **Bron:** Aangevraagd voor jou door Gemeente Utrecht.",
        "Laposta (newsletter, NL)",
    ] {
        assert!(
            r.stdout.contains(needle),
            "missing {needle:?} in\n{}",
            r.stdout
        );
    }
}

#[test]
fn other_peoples_names_are_listed_to_the_coach_and_replaced_or_kept() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());

    // Without a terminal and without a flag: listed, then replaced.
    let r = export(&v, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("names or addresses of other people"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Bas de Boer"), "{}", r.stderr);
    assert!(r.stderr.contains("--keep-names"), "{}", r.stderr);
    // No profile yet: the coach is told what the export still lacks.
    assert!(
        r.stderr
            .contains("Not yet filled in in the practice profile: name of the practice"),
        "{}",
        r.stderr
    );
    let e = r.json();
    assert_eq!(
        e["trajectories"][0]["title"],
        "Loopbaancoaching [other participant]"
    );
    assert_eq!(
        e["documents"][0]["body"],
        "Anne sprak met [other participant] over haar loopbaan."
    );
    // No profile yet: the export says what is missing and names no one.
    assert!(
        e["information"]["controller"]["missing"]
            .as_array()
            .unwrap()
            .len()
            >= 6
    );
    assert!(
        e["information"]["how_to_use_rights"]
            .as_str()
            .unwrap()
            .contains("contact the practice")
    );
    assert!(!r.stdout.contains("Bas"), "{}", r.stdout);

    // Kept, when the coach says so.
    let r = export(&v, &["--keep-names"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.json()["trajectories"][0]["title"], "Loopbaancoaching Bas");
    assert!(r.stderr.contains("left as they are"), "{}", r.stderr);

    let r = run(kluis(&v).args([
        "--lang",
        "nl",
        "export",
        "person",
        "anne@example.nl",
        "--redact-names",
    ]));
    assert!(
        r.stdout.contains(r"Loopbaancoaching \[andere deelnemer\]"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("vervangen door [andere deelnemer]"),
        "{}",
        r.stderr
    );
}
