//! Correcting every record in the UI (P8), driven by keys on a fixed clock:
//! each correction is one change with one audit entry, and a correction
//! that moves a deadline says from when to when. A completion date moved
//! into another month leaves no readable copy in the old month once the
//! records are purged (DESIGN.md §7).

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod files;
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::files::{copy_dir, wait_until_released};
use common::{sample::*, ui::*, vault::*};
use kluis::domain::retention::{Deadline, deadline_of};
use kluis::domain::{DocumentKind, Id, Kind};
use kluis::i18n::Lang;
use kluis::vault::Vault;
use std::path::Path;

/// `n` backspaces: clears a prefilled field with the cursor at its end.
fn bs(n: usize) -> String {
    "<BS>".repeat(n)
}

fn id(n: u64) -> Id {
    Id::parse(&format!("{n:016x}")).unwrap()
}

/// The actions of the audit log, oldest first.
fn audit_actions(h: &Harness) -> Vec<String> {
    let ws = h.app.workspace().unwrap();
    ws.session
        .vault
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// Runs `keys` and asserts that they made exactly one change, `action`.
#[track_caller]
fn one_change(h: &mut Harness, keys: &str, action: &str) -> String {
    let before = audit_actions(h).len();
    let screen = h.step_and_draw(keys);
    let after = audit_actions(h);
    assert_eq!(after.len(), before + 1, "one audit entry: {screen}");
    assert_eq!(after.last().map(String::as_str), Some(action), "{screen}");
    screen
}

fn deadline(h: &Harness, kind: Kind, id: &Id) -> Deadline {
    let s = &h.app.workspace().unwrap().session;
    deadline_of(&s.deadlines(), kind, id)
}

#[test]
fn a_wrong_completion_date_is_corrected_with_c_and_the_documents_move_with_it() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Teamtraining Daan was completed on 2026-11-10: deadline 2027-01-10.
    let screen = h.step_and_draw("3/daan<Enter>c");
    assert!(
        screen.contains("Edit trajectory") && screen.contains("2026-11-10"),
        "a completed trajectory opens its form on the completion date: {screen}"
    );
    assert!(!screen.contains("already completed"), "{screen}");
    let keys = format!("{}2026-10-31<Enter>", bs(10));
    let screen = one_change(&mut h, &keys, "trajectory_edit");
    assert!(
        screen.contains("Saved. The deadline moved from 2027-01-10 to 2026-12-31."),
        "{screen}"
    );
    assert_eq!(
        deadline(&h, Kind::Trajectory, &id(12)),
        Deadline::On(d("2026-12-31"))
    );
    assert_eq!(
        deadline(&h, Kind::IndividualReport, &id(23)),
        Deadline::On(d("2026-12-31")),
        "its document moves with it"
    );
    drop(h);
    let s = open_session(&vault, NOW);
    assert_eq!(
        s.data.trajectories[&id(12)].completed_on,
        Some(d("2026-10-31"))
    );
}

#[test]
fn a_trajectory_gets_title_kind_participants_and_requester_corrected() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Coaching Bram: running, Bram alone. Add Carla as participant, Anna as
    // requester, and call it a training.
    let screen = h.step_and_draw("3/coaching bram<Enter>e");
    assert!(
        screen.contains("Edit trajectory") && screen.contains("✓ Bram Jansen"),
        "{screen}"
    );
    let keys = format!(
        "<Right><Tab>{}Coaching Bram en Carla<Tab>carla<Space><Tab>anna<Enter>",
        bs(13)
    );
    let screen = one_change(&mut h, &keys, "trajectory_edit");
    assert!(screen.contains("Saved."), "{screen}");
    let t = &h.app.workspace().unwrap().session.data.trajectories[&id(13)];
    assert_eq!(t.title, "Coaching Bram en Carla");
    assert_eq!(t.kind, kluis::domain::TrajectoryKind::Training);
    assert_eq!(t.participants, vec![id(2), id(3)]);
    assert_eq!(t.requester, Some(id(1)));
    // Bram has a document in it: taking him out is refused, nothing changes.
    let before = audit_actions(&h).len();
    let screen = h.step_and_draw("e<Tab><Tab>bram<Space><Enter>");
    assert!(
        screen.contains("That participant has documents in this trajectory"),
        "{screen}"
    );
    assert_eq!(audit_actions(&h).len(), before);
}

