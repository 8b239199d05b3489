//! Two fictional breaches for `kluis demo`, relative to the session clock:
//! one discovered 30 hours ago and still open (its 72-hour clock runs, three
//! of the practice's own steps are done), and one closed weeks ago after an
//! assessment and a recorded decision not to notify the AP. Made through the
//! same operations as the command line and the UI, so the same checks apply.

use super::breach::{
    self, AuthorityDecision, BreachResult, Details, PeopleDecision, create, decide_authority_at,
    decide_people_at, tick_at,
};
use super::session::Session;
use crate::domain::breach::{At, ChecklistStep};
use crate::domain::breach_assessment::{Answers, Consequences, Unavailable};
use chrono::TimeDelta;

/// Adds the two demo breaches to `s` (each call adds two more).
pub fn seed_demo(s: &mut Session) -> BreachResult<()> {
    let now = s.clock.now;
    open_breach(s, now)?;
    closed_breach(s, now)
}

fn hours(n: i64) -> TimeDelta {
    TimeDelta::hours(n)
}

/// Discovered 30 hours ago: expert called, nature and cause known, plan
/// made; the assessment and the AP decision are next.
fn open_breach(s: &mut Session, now: At) -> BreachResult<()> {
    let found = now - hours(30);
    let mut d = Details::new(found, "Laptop met coachverslagen gestolen uit auto");
    d.description = "De werklaptop is uit de auto gestolen tijdens een training op locatie. \
        Op de laptop stonden kopieën van coachverslagen en een deelnemerslijst."
        .into();
    d.cause = "Laptop onbeheerd in de auto achtergelaten; schijfversleuteling stond uit.".into();
    d.data_categories = vec![
        "coachverslagen".into(),
        "contactgegevens".into(),
        "uitslagen vragenlijsten".into(),
    ];
    d.approx_people = Some(14);
    d.approx_records = Some(40);
    d.timeline.started_at = Some(found - hours(2));
    d.action_plan = "Wachtwoorden van mail en cloud wijzigen, laptop op afstand wissen, \
        aangifte doen, schijfversleuteling op alle apparaten aanzetten."
        .into();
    d.notes.contact_person = "De coach (eigenaar van de praktijk)".into();
    let id = create(s, d)?;
    tick_at(s, &id, ChecklistStep::ExpertContacted, found + hours(1))?;
    tick_at(
        s,
        &id,
        ChecklistStep::NatureAndCauseEstablished,
        found + hours(5),
    )?;
    tick_at(s, &id, ChecklistStep::ActionPlanMade, found + hours(8))
}

/// Discovered six weeks ago, assessed as unlikely to result in a risk, the
/// decisions recorded and closed two days later.
fn closed_breach(s: &mut Session, now: At) -> BreachResult<()> {
    let found = now - TimeDelta::days(42);
    let mut d = Details::new(found, "E-mail met deelnemerslijst naar verkeerde ontvanger");
    d.description = "Een uitnodiging voor een teamtraining ging met de deelnemerslijst \
        (namen en e-mailadressen) naar een collega-trainer in plaats van naar de opdrachtgever."
        .into();
    d.cause = "Verkeerde naam gekozen bij het automatisch aanvullen van het adres.".into();
    d.data_categories = vec!["namen".into(), "e-mailadressen".into()];
    d.approx_people = Some(9);
    d.approx_records = Some(9);
    d.action_plan = "Ontvanger gevraagd de mail te verwijderen; automatisch aanvullen \
        uitgezet voor externe adressen."
        .into();
    d.notes.measures_taken =
        "De ontvanger heeft schriftelijk bevestigd dat de e-mail is verwijderd.".into();
    let id = create(s, d)?;
    tick_at(s, &id, ChecklistStep::ExpertContacted, found + hours(2))?;
    tick_at(
        s,
        &id,
        ChecklistStep::NatureAndCauseEstablished,
        found + hours(3),
    )?;
    tick_at(s, &id, ChecklistStep::ActionPlanMade, found + hours(4))?;
    let answers = Answers {
        confidentiality: true,
        integrity: false,
        availability: false,
        unavailable_for: Unavailable::None,
        unintelligible: false,
        recipient_trusted: true,
        special_categories: false,
        subjects: 9,
        identifiable: true,
        consequences: Consequences::Negligible,
    };
    // Recorded now; then its time is set to when it was made.
    breach::record_assessment(s, &id, answers)?;
    tick_at(s, &id, ChecklistStep::Assessed, found + hours(6))?;
    decide_authority_at(
        s,
        &id,
        AuthorityDecision::NotNotified {
            reason: "Bekende, betrouwbare ontvanger heeft verwijdering bevestigd; \
                een risico is onwaarschijnlijk."
                .into(),
        },
        found + hours(7),
    )?;
    decide_people_at(
        s,
        &id,
        PeopleDecision::NotInformed {
            reason: "Geen hoog risico (art. 34 AVG).".into(),
        },
        found + hours(7),
    )?;
    tick_at(s, &id, ChecklistStep::ActionPlanExecuted, found + hours(24))?;
    tick_at(s, &id, ChecklistStep::Closed, found + hours(48))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breach::Clock as BreachClock;
    use crate::domain::breach_assessment::Risk;
    use crate::ops::Clock;
    use crate::vault::{KdfParams, Vault};
    use chrono::DateTime;

    #[test]
    fn demo_breaches_one_running_one_closed() {
        let dir = tempfile::tempdir().unwrap();
        let now = "2027-01-15T09:00:00+01:00";
        let vault =
            Vault::create(&dir.path().join("v"), b"pass", KdfParams::FOR_TESTS, now).unwrap();
        let at = DateTime::parse_from_rfc3339(now).unwrap();
        let mut s = Session::load(vault, Clock::fixed(at)).unwrap();
        seed_demo(&mut s).unwrap();

        let rows = breach::list(&s);
        assert_eq!(rows.len(), 2);
        let (open, closed) = (&rows[0], &rows[1]);
        assert_eq!(
            open.clock,
            BreachClock::Left {
                hours: 42,
                minutes: 0
            }
        );
        assert_eq!(open.risk, None);
        assert_eq!(open.next_step, Some(ChecklistStep::Assessed));
        assert!(open.closed_at.is_none());
        assert_eq!(breach::open_breaches(&s).len(), 1);

        assert_eq!(closed.clock, BreachClock::Done);
        assert_eq!(closed.risk, Some(Risk::None));
        assert_eq!(closed.next_step, None);
        let b = &s.data.breaches[&closed.id];
        assert_eq!(
            b.closed_at,
            Some(at - TimeDelta::days(42) + TimeDelta::hours(48))
        );
        assert_eq!(
            b.checklist.assessed_at,
            Some(at - TimeDelta::days(42) + TimeDelta::hours(6))
        );
        assert!(b.checklist.ap_not_notified.is_some());
        assert!(b.checklist.people_not_informed.is_some());
        // Both make a notification draft.
        for r in &rows {
            assert!(breach::report(&s, &r.id, crate::i18n::Lang::Nl).is_ok());
        }
    }
}
