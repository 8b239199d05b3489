//! The retention rules of DESIGN.md section 4 (contract): one table of
//! periods, and the deadline of every record computed from it.

use super::calendar::{add_months, days_left};
use super::dataset::Dataset;
use super::id::Id;
use super::kind::Kind;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Retention periods in calendar months. The one table in the code; a later
/// configuration may shorten these but never lengthen P1 or P2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// Individual reports, questionnaire results and their trajectory (P1).
    pub after_completion: u32,
    /// Team advisory reports (P2).
    pub team_report: u32,
    /// Contact requests, from first contact or receipt (P3).
    pub contact_request: u32,
    /// Accepted quotes: the fiscal retention of AWR art. 52 (P7).
    pub quote_accepted: u32,
    pub quote_declined: u32,
    pub quote_open: u32,
    /// A person linked to nothing.
    pub person_unlinked: u32,
    pub subject_request: u32,
    pub complaint: u32,
}

pub const PERIODS: Periods = Periods {
    after_completion: 2,
    team_report: 36,
    contact_request: 1,
    quote_accepted: 84,
    quote_declined: 12,
    quote_open: 12,
    person_unlinked: 1,
    subject_request: 24,
    complaint: 24,
};

/// When a record must be gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deadline {
    /// Must be deleted on this day (expired when `today >= date`).
    On(NaiveDate),
    /// No deadline yet: the clock has not started (an open trajectory, an
    /// open request). It will get one.
    Open,
    /// Kept for good: subscribers until they unsubscribe, the breach register.
    Never,
}

impl Deadline {
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Deadline::On(d) => Some(d),
            _ => None,
        }
    }

    pub fn is_expired(self, today: NaiveDate) -> bool {
        matches!(self, Deadline::On(d) if today >= d)
    }

    /// Days left: 0 on the deadline, negative after; `None` without a date.
    pub fn days_left(self, today: NaiveDate) -> Option<i64> {
        self.date().map(|d| days_left(d, today))
    }

    /// The later of two deadlines, where `Open` outranks any date (the record
    /// is still needed) and `Never` means "imposes nothing".
    fn keep_longest(self, other: Deadline) -> Deadline {
        match (self, other) {
            (Deadline::Open, _) | (_, Deadline::Open) => Deadline::Open,
            (Deadline::On(a), Deadline::On(b)) => Deadline::On(a.max(b)),
            (Deadline::On(a), Deadline::Never) | (Deadline::Never, Deadline::On(a)) => {
                Deadline::On(a)
            }
            (Deadline::Never, Deadline::Never) => Deadline::Never,
        }
    }
}

/// One record with its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub kind: Kind,
    pub id: Id,
    pub deadline: Deadline,
}

/// The deadline of every record in `ds`, computed in one pass.
pub fn deadlines(ds: &Dataset) -> HashMap<(Kind, Id), Deadline> {
    deadlines_with(ds, &PERIODS)
}

