//! The app driven by keys and actions on a fixed clock, drawn into a
//! `TestBackend`.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod raw;
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::popup::Popup;
use kluis::app::{Action, Confirmed, IDLE_LOCK, Screen};
use kluis::domain::Kind;
use kluis::i18n::Lang;
use kluis::ops::purge;

#[test]
fn wrong_passphrase_says_so_and_allows_a_retry() {
    let (_dir, vault) = sample();
    let mut h = Harness::locked(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("wrong<Enter>");
    assert!(screen.contains("Wrong passphrase. Try again."), "{screen}");
    assert!(h.app.is_locked());
    let screen = h.step_and_draw(&format!("{PASS}<Enter>"));
    assert!(!h.app.is_locked());
    assert!(screen.contains("Expired now"), "{screen}");
}

#[test]
fn first_run_creates_the_vault_with_the_passphrase_twice() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("new");
    let mut h = Harness::locked(&vault, Lang::Nl, 100, 30);
    let screen = h.draw();
    assert!(screen.contains("Nieuwe kluis maken"), "{screen}");
    let screen = h.step_and_draw("een lange zin<Tab>een andere zin<Enter>");
    assert!(
        screen.contains("De twee wachtwoordzinnen verschillen."),
        "{screen}"
    );
    assert!(!kluis::vault::Vault::exists(&vault));
    let screen = h.step_and_draw("kraan fiets wolk tegel zon");
    assert!(screen.contains("Sterkte: ongeveer"), "{screen}");
    h.step_and_draw("<Tab>kraan fiets wolk tegel zon<Enter>");
    assert!(!h.app.is_locked());
    assert!(kluis::vault::Vault::exists(&vault));
}

#[test]
fn locks_after_idle_minutes_and_with_ctrl_l() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.app.tick(IDLE_LOCK / 2);
    h.step_and_draw("2");
    h.app.tick(IDLE_LOCK / 2);
    assert!(!h.app.is_locked(), "a key resets the idle time");
    h.app.tick(IDLE_LOCK / 2);
    assert!(h.app.is_locked());
    let screen = h.draw();
    assert!(
        screen.contains("Locked: no key was pressed for too long."),
        "{screen}"
    );
    assert!(!screen.contains("Anna"), "no decrypted data after locking");
    h.step_and_draw(&format!("{PASS}<Enter>"));
    assert!(!h.app.is_locked());
    // Ctrl-l works on top of a popup too.
    h.step_and_draw("2n");
    let screen = h.step_and_draw("<C-l>");
    assert!(h.app.is_locked());
    assert!(screen.contains("Locked."), "{screen}");
}

#[test]
fn lists_are_sorted_by_deadline_and_filtered_with_slash() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("2");
    let anna = screen.find("Anna de Vries").unwrap();
    let carla = screen.find("Carla Smit").unwrap();
    let daan = screen.find("Daan Bakker").unwrap();
    let bram = screen.find("Bram Jansen").unwrap();
    assert!(anna < carla && carla < bram && bram < daan, "{screen}");
    assert!(screen.contains("178 d overdue"), "{screen}");
    let screen = h.step_and_draw("/jansen");
    assert!(
        screen.contains("Bram Jansen") && !screen.contains("Carla Smit"),
        "{screen}"
    );
    assert!(screen.contains("Filter / jansen"), "{screen}");
    let screen = h.step_and_draw("<Esc>");
    assert!(screen.contains("Carla Smit"), "{screen}");
}

#[test]
fn countdowns_read_in_dutch() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("3");
    assert!(screen.contains("178 d over tijd"), "{screen}");
    assert!(screen.contains("46 d"), "{screen}");
    assert!(screen.contains("lopend"), "{screen}");
}

