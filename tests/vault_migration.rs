//! Vaults of earlier formats. One written before key blocks had 16 shards
//! (256 shards per bucket, named by the id's first byte) opens with every
//! record intact, is brought to the current layout in one step, and keeps
//! reporting damage it had. One written before key blocks and markers
//! carried MACs (`tests/fixtures/vault-2026-11`, the practice fixture
//! imported by kluis of 2026-11) opens whole and gets them on its first
//! change, after which an older copy of a block is noticed.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod files;
    pub mod fixture;
    pub mod raw;
    pub mod vault;
}

use common::{files::copy_dir, fixture::*, raw::*, vault::*};
use kluis::domain::AnyRecord;
use kluis::vault::key_block::{self, ENTRY_LEN, HEADER_LEN};
use kluis::vault::{Change, CheckReport, Vault, event};
use std::collections::BTreeMap;
use std::path::Path;

/// Rewrites the vault's key blocks the way kluis stored them before: one
/// block per bucket and first id byte, named with two hex digits. Returns
/// how many blocks that made.
fn to_earlier_layout(vault: &Path) -> usize {
    let db = raw_db(vault);
    let mut earlier: BTreeMap<Vec<u8>, Vec<u8>> = BTreeMap::new();
    let current: Vec<(sled::IVec, sled::IVec)> =
        db.scan_prefix(b"k/").map(|r| r.unwrap()).collect();
    assert!(!current.is_empty(), "the vault has key blocks");
    for (k, v) in &current {
        let (bucket, _) = key_block::parse_block_key(k).expect("a current block name");
        for entry in v[HEADER_LEN..].chunks_exact(ENTRY_LEN) {
            let name = format!("k/{bucket:08x}/{:02x}", entry[1]).into_bytes();
            earlier
                .entry(name)
                .or_insert_with(|| v[..HEADER_LEN].to_vec())
                .extend_from_slice(entry);
        }
        db.remove(k).unwrap();
    }
    let made = earlier.len();
    for (k, v) in earlier {
        db.insert(k, v).unwrap();
    }
    db.flush().unwrap();
    made
}

fn block_names(vault: &Path) -> Vec<String> {
    raw_db(vault)
        .scan_prefix(b"k/")
        .map(|r| String::from_utf8(r.unwrap().0.to_vec()).unwrap())
        .collect()
}

/// A copy of the vault of 2026-11 (no MACs on blocks and markers) at `dir`.
fn vault_of_2026_11(dir: &Path) {
    copy_dir(&fixture("vault-2026-11"), dir);
    // git keeps no empty folder; sled wants its own.
    std::fs::create_dir_all(dir.join("db/blobs")).unwrap();
}

fn check(v: &Vault) -> CheckReport {
    v.check(AnyRecord::validate).unwrap()
}

#[test]
fn a_vault_of_the_earlier_layout_opens_whole_and_is_regrouped_once() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    vault_of_2026_11(&vault);
    let before = open_session(&vault, NOW).data;
    assert!(before.len() >= 20, "only {} records", before.len());
    let current_blocks = block_names(&vault).len();
    let earlier_blocks = to_earlier_layout(&vault);
    assert!(earlier_blocks >= current_blocks);
    assert!(
        block_names(&vault)
            .iter()
            .all(|n| key_block::parse_earlier_block_key(n.as_bytes()).is_some())
    );

    // Every record opens as it was, and `check` finds nothing wrong.
    let v = Vault::open(&vault, PASS.as_bytes()).unwrap();
    let report = check(&v);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.records_checked, before.len());
    let s = kluis::ops::Session::load(v, clock(NOW)).unwrap();
    assert_eq!(s.data, before);
    assert!(s.unreadable.is_empty());
    drop(s);

    // Only current block names are left, and as many as before.
    let names = block_names(&vault);
    assert!(
        names
            .iter()
            .all(|n| key_block::parse_block_key(n.as_bytes()).is_some()),
        "{names:?}"
    );
    assert_eq!(names.len(), current_blocks);

    // Deleting works on the regrouped blocks: the record and its data key go.
    let (kind, id) = before.keys()[0].clone();
    let mut v = Vault::open(&vault, PASS.as_bytes()).unwrap();
    v.apply(Change {
        puts: Vec::new(),
        deletes: vec![(kind, id.clone())],
        audit: event(NOW, "test"),
    })
    .unwrap();
    let report = check(&v);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.records_checked, before.len() - 1);
    assert_eq!(v.get(kind, &id).unwrap(), None);
    drop(v);
    let db = raw_db(&vault);
    assert!(
        !db.scan_prefix(b"k/")
            .any(|r| key_block::holds(&r.unwrap().1, kind, &id)),
        "the deleted record's data key is gone"
    );
}

