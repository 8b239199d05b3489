//! A backup from the Overview while the vault is open (DESIGN.md §13.4):
//! `b`, a file name, Enter; the Overview then shows the last backup and
//! its destroy-by date, and the file restores.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::i18n::Lang;
use kluis::ops::backup::restore::restore;

#[test]
fn b_on_the_overview_writes_a_backup_and_the_overview_shows_its_destroy_by_date() {
    let (dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 140, 40);
    let screen = h.step_and_draw("1");
    assert!(screen.contains("No backup made yet."), "{screen}");
    let out = dir.path().join("kluis.backup");
    let screen = h.step_and_draw("b");
    assert!(screen.contains("Make a backup of the vault"), "{screen}");
    let screen = h.step_and_draw(&format!("{}<Enter>", out.display()));
    assert!(screen.contains("Backup written to"), "{screen}");
    assert!(
        screen.contains("Last backup: 2026-11-25 · destroy by 2027-02-25"),
        "{screen}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    drop(h);
    let mut nl = Harness::open(&vault, Lang::Nl, 140, 40);
    // In Dutch the dates are written day first, as everywhere (§13.5).
    let screen = nl.step_and_draw("");
    assert!(
        screen.contains("Laatste back-up: 25-11-2026 · vernietigen uiterlijk 25-02-2027"),
        "{screen}"
    );
    let target = dir.path().join("restored");
    let done = restore(&out, &target, PASS.as_bytes(), clock(NOW)).unwrap();
    assert!(done.restored.values().sum::<usize>() > 0);
    assert!(target.join("keyring").is_file());
}
