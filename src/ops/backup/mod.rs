//! Backups that obey the deadlines (DESIGN.md §13.4; the layout is in
//! docs/FORMAT.md §8). `kluis backup` writes one encrypted file that the
//! vault's passphrase opens, made while the vault is open (the UI too):
//! every record sealed under a key of its deletion month, the stored files'
//! sealed bytes beside the record that holds their key, a creation time and
//! a destroy-by date. It is streamed to a temporary name and renamed, so a
//! backup cut short leaves no file under the name asked for, and the next
//! backup removes what such a backup left (`part`). The vault
//! records each backup in its audit log (kinds and counts), which is where
//! `status` finds the last one.

pub mod format;
pub mod part;
pub mod restore;

use super::session::Session;
use crate::domain::calendar::add_months;
use crate::domain::retention;
use crate::vault::audit::AuditEvent;
use crate::vault::crypto::{self, SecretKey};
use crate::vault::{Change, VaultError, bucket_of};
use chrono::NaiveDate;
use format::{FrameWriter, ID_LEN, NO_BUCKET, Tag, WriteError};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::sync::OnceLock;

/// How long a backup may be kept when the practice profile sets no
/// period: the destroy-by date is this many months after it was made
/// (DESIGN.md §13.4).
pub use crate::domain::practice::BACKUP_MONTHS;
/// The audit action of a backup.
pub const AUDIT_ACTION: &str = "backup";
/// Bytes of a stored file per frame.
const FILE_PIECE: usize = 64 * 1024;

/// A backup that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub created: String,
    pub destroy_by: NaiveDate,
    pub records: usize,
    pub files: usize,
    pub bytes: u64,
    /// Whether the vault recorded it (a read-only vault cannot).
    pub recorded: bool,
}

/// When the last backup was made and when it must be destroyed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastBackup {
    /// The moment, RFC 3339 (as `status --json` gives it).
    pub created: String,
    /// The day of that moment, where it was made.
    pub made_on: NaiveDate,
    pub destroy_by: NaiveDate,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the file exists already")]
    Exists,
    /// The path asked for names no file (`/`, `..`).
    #[error("a backup needs a file name")]
    NoFileName,
    /// Writing failed (the operating system's words; no content).
    #[error("{0}")]
    Io(String),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// The last backup the vault recorded, if any.
pub fn last_backup(s: &Session) -> Option<LastBackup> {
    s.last_backup
        .get_or_init(|| {
            let last = s.vault.last_audit_entry(AUDIT_ACTION).ok()??;
            LastBackup::of(&last)
        })
        .clone()
}

impl LastBackup {
    /// The backup an audit entry of [`AUDIT_ACTION`] records.
    fn of(event: &AuditEvent) -> Option<LastBackup> {
        let created = chrono::DateTime::parse_from_rfc3339(&event.at).ok()?;
        let months = event
            .counts
            .get("months")
            .and_then(|m| u32::try_from(*m).ok())
            .unwrap_or(BACKUP_MONTHS);
        Some(LastBackup {
            created: event.at.clone(),
            made_on: created.date_naive(),
            destroy_by: add_months(created.date_naive(), months),
        })
    }
}

/// Writes a backup of the session's vault to `out` (mode 0600), never over
/// an existing file unless `overwrite`, and records it in the vault.
pub fn backup(s: &mut Session, out: &Path, overwrite: bool) -> Result<Made, BackupError> {
    if !overwrite && super::files::exists(out) {
        return Err(BackupError::Exists);
    }
    let created = s.clock.stamp();
    let months = super::practice::profile(s).backup_months();
    let destroy_by = add_months(s.today(), months);
    part::remove_stale(out);
    let part::Part { path: part, file } = part::create(out)?;
    // The part stays locked (`file` open) until it has its final name.
    let written = write_to(s, &file, &created, destroy_by);
    let (records, files) = match written {
        Ok(n) => n,
        Err(e) => {
            let _ = fs::remove_file(&part);
            return Err(e);
        }
    };
    if !overwrite && super::files::exists(out) {
        let _ = fs::remove_file(&part);
        return Err(BackupError::Exists);
    }
    if let Err(e) = fs::rename(&part, out) {
        let _ = fs::remove_file(&part);
        return Err(BackupError::Io(e.to_string()));
    }
    drop(file);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
    let bytes = fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    let counts = BTreeMap::from([
        ("records".to_string(), records),
        ("files".to_string(), files),
        ("months".to_string(), months as usize),
    ]);
    let audit = AuditEvent {
        at: created.clone(),
        action: AUDIT_ACTION.to_string(),
        counts,
        ids: Vec::new(),
    };
    let this_backup = LastBackup::of(&audit);
    let recorded = s
        .vault
        .apply(Change {
            puts: Vec::new(),
            deletes: Vec::new(),
            audit,
        })
        .is_ok();
    // Recorded: it is the last backup now. Else whether it reached the log
    // is not known here: the log is read again when next asked.
    s.last_backup = if recorded {
        OnceLock::from(this_backup)
    } else {
        OnceLock::new()
    };
    Ok(Made {
        created,
        destroy_by,
        records,
        files,
        bytes,
        recorded,
    })
}

