//! The checklist of a breach: the steps by their stable names, ticking and
//! unticking them, the decisions about the AP and the people affected
//! (either way, with a reason for not), and closing.

use super::{BreachError, BreachResult, Session, When, change};
use crate::domain::Id;
use crate::domain::breach::{At, Breach, ChecklistStep};
use crate::domain::text;

/// The stable name of a step (as in JSON and on the command line).
pub fn step_key(step: ChecklistStep) -> &'static str {
    match step {
        ChecklistStep::ExpertContacted => "expert_contacted",
        ChecklistStep::NatureAndCauseEstablished => "nature_and_cause_established",
        ChecklistStep::ActionPlanMade => "action_plan_made",
        ChecklistStep::Assessed => "assessed",
        ChecklistStep::AuthorityNotified => "authority_notified",
        ChecklistStep::PeopleInformed => "people_informed",
        ChecklistStep::ActionPlanExecuted => "action_plan_executed",
        ChecklistStep::Closed => "closed",
    }
}

/// The step with this stable name.
pub fn parse_step(name: &str) -> Option<ChecklistStep> {
    ChecklistStep::ALL
        .into_iter()
        .find(|s| step_key(*s) == name.trim())
}

fn not_in_future(at: At, now: At, step: ChecklistStep) -> BreachResult<()> {
    if at > now {
        return Err(BreachError::InFuture {
            what: When::Step(step),
            now,
        });
    }
    Ok(())
}

/// The legal steps still missing before breach `b` can be closed: the
/// assessment and the decisions about the AP and the people affected
/// (recorded either way). The statement's own steps (expert, plan) do not
/// apply to every breach and do not block closing.
pub fn close_blockers(b: &Breach) -> Vec<ChecklistStep> {
    [
        ChecklistStep::Assessed,
        ChecklistStep::AuthorityNotified,
        ChecklistStep::PeopleInformed,
    ]
    .into_iter()
    .filter(|s| !b.is_done(*s))
    .collect()
}

/// Ticks `step` at the clock's now (the Enter key on the detail screen).
/// See [`tick_at`] for the rules.
pub fn tick(s: &mut Session, id: &Id, step: ChecklistStep) -> BreachResult<()> {
    let now = s.clock.now;
    tick_at(s, id, step, now)
}

/// Ticks `step` as done at `at` (a moment that has passed). Ticking again
/// replaces the time. The assessment step is ticked by
/// [`record_assessment`]; ticking it again only renews its time. Ticking
/// `Closed` closes the breach (see [`close`]). Ticking the AP or the people
/// step records that they were notified or informed; an earlier decision
/// not to stays on record beside it.
pub fn tick_at(s: &mut Session, id: &Id, step: ChecklistStep, at: At) -> BreachResult<()> {
    not_in_future(at, s.clock.now, step)?;
    let action = if step == ChecklistStep::Closed {
        "breach_close"
    } else {
        "breach_tick"
    };
    change(s, id, action, |b, _| {
        match step {
            ChecklistStep::Assessed if b.assessment.is_none() => {
                return Err(BreachError::NotAssessed);
            }
            ChecklistStep::Closed => {
                let missing = close_blockers(b);
                if !missing.is_empty() {
                    return Err(BreachError::CannotClose(missing));
                }
            }
            _ => {}
        }
        b.tick(step, at);
        Ok(())
    })
}

/// Undoes `step` (a tick by mistake), including a recorded decision not to;
/// unticking `Closed` reopens the breach. The assessment answers stay when
/// the assessment step is unticked.
pub fn untick(s: &mut Session, id: &Id, step: ChecklistStep) -> BreachResult<()> {
    let action = if step == ChecklistStep::Closed {
        "breach_reopen"
    } else {
        "breach_untick"
    };
    change(s, id, action, |b, _| {
        b.untick(step);
        Ok(())
    })
}

/// Records why the AP or the people affected are not notified or informed
/// (at the clock's now). Refused when they already were: undo that first.
pub fn decline(s: &mut Session, id: &Id, step: ChecklistStep, reason: &str) -> BreachResult<()> {
    let now = s.clock.now;
    decline_at(s, id, step, reason, now)
}

