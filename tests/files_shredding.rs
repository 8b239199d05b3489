//! Files are crypto-shredded with their record (DESIGN.md §7.4, §13.1):
//! after a purge, an erasure or a detach, a copy of the vault folder taken
//! before it, given the current keyring, yields none of the files that
//! went, also when the record had moved to another deadline month first; a
//! team report's file needs its password even in an unlocked vault, and is
//! gone with its record even for whoever knows the password.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod attached;
    pub mod files;
    pub mod vault;
}

use common::attached::*;
use common::files::copy_dir;
use common::vault::*;
use kluis::domain::attachment::FileKey;
use kluis::domain::{AnyRecord, DocumentKind, Id, Kind};
use kluis::ops::Session;
use kluis::ops::attachments::{self, NewDocument, Owner};
use kluis::ops::edit::{self, Body, PasswordChoice, TeamReportInput};
use kluis::vault::Vault;
use kluis::vault::file_store::Sealing;
use std::fs;
use std::path::Path;

/// A document of `trajectory` holding one marker file; its id and the file's.
fn document_with_file(s: &mut Session, dir: &Path, trajectory: &Id, person: &Id) -> (Id, Id) {
    let src = dir.join("eindrapport.pdf");
    marker_file(&src, 2 * CHUNK + 10);
    let doc = attachments::add_document(
        s,
        &NewDocument {
            trajectory: trajectory.clone(),
            participant: person.clone(),
            kind: DocumentKind::IndividualReport,
            title: "Eindrapport".into(),
            body: None,
            files: vec![src],
        },
    )
    .unwrap();
    let file = s.data.documents[&doc].files[0].id.clone();
    (doc, file)
}

/// Every file key that any record of `vault` still opens to, with the
/// number of layers its file is sealed in.
fn keys_left(vault: &Vault) -> Vec<(FileKey, usize)> {
    let mut keys = Vec::new();
    vault
        .for_each(|kind, _, r| {
            let Ok((plain, _)) = r else { return };
            match AnyRecord::decode(kind, &plain) {
                Ok(AnyRecord::Document(d)) => {
                    keys.extend(d.files.iter().map(|a| (a.key.clone(), 1)));
                }
                Ok(AnyRecord::TeamReport(t)) => {
                    keys.extend(t.files.iter().map(|a| (a.key.clone(), 2)));
                }
                _ => {}
            }
        })
        .unwrap();
    keys
}

/// Whether the stored file `file` in the vault at `dir` opens with any key
/// its records still hold, read with the keyring the folder has now.
fn file_opens(dir: &Path, file: &Id, size: u64) -> bool {
    let vault = Vault::open(dir, PASS.as_bytes()).unwrap();
    keys_left(&vault).iter().any(|(key, layers)| {
        let refs = [key];
        let sealing = Sealing {
            layers: *layers,
            keys: &refs,
        };
        vault
            .read_file(file, &sealing, size, &mut std::io::sink())
            .is_ok()
    })
}

/// The folder copied before a change, given the keyring after it.
fn old_copy_with_current_keyring(before: &Path, vault: &Path, into: &Path) {
    copy_dir(before, into);
    fs::copy(vault.join("keyring"), into.join("keyring")).unwrap();
}

const SIZE: u64 = 2 * CHUNK as u64 + 10;

#[test]
fn a_purged_or_erased_documents_file_is_gone_from_an_earlier_copy() {
    let _serial = serial();
    for how in ["purge", "erase", "detach"] {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("v");
        let (mut s, trajectory, person) = vault_with_trajectory(&vault, Some("2026-02-01"));
        let (doc, file) = document_with_file(&mut s, dir.path(), &trajectory, &person);
        drop(s);
        let before = dir.path().join("before");
        copy_dir(&vault, &before);
        assert!(
            file_opens(&before, &file, SIZE),
            "{how}: the copy opens it before"
        );

        let mut s = open_session(&vault, NOW);
        match how {
            "purge" => {
                let selection = expired_selection(&s);
                assert!(selection.contains(&(Kind::IndividualReport, doc.clone())));
                kluis::ops::purge::purge(&mut s, &selection).unwrap();
            }
            "erase" => {
                kluis::ops::rights::erase::erase(&mut s, &person).unwrap();
            }
            _ => {
                attachments::detach(&mut s, Owner::Document(&doc), "eindrapport.pdf").unwrap();
            }
        }
        drop(s);
        let copy = dir.path().join("copy");
        old_copy_with_current_keyring(&before, &vault, &copy);
        assert!(copy.join("db/files").join(file.as_str()).exists());
        assert!(
            !file_opens(&copy, &file, SIZE),
            "{how}: the earlier copy still opens the file"
        );
    }
}

#[test]
fn a_document_that_moved_month_leaves_no_readable_file_behind() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v");
    // An open trajectory: its document has no deadline yet (bucket 0),
    // where another open trajectory keeps records.
    let (mut s, trajectory, person) = vault_with_trajectory(&vault, None);
    let (doc, file) = document_with_file(&mut s, dir.path(), &trajectory, &person);
    edit::start_trajectory(
        &mut s,
        &edit::TrajectoryInput {
            kind: kluis::domain::TrajectoryKind::Training,
            title: "Training".into(),
            participants: vec![person.clone()],
            requester: None,
            started_on: None,
        },
    )
    .unwrap();
    drop(s);
    let before = dir.path().join("before");
    copy_dir(&vault, &before);

    // Completed long ago: the document moves to its deadline month, which
    // has passed, and is purged from there.
    let mut s = open_session(&vault, NOW);
    edit::complete_trajectory(&mut s, &trajectory, d("2026-02-01")).unwrap();
    let selection: Vec<_> = expired_selection(&s)
        .into_iter()
        .filter(|(k, _)| *k != Kind::Person)
        .collect();
    assert!(selection.contains(&(Kind::IndividualReport, doc)));
    kluis::ops::purge::purge(&mut s, &selection).unwrap();
    drop(s);

    let copy = dir.path().join("copy");
    old_copy_with_current_keyring(&before, &vault, &copy);
    assert!(!file_opens(&copy, &file, SIZE));
}

