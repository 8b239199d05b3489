//! The storage engine behind a small trait: ordered keys, prefix scans and
//! atomic, durable batches. sled 0.34.7 is the one implementation.

use super::error::VaultError;
use crate::panic_guard;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Bytes read from the store. sled's reference-counted buffer, so a scan
/// does not copy every value.
pub type Bytes = sled::IVec;

/// Key-value pairs in key order, each read may fail.
pub type Entries<'a> = Box<dyn Iterator<Item = Result<(Bytes, Bytes), VaultError>> + 'a>;

/// One write of a batch: a value, or `None` to remove the key.
pub type Write = (Vec<u8>, Option<Vec<u8>>);

/// Shared by the thread that scans and the one that decrypts (`record_scan`).
pub trait Store: Send + Sync {
    fn get(&self, key: &[u8]) -> Result<Option<Bytes>, VaultError>;
    /// Every key starting with `prefix`, in key order.
    fn scan_prefix<'a>(&'a self, prefix: &[u8]) -> Entries<'a>;
    /// Applies all writes or none, and returns once they are on disk. After
    /// a failure, reads show what is on disk again, not the failed writes.
    fn apply(&mut self, writes: Vec<Write>) -> Result<(), VaultError>;
    /// Makes the store usable again after a failed `apply` could not reopen
    /// it (the disk was still full, say); nothing to do otherwise.
    fn reopen_if_closed(&mut self) -> Result<(), VaultError>;
    /// Bytes on disk.
    fn size_on_disk(&self) -> u64;
    /// The process ends next: make every write durable and leave the
    /// store's memory to the operating system (see `SledStore`'s).
    fn leave_at_exit(&mut self) {}
}

pub struct SledStore {
    path: PathBuf,
    /// `None` between a failed write and a successful reopen.
    db: Option<sled::Db>,
    /// sled panicked: the database is damaged, and the handle is not used
    /// again (its state after the panic is unknown).
    damaged: AtomicBool,
}

/// Runs a call into sled, turning a panic inside it into a damaged database.
/// sled 0.34.7 panics on some log contents that pass its checksums (a node
/// that does not deserialize, a message of an unexpected kind): that is
/// damage on disk and is reported as such, never as an internal error. The
/// panic hook stays silent meanwhile, so sled's message never reaches the
/// user.
fn guarded<T>(path: &Path, f: impl FnOnce() -> T) -> Result<T, VaultError> {
    std::panic::catch_unwind(AssertUnwindSafe(|| panic_guard::silenced(f)))
        .map_err(|_| VaultError::DatabaseDamaged(path.to_path_buf()))
}

/// sled's cache of its tree's pages. A change reads the key blocks and
/// markers it rewrites through it: a purge at 10 000 people took 0.9 s with
/// it, 1.1 s with a quarter of it.
const CACHE: u64 = 32 * 1024 * 1024;

/// The cache of a process that writes one large change and reads little
/// back (`kluis import`): the pages it writes are not read again, and the
/// larger cache kept 20 MiB of them at 10 000 people, for 3-5 % of the
/// import's time.
const CACHE_WRITING_ONCE: u64 = 8 * 1024 * 1024;

static WRITING_ONCE: AtomicBool = AtomicBool::new(false);

/// Every database this process opens from now on gets the cache of a
/// process that writes one large change ([`CACHE_WRITING_ONCE`]).
pub fn cache_for_writing_once() {
    WRITING_ONCE.store(true, Ordering::Relaxed);
}

/// sled's log file in its folder, the one file its drop fsyncs.
const SLED_LOG: &str = "db";

/// How long an open waits for sled's own lock file to be let go.
const LOCK_WAIT: Duration = Duration::from_secs(3);

impl SledStore {
    /// Opens the database. The caller holds the vault's lock on the folder.
    pub fn open(path: &Path) -> Result<SledStore, VaultError> {
        Ok(SledStore {
            path: path.to_path_buf(),
            db: Some(open_db(path)?),
            damaged: AtomicBool::new(false),
        })
    }

    /// `guarded`, remembering a panic: every later call then fails too.
    fn guard<T>(&self, f: impl FnOnce() -> T) -> Result<T, VaultError> {
        let r = guarded(&self.path, f);
        if r.is_err() {
            self.damaged.store(true, Ordering::Relaxed);
        }
        r
    }

    fn db(&self) -> Result<&sled::Db, VaultError> {
        if self.damaged.load(Ordering::Relaxed) {
            return Err(VaultError::DatabaseDamaged(self.path.clone()));
        }
        self.db.as_ref().ok_or(VaultError::Storage {
            action: "read",
            reason: "it was closed after a failed write and could not be reopened yet".into(),
        })
    }

    /// Drops the handle and opens the folder again. Used after a failed write:
    /// sled then refuses every later write through the same handle, and its
    /// memory may still hold writes that never reached the disk.
    fn reopen(&mut self) -> Result<(), VaultError> {
        if let Some(db) = self.db.take() {
            // A handle's drop flushes, and in sled 0.34.7 that can wait
            // forever after a failed write (a blob file that could not be
            // written leaves its writer registered, so the buffer is never
            // written). Drop it off this thread: usually it finishes at once
            // and lets go of sled's lock; if not, the open below gives up
            // after `LOCK_WAIT` with a clear error instead of a frozen program.
            let _ = std::thread::Builder::new()
                .name("kluis-close-db".into())
                .spawn(move || drop(db));
        }
        self.db = Some(open_db(&self.path)?);
        Ok(())
    }
}

