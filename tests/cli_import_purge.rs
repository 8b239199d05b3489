//! The command line of DESIGN.md §8 and §9: import, status
//! and purge on a fixed clock with their exact JSON, the confirmation rule,
//! import refusals that name their path and write nothing, the mailing-list
//! rules of an import, and generated team-report passwords.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use chrono::NaiveDate;
use common::{cli::*, files::*, fixture::*, vault::*};
use kluis::domain::records::{SubscriberSource, Suppression};
use kluis::domain::{AnyRecord, Dataset, Id, Kind};
use kluis::vault::team_seal;
use serde_json::{Value, json};
use std::fs;
use std::path::Path;

fn today() -> NaiveDate {
    clock(NOW).today()
}

/// One expected entry of a deadline list.
struct Row {
    kind: Kind,
    id: Id,
    label: Option<&'static str>,
    deadline: &'static str,
}

fn row(ds: &Dataset, kind: Kind, label: &'static str, deadline: &'static str) -> Row {
    Row {
        kind,
        id: id_by_label(ds, kind, label),
        label: Some(label),
        deadline,
    }
}

/// Checks a JSON deadline list against `rows`, in the contract's order
/// (deadline, then kind, then id), with `days` the field holding the signed
/// day count and `sign` its direction.
#[track_caller]
fn assert_rows(got: &Value, mut rows: Vec<Row>, days: &str, overdue: bool) {
    rows.sort_by(|a, b| (d(a.deadline), a.kind, &a.id).cmp(&(d(b.deadline), b.kind, &b.id)));
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), rows.len(), "{got:#?}");
    for (g, r) in got.iter().zip(&rows) {
        assert_eq!(g["kind"], r.kind.name(), "{g}");
        assert_eq!(g["id"], r.id.as_str(), "{g}");
        assert_eq!(g["deadline"], r.deadline, "{g}");
        let n = (d(r.deadline) - today()).num_days();
        assert_eq!(g[days], if overdue { -n } else { n }, "{g}");
        match r.label {
            Some(l) => assert_eq!(g["label"], l, "{g}"),
            None => assert!(g["label"].is_string(), "{g}"),
        }
    }
}

