//! The mailing-list rules of DESIGN.md §5 (P3, P4, P5, P9).

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
                    // The fact, in no language: the quote's id. The date
                    // is `subscribed_on`; `i18n::ui::evidence` words both.
                    evidence: quote_id.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn id(n: u64) -> Id {
        Id::parse(&format!("{n:016x}")).unwrap()
    }

    fn person(name: &str, email: Option<&str>) -> AnyRecord {
        AnyRecord::Person(Person {
            name: name.into(),
            email: email.map(str::to_string),
            phone: None,
            organisation: None,
            created_on: d("2026-01-05"),
        })
    }

    fn subscriber(email: &str, source: SubscriberSource, evidence: &str) -> Subscriber {
        Subscriber {
            email: email.into(),
            name: None,
            source,
            evidence: evidence.into(),
            subscribed_on: d("2026-05-12"),
        }
    }

    /// Quote 50: requester 1, participants 2 (no e-mail), 3 (suppressed), 4.
    fn with_quote() -> Dataset {
        let mut ds = Dataset::default();
        ds.insert(id(1), person("Bram Jansen", Some("Bram@Example.nl ")));
        ds.insert(id(2), person("Anna de Vries", None));
        ds.insert(id(3), person("Zoë Ĳsselmeer-Çelik", Some("zoe@example.nl")));
        ds.insert(id(4), person("Eva Smit", Some("eva@example.nl")));
        ds.insert(
            id(50),
            AnyRecord::Quote(Quote {
                requester: Some(id(1)),
                requester_organisation: None,
                participants: vec![id(2), id(3), id(1), id(4)],
                amount: "2450.00".into(),
                sent_on: d("2026-02-10"),
                accepted_on: Some(d("2026-03-01")),
                declined_on: None,
                restricted: false,
            }),
        );
        ds
    }

    #[test]
    fn accepting_a_quote_adds_requester_and_participants_with_email() {
        let ds = with_quote();
        let asked = std::cell::RefCell::new(Vec::new());
        let suppressed = |e: &str| {
            asked.borrow_mut().push(e.to_string());
            e == "zoe@example.nl"
        };
        let out = join_on_acceptance(&ds, &id(50), d("2026-03-01"), &suppressed);
        assert_eq!(out.len(), 4, "{out:?}");
        let JoinOutcome::Added { person, subscriber } = &out[0] else {
            panic!("requester not added: {:?}", out[0]);
        };
        assert_eq!(person, &id(1));
        assert_eq!(subscriber.email, "Bram@Example.nl");
        assert_eq!(subscriber.name.as_deref(), Some("Bram Jansen"));
        assert_eq!(subscriber.source, SubscriberSource::Quote);
        assert_eq!(subscriber.subscribed_on, d("2026-03-01"));
        assert!(
            subscriber.evidence.contains(id(50).as_str()),
            "evidence names the quote: {}",
            subscriber.evidence
        );
        assert_eq!(out[1], JoinOutcome::NoEmail { person: id(2) });
        assert_eq!(out[2], JoinOutcome::Suppressed { person: id(3) });
        let JoinOutcome::Added { person, subscriber } = &out[3] else {
            panic!("participant not added: {:?}", out[3]);
        };
        assert_eq!(person, &id(4));
        assert_eq!(subscriber.email, "eva@example.nl");
        // The suppression check sees the normalised address.
        assert!(asked.borrow().contains(&"bram@example.nl".to_string()));
    }

    #[test]
    fn accepting_a_quote_skips_who_is_on_the_list_and_adds_an_address_once() {
        let mut ds = with_quote();
        ds.insert(
            id(60),
            AnyRecord::Subscriber(subscriber(
                "EVA@example.nl",
                SubscriberSource::Webinar,
                "Webinar",
            )),
        );
        // Anna now shares Bram's address.
        ds.insert(id(2), person("Anna de Vries", Some("bram@example.nl")));
        let out = join_on_acceptance(&ds, &id(50), d("2026-03-01"), &|_| false);
        let added: Vec<&Id> = out
            .iter()
            .filter_map(|o| match o {
                JoinOutcome::Added { person, .. } => Some(person),
                _ => None,
            })
            .collect();
        assert_eq!(added, vec![&id(1), &id(3)]);
        assert!(out.contains(&JoinOutcome::AlreadySubscribed { person: id(2) }));
        assert!(out.contains(&JoinOutcome::AlreadySubscribed { person: id(4) }));
    }

    #[test]
    fn an_unknown_quote_adds_nobody() {
        let ds = with_quote();
        assert!(join_on_acceptance(&ds, &id(99), d("2026-03-01"), &|_| false).is_empty());
    }

    #[test]
    fn a_suppressed_address_is_refused_unless_manual_with_evidence() {
        let ds = Dataset::default();
        let suppressed = |e: &str| e == "zoe@example.nl";
        for source in [
            SubscriberSource::Webinar,
            SubscriberSource::Ebook,
            SubscriberSource::Quote,
        ] {
            let s = subscriber(" ZOE@example.nl", source, "Webinar Teamdynamiek");
            assert_eq!(
                check_subscribe(&ds, &s, &suppressed),
                SubscribeCheck::Suppressed,
                "{source:?}"
            );
        }
        let manual = subscriber("zoe@example.nl", SubscriberSource::Manual, "   ");
        assert_eq!(
            check_subscribe(&ds, &manual, &suppressed),
            SubscribeCheck::Suppressed,
            "manual without evidence is no new consent"
        );
        let manual = subscriber(
            "zoe@example.nl",
            SubscriberSource::Manual,
            "Schriftelijk opnieuw aangemeld op 3 juni 2026",
        );
        assert_eq!(
            check_subscribe(&ds, &manual, &suppressed),
            SubscribeCheck::Allowed
        );
        let other = subscriber("eva@example.nl", SubscriberSource::Webinar, "Webinar");
        assert_eq!(
            check_subscribe(&ds, &other, &suppressed),
            SubscribeCheck::Allowed
        );
    }

    #[test]
    fn check_subscribe_refuses_bad_and_duplicate_addresses() {
        let mut ds = Dataset::default();
        ds.insert(
            id(60),
            AnyRecord::Subscriber(subscriber(
                "eva@example.nl",
                SubscriberSource::Webinar,
                "Webinar",
            )),
        );
        let no = |_: &str| false;
        for bad in [
            "",
            "eva",
            "eva@",
            "@example.nl",
            "eva@example",
            "e va@example.nl",
        ] {
            let s = subscriber(bad, SubscriberSource::Webinar, "Webinar");
            assert_eq!(
                check_subscribe(&ds, &s, &no),
                SubscribeCheck::InvalidEmail,
                "{bad:?}"
            );
        }
        let dup = subscriber(" Eva@Example.NL", SubscriberSource::Ebook, "E-book");
        assert_eq!(
            check_subscribe(&ds, &dup, &no),
            SubscribeCheck::AlreadySubscribed
        );
    }
}
