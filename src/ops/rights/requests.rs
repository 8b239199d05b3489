//! Subject requests (access, rectification, erasure, restriction,
//! portability, objection) with the clock of GDPR art. 12(3): answer within
//! one month of receipt; extendable once by two further months, with the
//! reason told to the person within that first month.

use super::{Field, Refusal, RightsResult, not_in_future, person_exists, required};
use crate::domain::calendar::add_months;
use crate::domain::records::{AnyRecord, RequestKind, SubjectRequest};
use crate::domain::requests::{ANSWER_MONTHS, due_on};
use crate::domain::{Id, Kind};
use crate::ops::session::Session;
use chrono::NaiveDate;
use std::cmp::Ordering;

/// One line of the requests screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRow {
    pub id: Id,
    /// `None` once the person was erased (the request log stays).
    pub person: Option<Id>,
    pub person_name: Option<String>,
    pub kind: RequestKind,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
    /// Days until the answer is due (negative: overdue); `None` once handled.
    pub days_left: Option<i64>,
    pub extension_reason: Option<String>,
    pub handled_on: Option<NaiveDate>,
}

impl RequestRow {
    pub fn is_open(&self) -> bool {
        self.handled_on.is_none()
    }

    pub fn is_overdue(&self) -> bool {
        self.days_left.is_some_and(|d| d < 0)
    }
}

fn row(s: &Session, id: &Id, r: &SubjectRequest) -> RequestRow {
    let due = due_on(r);
    RequestRow {
        id: id.clone(),
        person: r.person.clone(),
        person_name: r
            .person
            .as_ref()
            .and_then(|p| s.data.people.get(p))
            .map(|p| p.name.clone()),
        kind: r.kind,
        received_on: r.received_on,
        due_on: due,
        days_left: r.handled_on.is_none().then(|| (due - s.today()).num_days()),
        extension_reason: r.extension_reason.clone(),
        handled_on: r.handled_on,
    }
}

/// Every request: open ones first, soonest due first; then the handled
/// ones, most recently handled first; on one day by the person's name, then
/// id, so the order is the same from run to run.
pub fn list(s: &Session) -> Vec<RequestRow> {
    let mut rows: Vec<RequestRow> = s
        .data
        .subject_requests
        .iter()
        .map(|(id, r)| row(s, id, r))
        .collect();
    rows.sort_by(|a, b| match (a.handled_on, b.handled_on) {
        (None, None) => (a.due_on, &a.person_name, &a.id).cmp(&(b.due_on, &b.person_name, &b.id)),
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => (y, &a.person_name, &a.id).cmp(&(x, &b.person_name, &b.id)),
    });
    rows
}

/// The requests about one person.
pub fn of_person(s: &Session, person: &Id) -> Vec<RequestRow> {
    list(s)
        .into_iter()
        .filter(|r| r.person.as_ref() == Some(person))
        .collect()
}

fn get(s: &Session, id: &Id) -> RightsResult<SubjectRequest> {
    s.data
        .subject_requests
        .get(id)
        .cloned()
        .ok_or_else(|| Refusal::UnknownRecord(Kind::SubjectRequest).into())
}

/// Records a request received on `received_on` (not after today).
pub fn record(
    s: &mut Session,
    person: &Id,
    kind: RequestKind,
    received_on: NaiveDate,
) -> RightsResult<Id> {
    person_exists(s, person)?;
    not_in_future(s, received_on)?;
    let id = s.data.new_id();
    let r = SubjectRequest {
        person: Some(person.clone()),
        kind,
        received_on,
        extension_reason: None,
        handled_on: None,
    };
    s.commit(
        "request_record",
        vec![(id.clone(), AnyRecord::SubjectRequest(r))],
        Vec::new(),
    )?;
    Ok(id)
}

/// Extends an open request once by two months, with the reason; returns the
/// new due date. Refused for a second extension, for a handled request and
/// after the first month (the person must hear of it within that month).
pub fn extend(s: &mut Session, id: &Id, reason: &str) -> RightsResult<NaiveDate> {
    let mut r = get(s, id)?;
    if r.handled_on.is_some() {
        return Err(Refusal::AlreadyHandled.into());
    }
    if r.extension_reason.is_some() {
        return Err(Refusal::AlreadyExtended.into());
    }
    if s.today() > add_months(r.received_on, ANSWER_MONTHS) {
        return Err(Refusal::ExtensionTooLate.into());
    }
    r.extension_reason = Some(required(reason, Field::Reason)?);
    let due = due_on(&r);
    s.commit(
        "request_extend",
        vec![(id.clone(), AnyRecord::SubjectRequest(r))],
        Vec::new(),
    )?;
    Ok(due)
}

/// Marks a request handled on `on` (not before receipt, not after today);
/// from then its 24-month retention runs.
pub fn mark_handled(s: &mut Session, id: &Id, on: NaiveDate) -> RightsResult<()> {
    let mut r = get(s, id)?;
    if r.handled_on.is_some() {
        return Err(Refusal::AlreadyHandled.into());
    }
    not_in_future(s, on)?;
    if on < r.received_on {
        return Err(Refusal::DateTooEarly.into());
    }
    r.handled_on = Some(on);
    s.commit(
        "request_handled",
        vec![(id.clone(), AnyRecord::SubjectRequest(r))],
        Vec::new(),
    )?;
    Ok(())
}
