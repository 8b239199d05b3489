//! Safety that loses no work, driven by keys on a fixed clock: Esc on a
//! changed form asks first; a lock (Ctrl-l or idle) comes back to the same
//! screen and record after unlocking and says that an open form was
//! dropped; a weak new vault passphrase needs a second Enter.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::popup::Popup;
use kluis::app::screens::panes::Pane;
use kluis::app::{IDLE_LOCK, Screen};
use kluis::i18n::Lang;

fn top_is_form(h: &Harness) -> bool {
    matches!(
        h.app.workspace().unwrap().popups.last(),
        Some(Popup::Form(_))
    )
}

#[test]
fn esc_on_a_changed_form_asks_before_the_changes_go() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let people = h.app.workspace().unwrap().session.data.people.len();
    // Unchanged: Esc closes at once.
    h.step_and_draw("2n");
    h.step_and_draw("<Tab><Tab><Esc>");
    assert!(h.app.workspace().unwrap().popups.is_empty());
    // Changed: Esc asks; n goes back to the form as it was.
    h.step_and_draw("nEva Visser");
    let screen = h.step_and_draw("<Esc>");
    assert!(
        screen.contains("Discard the changes?") && screen.contains("Close it without saving?"),
        "{screen}"
    );
    let screen = h.step_and_draw("n");
    assert!(top_is_form(&h), "{screen}");
    assert!(screen.contains("Eva Visser"), "{screen}");
    // y drops it.
    h.step_and_draw("<Esc>y");
    assert!(h.app.workspace().unwrap().popups.is_empty());
    assert_eq!(h.app.workspace().unwrap().session.data.people.len(), people);
    // A choice stepped counts as a change too.
    h.step_and_draw("3n<Up><Right>");
    let screen = h.step_and_draw("<Esc>");
    assert!(screen.contains("Discard the changes?"), "{screen}");
}

#[test]
fn a_lock_comes_back_to_the_same_screen_and_says_the_form_was_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    h.step_and_draw("7<Right><Down>");
    let complaint = {
        let ws = h.app.workspace().unwrap();
        ws.screens.requests.selected_complaint().unwrap().id.clone()
    };
    h.step_and_draw("n<Tab>Nog niet opgeslagen");
    let screen = h.step_and_draw("<C-l>");
    assert!(h.app.is_locked());
    assert!(
        screen.contains("Een niet opgeslagen formulier is bij het vergrendelen weggegooid."),
        "{screen}"
    );
    let screen = h.step_and_draw(&format!("{PASS}<Enter>"));
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screen, Screen::Requests, "{screen}");
    assert_eq!(ws.screens.requests.focus, Pane::Bottom);
    assert_eq!(
        ws.screens.requests.selected_complaint().unwrap().id,
        complaint
    );
    assert!(ws.popups.is_empty());
    assert!(
        screen.contains("weggegooid"),
        "said again after unlocking: {screen}"
    );

    // Idle, without a form: the same screen, and no word about a form.
    h.step_and_draw("3<Down>");
    let trajectory = h
        .app
        .workspace()
        .unwrap()
        .screens
        .trajectories
        .selected()
        .unwrap()
        .id
        .clone();
    h.app.tick(IDLE_LOCK);
    let screen = h.draw();
    assert!(h.app.is_locked());
    assert!(!screen.contains("weggegooid"), "{screen}");
    let screen = h.step_and_draw(&format!("{PASS}<Enter>"));
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screen, Screen::Trajectories, "{screen}");
    assert_eq!(ws.screens.trajectories.selected().unwrap().id, trajectory);
    assert!(!screen.contains("weggegooid"), "{screen}");
}

/// The lines of the frame from its header line on (the list as shown).
fn rows_from<'a>(screen: &'a str, header: &str) -> Vec<&'a str> {
    screen
        .lines()
        .skip_while(|l| !l.contains(header))
        .take(6)
        .collect()
}

#[test]
fn a_lock_keeps_each_lists_sort_and_column_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    // People by organisation, descending; quotes by amount.
    h.step_and_draw("5<Right>>>s");
    let before = h.step_and_draw("2<Right>ss");
    assert!(before.contains("Organisatie ▼"), "{before}");
    h.step_and_draw("<C-l>");
    let after = h.step_and_draw(&format!("{PASS}<Enter>"));
    assert_eq!(
        rows_from(&after, "Organisatie ▼"),
        rows_from(&before, "Organisatie ▼"),
        "{after}"
    );
    // The column cursor is still on the organisation: `s` there goes
    // back to the screen's own order (on the name it would sort by name).
    let screen = h.step_and_draw("s");
    assert!(!screen.contains('▼') && !screen.contains('▲'), "{screen}");
    // The other screen's list kept its sort too, the idle lock as well.
    h.app.tick(IDLE_LOCK);
    h.draw();
    h.step_and_draw(&format!("{PASS}<Enter>"));
    let screen = h.step_and_draw("5");
    assert!(screen.contains("Bedrag ▲"), "{screen}");
}

#[test]
fn a_weak_new_vault_passphrase_needs_a_second_enter() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("nieuw");
    let mut h = Harness::locked(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("kort");
    assert!(
        screen.contains("Sterkte: ongeveer 13 bits (zwak)"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Tab>kort<Enter>");
    assert!(
        screen.contains("Deze wachtwoordzin is zwak: ongeveer 13 bits.")
            && screen.contains("Enter gebruikt hem toch"),
        "{screen}"
    );
    assert!(h.app.is_locked());
    assert!(!kluis::vault::Vault::exists(&vault));
    // Changed after the warning: warned again, not created.
    h.step_and_draw("<BS>t<Enter>");
    assert!(!kluis::vault::Vault::exists(&vault));
    h.step_and_draw("<Enter>");
    assert!(!h.app.is_locked(), "the second Enter uses it");
    assert!(kluis::vault::Vault::exists(&vault));
}

#[test]
fn a_generated_password_can_be_saved_to_a_file_of_the_coachs_choice() {
    let (dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("4nOrg<Tab>Team<Tab>Titel<Tab><Tab>Tekst<C-s>");
    let exists = dir.path().join("bestaat.txt");
    std::fs::write(&exists, "oud").unwrap();
    let screen = h.step_and_draw(&format!("<Tab>{}<Enter>", exists.display()));
    assert!(screen.contains("That file exists already"), "{screen}");
    assert_eq!(std::fs::read_to_string(&exists).unwrap(), "oud");
    let file = dir.path().join("wachtwoord.txt");
    let keys = "<BS>".repeat(exists.display().to_string().chars().count());
    let screen = h.step_and_draw(&format!("{keys}{}<Enter>", file.display()));
    assert!(screen.contains("Password kept in"), "{screen}");
    let kept = std::fs::read_to_string(&file).unwrap();
    let password = kept.trim();
    assert_eq!(password.len(), 29, "{kept}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Typed back without dashes and in capitals, it opens the report.
    let typed = password.replace('-', "").to_uppercase();
    let screen = h.step_and_draw(&format!("/titel<Enter><Enter>{typed}<Enter>"));
    assert!(screen.contains("Tekst"), "{screen}");
}
