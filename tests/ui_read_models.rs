//! One read model per list: every list screen, once shown, shows exactly
//! the rows of its `ops` function, in that function's order, on the
//! deadlines the workspace computed once for this change.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::Action;
use kluis::app::Screen;
use kluis::domain::Id;
use kluis::i18n::Lang;
use kluis::ops::breach;
use kluis::ops::purge;
use kluis::ops::rights::{complaints, inquiries, mailing, quotes, requests};

/// The vault of screens 5–7 with more rows whose orders could disagree:
/// contact requests on one deadline (the name decides), open quotes sent on
/// other days, and complaints handled in another order than received.
fn harness() -> (tempfile::TempDir, Harness) {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut s = open_session(&vault, NOW);
    for name in ["Zara", "Yara", "Xander", "Wim", "Vera", "Ulla"] {
        let input = inquiries::ContactInput {
            name: name.into(),
            message: "Graag contact".into(),
            ..Default::default()
        };
        inquiries::record_contact_request(&mut s, &input, d("2026-11-10")).unwrap();
    }
    let person = |n: u64| Id::parse(&format!("{n:016x}")).unwrap();
    for (requester, sent) in [(1, "2026-06-01"), (3, "2026-10-01"), (4, "2026-08-01")] {
        let draft = quotes::QuoteDraft {
            requester: person(requester),
            participants: vec![person(requester)],
            amount: "900".into(),
            sent_on: d(sent),
        };
        quotes::new_quote(&mut s, &draft).unwrap();
    }
    for (received, handled) in [("2026-07-01", "2026-11-01"), ("2026-08-01", "2026-08-15")] {
        let c = complaints::record(&mut s, None, "Klacht", d(received)).unwrap();
        complaints::mark_handled(&mut s, &c, d(handled)).unwrap();
    }
    drop(s);
    let h = Harness::open(&vault, Lang::En, 100, 30);
    (dir, h)
}

#[test]
fn screen_5_shows_the_contact_requests_and_quotes_of_ops() {
    let (_dir, mut h) = harness();
    h.act(Action::GoTo(Screen::Inquiries));
    let ws = h.app.workspace().unwrap();
    let deadlines = ws.session.deadlines();
    assert_eq!(
        ws.screens.inquiries.contacts,
        inquiries::list(&ws.session, &deadlines)
    );
    let shown: Vec<_> = ws
        .screens
        .inquiries
        .quotes
        .iter()
        .map(|q| q.row.clone())
        .collect();
    let ops = quotes::list(&ws.session, &deadlines);
    assert_eq!(shown, ops);
    assert!(
        ops.len() >= 2,
        "the fixture has an open and an accepted quote"
    );
}

#[test]
fn screen_6_shows_the_subscribers_of_ops() {
    let (_dir, mut h) = harness();
    h.act(Action::GoTo(Screen::Mailing));
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screens.mailing.rows, mailing::list(&ws.session.data));
}

#[test]
fn screen_7_shows_the_requests_and_complaints_of_ops() {
    let (_dir, mut h) = harness();
    h.act(Action::GoTo(Screen::Requests));
    let ws = h.app.workspace().unwrap();
    let deadlines = ws.session.deadlines();
    assert_eq!(ws.screens.requests.requests, requests::list(&ws.session));
    assert_eq!(
        ws.screens.requests.complaints,
        complaints::list(&ws.session, &deadlines)
    );
}

#[test]
fn screen_8_shows_the_breaches_of_ops() {
    let (_dir, mut h) = harness();
    h.act(Action::GoTo(Screen::Breaches));
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screens.breaches.rows, breach::list(&ws.session));
}

#[test]
fn screen_9_shows_the_expired_records_of_ops() {
    let (_dir, mut h) = harness();
    h.act(Action::GoTo(Screen::ToDelete));
    let ws = h.app.workspace().unwrap();
    let ops = purge::expired(&ws.session, &ws.session.deadlines());
    assert!(!ops.is_empty(), "the fixture has expired records");
    assert_eq!(ws.screens.to_delete.rows, ops);
}