#[test]
fn a_document_gets_kind_participant_title_and_text_corrected() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Intake Bram (an individual report) in Coaching Bram.
    let screen = h.step_and_draw("3/coaching bram<Enter><Enter>e");
    assert!(
        screen.contains("Edit document") && screen.contains("Intake Bram"),
        "{screen}"
    );
    let keys = format!(
        "<S-Tab><S-Tab><Right><Tab><Tab>{}Vragenlijst Bram<Tab>{}Score 7 van 10.<Enter>Vervolg: geen.<C-s>",
        bs(11),
        bs(14)
    );
    let screen = one_change(&mut h, &keys, "document_edit");
    assert!(screen.contains("Vragenlijst Bram"), "{screen}");
    assert!(screen.contains("questionnaire result"), "{screen}");
    drop(h);
    let s = open_session(&vault, NOW);
    let doc = &s.data.documents[&id(24)];
    assert_eq!(doc.kind, DocumentKind::QuestionnaireResult);
    assert_eq!(doc.title, "Vragenlijst Bram");
    assert_eq!(doc.body, "Score 7 van 10.\nVervolg: geen.");
    assert!(s.unreadable.is_empty(), "{:?}", s.unreadable);
    // The record moved to its new kind's key; the old key is gone.
    assert!(
        s.vault
            .get(Kind::IndividualReport, &id(24))
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_team_reports_details_are_corrected_and_its_text_stays_sealed() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("4/zuid<Enter>e");
    assert!(
        screen.contains("Edit the team report's details") && screen.contains("2025-06-01"),
        "{screen}"
    );
    let keys = format!(
        "<Tab><Tab>{}Advies Team Zuid-West<Tab>{}2025-07-01<Enter>",
        bs(16),
        bs(10)
    );
    let screen = one_change(&mut h, &keys, "team_report_edit");
    assert!(
        screen.contains("Saved. The deadline moved from 2028-06-01 to 2028-07-01."),
        "{screen}"
    );
    let screen = h.step_and_draw(&format!("<Enter>{TEAM_PASSWORD}<Enter>"));
    assert!(screen.contains("Rollen verduidelijken."), "{screen}");
}

#[test]
fn a_contact_request_is_corrected_and_its_first_contact_moves_the_deadline() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Joost Bos: first contact 2026-10-20, deadline 2026-11-20.
    let screen = h.step_and_draw("5/joost<Enter>e");
    assert!(
        screen.contains("Edit contact request") && screen.contains("2026-10-20"),
        "{screen}"
    );
    let keys = format!(
        "<Tab>joost@example.nl<Tab><Tab><Tab><Tab>{}2026-11-02<Enter>",
        bs(10)
    );
    let screen = one_change(&mut h, &keys, "contact_edit");
    assert!(
        screen.contains("Saved. The deadline moved from 2026-11-20 to 2026-12-02."),
        "{screen}"
    );
    let s = &h.app.workspace().unwrap().session;
    let c = s
        .data
        .contact_requests
        .values()
        .find(|c| c.name == "Joost Bos")
        .unwrap();
    assert_eq!(c.email.as_deref(), Some("joost@example.nl"));
    // A first contact before the request came in is refused.
    let screen = h.step_and_draw(&format!("e<S-Tab>{}2026-09-01<Enter>", bs(10)));
    assert!(screen.contains("That date is too early"), "{screen}");
}

