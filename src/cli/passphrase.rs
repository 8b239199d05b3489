//! Where the passphrase comes from, following restic: `--password-file` or
//! `KLUIS_PASSWORD_FILE` (first line), else `KLUIS_PASSWORD`, else a prompt
//! without echo on the terminal.

use super::failure::Failure;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

pub type Secret = Zeroizing<String>;

/// The non-interactive sources, if any is set.
pub fn from_sources(password_file: Option<&Path>) -> Result<Option<Secret>, Failure> {
    let file: Option<PathBuf> = password_file
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("KLUIS_PASSWORD_FILE").map(PathBuf::from));
    if let Some(path) = file {
        return read_first_line(&path).map(Some);
    }
    if let Ok(p) = std::env::var("KLUIS_PASSWORD") {
        return Ok(Some(Zeroizing::new(p)));
    }
    Ok(None)
}

pub fn read_first_line(path: &Path) -> Result<Secret, Failure> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        Failure::error(format!(
            "could not read the password file {}: {e}",
            path.display()
        ))
    })?);
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(Failure::error(format!(
            "the password file {} is empty; put the passphrase on its first line",
            path.display()
        )));
    }
    Ok(Zeroizing::new(line.to_string()))
}

/// The passphrase of an existing vault: a source, else a prompt.
pub fn existing(password_file: Option<&Path>, prompt: &str) -> Result<Secret, Failure> {
    if let Some(p) = from_sources(password_file)? {
        return Ok(p);
    }
    ask(prompt)
}

/// A new passphrase: a source, else asked twice on the terminal.
pub fn new(source: Option<Secret>, prompt: &str, again: &str) -> Result<Secret, Failure> {
    if let Some(p) = source {
        return Ok(p);
    }
    let first = ask(prompt)?;
    let second = ask(again)?;
    if *first != *second {
        return Err(Failure::error(
            "the two passphrases differ; nothing was changed",
        ));
    }
    Ok(first)
}

fn ask(prompt: &str) -> Result<Secret, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(
            "no passphrase given: use --password-file, KLUIS_PASSWORD_FILE or KLUIS_PASSWORD, or run on a terminal",
        ));
    }
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|e| Failure::error(format!("could not read the passphrase: {e}")))
}
