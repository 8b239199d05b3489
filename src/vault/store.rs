//! The storage engine behind a small trait: ordered keys, prefix scans and
//! atomic, durable batches. sled 0.34.7 is the one implementation.

use super::error::VaultError;
use std::path::Path;
use std::time::{Duration, Instant};

/// Bytes read from the store. sled's reference-counted buffer, so a scan
/// does not copy every value.
pub type Bytes = sled::IVec;

/// Key-value pairs in key order, each read may fail.
pub type Entries<'a> = Box<dyn Iterator<Item = Result<(Bytes, Bytes), VaultError>> + 'a>;

/// One write of a batch: a value, or `None` to remove the key.
pub type Write = (Vec<u8>, Option<Vec<u8>>);

pub trait Store {
    fn get(&self, key: &[u8]) -> Result<Option<Bytes>, VaultError>;
    /// Every key starting with `prefix`, in key order.
    fn scan_prefix<'a>(&'a self, prefix: &[u8]) -> Entries<'a>;
    /// Applies all writes or none, and returns once they are on disk.
    fn apply(&self, writes: Vec<Write>) -> Result<(), VaultError>;
    /// Bytes on disk.
    fn size_on_disk(&self) -> u64;
}

pub struct SledStore {
    db: sled::Db,
}

/// How long an open waits for sled's own lock file to be let go.
const LOCK_WAIT: Duration = Duration::from_secs(3);

impl SledStore {
    /// Opens the database. The caller holds the vault's lock on the folder,
    /// so no other process uses it; but sled's background threads can keep
    /// its lock file (`db/db`) for a moment after this process dropped an
    /// earlier handle, longer on a busy machine. A reopen right then (the UI
    /// unlocking again) waits for them instead of failing.
    pub fn open(path: &Path) -> Result<SledStore, VaultError> {
        let config = sled::Config::new()
            .path(path)
            .cache_capacity(32 * 1024 * 1024)
            .mode(sled::Mode::HighThroughput)
            // No background flusher: every change is flushed by `apply`, and a
            // flusher thread would keep the database locked after a close.
            .flush_every_ms(None);
        remove_unfinished_snapshots(path)?;
        let give_up = Instant::now() + LOCK_WAIT;
        loop {
            match config.open() {
                Ok(db) => return Ok(SledStore { db }),
                Err(sled::Error::Io(io)) if is_lock_held(&io) && Instant::now() < give_up => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(sled::Error::Io(io)) => {
                    return Err(VaultError::io("open the vault database", path, io));
                }
                Err(sled::Error::Corruption { .. }) => {
                    return Err(VaultError::DatabaseDamaged(path.to_path_buf()));
                }
                Err(other) => return Err(VaultError::storage("opened", other)),
            }
        }
    }
}

/// sled writes a snapshot of its page table each time it opens, first as
/// `snap.<lsn>.generating`, then renamed. A process killed while writing it
/// leaves that file behind unfinished, and sled 0.34.7 then takes it for the
/// newest snapshot and refuses to open ("Read corrupted data"; sled issues
/// #1509, #1527). Such a file is by definition not the current snapshot: the
/// older one is only removed after the rename, and the log still holds every
/// change made since it, so removing the leftover loses nothing. The caller
/// holds the vault's lock, so no other process is writing one right now.
fn remove_unfinished_snapshots(db_dir: &Path) -> Result<(), VaultError> {
    let entries = match std::fs::read_dir(db_dir) {
        Ok(entries) => entries,
        // sled creates the folder and reports its own errors.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(VaultError::io("read", db_dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| VaultError::io("read", db_dir, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            std::fs::remove_file(entry.path())
                .map_err(|e| VaultError::io("remove an unfinished snapshot in", db_dir, e))?;
        }
    }
    Ok(())
}

/// sled 0.34.7 reports a held lock file as an `Other` error with this text.
fn is_lock_held(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::Other && e.to_string().starts_with("could not acquire lock")
}

impl Store for SledStore {
    fn get(&self, key: &[u8]) -> Result<Option<Bytes>, VaultError> {
        self.db.get(key).map_err(|e| VaultError::storage("read", e))
    }

    fn scan_prefix<'a>(&'a self, prefix: &[u8]) -> Entries<'a> {
        Box::new(
            self.db
                .scan_prefix(prefix)
                .map(|r| r.map_err(|e| VaultError::storage("read", e))),
        )
    }

    fn apply(&self, writes: Vec<Write>) -> Result<(), VaultError> {
        let mut batch = sled::Batch::default();
        for (k, v) in writes {
            match v {
                Some(v) => batch.insert(k, v),
                None => batch.remove(k),
            }
        }
        self.db
            .apply_batch(batch)
            .map_err(|e| VaultError::storage("written", e))?;
        self.db
            .flush()
            .map_err(|e| VaultError::storage("written", e))?;
        Ok(())
    }

    fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }
}
