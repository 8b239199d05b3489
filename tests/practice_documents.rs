//! The record of processing (`kluis register`) and the privacy statement
//! (`kluis statement`) of DESIGN.md §13.3, made from the rule table and the
//! practice profile: snapshots in both languages on a fixed day, every
//! promise P1–P11 and what GDPR art. 13 asks, and a shortened period that
//! changes the statement, the register and the deadlines together.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use chrono::NaiveDate;
use common::cli::{kluis, run};
use common::vault::{NOW, import_in_process, new_vault, serial};
use kluis::domain::Kind;
use kluis::domain::practice::Practice;
use kluis::domain::processing::{Facts, Security};
use kluis::domain::retention::PERIODS;
use kluis::i18n::{Lang, register, statement};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const PROFILE: &str = r#"{"name": "Optiwork", "address": "Voorbeeldstraat 1, 3511 AA Utrecht", "kvk": "12345678",
 "email": "info@optiwork.example", "phone": "+31 30 123 4567", "website": "https://optiwork.example",
 "contact_person": {"name": "Jan Jansen", "function": "praktijkhouder", "email": "jan@optiwork.example", "phone": "+31 6 1111 2222"},
 "dpo": null,
 "processors": [{"name": "Laposta", "service": "newsletter", "country": "NL"}],
 "retention_months": {"contact_request": 1}}"#;

fn profile() -> Practice {
    serde_json::from_str(PROFILE).unwrap()
}

fn facts(p: &Practice) -> Facts<'_> {
    Facts {
        practice: p,
        periods: p.periods(),
        counts: BTreeMap::from([
            (Kind::Person, 12),
            (Kind::Trajectory, 5),
            (Kind::IndividualReport, 4),
            (Kind::Subscriber, 30),
            (Kind::Disclosure, 1),
            (Kind::Breach, 1),
        ]),
        disclosure_recipients: vec!["Arbodienst Midden".into()],
        security: Security {
            kdf_memory_kib: 65536,
            kdf_iterations: 2,
            kdf_parallelism: 1,
        },
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    }
}

#[test]
fn the_statement_in_both_languages() {
    let p = profile();
    let f = facts(&p);
    insta::assert_snapshot!("statement_nl", statement::document(&f, Lang::Nl).markdown());
    insta::assert_snapshot!("statement_en", statement::document(&f, Lang::En).markdown());
}

#[test]
fn the_register_in_both_languages() {
    let p = profile();
    let f = facts(&p);
    insta::assert_snapshot!("register_nl", register::document(&f, Lang::Nl).markdown());
    insta::assert_snapshot!("register_en", register::document(&f, Lang::En).markdown());
}

#[test]
fn the_statement_makes_every_promise_and_says_what_art_13_asks() {
    let p = profile();
    let f = facts(&p);
    for lang in [Lang::Nl, Lang::En] {
        for promise in kluis::domain::processing::PROMISES {
            let words = statement::promise(lang, promise, &f.periods, "Optiwork");
            assert!(words.len() > 60, "{promise} in {lang:?}: {words:?}");
        }
    }
    let en = statement::document(&f, Lang::En).markdown();
    for needle in [
        // Identity and contact (art. 13(1)(a)).
        "**Name:** Optiwork",
        "**E-mail:** info@optiwork.example",
        "**Chamber of Commerce (KvK) number:** 12345678",
        // Purposes and legal bases (13(1)(c)), whether required (13(2)(e)).
        "performance of a contract",
        "consent (GDPR art. 6(1)(a))",
        "legal obligation (GDPR art. 6(1)(c))",
        "Needed to perform the agreement",
        // Recipients (13(1)(e)) and transfers (13(1)(f)).
        "Laposta (newsletter, NL)",
        "No data is transferred outside the European Economic Area (EEA).",
        // Periods (13(2)(a)).
        "| individual reports | 2 months after the coaching or training ends |",
        "| accepted quotes (the administration) | 7 years after acceptance",
        // Rights (13(2)(b), (c)) and the complaint (13(2)(d)).
        "Access to your data",
        "Erasure (art. 17)",
        "Portability",
        "Withdrawing consent at any time",
        "Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag",
        // P-promises in full.
        "Team advisory reports are kept at most 3 years after delivery, each encrypted with its own unique password.",
        "its e-mail address never joins the newsletter or webinar list",
        "contacts a cyber expert at once",
    ] {
        assert!(en.contains(needle), "missing {needle:?} in\n{en}");
    }
    let html = statement::document(&f, Lang::Nl).html("nl");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    assert!(html.contains("<h1>Privacyverklaring van Optiwork</h1>"));
}