#[test]
fn a_quote_gets_participants_amount_and_acceptance_date_corrected() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Daan's accepted quote: accepted 2026-09-15, kept until 2033-09-15.
    let screen = h.step_and_draw("5<Right>/daan<Enter>e");
    assert!(
        screen.contains("Edit quote") && screen.contains("✓ Daan Bakker"),
        "{screen}"
    );
    let keys = format!(
        "<Tab>eva<Space><Tab>{}1300.00<Tab><Tab>{}2026-09-30<Enter>",
        bs(8),
        bs(10)
    );
    let screen = one_change(&mut h, &keys, "quote_edit");
    assert!(
        screen.contains("Saved. The deadline moved from 2033-09-15 to 2033-09-30."),
        "{screen}"
    );
    let s = &h.app.workspace().unwrap().session;
    let q = s
        .data
        .quotes
        .values()
        .find(|q| q.amount == "1300.00")
        .unwrap();
    assert_eq!(q.participants, vec![id(4), id(5)]);
    assert_eq!(q.accepted_on, Some(d("2026-09-30")));
}

#[test]
fn a_dutch_quote_edit_starts_from_the_amount_written_the_dutch_way() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("5<Right>/bram<Enter>e");
    assert!(
        screen.contains("Offerte bewerken") && screen.contains("2.450,00"),
        "{screen}"
    );
    assert!(!screen.contains("2450.00"), "{screen}");
    // What it starts from reads back: a cent more, the Dutch way.
    let keys = format!("<Tab><Tab>{}2.450,01<Enter>", bs(8));
    one_change(&mut h, &keys, "quote_edit");
    let s = &h.app.workspace().unwrap().session;
    assert!(s.data.quotes.values().any(|q| q.amount == "2450.01"));
}

#[test]
fn a_subscriber_is_corrected_but_not_to_an_address_that_unsubscribed() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("6/lotte<Enter>e");
    assert!(
        screen.contains("Edit subscriber") && screen.contains("download e-book Veerkracht"),
        "{screen}"
    );
    let keys = format!("<Tab>{}Lotte de Dekker<Enter>", bs(12));
    one_change(&mut h, &keys, "subscriber_edit");
    let s = &h.app.workspace().unwrap().session;
    assert!(
        s.data
            .subscribers
            .values()
            .any(|x| x.name.as_deref() == Some("Lotte de Dekker"))
    );
    // Bram unsubscribed: his address cannot come back by a correction.
    let before = audit_actions(&h).len();
    let screen = h.step_and_draw(&format!("e{}bram@jansen.example<Enter>", bs(16)));
    assert!(screen.contains("unsubscribed before"), "{screen}");
    assert_eq!(audit_actions(&h).len(), before);
}

#[test]
fn a_consent_is_chosen_then_corrected_in_the_persons_detail() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Anna has two consents: the one to correct is asked first.
    let screen = h.step_and_draw("2/anna<Enter><Enter>C");
    assert!(screen.contains("Which consent to edit?"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("Edit consent") && screen.contains("UWV"),
        "the oldest first: {screen}"
    );
    let keys = format!("<Tab>{}re-integratieverslag<Enter>", bs(7));
    one_change(&mut h, &keys, "consent_edit");
    let screen = h.draw();
    assert!(screen.contains("UWV — re-integratieverslag"), "{screen}");
}

#[test]
fn a_request_is_corrected_and_handling_it_starts_its_deadline() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Bram's rectification, received 2026-11-01, open.
    let screen = h.step_and_draw("7/bram<Enter>e");
    assert!(screen.contains("Edit request"), "{screen}");
    let keys = "<Right><Tab><Tab>2026-11-20<Enter>";
    let screen = one_change(&mut h, keys, "request_edit");
    assert!(
        screen.contains(
            "Saved. The deadline moved from none yet (the clock has not started) to 2028-11-20."
        ),
        "{screen}"
    );
    let s = &h.app.workspace().unwrap().session;
    let r = s
        .data
        .subject_requests
        .values()
        .find(|r| r.person == Some(id(2)))
        .unwrap();
    assert_eq!(r.kind, kluis::domain::RequestKind::Erasure);
    assert_eq!(r.handled_on, Some(d("2026-11-20")));
}

