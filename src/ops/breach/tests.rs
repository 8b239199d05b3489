//! Tests of the breach operations (compiled only for tests).
#[cfg(test)]
use super::*;
use crate::domain::breach::{ChecklistStep, Clock as BreachClock};
use crate::domain::breach_assessment::{Answers, Risk};
use crate::i18n::Lang;
use crate::ops::Clock;
use crate::vault::{KdfParams, Vault};
use chrono::DateTime;
use serde_json::Value;
use std::path::Path;

const PASS: &[u8] = b"test passphrase";

fn at(s: &str) -> At {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const DISCOVERED: &str = "2027-01-15T09:00:00+01:00";

fn session(dir: &Path, now: &str) -> Session {
    let vault = Vault::create(&dir.join("v"), PASS, KdfParams::FOR_TESTS, now).unwrap();
    Session::load(vault, Clock::fixed(at(now))).unwrap()
}

fn reopen_session(s: Session, now: &str) -> Session {
    let dir = s.vault.dir().to_path_buf();
    drop(s);
    // sled can release its own file lock a moment after the drop (a
    // background thread still holds the database), so retry briefly.
    let mut tries = 0;
    let vault = loop {
        match Vault::open(&dir, PASS) {
            Ok(v) => break v,
            Err(_) if tries < 100 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("reopening the vault: {e}"),
        }
    };
    Session::load(vault, Clock::fixed(at(now))).unwrap()
}

fn set_now(s: &mut Session, now: &str) {
    s.clock = Clock::fixed(at(now));
}

fn answers() -> Answers {
    Answers {
        special_categories: true,
        ..Answers::neutral()
    }
}

fn new_breach(s: &mut Session) -> Id {
    let mut d = Details::new(at(DISCOVERED), "  Laptop gestolen  ");
    d.description = "De laptop is gestolen.".into();
    d.cause = "Auto opengebroken.".into();
    d.data_categories = vec!["coachverslagen".into(), " ".into()];
    d.approx_people = Some(12);
    create(s, d).unwrap()
}

fn audit_actions(s: &Session) -> Vec<String> {
    s.vault
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[test]
fn create_stores_the_breach_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-15T10:00:00+01:00");
    let id = new_breach(&mut s);
    let s = reopen_session(s, "2027-01-15T10:00:00+01:00");
    let b = &s.data.breaches[&id];
    assert_eq!(b.title, "Laptop gestolen");
    assert_eq!(b.data_categories, vec!["coachverslagen".to_string()]);
    assert_eq!(b.approx_people, Some(12));
    assert!(b.is_open());
    assert_eq!(audit_actions(&s).last().unwrap(), "breach_new");
}

#[test]
fn create_refuses_an_empty_title_or_a_future_discovery() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-15T10:00:00+01:00");
    let e = create(&mut s, Details::new(at(DISCOVERED), "  ")).unwrap_err();
    assert!(matches!(e, BreachError::EmptyTitle));
    let e = create(&mut s, Details::new(at("2027-01-15T10:00:01+01:00"), "t")).unwrap_err();
    assert!(matches!(e, BreachError::InFuture { .. }), "{e}");
    assert!(e.to_string().contains("2027-01-15T10:00:00+01:00"));
    let mut d = Details::new(at(DISCOVERED), "t");
    d.timeline.started_at = Some(at("2027-01-14T10:00:00+01:00"));
    d.timeline.ended_at = Some(at("2027-01-13T10:00:00+01:00"));
    assert!(matches!(
        create(&mut s, d).unwrap_err(),
        BreachError::EndsBeforeStart
    ));
    assert!(s.data.breaches.is_empty());
}

#[test]
fn update_replaces_the_entered_fields_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-15T10:00:00+01:00");
    let id = new_breach(&mut s);
    tick(&mut s, &id, ChecklistStep::ExpertContacted).unwrap();
    let mut d = Details::of(&s.data.breaches[&id]);
    d.title = "Laptop gestolen uit auto".into();
    d.notes.contact_person = "J. Jansen".into();
    d.action_plan = "Wachtwoorden wijzigen.".into();
    update(&mut s, &id, d).unwrap();
    let b = &s.data.breaches[&id];
    assert_eq!(b.title, "Laptop gestolen uit auto");
    assert_eq!(b.notes.contact_person, "J. Jansen");
    assert_eq!(b.checklist.action_plan, "Wachtwoorden wijzigen.");
    assert!(b.is_done(ChecklistStep::ExpertContacted));
    // An unchanged edit writes nothing.
    let before = audit_actions(&s).len();
    let same = Details::of(&s.data.breaches[&id]);
    update(&mut s, &id, same).unwrap();
    assert_eq!(audit_actions(&s).len(), before);
    // Unknown ids are named.
    let other = Id::parse("0123456789abcdef").unwrap();
    let e = update(&mut s, &other, Details::new(at(DISCOVERED), "x")).unwrap_err();
    // The command line adds where to look (`cli::breach`, its tests).
    assert_eq!(
        e.to_string(),
        "There is no breach with id 0123456789abcdef."
    );
}

