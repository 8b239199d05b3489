//! The mailing list (P4, P5, P9, DESIGN.md §5): subscribe with
//! source and evidence, unsubscribe to a keyed hash, and the CSV for the
//! newsletter tool. Accepting a quote (P4) is in `quotes`.

use super::{Field, Refusal, RightsResult, not_in_future, optional, required};
use crate::domain::mailing::{self, SubscribeCheck, normalise_email};
use crate::domain::records::{AnyRecord, Subscriber, SubscriberSource, Suppression};
use crate::domain::{Dataset, Id, Kind};
use crate::ops::session::Session;
use std::borrow::Cow;
use std::collections::HashSet;

/// The header of the CSV for the newsletter tool (DESIGN.md §5).
pub const CSV_HEADER: [&str; 4] = ["email", "name", "source", "subscribed_on"];

/// Every subscriber, ordered by address.
pub fn list(ds: &Dataset) -> Vec<(Id, Subscriber)> {
    let mut out: Vec<(Id, Subscriber)> = ds
        .subscribers
        .iter()
        .map(|(id, s)| (id.clone(), s.clone()))
        .collect();
    out.sort_by_cached_key(|(id, s)| (normalise_email(&s.email), id.clone()));
    out
}

/// The subscribers whose address is this (normalised) one.
pub fn subscribers_with(ds: &Dataset, normalised: &str) -> Vec<Id> {
    ds.subscribers
        .iter()
        .filter(|(_, s)| normalise_email(&s.email) == normalised)
        .map(|(id, _)| id.clone())
        .collect()
}

/// Adds a subscriber from a webinar, an e-book download or an explicit
/// consent (manual). Refused: an invalid or listed address; a suppressed
/// address unless this is new explicit consent (manual source with
/// evidence), which then replaces the suppression entry; the quote source
/// (people from quotes join by accepting the quote).
pub fn subscribe(s: &mut Session, sub: Subscriber) -> RightsResult<Id> {
    if sub.source == SubscriberSource::Quote {
        return Err(Refusal::QuoteSourceReserved.into());
    }
    let sub = Subscriber {
        email: required(&sub.email, Field::Email)?,
        name: optional(sub.name.as_deref())?,
        source: sub.source,
        evidence: required(&sub.evidence, Field::Evidence)?,
        subscribed_on: sub.subscribed_on,
    };
    not_in_future(s, sub.subscribed_on)?;
    match mailing::check_subscribe(&s.data, &sub, &|e| s.is_suppressed(e)) {
        SubscribeCheck::Allowed => {}
        SubscribeCheck::AlreadySubscribed => return Err(Refusal::AlreadySubscribed.into()),
        SubscribeCheck::Suppressed => return Err(Refusal::Suppressed.into()),
        SubscribeCheck::InvalidEmail => return Err(Refusal::BadEmail.into()),
    }
    // New explicit consent ends the earlier unsubscribe.
    let hash = s.vault.suppression_hash(&normalise_email(&sub.email));
    let lifted: Vec<(Kind, Id)> = s
        .data
        .suppressions
        .iter()
        .filter(|(_, x)| x.hash == hash)
        .map(|(id, _)| (Kind::Suppression, id.clone()))
        .collect();
    let id = s.data.new_id();
    s.commit(
        "subscribe",
        vec![(id.clone(), AnyRecord::Subscriber(sub))],
        lifted,
    )?;
    Ok(id)
}

/// What unsubscribing one address did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsubscribed {
    /// It was on the list and is removed.
    Removed,
    /// It was not on the list; it is suppressed all the same, so a later
    /// quote or import does not add it.
    NotOnList,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnsubscribeOutcome {
    pub result: Unsubscribed,
    /// A suppression entry was added (false when it was suppressed before).
    pub newly_suppressed: bool,
}

