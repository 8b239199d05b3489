//! The decrypted copies a viewer opens (DESIGN.md §13.1): a file leaves the
//! vault decrypted only into a private folder, only for as long as the coach
//! looks at it.
//!
//! The folder is `kluis/` in the user's runtime folder (`XDG_RUNTIME_DIR`,
//! a memory file system that is the user's alone and emptied at logout),
//! else `open/` in kluis's cache folder; mode 0700, refused when it is a
//! link or another user's. Each running kluis keeps its copies in a folder
//! of its own in there, holding an exclusive lock on its `.lock` file while
//! it runs; each copy is a 0600 file in a subfolder of its own, under the
//! file's own name so the viewer shows it. A copy goes when the coach says
//! they are done, and all of them when the vault locks, when kluis quits
//! (`Drop`), and, after kluis was killed, at the next start: a folder whose
//! lock nobody holds is a leftover and is removed (`remove_leftovers`).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The lock file that says a kluis still uses its folder.
const LOCK: &str = ".lock";

/// Where the private folders are, and which viewer opens a copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewerSettings {
    /// The folder that holds one private folder per running kluis.
    pub base: PathBuf,
    /// `KLUIS_VIEWER`: a program that is given the copy's path instead of
    /// the system's viewer (for tests and for coaches who want a fixed one).
    pub command: Option<std::ffi::OsString>,
}

impl ViewerSettings {
    /// From the environment: `XDG_RUNTIME_DIR/kluis`, else the cache
    /// folder's `open/`, else the temporary folder's `kluis-<uid>/`.
    pub fn from_env() -> ViewerSettings {
        let runtime = std::env::var_os("XDG_RUNTIME_DIR")
            .filter(|d| !d.is_empty() && Path::new(d).is_absolute())
            .map(|d| PathBuf::from(d).join("kluis"));
        let cache = || {
            directories::ProjectDirs::from("nl", "Optiwork", "kluis")
                .map(|d| d.cache_dir().join("open"))
        };
        let base = runtime
            .or_else(cache)
            .unwrap_or_else(|| std::env::temp_dir().join(format!("kluis-{}", user_id())));
        ViewerSettings {
            base,
            command: std::env::var_os("KLUIS_VIEWER").filter(|c| !c.is_empty()),
        }
    }
}

#[cfg(unix)]
fn user_id() -> u32 {
    rustix::process::getuid().as_raw()
}

#[cfg(not(unix))]
fn user_id() -> u32 {
    0
}

/// This kluis's decrypted copies.
#[derive(Debug)]
pub struct DecryptedCopies {
    base: PathBuf,
    /// This process's folder and the lock on it, made at the first copy.
    own: Option<(PathBuf, File)>,
    copies: Vec<PathBuf>,
    next: u32,
}

impl DecryptedCopies {
    pub fn new(base: PathBuf) -> DecryptedCopies {
        DecryptedCopies {
            base,
            own: None,
            copies: Vec::new(),
            next: 0,
        }
    }

    /// The copies that exist now.
    pub fn copies(&self) -> &[PathBuf] {
        &self.copies
    }

    /// Makes a private copy named after `name` and fills it with `write`;
    /// on any failure nothing stays behind. Returns the copy's path.
    pub fn create<E: From<io::Error>>(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut File) -> Result<(), E>,
    ) -> Result<PathBuf, E> {
        let own = self.own_folder()?;
        self.next += 1;
        let folder = own.join(self.next.to_string());
        private_folder(&folder)?;
        let path = folder.join(safe_name(name));
        let written = private_file(&path)
            .map_err(E::from)
            .and_then(|mut f| write(&mut f));
        if let Err(e) = written {
            let _ = fs::remove_dir_all(&folder);
            return Err(e);
        }
        self.copies.push(path.clone());
        Ok(path)
    }

    /// The coach is done with this copy: it goes, with its folder.
    pub fn remove(&mut self, copy: &Path) -> io::Result<()> {
        self.copies.retain(|c| c != copy);
        match copy.parent() {
            Some(folder) if folder.parent() == self.own.as_ref().map(|o| o.0.as_path()) => {
                remove_if_there(folder)
            }
            _ => Ok(()),
        }
    }

    /// Every copy goes (lock, quit); the folder and its lock too.
    pub fn remove_all(&mut self) -> io::Result<()> {
        self.copies.clear();
        match self.own.take() {
            Some((folder, _lock)) => remove_if_there(&folder),
            None => Ok(()),
        }
    }

    fn own_folder(&mut self) -> io::Result<PathBuf> {
        if let Some((folder, _)) = &self.own {
            return Ok(folder.clone());
        }
        private_folder(&self.base)?;
        let folder = self.base.join(format!("{:016x}", fastrand::u64(..)));
        private_folder(&folder)?;
        let lock = private_file(&folder.join(LOCK))?;
        fs2::FileExt::try_lock_exclusive(&lock)?;
        self.own = Some((folder.clone(), lock));
        Ok(folder)
    }
}

