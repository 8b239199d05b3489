//! Replay (issue 13, finding M3): an older value of a stored item, put back
//! from the folder's own history, is reported by `check` (exit 3) and
//! refused for writes. Values are saved and put back through the `Store`
//! trait while the vault is closed.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod raw;
    pub mod vault;
}

use common::cli::{kluis, run};
use common::raw::{store_get, store_put};
use common::vault::{FAST, NOW, PASS, serial};
use kluis::domain::{Id, Kind};
use kluis::vault::{Bucket, Change, Problem, Put, Vault, event};
use std::path::Path;
use zeroize::Zeroizing;

const MARCH_2027: Bucket = 2027 * 12 + 2 + 1;
const FIRST: &str = "a000000000000001";
const SECOND: &str = "a000000000000002";
const THIRD: &str = "a000000000000003";

fn put(id: &str, text: &str) -> Change<'static> {
    Change {
        puts: vec![Put {
            kind: Kind::IndividualReport,
            id: Id::parse(id).unwrap(),
            plaintext: Zeroizing::new(text.as_bytes().to_vec()).into(),
            bucket: MARCH_2027,
        }],
        deletes: Vec::new(),
        audit: event(NOW, "test"),
    }
}

fn record(id: &str) -> Vec<u8> {
    format!("r/individual_report/{id}").into_bytes()
}

fn open(dir: &Path) -> Vault {
    Vault::open(dir, PASS.as_bytes()).unwrap()
}

/// The problems `check` finds; record contents here are not JSON, so only
/// the storage problems count.
fn problems(dir: &Path) -> Vec<Problem> {
    let v = open(dir);
    let report = v.check(|_, _| Ok(())).unwrap();
    report.problems
}

/// A vault with two reports of March 2027 in one key block.
fn vault(dir: &Path) {
    let mut v = Vault::create(dir, PASS.as_bytes(), FAST, NOW).unwrap();
    v.apply(put(FIRST, "eerste versie")).unwrap();
    v.apply(put(SECOND, "ander verslag")).unwrap();
}

fn block() -> Vec<u8> {
    format!("k/{MARCH_2027:08x}/a").into_bytes()
}

fn marker() -> Vec<u8> {
    format!("g/{MARCH_2027:08x}").into_bytes()
}

fn kinds(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.kind.as_str()).collect()
}

fn assert_refused(dir: &Path) {
    let e = open(dir)
        .apply(put(THIRD, "nieuw"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("`kluis check`"), "{e}");
}

/// The review's replay: an older version of a record together with the
/// key block that held its data key then passed `check` and was shown.
#[test]
fn an_older_record_with_its_older_key_block_is_reported_and_refused() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault(&dir);
    let old_record = store_get(&dir, &record(FIRST)).unwrap();
    let old_block = store_get(&dir, &block()).unwrap();
    open(&dir).apply(put(FIRST, "tweede versie")).unwrap();
    assert!(problems(&dir).is_empty());

    store_put(&dir, &record(FIRST), Some(&old_record));
    store_put(&dir, &block(), Some(&old_block));
    let found = problems(&dir);
    assert!(kinds(&found).contains(&"key block"), "{found:?}");
    let r = run(kluis(&dir).args(["check", "--json"]));
    assert_eq!(r.code, 3, "{}", r.stdout);
    assert!(r.stdout.contains("older copy"), "{}", r.stdout);
    assert_refused(&dir);
}

/// A bucket's older marker, put back after a later change into the bucket.
#[test]
fn an_older_marker_is_reported_and_refused() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault(&dir);
    let old_marker = store_get(&dir, &marker()).unwrap();
    open(&dir).apply(put(THIRD, "derde verslag")).unwrap();

    store_put(&dir, &marker(), Some(&old_marker));
    let found = problems(&dir);
    assert!(kinds(&found).contains(&"bucket"), "{found:?}");
    let e = open(&dir)
        .apply(put(FIRST, "nieuw"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("`kluis check`"), "{e}");
}

/// An older key block alone (its records unchanged since): the block that
/// a later change wrote is the one the marker names.
#[test]
fn an_older_key_block_alone_is_reported_and_refused() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault(&dir);
    let old_block = store_get(&dir, &block()).unwrap();
    open(&dir).apply(put(THIRD, "derde verslag")).unwrap();

    store_put(&dir, &block(), Some(&old_block));
    let found = problems(&dir);
    assert!(kinds(&found).contains(&"key block"), "{found:?}");
    assert_refused(&dir);
}

/// The audit chain's older head, with the entries after it removed: the
/// keyring knows the last change, so the vault is only read.
#[test]
fn an_older_audit_head_is_reported_and_the_vault_only_read() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault(&dir);
    let old_head = store_get(&dir, b"m/audit_head").unwrap();
    open(&dir).apply(put(THIRD, "derde verslag")).unwrap();

    store_put(&dir, b"m/audit_head", Some(&old_head));
    store_put(&dir, format!("a/{:016x}", 4).as_bytes(), None);
    let found = problems(&dir);
    assert!(kinds(&found).contains(&"vault"), "{found:?}");
    assert!(open(&dir).apply(put(FIRST, "nieuw")).is_err());
}
