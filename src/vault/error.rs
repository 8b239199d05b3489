//! Everything that can go wrong with a vault, as one clear sentence each.
//! Messages name files, record kinds and ids, never record content.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("no vault at {0}: create one with `kluis init` or choose another folder with --vault")]
    NotFound(PathBuf),
    #[error("a vault already exists at {0}; nothing was changed")]
    AlreadyExists(PathBuf),
    #[error("{0} is not an empty folder and holds no vault; choose an empty or new folder")]
    FolderNotEmpty(PathBuf),
    #[error("wrong passphrase for the vault at {0}; nothing was changed")]
    WrongPassphrase(PathBuf),
    #[error("the vault at {0} is in use by another kluis process; close it first")]
    InUse(PathBuf),
    #[error(
        "the vault at {path} was written by a newer kluis (format {found}, this one reads up to {supported}); update kluis"
    )]
    NewerFormat {
        path: PathBuf,
        found: u8,
        supported: u8,
    },
    #[error(
        "the keyring file {path} is damaged ({reason}); restore the vault folder from a backup"
    )]
    KeyringDamaged { path: PathBuf, reason: String },
    #[error(
        "the keyring {0} is a symbolic link or not a regular file; kluis refuses it, because rewriting it would leave the keys in its target. Put the keyring file itself in the vault folder"
    )]
    KeyringNotAFile(PathBuf),
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "the vault database in {0} is damaged and cannot be opened; restore the vault folder from a backup"
    )]
    DatabaseDamaged(PathBuf),
    #[error(
        "the disk that holds the vault is full; nothing was changed. Free some space and try again"
    )]
    DiskFull,
    #[error(
        "the vault database in {0} is still held by an earlier use in this program (a write that failed, say); quit kluis and start it again (nothing was changed)"
    )]
    DatabaseHeld(PathBuf),
    #[error(
        "the vault database in {0} is missing changes its keyring saw committed (damaged, or put back from an older copy); nothing was changed. Run `kluis check`, and restore the whole vault folder from a backup"
    )]
    DatabaseBehind(PathBuf),
    #[error(
        "the keys of {} cannot be read (a damaged, older or unknown marker, key block or key); nothing was changed. Run `kluis check`", super::bucket_label(*.0)
    )]
    BucketUnreadable(super::Bucket),
    #[error(
        "the audit log in {0} is damaged, so the vault is open for reading only; nothing was changed. Run `kluis check`, and restore the whole vault folder from a backup"
    )]
    AuditDamaged(PathBuf),
    #[error("the vault database could not be {action}: {reason}")]
    Storage {
        action: &'static str,
        reason: String,
    },
    #[error("record {kind}/{id} cannot be read: {problem}")]
    Record {
        kind: String,
        id: String,
        problem: String,
    },
    #[error("the system random number generator failed")]
    Random,
    #[error("the passphrase must not be empty")]
    EmptyPassphrase,
}

/// No room to write: a full disk, a full quota, or a limit on the size of
/// a file (a write that fails halfway for any of these loses nothing, and
/// the coach can do the same about each: make room).
fn out_of_room(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{FileTooLarge, QuotaExceeded, StorageFull};
    matches!(e.kind(), StorageFull | QuotaExceeded | FileTooLarge)
}

impl VaultError {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        if out_of_room(&source) {
            return VaultError::DiskFull;
        }
        VaultError::Io {
            action,
            path: path.into(),
            source,
        }
    }

    pub fn storage(action: &'static str, e: sled::Error) -> Self {
        if let sled::Error::Io(io) = &e
            && out_of_room(io)
        {
            return VaultError::DiskFull;
        }
        // sled's messages name files and offsets, never stored values.
        VaultError::Storage {
            action,
            reason: e.to_string(),
        }
    }
}
