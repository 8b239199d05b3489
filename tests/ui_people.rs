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

#[test]
fn a_second_person_with_a_known_address_is_asked_about_and_may_open_the_first() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let people = |h: &Harness| h.app.workspace().unwrap().session.data.people.len();
    let before = people(&h);
    // Case and spaces do not hide the address.
    let screen = h.step_and_draw("2nAnna Tweede<Tab> ANNA@example.nl<Enter>");
    assert!(
        screen.contains("E-mail address already in the vault")
            && screen.contains("Anna de Vries has this e-mail address already.")
            && screen.contains("Id 0000000000000001")
            && screen.contains("y save anyway · o open Anna de Vries · n back to the form"),
        "{screen}"
    );
    assert!(screen.contains("o open existing"), "the footer: {screen}");
    assert_eq!(people(&h), before, "nothing saved yet");
    // n: back to the form, as typed.
    let screen = h.step_and_draw("n");
    assert!(screen.contains("Anna Tweede"), "{screen}");
    // o: the first Anna's detail instead; the form is gone.
    let screen = h.step_and_draw("<Enter>o");
    assert!(
        screen.contains("People · Anna de Vries") && screen.contains("0000000000000001"),
        "{screen}"
    );
    assert!(!screen.contains("Anna Tweede"), "{screen}");
    assert_eq!(people(&h), before);
    // y: saved anyway, as a second person with that address.
    let screen = h.step_and_draw("<Esc>nAnna Tweede<Tab>anna@example.nl<Enter>y");
    assert!(screen.contains("Person added."), "{screen}");
    assert_eq!(people(&h), before + 1);
    // Editing a person keeps their own address without a question.
    let screen = h.step_and_draw("<Esc>/bram<Enter>e<Tab><Tab>06 1234<Enter>");
    assert!(screen.contains("Saved."), "{screen}");
    // The confirmations that are not about an address have no `o`.
    let screen = h.step_and_draw("d");
    assert!(!screen.contains("open existing"), "{screen}");
}

#[test]
fn the_question_about_a_shared_address_reads_in_dutch() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("2nAnna Tweede<Tab>anna@example.nl<Enter>");
    assert!(
        screen.contains("E-mailadres al in de kluis")
            && screen.contains("Anna de Vries heeft dit e-mailadres al.")
            && screen.contains("y toch opslaan · o Anna de Vries openen · n terug naar het"),
        "{screen}"
    );
    assert!(screen.contains("o bestaande openen"), "{screen}");
}
