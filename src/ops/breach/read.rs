//! The read models of breaches: the list (screen 8 and `kluis breach
//! list`), the open breaches of the overview and `status --json`, and the
//! detail screen.

use super::{BreachResult, Session, close_blockers, get};
use crate::domain::Id;
use crate::domain::breach::{At, Breach, ChecklistStep, Clock as BreachClock, WhyNot};
use crate::domain::breach_assessment::{Assessment, Risk};

/// A breach of the list (screen 8 and `kluis breach list`).
#[derive(Debug, Clone, PartialEq)]
pub struct BreachRow {
    pub id: Id,
    pub title: String,
    pub discovered_at: At,
    pub notify_deadline: At,
    /// The 72-hour clock; `Done` once the AP decision is recorded or closed.
    pub clock: BreachClock,
    /// Whole hours to the deadline (negative once overdue), whether or not
    /// the clock has stopped.
    pub hours_left: i64,
    /// The assessed risk, if the questions were answered.
    pub risk: Option<Risk>,
    pub closed_at: Option<At>,
    /// The first step in checklist order that is not done.
    pub next_step: Option<ChecklistStep>,
}

fn row(id: &Id, b: &Breach, now: At) -> BreachRow {
    BreachRow {
        id: id.clone(),
        title: b.title.clone(),
        discovered_at: b.discovered_at,
        notify_deadline: b.notify_deadline(),
        clock: b.clock(now),
        hours_left: b.hours_left(now),
        risk: b
            .assessment
            .as_ref()
            .map(|a| crate::domain::breach_assessment::evaluate(a).risk),
        closed_at: b.closed_at,
        next_step: b.next_open_step(),
    }
}

/// Every breach in the register: first those whose 72-hour clock runs,
/// nearest deadline first; then the open ones whose clock has stopped (the AP
/// decision is recorded), also by deadline; then the closed ones, most
/// recently discovered first.
pub fn list(s: &Session) -> Vec<BreachRow> {
    let now = s.clock.now;
    let mut rows: Vec<BreachRow> = s
        .data
        .breaches
        .iter()
        .map(|(id, b)| row(id, b, now))
        .collect();
    let group = |r: &BreachRow| match (r.closed_at, r.clock) {
        (Some(_), _) => 2,
        (None, BreachClock::Done) => 1,
        (None, _) => 0,
    };
    rows.sort_by(|a, b| {
        let (ga, gb) = (group(a), group(b));
        ga.cmp(&gb)
            .then_with(|| {
                if ga < 2 {
                    a.notify_deadline.cmp(&b.notify_deadline)
                } else {
                    b.discovered_at.cmp(&a.discovered_at)
                }
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

/// A breach whose 72-hour clock still runs, for the overview and
/// `status --json` (`open_breaches`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenBreach {
    pub id: Id,
    pub title: String,
    pub notify_deadline: At,
    /// Whole hours left, rounded down; negative once overdue.
    pub hours_left: i64,
    /// Hours and minutes left or overdue (never `Done` here).
    pub clock: BreachClock,
}

/// Breaches that are not closed and whose AP clock has not stopped, nearest
/// deadline first.
pub fn open_breaches(s: &Session) -> Vec<OpenBreach> {
    let now = s.clock.now;
    let mut out: Vec<OpenBreach> = s
        .data
        .breaches
        .iter()
        .filter(|(_, b)| b.is_open() && !b.clock_stopped())
        .map(|(id, b)| OpenBreach {
            id: id.clone(),
            title: b.title.clone(),
            notify_deadline: b.notify_deadline(),
            hours_left: b.hours_left(now),
            clock: b.clock(now),
        })
        .collect();
    out.sort_by(|a, b| (a.notify_deadline, &a.id).cmp(&(b.notify_deadline, &b.id)));
    out
}

/// One checklist line of the detail screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow {
    pub step: ChecklistStep,
    /// When it was done (or when it was decided not to).
    pub done_at: Option<At>,
    /// The decision not to take it, when that is what is recorded.
    pub declined: Option<WhyNot>,
}

/// Everything the detail screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub id: Id,
    pub breach: Breach,
    pub clock: BreachClock,
    pub hours_left: i64,
    /// Past the deadline without a timely notification: the draft will ask
    /// for the reasons of the delay.
    pub late: bool,
    /// The checklist in order.
    pub steps: Vec<StepRow>,
    pub next_step: Option<ChecklistStep>,
    /// The recommendation with its reasons, once the questions are answered.
    pub recommendation: Option<Assessment>,
    /// What must be recorded before closing (empty: it can be closed).
    pub close_blockers: Vec<ChecklistStep>,
}

/// The detail of breach `id` at the clock's now.
pub fn detail(s: &Session, id: &Id) -> BreachResult<Detail> {
    let b = get(s, id)?;
    let now = s.clock.now;
    let steps = ChecklistStep::ALL
        .into_iter()
        .map(|step| StepRow {
            step,
            done_at: b.done_at(step),
            declined: b.declined(step).cloned(),
        })
        .collect();
    Ok(Detail {
        id: id.clone(),
        breach: b.clone(),
        clock: b.clock(now),
        hours_left: b.hours_left(now),
        late: b.notification_late(now),
        steps,
        next_step: b.next_open_step(),
        recommendation: b.recommendation(),
        close_blockers: close_blockers(b),
    })
}
