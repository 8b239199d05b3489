//! Vaults with files in them (DESIGN.md §13.1): a person in a trajectory to
//! hang documents on, files of distinctive markers, and where a vault keeps
//! its files' bytes.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::vault::{NOW, new_session};
use kluis::domain::{Id, TrajectoryKind};
use kluis::ops::Session;
use kluis::ops::edit::{self, PersonInput, TrajectoryInput};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Plaintext bytes per stored chunk.
pub const CHUNK: usize = kluis::vault::file_store::CHUNK_LEN;
/// Stored bytes per full chunk of a document's file (its tag added).
pub const SEALED_CHUNK: usize = CHUNK + 16;

/// A new vault at `dir` with one person in one trajectory (open, so its
/// documents have no deadline yet); the session and their ids.
pub fn vault_with_trajectory(dir: &Path, completed_on: Option<&str>) -> (Session, Id, Id) {
    let mut s = new_session(dir, NOW);
    let person = edit::add_person(
        &mut s,
        &PersonInput {
            name: "Anna de Vries".into(),
            email: "anna@example.nl".into(),
            ..PersonInput::default()
        },
    )
    .unwrap();
    let trajectory = edit::start_trajectory(
        &mut s,
        &TrajectoryInput {
            kind: TrajectoryKind::Coaching,
            title: "Loopbaancoaching".into(),
            participants: vec![person.clone()],
            requester: None,
            started_on: Some(super::vault::d("2026-01-05")),
        },
    )
    .unwrap();
    if let Some(on) = completed_on {
        edit::complete_trajectory(&mut s, &trajectory, super::vault::d(on)).unwrap();
    }
    (s, trajectory, person)
}

/// The 16-byte marker number `i` (they repeat after 2^20): a file made of
/// these has no 16-byte run that occurs anywhere else.
pub fn marker(i: usize) -> [u8; 16] {
    let mut m = [0u8; 16];
    m.copy_from_slice(format!("#kluis-mark{:05x}", i % 0x10_0000).as_bytes());
    m
}

/// Writes a file of `len` bytes of markers at `path`.
pub fn marker_file(path: &Path, len: usize) -> Vec<u8> {
    let bytes: Vec<u8> = (0..len.div_ceil(16)).flat_map(marker).take(len).collect();
    fs::write(path, &bytes).unwrap();
    bytes
}

/// The files holding stored file bytes in the vault at `vault`.
pub fn stored_files(vault: &Path) -> Vec<PathBuf> {
    let dir = vault.join("db").join("files");
    let mut out: Vec<PathBuf> = match fs::read_dir(&dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

/// The ids of the files every record of `s` holds.
pub fn named_files(s: &Session) -> BTreeSet<Id> {
    s.data.file_ids().into_iter().collect()
}
