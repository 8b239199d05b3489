//! Correcting the records of the rights screens: contact requests, quotes,
//! subscribers, consents, subject requests and complaints. Refusals are
//! `rights::Refusal`s, worded as for a new record.

use super::{Corrected, commit};
use crate::domain::mailing::{self, SubscribeCheck, normalise_email};
use crate::domain::records::AnyRecord;
use crate::domain::{Id, Kind, RequestKind};
use crate::ops::rights::consent::same_recipient;
use crate::ops::rights::quotes::parse_amount;
use crate::ops::rights::{
    Field, Refusal, RightsResult, not_in_future, optional, person_exists, required,
};
use crate::ops::session::Session;
use chrono::NaiveDate;

/// A date that follows another (first contact after receipt, handled after
/// received, accepted after sent, withdrawn after given): not after today,
/// not before `after`.
fn follows(s: &Session, on: Option<NaiveDate>, after: NaiveDate) -> RightsResult<()> {
    if let Some(on) = on {
        not_in_future(s, on)?;
        if on < after {
            return Err(Refusal::DateTooEarly.into());
        }
    }
    Ok(())
}

/// A contact request as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactCorrection {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub message: String,
    pub received_on: NaiveDate,
    /// Moves the one-month deadline (P3).
    pub first_contact_on: Option<NaiveDate>,
}

pub fn correct_contact(s: &mut Session, id: &Id, c: &ContactCorrection) -> RightsResult<Corrected> {
    let mut r = s
        .data
        .contact_requests
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::ContactRequest))?;
    let email = optional(Some(&c.email))?;
    if email
        .as_deref()
        .is_some_and(|e| !mailing::looks_like_email(e))
    {
        return Err(Refusal::BadEmail.into());
    }
    not_in_future(s, c.received_on)?;
    follows(s, c.first_contact_on, c.received_on)?;
    r.name = required(&c.name, Field::Name)?;
    r.email = email;
    r.phone = optional(Some(&c.phone))?;
    r.message = required(&c.message, Field::Message)?;
    r.received_on = c.received_on;
    r.first_contact_on = c.first_contact_on;
    Ok(commit(
        s,
        "contact_edit",
        id,
        Kind::ContactRequest,
        AnyRecord::ContactRequest(r),
    )?)
}

/// A quote as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCorrection {
    pub requester: Id,
    pub participants: Vec<Id>,
    pub amount: String,
    pub sent_on: NaiveDate,
    /// The date it was accepted or declined, for a decided quote (it moves
    /// the 84- or 12-month deadline); ignored for an open one, which is
    /// decided with its own keys.
    pub decided_on: Option<NaiveDate>,
}

/// Corrects a quote. Its people joined the mailing list when it was
/// accepted (P4); a correction adds nobody and removes nobody there.
pub fn correct_quote(s: &mut Session, id: &Id, c: &QuoteCorrection) -> RightsResult<Corrected> {
    let mut q = s
        .data
        .quotes
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::Quote))?;
    if q.restricted {
        return Err(Refusal::QuoteRestricted.into());
    }
    person_exists(s, &c.requester)?;
    let mut participants: Vec<Id> = Vec::with_capacity(c.participants.len());
    for p in &c.participants {
        person_exists(s, p)?;
        if !participants.contains(p) {
            participants.push(p.clone());
        }
    }
    q.amount = parse_amount(&c.amount).ok_or(Refusal::BadAmount)?;
    not_in_future(s, c.sent_on)?;
    let decided = q.accepted_on.is_some() || q.declined_on.is_some();
    if decided {
        let on = c.decided_on.ok_or(Refusal::DateTooEarly)?;
        follows(s, Some(on), c.sent_on)?;
        if q.accepted_on.is_some() {
            q.accepted_on = Some(on);
        } else {
            q.declined_on = Some(on);
        }
    }
    q.requester = Some(c.requester.clone());
    q.participants = participants;
    q.sent_on = c.sent_on;
    Ok(commit(
        s,
        "quote_edit",
        id,
        Kind::Quote,
        AnyRecord::Quote(q),
    )?)
}

/// A subscriber as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriberCorrection {
    pub email: String,
    pub name: String,
    pub evidence: String,
    pub subscribed_on: NaiveDate,
}

