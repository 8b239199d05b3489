//! Consent and disclosure (P6): nothing is shared with a third party
//! without the person's explicit consent for that recipient. A disclosure
//! can only be recorded against an active consent (given, not withdrawn).

use super::{Field, Refusal, RightsResult, not_in_future, person_exists, required};
use crate::domain::records::{AnyRecord, Consent, Disclosure};
use crate::domain::{Dataset, Id, Kind};
use crate::ops::session::Session;
use chrono::NaiveDate;

/// Recipients are compared trimmed and case-insensitively ("GGD Utrecht"
/// and " ggd utrecht" are the same recipient).
pub fn same_recipient(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether a consent is active: not withdrawn.
pub fn is_active(c: &Consent) -> bool {
    c.withdrawn_on.is_none()
}

/// The active consent of `person` for `recipient` that covers a disclosure
/// on `on` (given on or before that day, not withdrawn); the earliest one
/// when there are several.
pub fn active_consent(ds: &Dataset, person: &Id, recipient: &str, on: NaiveDate) -> Option<Id> {
    ds.consents
        .iter()
        .filter(|(_, c)| {
            &c.person == person
                && is_active(c)
                && c.given_on <= on
                && same_recipient(&c.recipient, recipient)
        })
        .min_by_key(|(id, c)| (c.given_on, (*id).clone()))
        .map(|(id, _)| id.clone())
}

/// A person's consents, oldest first.
pub fn consents_of(ds: &Dataset, person: &Id) -> Vec<(Id, Consent)> {
    let mut out: Vec<(Id, Consent)> = ds
        .consents
        .iter()
        .filter(|(_, c)| &c.person == person)
        .map(|(id, c)| (id.clone(), c.clone()))
        .collect();
    out.sort_by(|a, b| (a.1.given_on, &a.0).cmp(&(b.1.given_on, &b.0)));
    out
}

/// A person's disclosures, oldest first.
pub fn disclosures_of(ds: &Dataset, person: &Id) -> Vec<(Id, Disclosure)> {
    let mut out: Vec<(Id, Disclosure)> = ds
        .disclosures
        .iter()
        .filter(|(_, d)| &d.person == person)
        .map(|(id, d)| (id.clone(), d.clone()))
        .collect();
    out.sort_by(|a, b| (a.1.on, &a.0).cmp(&(b.1.on, &b.0)));
    out
}

/// Records a consent given on `given_on` to share with `recipient` for `purpose`.
pub fn record_consent(
    s: &mut Session,
    person: &Id,
    recipient: &str,
    purpose: &str,
    given_on: NaiveDate,
) -> RightsResult<Id> {
    person_exists(s, person)?;
    not_in_future(s, given_on)?;
    let c = Consent {
        person: person.clone(),
        recipient: required(recipient, Field::Recipient)?,
        purpose: required(purpose, Field::Purpose)?,
        given_on,
        withdrawn_on: None,
    };
    let id = s.data.new_id();
    s.commit(
        "consent_record",
        vec![(id.clone(), AnyRecord::Consent(c))],
        Vec::new(),
    )?;
    Ok(id)
}

/// Withdraws a consent on `on`. The record stays (it proves what was
/// allowed until when); later disclosures to that recipient are refused.
pub fn withdraw_consent(s: &mut Session, id: &Id, on: NaiveDate) -> RightsResult<()> {
    let mut c = s
        .data
        .consents
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::Consent))?;
    if c.withdrawn_on.is_some() {
        return Err(Refusal::AlreadyWithdrawn.into());
    }
    not_in_future(s, on)?;
    if on < c.given_on {
        return Err(Refusal::DateTooEarly.into());
    }
    c.withdrawn_on = Some(on);
    s.commit(
        "consent_withdraw",
        vec![(id.clone(), AnyRecord::Consent(c))],
        Vec::new(),
    )?;
    Ok(())
}

/// Records that `what` was disclosed to `recipient` on `on`. Refused
/// unless the person has an active consent for that recipient (P6); the
/// disclosure points at the consent it relied on.
pub fn record_disclosure(
    s: &mut Session,
    person: &Id,
    recipient: &str,
    what: &str,
    on: NaiveDate,
) -> RightsResult<Id> {
    person_exists(s, person)?;
    let recipient = required(recipient, Field::Recipient)?;
    let what = required(what, Field::What)?;
    not_in_future(s, on)?;
    let consent =
        active_consent(&s.data, person, &recipient, on).ok_or(Refusal::NoActiveConsent)?;
    let d = Disclosure {
        person: person.clone(),
        recipient,
        what,
        on,
        consent,
    };
    let id = s.data.new_id();
    s.commit(
        "disclosure_record",
        vec![(id.clone(), AnyRecord::Disclosure(d))],
        Vec::new(),
    )?;
    Ok(id)
}