fn import_practice(vault: &Path) -> Run {
    new_vault(vault);
    let r = run(kluis(vault).arg("import").arg(fixture("practice.json")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

/// The ten records of the fixture that have expired on `NOW`.
fn expected_expired(ds: &Dataset) -> Vec<Row> {
    let sr = ds
        .subject_requests
        .iter()
        .find(|(_, r)| r.handled_on.is_some())
        .unwrap()
        .0
        .clone();
    let q2 = ds
        .quotes
        .iter()
        .find(|(_, q)| q.declined_on.is_some())
        .unwrap()
        .0
        .clone();
    vec![
        Row {
            kind: Kind::SubjectRequest,
            id: sr,
            label: None,
            deadline: "2026-01-20",
        },
        row(ds, Kind::Person, "Anna de Vries", "2026-05-31"),
        row(ds, Kind::Trajectory, "Loopbaancoaching Anna", "2026-05-31"),
        row(ds, Kind::IndividualReport, "Eindrapport Anna", "2026-05-31"),
        row(
            ds,
            Kind::QuestionnaireResult,
            "Uitslag drijfverenvragenlijst Anna",
            "2026-05-31",
        ),
        row(ds, Kind::Person, "Bram Jansen", "2026-10-01"),
        row(ds, Kind::Person, "Daan Visser", "2026-10-01"),
        Row {
            kind: Kind::Quote,
            id: q2,
            // A quote is labelled with its requester's name.
            label: Some("Bram Jansen"),
            deadline: "2026-10-01",
        },
        row(ds, Kind::ContactRequest, "Hanna Mulder", "2026-10-15"),
        row(
            ds,
            Kind::TeamReport,
            "Adviesrapport samenwerking Wijkbeheer",
            "2026-11-01",
        ),
    ]
}

#[test]
fn status_and_dry_run_give_the_contract_json_on_a_fixed_clock() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let imported = import_practice(&vault);
    assert!(imported.stdout.contains("Imported:"), "{}", imported.stdout);
    let ds = open_session(&vault, NOW).data;

    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["now"], "2026-11-25");
    let want_counts = json!({
        "person": 7, "trajectory": 3, "individual_report": 2, "questionnaire_result": 2,
        "team_report": 2, "contact_request": 2, "quote": 2, "subscriber": 3,
        "subject_request": 2,
    });
    for (k, v) in j["counts"].as_object().unwrap() {
        assert_eq!(
            *v,
            want_counts.get(k).cloned().unwrap_or(json!(0)),
            "count of {k}"
        );
    }
    for (k, v) in want_counts.as_object().unwrap() {
        assert_eq!(j["counts"][k], *v, "count of {k}");
    }
    assert_eq!(j["expired"], 10);
    // Eva (6 d), Femke's trajectory and its questionnaire (15 d), Ivo (25 d).
    assert_eq!(j["due_within_30_days"], 4);
    let q1 = ds
        .quotes
        .iter()
        .find(|(_, q)| q.accepted_on.is_some())
        .unwrap()
        .0
        .clone();
    assert_rows(
        &j["next_deadlines"],
        vec![
            row(&ds, Kind::Person, "Eva Smit", "2026-12-01"),
            row(
                &ds,
                Kind::Trajectory,
                "Leiderschapscoaching Femke",
                "2026-12-10",
            ),
            row(
                &ds,
                Kind::QuestionnaireResult,
                "Uitslag 360-feedback Femke",
                "2026-12-10",
            ),
            row(&ds, Kind::ContactRequest, "Ivo Kramer", "2026-12-20"),
            // Delivered on a leap day: + 36 months clamps to 28 February.
            row(
                &ds,
                Kind::TeamReport,
                "Adviesrapport werkdruk Jeugdzorg Oost",
                "2027-02-28",
            ),
            // Kept 84 months for the accepted quote she requested.
            row(&ds, Kind::Person, "Femke Bakker", "2033-03-01"),
            Row {
                kind: Kind::Quote,
                id: q1,
                label: Some("Femke Bakker"),
                deadline: "2033-03-01",
            },
        ],
        "days_left",
        false,
    );
    assert_eq!(j["open_breaches"], json!([]));
    let sr1 = ds
        .subject_requests
        .iter()
        .find(|(_, r)| r.handled_on.is_none())
        .unwrap()
        .0;
    assert_eq!(
        j["open_requests"],
        json!([{"id": sr1.as_str(), "kind": "access", "due_on": "2026-12-10", "days_left": 15}])
    );

    let r = run(kluis(&vault).args(["purge", "--expired", "--dry-run", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["now"], "2026-11-25");
    assert_eq!(j["dry_run"], true);
    assert_eq!(j["count"], 10);
    assert_rows(&j["records"], expected_expired(&ds), "overdue_days", true);
    // The contract's own example: a report due 2026-05-31 is 178 days over.
    let report = j["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "Eindrapport Anna")
        .unwrap();
    assert_eq!(report["overdue_days"], 178);
    // A dry run deletes nothing.
    assert_eq!(total(&vault), 25);

    // The generated team-report password was shown once, and no command
    // shows it again.
    let pw = generated_passwords(&imported.stdout);
    assert_eq!(pw.len(), 1, "{}", imported.stdout);
    assert_eq!(imported.stdout.matches(&pw[0]).count(), 1);
    for out in [&r.stdout, &r.stderr] {
        assert!(!out.contains(&pw[0]));
    }
}

#[test]
fn a_record_expires_on_its_deadline_day_not_before() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let ds = open_session(&vault, NOW).data;
    let eva = id_by_label(&ds, Kind::Person, "Eva Smit");
    let listed = |now: &str| -> Vec<Value> {
        let r = run(kluis(&vault).env("KLUIS_NOW", now).args([
            "purge",
            "--expired",
            "--dry-run",
            "--json",
        ]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.json()["records"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["id"] == eva.as_str())
            .cloned()
            .collect()
    };
    assert!(listed("2026-11-30T23:59:59+01:00").is_empty());
    let on = listed("2026-12-01T00:00:00+01:00");
    assert_eq!(on.len(), 1);
    assert_eq!(on[0]["deadline"], "2026-12-01");
    assert_eq!(on[0]["overdue_days"], 0);
    assert_eq!(on[0]["label"], "Eva Smit");
    assert_eq!(listed("2026-12-02T08:00:00+01:00")[0]["overdue_days"], 1);
}

#[test]
fn purge_refuses_without_yes_off_a_terminal_then_deletes_exactly_the_expired() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let s = open_session(&vault, NOW);
    let before = s.data.clone();
    let audit_before = s.vault.audit_entries().unwrap().len();
    drop(s);
    let expected = expected_expired(&before);

    // Standard input is not a terminal: refused, even when it says yes.
    for (stdin, json) in [(None, false), (Some("y\n"), false), (Some("ja\n"), true)] {
        let mut c = kluis(&vault);
        c.args(["purge", "--expired"]);
        if json {
            c.arg("--json");
        }
        if let Some(input) = stdin {
            c.write_stdin(input);
        }
        let r = run(&mut c);
        assert_eq!(r.code, 2, "{} {}", r.stdout, r.stderr);
        assert_clean_error(&r, &["refused", "--yes", "nothing was changed"]);
        let s = open_session(&vault, NOW);
        assert!(s.data == before, "a refused purge deleted something");
        assert_eq!(s.vault.audit_entries().unwrap().len(), audit_before);
    }

    let r = run(kluis(&vault).args(["purge", "--expired", "--yes", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["dry_run"], false);
    assert_eq!(j["count"], 10);
    assert_rows(
        &j["records"],
        expected_expired(&before),
        "overdue_days",
        true,
    );
    assert_eq!(j["deleted"]["total"], 10);
    assert_eq!(
        j["deleted"]["counts"],
        json!({"person": 3, "trajectory": 1, "individual_report": 1,
               "questionnaire_result": 1, "team_report": 1, "contact_request": 1,
               "quote": 1, "subject_request": 1})
    );
    assert_eq!(j["deleted"]["oldest_deadline"], "2026-01-20");

    // Nothing is left to purge, and every other record is intact.
    let r = run(kluis(&vault).args(["purge", "--expired", "--dry-run", "--json"]));
    assert_eq!(r.code, 0);
    assert_eq!(r.json()["count"], 0);
    assert_eq!(r.json()["records"], json!([]));
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(
        r.json(),
        json!({"ok": true, "records_checked": 15, "files_checked": 0, "audit_chain": "ok", "problems": []})
    );
    let s = open_session(&vault, NOW);
    let mut rest = before.clone();
    for e in &expected {
        assert!(rest.remove(e.kind, &e.id), "{} {}", e.kind, e.id);
    }
    assert!(s.unreadable.is_empty());
    assert!(s.data == rest, "records that stay were changed");

    // One audit entry with kinds, counts and ids, and nothing personal.
    let audit = s.vault.audit_entries().unwrap();
    assert_eq!(audit.len(), audit_before + 1);
    let last = audit.last().unwrap();
    assert_eq!(last.action, "purge");
    assert_eq!(last.counts.values().sum::<usize>(), 10);
    let text = serde_json::to_string(&audit).unwrap().to_lowercase();
    for n in personal_needles() {
        assert!(!text.contains(&n.to_lowercase()), "{n:?} in the audit log");
    }
    drop(s);

    // A second purge finds nothing and says so.
    let r = run(kluis(&vault).args(["purge", "--expired", "--yes"]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Nothing has expired"), "{}", r.stdout);
    assert_eq!(total(&vault), 15);
}

/// A small valid import in which each case below plants one mistake.
fn small_import() -> Value {
    json!({
        "people": [
            {"ref": "p1", "name": "Mirjam Oudshoorn-Ëlbers", "email": "mirjam.oudshoorn@example.nl",
             "created_on": "2026-11-01"},
            {"ref": "p2", "name": "Teun Hoekstra", "email": "teun.hoekstra@example.nl",
             "created_on": "2026-11-01"}
        ],
        "trajectories": [
            {"ref": "t1", "kind": "coaching", "title": "Coaching Mirjam", "participants": ["p1"],
             "requester": "p2", "started_on": "2026-11-02"}
        ],
        "documents": [
            {"trajectory": "t1", "participant": "p1", "kind": "individual_report",
             "title": "Intakeverslag Mirjam", "body": "Vertrouwelijk", "created_on": "2026-11-03"}
        ],
        "quotes": [
            {"requester": "p2", "participants": ["p1"], "amount": "1500.00",
             "sent_on": "2026-10-20", "accepted_on": "2026-10-25"}
        ],
        "subscribers": [
            {"email": "nieuw.lid@example.nl", "source": "webinar",
             "evidence": "Webinar Veerkracht, 3 november 2026", "subscribed_on": "2026-11-03"}
        ],
        "subject_requests": [
            {"person": "p1", "kind": "access", "received_on": "2026-11-04"}
        ]
    })
}

const SMALL_PERSONAL: [&str; 7] = [
    "Mirjam",
    "Oudshoorn",
    "Ëlbers",
    "Teun Hoekstra",
    "mirjam.oudshoorn",
    "teun.hoekstra",
    "nieuw.lid",
];

/// A vault holding the practice and a suppression entry for `address`
/// (someone who unsubscribed), made in-process.
fn vault_with_suppression(vault: &Path, address: &str) {
    practice_vault(vault);
    let mut s = open_session(vault, NOW);
    let hash = s
        .vault
        .suppression_hash(&kluis::domain::mailing::normalise_email(address));
    let id = s.data.new_id();
    s.commit(
        "unsubscribe",
        vec![(
            id,
            AnyRecord::Suppression(Suppression {
                hash,
                suppressed_on: d("2026-06-01"),
            }),
        )],
        vec![],
    )
    .unwrap();
}

#[test]
fn each_bad_import_names_its_path_and_writes_nothing() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    vault_with_suppression(&vault, "oud.lid@example.nl");
    let file = tmp.path().join("import.json");
    let before_total = total(&vault);

    type Plant = fn(&mut Value);
    let cases: Vec<(&str, Plant, &str)> = vec![
        (
            "unknown ref",
            |v| v["trajectories"][0]["participants"][0] = json!("p9"),
            r#"trajectories[0].participants[0]: unknown ref "p9""#,
        ),
        (
            "impossible date",
            |v| v["people"][1]["created_on"] = json!("2026-02-30"),
            r#"people[1].created_on: bad date "2026-02-30": expected YYYY-MM-DD"#,
        ),
        (
            "Dutch date order",
            |v| v["quotes"][0]["sent_on"] = json!("20-10-2026"),
            r#"quotes[0].sent_on: bad date "20-10-2026""#,
        ),
        (
            "unknown kind",
            |v| v["documents"][0]["kind"] = json!("intake_report"),
            "documents[0].kind: unknown variant `intake_report`",
        ),
        (
            "unknown trajectory kind",
            |v| v["trajectories"][0]["kind"] = json!("mentoring"),
            "trajectories[0].kind: unknown variant `mentoring`",
        ),
        (
            "missing field",
            |v| {
                v["documents"][0].as_object_mut().unwrap().remove("title");
            },
            "documents[0]: missing field `title`",
        ),
        (
            "unknown field",
            |v| v["people"][0]["titel"] = json!("dr."),
            "people[0].titel: unknown field `titel`",
        ),
        (
            "accepted before it was sent",
            |v| v["quotes"][0]["accepted_on"] = json!("2026-10-19"),
            "quotes[0].accepted_on: a quote cannot be accepted before it was sent",
        ),
        (
            "document of someone outside the trajectory",
            |v| v["documents"][0]["participant"] = json!("p2"),
            r#"documents[0].participant: "p2" is not a participant of trajectory "t1""#,
        ),
        (
            "suppressed subscriber",
            |v| v["subscribers"][0]["email"] = json!(" Oud.Lid@Example.NL "),
            "subscribers[0].email: this address unsubscribed before and is not re-added",
        ),
        (
            "a mistake in the last list",
            |v| v["subject_requests"][0]["person"] = json!("p3"),
            r#"subject_requests[0].person: unknown ref "p3""#,
        ),
    ];
    // The base file itself is fine (checked in-process, not written).
    {
        let s = open_session(&vault, NOW);
        let parsed = kluis::ops::import::parse(&small_import().to_string()).unwrap();
        assert!(kluis::ops::import::plan(&s, &parsed).is_ok());
    }
    let before = snapshot(&vault);
    for (what, plant, want) in cases {
        let mut v = small_import();
        plant(&mut v);
        fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        let r = run(kluis(&vault).arg("import").arg(&file));
        assert_eq!(r.code, 1, "{what}: {} {}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty(), "{what}: {}", r.stdout);
        assert_clean_error(&r, &["import refused, nothing was written", want]);
        for p in SMALL_PERSONAL {
            assert!(
                !r.stderr.to_lowercase().contains(&p.to_lowercase()),
                "{what}: {p:?} in {:?}",
                r.stderr
            );
        }
        assert!(
            r.stderr.trim().lines().count() == 1,
            "{what}: more than one line: {:?}",
            r.stderr
        );
        assert_same_files(&before, &snapshot(&vault), what);
    }
    // Not JSON at all.
    fs::write(&file, "{\"people\": [").unwrap();
    let r = run(kluis(&vault).arg("import").arg(&file));
    assert_eq!(r.code, 1);
    assert_clean_error(&r, &["import refused, nothing was written"]);
    assert_same_files(&before, &snapshot(&vault), "not JSON");
    assert_eq!(total(&vault), before_total);

    // New explicit consent (manual, with evidence) does add the address.
    let mut v = small_import();
    v["subscribers"][0] = json!({"email": "oud.lid@example.nl", "source": "manual",
        "evidence": "Opnieuw aangemeld per e-mail van 4 november 2026",
        "subscribed_on": "2026-11-04"});
    fs::write(&file, v.to_string()).unwrap();
    let r = run(kluis(&vault).arg("import").arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ds = open_session(&vault, NOW).data;
    assert!(
        ds.subscribers
            .values()
            .any(|s| s.email == "oud.lid@example.nl" && s.source == SubscriberSource::Manual)
    );
}

#[test]
fn accepted_quotes_put_their_people_on_the_list_and_contact_requests_never() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let r = import_practice(&vault);
    // Femke (requester) and Zoë (participant) joined; nobody was skipped.
    assert!(
        r.stdout
            .contains("Joined the mailing list through accepted quotes: 2"),
        "{}",
        r.stdout
    );
    let ds = open_session(&vault, NOW).data;
    let q1 = ds
        .quotes
        .iter()
        .find(|(_, q)| q.accepted_on.is_some())
        .unwrap()
        .0
        .clone();
    let mut from_quote: Vec<(&str, Option<&str>)> = ds
        .subscribers
        .values()
        .filter(|s| s.source == SubscriberSource::Quote)
        .map(|s| {
            assert!(s.evidence.contains(q1.as_str()), "{}", s.evidence);
            assert_eq!(s.subscribed_on, d("2026-03-01"));
            (s.email.as_str(), s.name.as_deref())
        })
        .collect();
    from_quote.sort();
    assert_eq!(
        from_quote,
        [
            ("femke@bakker-advies.example", Some("Femke Bakker")),
            ("zoe.ijsselmeer@example.nl", Some("Zoë Ĳsselmeer-Çelik")),
        ]
    );
    // The webinar subscriber is the only other one; no contact request joined.
    assert_eq!(ds.subscribers.len(), 3);
    for c in ds.contact_requests.values() {
        let email = c.email.as_deref().unwrap();
        assert!(
            !ds.subscribers.values().any(|s| s.email == email),
            "contact request {email} joined the list"
        );
    }
    // The declined quote's requester did not join.
    assert!(
        !ds.subscribers
            .values()
            .any(|s| s.email == "bram.jansen@example.nl")
    );

    // An accepted quote whose requester unsubscribed before: not re-added,
    // and the import says so; a participant without e-mail is skipped.
    let vault2 = tmp.path().join("vault2");
    vault_with_suppression(&vault2, "oud.lid@example.nl");
    let subscribers_before = open_session(&vault2, NOW).data.subscribers.len();
    let file = tmp.path().join("quote.json");
    fs::write(
        &file,
        json!({
            "people": [
                {"ref": "a", "name": "Oud Lid", "email": "Oud.Lid@example.nl"},
                {"ref": "b", "name": "Zonder Adres"},
                {"ref": "c", "name": "Nieuwe Deelnemer", "email": "nieuwe.deelnemer@example.nl"}
            ],
            "contact_requests": [
                {"name": "Alleen Contact", "email": "alleen.contact@example.nl",
                 "message": "Bel me", "received_on": "2026-11-20"}
            ],
            "quotes": [
                {"requester": "a", "participants": ["b", "c"], "amount": "750",
                 "sent_on": "2026-11-01", "accepted_on": "2026-11-10"}
            ]
        })
        .to_string(),
    )
    .unwrap();
    let r = run(kluis(&vault2).arg("import").arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "Joined the mailing list through accepted quotes: 1 · not re-added (unsubscribed before): 1 · without an e-mail address: 1"
        ),
        "{}",
        r.stdout
    );
    let ds = open_session(&vault2, NOW).data;
    assert_eq!(ds.subscribers.len(), subscribers_before + 1);
    let added: Vec<&str> = ds
        .subscribers
        .values()
        .filter(|s| s.source == SubscriberSource::Quote && s.subscribed_on == d("2026-11-10"))
        .map(|s| s.email.as_str())
        .collect();
    assert_eq!(added, ["nieuwe.deelnemer@example.nl"]);
    assert!(
        !ds.subscribers
            .values()
            .any(|s| s.email.to_lowercase().contains("oud.lid")
                || s.email.contains("alleen.contact"))
    );
}

#[test]
fn a_team_report_without_password_gets_a_strong_one_shown_once() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let r = import_practice(&vault);
    let pw = generated_passwords(&r.stdout);
    assert_eq!(pw.len(), 1, "{}", r.stdout);
    let pw = &pw[0];
    // 25 symbols from a 32-symbol alphabet: 125 bits, at least the 100 asked.
    let symbols: String = pw.chars().filter(|c| *c != '-').collect();
    assert_eq!(symbols.len(), 25);
    assert!(25.0 * 32f64.log2() >= 100.0);
    assert_eq!(r.stdout.matches(pw.as_str()).count(), 1, "shown once");
    let line = r.stdout.lines().find(|l| l.contains(pw.as_str())).unwrap();
    assert!(
        line.contains("Adviesrapport werkdruk Jeugdzorg Oost"),
        "the password names its report: {line}"
    );
    assert!(
        !r.stdout.contains("Lange-Zin-Voor-De-Linde-2023!"),
        "a chosen password is not echoed"
    );
    // Two imports generate different passwords.
    let other = tmp.path().join("other");
    let r2 = import_practice(&other);
    assert_ne!(generated_passwords(&r2.stdout)[0], *pw);

    let ds = open_session(&vault, NOW).data;
    let generated = &ds.team_reports[&id_by_label(
        &ds,
        Kind::TeamReport,
        "Adviesrapport werkdruk Jeugdzorg Oost",
    )];
    let chosen = &ds.team_reports[&id_by_label(
        &ds,
        Kind::TeamReport,
        "Adviesrapport samenwerking Wijkbeheer",
    )];
    assert_eq!(
        team_seal::open(pw, &generated.sealed_body)
            .unwrap()
            .as_str(),
        "Ziekteverzuim van 14% in het team Jeugdzorg Oost; de oorzaak ligt in de roosterplanning."
    );
    assert!(
        team_seal::open("Lange-Zin-Voor-De-Linde-2023!", &chosen.sealed_body)
            .unwrap()
            .starts_with("Het team Wijkbeheer Noord")
    );
    // Each report opens only with its own password, even with the vault open.
    assert!(team_seal::open(pw, &chosen.sealed_body).is_err());
    assert!(team_seal::open(PASS, &generated.sealed_body).is_err());
    assert!(!generated.sealed_body.contains("Ziekteverzuim"));
}

#[test]
fn an_import_refusal_never_repeats_a_personal_value_put_in_the_wrong_field() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    new_vault(&vault);
    let file = tmp.path().join("import.json");
    // A spreadsheet export with shifted columns puts names, e-mail addresses
    // and titles where dates, amounts, kinds and lists belong. The refusal
    // must name the place, not repeat the value.
    type Plant = fn(&mut Value);
    let cases: Vec<(Plant, &str)> = vec![
        (
            |v| v["people"][0]["created_on"] = json!("Mirjam Oudshoorn-Ëlbers"),
            "people[0].created_on",
        ),
        (
            |v| v["quotes"][0]["sent_on"] = json!("teun.hoekstra@example.nl"),
            "quotes[0].sent_on",
        ),
        (
            |v| v["quotes"][0]["amount"] = json!("Teun Hoekstra"),
            "quotes[0].amount",
        ),
        (
            |v| v["trajectories"][0]["kind"] = json!("Mirjam Oudshoorn-Ëlbers"),
            "trajectories[0].kind",
        ),
        (
            |v| v["subject_requests"][0]["kind"] = json!("mirjam.oudshoorn@example.nl"),
            "subject_requests[0].kind",
        ),
        (
            |v| v["trajectories"][0]["participants"] = json!("Mirjam Oudshoorn-Ëlbers"),
            "trajectories[0].participants",
        ),
        (
            |v| v["subscribers"][0]["email"] = json!("Mirjam Oudshoorn"),
            "subscribers[0].email",
        ),
        (
            |v| v["people"][1]["name"] = json!(["Teun", "Hoekstra"]),
            "people[1].name",
        ),
    ];
    for (plant, path) in cases {
        let mut v = small_import();
        plant(&mut v);
        fs::write(&file, v.to_string()).unwrap();
        let r = run(kluis(&vault).arg("import").arg(&file));
        assert_eq!(r.code, 1, "{path}: {}", r.stderr);
        assert_clean_error(&r, &["import refused, nothing was written", path]);
        for p in SMALL_PERSONAL {
            assert!(
                !r.stderr.to_lowercase().contains(&p.to_lowercase()),
                "{path}: {p:?} repeated in {:?}",
                r.stderr
            );
        }
    }
    assert_eq!(total(&vault), 0);
}

#[test]
fn json_is_the_same_in_dutch_and_usage_errors_exit_2() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    // JSON field names and kind names never change with the language.
    for args in [
        vec!["status", "--json"],
        vec!["purge", "--expired", "--dry-run", "--json"],
        vec!["check", "--json"],
    ] {
        let en = run(kluis(&vault).args(&args));
        let nl = run(kluis(&vault).env("LANG", "nl_NL.UTF-8").args(&args));
        let nl_flag = run(kluis(&vault).args(["--lang", "nl"]).args(&args));
        assert_eq!(en.code, 0, "{args:?}: {}", en.stderr);
        assert_eq!(en.json(), nl.json(), "{args:?}");
        assert_eq!(en.json(), nl_flag.json(), "{args:?}");
    }

    let before = snapshot(&vault);
    let bad_clock =
        run(kluis(&vault)
            .env("KLUIS_NOW", "gisteren")
            .args(["purge", "--expired", "--yes"]));
    assert_eq!(bad_clock.code, 2, "{}", bad_clock.stderr);
    assert_clean_error(&bad_clock, &["KLUIS_NOW", "RFC 3339"]);
    let no_what = run(kluis(&vault).args(["purge", "--yes"]));
    assert_eq!(no_what.code, 2, "{}", no_what.stderr);
    assert_clean_error(&no_what, &["--expired"]);
    let unknown = run(kluis(&vault).args(["purge", "--expired", "--all"]));
    assert_eq!(unknown.code, 2);
    let no_file = run(kluis(&vault)
        .arg("--password-file")
        .arg(tmp.path().join("geen-bestand"))
        .arg("status"));
    assert_eq!(no_file.code, 1);
    assert_clean_error(&no_file, &["password file", "geen-bestand"]);
    let dutch = run(kluis(&vault)
        .env("LANG", "nl_NL.UTF-8")
        .arg("import")
        .arg(fixture("does-not-exist.json")));
    assert_eq!(dutch.code, 1);
    assert_clean_error(&dutch, &["does-not-exist.json"]);
    assert_same_files(&before, &snapshot(&vault), "usage errors");
}

#[test]
fn the_import_summary_names_the_kinds_in_the_coachs_language() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    new_vault(&vault);
    let r = run(kluis(&vault)
        .args(["--lang", "nl", "import"])
        .arg(fixture("practice.json")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("personen"), "{}", r.stdout);
    assert!(r.stdout.contains("individuele rapportage"), "{}", r.stdout);
    assert!(!r.stdout.contains("individual_report"), "{}", r.stdout);
}
