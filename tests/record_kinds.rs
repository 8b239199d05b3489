//! Every record kind is known everywhere it must be: it has a retention rule
//! (DESIGN.md §4), a store code that never changes (§7), and a Dutch and an
//! English name. `record_of` is an exhaustive match, so a new kind does not
//! compile here until it has a sample record, and then these tests say what
//! else it lacks.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use kluis::domain::breach::Breach;
use kluis::domain::retention::deadlines;
use kluis::domain::*;
use kluis::i18n::Lang;
use kluis::i18n::ui::kind_name;
use kluis::vault::key_block::{kind_code, kind_of};
use std::collections::BTreeSet;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()
}

fn id(n: usize) -> Id {
    Id::parse(&format!("{n:016x}")).unwrap()
}

/// The person and trajectory every linked sample points at.
const PERSON: usize = 0;
const TRAJECTORY: usize = 1;

fn document(kind: DocumentKind) -> AnyRecord {
    AnyRecord::Document(Document {
        trajectory: id(TRAJECTORY),
        participant: id(PERSON),
        kind,
        title: "Verslag".into(),
        body: "Tekst".into(),
        created_on: day(),
        files: Vec::new(),
    })
}

/// One record of `kind`.
fn record_of(kind: Kind) -> AnyRecord {
    match kind {
        Kind::Person => AnyRecord::Person(Person {
            name: "Anna de Vries".into(),
            email: None,
            phone: None,
            organisation: None,
            created_on: day(),
        }),
        Kind::Trajectory => AnyRecord::Trajectory(Trajectory {
            kind: TrajectoryKind::Coaching,
            title: "Loopbaancoaching".into(),
            participants: vec![id(PERSON)],
            requester: None,
            started_on: Some(day()),
            completed_on: None,
        }),
        Kind::IndividualReport => document(DocumentKind::IndividualReport),
        Kind::QuestionnaireResult => document(DocumentKind::QuestionnaireResult),
        Kind::TeamReport => AnyRecord::TeamReport(TeamReport {
            organisation: "Gemeente".into(),
            team: "Team".into(),
            title: "Advies".into(),
            delivered_on: day(),
            sealed_body: String::new(),
            files: Vec::new(),
        }),
        Kind::ContactRequest => AnyRecord::ContactRequest(ContactRequest {
            name: "Bram".into(),
            email: None,
            phone: None,
            message: "Graag contact".into(),
            received_on: day(),
            first_contact_on: None,
        }),
        Kind::Quote => AnyRecord::Quote(Quote {
            requester: Some(id(PERSON)),
            requester_organisation: None,
            participants: Vec::new(),
            amount: "1200.00".into(),
            sent_on: day(),
            accepted_on: None,
            declined_on: None,
            restricted: false,
        }),
        Kind::Subscriber => AnyRecord::Subscriber(Subscriber {
            email: "anna@example.nl".into(),
            name: None,
            source: SubscriberSource::Manual,
            evidence: "formulier".into(),
            subscribed_on: day(),
        }),
        Kind::Suppression => AnyRecord::Suppression(Suppression {
            hash: "00".repeat(32),
            suppressed_on: day(),
        }),
        Kind::Consent => AnyRecord::Consent(Consent {
            person: id(PERSON),
            recipient: "Werkgever".into(),
            purpose: "Terugkoppeling".into(),
            given_on: day(),
            withdrawn_on: None,
        }),
        Kind::Disclosure => AnyRecord::Disclosure(Disclosure {
            person: id(PERSON),
            recipient: "Werkgever".into(),
            what: "Voortgang".into(),
            on: day(),
            consent: id(kind_index(Kind::Consent)),
        }),
        Kind::SubjectRequest => AnyRecord::SubjectRequest(SubjectRequest {
            person: Some(id(PERSON)),
            kind: RequestKind::Access,
            received_on: day(),
            extension_reason: None,
            handled_on: None,
        }),
        Kind::Complaint => AnyRecord::Complaint(Complaint {
            person: None,
            summary: "Te laat".into(),
            received_on: day(),
            handled_on: None,
            referred_to_ap: false,
        }),
        Kind::Breach => AnyRecord::Breach(Breach::new(
            chrono::DateTime::parse_from_rfc3339("2027-01-15T09:00:00+01:00").unwrap(),
            "Laptop gestolen",
        )),
        Kind::Practice => AnyRecord::Practice(kluis::domain::practice::Practice {
            name: "Optiwork".into(),
            ..Default::default()
        }),
    }
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap()
}

/// One record of every kind, the record of `Kind::ALL[n]` with id `n`.
fn one_of_each() -> Dataset {
    let mut ds = Dataset::default();
    for (n, kind) in Kind::ALL.into_iter().enumerate() {
        ds.insert(id(n), record_of(kind));
    }
    assert_eq!(kind_index(Kind::Person), PERSON);
    assert_eq!(kind_index(Kind::Trajectory), TRAJECTORY);
    ds
}

#[test]
fn every_kind_has_a_retention_rule() {
    let ds = one_of_each();
    let due = deadlines(&ds);
    for (n, kind) in Kind::ALL.into_iter().enumerate() {
        assert!(due.contains_key(&(kind, id(n))), "{kind} has no deadline");
    }
    assert_eq!(due.len(), Kind::COUNT);
}

#[test]
fn every_kind_is_counted_listed_and_found() {
    let ds = one_of_each();
    assert_eq!(ds.len(), Kind::COUNT);
    let listed: Vec<(Kind, Id)> = ds.keys();
    for (n, kind) in Kind::ALL.into_iter().enumerate() {
        assert!(listed.contains(&(kind, id(n))), "{kind} is not listed");
        assert!(ds.contains_id(&id(n)), "{kind} is not found");
        assert!(ds.get(kind, &id(n)).is_some(), "{kind} cannot be read");
    }
}

#[test]
fn every_kind_is_sealed_as_its_own_record() {
    // What the vault seals is made from where the record is kept; it must be
    // that record, whole, and no other kind's.
    let ds = one_of_each();
    for (n, kind) in Kind::ALL.into_iter().enumerate() {
        let sealed = ds.encode(kind, &id(n)).unwrap();
        assert_eq!(sealed, ds.get(kind, &id(n)).unwrap().encode(), "{kind}");
        let back = AnyRecord::decode(kind, &sealed).unwrap();
        assert_eq!(back.kind(), kind);
        for (m, other) in Kind::ALL.into_iter().enumerate() {
            if m != n {
                assert!(ds.encode(other, &id(n)).is_none(), "{kind} as {other}");
            }
        }
    }
}

#[test]
fn every_kind_has_its_own_store_code() {
    let codes: BTreeSet<u8> = Kind::ALL.into_iter().map(kind_code).collect();
    assert_eq!(codes.len(), Kind::COUNT, "two kinds share a code");
    for kind in Kind::ALL {
        assert_eq!(kind_of(kind_code(kind)), Some(kind));
    }
}

#[test]
fn every_kind_has_a_dutch_and_an_english_name() {
    for lang in [Lang::Nl, Lang::En] {
        let names: BTreeSet<&str> = Kind::ALL.into_iter().map(|k| kind_name(lang, k)).collect();
        assert_eq!(
            names.len(),
            Kind::COUNT,
            "two kinds share a name in {lang:?}"
        );
        assert!(!names.contains(""), "a kind without a name in {lang:?}");
    }
    assert_eq!(kind_name(Lang::Nl, Kind::Complaint), "klacht");
    assert_eq!(kind_name(Lang::En, Kind::Complaint), "complaint");
}
