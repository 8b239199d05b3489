//! End to end: the real binary in tmux, driven with keystrokes. Builds a
//! vault with expired records, deletes them all on the To-delete screen
//! (`9`, `a`, `D`, `y`), quits, and asks `kluis purge --expired --dry-run
//! --json` whether anything expired is left. Pastes a report of several
//! lines into a document's text with bracketed paste, and checks that the
//! whole text was stored and nothing else changed. Visits every screen and
//! detail view at 80×24 and checks that the footer keeps `?` and `q` and
//! that no date is cut. Without tmux the tests say so and pass, except
//! on CI (`CI` set), where `.ci/run` installs tmux and its absence fails.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fit;
    pub mod fixture;
    pub mod sample;
    pub mod tmux;
    pub mod vault;
}

use common::cli::{kluis_bin, shell_line};
use common::tmux::{Tmux, tmux_here};
use common::{sample::*, vault::*};
use std::path::Path;
use std::process::Output;

fn kluis(vault: &Path, password_file: &Path, args: &[&str]) -> Output {
    kluis_bin(&vault.with_extension("home"))
        .arg("--vault")
        .arg(vault)
        .arg("--password-file")
        .arg(password_file)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn bulk_deletion_in_the_real_terminal_leaves_nothing_expired() {
    if !tmux_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = sample_vault(dir.path());
    drop(open_session(&vault, NOW)); // sled has let go of the folder
    let password_file = dir.path().join("pass");
    std::fs::write(&password_file, format!("{PASS}\n")).unwrap();

    let before = kluis(
        &vault,
        &password_file,
        &["purge", "--expired", "--dry-run", "--json"],
    );
    let before: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(before["count"], 6, "{before}");

    let tmux = Tmux::start(&vault, &password_file, 100, 30);
    tmux.wait_for("Expired now");
    tmux.keys(&["9"]);
    tmux.wait_for("6 expired, 0 marked");
    tmux.keys(&["a"]);
    tmux.wait_for("6 expired, 6 marked");
    tmux.keys(&["D"]);
    let confirm = tmux.wait_for("Delete for good?");
    assert!(confirm.contains("6  total"), "{confirm}");
    tmux.keys(&["y"]);
    let receipt = tmux.wait_for("Deleted");
    assert!(receipt.contains("6  total"), "{receipt}");
    // "Nothing to delete" shows behind the receipt already: wait for the
    // receipt to close, or `q` arrives with the Esc and reads as Alt-q.
    tmux.keys(&["Escape"]);
    tmux.wait_without("Deleted");
    tmux.wait_for("Nothing to delete");
    tmux.quit();

    let after = kluis(
        &vault,
        &password_file,
        &["purge", "--expired", "--dry-run", "--json"],
    );
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
    let after: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(after["count"], 0, "{after}");
    assert_eq!(
        after["records"].as_array().map(Vec::len),
        Some(0),
        "{after}"
    );
}

#[test]
fn a_pasted_report_is_stored_whole_and_runs_no_key() {
    if !tmux_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = sample_vault(dir.path());
    let before = open_session(&vault, NOW).data; // sled lets go of the folder
    let password_file = dir.path().join("pass");
    std::fs::write(&password_file, format!("{PASS}\n")).unwrap();
    // Keys of the Trajectories screen on every line (attach, complete,
    // delete, yes, quit) and of the form (Tab, Enter).
    let report = "Gesprek 1: a goed begin.\n\tc en d besproken, y gezegd.\n\nq tot slot";

    let tmux = Tmux::start(&vault, &password_file, 100, 30);
    tmux.wait_for("Expired now");
    tmux.keys(&["3"]);
    tmux.wait_for("Trajectories");
    tmux.keys(&["a"]);
    tmux.wait_for("Attach a document");
    tmux.keys(&["Tab", "Tab", "Verslag", "Tab"]);
    tmux.wait_for("▸ Text");
    assert!(tmux.run(&["set-buffer", "--", report]).status.success());
    // -p: wrapped in the bracketed-paste markers the program asked for.
    assert!(
        tmux.run(&["paste-buffer", "-p", "-t", "kluis"])
            .status
            .success()
    );
    let screen = tmux.wait_for("q tot slot");
    assert!(screen.contains("Attach a document"), "{screen}");
    assert!(screen.contains("c en d besproken"), "{screen}");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Document attached.");
    tmux.quit();

    let mut after = open_session(&vault, NOW).data;
    let added: Vec<_> = after
        .documents
        .iter()
        .filter(|(id, _)| !before.documents.contains_key(*id))
        .map(|(id, d)| (id.clone(), d.clone()))
        .collect();
    assert_eq!(added.len(), 1, "one document added");
    let (id, doc) = &added[0];
    assert_eq!(doc.title, "Verslag");
    assert_eq!(doc.body, report, "the whole text, its line breaks as LF");
    after.documents.remove(id);
    assert!(after == before, "nothing else changed");
}

#[test]
fn a_weak_passphrase_typed_at_kluis_init_is_used_only_after_a_yes() {
    if !tmux_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    let tmux = Tmux::server();
    let mut kluis = kluis_bin(&vault.with_extension("home"));
    kluis.arg("--vault").arg(&vault).arg("init");
    let command = shell_line(&kluis);
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "kluis",
        "-x",
        "100",
        "-y",
        "30",
        &command,
    ]);
    assert!(started.status.success());
    tmux.wait_for("New passphrase:");
    tmux.keys(&["kort", "Enter"]);
    tmux.wait_for("Again:");
    tmux.keys(&["kort", "Enter"]);
    let screen = tmux.wait_for("Use it anyway? [y/N]");
    assert!(
        screen.contains("This passphrase is weak: about 13 bits."),
        "{screen}"
    );
    tmux.keys(&["n", "Enter"]);
    tmux.wait_until_gone();
    assert!(!kluis::vault::Vault::exists(&vault), "nothing was created");
}