#[test]
fn damage_in_an_earlier_layout_block_is_still_reported_after_regrouping() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    vault_of_2026_11(&vault);
    let before = open_session(&vault, NOW).data;
    to_earlier_layout(&vault);

    // Flip a byte in the sealed data key of the first entry of one block.
    let db = raw_db(&vault);
    let (block, value) = db.scan_prefix(b"k/").next().unwrap().unwrap();
    let entry = &value[HEADER_LEN..HEADER_LEN + ENTRY_LEN];
    let (kind_code, id) = key_block::entry_name(entry).unwrap();
    let (kind, id) = key_block::expand_name(&(kind_code, id)).unwrap();
    let mut bad = value.to_vec();
    bad[HEADER_LEN + ENTRY_LEN - 1] ^= 0x01;
    db.insert(&block, bad).unwrap();
    db.flush().unwrap();
    drop(db);

    let v = Vault::open(&vault, PASS.as_bytes()).unwrap();
    let report = check(&v);
    let named: Vec<(String, String)> = report
        .problems
        .iter()
        .map(|p| (p.kind.clone(), p.id.clone()))
        .collect();
    assert_eq!(named, vec![(kind.name().to_string(), id.to_string())]);
    let s = kluis::ops::Session::load(v, clock(NOW)).unwrap();
    for (k, i) in before.keys() {
        if (k, &i) != (kind, &id) {
            assert_eq!(s.data.get(k, &i), before.get(k, &i), "{k}/{i}");
        }
    }
    assert_eq!(s.data.get(kind, &id), None);
}

#[test]
fn a_vault_without_macs_gets_them_on_its_first_change_and_then_notices_replays() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    vault_of_2026_11(&vault);
    let before = open_session(&vault, NOW).data;
    let versions = |prefix: &[u8]| -> Vec<u8> {
        raw_db(&vault)
            .scan_prefix(prefix)
            .map(|r| r.unwrap().1[0])
            .collect()
    };
    assert!(versions(b"k/").iter().all(|v| *v == 1));
    assert!(versions(b"g/").iter().all(|v| *v == 1));
    let old_blocks: Vec<(sled::IVec, sled::IVec)> = raw_db(&vault)
        .scan_prefix(b"k/")
        .map(|r| r.unwrap())
        .collect();

    let mut v = Vault::open(&vault, PASS.as_bytes()).unwrap();
    assert!(check(&v).problems.is_empty());
    v.apply(Change {
        puts: Vec::new(),
        deletes: Vec::new(),
        audit: event(NOW, "test"),
    })
    .unwrap();
    assert!(check(&v).problems.is_empty(), "{:?}", check(&v).problems);
    drop(v);
    assert!(versions(b"k/").iter().all(|v| *v == 2));
    assert!(versions(b"g/").iter().all(|v| *v == 2));
    let s = open_session(&vault, NOW);
    assert_eq!(s.data, before);
    assert!(s.unreadable.is_empty());
    drop(s);

    // A block of before the change, put back, is an older copy now.
    let (key, value) = &old_blocks[0];
    put_raw(&vault, key, value);
    let v = Vault::open(&vault, PASS.as_bytes()).unwrap();
    let named: Vec<String> = check(&v).problems.iter().map(|p| p.kind.clone()).collect();
    assert!(named.contains(&"key block".to_string()), "{named:?}");
}
