//! A person's detail in the UI: disclosures recorded against an active
//! consent only (P6, DESIGN.md §5).

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*};
use kluis::domain::Id;
use kluis::i18n::Lang;
use kluis::ops::rights::consent;

fn id(n: u64) -> Id {
    Id::parse(&format!("{n:016x}")).unwrap()
}

#[test]
fn a_disclosure_is_recorded_only_against_an_active_consent() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Anna: the Arbodienst consent is active, the UWV one withdrawn; only
    // the active one can be chosen.
    let screen = h.step_and_draw("2/anna<Enter><Enter>v");
    assert!(
        screen.contains("Record a disclosure") && screen.contains("Arbodienst — voortgang"),
        "{screen}"
    );
    assert!(!screen.contains("‹ UWV"), "{screen}");
    let screen = h.step_and_draw("<Right>");
    assert!(
        screen.contains("‹ Arbodienst"),
        "one active consent only: {screen}"
    );
    let screen = h.step_and_draw("<Tab>voortgangsverslag<Enter>");
    assert!(screen.contains("Disclosure recorded."), "{screen}");
    assert!(
        screen.contains("→ Arbodienst: voortgangsverslag (2026-11-25)"),
        "{screen}"
    );
    let s = &h.app.workspace().unwrap().session;
    let (_, d) = &consent::disclosures_of(&s.data, &id(1))[0];
    assert_eq!(s.data.consents[&d.consent].recipient, "Arbodienst");
    // Bram gave no consent: nothing to disclose against.
    let screen = h.step_and_draw("<Esc>/<BS><BS><BS><BS>bram<Enter><Enter>v");
    assert!(
        screen.contains("This person has no active consent; record a consent first (c)."),
        "{screen}"
    );
    assert!(!screen.contains("Record a disclosure"), "{screen}");
}