#[test]
fn the_statement_lists_its_newsletter_processor_and_passes_addresses_to_no_third_party() {
    // A processor works for the practice (GDPR art. 28) and is no third
    // party: "never passed on" beside Laposta would be untrue, "never to
    // third parties" is what the practice's own statement says (P5).
    let p = profile();
    let f = facts(&p);
    let nl = statement::document(&f, Lang::Nl).markdown();
    assert!(
        nl.contains("Laposta (newsletter, NL), als verwerker"),
        "{nl}"
    );
    assert!(
        nl.contains("aankondigingen van webinars, en nooit aan derden doorgegeven."),
        "{nl}"
    );
    assert!(!nl.contains("nooit aan anderen"), "{nl}");
    let en = statement::document(&f, Lang::En).markdown();
    assert!(
        en.contains("Laposta (newsletter, NL), as a processor"),
        "{en}"
    );
    assert!(
        en.contains("webinar announcements only, and never passed on to third parties."),
        "{en}"
    );
}

#[test]
fn an_empty_profile_is_named_in_the_documents() {
    let p = Practice::default();
    let f = facts(&p);
    let md = statement::document(&f, Lang::En).markdown();
    assert!(md.contains("# Privacy statement of the practice"), "{md}");
    assert!(md.contains("Not yet filled in in the practice profile: name of the practice"));
    let md = register::document(&f, Lang::Nl).markdown();
    assert!(
        md.contains("Nog niet ingevuld in het praktijkprofiel"),
        "{md}"
    );
    assert!(md.contains("**Naam:** _(nog niet ingevuld)_"), "{md}");
}

#[test]
fn the_register_json_has_every_processing_with_its_rules_and_counts() {
    let p = profile();
    let f = facts(&p);
    let j = register::json(&f, Lang::En);
    let list = j["processings"].as_array().unwrap();
    let names: Vec<&str> = list
        .iter()
        .map(|x| x["processing"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "coaching",
            "team_reports",
            "contact_requests",
            "quotes",
            "newsletter",
            "disclosures",
            "requests",
            "breaches"
        ]
    );
    assert_eq!(list[0]["records"], 12 + 5 + 4);
    assert_eq!(list[0]["retention_rules"][0]["rule"], "individual_report");
    assert_eq!(list[0]["retention_rules"][0]["months"], 2);
    assert_eq!(
        list[3]["legal_bases"],
        serde_json::json!(["contract", "legal_obligation"])
    );
    assert!(
        list[5]["recipients"]
            .as_str()
            .unwrap()
            .contains("Arbodienst Midden")
    );
    assert_eq!(list[4]["records"], 30);
    assert_eq!(j["controller"]["name"], "Optiwork");
    assert_eq!(j["transfers_outside_eea"], serde_json::json!([]));
    assert!(
        j["security"][0]
            .as_str()
            .unwrap()
            .contains("Argon2id (64 MiB")
    );
}

fn set(vault: &Path, json: &str) {
    let file = vault.with_extension("json");
    fs::write(&file, json).unwrap();
    let r = run(kluis(vault).args(["practice", "set", "--file"]).arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn out(vault: &Path, args: &[&str]) -> String {
    let r = run(kluis(vault).args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

#[test]
fn a_shortened_period_changes_the_statement_the_register_and_the_deadlines_together() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    new_vault(&v);
    import_in_process(
        &v,
        r#"{"team_reports": [{"organisation": "Gemeente Zeist", "team": "Wijkteam", "title": "Advies wijkteam",
                               "body": "Tekst", "delivered_on": "2026-01-15", "password": "lang genoeg wachtwoord voor de test 123"}]}"#,
        NOW,
    );
    set(&v, PROFILE);
    let deadline = |v: &Path| {
        let s: serde_json::Value = serde_json::from_str(&out(v, &["status", "--json"])).unwrap();
        s["next_deadlines"][0]["deadline"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let three_years = "Team advisory reports are kept at most 3 years after delivery";
    assert!(out(&v, &["statement"]).contains(three_years));
    assert!(out(&v, &["register"]).contains("Team advisory reports: 3 years after delivery"));
    assert_eq!(deadline(&v), "2029-01-15");
    assert_eq!(PERIODS.team_report, 36);

    set(&v, r#"{"retention_months": {"team_report": 24}}"#);
    let st = out(&v, &["statement"]);
    assert!(
        st.contains("Team advisory reports are kept at most 2 years after delivery"),
        "{st}"
    );
    assert!(!st.contains(three_years));
    let nl = out(&v, &["--lang", "nl", "statement", "--format", "html"]);
    assert!(nl.contains("hoogstens 2 jaar na oplevering"), "{nl}");
    assert!(out(&v, &["register"]).contains("Team advisory reports: 2 years after delivery"));
    let j: serde_json::Value =
        serde_json::from_str(&out(&v, &["register", "--format", "json"])).unwrap();
    assert_eq!(j["processings"][1]["retention_rules"][0]["months"], 24);
    assert_eq!(j["processings"][1]["records"], 1);
    assert_eq!(deadline(&v), "2028-01-15");
}
