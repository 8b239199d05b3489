//! The coming deadline days of `kluis calendar` (DESIGN.md §13.3): per day,
//! how many records must be deleted, how many subject requests must be
//! answered, and when a breach must be notified to the authority. Kinds and
//! counts only: a calendar syncs to phones and clouds, so nothing here names
//! a person or a record.

use super::breach::At;
use super::dataset::Dataset;
use super::requests;
use super::retention::Deadlines;
use chrono::{NaiveDate, TimeDelta};
use std::collections::BTreeMap;

/// What falls due on a deadline day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueKind {
    /// Records whose retention deadline comes (or has passed: they are
    /// counted on the first day, today).
    Delete,
    /// Subject requests whose answer is due (GDPR art. 12(3)).
    RequestsDue,
    /// Breaches whose 72-hour notification deadline comes (GDPR art. 33).
    BreachNotify,
}

/// One day with what falls due on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineDay {
    pub date: NaiveDate,
    pub what: DueKind,
    pub count: usize,
    /// For breaches, the earliest notification deadline of that day.
    pub at: Option<At>,
}

/// Every deadline day from today through `days` days ahead, by date, then
/// kind. Anything overdue is counted today: it is due now.
pub fn deadline_days(
    data: &Dataset,
    deadlines: &Deadlines,
    now: At,
    days: u32,
) -> Vec<DeadlineDay> {
    let today = now.date_naive();
    let last = today + TimeDelta::days(i64::from(days));
    let mut by_day: BTreeMap<(NaiveDate, DueKind), (usize, Option<At>)> = BTreeMap::new();
    let mut add = |date: NaiveDate, what: DueKind, at: Option<At>| {
        let date = date.max(today);
        if date <= last {
            let entry = by_day.entry((date, what)).or_default();
            entry.0 += 1;
            entry.1 = match (entry.1, at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    };
    for deadline in deadlines.values() {
        if let Some(date) = deadline.date() {
            add(date, DueKind::Delete, None);
        }
    }
    for r in data.subject_requests.values() {
        if requests::is_open(r) {
            add(requests::due_on(r), DueKind::RequestsDue, None);
        }
    }
    for b in data.breaches.values() {
        if b.is_open() && !b.clock_stopped() {
            let at = b.notify_deadline();
            add(at.date_naive(), DueKind::BreachNotify, Some(at));
        }
    }
    by_day
        .into_iter()
        .map(|((date, what), (count, at))| DeadlineDay {
            date,
            what,
            count,
            at,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breach::Breach;
    use crate::domain::records::{AnyRecord, RequestKind, SubjectRequest};
    use crate::domain::retention::Deadline;
    use crate::domain::{Id, Kind};
    use chrono::DateTime;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> At {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn request(received: &str, handled: Option<&str>) -> AnyRecord {
        AnyRecord::SubjectRequest(SubjectRequest {
            person: None,
            kind: RequestKind::Access,
            received_on: d(received),
            extension_reason: None,
            handled_on: handled.map(d),
        })
    }

    #[test]
    fn counts_per_day_with_overdue_today_and_nothing_past_the_window() {
        let now = at("2026-11-25T09:00:00+01:00");
        let mut deadlines = Deadlines::new();
        let on = |s: &str| Deadline::On(d(s));
        deadlines.insert((Kind::Person, Id::generate()), on("2026-10-01"));
        deadlines.insert((Kind::Person, Id::generate()), on("2026-12-01"));
        deadlines.insert((Kind::Quote, Id::generate()), on("2026-12-01"));
        deadlines.insert((Kind::Quote, Id::generate()), on("2027-03-01"));
        deadlines.insert((Kind::Subscriber, Id::generate()), Deadline::Never);
        let mut data = Dataset::default();
        data.insert(Id::generate(), request("2026-11-10", None));
        data.insert(Id::generate(), request("2026-11-10", None));
        data.insert(Id::generate(), request("2026-11-10", Some("2026-11-20")));
        let mut breach = Breach::new(at("2026-11-24T15:30:00+01:00"), "x");
        data.insert(Id::generate(), AnyRecord::Breach(breach.clone()));
        breach.closed_at = Some(now);
        data.insert(Id::generate(), AnyRecord::Breach(breach));

        let days = deadline_days(&data, &deadlines, now, 30);
        let seen: Vec<(NaiveDate, DueKind, usize)> =
            days.iter().map(|x| (x.date, x.what, x.count)).collect();
        assert_eq!(
            seen,
            [
                (d("2026-11-25"), DueKind::Delete, 1),
                (d("2026-11-27"), DueKind::BreachNotify, 1),
                (d("2026-12-01"), DueKind::Delete, 2),
                (d("2026-12-10"), DueKind::RequestsDue, 2),
            ]
        );
        assert_eq!(days[1].at, Some(at("2026-11-27T15:30:00+01:00")));
    }
}
