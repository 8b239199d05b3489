//! The draft of a breach notification to the Autoriteit Persoonsgegevens
//! (`kluis breach report`) as data: what the AP's notification form asks
//! (GDPR art. 33(3)), taken from the breach record at a given moment, with
//! what follows from it decided here (late or not, what was decided, what
//! the assessment says). `i18n::breach_report` words it in Markdown, with
//! open places marked for the coach to complete. Pure: `now` is given.
//!
//! The record holds no names of people affected, so neither does the draft;
//! the only name in it is the contact person's (the coach).

use super::breach::{At, Breach, ChecklistStep, Clock, WhyNot};
use super::breach_assessment::Assessment;
use super::practice::Practice;

/// The draft of breach `id`, made at `made_at`.
#[derive(Debug, Clone, PartialEq)]
pub struct Report<'a> {
    pub breach: &'a Breach,
    pub id: &'a str,
    /// The controller who notifies (DESIGN.md §13.2).
    pub practice: &'a Practice,
    pub made_at: At,
    /// Discovery + 72 hours.
    pub deadline: At,
    pub authority: Authority<'a>,
    pub end: End,
    /// Present only when the notification was, or will be, later than 72
    /// hours after discovery (art. 33(1) then asks for the reasons).
    pub delay: Option<Delay>,
    /// The fewest and most people affected: the record's figures, else the
    /// assessment's number for the most.
    pub subjects: (Option<u64>, Option<u64>),
    pub assessment: Option<Assessment>,
    pub informing: Informing<'a>,
    /// The checklist in order.
    pub steps: Vec<Step<'a>>,
}

/// Where the notification to the AP stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Authority<'a> {
    /// Notified; the AP's reference when one was recorded.
    Notified { at: At, reference: Option<&'a str> },
    /// Decided not to notify.
    Declined(&'a WhyNot),
    /// Not notified yet: the clock towards the deadline.
    Pending(Clock),
}

/// When the breach ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    At(At),
    Ongoing,
    /// It is over, at a moment not known.
    Over,
    /// Not answered yet.
    Unknown,
}

/// A notification after the 72 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delay {
    /// The notification's time, or the draft's while it is not made.
    pub at: At,
    /// How late it is at `at`.
    pub late: Clock,
}

/// Where informing the people affected stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Informing<'a> {
    Informed { at: At, how: &'a str },
    Declined(&'a WhyNot),
    Undecided,
}

/// One checklist step and its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<'a> {
    pub step: ChecklistStep,
    pub state: StepState<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepState<'a> {
    Declined(&'a WhyNot),
    Done(At),
    Open,
}

impl<'a> Report<'a> {
    /// The draft of `b` (register id `id`) at `now`.
    pub fn of(b: &'a Breach, id: &'a str, now: At, practice: &'a Practice) -> Report<'a> {
        let deadline = b.notify_deadline();
        let checklist = &b.checklist;
        let authority = match (checklist.ap_notified_at, &checklist.ap_not_notified) {
            (Some(at), _) => Authority::Notified {
                at,
                reference: Some(checklist.ap_reference.as_str()).filter(|r| !r.trim().is_empty()),
            },
            (None, Some(w)) => Authority::Declined(w),
            (None, None) => Authority::Pending(Clock::until(deadline, now)),
        };
        let end = match (b.timeline.ended_at, b.timeline.ongoing) {
            (Some(t), _) => End::At(t),
            (None, Some(true)) => End::Ongoing,
            (None, Some(false)) => End::Over,
            (None, None) => End::Unknown,
        };
        let delay = b.notification_delay_at(now).map(|at| Delay {
            at,
            late: Clock::until(deadline, at),
        });
        let informing = match (checklist.people_informed_at, &checklist.people_not_informed) {
            (Some(at), _) => Informing::Informed {
                at,
                how: &checklist.people_informed_how,
            },
            (None, Some(w)) => Informing::Declined(w),
            (None, None) => Informing::Undecided,
        };
        let steps = ChecklistStep::ALL
            .into_iter()
            .map(|step| Step {
                step,
                state: match (b.declined(step), b.done_at(step)) {
                    (Some(w), _) => StepState::Declined(w),
                    (None, Some(t)) => StepState::Done(t),
                    (None, None) => StepState::Open,
                },
            })
            .collect();
        Report {
            breach: b,
            id,
            practice,
            made_at: now,
            deadline,
            authority,
            end,
            delay,
            subjects: match b.subjects_range() {
                (min, None) => (min, b.assessment.as_ref().map(|a| a.subjects)),
                range => range,
            },
            assessment: b.recommendation(),
            informing,
            steps,
        }
    }
}