#[test]
fn every_screen_at_80_by_24_keeps_help_and_quit_and_cuts_no_date() {
    if !tmux_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    drop(open_session(&vault, NOW)); // sled has let go of the folder
    let password_file = dir.path().join("pass");
    std::fs::write(&password_file, format!("{PASS}\n")).unwrap();
    // The keys of each visit and what shows when it has arrived; Esc goes
    // alone and is waited for (Esc and a key at once read as Alt-key).
    let visits: [(&str, &str); 18] = [
        ("1", "Expired now"),
        ("2", "People · "),
        ("Enter", "Created "),
        ("Escape", "Roles"),
        ("3", "Trajectories · "),
        ("Enter", "Started on"),
        ("Escape", "Docs"),
        ("4", "Team reports · "),
        ("5", "▸ Contact requests"),
        ("Right", "▸ Quotes"),
        ("6", "Mailing list · "),
        ("7", "▸ Subject requests"),
        ("Right", "▸ Complaints"),
        ("8", "Breaches · "),
        ("Enter", "AP deadline"),
        ("G", "▸ [ ] Closed"),
        ("Escape", "Breaches · 1 "),
        ("9", "To delete · "),
    ];
    let tmux = Tmux::start(&vault, &password_file, 80, 24);
    tmux.wait_for("Expired now");
    for (key, arrived) in visits {
        tmux.keys(&[key]);
        let screen = tmux.settled_on(arrived);
        assert!(
            common::fit::footer_keeps_help_and_quit(&screen, kluis::i18n::Lang::En),
            "after {key:?}: {:?}\n{screen}",
            common::fit::footer(&screen)
        );
        let cut = common::fit::cut_dates(&screen);
        assert!(cut.is_empty(), "after {key:?}: {cut:?}\n{screen}");
    }
    tmux.quit();
}

#[test]
fn the_demo_unlocks_again_after_a_lock() {
    if !tmux_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut demo = kluis_bin(&dir.path().join("home"));
    // The demo makes its vault in a folder of its own under the temp dir,
    // not in the default vault folder.
    demo.env("NO_COLOR", "1")
        .env("TMPDIR", dir.path())
        .env("KLUIS_NOW", NOW)
        .args(["--lang", "en", "demo"]);
    let tmux = Tmux::server();
    tmux.run_kluis(&demo, 100, 30);
    let shown = tmux.wait_for("Passphrase");
    let passphrase = shown
        .lines()
        .find_map(|l| l.split("Passphrase").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string();
    assert_eq!(passphrase.len(), 29, "{shown}");
    tmux.keys(&["Escape"]);
    tmux.wait_without("Passphrase");
    tmux.keys(&["C-l"]);
    tmux.wait_for("Locked");
    tmux.keys(&["-l", &passphrase]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Expired now");
    assert!(!screen.contains("no vault"), "{screen}");
    tmux.quit();
}
