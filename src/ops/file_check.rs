//! `kluis check` (DESIGN.md §8 and §13.1): every record decrypted, the audit
//! chain verified, and every chunk of every file. A damaged file is named by
//! its record and its position there, never by its name. A team report's
//! files are verified through their outer seal, which needs no password.

use crate::domain::attachment::FileKey;
use crate::domain::{AnyRecord, Id, Kind};
use crate::vault::file_store::Sealing;
use crate::vault::team_seal::to_hex;
use crate::vault::{CheckReport, Problem, Vault, VaultError};
use ring::digest;

/// What `check` found, with the number of files it verified.
pub struct FullReport {
    pub report: CheckReport,
    pub files_checked: usize,
}

/// One stored file to verify.
struct ToVerify {
    kind: Kind,
    record: Id,
    position: usize,
    file: Id,
    size: u64,
    key: FileKey,
    layers: usize,
    /// Known when the key opens the file whole (a document's file).
    sha256: Option<String>,
}

fn files_of(kind: Kind, record: &Id, rec: &AnyRecord) -> Vec<ToVerify> {
    match rec {
        AnyRecord::Document(d) => (d.files.iter().enumerate())
            .map(|(i, a)| ToVerify {
                kind,
                record: record.clone(),
                position: i + 1,
                file: a.id.clone(),
                size: a.facts.size,
                key: a.key.clone(),
                layers: 1,
                sha256: Some(a.facts.sha256.clone()),
            })
            .collect(),
        AnyRecord::TeamReport(r) => (r.files.iter().enumerate())
            .map(|(i, a)| ToVerify {
                kind,
                record: record.clone(),
                position: i + 1,
                file: a.id.clone(),
                size: a.size,
                key: a.key.clone(),
                layers: 2,
                sha256: None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Checks the vault: records, audit chain, files.
pub fn check(vault: &Vault) -> Result<FullReport, VaultError> {
    // The files of every readable record, with their record's id, from
    // the one pass that decrypts and checks every record.
    let mut to_verify = Vec::new();
    let mut report = vault.check_each(
        |kind, id, plain| {
            let rec = AnyRecord::decode(kind, plain).map_err(|e| e.to_string())?;
            Ok(files_of(kind, id, &rec))
        },
        |files| to_verify.extend(files),
    )?;
    for f in &to_verify {
        if let Some(problem) = verify(vault, f) {
            report.problems.push(Problem {
                kind: f.kind.name().to_string(),
                id: f.record.to_string(),
                problem,
            });
        }
    }
    Ok(FullReport {
        report,
        files_checked: to_verify.len(),
    })
}

/// What is wrong with one stored file, `None` when every chunk verifies.
fn verify(vault: &Vault, f: &ToVerify) -> Option<String> {
    let keys = [&f.key];
    let sealing = Sealing {
        layers: f.layers,
        keys: &keys,
    };
    let mut opened = Sha256Sink(digest::Context::new(&digest::SHA256));
    if let Err(e) = vault.read_file(&f.file, &sealing, f.size, &mut opened) {
        return Some(format!("file {}: {e}", f.position));
    }
    let sha = to_hex(opened.0.finish().as_ref());
    f.sha256
        .as_ref()
        .is_some_and(|want| *want != sha)
        .then(|| format!("file {}: its bytes do not match its SHA-256", f.position))
}

/// Takes the opened bytes of a file and keeps only their SHA-256.
struct Sha256Sink(digest::Context);

impl std::io::Write for Sha256Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