fn team_report(s: &mut Session, delivered_on: &str) -> (Id, String) {
    let (id, password) = edit::add_team_report(
        s,
        &TeamReportInput {
            organisation: "Gemeente".into(),
            team: "Noord".into(),
            title: "Advies".into(),
            delivered_on: d(delivered_on),
            body: Body::Typed("Advies over vertrouwen.".into()),
        },
        &PasswordChoice::Generated,
    )
    .unwrap();
    (id, password.unwrap().to_string())
}

#[test]
fn a_team_reports_file_does_not_open_without_its_password() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v");
    let mut s = new_session(&vault, NOW);
    let (report, password) = team_report(&mut s, "2026-06-01");
    let src = dir.path().join("Teamadvies-Noord-vertrouwelijk.docx");
    let bytes = marker_file(&src, 2 * CHUNK + 10);
    let key = attachments::team_key(&s, &report, &password).unwrap();
    attachments::attach(&mut s, Owner::TeamReport(&key), &[src]).unwrap();
    drop(key);
    drop(s);

    // Unlocked, without the password: the record holds no name, and the
    // only key in it opens no byte of the file.
    let s = open_session(&vault, NOW);
    let record = serde_json::to_string(&s.data.team_reports[&report]).unwrap();
    assert!(!record.contains("Teamadvies"));
    assert!(matches!(
        attachments::team_key(&s, &report, "niet het wachtwoord"),
        Err(attachments::FileError::Seal(_))
    ));
    let a = &s.data.team_reports[&report].files[0];
    let refs = [&a.key];
    let mut out = Vec::new();
    for layers in [1, 2] {
        let sealing = Sealing {
            layers,
            keys: &refs,
        };
        let _ = s.vault.read_file(&a.id, &sealing, a.size, &mut out);
    }
    assert!(out.is_empty(), "bytes came out without the password");
    // Peeling the outer seal by hand shows no run of the file either.
    let stored = fs::read(vault.join("db/files").join(a.id.as_str())).unwrap();
    let peeled = open_layer(&stored, &a.id, &a.key, 0, 2);
    let runs: std::collections::HashSet<&[u8]> = bytes.windows(16).collect();
    assert_eq!(peeled.len(), bytes.len() + 3 * 16, "the outer seal opened");
    assert!(!peeled.windows(16).any(|w| runs.contains(w)));

    // With it, the file.
    let key = attachments::team_key(&s, &report, &password).unwrap();
    let mut out = Vec::new();
    let name = "Teamadvies-Noord-vertrouwelijk.docx";
    attachments::get(&s, Owner::TeamReport(&key), name, &mut out).unwrap();
    assert_eq!(out, bytes);
}

/// Opens layer `layer` of every chunk of a stored file sealed in `layers`
/// layers, as docs/FORMAT.md describes it, with ring alone.
fn open_layer(stored: &[u8], id: &Id, key: &FileKey, layer: u8, layers: usize) -> Vec<u8> {
    use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
    let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key.bytes()).unwrap());
    let sealed = CHUNK + 16 * layers;
    let count = stored.len().div_ceil(sealed);
    let mut out = Vec::new();
    for (i, chunk) in stored.chunks(sealed).enumerate() {
        let mut nonce = [0u8; 12];
        nonce[..8].copy_from_slice(&(i as u64).to_be_bytes());
        nonce[11] = u8::from(i + 1 == count);
        let aad = [
            b"kluis file v1/".as_slice(),
            id.as_str().as_bytes(),
            b"/",
            &[layer],
        ]
        .concat();
        let mut buf = chunk.to_vec();
        let plain = k
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                &mut buf,
            )
            .unwrap();
        out.extend_from_slice(plain);
    }
    out
}

#[test]
fn a_purged_team_reports_file_is_gone_even_with_its_password() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v");
    let mut s = new_session(&vault, NOW);
    // Delivered three years ago and a bit: expired. Another report keeps
    // the month's bucket.
    let (report, password) = team_report(&mut s, "2023-11-01");
    let (_, other_password) = team_report(&mut s, "2023-11-20");
    let _ = other_password;
    let src = dir.path().join("teamadvies.pdf");
    marker_file(&src, CHUNK + 1);
    let key = attachments::team_key(&s, &report, &password).unwrap();
    attachments::attach(&mut s, Owner::TeamReport(&key), &[src]).unwrap();
    let file = s.data.team_reports[&report].files[0].id.clone();
    drop(key);
    drop(s);
    let before = dir.path().join("before");
    copy_dir(&vault, &before);

    let mut s = open_session(&vault, NOW);
    kluis::ops::purge::purge(&mut s, &[(Kind::TeamReport, report.clone())]).unwrap();
    drop(s);
    let copy = dir.path().join("copy");
    old_copy_with_current_keyring(&before, &vault, &copy);
    assert!(copy.join("db/files").join(file.as_str()).exists());
    assert!(!file_opens(&copy, &file, CHUNK as u64 + 1));
    // Whoever knows the password finds no report to open it with.
    let s = Session::load(Vault::open(&copy, PASS.as_bytes()).unwrap(), clock(NOW)).unwrap();
    assert!(!s.data.team_reports.contains_key(&report));
    let _ = password;
}
