//! Starting a viewer on a decrypted copy (`decrypted_copies`): the system's
//! viewer for the file's type through the `opener` crate (xdg-open, `open`
//! on macOS, the shell on Windows), or the program in `KLUIS_VIEWER`, given
//! the path as its one argument. Either runs on its own, its input and
//! output away from the terminal kluis draws on; kluis does not wait for it.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

/// Starts the viewer on `copy`; the error is the operating system's words
/// (a path at most, never content).
pub fn start(command: Option<&OsStr>, copy: &Path) -> Result<(), String> {
    match command {
        Some(program) => {
            let mut child = Command::new(program)
                .arg(copy)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("{}: {e}", Path::new(program).display()))?;
            // Collected when it ends, so it leaves no zombie behind.
            std::thread::spawn(move || child.wait());
            Ok(())
        }
        None => opener::open(copy).map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stand_in_viewer_gets_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let seen = dir.path().join("seen");
        let script = dir.path().join("viewer.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
        let copy = dir.path().join("a b.pdf");
        start(Some(script.as_os_str()), &copy).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !seen.exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(
            std::fs::read_to_string(&seen).unwrap(),
            copy.to_string_lossy()
        );
        let missing = dir.path().join("no-such-viewer");
        assert!(start(Some(missing.as_os_str()), &copy).is_err());
    }
}