/// Room a batch of `bytes` needs before sled may write it: sled writes each
/// value to its log, rewrites the tree nodes around it, claims whole 512 KiB
/// segments and writes large nodes to separate files. A write that runs out
/// of room halfway is refused cleanly, but sled 0.34.7 does not always
/// recover from it in the same process (see `reopen`), so a change that might
/// not fit is refused before sled sees it.
fn room_needed(bytes: u64) -> u64 {
    bytes.saturating_mul(3).saturating_add(2 * 1024 * 1024)
}

/// No other process uses the database (the caller holds the vault's lock on
/// the folder), but sled's background threads can keep its lock file
/// (`db/db`) for a moment after this process dropped an earlier handle,
/// longer on a busy machine. A reopen right then (the UI unlocking again, or
/// a reopen after a failed write) waits for them instead of failing.
fn open_db(path: &Path) -> Result<sled::Db, VaultError> {
    let cache = if WRITING_ONCE.load(Ordering::Relaxed) {
        CACHE_WRITING_ONCE
    } else {
        CACHE
    };
    let config = sled::Config::new()
        .path(path)
        .cache_capacity(cache)
        .mode(sled::Mode::HighThroughput)
        // No background flusher: every change is flushed by `apply`, and a
        // flusher thread would keep the database locked after a close.
        .flush_every_ms(None);
    remove_unfinished_snapshots(path)?;
    let give_up = Instant::now() + LOCK_WAIT;
    loop {
        match guarded(path, || config.open())? {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(io)) if is_lock_held(&io) => {
                if Instant::now() >= give_up {
                    return Err(VaultError::DatabaseHeld(path.to_path_buf()));
                }
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

/// The bytes of keys and values a batch writes.
fn batch_len(writes: &[Write]) -> usize {
    writes
        .iter()
        .map(|(k, v)| k.len() + v.as_ref().map_or(0, Vec::len))
        .sum()
}

/// sled 0.34.7 reports a held lock file as an `Other` error with this text.
fn is_lock_held(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::Other && e.to_string().starts_with("could not acquire lock")
}

impl Store for SledStore {
    fn get(&self, key: &[u8]) -> Result<Option<Bytes>, VaultError> {
        let db = self.db()?;
        self.guard(|| db.get(key))?
            .map_err(|e| VaultError::storage("read", e))
    }

    fn scan_prefix<'a>(&'a self, prefix: &[u8]) -> Entries<'a> {
        let mut entries = match self
            .db()
            .and_then(|db| self.guard(|| db.scan_prefix(prefix)))
        {
            Ok(entries) => entries,
            Err(e) => return Box::new(std::iter::once(Err(e))),
        };
        let mut done = false;
        Box::new(std::iter::from_fn(move || {
            if done {
                return None;
            }
            match self.guard(|| entries.next()) {
                Ok(item) => item.map(|r| r.map_err(|e| VaultError::storage("read", e))),
                Err(e) => {
                    done = true;
                    Some(Err(e))
                }
            }
        }))
    }

    fn apply(&mut self, writes: Vec<Write>) -> Result<(), VaultError> {
        let bytes: usize = batch_len(&writes);
        if let Ok(free) = fs2::available_space(&self.path)
            && free < room_needed(bytes as u64)
        {
            return Err(VaultError::DiskFull);
        }
        let mut batch = sled::Batch::default();
        for (k, v) in writes {
            match v {
                Some(v) => batch.insert(k, v),
                None => batch.remove(k),
            }
        }
        self.reopen_if_closed()?;
        let db = self.db()?;
        // A panic here leaves it unknown whether the batch reached the disk;
        // the caller keeps every key (see `Vault::commit`).
        let result = self.guard(|| db.apply_batch(batch).and_then(|()| db.flush().map(|_| ())))?;
        if let Err(e) = result {
            // Best effort: if the reopen fails too, `reopen_if_closed`
            // tries again before the next change.
            let _ = self.reopen();
            return Err(VaultError::storage("written", e));
        }
        Ok(())
    }

    fn reopen_if_closed(&mut self) -> Result<(), VaultError> {
        if self.db.is_none() {
            self.reopen()?;
        }
        Ok(())
    }

    /// sled's drop flushes, fsyncs its log and then frees its in-memory
    /// pages one by one: 30 ms of `kluis status` at 10 000 people. The flush
    /// and the fsync are done here (sled's flush writes the data of its log
    /// but not the file's size); the pages go with the process. sled's own
    /// lock on its file goes with the process too, so this is only for a
    /// process that opens no vault again.
    fn leave_at_exit(&mut self) {
        let Some(db) = self.db.take() else { return };
        let durable = self.guard(|| db.flush()).is_ok_and(|r| r.is_ok())
            && std::fs::File::open(self.path.join(SLED_LOG))
                .and_then(|log| log.sync_all())
                .is_ok();
        if durable {
            std::mem::forget(db);
        } else {
            // As `drop`: its flush may finish what this one could not.
            let _ = guarded(&self.path, move || drop(db));
        }
    }

    fn size_on_disk(&self) -> u64 {
        self.db()
            .ok()
            .and_then(|db| self.guard(|| db.size_on_disk().ok()).ok().flatten())
            .unwrap_or(0)
    }
}

impl Drop for SledStore {
    /// A handle's drop flushes, which reads sled's state too.
    fn drop(&mut self) {
        if let Some(db) = self.db.take() {
            let _ = guarded(&self.path, move || drop(db));
        }
    }
}
