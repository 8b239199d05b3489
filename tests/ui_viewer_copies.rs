//! The decrypted copy for the viewer (DESIGN.md §13.1), with the real
//! binary in tmux and a stand-in viewer in `KLUIS_VIEWER`: the copy is
//! private (0600 in a 0700 folder under `XDG_RUNTIME_DIR/kluis`) and gone
//! when the coach says they are done, on a lock, on quitting, and, after
//! kluis was killed with SIGKILL while it was open, at the next start.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod sample;
    pub mod tmux;
    pub mod vault;
}

use common::tmux::{Tmux, tmux_here};
use common::{sample::*, vault::*};
use kluis::domain::Kind;
use kluis::ops::attachments::{self, Owner};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nrapport-van-anna-markering\n%%EOF\n";
const NAME: &str = "Eindrapport Anna.pdf";

/// The files under `folder` (lock files left out).
fn copies_under(folder: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(copies_under(&p));
        } else if p.file_name().is_some_and(|n| n != ".lock") {
            out.push(p);
        }
    }
    out
}

fn mode(p: &Path) -> u32 {
    p.metadata().unwrap().permissions().mode() & 0o777
}

/// Waits until `done` holds, for at most ten seconds.
fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(10), "{what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The path the stand-in viewer was given last (and forgets it).
fn viewed(seen: &Path) -> PathBuf {
    wait_until("the viewer was not started", || seen.exists());
    let path = PathBuf::from(std::fs::read_to_string(seen).unwrap());
    std::fs::remove_file(seen).unwrap();
    path
}

/// From a list screen: Anna's final report's files, its PDF opened; the
/// decrypted copy.
fn open_the_pdf(tmux: &Tmux, seen: &Path) -> PathBuf {
    tmux.keys(&["3"]);
    tmux.settled_on("Loopbaancoaching Anna");
    tmux.keys(&["/", "Loopbaancoaching", "Enter", "Enter"]);
    tmux.settled_on("Eindrapport");
    tmux.keys(&["/", "Eindrapport", "Enter", "f"]);
    tmux.wait_for(NAME);
    open_selected(tmux, seen)
}

/// The file selected in the files list opened; the decrypted copy.
fn open_selected(tmux: &Tmux, seen: &Path) -> PathBuf {
    tmux.keys(&["Enter"]);
    tmux.wait_for("A decrypted copy is at");
    viewed(seen)
}

#[test]
fn the_copy_goes_when_done_on_lock_on_quit_and_after_a_kill_at_the_next_start() {
    if !tmux_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = sample_vault(dir.path());
    let pdf = dir.path().join(NAME);
    std::fs::write(&pdf, PDF).unwrap();
    let mut s = open_session(&vault, NOW);
    let doc = id_by_label(&s.data, Kind::IndividualReport, "Eindrapport Anna");
    attachments::attach(&mut s, Owner::Document(&doc), &[pdf]).unwrap();
    drop(s);
    let password_file = dir.path().join("pass");
    std::fs::write(&password_file, format!("{PASS}\n")).unwrap();
    // The stand-in viewer writes the path it is given where the test reads it.
    let seen = dir.path().join("seen");
    let viewer = dir.path().join("viewer.sh");
    std::fs::write(
        &viewer,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{}.tmp' && mv '{0}.tmp' '{0}'\n",
            seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o700)).unwrap();
    let runtime = dir.path().join("run");
    std::fs::create_dir(&runtime).unwrap();
    std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    let copies = runtime.join("kluis");
    let mut kluis = Tmux::kluis(&vault, &password_file);
    kluis
        .env("KLUIS_VIEWER", &viewer)
        .env("XDG_RUNTIME_DIR", &runtime);
    // Each start on a server of its own: the last one ends with its kluis.
    let start = || {
        let tmux = Tmux::server();
        tmux.run_kluis(&kluis, 100, 30);
        tmux
    };
    let tmux = start();

    // Done: Enter on the notice.
    tmux.settled_on("Expired now");
    let copy = open_the_pdf(&tmux, &seen);
    assert!(copy.starts_with(&copies), "{}", copy.display());
    assert_eq!(std::fs::read(&copy).unwrap(), PDF);
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(&copies), 0o700);
    tmux.keys(&["Enter"]);
    tmux.wait_for("The decrypted copy was removed.");
    assert!(!copy.exists(), "done removes the copy");

    // Lock: Ctrl-l, then the passphrase again, back in the same place.
    let copy = open_selected(&tmux, &seen);
    tmux.keys(&["C-l"]);
    wait_until("the lock did not remove the copy", || !copy.exists());
    tmux.keys(&["-l", PASS]);
    tmux.keys(&["Enter"]);
    tmux.settled_on("Loopbaancoaching Anna");

    // Quit: Ctrl-c.
    let copy = open_the_pdf(&tmux, &seen);
    tmux.keys(&["C-c"]);
    tmux.wait_until_gone();
    assert!(!copy.exists(), "quitting removes the copy");
    assert!(copies_under(&copies).is_empty());

    // A kill: SIGKILL leaves the copy; the next start removes it.
    let tmux = start();
    tmux.settled_on("Expired now");
    let copy = open_the_pdf(&tmux, &seen);
    let pid = tmux.kluis_pid().to_string();
    assert_eq!(
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .unwrap()
            .trim(),
        "kluis",
        "the window's process is kluis"
    );
    assert!(
        Command::new("kill")
            .args(["-KILL", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_until_gone();
    assert!(copy.exists(), "a killed kluis cannot remove its copy");
    let tmux = start();
    tmux.wait_for("Expired now");
    wait_until("the next start did not remove the copy", || !copy.exists());
    assert!(copies_under(&copies).is_empty());
    tmux.quit();
}
