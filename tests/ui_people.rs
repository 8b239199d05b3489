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

#[test]
fn a_team_training_takes_several_participants_picked_with_a_filter() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("3n<S-Tab><Right><Tab>Teamtraining Noord<Tab>");
    assert!(screen.contains("(nobody chosen yet)"), "{screen}");
    assert!(screen.contains("Space add/remove"), "the footer: {screen}");
    // Case is ignored; Space adds the match shown, and takes it out again.
    let screen = h.step_and_draw("ANNA<Space>");
    assert!(screen.contains("[x] Anna de Vries (1/1)"), "{screen}");
    let screen = h
        .step_and_draw("<BS><BS><BS><BS>bakker<Space><BS><BS><BS><BS><BS><BS>jansen<Space><Space>");
    assert!(
        screen.contains("✓ Anna de Vries, Daan Bakker") && !screen.contains("Bram Jansen,"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Trajectory started."), "{screen}");
    let s = &h.app.workspace().unwrap().session;
    let t = s
        .data
        .trajectories
        .values()
        .find(|t| t.title == "Teamtraining Noord")
        .unwrap();
    assert_eq!(t.participants, vec![id(1), id(4)]);
    // Nobody chosen: refused.
    let screen = h.step_and_draw("nLeeg<Enter>");
    assert!(screen.contains("Choose a participant."), "{screen}");
}

#[test]
fn a_quote_takes_the_requester_and_several_other_participants() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let keys = "5<Right>ndaan<Tab><Tab>anna<Space><BS><BS><BS><BS>carla<Space><Tab>800<Enter>";
    let screen = h.step_and_draw(keys);
    assert!(screen.contains("Quote recorded."), "{screen}");
    let s = &h.app.workspace().unwrap().session;
    let q = s
        .data
        .quotes
        .values()
        .find(|q| q.amount == "800.00")
        .unwrap();
    assert_eq!(q.requester, Some(id(4)));
    assert_eq!(q.participants, vec![id(4), id(1), id(3)]);
}

#[test]
fn a_persons_detail_shows_their_id_and_countdown_and_the_overview_names_who_asked() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("1");
    assert!(screen.contains("access (2026-12-10) Daan"), "{screen}");
    // Daan: an open request keeps him; his training's deadline is 2027-01-10.
    let screen = h.step_and_draw("2/daan<Enter><Enter>");
    assert!(screen.contains("0000000000000004"), "{screen}");
    assert!(screen.contains("Deadline      open"), "{screen}");
    let screen = h.step_and_draw("<Esc><Esc>/carla<Enter><Enter>");
    assert!(screen.contains("0000000000000003"), "{screen}");
    assert!(
        screen.contains("Deadline      55 d overdue  (2026-10-01)"),
        "{screen}"
    );
}