#[test]
fn add_and_edit_a_person() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("2n");
    assert!(screen.contains("New person"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Enter a name."), "{screen}");
    let screen = h.step_and_draw("Eva Visser<Tab>eva@example<Enter>");
    assert!(
        screen.contains("This e-mail address is not valid."),
        "{screen}"
    );
    let screen = h.step_and_draw(".nl<Enter>");
    assert!(screen.contains("Person added."), "{screen}");
    let ws = h.app.workspace().unwrap();
    let id = ws.screens.people.selected().unwrap().clone();
    assert_eq!(
        ws.session.data.people[&id].email.as_deref(),
        Some("eva@example.nl")
    );
    let screen = h.step_and_draw("e<Tab><Tab><Tab>Visser Advies<Enter>");
    assert!(screen.contains("Visser Advies"), "{screen}");
    let ws = h.app.workspace().unwrap();
    assert_eq!(
        ws.session.data.people[&id].organisation.as_deref(),
        Some("Visser Advies")
    );
}

#[test]
fn trajectory_documents_and_completion_start_the_clock_at_once() {
    let (dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Start a trajectory for Carla from the People screen.
    h.step_and_draw("2/carla<Enter>");
    let screen = h.step_and_draw("t");
    assert!(
        screen.contains("Start a trajectory") && screen.contains("✓ Carla Smit"),
        "{screen}"
    );
    let screen = h.step_and_draw("Coaching Carla<Enter>");
    assert!(screen.contains("Trajectory started."), "{screen}");
    assert_eq!(h.app.workspace().unwrap().screen, Screen::Trajectories);
    // Attach a typed report, and a file as a document of its own.
    let screen = h.step_and_draw("a");
    assert!(screen.contains("Attach a document"), "{screen}");
    h.step_and_draw("<Tab><Tab>Intake Carla<Tab>Eerste gesprek<C-s>");
    let file = dir.path().join("uitslag.txt");
    std::fs::write(&file, "Uitslag: veerkracht hoog").unwrap();
    let keys = format!(
        "a<Right><Tab><Tab>Uitslag Carla<Tab><Tab>{}<Enter>",
        file.display()
    );
    let screen = h.step_and_draw(&keys);
    assert!(screen.contains("Document attached."), "{screen}");
    assert!(
        screen.contains("Intake Carla") && screen.contains("Uitslag Carla"),
        "{screen}"
    );
    assert!(screen.contains("questionnaire result"), "{screen}");
    // The file is the document's, kept whole, and a text file shows in kluis.
    let screen = h.step_and_draw("/uitslag<Enter>f");
    assert!(screen.contains("uitslag.txt"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Uitslag: veerkracht hoog"), "{screen}");
    h.step_and_draw("<Esc><Esc>");
    // Complete: the two-month clock shows at once.
    let screen = h.step_and_draw("c");
    assert!(
        screen.contains("Complete the trajectory") && screen.contains("2026-11-25"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("To be deleted on 2027-01-25 (61 d)"),
        "{screen}"
    );
    assert!(
        screen.matches("61 d").count() >= 3,
        "trajectory and both documents: {screen}"
    );
}

#[test]
fn team_report_with_generated_password_opens_only_with_it() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("4n");
    let screen = h.step_and_draw(
        "Gemeente Zeist<Tab>Team West<Tab>Advies Team West<Tab><Tab>Samenwerking verbeteren<C-s>",
    );
    assert!(screen.contains("This password is shown once"), "{screen}");
    let password = match h.app.workspace().unwrap().popups.last() {
        Some(Popup::Form(f)) => f
            .shown
            .as_ref()
            .unwrap()
            .lines()
            .map(str::trim)
            .find(|l| l.len() == 29 && l.matches('-').count() == 4)
            .unwrap()
            .to_string(),
        _ => panic!("no password shown"),
    };
    assert!(screen.contains(&password));
    // Neither Enter nor Esc alone puts it away, nor a wrong group.
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains(&password), "{screen}");
    let screen = h.step_and_draw("<Esc>");
    assert!(
        screen.contains(&password) && screen.contains("This password is shown once only"),
        "{screen}"
    );
    let first_group = password[..5].to_uppercase();
    let screen = h.step_and_draw(&format!("{first_group}<Enter>"));
    assert!(
        screen.contains("That is not the last group of the password."),
        "{screen}"
    );
    // Its last group typed back in capitals: put away.
    let last_group = password[24..].to_uppercase();
    let keys = "<BS>".repeat(5) + &last_group + "<Enter>";
    let screen = h.step_and_draw(&keys);
    assert!(screen.contains("Password typed back."), "{screen}");
    assert!(!screen.contains(&password), "shown once");
    let screen = h.step_and_draw("<Enter>not-the-password<Enter>");
    assert!(
        screen.contains("Wrong password: nothing is shown."),
        "{screen}"
    );
    assert!(!screen.contains("Samenwerking"), "{screen}");
    let screen = h.step_and_draw(&format!("{password}<Enter>"));
    assert!(screen.contains("Samenwerking verbeteren"), "{screen}");
}

#[test]
fn a_chosen_weak_password_needs_confirmation() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("4n");
    let keys = "Org<Tab>Team<Tab>Titel<Tab><Tab>Tekst<Tab><Tab><Right><Tab>welkom<Enter>";
    let screen = h.step_and_draw(keys);
    assert!(
        screen.contains("Weak password") && screen.contains("anyway?"),
        "{screen}"
    );
    let screen = h.step_and_draw("n");
    assert!(
        screen.contains("New team report"),
        "back in the form: {screen}"
    );
    let screen = h.step_and_draw("<Enter>y");
    assert!(screen.contains("Team report sealed and saved."), "{screen}");
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.session.data.team_reports.len(), 3);
    let screen = h.step_and_draw("/titel<Enter><Enter>welkom<Enter>");
    assert!(screen.contains("Tekst"), "{screen}");
}

#[test]
fn opening_an_existing_team_report_with_its_password() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw(&format!("4<Enter>{TEAM_PASSWORD}<Enter>"));
    assert!(
        screen.contains("Vertrouwen herstellen in Team Noord."),
        "{screen}"
    );
}

