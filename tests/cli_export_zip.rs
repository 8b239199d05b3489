//! `kluis export person … --format zip --out FILE` (DESIGN.md §13.1): one
//! ZIP with export.json, export.md and the person's files under files/,
//! written 0600, never over a file without --force, and refused without
//! --out.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod sample;
    pub mod vault;
}

use common::cli::*;
use common::files::wait_until_released;
use common::sample::*;
use common::vault::*;
use kluis::domain::Kind;
use kluis::ops::attachments::{self, Owner};
use std::io::Read;
use std::os::unix::fs::PermissionsExt;

/// Anna's two documents each hold a file named `rapport.pdf`; Daan's one.
fn vault_with_files(dir: &std::path::Path) -> std::path::PathBuf {
    let vault = sample_vault(dir);
    let mut s = open_session(&vault, NOW);
    for (title, bytes) in [
        ("Eindrapport Anna", &b"%PDF-1.7 eindrapport van anna"[..]),
        (
            "Uitslag vragenlijst Anna",
            &b"%PDF-1.7 uitslag van anna"[..],
        ),
        ("Rapport Daan", &b"%PDF-1.7 rapport van daan"[..]),
    ] {
        let kind = if title.starts_with("Uitslag") {
            Kind::QuestionnaireResult
        } else {
            Kind::IndividualReport
        };
        let doc = id_by_label(&s.data, kind, title);
        let folder = dir.join(title);
        std::fs::create_dir(&folder).unwrap();
        let file = folder.join("rapport.pdf");
        std::fs::write(&file, bytes).unwrap();
        attachments::attach(&mut s, Owner::Document(&doc), &[file]).unwrap();
    }
    drop(s);
    wait_until_released(&vault);
    vault
}

fn entries(zip_path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

#[test]
fn the_zip_holds_the_export_and_the_persons_files() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let vault = vault_with_files(dir.path());
    let out = dir.path().join("anna.zip");
    let r = run(kluis(&vault)
        .args([
            "export",
            "person",
            "anna@example.nl",
            "--format",
            "zip",
            "--out",
        ])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("2 files"), "{}", r.stderr);
    assert_eq!(out.metadata().unwrap().permissions().mode() & 0o777, 0o600);
    let got = entries(&out);
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "export.json",
            "export.md",
            "files/rapport.pdf",
            "files/rapport (2).pdf"
        ]
    );
    let json: serde_json::Value = serde_json::from_slice(&got[0].1).unwrap();
    assert!(json.to_string().contains("Anna de Vries"));
    assert!(String::from_utf8_lossy(&got[1].1).contains("Anna de Vries"));
    let files: Vec<&[u8]> = got[2..].iter().map(|(_, b)| b.as_slice()).collect();
    assert!(files.contains(&&b"%PDF-1.7 eindrapport van anna"[..]));
    assert!(files.contains(&&b"%PDF-1.7 uitslag van anna"[..]));
    assert!(
        !got.iter().any(|(_, b)| b == b"%PDF-1.7 rapport van daan"),
        "no file of another person"
    );
}

#[test]
fn zip_needs_out_and_never_replaces_a_file_without_force() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let vault = vault_with_files(dir.path());
    let r = run(kluis(&vault).args(["export", "person", "anna@example.nl", "--format", "zip"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--out"), "{}", r.stderr);

    let out = dir.path().join("bestaat.zip");
    std::fs::write(&out, b"older").unwrap();
    let r = run(kluis(&vault)
        .args([
            "--lang",
            "nl",
            "export",
            "person",
            "anna@example.nl",
            "--format",
            "zip",
            "--out",
        ])
        .arg(&out));
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("bestaat al"), "{}", r.stderr);
    assert_eq!(std::fs::read(&out).unwrap(), b"older");
    let r = run(kluis(&vault)
        .args([
            "export",
            "person",
            "anna@example.nl",
            "--format",
            "zip",
            "--force",
            "--out",
        ])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(entries(&out).len(), 4);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file stays behind");
}
