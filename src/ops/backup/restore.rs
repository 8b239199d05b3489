//! `kluis restore FILE --vault DIR` (DESIGN.md §13.4): into a new folder,
//! never past the backup's destroy-by date, and without what expired since
//! the backup was made. The whole file is read and verified first; what
//! expired is left out before anything is written, so it never reaches the
//! new vault; the new vault is built under a temporary name and renamed
//! once complete. A damaged backup restores nothing.

use super::format::{self, Frame, FrameReader, Next, ReadError, Tag};
use crate::domain::records::AnyRecord;
use crate::domain::removal::plan_removal;
use crate::domain::retention;
use crate::domain::{Dataset, Id, Kind};
use crate::i18n::backup::Damage;
use crate::ops::clock::Clock;
use crate::ops::session::Session;
use crate::vault::backup_keys::{StoredFileWriter, UnwrapError, unwrap_root};
use crate::vault::crypto::SecretKey;
use crate::vault::{Vault, VaultError};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::BufReader;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum RestoreError {
    /// The backup could not be read (the operating system's words).
    Io(String),
    NotABackup,
    /// Damaged, cut short or changed: nothing was restored.
    Damaged(Damage),
    /// Past its destroy-by date: it must be destroyed, not restored.
    PastDestroyBy(NaiveDate),
    WrongPassphrase,
    /// The target folder exists and is not empty.
    TargetNotEmpty(PathBuf),
    Vault(VaultError),
}

impl From<ReadError> for RestoreError {
    fn from(e: ReadError) -> RestoreError {
        match e {
            ReadError::Io(e) => RestoreError::Io(e.to_string()),
            ReadError::NotABackup => RestoreError::NotABackup,
            ReadError::Damaged(what) => RestoreError::Damaged(what),
        }
    }
}

impl From<VaultError> for RestoreError {
    fn from(e: VaultError) -> RestoreError {
        RestoreError::Vault(e)
    }
}

/// What a restore did: kinds and counts only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    pub created: String,
    pub destroy_by: NaiveDate,
    pub restored: BTreeMap<Kind, usize>,
    pub files: usize,
    /// Left out because their deadline passed since the backup.
    pub purged: BTreeMap<Kind, usize>,
    /// Records in months whose key was shredded from the backup.
    pub shredded: usize,
}

/// The backup's dates, read without the passphrase, to refuse early.
pub fn peek(backup: &Path) -> Result<(String, NaiveDate), RestoreError> {
    let mut f = open(backup)?;
    let clear = format::read_clear(&mut f)?;
    Ok((clear.created, clear.destroy_by))
}

fn open(backup: &Path) -> Result<BufReader<File>, RestoreError> {
    File::open(backup)
        .map(|f| BufReader::with_capacity(256 * 1024, f))
        .map_err(|e| RestoreError::Io(e.to_string()))
}

/// The opened keys of one backup.
struct Keys {
    backup_key: SecretKey,
    sections: BTreeMap<u32, SecretKey>,
    params: crate::vault::KdfParams,
}

fn unlock(clear: &format::Clear, passphrase: &[u8]) -> Result<Keys, RestoreError> {
    let (root, params) = unwrap_root(&clear.wrapped_root, passphrase).map_err(|e| match e {
        UnwrapError::WrongPassphrase => RestoreError::WrongPassphrase,
        UnwrapError::Malformed => RestoreError::Damaged(Damage::Header),
    })?;
    let backup_key = format::backup_key(&root, &clear.backup_id);
    let sections = format::open_sections(clear, &backup_key)?;
    Ok(Keys {
        backup_key,
        sections,
        params,
    })
}

/// A record frame's payload: kind name, id, record JSON.
fn decode_record(payload: &[u8]) -> Option<(Id, AnyRecord)> {
    let n = usize::from(*payload.first()?);
    let kind = Kind::from_name(std::str::from_utf8(payload.get(1..1 + n)?).ok()?)?;
    let id = Id::parse(std::str::from_utf8(payload.get(1 + n..17 + n)?).ok()?)?;
    let rec = AnyRecord::decode(kind, payload.get(17 + n..)?).ok()?;
    Some((id, rec))
}

fn file_id(payload: &[u8]) -> Option<Id> {
    Id::parse(std::str::from_utf8(payload.get(..16)?).ok()?)
}

/// Everything in the backup, verified: the records, the suppression key,
/// the files it holds and how many records were in shredded months.
struct Contents {
    data: Dataset,
    suppression: SecretKey,
    shredded: usize,
}

fn read_contents(
    backup: &Path,
    clear: &format::Clear,
    keys: &Keys,
) -> Result<Contents, RestoreError> {
    let mut input = open(backup)?;
    format::read_clear(&mut input)?;
    let mut frames = FrameReader::new(input, clear.backup_id, &keys.backup_key, &keys.sections);
    let mut data = Dataset::default();
    let mut suppression = None;
    let mut shredded = 0;
    loop {
        match frames.read_next()? {
            Next::End => break,
            Next::Shredded { tag, .. } => {
                if tag == Tag::Record {
                    shredded += 1;
                }
            }
            Next::Frame(Frame { tag, payload, .. }) => match tag {
                Tag::Vault => {
                    suppression = Some(
                        SecretKey::from_slice(&payload)
                            .ok_or(RestoreError::Damaged(Damage::VaultKeys))?,
                    );
                }
                Tag::Record => {
                    let (id, rec) =
                        decode_record(&payload).ok_or(RestoreError::Damaged(Damage::Record))?;
                    data.insert(id, rec);
                }
                Tag::File => {
                    file_id(&payload).ok_or(RestoreError::Damaged(Damage::File))?;
                }
                Tag::End => {}
            },
        }
    }
    let suppression = suppression.ok_or(RestoreError::Damaged(Damage::VaultKeysMissing))?;
    Ok(Contents {
        data,
        suppression,
        shredded,
    })
}

