//! What a backup (DESIGN.md §13.4, docs/FORMAT.md §8) takes from the
//! vault's keys, and how a stored file's sealed bytes go into a backup and
//! come back: as they are, since a file's key lives in the record that
//! holds it (sealed again in the backup under its month's key).

use super::crypto::SecretKey;
use super::error::VaultError;
use super::file_store::FILES_DIR;
pub use super::keyring::{UnwrapError, WRAPPED_ROOT_LEN, unwrap_root};
use super::{DB_DIR, Vault, create_private_dir};
use crate::domain::Id;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

/// The vault's passphrase-wrapped root key and the keys a backup derives
/// from or carries.
pub struct BackupSecrets {
    /// The keyring's header and sealed root key ([`WRAPPED_ROOT_LEN`] bytes).
    pub wrapped_root: Vec<u8>,
    pub root: SecretKey,
    /// The suppression hashes' key, which a restored vault must keep.
    pub suppression: SecretKey,
}

impl Vault {
    pub fn backup_secrets(&self) -> BackupSecrets {
        BackupSecrets {
            wrapped_root: self.keyring.wrapped_root(),
            root: self.keyring.root().clone(),
            suppression: self.keyring.suppression_key().clone(),
        }
    }

    fn stored_file_path(&self, id: &Id) -> PathBuf {
        self.dir.join(DB_DIR).join(FILES_DIR).join(id.as_str())
    }

    /// The sealed bytes of the stored file `id`, to copy into a backup.
    pub fn open_stored_file(&self, id: &Id) -> Result<File, VaultError> {
        let path = self.stored_file_path(id);
        File::open(&path).map_err(|e| VaultError::io("read", &path, e))
    }

    /// A new stored file `id` to fill with sealed bytes from a backup,
    /// written as `<id>.part` and named `<id>` by [`StoredFileWriter::finish`];
    /// commit the record that names it afterwards.
    pub fn stored_file_writer(&self, id: &Id) -> Result<StoredFileWriter, VaultError> {
        self.check_not_read_only()?;
        let target = self.stored_file_path(id);
        let dir = target.parent().map(PathBuf::from).unwrap_or_default();
        create_private_dir(&dir)?;
        let part = dir.join(format!("{id}.part"));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts
            .open(&part)
            .map_err(|e| VaultError::io("write", &part, e))?;
        Ok(StoredFileWriter { file, part, target })
    }
}

/// A stored file being restored; dropped without `finish`, its `.part`
/// stays for the next writable open to remove.
pub struct StoredFileWriter {
    file: File,
    part: PathBuf,
    target: PathBuf,
}

impl StoredFileWriter {
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), VaultError> {
        self.file
            .write_all(bytes)
            .map_err(|e| VaultError::io("write", &self.part, e))
    }

    /// Syncs the bytes and gives the file its name.
    pub fn finish(self) -> Result<(), VaultError> {
        self.file
            .sync_all()
            .map_err(|e| VaultError::io("write", &self.part, e))?;
        fs::rename(&self.part, &self.target).map_err(|e| VaultError::io("write", &self.target, e))
    }
}
