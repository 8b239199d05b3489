//! The rights of the people in the vault and the promises around them
//! (DESIGN.md P3–P10, §5): subject requests with their one-month
//! clock, the access export, erasure, the mailing list, inquiries and
//! quotes, consent and disclosure, complaints.
//!
//! Every function that changes something goes through `Session::commit`
//! (all or nothing, one audit entry without personal data). Every refusal is
//! a `Refusal` without content, worded by `RightsError::message`. The
//! command line and the UI screens 5–7 are thin layers over this module:
//!
//! - Screen 5, inquiries and quotes: `inquiries::{list, record_contact_request,
//!   mark_first_contact, convert_to_quote}`, `quotes::{list, new_quote,
//!   accept_quote, decline_quote, parse_amount}`; `accept_quote` returns who
//!   joined the mailing list and who did not (`Acceptance::joins`).
//! - Screen 6, mailing list: `mailing::{list, subscribe, unsubscribe,
//!   unsubscribe_subscriber, csv, record_csv_export}`,
//!   `ops::files::write_private`.
//! - Screen 7, requests and complaints: `requests::{list, of_person, record,
//!   extend, mark_handled}`, `complaints::{list, record, mark_handled,
//!   set_referred_to_ap, AUTHORITY}`.
//! - People screen: `consent::{consents_of, disclosures_of, record_consent,
//!   withdraw_consent, record_disclosure}`, `export::{access_export,
//!   record_export}`, `erase::{plan_erasure, erase}`, `resolve_person`.

pub mod complaints;
pub mod consent;
pub mod demo;
pub mod erase;
pub mod error;
pub mod export;
mod export_info;
mod export_md;
mod export_redact;
mod export_retention;
pub mod export_zip;
pub mod inquiries;
pub mod mailing;
pub mod quotes;
pub mod requests;

pub use error::{Field, Refusal, RightsError, RightsResult};

use super::session::Session;
use crate::domain::mailing::normalise_email;
use crate::domain::{Dataset, Id, Kind, text};
use crate::vault::Change;
use crate::vault::audit::AuditEvent;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The person meant by an id or an e-mail address typed by the coach. An
/// address that several people share is refused: the id says who is meant.
pub fn resolve_person(ds: &Dataset, id_or_email: &str) -> RightsResult<Id> {
    let arg = id_or_email.trim();
    if let Some(id) = Id::parse(arg)
        && ds.people.contains_key(&id)
    {
        return Ok(id);
    }
    let wanted = normalise_email(arg);
    let mut found = ds.people.iter().filter(|(_, p)| {
        p.email
            .as_deref()
            .is_some_and(|e| normalise_email(e) == wanted)
    });
    match (found.next(), found.next()) {
        (Some((id, _)), None) => Ok(id.clone()),
        (Some(_), Some(_)) => Err(Refusal::AmbiguousPerson.into()),
        _ => Err(Refusal::UnknownPerson.into()),
    }
}

/// The trimmed text, or the refusal naming the empty field. A message or
/// summary may hold line breaks and tabs; every other field is one line
/// (`domain::text`, the rule of an import too).
pub(crate) fn required(text: &str, field: Field) -> RightsResult<String> {
    let clean = match field {
        Field::Message | Field::Summary => text::is_clean_text(text),
        _ => text::is_clean_line(text),
    };
    if !clean {
        return Err(Refusal::ControlCharacter.into());
    }
    let t = text.trim();
    if t.is_empty() {
        return Err(Refusal::FieldRequired(field).into());
    }
    Ok(t.to_string())
}

/// `None` for an empty or blank optional one-line field.
pub(crate) fn optional(text: Option<&str>) -> RightsResult<Option<String>> {
    if text.is_some_and(|t| !text::is_clean_line(t)) {
        return Err(Refusal::ControlCharacter.into());
    }
    Ok(text
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string))
}

/// Refuses a date after the session's today.
pub(crate) fn not_in_future(s: &Session, on: NaiveDate) -> RightsResult<()> {
    if crate::domain::calendar::in_future(on, s.today()) {
        return Err(Refusal::DateInFuture.into());
    }
    Ok(())
}

pub(crate) fn person_exists(s: &Session, id: &Id) -> RightsResult<()> {
    if !s.data.people.contains_key(id) {
        return Err(Refusal::UnknownPerson.into());
    }
    Ok(())
}

/// An audit entry for something that changes no record but should be on
/// record (an export: plaintext left the vault). Kinds, counts and ids only.
pub(crate) fn audit_only(
    s: &mut Session,
    action: &str,
    records: &[(Kind, Id)],
) -> RightsResult<()> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (k, _) in records {
        *counts.entry(k.name().to_string()).or_default() += 1;
    }
    s.vault.apply(Change {
        puts: Vec::new(),
        deletes: Vec::new(),
        audit: AuditEvent {
            at: s.clock.stamp(),
            action: action.to_string(),
            counts,
            ids: records.iter().map(|(k, id)| format!("{k}/{id}")).collect(),
        },
    })?;
    Ok(())
}