#[test]
fn tick_and_untick_at_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-15T10:00:00+01:00");
    let id = new_breach(&mut s);
    set_now(&mut s, "2027-01-15T11:30:00+01:00");
    tick(&mut s, &id, ChecklistStep::ExpertContacted).unwrap();
    assert_eq!(
        s.data.breaches[&id].done_at(ChecklistStep::ExpertContacted),
        Some(at("2027-01-15T11:30:00+01:00"))
    );
    tick_at(
        &mut s,
        &id,
        ChecklistStep::NatureAndCauseEstablished,
        at("2027-01-15T11:00:00+01:00"),
    )
    .unwrap();
    let e = tick_at(
        &mut s,
        &id,
        ChecklistStep::ActionPlanMade,
        at("2027-01-15T12:00:00+01:00"),
    )
    .unwrap_err();
    assert!(matches!(e, BreachError::InFuture { .. }));
    assert!(e.to_string().contains("action_plan_made"), "{e}");
    untick(&mut s, &id, ChecklistStep::ExpertContacted).unwrap();
    let s = reopen_session(s, "2027-01-15T12:00:00+01:00");
    let b = &s.data.breaches[&id];
    assert!(!b.is_done(ChecklistStep::ExpertContacted));
    assert!(b.is_done(ChecklistStep::NatureAndCauseEstablished));
    assert_eq!(b.next_open_step(), Some(ChecklistStep::ExpertContacted));
    let actions = audit_actions(&s);
    assert!(actions.ends_with(&[
        "breach_tick".to_string(),
        "breach_tick".to_string(),
        "breach_untick".to_string()
    ]));
}

#[test]
fn the_assessment_step_needs_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-15T12:00:00+01:00");
    let id = new_breach(&mut s);
    let e = tick(&mut s, &id, ChecklistStep::Assessed).unwrap_err();
    assert!(matches!(e, BreachError::NotAssessed));
    let r = record_assessment(&mut s, &id, answers()).unwrap();
    assert_eq!(r.risk, Risk::High);
    assert!(r.notify_authority && r.inform_subjects);
    let b = &s.data.breaches[&id];
    assert_eq!(b.assessment, Some(answers()));
    assert_eq!(
        b.done_at(ChecklistStep::Assessed),
        Some(at("2027-01-15T12:00:00+01:00"))
    );
    // Unticking keeps the answers; ticking again renews the time.
    untick(&mut s, &id, ChecklistStep::Assessed).unwrap();
    assert!(s.data.breaches[&id].assessment.is_some());
    tick(&mut s, &id, ChecklistStep::Assessed).unwrap();
    assert!(s.data.breaches[&id].is_done(ChecklistStep::Assessed));
    assert_eq!(audit_actions(&s).last().unwrap(), "breach_tick");
}

#[test]
fn authority_decision_stops_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-16T10:00:00+01:00");
    let id = new_breach(&mut s);
    assert_eq!(open_breaches(&s).len(), 1);
    decide_authority(
        &mut s,
        &id,
        AuthorityDecision::Notified {
            reference: " AP-2027-0042 ".into(),
        },
    )
    .unwrap();
    let b = &s.data.breaches[&id];
    assert_eq!(b.checklist.ap_reference, "AP-2027-0042");
    assert_eq!(
        b.checklist.ap_notified_at,
        Some(at("2027-01-16T10:00:00+01:00"))
    );
    assert_eq!(b.clock(s.clock.now), BreachClock::Done);
    assert!(open_breaches(&s).is_empty());
    // Declining after notifying contradicts it.
    let e = decide_authority(
        &mut s,
        &id,
        AuthorityDecision::NotNotified { reason: "x".into() },
    )
    .unwrap_err();
    assert!(matches!(
        e,
        BreachError::AlreadyDone(ChecklistStep::AuthorityNotified)
    ));
}

