//! The vault folder is for its owner only: the folder and every folder in it
//! 0700, every file 0600, whatever the umask was when they were made (sled
//! creates its files with the process's umask) or whatever was done to them
//! since. Set at `init` and repaired at every open; links are left alone.

use super::error::VaultError;
use std::path::Path;

/// Makes `dir` and everything in it private. A read-only file system is
/// left as it is (nothing can be written there, and the vault opens for
/// reading); any other failure is reported.
pub fn make_private(dir: &Path) -> Result<(), VaultError> {
    #[cfg(unix)]
    {
        repair(dir)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(unix)]
fn repair(path: &Path) -> Result<(), VaultError> {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::symlink_metadata(path).map_err(|e| VaultError::io("read", path, e))?;
    let want = if meta.is_dir() {
        0o700
    } else if meta.is_file() {
        0o600
    } else {
        return Ok(());
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        let private = (mode & 0o700) | want;
        match fs::set_permissions(path, fs::Permissions::from_mode(private)) {
            Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => {}
            r => r.map_err(|e| VaultError::io("make private", path, e))?,
        }
    }
    if meta.is_dir() {
        for entry in fs::read_dir(path).map_err(|e| VaultError::io("read", path, e))? {
            let entry = entry.map_err(|e| VaultError::io("read", path, e))?;
            repair(&entry.path())?;
        }
    }
    Ok(())
}