impl Drop for DecryptedCopies {
    fn drop(&mut self) {
        let _ = self.remove_all();
    }
}

/// At start: removes the folders of every kluis that no longer runs (one
/// that was killed left its copies). Returns how many copies went.
pub fn remove_leftovers(base: &Path) -> io::Result<usize> {
    let entries = match fs::read_dir(base) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    check_private(base)?;
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let folder = entry.path();
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        // A lock file that opens and locks: its kluis is gone. A folder
        // without one was never finished.
        let in_use = match File::open(folder.join(LOCK)) {
            Ok(lock) => fs2::FileExt::try_lock_exclusive(&lock).is_err(),
            Err(_) => false,
        };
        if !in_use {
            removed += count_files(&folder);
            remove_if_there(&folder)?;
        }
    }
    Ok(removed)
}

/// The copies in a leftover folder (its subfolders' files).
fn count_files(folder: &Path) -> usize {
    fs::read_dir(folder).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| fs::read_dir(e.path()).map_or(0, Iterator::count))
            .sum()
    })
}

fn remove_if_there(folder: &Path) -> io::Result<()> {
    match fs::remove_dir_all(folder) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Makes `folder` (and its parents) and makes it 0700; refuses a link or a
/// folder of another user.
fn private_folder(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)?;
    check_private(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// A folder that is a real folder of this user.
fn check_private(folder: &Path) -> io::Result<()> {
    let meta = folder.symlink_metadata()?;
    let refused = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} {why}", folder.display()),
        ))
    };
    if !meta.is_dir() {
        return refused("is not a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != user_id() {
            return refused("belongs to another user");
        }
    }
    Ok(())
}

/// A new file readable by its owner only, never one that exists.
fn private_file(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// A file name that stays one name in the folder: no separators, no
/// control characters, no leading dot (hidden, or `..`), at most 200 bytes.
pub fn safe_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || crate::domain::text::is_control(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    while out.starts_with('.') {
        out.remove(0);
    }
    while out.len() > 200 {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("bestand");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        p.metadata().unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_copy_is_private_and_goes_when_done() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("kluis");
        let mut copies = DecryptedCopies::new(base.clone());
        let copy = copies
            .create("Eind rapport.pdf", |f| f.write_all(b"%PDF"))
            .unwrap();
        assert_eq!(copy.file_name().unwrap(), "Eind rapport.pdf");
        assert_eq!(fs::read(&copy).unwrap(), b"%PDF");
        assert_eq!(mode(&copy), 0o600);
        for folder in copy.ancestors().skip(1).take(3) {
            assert_eq!(mode(folder), 0o700, "{}", folder.display());
        }
        let second = copies
            .create("Eind rapport.pdf", |_| Ok::<_, io::Error>(()))
            .unwrap();
        assert_ne!(copy, second, "the same name twice gets two copies");
        copies.remove(&copy).unwrap();
        assert!(!copy.exists());
        assert!(second.exists());
        assert_eq!(copies.copies(), std::slice::from_ref(&second));
        drop(copies);
        assert!(!second.exists());
        assert_eq!(fs::read_dir(&base).unwrap().count(), 0);
    }

    #[test]
    fn a_failed_copy_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut copies = DecryptedCopies::new(dir.path().to_path_buf());
        let failed = copies.create("a.pdf", |f| {
            f.write_all(b"half")?;
            Err(io::Error::other("damaged"))
        });
        assert!(failed.is_err());
        assert!(copies.copies().is_empty());
        let own = fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        assert_eq!(fs::read_dir(own).unwrap().count(), 1, "only the lock file");
    }

    #[test]
    fn leftovers_of_a_kluis_that_is_gone_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().to_path_buf();
        let mut live = DecryptedCopies::new(base.clone());
        let kept = live.create("a.txt", |f| f.write_all(b"a")).unwrap();
        // A kluis that was killed: its folder stays, its lock is released.
        let mut killed = DecryptedCopies::new(base.clone());
        let left = killed.create("b.txt", |f| f.write_all(b"b")).unwrap();
        drop(killed.own.take());
        assert!(left.exists());
        assert_eq!(remove_leftovers(&base).unwrap(), 1);
        assert!(!left.exists());
        assert!(kept.exists());
        assert_eq!(remove_leftovers(&dir.path().join("none")).unwrap(), 0);
    }

    #[test]
    fn a_folder_that_is_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let base = dir.path().join("kluis");
        std::os::unix::fs::symlink(&elsewhere, &base).unwrap();
        let mut copies = DecryptedCopies::new(base);
        assert!(copies.create("a", |_| Ok::<_, io::Error>(())).is_err());
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    }

    #[test]
    fn names_stay_one_name() {
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_name(".verborgen"), "verborgen");
        assert_eq!(safe_name("a\u{1b}[2Jb.pdf"), "a_[2Jb.pdf");
        assert_eq!(safe_name(""), "bestand");
        assert_eq!(safe_name(&"é".repeat(300)).len(), 200);
    }
}