#[test]
fn bulk_deletion_removes_every_expired_record_in_one_change() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("9");
    assert!(screen.contains("6 expired, 0 marked"), "{screen}");
    let screen = h.step_and_draw("D");
    assert!(screen.contains("Mark records first"), "{screen}");
    let screen = h.step_and_draw("aD");
    assert!(screen.contains("Delete for good?"), "{screen}");
    assert!(
        screen.contains("individual report") && screen.contains("6  total"),
        "{screen}"
    );
    let screen = h.step_and_draw("y");
    assert!(
        screen.contains("Deleted") && screen.contains("6  total"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Esc>");
    assert!(screen.contains("Nothing to delete"), "{screen}");
    let s = &h.app.workspace().unwrap().session;
    assert!(purge::expired(s, &s.deadlines()).is_empty());
    drop(h);
    let reopened = open_session(&vault, NOW);
    assert!(purge::expired(&reopened, &reopened.deadlines()).is_empty());
    assert_eq!(reopened.data.people.len(), 2);
}

#[test]
fn space_marks_one_and_cancel_keeps_everything() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("9 ");
    assert!(
        screen.contains("6 expired, 1 marked") && screen.contains("[x]"),
        "{screen}"
    );
    h.step_and_draw("D<Esc>");
    let s = &h.app.workspace().unwrap().session;
    assert_eq!(purge::expired(s, &s.deadlines()).len(), 6);
}

#[test]
fn delete_key_removes_a_trajectory_with_its_documents() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("3/bram<Enter>d");
    assert!(
        screen.contains("Delete?") && screen.contains("2  total"),
        "{screen}"
    );
    h.step_and_draw("y<Esc>");
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.session.data.trajectories.len(), 2);
    assert!(
        !ws.session
            .data
            .documents
            .values()
            .any(|d| d.title == "Intake Bram")
    );
}

#[test]
fn help_is_built_from_the_key_table() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("?");
    for b in kluis::app::keymap::KEY_TABLE.iter().take(4) {
        assert!(screen.contains(b.help.get(Lang::En)), "{screen}");
    }
    let screen = h.step_and_draw("G");
    assert!(screen.contains("Unlocking"), "{screen}");
}

#[test]
fn too_small_and_resizing_are_safe() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("2G");
    h.resize(50, 10);
    let screen = h.draw();
    assert!(screen.contains("Terminal too small: 50×10"), "{screen}");
    h.resize(60, 15);
    let screen = h.step_and_draw("k");
    assert!(screen.contains("People"), "{screen}");
}