fn io_error(e: std::io::Error) -> BackupError {
    BackupError::Io(e.to_string())
}

fn write_error(e: WriteError) -> BackupError {
    match e {
        WriteError::Io(e) => io_error(e),
        WriteError::Vault(v) => BackupError::Vault(v),
        WriteError::NoSection => BackupError::Io("a month without a key".to_string()),
    }
}

/// Streams the backup into the new file `file`: (records, files).
fn write_to(
    s: &Session,
    file: &File,
    created: &str,
    destroy_by: NaiveDate,
) -> Result<(usize, usize), BackupError> {
    let mut out = BufWriter::new(file);

    let secrets = s.vault.backup_secrets();
    let mut backup_id = [0u8; ID_LEN];
    crypto::fill_random(&mut backup_id)?;
    let backup_key = format::backup_key(&secrets.root, &backup_id);
    // Each record goes in the month its deadline puts it in now.
    let deadlines = retention::deadlines(&s.data);
    let bucket = |kind, id: &crate::domain::Id| {
        bucket_of(retention::deadline_of(&deadlines, kind, id).date())
    };
    let keys = s.data.keys();
    let mut sections: BTreeMap<u32, SecretKey> = BTreeMap::new();
    for (kind, id) in &keys {
        let b = bucket(*kind, id);
        if let std::collections::btree_map::Entry::Vacant(e) = sections.entry(b) {
            e.insert(SecretKey::random()?);
        }
    }
    let header = format::header(
        &backup_id,
        created,
        destroy_by,
        &secrets.wrapped_root,
        &backup_key,
        &sections,
    )?;
    out.write_all(&header).map_err(io_error)?;

    let mut frames = FrameWriter::new(out, backup_id, &backup_key, &sections);
    frames
        .write(Tag::Vault, NO_BUCKET, secrets.suppression.bytes())
        .map_err(write_error)?;
    let mut holders = Vec::new();
    for (kind, id) in &keys {
        let Some(rec) = s.data.get(*kind, id) else {
            continue;
        };
        let b = bucket(*kind, id);
        let name = kind.name().as_bytes();
        let mut payload = zeroize::Zeroizing::new(Vec::new());
        payload.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
        payload.extend_from_slice(name);
        payload.extend_from_slice(id.as_str().as_bytes());
        payload.extend_from_slice(&rec.encode());
        frames
            .write(Tag::Record, b, &payload)
            .map_err(write_error)?;
        for file_id in rec.file_ids() {
            holders.push((b, file_id.clone()));
        }
    }
    let mut piece = zeroize::Zeroizing::new(vec![0u8; 16 + FILE_PIECE]);
    for (b, file_id) in &holders {
        let mut stored = s.vault.open_stored_file(file_id)?;
        piece[..16].copy_from_slice(file_id.as_str().as_bytes());
        let mut first = true;
        loop {
            let n = read_full(&mut stored, &mut piece[16..]).map_err(io_error)?;
            if n == 0 && !first {
                break;
            }
            frames
                .write(Tag::File, *b, &piece[..16 + n])
                .map_err(write_error)?;
            first = false;
            if n < FILE_PIECE {
                break;
            }
        }
    }
    let mut end = Vec::with_capacity(24);
    end.extend_from_slice(&frames.frames().to_be_bytes());
    end.extend_from_slice(&(keys.len() as u64).to_be_bytes());
    end.extend_from_slice(&(holders.len() as u64).to_be_bytes());
    frames
        .write(Tag::End, NO_BUCKET, &end)
        .map_err(write_error)?;
    let file = frames
        .out
        .into_inner()
        .map_err(|e| io_error(e.into_error()))?;
    file.sync_all().map_err(io_error)?;
    Ok((keys.len(), holders.len()))
}

fn read_full(src: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match src.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
