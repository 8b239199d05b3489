//! No write may destroy a key that stored data may need (DESIGN.md §7).
//! Each test damages one stored value through the `Store` trait while the
//! vault is closed, then tries an ordinary change: it is
//! refused with a sentence that points to `kluis check`, nothing is written,
//! and once the damaged value is put right every record reads again.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod raw;
    pub mod vault;
}

use common::raw::{store_get, store_put};
use common::vault::{FAST, NOW, PASS, serial};
use kluis::domain::{Id, Kind};
use kluis::vault::{Bucket, Change, KEYRING_FILE, Put, Vault, VaultError, event};
use std::fs;
use std::path::Path;
use zeroize::Zeroizing;

/// March 2027, the deletion month of every record here.
const MARCH_2027: Bucket = 2027 * 12 + 2 + 1;
/// Three ids in one key-block shard (their first hex digit), one in another.
const SAME_SHARD: [&str; 3] = ["a000000000000001", "a000000000000002", "a000000000000003"];
const OTHER_SHARD: &str = "b000000000000001";

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn text(id: &str) -> Vec<u8> {
    format!("verslag {id}").into_bytes()
}

fn put(ids: &[&str]) -> Change<'static> {
    Change {
        puts: ids
            .iter()
            .map(|s| Put {
                kind: Kind::IndividualReport,
                id: id(s),
                plaintext: Zeroizing::new(text(s)).into(),
                bucket: MARCH_2027,
            })
            .collect(),
        deletes: Vec::new(),
        audit: event(NOW, "test"),
    }
}

fn delete(s: &str) -> Change<'static> {
    Change {
        puts: Vec::new(),
        deletes: vec![(Kind::IndividualReport, id(s))],
        audit: event(NOW, "test"),
    }
}

/// A vault at `dir` holding `ids`, all due in March 2027, closed.
fn vault_with(dir: &Path, ids: &[&str]) {
    let mut v = Vault::create(dir, PASS.as_bytes(), FAST, NOW).unwrap();
    v.apply(put(ids)).unwrap();
}

fn open(dir: &Path) -> Vault {
    Vault::open(dir, PASS.as_bytes()).unwrap()
}

fn stored(dir: &Path, key: &[u8]) -> Vec<u8> {
    store_get(dir, key).unwrap()
}

fn store_value(dir: &Path, key: &[u8], value: &[u8]) {
    store_put(dir, key, Some(value));
}

/// Changes one byte of a stored value; returns the value as it was.
fn damage(dir: &Path, key: &[u8], at: usize) -> Vec<u8> {
    let before = stored(dir, key);
    let mut bad = before.clone();
    bad[at] ^= 0x5a;
    store_value(dir, key, &bad);
    before
}

fn marker_key(bucket: Bucket) -> Vec<u8> {
    format!("g/{bucket:08x}").into_bytes()
}

fn block_key(bucket: Bucket, shard: char) -> Vec<u8> {
    format!("k/{bucket:08x}/{shard}").into_bytes()
}

fn assert_refused(result: Result<(), VaultError>) {
    let e = result.expect_err("the change must be refused");
    let message = e.to_string();
    assert!(message.contains("nothing was changed"), "{message}");
    assert!(message.contains("`kluis check`"), "{message}");
}

/// Every record of `ids` reads back as it was written.
fn assert_readable(dir: &Path, ids: &[&str]) {
    let v = open(dir);
    for s in ids {
        let plain = v.get(Kind::IndividualReport, &id(s));
        assert_eq!(
            plain
                .map(|p| p.map(|p| p.to_vec()))
                .map_err(|e| e.to_string()),
            Ok(Some(text(s))),
            "{s}"
        );
    }
}

/// Finding H: a damaged marker made the bucket look new, and the next import
/// into it replaced its generation-0 key: both records lost for good.
#[test]
fn a_change_into_a_bucket_with_an_unreadable_marker_is_refused() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault_with(&dir, &SAME_SHARD[..2]);
    let marker = damage(&dir, &marker_key(MARCH_2027), 0);

    let mut v = open(&dir);
    assert_refused(v.apply(put(&SAME_SHARD[2..])));
    assert!(matches!(
        v.get(Kind::IndividualReport, &id(SAME_SHARD[2])),
        Ok(None)
    ));
    drop(v);

    store_value(&dir, &marker_key(MARCH_2027), &marker);
    assert_readable(&dir, &SAME_SHARD[..2]);
}

