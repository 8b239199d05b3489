//! The storage engine behind a small trait: ordered keys, prefix scans and
//! atomic, durable batches. sled 0.34.7 is the one implementation.

use super::error::VaultError;
use std::path::Path;

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

impl SledStore {
    pub fn open(path: &Path) -> Result<SledStore, VaultError> {
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(32 * 1024 * 1024)
            .mode(sled::Mode::HighThroughput)
            .open()
            .map_err(|e| match e {
                sled::Error::Io(io) => VaultError::io("open the vault database", path, io),
                other => VaultError::storage("opened", other),
            })?;
        Ok(SledStore { db })
    }
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
