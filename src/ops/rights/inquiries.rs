//! Contact requests (P3): their data serves the first contact only. A
//! request becomes a person and a quote when the coach answers it with a
//! quote; the request itself is deleted in the same change, its purpose
//! served. A contact request never joins the mailing list: only accepting
//! the quote does (P4).

use super::quotes::{QuoteDraft, build};
use super::{Field, Refusal, RightsResult, not_in_future, optional, required};
use crate::domain::mailing;
use crate::domain::records::{AnyRecord, ContactRequest, Person};
use crate::domain::retention::{Deadline, Deadlines, deadline_of};
use crate::domain::{Id, Kind};
use crate::ops::session::Session;
use chrono::NaiveDate;

/// A contact request as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub message: String,
}

/// Records a contact request received on `received_on`.
pub fn record_contact_request(
    s: &mut Session,
    input: &ContactInput,
    received_on: NaiveDate,
) -> RightsResult<Id> {
    let email = optional(Some(&input.email))?;
    if let Some(e) = &email
        && !mailing::looks_like_email(e)
    {
        return Err(Refusal::BadEmail.into());
    }
    not_in_future(s, received_on)?;
    let c = ContactRequest {
        name: required(&input.name, Field::Name)?,
        email,
        phone: optional(Some(&input.phone))?,
        message: required(&input.message, Field::Message)?,
        received_on,
        first_contact_on: None,
    };
    let id = s.data.new_id();
    s.commit(
        "contact_record",
        vec![(id.clone(), AnyRecord::ContactRequest(c))],
        Vec::new(),
    )?;
    Ok(id)
}

fn get(s: &Session, id: &Id) -> RightsResult<ContactRequest> {
    s.data
        .contact_requests
        .get(id)
        .cloned()
        .ok_or_else(|| Refusal::UnknownRecord(Kind::ContactRequest).into())
}

/// Records the first contact; from then its one-month retention runs.
pub fn mark_first_contact(s: &mut Session, id: &Id, on: NaiveDate) -> RightsResult<()> {
    let mut c = get(s, id)?;
    if c.first_contact_on.is_some() {
        return Err(Refusal::AlreadyHandled.into());
    }
    not_in_future(s, on)?;
    if on < c.received_on {
        return Err(Refusal::DateTooEarly.into());
    }
    c.first_contact_on = Some(on);
    s.commit(
        "contact_first",
        vec![(id.clone(), AnyRecord::ContactRequest(c))],
        Vec::new(),
    )?;
    Ok(())
}

/// Who requests the quote made from a contact request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requester {
    /// A new person from the request's name, e-mail and phone.
    New { organisation: Option<String> },
    /// A person already in the vault (the request came from them).
    Existing(Id),
}

/// How a contact request becomes a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    pub requester: Requester,
    /// The requester takes part themselves (coaching for a private client).
    pub requester_participates: bool,
    /// Other participants, people already in the vault.
    pub participants: Vec<Id>,
    pub amount: String,
    pub sent_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub person: Id,
    pub person_created: bool,
    pub quote: Id,
}

/// Turns a contact request into a person (unless an existing one is named)
/// and a quote, and deletes the request, in one change.
pub fn convert_to_quote(
    s: &mut Session,
    contact: &Id,
    conv: &Conversion,
) -> RightsResult<Converted> {
    let c = get(s, contact)?;
    let mut puts: Vec<(Id, AnyRecord)> = Vec::new();
    let (person, created) = match &conv.requester {
        Requester::Existing(id) => {
            if !s.data.people.contains_key(id) {
                return Err(Refusal::UnknownPerson.into());
            }
            (id.clone(), false)
        }
        Requester::New { organisation } => {
            let id = s.data.new_id();
            let p = Person {
                name: c.name.clone(),
                email: c.email.clone(),
                phone: c.phone.clone(),
                organisation: optional(organisation.as_deref())?,
                created_on: s.today(),
            };
            puts.push((id.clone(), AnyRecord::Person(p)));
            (id, true)
        }
    };
    let mut participants = Vec::new();
    if conv.requester_participates {
        participants.push(person.clone());
    }
    participants.extend(conv.participants.iter().cloned());
    let draft = QuoteDraft {
        requester: person.clone(),
        participants,
        amount: conv.amount.clone(),
        sent_on: conv.sent_on,
    };
    let quote = build(s, &draft, created.then_some(&person))?;
    let quote_id = loop {
        let id = s.data.new_id();
        if id != person {
            break id;
        }
    };
    puts.push((quote_id.clone(), AnyRecord::Quote(quote)));
    s.commit(
        "contact_convert",
        puts,
        vec![(Kind::ContactRequest, contact.clone())],
    )?;
    Ok(Converted {
        person,
        person_created: created,
        quote: quote_id,
    })
}

/// One line of the inquiries screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InquiryRow {
    pub id: Id,
    pub name: String,
    pub email: Option<String>,
    pub received_on: NaiveDate,
    pub first_contact_on: Option<NaiveDate>,
    pub deadline: Deadline,
}

/// Every contact request, by `deadlines` (computed once for this change):
/// soonest deadline first, then by name, then by id. Screen 5 shows these
/// rows in this order.
pub fn list(s: &Session, deadlines: &Deadlines) -> Vec<InquiryRow> {
    let mut rows: Vec<InquiryRow> = s
        .data
        .contact_requests
        .iter()
        .map(|(id, c)| InquiryRow {
            id: id.clone(),
            name: c.name.clone(),
            email: c.email.clone(),
            received_on: c.received_on,
            first_contact_on: c.first_contact_on,
            deadline: deadline_of(deadlines, Kind::ContactRequest, id),
        })
        .collect();
    rows.sort_by(|a, b| (a.deadline, &a.name, &a.id).cmp(&(b.deadline, &b.name, &b.id)));
    rows
}
