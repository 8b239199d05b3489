//! The overview both front ends show: counts, what is expired, what is due
//! soon, open requests (and, once breach handling lands, open breaches).

pub use super::backup::LastBackup;
pub use super::breach::OpenBreach;
use super::session::Session;
use crate::domain::retention::Deadlines;
use crate::domain::{Id, Kind, RequestKind};
use crate::domain::{calendar, requests};
use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub kind: Kind,
    pub id: Id,
    pub label: String,
    pub deadline: NaiveDate,
    pub days_left: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRequest {
    pub id: Id,
    pub kind: RequestKind,
    /// The name of the person who asked; `None` once they were erased.
    /// Shown in the UI only, never in `status --json`.
    pub person: Option<String>,
    pub due_on: NaiveDate,
    pub days_left: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub now: NaiveDate,
    pub counts: BTreeMap<Kind, usize>,
    pub expired: usize,
    pub due_within_30_days: usize,
    pub next_deadlines: Vec<Upcoming>,
    pub open_requests: Vec<OpenRequest>,
    /// Breaches whose 72-hour AP clock runs, nearest deadline first.
    pub open_breaches: Vec<OpenBreach>,
    /// The last backup the vault recorded (DESIGN.md §13.4).
    pub backup: Option<LastBackup>,
    /// The deadlines still to come in this month and each of the next
    /// eleven: (first day of the month, how many).
    pub by_month: Vec<(NaiveDate, usize)>,
}

/// How many months the overview's deadline chart covers.
pub const CHART_MONTHS: usize = 12;

/// How many upcoming deadlines the overview lists.
pub const NEXT_DEADLINES: usize = 10;

pub fn status(s: &Session) -> Status {
    status_with(s, &s.deadlines())
}

/// [`status`] on deadlines the caller has computed already (the UI does
/// once per change, for every screen).
pub fn status_with(s: &Session, deadlines: &Deadlines) -> Status {
    let today = s.today();
    let mut expired = 0;
    let mut due30 = 0;
    // Day, kind and id only: nearly every record is here, ten are shown.
    let mut upcoming: Vec<(NaiveDate, Kind, &Id)> = Vec::new();
    let months = calendar::months_from(today, CHART_MONTHS);
    let mut by_month: Vec<(NaiveDate, usize)> = months.iter().map(|m| (*m, 0)).collect();
    for ((kind, id), d) in deadlines {
        let Some(date) = d.date() else { continue };
        let left = (date - today).num_days();
        if left > 0
            && let Some(i) = calendar::month_index(&months, date)
        {
            by_month[i].1 += 1;
        }
        if left <= 0 {
            expired += 1;
        } else {
            if left <= 30 {
                due30 += 1;
            }
            upcoming.push((date, *kind, id));
        }
    }
    let upcoming = next_deadlines(upcoming, NEXT_DEADLINES, today, |kind, id| {
        s.data.label(kind, id)
    });
    let mut open_requests: Vec<OpenRequest> = s
        .data
        .subject_requests
        .iter()
        .filter(|(_, r)| requests::is_open(r))
        .map(|(id, r)| {
            let due = requests::due_on(r);
            OpenRequest {
                id: id.clone(),
                kind: r.kind,
                person: r
                    .person
                    .as_ref()
                    .and_then(|p| s.data.people.get(p))
                    .map(|p| p.name.clone()),
                due_on: due,
                days_left: (due - today).num_days(),
            }
        })
        .collect();
    open_requests.sort_by(|a, b| (a.due_on, &a.person, &a.id).cmp(&(b.due_on, &b.person, &b.id)));
    Status {
        now: today,
        counts: s.data.counts(),
        expired,
        due_within_30_days: due30,
        next_deadlines: upcoming,
        open_requests,
        open_breaches: super::breach::open_breaches(s),
        backup: super::backup::last_backup(s),
        by_month,
    }
}

/// The `n` records of `upcoming` (day, kind, id) due soonest after `today`:
/// by day, then by kind; one kind's records of one day by name (then id), as
/// every list orders them, so the order is the same from run to run.
/// `upcoming` holds nearly every record, so the `n` soonest by day, kind and
/// id are selected rather than all sorted, and only the records that can make
/// the cut (those and the rest of the last one's day and kind) get their
/// `label`.
fn next_deadlines(
    mut upcoming: Vec<(NaiveDate, Kind, &Id)>,
    n: usize,
    today: NaiveDate,
    label: impl Fn(Kind, &Id) -> String,
) -> Vec<Upcoming> {
    if upcoming.len() > n {
        let (_, &mut (day, kind, _), _) = upcoming.select_nth_unstable(n.saturating_sub(1));
        upcoming.retain(|(d, k, _)| (*d, *k) <= (day, kind));
    }
    let mut out: Vec<Upcoming> = upcoming
        .into_iter()
        .map(|(deadline, kind, id)| Upcoming {
            kind,
            id: id.clone(),
            label: label(kind, id),
            deadline,
            days_left: (deadline - today).num_days(),
        })
        .collect();
    out.sort_by(|a, b| {
        (a.deadline, a.kind, &a.label, &a.id).cmp(&(b.deadline, b.kind, &b.label, &b.id))
    });
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cut as it was made before the selection: every record sorted.
    fn by_full_sort(
        mut upcoming: Vec<Upcoming>,
        n: usize,
        label: impl Fn(Kind, &Id) -> String,
    ) -> Vec<Upcoming> {
        let by_day = |u: &Upcoming| (u.deadline, u.kind);
        upcoming.sort_by(|a, b| (by_day(a), &a.id).cmp(&(by_day(b), &b.id)));
        if let Some(last) = upcoming.get(n.saturating_sub(1)).map(by_day) {
            upcoming.retain(|u| by_day(u) <= last);
        }
        for u in &mut upcoming {
            u.label = label(u.kind, &u.id);
        }
        upcoming.sort_by(|a, b| (by_day(a), &a.label).cmp(&(by_day(b), &b.label)));
        upcoming.truncate(n);
        upcoming
    }

    #[test]
    fn the_nearest_deadlines_are_those_of_a_full_sort() {
        let mut rng = fastrand::Rng::with_seed(17);
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let kinds = [Kind::Person, Kind::Trajectory, Kind::QuestionnaireResult];
        // Few days, kinds and names, so that ties cross the cut.
        let label = |_: Kind, id: &Id| format!("name {}", &id.as_str()[..1]);
        for round in 0..300 {
            let len = rng.usize(0..60);
            let days = rng.i64(1..8);
            let ids: Vec<Id> = (0..len)
                .map(|_| Id::parse(&format!("{:016x}", rng.u64(..))).unwrap())
                .collect();
            let soon: Vec<(NaiveDate, Kind, &Id)> = ids
                .iter()
                .map(|id| {
                    let day = start + chrono::Duration::days(rng.i64(1..=days));
                    (day, kinds[rng.usize(..kinds.len())], id)
                })
                .collect();
            let upcoming: Vec<Upcoming> = soon
                .iter()
                .map(|&(deadline, kind, id)| Upcoming {
                    kind,
                    id: id.clone(),
                    label: String::new(),
                    deadline,
                    days_left: (deadline - start).num_days(),
                })
                .collect();
            for n in [0, 1, NEXT_DEADLINES, len] {
                assert_eq!(
                    next_deadlines(soon.clone(), n, start, label),
                    by_full_sort(upcoming.clone(), n, label),
                    "round {round}, n {n}"
                );
            }
        }
    }
}