pub fn deadlines_with(ds: &Dataset, p: &Periods) -> HashMap<(Kind, Id), Deadline> {
    let mut out = HashMap::with_capacity(ds.len());
    let trajectory_deadline: HashMap<&Id, Deadline> = ds
        .trajectories
        .iter()
        .map(|(id, t)| {
            let d = t.completed_on.map_or(Deadline::Open, |c| {
                Deadline::On(add_months(c, p.after_completion))
            });
            (id, d)
        })
        .collect();
    // What each person is needed for, folded into one deadline.
    let mut person_needs: HashMap<&Id, Deadline> = HashMap::new();
    let mut need = |person: &Id, d: Deadline| {
        if let Some((key, _)) = ds.people.get_key_value(person) {
            let e = person_needs.entry(key).or_insert(Deadline::Never);
            *e = e.keep_longest(d);
        }
    };

    for (id, t) in &ds.trajectories {
        let d = trajectory_deadline[id];
        out.insert((Kind::Trajectory, id.clone()), d);
        for p in t.participants.iter().chain(t.requester.iter()) {
            need(p, d);
        }
    }
    for (id, doc) in &ds.documents {
        let d = trajectory_deadline
            .get(&doc.trajectory)
            .copied()
            // A document whose trajectory is gone has lost its reason to exist.
            .unwrap_or(Deadline::On(doc.created_on));
        out.insert((doc.kind.record_kind(), id.clone()), d);
    }
    for (id, r) in &ds.team_reports {
        let d = Deadline::On(add_months(r.delivered_on, p.team_report));
        out.insert((Kind::TeamReport, id.clone()), d);
    }
    for (id, c) in &ds.contact_requests {
        let start = c.first_contact_on.unwrap_or(c.received_on);
        let d = Deadline::On(add_months(start, p.contact_request));
        out.insert((Kind::ContactRequest, id.clone()), d);
    }
    for (id, q) in &ds.quotes {
        let d = Deadline::On(if let Some(a) = q.accepted_on {
            add_months(a, p.quote_accepted)
        } else if let Some(dec) = q.declined_on {
            add_months(dec, p.quote_declined)
        } else {
            add_months(q.sent_on, p.quote_open)
        });
        out.insert((Kind::Quote, id.clone()), d);
        if let Some(r) = &q.requester {
            need(r, d);
        }
    }
    for (id, r) in &ds.subject_requests {
        let d = r.handled_on.map_or(Deadline::Open, |h| {
            Deadline::On(add_months(h, p.subject_request))
        });
        out.insert((Kind::SubjectRequest, id.clone()), d);
        if r.handled_on.is_none()
            && let Some(person) = &r.person
        {
            need(person, Deadline::Open);
        }
    }
    for (id, c) in &ds.complaints {
        let d = c
            .handled_on
            .map_or(Deadline::Open, |h| Deadline::On(add_months(h, p.complaint)));
        out.insert((Kind::Complaint, id.clone()), d);
    }
    for id in ds.subscribers.keys() {
        out.insert((Kind::Subscriber, id.clone()), Deadline::Never);
    }
    for id in ds.suppressions.keys() {
        out.insert((Kind::Suppression, id.clone()), Deadline::Never);
    }
    for id in ds.breaches.keys() {
        out.insert((Kind::Breach, id.clone()), Deadline::Never);
    }

    let mut person_deadline: HashMap<&Id, Deadline> = HashMap::with_capacity(ds.people.len());
    for (id, person) in &ds.people {
        let d = match person_needs.get(id) {
            Some(Deadline::Never) | None => {
                Deadline::On(add_months(person.created_on, p.person_unlinked))
            }
            Some(d) => *d,
        };
        person_deadline.insert(id, d);
        out.insert((Kind::Person, id.clone()), d);
    }
    // Consents and disclosures exist only through their person.
    let through_person = |p: &Id| {
        person_deadline
            .get(p)
            .copied()
            .unwrap_or(Deadline::On(NaiveDate::MIN))
    };
    for (id, c) in &ds.consents {
        out.insert((Kind::Consent, id.clone()), through_person(&c.person));
    }
    for (id, d) in &ds.disclosures {
        out.insert((Kind::Disclosure, id.clone()), through_person(&d.person));
    }
    out
}

/// Every record that has expired on `today`, oldest deadline first.
pub fn expired(ds: &Dataset, today: NaiveDate) -> Vec<Due> {
    let mut out: Vec<Due> = deadlines(ds)
        .into_iter()
        .filter(|(_, d)| d.is_expired(today))
        .map(|((kind, id), deadline)| Due { kind, id, deadline })
        .collect();
    sort_by_deadline(&mut out);
    out
}

/// Records with a deadline, soonest first; ties by kind then id so the order
/// is stable between runs.
pub fn sort_by_deadline(list: &mut [Due]) {
    list.sort_by(|a, b| (a.deadline, a.kind, &a.id).cmp(&(b.deadline, b.kind, &b.id)));
}
