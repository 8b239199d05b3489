//! In-process vaults on the fixed clock: the passphrases, the fast KDF, and
//! sessions made, opened and filled as the binary would.
//!
//! The files of `tests/common` are the shared test helpers, one purpose a
//! file. A test includes the files it uses, and those they build on, as
//! `pub mod common { pub mod vault; … }`. Being `pub`, the helpers are the
//! test crate's interface, so rustc does not call the ones this test leaves
//! to other tests dead code; no `allow(dead_code)` is needed.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use kluis::domain::{Dataset, Id, Kind};
use kluis::ops::{Clock, Session};
use kluis::vault::{KdfParams, Vault};
use std::collections::BTreeMap;
use std::path::Path;

pub const PASS: &str = "correct horse battery staple";
pub const WRONG: &str = "correct horse battery stapler";
/// The moment of the fixture's expectations (DESIGN.md §8 example).
pub const NOW: &str = "2026-11-25T09:00:00+01:00";

/// A fast KDF for vaults made in-process; the binary reads the parameters
/// from the keyring header, so it opens these quickly too.
pub const FAST: KdfParams = KdfParams::FOR_TESTS;

/// Runs the tests of one file one at a time. A test process that spawns
/// children while another thread closes a vault can hand the vault's locks
/// (flock on `db/`, sled's lock on `db/db`) to a child between its fork and
/// its exec, so a reopen right after a close would see the vault in use.
/// Every test that opens vaults in-process and runs the binary takes this.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn clock(now: &str) -> Clock {
    Clock::parse(now).unwrap()
}

/// A calendar date written `2026-11-25`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Creates an empty vault at `dir` (in-process, fast KDF) and closes it.
pub fn new_vault(dir: &Path) {
    let v = Vault::create(dir, PASS.as_bytes(), FAST, NOW).unwrap();
    drop(v);
}

/// A new, empty vault at `dir`, open in a session on the clock `now`.
pub fn new_session(dir: &Path, now: &str) -> Session {
    let vault = Vault::create(dir, PASS.as_bytes(), FAST, &clock(now).stamp()).unwrap();
    Session::load(vault, clock(now)).unwrap()
}

/// Opens the vault at `dir` on the clock `now`. sled releases its file lock
/// from a background thread shortly after the previous handle is dropped,
/// so this retries for up to five seconds.
pub fn open_session(dir: &Path, now: &str) -> Session {
    let mut tries = 0;
    loop {
        match Vault::open(dir, PASS.as_bytes()) {
            Ok(v) => return Session::load(v, clock(now)).unwrap(),
            Err(e) if tries < 250 => {
                let _ = e;
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("{e}"),
        }
    }
}

/// Waits until no handle holds the vault at `dir` (sled lets go from a
/// background thread shortly after a close), for up to five seconds: for a
/// test that opens it through the UI, which says "in use" at once.
pub fn wait_until_free(dir: &Path) {
    for _ in 0..250 {
        let db = std::fs::File::open(dir.join("db")).unwrap();
        if db.try_lock().is_ok() {
            return; // dropping `db` lets go of the lock again
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the vault at {} stays in use", dir.display());
}

/// Imports `json` into an open session, as `kluis import` does.
pub fn import_into(s: &mut Session, json: &str) {
    let file = kluis::ops::import::parse(json).unwrap();
    let plan = kluis::ops::import::plan(s, &file).unwrap();
    kluis::ops::import::apply(s, plan).unwrap();
}

/// Imports `json` into the vault at `dir` in-process, as `kluis import` does.
pub fn import_in_process(dir: &Path, json: &str, now: &str) {
    import_into(&mut open_session(dir, now), json);
}

/// Every expired record, as `kluis purge --expired` selects them
/// (`ops::purge::expired` on the session's deadlines).
pub fn expired_selection(s: &Session) -> Vec<(Kind, Id)> {
    kluis::ops::purge::expired(s, &s.deadlines())
        .into_iter()
        .map(|e| (e.kind, e.id))
        .collect()
}

/// Number of records in the vault, by kind, read in-process.
pub fn counts(dir: &Path) -> BTreeMap<Kind, usize> {
    open_session(dir, NOW).data.counts()
}

pub fn total(dir: &Path) -> usize {
    counts(dir).values().sum()
}

/// The id of the record of `kind` whose label is `label`.
pub fn id_by_label(ds: &Dataset, kind: Kind, label: &str) -> Id {
    ds.keys()
        .into_iter()
        .find(|(k, id)| *k == kind && ds.label(*k, id) == label)
        .unwrap_or_else(|| panic!("no {kind} labelled {label:?}"))
        .1
}
