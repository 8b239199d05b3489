//! One process at a time: an exclusive advisory lock on the `db` folder,
//! taken before anything is read or written. The folder keeps holding only
//! `keyring` and `db/`; the kernel releases the lock when the process ends,
//! also on a crash.

use super::error::VaultError;
use std::fs::{File, TryLockError};
use std::path::Path;

pub fn acquire(vault_dir: &Path, db_dir: &Path) -> Result<File, VaultError> {
    let f = File::open(db_dir).map_err(|e| VaultError::io("open", db_dir, e))?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(TryLockError::WouldBlock) => Err(VaultError::InUse(vault_dir.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(VaultError::io("lock", db_dir, e)),
    }
}