#[test]
fn a_decision_not_to_needs_a_reason_and_then_notifying_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-16T10:00:00+01:00");
    let id = new_breach(&mut s);
    let e = decide_authority(
        &mut s,
        &id,
        AuthorityDecision::NotNotified {
            reason: "  ".into(),
        },
    )
    .unwrap_err();
    assert!(matches!(e, BreachError::NeedsReason(_)));
    assert!(matches!(
        decline(&mut s, &id, ChecklistStep::ExpertContacted, "no"),
        Err(BreachError::CannotDecline(ChecklistStep::ExpertContacted))
    ));
    decide_authority(
        &mut s,
        &id,
        AuthorityDecision::NotNotified {
            reason: "Versleuteld.".into(),
        },
    )
    .unwrap();
    assert!(open_breaches(&s).is_empty());
    set_now(&mut s, "2027-01-17T10:00:00+01:00");
    decide_authority(
        &mut s,
        &id,
        AuthorityDecision::Notified {
            reference: String::new(),
        },
    )
    .unwrap();
    let b = &s.data.breaches[&id];
    assert!(b.checklist.ap_not_notified.is_some());
    assert_eq!(
        b.done_at(ChecklistStep::AuthorityNotified),
        Some(at("2027-01-17T10:00:00+01:00"))
    );
}

#[test]
fn people_decision_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-16T10:00:00+01:00");
    let id = new_breach(&mut s);
    decide_people(
        &mut s,
        &id,
        PeopleDecision::NotInformed {
            reason: "Geen hoog risico.".into(),
        },
    )
    .unwrap();
    let d = detail(&s, &id).unwrap();
    let row = &d.steps[ChecklistStep::PeopleInformed as usize];
    assert_eq!(row.step, ChecklistStep::PeopleInformed);
    assert_eq!(
        row.declined.as_ref().map(|w| w.reason.as_str()),
        Some("Geen hoog risico.")
    );
    untick(&mut s, &id, ChecklistStep::PeopleInformed).unwrap();
    decide_people(
        &mut s,
        &id,
        PeopleDecision::Informed {
            how: "Per brief.".into(),
        },
    )
    .unwrap();
    let b = &s.data.breaches[&id];
    assert_eq!(b.checklist.people_informed_how, "Per brief.");
    assert!(b.checklist.people_not_informed.is_none());
    // Informing the people does not stop the AP clock.
    assert_eq!(open_breaches(&s).len(), 1);
}

#[test]
fn closing_needs_the_legal_steps_and_reopening_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-16T10:00:00+01:00");
    let id = new_breach(&mut s);
    let e = close(&mut s, &id).unwrap_err();
    match &e {
        BreachError::CannotClose(missing) => assert_eq!(
            missing,
            &vec![
                ChecklistStep::Assessed,
                ChecklistStep::AuthorityNotified,
                ChecklistStep::PeopleInformed
            ]
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        e.to_string(),
        "The breach cannot be closed yet; record these first: assessed, authority_notified, people_informed."
    );
    record_assessment(&mut s, &id, answers()).unwrap();
    decide_authority(
        &mut s,
        &id,
        AuthorityDecision::Notified {
            reference: "AP-1".into(),
        },
    )
    .unwrap();
    decide_people(
        &mut s,
        &id,
        PeopleDecision::Informed {
            how: "Per e-mail.".into(),
        },
    )
    .unwrap();
    assert!(detail(&s, &id).unwrap().close_blockers.is_empty());
    close(&mut s, &id).unwrap();
    let rows = list(&s);
    assert_eq!(rows[0].closed_at, Some(at("2027-01-16T10:00:00+01:00")));
    assert_eq!(rows[0].clock, BreachClock::Done);
    reopen(&mut s, &id).unwrap();
    assert!(s.data.breaches[&id].is_open());
    let actions = audit_actions(&s);
    assert!(actions.ends_with(&["breach_close".to_string(), "breach_reopen".to_string()]));
}

#[test]
fn open_breaches_sorted_by_deadline_with_hours_left() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-18T09:01:00+01:00");
    let late = new_breach(&mut s);
    let soon = create(
        &mut s,
        Details::new(at("2027-01-17T09:00:00+01:00"), "Later lek"),
    )
    .unwrap();
    let closed = create(
        &mut s,
        Details::new(at("2027-01-10T09:00:00+01:00"), "Oud lek"),
    )
    .unwrap();
    decline(
        &mut s,
        &closed,
        ChecklistStep::AuthorityNotified,
        "Geen risico.",
    )
    .unwrap();
    let open = open_breaches(&s);
    assert_eq!(
        open.iter().map(|o| &o.id).collect::<Vec<_>>(),
        vec![&late, &soon]
    );
    assert_eq!(open[0].hours_left, -1);
    assert_eq!(
        open[0].clock,
        BreachClock::Overdue {
            hours: 0,
            minutes: 1
        }
    );
    assert_eq!(open[0].notify_deadline, at("2027-01-18T09:00:00+01:00"));
    assert_eq!(open[1].hours_left, 47);
    // The status overview carries them.
    let st = crate::ops::status::status(&s);
    assert_eq!(st.open_breaches, open);
    // The list has all three; the one without a running clock too.
    let rows = list(&s);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2].id, closed);
    assert_eq!(rows[2].clock, BreachClock::Done);
}

