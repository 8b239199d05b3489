//! A panic inside sled is a damaged database (DESIGN.md §7, §8): some
//! log contents that pass sled's checksums make sled 0.34.7 panic while it
//! reads. The program reports one sentence about a damaged database (exit 3
//! for `check`, 1 for every other command), never "internal error", and
//! never sled's own panic message.
//!
//! sled writes a tree node larger than an eighth of a segment to a file of
//! its own, `db/blobs/<lsn>`: `crc32 (LE) | message kind u8 | node`, the CRC
//! over kind and node. Giving it a kind that may not be read back (1,
//! "canceled") with a correct CRC makes sled panic on the first read of that
//! node ("unexpected pull").

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::cli::{assert_clean_error, kluis, run};
use common::files::wait_until_released;
use common::vault::{FAST, NOW, PASS, serial};
use kluis::domain::{Id, Kind};
use kluis::vault::{Change, DB_DIR, Put, Vault, VaultError, event};
use std::fs;
use std::path::Path;
use zeroize::Zeroizing;

/// CRC-32 (IEEE), as sled checks its blob files.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A vault whose one tree node is large enough to be a blob file: one
/// record of 300 KiB.
fn vault_with_a_blob(dir: &Path) {
    let mut v = Vault::create(dir, PASS.as_bytes(), FAST, NOW).unwrap();
    v.apply(Change {
        puts: vec![Put {
            kind: Kind::IndividualReport,
            id: Id::generate(),
            plaintext: Zeroizing::new(vec![b'x'; 300 * 1024]).into(),
            bucket: 0,
        }],
        deletes: Vec::new(),
        audit: event(NOW, "test"),
    })
    .unwrap();
}

/// Gives every blob file the kind "canceled", with a correct CRC.
fn make_blobs_unreadable(dir: &Path) {
    let blobs = dir.join(DB_DIR).join("blobs");
    let mut changed = 0;
    for entry in fs::read_dir(&blobs).unwrap() {
        let path = entry.unwrap().path();
        let mut bytes = fs::read(&path).unwrap();
        bytes[4] = 1;
        let crc = crc32(&bytes[4..]);
        bytes[..4].copy_from_slice(&crc.to_le_bytes());
        fs::write(&path, bytes).unwrap();
        changed += 1;
    }
    assert!(changed > 0, "sled wrote no blob file");
}

#[test]
fn a_panic_inside_sled_is_reported_as_a_damaged_database() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    vault_with_a_blob(&dir);
    wait_until_released(&dir);
    make_blobs_unreadable(&dir);

    // In the library: an error, not a panic.
    match Vault::open(&dir, PASS.as_bytes()).map(|v| v.for_each(|_, _, _| ()).map(drop)) {
        Err(VaultError::DatabaseDamaged(_)) | Ok(Err(VaultError::DatabaseDamaged(_))) => {}
        Err(e) => panic!("another error: {e}"),
        Ok(r) => panic!("the damage went unnoticed: {r:?}"),
    }
    wait_until_released(&dir);

    // On the command line: exit 3 for `check`, 1 for the others, and one
    // sentence without sled's panic message.
    for (args, code) in [(&["check"][..], 3), (&["status"][..], 1)] {
        let r = run(kluis(&dir).args(args));
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        assert_clean_error(&r, &["damaged", "backup"]);
        assert!(!r.stderr.contains("unexpected pull"), "{}", r.stderr);
        wait_until_released(&dir);
    }
}