/// Corrects a subscriber. A new address follows the rules of a new one:
/// valid, not on the list already, and not an address that unsubscribed
/// before unless the evidence is new explicit consent (manual source, P9).
pub fn correct_subscriber(
    s: &mut Session,
    id: &Id,
    c: &SubscriberCorrection,
) -> RightsResult<Corrected> {
    let mut sub = s
        .data
        .subscribers
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::Subscriber))?;
    let email = required(&c.email, Field::Email)?;
    let evidence = required(&c.evidence, Field::Evidence)?;
    not_in_future(s, c.subscribed_on)?;
    if normalise_email(&email) != normalise_email(&sub.email) {
        let others: std::collections::HashSet<String> = s
            .data
            .subscribers
            .iter()
            .filter(|(other, _)| *other != id)
            .map(|(_, x)| normalise_email(&x.email))
            .collect();
        let candidate = crate::domain::records::Subscriber {
            email: email.clone(),
            evidence: evidence.clone(),
            ..sub.clone()
        };
        match mailing::check_subscribe_with(&others, &candidate, &|e| s.is_suppressed(e)) {
            SubscribeCheck::Allowed => {}
            SubscribeCheck::AlreadySubscribed => return Err(Refusal::AlreadySubscribed.into()),
            SubscribeCheck::Suppressed => return Err(Refusal::Suppressed.into()),
            SubscribeCheck::InvalidEmail => return Err(Refusal::BadEmail.into()),
        }
    } else if !mailing::looks_like_email(&email) {
        return Err(Refusal::BadEmail.into());
    }
    sub.email = email;
    sub.name = optional(Some(&c.name))?;
    sub.evidence = evidence;
    sub.subscribed_on = c.subscribed_on;
    Ok(commit(
        s,
        "subscriber_edit",
        id,
        Kind::Subscriber,
        AnyRecord::Subscriber(sub),
    )?)
}

/// A consent as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentCorrection {
    pub recipient: String,
    pub purpose: String,
    pub given_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
}

/// Corrects a consent. The disclosures that relied on it must stay
/// covered (P6): the same recipient, given on or before each of them and
/// not withdrawn before any of them.
pub fn correct_consent(s: &mut Session, id: &Id, c: &ConsentCorrection) -> RightsResult<Corrected> {
    let mut consent = s
        .data
        .consents
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::Consent))?;
    let recipient = required(&c.recipient, Field::Recipient)?;
    let purpose = required(&c.purpose, Field::Purpose)?;
    not_in_future(s, c.given_on)?;
    follows(s, c.withdrawn_on, c.given_on)?;
    let still_covered = s
        .data
        .disclosures
        .values()
        .filter(|d| d.consent == *id)
        .all(|d| {
            same_recipient(&d.recipient, &recipient)
                && c.given_on <= d.on
                && c.withdrawn_on.is_none_or(|w| d.on <= w)
        });
    if !still_covered {
        return Err(Refusal::ConsentInUse.into());
    }
    consent.recipient = recipient;
    consent.purpose = purpose;
    consent.given_on = c.given_on;
    consent.withdrawn_on = c.withdrawn_on;
    Ok(commit(
        s,
        "consent_edit",
        id,
        Kind::Consent,
        AnyRecord::Consent(consent),
    )?)
}

/// A subject request as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestCorrection {
    /// Required while the request names a person; ignored once the person
    /// was erased (the request log then names no one).
    pub person: Option<Id>,
    pub kind: RequestKind,
    pub received_on: NaiveDate,
    /// The reason of an extension; ignored for a request never extended
    /// (extending has its own key and rules).
    pub extension_reason: String,
    /// `None`: still open. A date starts or moves the 24-month deadline.
    pub handled_on: Option<NaiveDate>,
}

pub fn correct_request(s: &mut Session, id: &Id, c: &RequestCorrection) -> RightsResult<Corrected> {
    let mut r = s
        .data
        .subject_requests
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::SubjectRequest))?;
    if r.person.is_some() {
        let person = c.person.clone().ok_or(Refusal::UnknownPerson)?;
        person_exists(s, &person)?;
        r.person = Some(person);
    }
    not_in_future(s, c.received_on)?;
    follows(s, c.handled_on, c.received_on)?;
    if r.extension_reason.is_some() {
        r.extension_reason = Some(required(&c.extension_reason, Field::Reason)?);
    }
    r.kind = c.kind;
    r.received_on = c.received_on;
    r.handled_on = c.handled_on;
    Ok(commit(
        s,
        "request_edit",
        id,
        Kind::SubjectRequest,
        AnyRecord::SubjectRequest(r),
    )?)
}

/// A complaint as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintCorrection {
    pub person: Option<Id>,
    pub summary: String,
    pub received_on: NaiveDate,
    pub handled_on: Option<NaiveDate>,
    pub referred_to_ap: bool,
}

pub fn correct_complaint(
    s: &mut Session,
    id: &Id,
    c: &ComplaintCorrection,
) -> RightsResult<Corrected> {
    let mut complaint = s
        .data
        .complaints
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::Complaint))?;
    if let Some(p) = &c.person {
        person_exists(s, p)?;
    }
    not_in_future(s, c.received_on)?;
    follows(s, c.handled_on, c.received_on)?;
    complaint.person = c.person.clone();
    complaint.summary = required(&c.summary, Field::Summary)?;
    complaint.received_on = c.received_on;
    complaint.handled_on = c.handled_on;
    complaint.referred_to_ap = c.referred_to_ap;
    Ok(commit(
        s,
        "complaint_edit",
        id,
        Kind::Complaint,
        AnyRecord::Complaint(complaint),
    )?)
}
