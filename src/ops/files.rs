//! Writing an export to a file: the one place plaintext leaves the vault,
//! so the file is readable by its owner only (mode 0600) and an existing
//! file is never overwritten unless the coach says so.
//!
//! One implementation serves every export: the access export, the mailing
//! list and the AP notification draft of a breach.

use std::io::Write;
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
    let failed = |e: std::io::Error| WriteError::Io(e.to_string());
    let create_new = |p: &Path| {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        opts.open(p)
    };
    let write_all = |mut f: std::fs::File| f.write_all(bytes).and_then(|_| f.sync_all());

    if !exists(path) || !overwrite {
        let f = create_new(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists
            } else {
                failed(e)
            }
        })?;
        return write_all(f).map_err(|e| {
            let _ = std::fs::remove_file(path);
            failed(e)
        });
    }
    if path.is_dir() {
        return Err(failed(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a folder",
        )));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{:08x}.tmp", fastrand::u32(..)));
    let result = create_new(&tmp)
        .and_then(write_all)
        .and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(failed(e));
    }
    Ok(())
}