/// Unsubscribes addresses (P9): their subscriber records are deleted
/// (crypto-shredded) and only a keyed hash of each normalised address is
/// kept, in one change. The outcomes are in the order of `emails`. An
/// invalid address refuses the whole call (`first_bad_address` tells which).
pub fn unsubscribe(s: &mut Session, emails: &[&str]) -> RightsResult<Vec<UnsubscribeOutcome>> {
    if emails.is_empty() {
        return Err(Refusal::NothingToDo.into());
    }
    if first_bad_address(emails).is_some() {
        return Err(Refusal::BadEmail.into());
    }
    let today = s.today();
    let mut deletes: Vec<(Kind, Id)> = Vec::new();
    let mut puts: Vec<(Id, AnyRecord)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut outcomes = Vec::with_capacity(emails.len());
    let mut taken: HashSet<Id> = HashSet::new();
    for email in emails {
        let norm = normalise_email(email);
        let first_time = seen.insert(norm.clone());
        let listed = if first_time {
            subscribers_with(&s.data, &norm)
        } else {
            Vec::new()
        };
        let newly_suppressed = first_time && !s.is_suppressed(&norm);
        if newly_suppressed {
            let id = loop {
                let id = s.data.new_id();
                if taken.insert(id.clone()) {
                    break id;
                }
            };
            puts.push((
                id,
                AnyRecord::Suppression(Suppression {
                    hash: s.vault.suppression_hash(&norm),
                    suppressed_on: today,
                }),
            ));
        }
        outcomes.push(UnsubscribeOutcome {
            result: if listed.is_empty() {
                Unsubscribed::NotOnList
            } else {
                Unsubscribed::Removed
            },
            newly_suppressed,
        });
        deletes.extend(listed.into_iter().map(|id| (Kind::Subscriber, id)));
    }
    if !puts.is_empty() || !deletes.is_empty() {
        s.commit("unsubscribe", puts, deletes)?;
    }
    Ok(outcomes)
}

/// Unsubscribes the subscriber chosen on the mailing-list screen.
pub fn unsubscribe_subscriber(s: &mut Session, id: &Id) -> RightsResult<UnsubscribeOutcome> {
    let email = s
        .data
        .subscribers
        .get(id)
        .map(|x| x.email.clone())
        .ok_or(Refusal::UnknownRecord(Kind::Subscriber))?;
    let mut out = unsubscribe(s, &[email.as_str()])?;
    out.pop().ok_or_else(|| Refusal::NothingToDo.into())
}

/// The position of the first argument that is not an e-mail address, for
/// a message that names the position and not the text.
pub fn first_bad_address(emails: &[&str]) -> Option<usize> {
    emails
        .iter()
        .position(|e| !mailing::looks_like_email(e))
        .map(|p| p + 1)
}

/// A cell a spreadsheet would read as a formula (`=HYPERLINK(…)`,
/// `+cmd|…`, `-2+3`, `@SUM(…)`) or whose leading tab or CR hides such a
/// start, prefixed with a single quote as OWASP advises against CSV
/// injection. Every other cell is left as it is.
pub(crate) fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The CSV for the newsletter tool: `email,name,source,subscribed_on`, one
/// row per subscriber, ordered by address. Names with commas, quotes or line
/// breaks are quoted by the `csv` writer; a cell that would start a formula
/// is neutralised.
#[expect(clippy::expect_used, reason = "writing CSV into a Vec<u8> does no I/O")]
pub fn csv(ds: &Dataset) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut write = || -> Result<(), csv::Error> {
        w.write_record(CSV_HEADER)?;
        for (_, sub) in list(ds) {
            let date = sub.subscribed_on.to_string();
            w.write_record([
                neutralised(&sub.email).as_ref(),
                neutralised(sub.name.as_deref().unwrap_or("")).as_ref(),
                sub.source.name(),
                date.as_str(),
            ])?;
        }
        w.flush()?;
        Ok(())
    };
    // invariant: writing strings to a Vec<u8> cannot fail (no I/O, no
    // serialisation of our own types).
    write().expect("CSV into memory");
    w.into_inner().expect("CSV into memory")
}

/// Writes an audit entry that the list was exported (the subscriber ids).
pub fn record_csv_export(s: &mut Session) -> RightsResult<()> {
    let ids: Vec<(Kind, Id)> = list(&s.data)
        .into_iter()
        .map(|(id, _)| (Kind::Subscriber, id))
        .collect();
    super::audit_only(s, "mailing_export", &ids)
}
