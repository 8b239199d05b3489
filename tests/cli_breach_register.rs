//! `kluis breach register` (DESIGN.md §13.3) and the fields of the AP's
//! notification form on `breach new|edit`, run as the built binary: every
//! breach, whatever its outcome, with every field of the contract.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::cli::{assert_clean_error, kluis, run};
use common::files::wait_until_released;
use std::path::Path;

const NOW: &str = "2027-01-20T09:00:00+01:00";

/// The fields of `breach register --json` the contract lists.
const FIELDS: [&str; 26] = [
    "id",
    "title",
    "discovered_at",
    "started_at",
    "ended_at",
    "ongoing",
    "description",
    "cause",
    "nature",
    "data_categories",
    "special_categories",
    "subject_categories",
    "subjects_min",
    "subjects_max",
    "consequences",
    "corrective_measures",
    "preventive_measures",
    "assessment",
    "ap_notified_at",
    "ap_reference",
    "ap_not_notified_because",
    "subjects_informed_at",
    "subjects_informed_how",
    "subjects_not_informed_because",
    "delay_reason",
    "closed_at",
];

fn ok(vault: &Path, args: &[&str]) -> String {
    let r = run(kluis(vault).env("KLUIS_NOW", NOW).args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

fn new_breach(vault: &Path, args: &[&str]) -> String {
    let mut all = vec!["breach", "new", "--json"];
    all.extend_from_slice(args);
    let v: serde_json::Value = serde_json::from_str(&ok(vault, &all)).unwrap();
    v["id"].as_str().unwrap().to_string()
}

#[test]
fn every_breach_is_in_the_register_with_every_field() {
    let _serial = common::vault::serial();
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    common::vault::new_vault(&v);
    wait_until_released(&v);

    let full = new_breach(
        &v,
        &[
            "--title",
            "Laptop gestolen",
            "--discovered-at",
            "2027-01-15T09:00:00+01:00",
            "--started-at",
            "2027-01-14T22:00:00+01:00",
            "--ended-at",
            "2027-01-15T08:00:00+01:00",
            "--description",
            "Uit de auto.",
            "--cause",
            "Achtergelaten.",
            "--nature",
            "stolen",
            "--nature",
            "read",
            "--category",
            "contactgegevens",
            "--special",
            "health",
            "--sensitive",
            "coaching_content",
            "--subject-category",
            "participants",
            "--subjects-min",
            "10",
            "--subjects-max",
            "25",
            "--likely-consequences",
            "Inzage.",
            "--damage",
            "immaterial",
            "--measures-taken",
            "Wachtwoorden gewijzigd.",
            "--preventive-measures",
            "Schijf versleuteld.",
            "--processor",
            "Laposta",
            "--notification",
            "follow-up",
            "--earlier-reference",
            "AP-1",
            "--unintelligible-how",
            "Niet versleuteld.",
            "--inform-planned-at",
            "2027-01-21T09:00:00+01:00",
            "--informed-text",
            "Beste deelnemer",
            "--public-communication",
            "Op de website.",
            "--international",
            "Geen.",
            "--remarks",
            "Aangifte gedaan.",
            "--delay-reason",
            "Ziek.",
        ],
    );
    ok(
        &v,
        &[
            "breach",
            "tick",
            &full,
            "authority_notified",
            "--at",
            "2027-01-19T09:00:00+01:00",
            "--reference",
            "AP-2",
        ],
    );
    // A breach decided not to be notified, and one nothing was decided on.
    let declined = new_breach(
        &v,
        &[
            "--title",
            "Mail verkeerd",
            "--discovered-at",
            "2027-01-16T09:00:00+01:00",
        ],
    );
    ok(
        &v,
        &[
            "breach",
            "decline",
            &declined,
            "authority_notified",
            "--reason",
            "Versleuteld.",
        ],
    );
    ok(
        &v,
        &[
            "breach",
            "decline",
            &declined,
            "people_informed",
            "--reason",
            "Geen hoog risico.",
        ],
    );
    let open = new_breach(
        &v,
        &[
            "--title",
            "Open lek",
            "--discovered-at",
            "2027-01-19T09:00:00+01:00",
        ],
    );

    let r: serde_json::Value =
        serde_json::from_str(&ok(&v, &["breach", "register", "--json"])).unwrap();
    let list = r["breaches"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    for e in list {
        for f in FIELDS {
            assert!(e.get(f).is_some(), "{f} missing in {e}");
        }
    }
    let e = &list[0];
    assert_eq!(e["id"], full.as_str());
    assert_eq!(e["started_at"], "2027-01-14T22:00:00+01:00");
    assert_eq!(e["ended_at"], "2027-01-15T08:00:00+01:00");
    assert_eq!(e["nature"], serde_json::json!(["read", "stolen"]));
    assert_eq!(e["special_categories"], serde_json::json!(["health"]));
    assert_eq!(e["sensitive_data"], serde_json::json!(["coaching_content"]));
    assert_eq!(e["subject_categories"], serde_json::json!(["participants"]));
    assert_eq!(e["subjects_min"], 10);
    assert_eq!(e["subjects_max"], 25);
    assert_eq!(e["consequences"], "Inzage.");
    assert_eq!(e["corrective_measures"], "Wachtwoorden gewijzigd.");
    assert_eq!(e["preventive_measures"], "Schijf versleuteld.");
    assert_eq!(e["ap_notified_at"], "2027-01-19T09:00:00+01:00");
    assert_eq!(e["ap_reference"], "AP-2");
    assert_eq!(e["delay_reason"], "Ziek.");
    assert_eq!(e["processor"], "Laposta");
    assert_eq!(e["processor_involved"], true);
    assert_eq!(e["notification"], "follow_up");
    // The facts as they were given, field by field.
    assert_eq!(e["title"], "Laptop gestolen");
    assert_eq!(e["discovered_at"], "2027-01-15T09:00:00+01:00");
    assert_eq!(e["description"], "Uit de auto.");
    assert_eq!(e["cause"], "Achtergelaten.");
    assert_eq!(e["data_categories"], serde_json::json!(["contactgegevens"]));
    assert_eq!(e["damage"], serde_json::json!(["immaterial"]));
    assert_eq!(e["earlier_reference"], "AP-1");
    assert_eq!(e["unintelligible_how"], "Niet versleuteld.");
    assert_eq!(e["subjects_inform_planned_at"], "2027-01-21T09:00:00+01:00");
    assert_eq!(e["public_communication"], "Op de website.");
    assert_eq!(e["international"], "Geen.");
    assert_eq!(e["remarks"], "Aangifte gedaan.");
    assert_eq!(e["ap_not_notified_because"], serde_json::Value::Null);
    assert_eq!(e["closed_at"], serde_json::Value::Null);
    let d = &list[1];
    assert_eq!(d["id"], declined.as_str());
    assert_eq!(d["ap_not_notified_because"], "Versleuteld.");
    assert_eq!(d["subjects_not_informed_because"], "Geen hoog risico.");
    assert_eq!(d["ongoing"], serde_json::Value::Null);
    assert_eq!(list[2]["id"], open.as_str());

    // The draft of the first has the form's answers; the second asks no
    // reasons for a delay although its deadline has long passed.
    let draft = ok(&v, &["breach", "report", &full]);
    assert!(
        draft.contains("**Nature of the breach:** reading (seen); theft"),
        "{draft}"
    );
    assert!(draft.contains("**At least:** 10"));
    assert!(
        draft.contains("Reasons for the delay"),
        "notified after 72 h: {draft}"
    );
    let draft = ok(&v, &["breach", "report", &declined]);
    assert!(!draft.contains("Reasons for the delay"), "{draft}");

    let csv = ok(&v, &["breach", "register", "--csv"]);
    let header = csv.lines().next().unwrap();
    for f in FIELDS {
        assert!(header.split(',').any(|c| c == f), "{f} not in {header}");
    }
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.contains("read; stolen"));

    let md = ok(&v, &["--lang", "nl", "breach", "register"]);
    assert!(
        md.starts_with("# Register van datalekken (art. 33 lid 5 AVG)"),
        "{md}"
    );
    for t in ["## Laptop gestolen", "## Mail verkeerd", "## Open lek"] {
        assert!(md.contains(t), "{t} in {md}");
    }
    assert!(md.contains("niet gemeld: Versleuteld."));
    assert!(md.contains("**Preventieve maatregelen:** Schijf versleuteld."));
}

#[test]
fn a_bad_range_or_name_is_refused() {
    let _serial = common::vault::serial();
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    common::vault::new_vault(&v);
    wait_until_released(&v);
    let r = run(kluis(&v).env("KLUIS_NOW", NOW).args([
        "breach",
        "new",
        "--title",
        "x",
        "--subjects-min",
        "9",
        "--subjects-max",
        "3",
    ]));
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["fewest"]);
    let r = run(kluis(&v)
        .env("KLUIS_NOW", NOW)
        .args(["breach", "new", "--title", "x", "--nature", "burnt"]));
    assert_eq!(r.code, 2);
}