/// [`decline`] at `at` (a moment that has passed).
pub fn decline_at(
    s: &mut Session,
    id: &Id,
    step: ChecklistStep,
    reason: &str,
    at: At,
) -> BreachResult<()> {
    if !step.can_be_declined() {
        return Err(BreachError::CannotDecline(step));
    }
    if !text::is_clean_text(reason) {
        return Err(BreachError::ControlCharacter);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(BreachError::NeedsReason(step));
    }
    not_in_future(at, s.clock.now, step)?;
    change(s, id, "breach_decide", |b, _| {
        let done = match step {
            ChecklistStep::AuthorityNotified => b.checklist.ap_notified_at.is_some(),
            _ => b.checklist.people_informed_at.is_some(),
        };
        if done {
            return Err(BreachError::AlreadyDone(step));
        }
        b.decline(step, at, reason);
        Ok(())
    })
}

/// The AP decision (GDPR art. 33).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorityDecision {
    /// Notified, with the AP's reference (empty: keep the one recorded, or fill in later).
    Notified { reference: String },
    /// Not notified: unlikely to result in a risk, and why.
    NotNotified { reason: String },
}

/// The decision about the people affected (GDPR art. 34).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeopleDecision {
    /// Informed, and how (letter, e-mail, call).
    Informed { how: String },
    /// Not informed: no high risk (art. 34(3)), and why.
    NotInformed { reason: String },
}

/// Records the AP decision at the clock's now. Notifying stops the 72-hour
/// clock; so does a decision not to. An earlier decision not to stays on
/// record beside a later notification.
pub fn decide_authority(s: &mut Session, id: &Id, d: AuthorityDecision) -> BreachResult<()> {
    let now = s.clock.now;
    decide_authority_at(s, id, d, now)
}

/// [`decide_authority`] at `at` (a moment that has passed).
pub fn decide_authority_at(
    s: &mut Session,
    id: &Id,
    d: AuthorityDecision,
    at: At,
) -> BreachResult<()> {
    match d {
        AuthorityDecision::Notified { reference } => {
            if !text::is_clean_line(&reference) {
                return Err(BreachError::ControlCharacter);
            }
            not_in_future(at, s.clock.now, ChecklistStep::AuthorityNotified)?;
            change(s, id, "breach_decide", |b, _| {
                b.tick(ChecklistStep::AuthorityNotified, at);
                // An empty reference keeps one recorded before; `update`
                // corrects or clears it.
                if !reference.trim().is_empty() {
                    b.checklist.ap_reference = reference.trim().to_string();
                }
                Ok(())
            })
        }
        AuthorityDecision::NotNotified { reason } => {
            decline_at(s, id, ChecklistStep::AuthorityNotified, &reason, at)
        }
    }
}

/// Records the decision about the people affected at the clock's now.
pub fn decide_people(s: &mut Session, id: &Id, d: PeopleDecision) -> BreachResult<()> {
    let now = s.clock.now;
    decide_people_at(s, id, d, now)
}

/// [`decide_people`] at `at` (a moment that has passed).
pub fn decide_people_at(s: &mut Session, id: &Id, d: PeopleDecision, at: At) -> BreachResult<()> {
    match d {
        PeopleDecision::Informed { how } => {
            if !text::is_clean_text(&how) {
                return Err(BreachError::ControlCharacter);
            }
            not_in_future(at, s.clock.now, ChecklistStep::PeopleInformed)?;
            change(s, id, "breach_decide", |b, _| {
                b.tick(ChecklistStep::PeopleInformed, at);
                if !how.trim().is_empty() {
                    b.checklist.people_informed_how = how.trim().to_string();
                }
                Ok(())
            })
        }
        PeopleDecision::NotInformed { reason } => {
            decline_at(s, id, ChecklistStep::PeopleInformed, &reason, at)
        }
    }
}

/// Closes the breach at the clock's now; it stays in the register. Refused
/// while [`close_blockers`] names steps.
pub fn close(s: &mut Session, id: &Id) -> BreachResult<()> {
    tick(s, id, ChecklistStep::Closed)
}

/// Reopens a closed breach.
pub fn reopen(s: &mut Session, id: &Id) -> BreachResult<()> {
    untick(s, id, ChecklistStep::Closed)
}
