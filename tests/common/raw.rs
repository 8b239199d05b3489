//! The vault's sled database opened directly (the vault closed), to read,
//! damage or replace stored values the way a fault or an attacker would.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kluis::domain::{Id, Kind};
use std::path::Path;

/// Opens the vault's sled database directly (the vault must be closed).
/// Like the vault itself, it waits a moment for sled's lock file, which a
/// just-closed handle's background threads may still hold.
pub fn raw_db(vault: &Path) -> sled::Db {
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::open(vault.join("db")) {
            Ok(db) => return db,
            Err(e) if std::time::Instant::now() < give_up => {
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => panic!("cannot open the database directly: {e}"),
        }
    }
}

pub fn record_key(kind: Kind, id: &Id) -> Vec<u8> {
    kluis::vault::record_key(kind, id)
}

/// Flips one bit of the stored value under `key` (the vault must be closed)
/// and returns the original value.
pub fn flip_byte(vault: &Path, key: &[u8], at: usize) -> Vec<u8> {
    edit_raw(vault, key, |v| v[at] ^= 0x01)
}

pub fn put_raw(vault: &Path, key: &[u8], value: &[u8]) {
    let db = raw_db(vault);
    db.insert(key, value).unwrap();
    db.flush().unwrap();
}

/// The key of the block (`vault::key_block`) that holds a record's wrapped
/// data key.
pub fn key_block_of(db: &sled::Db, kind: Kind, id: &Id) -> Vec<u8> {
    db.scan_prefix(b"k/")
        .map(|r| r.unwrap())
        .find(|(_, v)| kluis::vault::key_block::holds(v, kind, id))
        .unwrap_or_else(|| panic!("no data key for {kind}/{id}"))
        .0
        .to_vec()
}

/// Changes a key block's entries with `f` (the vault must be closed), as
/// someone without the keys would: the block keeps its old MAC, which no
/// longer matches. Returns the original value.
pub fn edit_key_block(
    vault: &Path,
    block: &[u8],
    f: impl FnOnce(&mut kluis::vault::key_block::Block),
) -> Vec<u8> {
    use kluis::vault::key_block;
    edit_raw(vault, block, |v| {
        let mut b = key_block::Block::decode(v).unwrap();
        let l = key_block::layout(v).unwrap();
        let (bucket, shard) = key_block::parse_block_key(block).unwrap();
        let mac = l.mac.unwrap().to_vec();
        f(&mut b);
        let wrong = kluis::vault::crypto::SecretKey::from_bytes([0; 32]);
        let mut edited = b.encode(bucket, shard, l.written.unwrap(), &wrong);
        let at = edited.len() - key_block::MAC_LEN;
        edited[at..].copy_from_slice(&mac);
        *v = edited;
    })
}

/// The name `check` gives the key block stored under `block`.
pub fn block_problem(block: &[u8]) -> (String, String) {
    let (bucket, shard) = kluis::vault::key_block::parse_block_key(block).unwrap();
    (
        "key block".to_string(),
        kluis::vault::key_block::block_name(bucket, shard),
    )
}

/// The bucket a stored record says it is in.
pub fn stored_bucket(db: &sled::Db, kind: Kind, id: &Id) -> u32 {
    let v = db
        .get(record_key(kind, id))
        .unwrap()
        .expect("record present");
    kluis::vault::record_value::decode_record(&v).unwrap().0
}

/// Changes the stored value under `key` with `f` (the vault must be closed)
/// and returns the original value.
pub fn edit_raw(vault: &Path, key: &[u8], f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let db = raw_db(vault);
    let original = db.get(key).unwrap().expect("key present").to_vec();
    let mut v = original.clone();
    f(&mut v);
    db.insert(key, v).unwrap();
    db.flush().unwrap();
    original
}

/// Reads a stored value of the closed vault through the `Store` trait.
pub fn store_get(vault: &Path, key: &[u8]) -> Option<Vec<u8>> {
    use kluis::vault::store::{SledStore, Store};
    let store = SledStore::open(&vault.join(kluis::vault::DB_DIR)).unwrap();
    store.get(key).unwrap().map(|v| v.to_vec())
}

/// Writes (or with `None` removes) a stored value of the closed vault
/// through the `Store` trait.
pub fn store_put(vault: &Path, key: &[u8], value: Option<&[u8]>) {
    use kluis::vault::store::{SledStore, Store};
    let mut store = SledStore::open(&vault.join(kluis::vault::DB_DIR)).unwrap();
    store
        .apply(vec![(key.to_vec(), value.map(<[u8]>::to_vec))])
        .unwrap();
}