/// Restores `backup` into the new folder `dir` on `clock`'s date.
pub fn restore(
    backup: &Path,
    dir: &Path,
    passphrase: &[u8],
    clock: Clock,
) -> Result<Restored, RestoreError> {
    let today = clock.today();
    let clear = format::read_clear(&mut open(backup)?)?;
    if today > clear.destroy_by {
        return Err(RestoreError::PastDestroyBy(clear.destroy_by));
    }
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(RestoreError::TargetNotEmpty(dir.to_path_buf()));
    }
    let keys = unlock(&clear, passphrase)?;
    let Contents {
        mut data,
        suppression,
        shredded,
    } = read_contents(backup, &clear, &keys)?;

    // What expired since the backup goes before anything is written.
    let deadlines = retention::deadlines(&data);
    let roots: Vec<(Kind, Id)> = retention::expired(&deadlines, today)
        .into_iter()
        .map(|d| (d.kind, d.id))
        .collect();
    let removal = plan_removal(&data, &roots);
    let mut purged: BTreeMap<Kind, usize> = BTreeMap::new();
    for (kind, id) in &removal.deletes {
        if data.remove(*kind, id) {
            *purged.entry(*kind).or_default() += 1;
        }
    }
    for (id, rec) in removal.updates {
        data.insert(id, rec);
    }
    let wanted: BTreeSet<Id> = data
        .keys()
        .into_iter()
        .filter_map(|(k, id)| data.get(k, &id))
        .flat_map(|r| r.file_ids().into_iter().cloned().collect::<Vec<_>>())
        .collect();

    let temp = temp_dir(dir)?;
    let source = Source {
        backup,
        clear: &clear,
        keys: &keys,
    };
    let built = build(
        &source,
        &temp,
        passphrase,
        clock,
        suppression,
        &data,
        &wanted,
    );
    let files = match built {
        Ok(n) => n,
        Err(e) => {
            let _ = fs::remove_dir_all(&temp);
            return Err(e);
        }
    };
    if dir.exists() {
        let _ = fs::remove_dir(dir);
    }
    if let Err(e) = fs::rename(&temp, dir) {
        let _ = fs::remove_dir_all(&temp);
        return Err(RestoreError::Io(e.to_string()));
    }
    Ok(Restored {
        created: clear.created,
        destroy_by: clear.destroy_by,
        restored: data.counts(),
        files,
        purged,
        shredded,
    })
}

fn temp_dir(dir: &Path) -> Result<PathBuf, RestoreError> {
    let name = dir
        .file_name()
        .ok_or_else(|| RestoreError::TargetNotEmpty(dir.to_path_buf()))?;
    let mut tag = [0u8; 6];
    crate::vault::crypto::fill_random(&mut tag)?;
    let tag: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    Ok(dir.with_file_name(format!(".{}.{tag}.restoring", name.to_string_lossy())))
}

/// The backup being restored, read and unlocked.
#[derive(Clone, Copy)]
struct Source<'a> {
    backup: &'a Path,
    clear: &'a format::Clear,
    keys: &'a Keys,
}

/// Creates the vault in `temp`, puts the wanted files' sealed bytes in its
/// store, then commits every record in one change. The number of files.
fn build(
    source: &Source,
    temp: &Path,
    passphrase: &[u8],
    clock: Clock,
    suppression: SecretKey,
    data: &Dataset,
    wanted: &BTreeSet<Id>,
) -> Result<usize, RestoreError> {
    let Source {
        backup,
        clear,
        keys,
    } = *source;
    let vault = Vault::create_restored(temp, passphrase, keys.params, &clock.stamp(), suppression)?;
    let mut s = Session::load(vault, clock)?;

    // The files, streamed again from the backup and verified again.
    let mut input = open(backup)?;
    format::read_clear(&mut input)?;
    let mut frames = FrameReader::new(input, clear.backup_id, &keys.backup_key, &keys.sections);
    let mut current: Option<(Id, StoredFileWriter)> = None;
    let mut files = 0;
    loop {
        let next = frames.read_next()?;
        let frame = match next {
            Next::End => break,
            Next::Shredded { .. } => continue,
            Next::Frame(f) if f.tag == Tag::File => f,
            Next::Frame(_) => continue,
        };
        let id = file_id(&frame.payload).ok_or(RestoreError::Damaged(Damage::File))?;
        if !wanted.contains(&id) {
            continue;
        }
        if current.as_ref().is_none_or(|(c, _)| *c != id) {
            if let Some((_, w)) = current.take() {
                w.finish()?;
            }
            current = Some((id.clone(), s.vault.stored_file_writer(&id)?));
            files += 1;
        }
        if let Some((_, w)) = current.as_mut() {
            w.write_all(&frame.payload[16..])?;
        }
    }
    if let Some((_, w)) = current.take() {
        w.finish()?;
    }
    let puts: Vec<(Id, AnyRecord)> = data
        .keys()
        .into_iter()
        .filter_map(|(k, id)| data.get(k, &id).map(|r| (id, r)))
        .collect();
    s.commit("restore", puts, Vec::new())?;
    Ok(files)
}
