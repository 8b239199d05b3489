//! Writing an export to a file: the one place plaintext leaves the vault,
//! so the file is readable by its owner only (mode 0600) and an existing
//! file is never overwritten unless the coach says so.
//!
//! One implementation serves every export: `ops::breach::write_private`
//! (the AP notification draft) already does exactly this, so the access
//! export and the mailing list use it too, with a rights-neutral error.

use crate::ops::breach::{self, BreachError};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the file exists already")]
    Exists,
    /// Why writing failed (the operating system's words; names the path at
    /// most, never content).
    #[error("{0}")]
    Io(String),
}

/// Whether something (a file, a folder, a link) is at `path` already.
pub fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Writes `bytes` to a new file readable by its owner only. Without
/// `overwrite` an existing file is never touched (the check and the creation
/// are one step); with it, the content replaces the file through a new 0600
/// file and a rename, so the old file's permissions do not carry over.
pub fn write_private(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    breach::write_private(path, bytes, overwrite).map_err(|e| match e {
        BreachError::FileExists(_) => WriteError::Exists,
        BreachError::Write { reason, .. } => WriteError::Io(reason),
        other => WriteError::Io(other.to_string()),
    })
}
