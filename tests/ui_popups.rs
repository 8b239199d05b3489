//! Popups sized to their text: as tall as their wrapped lines, up to the
//! screen, and scrolled when the text is taller than the screen.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*};
use kluis::i18n::Lang;

#[test]
fn a_confirmation_taller_than_the_screen_scrolls_to_its_last_line() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 60, 15);
    let screen = h.step_and_draw("9aD");
    assert!(screen.contains("6  total"), "{screen}");
    assert!(!screen.contains("Oldest deadline"), "{screen}");
    let screen = h.step_and_draw("<Down><Down><Down><Down><Down>");
    assert!(
        screen.contains("Oldest deadline: 2026-05-31") && screen.contains("6  total"),
        "scrolled to the end, and no further: {screen}"
    );
    let screen = h.step_and_draw("y");
    assert!(screen.contains("Deleted"), "y still confirms: {screen}");
}

#[test]
fn a_reader_is_as_tall_as_its_text_and_leaves_the_screen_behind_it_readable() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("3<Enter><Enter>");
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .position(|r| r.contains("┌ Eindrapport Anna"))
        .unwrap();
    assert!(rows[top + 1].contains("Anna heeft haar loopbaanvraag beantwoord."));
    assert!(rows[top + 2].contains("Vervolg: geen."));
    assert!(rows[top + 3].contains('└'), "{screen}");
    assert!(
        screen.contains("Participants  Anna de Vries"),
        "the trajectory behind the short text: {screen}"
    );
}

#[test]
fn a_form_taller_than_the_screen_scrolls_to_the_field_in_focus() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 60, 15);
    let screen = h.step_and_draw("8<Enter>e");
    assert!(screen.contains("▸ Title"), "{screen}");
    assert!(
        screen.contains("2026-11-24 10:00"),
        "a date in a form is not cut: {screen}"
    );
    let screen = h.step_and_draw("<S-Tab>");
    assert!(screen.contains("▸ Other remarks"), "{screen}");
    assert!(!screen.contains("▸ Title"), "{screen}");
}

#[test]
fn a_wrapped_note_and_problem_show_whole_in_their_form() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 80, 24);
    let screen = h.step_and_draw("3jc<BS><BS><BS><BS>xx<Enter>");
    let rows: Vec<&str> = screen.lines().collect();
    let problem = rows
        .iter()
        .position(|r| r.contains("Schrijf een datum als DD-MM-JJJJ of JJJJ-MM-DD."))
        .unwrap_or_else(|| panic!("the problem shows: {screen}"));
    assert!(screen.contains("en zijn documenten."), "{screen}");
    assert!(rows[problem + 1].starts_with("│ │ "), "{screen}");
    assert!(
        rows[problem + 2].contains('└'),
        "the border under it: {screen}"
    );
}
