//! The complaint log (P10): a complaint goes to the practice or to the
//! Autoriteit Persoonsgegevens; the log records which, and when it was
//! handled (from then its 24-month retention runs).

use super::{Field, Refusal, RightsResult, not_in_future, person_exists, required};
use crate::domain::records::{AnyRecord, Complaint};
use crate::domain::retention::{Deadline, Deadlines, deadline_of};
use crate::domain::{Id, Kind};
use crate::ops::session::Session;
use chrono::NaiveDate;

/// The Dutch supervisory authority, shown in access exports and in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Authority {
    pub name: &'static str,
    pub address: &'static str,
    pub postcode_city: &'static str,
    pub website: &'static str,
    pub phone: &'static str,
}

pub const AUTHORITY: Authority = Authority {
    name: "Autoriteit Persoonsgegevens",
    address: "Postbus 93374",
    postcode_city: "2509 AJ Den Haag",
    website: "autoriteitpersoonsgegevens.nl",
    phone: "088 - 1805 250",
};

/// One line of the complaints screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintRow {
    pub id: Id,
    pub person: Option<Id>,
    pub person_name: Option<String>,
    pub summary: String,
    pub received_on: NaiveDate,
    pub handled_on: Option<NaiveDate>,
    pub referred_to_ap: bool,
    pub deadline: Deadline,
}

/// Every complaint, by `deadlines` (computed once for this change): open
/// ones first, then the handled ones; within each, soonest deadline first,
/// then the oldest received, then by id. Screen 7 shows these rows in this
/// order.
pub fn list(s: &Session, deadlines: &Deadlines) -> Vec<ComplaintRow> {
    let mut rows: Vec<ComplaintRow> = s
        .data
        .complaints
        .iter()
        .map(|(id, c)| ComplaintRow {
            id: id.clone(),
            person: c.person.clone(),
            person_name: c
                .person
                .as_ref()
                .and_then(|p| s.data.people.get(p))
                .map(|p| p.name.clone()),
            summary: c.summary.clone(),
            received_on: c.received_on,
            handled_on: c.handled_on,
            referred_to_ap: c.referred_to_ap,
            deadline: deadline_of(deadlines, Kind::Complaint, id),
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.handled_on.is_some(), a.deadline, a.received_on, &a.id).cmp(&(
            b.handled_on.is_some(),
            b.deadline,
            b.received_on,
            &b.id,
        ))
    });
    rows
}

fn get(s: &Session, id: &Id) -> RightsResult<Complaint> {
    s.data
        .complaints
        .get(id)
        .cloned()
        .ok_or_else(|| Refusal::UnknownRecord(Kind::Complaint).into())
}

fn put(s: &mut Session, action: &str, id: &Id, c: Complaint) -> RightsResult<()> {
    s.commit(
        action,
        vec![(id.clone(), AnyRecord::Complaint(c))],
        Vec::new(),
    )?;
    Ok(())
}

/// Records a complaint, about a person in the vault or anonymous.
pub fn record(
    s: &mut Session,
    person: Option<&Id>,
    summary: &str,
    received_on: NaiveDate,
) -> RightsResult<Id> {
    if let Some(p) = person {
        person_exists(s, p)?;
    }
    not_in_future(s, received_on)?;
    let c = Complaint {
        person: person.cloned(),
        summary: required(summary, Field::Summary)?,
        received_on,
        handled_on: None,
        referred_to_ap: false,
    };
    let id = s.data.new_id();
    put(s, "complaint_record", &id, c)?;
    Ok(id)
}

/// Marks a complaint handled on `on`.
pub fn mark_handled(s: &mut Session, id: &Id, on: NaiveDate) -> RightsResult<()> {
    let mut c = get(s, id)?;
    if c.handled_on.is_some() {
        return Err(Refusal::AlreadyHandled.into());
    }
    not_in_future(s, on)?;
    if on < c.received_on {
        return Err(Refusal::DateTooEarly.into());
    }
    c.handled_on = Some(on);
    put(s, "complaint_handled", id, c)
}

/// Records whether the complainant went (or was referred) to the AP.
pub fn set_referred_to_ap(s: &mut Session, id: &Id, referred: bool) -> RightsResult<()> {
    let mut c = get(s, id)?;
    if c.referred_to_ap == referred {
        return Ok(());
    }
    c.referred_to_ap = referred;
    put(s, "complaint_referred", id, c)
}