#[test]
fn no_color_draws_without_any_colour() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.app.settings.color = false;
    for keys in ["1", "2", "3<Enter>", "4", "9a", "D"] {
        let screen = h.step_and_draw(keys);
        let buf = h.terminal.backend().buffer();
        for cell in buf.content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "{screen}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "{screen}");
        }
    }
    assert!(h.draw().contains("overdue"));
}

#[test]
fn actions_drive_the_app_without_keys() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.act(Action::GoTo(Screen::ToDelete));
    h.act(Action::MarkAll);
    let ws = h.app.workspace().unwrap();
    let selection = ws.screens.to_delete.selection();
    assert_eq!(selection.len(), 6);
    assert!(selection.iter().any(|(k, _)| *k == Kind::TeamReport));
    h.app.apply_confirmed(Confirmed::Purge(selection));
    let screen = h.draw();
    assert!(screen.contains("Deleted"), "{screen}");
    h.act(Action::Quit);
    assert!(h.app.should_quit());
}

#[test]
fn unlocking_a_vault_with_a_damaged_record_says_so_and_shows_the_rest() {
    let (_dir, vault) = sample();
    {
        // Flip the last byte of one stored record, with the vault closed.
        let db = common::raw::raw_db(&vault);
        let (k, v) = db.scan_prefix(b"r/").next().unwrap().unwrap();
        let mut bad = v.to_vec();
        let last = bad.len() - 1;
        bad[last] ^= 0x40;
        db.insert(k, bad).unwrap();
        db.flush().unwrap();
    }
    let mut h = Harness::locked(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw(&format!("{PASS}<Enter>"));
    assert!(!h.app.is_locked());
    assert!(
        screen.contains("1 record could not be read and is left untouched"),
        "{screen}"
    );
    assert!(screen.contains("Expired now"), "{screen}");
}

#[test]
fn unlocking_a_vault_whose_database_lost_changes_says_so_first() {
    let (_dir, vault) = sample();
    // sled recovers a log damaged partway as if the rest had been a torn
    // write: the database opens as its older self, here just after `init`.
    std::fs::OpenOptions::new()
        .write(true)
        .open(vault.join("db").join("db"))
        .unwrap()
        .set_len(4096)
        .unwrap();
    let mut h = Harness::locked(&vault, Lang::Nl, 120, 30);
    let screen = h.step_and_draw(&format!("{PASS}<Enter>"));
    assert!(!h.app.is_locked());
    assert!(
        screen.contains("De kluisdatabase mist wijzigingen"),
        "{screen}"
    );
}

#[test]
fn unlocking_a_damaged_database_says_so_in_the_coachs_language() {
    let (_dir, vault) = sample();
    // A damaged snapshot of sled's page table: sled refuses the database.
    std::fs::write(
        vault.join("db").join("snap.00000000FFFFFFFF"),
        b"not a snapshot",
    )
    .unwrap();
    let mut h = Harness::locked(&vault, Lang::Nl, 120, 30);
    let screen = h.step_and_draw(&format!("{PASS}<Enter>"));
    assert!(h.app.is_locked());
    assert!(screen.contains("is beschadigd"), "{screen}");
    assert!(!screen.contains("damaged"), "{screen}");
}

/// The help on screen 8: the breach keys first (not three pages down), then
/// the keys that work everywhere; the keys of other screens stay out.
#[test]
fn help_shows_the_keys_of_the_screen_you_are_on_first() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("8?");
    let text = match h.app.workspace().unwrap().popups.last() {
        Some(Popup::Help(r)) => r.text.to_string(),
        other => panic!("no help popup: {other:?}"),
    };
    let titles: Vec<&str> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .collect();
    assert_eq!(titles.first(), Some(&"Breaches"), "{text}");
    assert!(titles.contains(&"Breach"), "the detail's keys too: {text}");
    let pos = |t: &str| titles.iter().position(|x| *x == t);
    assert!(pos("Breach") < pos("General"), "{text}");
    assert!(
        titles.contains(&"Anywhere") && titles.contains(&"General"),
        "{text}"
    );
    for other in ["People", "Quotes", "Complaints", "To delete"] {
        assert!(!titles.contains(&other), "{other} keys on screen 8: {text}");
    }
}
