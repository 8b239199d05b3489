//! A screen's rows are built when it is shown after a change, or while the
//! coach pauses, not for every screen at unlock (DESIGN.md §10): a screen
//! shown after a record was added, changed or deleted elsewhere shows the
//! change, and so do the tab counts, the choice of people in a form and the
//! way back after a lock; the work done in a pause changes nothing shown.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::Screen;
use kluis::domain::Kind;
use kluis::i18n::Lang;

/// Shows every screen once, so each has rows built before the change.
fn show_every_screen(h: &mut Harness) {
    for n in "123456789".chars() {
        h.step_and_draw(&n.to_string());
    }
}

/// Lets the app work as it does while the coach pauses, until it has
/// nothing left to build: at most one step per screen.
fn idle_until_done(h: &mut Harness) -> usize {
    let mut steps = 0;
    while h.app.on_idle() {
        steps += 1;
        assert!(steps <= Screen::ALL.len(), "the idle work does not end");
    }
    assert!(!h.app.has_idle_work(), "rows still wait");
    steps
}

#[test]
fn screens_shown_after_a_purge_list_nothing_that_went() {
    let (_dir, vault) = sample();
    // Wide enough for the tabs' names and counts.
    let mut h = Harness::open(&vault, Lang::En, 160, 30);
    show_every_screen(&mut h);
    let screen = h.step_and_draw("3");
    assert!(screen.contains("Loopbaancoaching Anna"), "{screen}");
    let screen = h.step_and_draw("2");
    assert!(screen.contains("To delete (6)"), "{screen}");
    let screen = h.step_and_draw("9aD");
    assert!(screen.contains("Delete for good?"), "{screen}");
    h.step_and_draw("y<Esc>");
    let screen = h.step_and_draw("3");
    assert!(
        !screen.contains("Loopbaancoaching Anna") && screen.contains("Coaching Bram"),
        "{screen}"
    );
    assert!(!screen.contains("To delete ("), "{screen}");
    let screen = h.step_and_draw("1");
    assert!(screen.contains("Expired now"), "{screen}");
}

#[test]
fn a_name_changed_on_screen_2_shows_on_screen_3_shown_after() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    show_every_screen(&mut h);
    let screen = h.step_and_draw("3");
    assert!(screen.contains("Bram Jansen"), "{screen}");
    h.step_and_draw("2/jansen<Enter>");
    let screen = h.step_and_draw("e");
    assert!(screen.contains("Bram Jansen"), "{screen}");
    let screen = h.step_and_draw("-Vos<Enter>");
    assert!(screen.contains("Bram Jansen-Vos"), "{screen}");
    let screen = h.step_and_draw("3");
    assert!(screen.contains("Bram Jansen-Vos"), "{screen}");
}

#[test]
fn a_person_added_is_a_choice_in_a_form_on_another_screen() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // A form before the change: the choice of people is built once.
    let screen = h.step_and_draw("3n");
    assert!(screen.contains("Anna de Vries (1/4)"), "{screen}");
    h.step_and_draw("<Esc>");
    let screen = h.step_and_draw("2nEva Visser<Enter>");
    assert!(screen.contains("Person added."), "{screen}");
    let screen = h.step_and_draw("3n");
    assert!(screen.contains("Anna de Vries (1/5)"), "{screen}");
    let screen = h.step_and_draw("<Tab><Tab>eva");
    assert!(screen.contains("Eva Visser"), "{screen}");
}

#[test]
fn after_a_lock_the_cursor_comes_back_on_its_record_on_a_screen_built_anew() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("3jj");
    let before = h.app.workspace().unwrap();
    let (kind, id) = before
        .screens
        .get(Screen::Trajectories)
        .selected_record()
        .unwrap();
    assert_eq!(kind, Kind::Trajectory);
    h.step_and_draw("<C-l>");
    assert!(h.app.is_locked());
    wait_until_free(&vault);
    h.step_and_draw(&format!("{PASS}<Enter>"));
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screen, Screen::Trajectories);
    assert_eq!(
        ws.screens.get(Screen::Trajectories).selected_record(),
        Some((Kind::Trajectory, id))
    );
}

#[test]
fn rows_built_in_a_pause_show_the_change_made_before_it() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    assert!(h.app.has_idle_work(), "the other screens wait");
    assert!(idle_until_done(&mut h) > 0, "the other screens waited");
    assert!(!h.app.on_idle(), "nothing is left to build");
    h.step_and_draw("2/jansen<Enter>e");
    let screen = h.step_and_draw("-Vos<Enter>");
    assert!(screen.contains("Bram Jansen-Vos"), "{screen}");
    // The change made every other screen wait again; the pause builds
    // them from the data as it is now.
    assert!(idle_until_done(&mut h) > 0, "the change made screens wait");
    let screen = h.step_and_draw("3");
    assert!(screen.contains("Bram Jansen-Vos"), "{screen}");
}

#[test]
fn the_work_done_in_a_pause_changes_nothing_shown() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let before = h.step_and_draw("3jj");
    let selected = |h: &Harness| {
        let ws = h.app.workspace().unwrap();
        (
            ws.screen,
            ws.screens.get(Screen::Trajectories).selected_record(),
        )
    };
    let at = selected(&h);
    assert!(idle_until_done(&mut h) > 0, "the other screens waited");
    assert_eq!(h.draw(), before);
    assert_eq!(selected(&h), at);
}

#[test]
fn a_locked_app_does_no_work_in_a_pause() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("<C-l>");
    assert!(h.app.is_locked());
    assert!(!h.app.has_idle_work());
    assert!(!h.app.on_idle());
}