#[test]
fn a_complaint_is_corrected() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("7<Right>/inzage<Enter>e");
    assert!(
        screen.contains("Edit complaint") && screen.contains("Antwoord op inzage te laat"),
        "{screen}"
    );
    let keys = "<Tab> (twee weken)<Tab><Tab><Tab><Left><Enter>";
    one_change(&mut h, keys, "complaint_edit");
    let s = &h.app.workspace().unwrap().session;
    let c = s
        .data
        .complaints
        .values()
        .find(|c| c.summary.starts_with("Antwoord"))
        .unwrap();
    assert_eq!(c.summary, "Antwoord op inzage te laat (twee weken)");
    assert!(c.referred_to_ap);
}

/// Whether the record decrypts from the database copied to `copy`, read
/// with the vault's current keyring.
fn readable_from(copy: &Path, current: &Path, scratch: &Path, kind: Kind, id: &Id) -> bool {
    copy_dir(copy, scratch);
    std::fs::copy(current.join("keyring"), scratch.join("keyring")).unwrap();
    let v = Vault::open(scratch, PASS.as_bytes()).unwrap();
    let readable = matches!(v.get(kind, id), Ok(Some(_)));
    drop(v);
    readable
}

#[test]
fn a_completion_date_moved_to_another_month_then_purged_leaves_no_readable_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let vault = sample_vault(tmp.path());
    // Before: Teamtraining Daan and its report sit in the January 2027
    // bucket (completed 2026-11-10, deadline 2027-01-10).
    wait_until_released(&vault);
    let before = tmp.path().join("before");
    copy_dir(&vault, &before);
    let records = [(Kind::Trajectory, id(12)), (Kind::IndividualReport, id(23))];
    // The check can see a readable copy: the copy reads with the keyring of
    // its own time.
    for (kind, rid) in &records {
        let scratch = tmp.path().join(format!("control-{kind}"));
        assert!(readable_from(&before, &vault, &scratch, *kind, rid));
    }

    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // The training really ran from 2026-09-01 to 2026-09-20: the deadline
    // was 2026-11-20, in November, and has passed.
    let keys = format!(
        "3/daan<Enter>c<S-Tab>{}2026-09-01<Tab>{}2026-09-20<Enter>",
        bs(10),
        bs(10)
    );
    let screen = one_change(&mut h, &keys, "trajectory_edit");
    assert!(screen.contains("from 2027-01-10 to 2026-11-20"), "{screen}");
    drop(h);
    wait_until_released(&vault);
    let moved = tmp.path().join("moved");
    copy_dir(&vault, &moved);
    // The old month no longer opens them: its key was replaced when they left.
    for (kind, rid) in &records {
        assert!(
            !readable_from(
                &before,
                &vault,
                &tmp.path().join(format!("a-{kind}")),
                *kind,
                rid
            ),
            "{kind}/{rid} still reads from its old month"
        );
    }

    // Purge on screen 9.
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("9");
    assert!(screen.contains("Teamtraining Daan"), "{screen}");
    h.step_and_draw("aDy");
    drop(h);
    wait_until_released(&vault);
    let s = open_session(&vault, NOW);
    assert!(!s.data.trajectories.contains_key(&id(12)));
    drop(s);
    wait_until_released(&vault);
    for (copy, tag) in [(&before, "b"), (&moved, "m")] {
        for (kind, rid) in &records {
            let scratch = tmp.path().join(format!("{tag}-{kind}"));
            assert!(
                !readable_from(copy, &vault, &scratch, *kind, rid),
                "{kind}/{rid} decrypts from a copy ({tag}) taken before its purge"
            );
        }
    }
}