#[test]
fn list_orders_open_before_closed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-02-01T09:00:00+01:00");
    let a = create(&mut s, Details::new(at("2027-01-20T09:00:00+01:00"), "A")).unwrap();
    let b = create(&mut s, Details::new(at("2027-01-10T09:00:00+01:00"), "B")).unwrap();
    let c = create(&mut s, Details::new(at("2027-01-25T09:00:00+01:00"), "C")).unwrap();
    for id in [&a, &c] {
        record_assessment(&mut s, id, answers()).unwrap();
        decline(&mut s, id, ChecklistStep::AuthorityNotified, "r").unwrap();
        decline(&mut s, id, ChecklistStep::PeopleInformed, "r").unwrap();
        close(&mut s, id).unwrap();
    }
    let ids: Vec<Id> = list(&s).into_iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![b, c, a]);
    assert_eq!(list(&s)[1].risk, Some(Risk::High));
    assert_eq!(list(&s)[0].risk, None);
}

#[test]
fn detail_shows_checklist_recommendation_and_lateness() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-15T10:00:00+01:00");
    let id = new_breach(&mut s);
    let d = detail(&s, &id).unwrap();
    assert_eq!(d.steps.len(), ChecklistStep::ALL.len());
    assert!(d.steps.iter().all(|r| r.done_at.is_none()));
    assert_eq!(d.next_step, Some(ChecklistStep::ExpertContacted));
    assert!(d.recommendation.is_none() && !d.late);
    assert_eq!(d.hours_left, 71);
    record_assessment(&mut s, &id, answers()).unwrap();
    set_now(&mut s, "2027-01-18T09:01:00+01:00");
    let d = detail(&s, &id).unwrap();
    assert!(d.late);
    let r = d.recommendation.unwrap();
    assert!(
        r.reasons
            .iter()
            .any(|x| x.text(Lang::Nl).contains("Conclusie"))
    );
}

#[test]
fn report_uses_the_session_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-16T10:00:00+01:00");
    let id = new_breach(&mut s);
    let r = report(&s, &id, Lang::En).unwrap();
    assert!(r.contains("**Notify the AP by (discovery + 72 hours):** 2027-01-18"));
    assert!(!r.contains("Reasons for the delay"));
    set_now(&mut s, "2027-01-18T09:01:00+01:00");
    let r = report(&s, &id, Lang::En).unwrap();
    assert!(r.contains("## Reasons for the delay"));
    assert!(r.contains(id.as_str()));
}

#[test]
fn export_writes_0600_and_does_not_overwrite_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), "2027-01-16T10:00:00+01:00");
    let id = new_breach(&mut s);
    let out = dir.path().join(report_file_name(&id, Lang::Nl));
    assert!(out.to_string_lossy().ends_with(&format!("datalek-{id}.md")));
    export_report(&s, &id, Lang::Nl, &out, false).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::write(&out, "old").unwrap();
    let e = export_report(&s, &id, Lang::En, &out, false).unwrap_err();
    assert!(matches!(e, BreachError::FileExists(_)));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    export_report(&s, &id, Lang::En, &out, true).unwrap();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Data breach notification draft")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // No temporary files left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn questions_follow_the_contract() {
    let fields: Vec<&str> = QUESTIONS.iter().map(|q| q.field).collect();
    assert_eq!(fields, crate::domain::breach_assessment::FIELDS);
    for q in QUESTIONS {
        assert_ne!(q.text(Lang::Nl), q.text(Lang::En));
        assert!(q.text(Lang::En).ends_with('?'));
        if let QuestionKind::Choice(values) = q.kind {
            for v in values {
                assert!(choice_label(q.field, v, Lang::Nl).is_some(), "{v}");
                assert!(choice_label(q.field, v, Lang::En).is_some(), "{v}");
            }
        }
    }
    let values = answer_values(&answers());
    assert_eq!(answers_from_values(&values).unwrap(), answers());
    let mut bad = values.clone();
    bad.insert("subjects".into(), Value::from(-1));
    assert_eq!(
        answers_from_values(&bad).unwrap_err().field(),
        Some("subjects")
    );
}

#[test]
fn step_names_round_trip_and_match_serde() {
    for step in ChecklistStep::ALL {
        assert_eq!(parse_step(step_key(step)), Some(step));
        assert_eq!(serde_json::to_value(step).unwrap(), step_key(step));
    }
    assert_eq!(parse_step("nope"), None);
}
