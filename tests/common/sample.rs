//! The sample vaults of the UI tests: a few fictional people, trajectories,
//! documents, team reports, a request and a breach on the fixed clock, and
//! the same with the records of the rights screens added.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::vault::{FAST, NOW, d, new_session, open_session};
use kluis::domain::{
    AnyRecord, Document, DocumentKind, Id, Person, RequestKind, SubjectRequest, TeamReport,
    Trajectory, TrajectoryKind, breach::Breach,
};
use kluis::vault::team_seal;
use std::path::{Path, PathBuf};

pub const TEAM_PASSWORD: &str = "noord-team-wachtwoord-2023";

fn person(name: &str, email: Option<&str>, org: Option<&str>, created: &str) -> AnyRecord {
    AnyRecord::Person(Person {
        name: name.into(),
        email: email.map(Into::into),
        phone: None,
        organisation: org.map(Into::into),
        created_on: d(created),
    })
}

/// The sample vault in a new temporary folder (kept while the `TempDir`
/// lives).
pub fn sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = sample_vault(dir.path());
    (dir, vault)
}

/// The sample vault with the records of screens 5–7 (`rights_vault`), in
/// a new temporary folder.
pub fn rights_sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    (dir, vault)
}

/// Creates a vault in `dir` with fictional records; some have expired on
/// the fixed clock (2026-11-25).
pub fn sample_vault(dir: &Path) -> PathBuf {
    let vault_dir = dir.join("vault");
    let mut s = new_session(&vault_dir, NOW);
    let id = |n: u64| Id::parse(&format!("{n:016x}")).unwrap();
    let (anna, bram, carla, daan) = (id(1), id(2), id(3), id(4));
    let (t_anna, t_daan, t_bram) = (id(11), id(12), id(13));
    let fast_seal = |pw: &str, body: &str| team_seal::seal_with(pw, body, FAST).unwrap();
    let puts = vec![
        (
            anna.clone(),
            person(
                "Anna de Vries",
                Some("anna@example.nl"),
                Some("Gemeente Utrecht"),
                "2026-01-05",
            ),
        ),
        (
            bram.clone(),
            person(
                "Bram Jansen",
                Some("bram@jansen.example"),
                Some("Jansen BV"),
                "2026-01-05",
            ),
        ),
        (
            carla.clone(),
            person("Carla Smit", None, None, "2026-09-01"),
        ),
        (
            daan.clone(),
            person("Daan Bakker", None, Some("Zorggroep Oost"), "2026-09-20"),
        ),
        (
            t_anna.clone(),
            AnyRecord::Trajectory(Trajectory {
                kind: TrajectoryKind::Coaching,
                title: "Loopbaancoaching Anna".into(),
                participants: vec![anna.clone()],
                requester: Some(bram.clone()),
                started_on: Some(d("2026-01-10")),
                completed_on: Some(d("2026-03-31")),
            }),
        ),
        (
            t_daan.clone(),
            AnyRecord::Trajectory(Trajectory {
                kind: TrajectoryKind::Training,
                title: "Teamtraining Daan".into(),
                participants: vec![daan.clone()],
                requester: None,
                started_on: Some(d("2026-10-01")),
                completed_on: Some(d("2026-11-10")),
            }),
        ),
        (
            t_bram.clone(),
            AnyRecord::Trajectory(Trajectory {
                kind: TrajectoryKind::Coaching,
                title: "Coaching Bram".into(),
                participants: vec![bram.clone()],
                requester: None,
                started_on: Some(d("2026-11-01")),
                completed_on: None,
            }),
        ),
        (
            id(21),
            AnyRecord::Document(Document {
                trajectory: t_anna.clone(),
                participant: anna.clone(),
                kind: DocumentKind::IndividualReport,
                title: "Eindrapport Anna".into(),
                body: "Anna heeft haar loopbaanvraag beantwoord.\nVervolg: geen.".into(),
                created_on: d("2026-03-30"),
                files: Vec::new(),
            }),
        ),
        (
            id(22),
            AnyRecord::Document(Document {
                trajectory: t_anna,
                participant: anna,
                kind: DocumentKind::QuestionnaireResult,
                title: "Uitslag vragenlijst Anna".into(),
                body: "Score: 42".into(),
                created_on: d("2026-02-01"),
                files: Vec::new(),
            }),
        ),
        (
            id(23),
            AnyRecord::Document(Document {
                trajectory: t_daan,
                participant: daan.clone(),
                kind: DocumentKind::IndividualReport,
                title: "Rapport Daan".into(),
                body: "Daan werkt aan feedback geven.".into(),
                created_on: d("2026-11-09"),
                files: Vec::new(),
            }),
        ),
        (
            id(24),
            AnyRecord::Document(Document {
                trajectory: t_bram,
                participant: bram,
                kind: DocumentKind::IndividualReport,
                title: "Intake Bram".into(),
                body: "Intakegesprek.".into(),
                created_on: d("2026-11-02"),
                files: Vec::new(),
            }),
        ),
        (
            id(31),
            AnyRecord::TeamReport(TeamReport {
                organisation: "Gemeente Utrecht".into(),
                team: "Team Noord".into(),
                title: "Advies Team Noord".into(),
                delivered_on: d("2023-11-01"),
                sealed_body: fast_seal(TEAM_PASSWORD, "Vertrouwen herstellen in Team Noord."),
                files: Vec::new(),
            }),
        ),
        (
            id(32),
            AnyRecord::TeamReport(TeamReport {
                organisation: "Zorggroep Oost".into(),
                team: "Team Zuid".into(),
                title: "Advies Team Zuid".into(),
                delivered_on: d("2025-06-01"),
                sealed_body: fast_seal(TEAM_PASSWORD, "Rollen verduidelijken."),
                files: Vec::new(),
            }),
        ),
        (
            id(41),
            AnyRecord::SubjectRequest(SubjectRequest {
                person: Some(daan),
                kind: RequestKind::Access,
                received_on: d("2026-11-10"),
                extension_reason: None,
                handled_on: None,
            }),
        ),
        (
            id(51),
            AnyRecord::Breach(Breach::new(
                chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00+01:00").unwrap(),
                "Laptop kwijt in de trein",
            )),
        ),
    ];
    s.commit("test_setup", puts, vec![]).unwrap();
    drop(s);
    vault_dir
}

