//! Writing an export to a file: the one place plaintext leaves the vault,
//! so the file is readable by its owner only (mode 0600) and an existing
//! file is never overwritten unless the coach says so.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the file exists already")]
    Exists,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

fn create_new_private(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// Whether something (a file, a folder, a link) is at `path` already.
pub fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Writes `bytes` to a new file readable by its owner only. Without
/// `overwrite` an existing file is never touched (the check and the creation
/// are one step). With it, the content goes to a private temporary file
/// beside the target, which is then renamed over it: the old file's
/// permissions do not carry over and a failure leaves the old file intact.
pub fn write_private(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let write = |f: &mut File| f.write_all(bytes).and_then(|()| f.sync_all());
    if !overwrite {
        let mut f = create_new_private(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists
            } else {
                WriteError::Io(e)
            }
        })?;
        if let Err(e) = write(&mut f) {
            drop(f);
            let _ = std::fs::remove_file(path);
            return Err(e.into());
        }
        return Ok(());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_string());
    let tmp = path.with_file_name(format!(".{name}.kluis-{}.tmp", std::process::id()));
    let result = create_new_private(&tmp)
        .and_then(|mut f| write(&mut f))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(())
}
