//! The mailing-list rules of DESIGN.md section 5 (P3, P4, P5, P9).

use super::dataset::Dataset;
use super::id::Id;
use super::records::{Subscriber, SubscriberSource};
use chrono::NaiveDate;
use std::collections::HashSet;

/// The form of an address that the suppression hash and duplicate checks
/// compare: trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The normalised addresses on the mailing list. Checking many addresses at
/// once (an import) against this set costs one pass over the list, not one
/// pass per address.
pub fn listed_emails(ds: &Dataset) -> HashSet<String> {
    ds.subscribers
        .values()
        .map(|s| normalise_email(&s.email))
        .collect()
}

/// A plausible e-mail address: one `@`, something before it, a dot after it,
/// no spaces. Deliverability is the newsletter tool's business.
pub fn looks_like_email(email: &str) -> bool {
    let e = email.trim();
    match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// What happened to one address when a quote was accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinOutcome {
    /// Added to the list, with the quote as evidence.
    Added { person: Id, subscriber: Subscriber },
    /// Already on the list; nothing changed.
    AlreadySubscribed { person: Id },
    /// Unsubscribed before: not re-added (P9).
    Suppressed { person: Id },
    /// No e-mail address to add.
    NoEmail { person: Id },
}

/// P4: who joins the mailing list when quote `quote_id` is accepted: the
/// requester and every participant with an e-mail address, unless the address
/// was suppressed. `is_suppressed` answers with the vault's keyed hash.
pub fn join_on_acceptance(
    ds: &Dataset,
    quote_id: &Id,
    accepted_on: NaiveDate,
    is_suppressed: &dyn Fn(&str) -> bool,
) -> Vec<JoinOutcome> {
    join_on_acceptance_with(ds, &listed_emails(ds), quote_id, accepted_on, is_suppressed)
}

/// `join_on_acceptance` with the list's addresses given (`listed_emails`).
pub fn join_on_acceptance_with(
    ds: &Dataset,
    listed: &HashSet<String>,
    quote_id: &Id,
    accepted_on: NaiveDate,
    is_suppressed: &dyn Fn(&str) -> bool,
) -> Vec<JoinOutcome> {
    let Some(q) = ds.quotes.get(quote_id) else {
        return Vec::new();
    };
    let mut people: Vec<&Id> = q.requester.iter().collect();
    for p in &q.participants {
        if !people.contains(&p) {
            people.push(p);
        }
    }
    let mut seen_emails: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for pid in people {
        let Some(person) = ds.people.get(pid) else {
            continue;
        };
        let Some(email) = person.email.as_deref().filter(|e| !e.trim().is_empty()) else {
            out.push(JoinOutcome::NoEmail {
                person: pid.clone(),
            });
            continue;
        };
        let norm = normalise_email(email);
        let listed = listed.contains(&norm) || seen_emails.contains(&norm);
        if listed {
            out.push(JoinOutcome::AlreadySubscribed {
                person: pid.clone(),
            });
        } else if is_suppressed(&norm) {
            out.push(JoinOutcome::Suppressed {
                person: pid.clone(),
            });
        } else {
            seen_emails.push(norm);
            out.push(JoinOutcome::Added {
                person: pid.clone(),
                subscriber: Subscriber {
                    email: email.trim().to_string(),
                    name: Some(person.name.clone()),
                    source: SubscriberSource::Quote,
                    evidence: format!("quote {quote_id} accepted on {accepted_on}"),
                    subscribed_on: accepted_on,
                },
            });
        }
    }
    out
}

/// Whether a new subscriber may be added. A suppressed address is refused
/// unless the person gave new explicit consent (manual source with evidence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubscribeCheck {
    Allowed,
    AlreadySubscribed,
    Suppressed,
    InvalidEmail,
}

pub fn check_subscribe(
    ds: &Dataset,
    sub: &Subscriber,
    is_suppressed: &dyn Fn(&str) -> bool,
) -> SubscribeCheck {
    check_subscribe_with(&listed_emails(ds), sub, is_suppressed)
}

/// `check_subscribe` with the list's addresses given (`listed_emails`).
pub fn check_subscribe_with(
    listed: &HashSet<String>,
    sub: &Subscriber,
    is_suppressed: &dyn Fn(&str) -> bool,
) -> SubscribeCheck {
    if !looks_like_email(&sub.email) {
        return SubscribeCheck::InvalidEmail;
    }
    let norm = normalise_email(&sub.email);
    if listed.contains(&norm) {
        return SubscribeCheck::AlreadySubscribed;
    }
    let renewed_consent = sub.source == SubscriberSource::Manual && !sub.evidence.trim().is_empty();
    if is_suppressed(&norm) && !renewed_consent {
        return SubscribeCheck::Suppressed;
    }
    SubscribeCheck::Allowed
}