/// The sample vault with the records of screens 5–7 added through
/// `ops::rights` on the fixed clock: contact requests, quotes (one open, one
/// accepted), subscribers and unsubscribed addresses, subject requests
/// (open, overdue, handled), complaints and consents.
pub fn rights_vault(dir: &Path) -> PathBuf {
    use kluis::domain::{Subscriber, SubscriberSource};
    use kluis::ops::rights::{complaints, consent, inquiries, mailing, quotes, requests};
    let vault_dir = sample_vault(dir);
    let mut s = open_session(&vault_dir, NOW);
    let id = |n: u64| Id::parse(&format!("{n:016x}")).unwrap();
    let (anna, bram, carla, daan, eva) = (id(1), id(2), id(3), id(4), id(5));
    s.commit(
        "test_setup",
        vec![(
            eva.clone(),
            person("Eva Visser", Some("eva@example.nl"), None, "2026-10-01"),
        )],
        vec![],
    )
    .unwrap();
    let contact = |name: &str, email: &str, message: &str| inquiries::ContactInput {
        name: name.into(),
        email: email.into(),
        phone: String::new(),
        message: message.into(),
    };
    inquiries::record_contact_request(
        &mut s,
        &contact("Femke Mulder", "femke@example.nl", "Graag een kennismaking"),
        d("2026-11-20"),
    )
    .unwrap();
    let joost = inquiries::record_contact_request(
        &mut s,
        &contact("Joost Bos", "", "Vraag over teamcoaching"),
        d("2026-10-01"),
    )
    .unwrap();
    inquiries::mark_first_contact(&mut s, &joost, d("2026-10-20")).unwrap();

    let sub = |email: &str, name: &str, source, evidence: &str, on: &str| Subscriber {
        email: email.into(),
        name: Some(name.into()),
        source,
        evidence: evidence.into(),
        subscribed_on: d(on),
    };
    for sb in [
        sub(
            "anna@example.nl",
            "Anna de Vries",
            SubscriberSource::Webinar,
            "webinar Werkplezier 2026-10-08",
            "2026-10-08",
        ),
        sub(
            "lotte@example.nl",
            "Lotte Dekker",
            SubscriberSource::Ebook,
            "download e-book Veerkracht",
            "2026-09-14",
        ),
        sub(
            "piet@example.nl",
            "Piet de Boer",
            SubscriberSource::Manual,
            "mail van 2026-06-02: wil de nieuwsbrief",
            "2026-06-02",
        ),
    ] {
        mailing::subscribe(&mut s, sb).unwrap();
    }
    mailing::unsubscribe(&mut s, &["bram@jansen.example", "oud@example.nl"]).unwrap();

    quotes::new_quote(
        &mut s,
        &quotes::QuoteDraft {
            requester: bram.clone(),
            participants: vec![eva, anna.clone(), carla.clone()],
            amount: "2450".into(),
            sent_on: d("2026-11-01"),
        },
    )
    .unwrap();
    let accepted = quotes::new_quote(
        &mut s,
        &quotes::QuoteDraft {
            requester: daan.clone(),
            participants: vec![daan.clone()],
            amount: "1200.5".into(),
            sent_on: d("2026-09-01"),
        },
    )
    .unwrap();
    quotes::accept_quote(&mut s, &accepted, d("2026-09-15")).unwrap();

    use kluis::domain::RequestKind as R;
    requests::record(&mut s, &anna, R::Erasure, d("2026-10-20")).unwrap();
    requests::record(&mut s, &bram, R::Rectification, d("2026-11-01")).unwrap();
    let handled = requests::record(&mut s, &carla, R::Objection, d("2026-08-01")).unwrap();
    requests::mark_handled(&mut s, &handled, d("2026-08-20")).unwrap();

    complaints::record(
        &mut s,
        Some(&anna),
        "Antwoord op inzage te laat",
        d("2026-11-15"),
    )
    .unwrap();
    let referred =
        complaints::record(&mut s, None, "Nieuwsbrief na afmelding", d("2026-09-01")).unwrap();
    complaints::mark_handled(&mut s, &referred, d("2026-09-20")).unwrap();
    complaints::set_referred_to_ap(&mut s, &referred, true).unwrap();

    consent::record_consent(&mut s, &anna, "Arbodienst", "voortgang", d("2026-02-01")).unwrap();
    let uwv = consent::record_consent(&mut s, &anna, "UWV", "verslag", d("2026-01-20")).unwrap();
    consent::withdraw_consent(&mut s, &uwv, d("2026-03-01")).unwrap();
    drop(s);
    vault_dir
}
