//! The temporary file a backup is written to before it is renamed to the
//! name asked for (docs/FORMAT.md §8): hidden, beside that name, mode 0600,
//! and locked while it is written. A backup killed halfway leaves its part
//! unlocked (the kernel drops the lock with the process); the next backup
//! into the same folder removes every such leftover, and never the part of
//! a backup still being written.

use super::BackupError;
use crate::vault::crypto;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Hex digits of the random tag in a part's name.
const TAG_LEN: usize = 12;
const SUFFIX: &str = ".part";

/// A part being written: its path and the open, locked file.
pub struct Part {
    pub path: PathBuf,
    pub file: File,
}

/// A new part beside `out` (`.<name>.<tag>.part`), created, 0600 and locked.
pub fn create(out: &Path) -> Result<Part, BackupError> {
    let name = out.file_name().ok_or(BackupError::NoFileName)?;
    let mut tag = [0u8; TAG_LEN / 2];
    crypto::fill_random(&mut tag)?;
    let tag: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    let path = out.with_file_name(format!(".{}.{tag}{SUFFIX}", name.to_string_lossy()));
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts.open(&path).map_err(io_error)?;
    if let Err(e) = file.try_lock() {
        let _ = fs::remove_file(&path);
        let e = match e {
            TryLockError::WouldBlock => std::io::Error::from(std::io::ErrorKind::WouldBlock),
            TryLockError::Error(e) => e,
        };
        return Err(io_error(e));
    }
    Ok(Part { path, file })
}

/// Removes the parts in `out`'s folder that no backup is writing any more
/// (left by a backup that was killed): how many went. Best effort: a part
/// that cannot be opened or removed stays, and the backup goes on.
pub fn remove_stale(out: &Path) -> usize {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        if !is_part_name(&entry.file_name().to_string_lossy()) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        // A part that locks is one no process writes: its backup ended
        // without renaming it.
        let unused = File::open(&path).is_ok_and(|f| f.try_lock().is_ok());
        if unused && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// `.<name>.<12 hex digits>.part`, as `create` names a part.
fn is_part_name(file: &str) -> bool {
    let Some(inner) = file.strip_prefix('.').and_then(|f| f.strip_suffix(SUFFIX)) else {
        return false;
    };
    let Some((name, tag)) = inner.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && tag.len() == TAG_LEN
        && tag
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn io_error(e: std::io::Error) -> BackupError {
    BackupError::Io(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_a_backup_gives_its_parts_count_as_parts() {
        assert!(is_part_name(".b.kluis.0123456789ab.part"));
        assert!(is_part_name(".kluis 2026-11-25.backup.abcdefabcdef.part"));
        for other in [
            "b.kluis.0123456789ab.part",
            "..0123456789ab.part",
            ".b.kluis.0123456789a.part",
            ".b.kluis.0123456789AB.part",
            ".b.kluis.0123456789ab.partx",
            ".b.kluis.part",
            ".0123456789ab.part",
        ] {
            assert!(!is_part_name(other), "{other}");
        }
    }

    #[test]
    fn a_part_still_being_written_stays_and_one_left_behind_goes() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("b.kluis");
        let writing = create(&out).expect("part");
        let left = create(&out).expect("part");
        let left_path = left.path.clone();
        drop(left);
        let unrelated = tmp.path().join(".notes.part");
        fs::write(&unrelated, b"x").expect("write");
        assert_eq!(remove_stale(&out), 1);
        assert!(writing.path.exists(), "the part being written was removed");
        assert!(!left_path.exists(), "the part left behind stayed");
        assert!(unrelated.exists(), "a file that is no part was removed");
        drop(writing);
    }
}