/// Finding H by another road: a keyring from before the bucket existed.
#[test]
fn an_older_keyring_cannot_make_a_change_replace_a_bucket_key() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    drop(Vault::create(&dir, PASS.as_bytes(), FAST, NOW).unwrap());
    let older = fs::read(dir.join(KEYRING_FILE)).unwrap();
    open(&dir).apply(put(&SAME_SHARD[..2])).unwrap();
    let current = fs::read(dir.join(KEYRING_FILE)).unwrap();
    fs::write(dir.join(KEYRING_FILE), &older).unwrap();

    let mut v = open(&dir);
    assert_refused(v.apply(put(&SAME_SHARD[2..])));
    drop(v);

    fs::write(dir.join(KEYRING_FILE), &current).unwrap();
    assert_readable(&dir, &SAME_SHARD[..2]);
}

/// Finding M1: a key block with a damaged header was read as an empty block
/// and replaced by one holding only the new record's key.
#[test]
fn a_change_into_a_damaged_key_block_is_refused_and_the_block_kept() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault_with(&dir, &SAME_SHARD[..2]);
    let block = block_key(MARCH_2027, 'a');
    let good = damage(&dir, &block, 0);
    let damaged = stored(&dir, &block);

    let mut v = open(&dir);
    assert_refused(v.apply(put(&SAME_SHARD[2..])));
    assert_refused(v.apply(delete(SAME_SHARD[0])));
    drop(v);
    assert_eq!(stored(&dir, &block), damaged, "the damaged block is kept");

    store_value(&dir, &block, &good);
    assert_readable(&dir, &SAME_SHARD[..2]);
}

/// Finding M1 in a bucket that is re-keyed: deleting a record re-wraps every
/// block of its bucket, and a damaged one in another shard was dropped.
#[test]
fn a_re_key_is_refused_while_another_block_of_the_bucket_is_damaged() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault_with(&dir, &[SAME_SHARD[0], SAME_SHARD[1], OTHER_SHARD]);
    let block = block_key(MARCH_2027, 'b');
    let good = damage(&dir, &block, 2);

    let mut v = open(&dir);
    assert_refused(v.apply(delete(SAME_SHARD[0])));
    drop(v);

    store_value(&dir, &block, &good);
    assert_readable(&dir, &[SAME_SHARD[0], SAME_SHARD[1], OTHER_SHARD]);
}

/// Finding M2: a damaged audit head was read as empty; the next change wrote
/// audit entry 1 again, over the first one.
#[test]
fn a_vault_with_a_damaged_audit_head_opens_for_reading_only() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault_with(&dir, &SAME_SHARD[..1]);
    open(&dir).apply(put(&SAME_SHARD[1..2])).unwrap();
    let entries = open(&dir).audit_entries().unwrap();
    assert_eq!(entries.len(), 3);
    damage(&dir, b"m/audit_head", 40);

    let mut v = open(&dir);
    assert_refused(v.apply(put(&SAME_SHARD[2..])));
    assert_eq!(v.audit_entries().unwrap(), entries);
    drop(v);
    assert_readable(&dir, &SAME_SHARD[..2]);
}

/// Finding M2 for the chain: a change built on a changed entry is refused.
#[test]
fn a_vault_with_a_changed_audit_entry_opens_for_reading_only() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault_with(&dir, &SAME_SHARD[..1]);
    let entry = format!("a/{:016x}", 1).into_bytes();
    let good = damage(&dir, &entry, 40);

    let mut v = open(&dir);
    assert_refused(v.apply(put(&SAME_SHARD[1..2])));
    drop(v);

    store_value(&dir, &entry, &good);
    open(&dir).apply(put(&SAME_SHARD[1..2])).unwrap();
    assert_readable(&dir, &SAME_SHARD[..2]);
}

/// Both front ends show the opening notices: a vault with a damaged audit
/// head says on open that it is for reading only, in Dutch and English.
#[test]
fn a_vault_with_a_damaged_audit_head_says_so_on_open() {
    use kluis::i18n::Lang;
    use kluis::ops::{Clock, Session};
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault_with(&dir, &SAME_SHARD[..1]);
    let clock = Clock::parse(NOW).unwrap();
    let whole = Session::load(open(&dir), clock).unwrap();
    assert!(
        !whole
            .opening_notices(Lang::En)
            .iter()
            .any(|n| n.contains("audit"))
    );
    drop(whole);
    damage(&dir, b"m/audit_head", 40);

    let s = Session::load(open(&dir), clock).unwrap();
    let en = s.opening_notices(Lang::En);
    let nl = s.opening_notices(Lang::Nl);
    assert!(
        en[0].contains("audit log is damaged") && en[0].contains("reading only"),
        "{en:?}"
    );
    assert!(
        nl[0].contains("auditlogboek") && nl[0].contains("alleen te lezen"),
        "{nl:?}"
    );
}
