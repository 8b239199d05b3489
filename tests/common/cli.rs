//! The `kluis` binary run on a vault with a clean environment, its output,
//! and what an error message of it must look like.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::fixture::personal_needles;
use super::vault::{NOW, PASS};
use assert_cmd::Command;
use std::path::Path;

/// The `kluis` binary on `vault`, with a clean environment: English, the
/// fixed clock, the right passphrase in `KLUIS_PASSWORD`.
pub fn kluis_std(vault: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kluis"));
    for var in [
        "KLUIS_PASSWORD",
        "KLUIS_PASSWORD_FILE",
        "KLUIS_VAULT",
        "KLUIS_NOW",
        "LANG",
        "LC_ALL",
        "LANGUAGE",
    ] {
        c.env_remove(var);
    }
    // No config.toml of the machine's user: the platform config folder is
    // a folder that does not exist.
    c.env("XDG_CONFIG_HOME", vault.with_extension("no-config"))
        .env("LANG", "C")
        .env("KLUIS_NOW", NOW)
        .env("KLUIS_PASSWORD", PASS)
        .arg("--vault")
        .arg(vault);
    c
}

pub fn kluis(vault: &Path) -> Command {
    Command::from_std(kluis_std(vault))
}

/// The output of a finished run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }
}

pub fn run(c: &mut Command) -> Run {
    let out = c.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// An error message: one sentence, no panic, no personal data.
#[track_caller]
pub fn assert_clean_error(r: &Run, must_contain: &[&str]) {
    assert!(
        !r.stderr.trim().is_empty(),
        "no message on stderr (exit {})",
        r.code
    );
    for bad in [
        "panicked",
        "internal error",
        "RUST_BACKTRACE",
        "stack backtrace",
    ] {
        assert!(!r.stderr.contains(bad), "panic text in {:?}", r.stderr);
    }
    let lower = r.stderr.to_lowercase();
    for s in personal_needles() {
        assert!(
            !lower.contains(&s.to_lowercase()),
            "personal data {s:?} in the error {:?}",
            r.stderr
        );
    }
    for want in must_contain {
        assert!(
            lower.contains(&want.to_lowercase()),
            "{want:?} not in the error {:?}",
            r.stderr
        );
    }
}

/// The team-report passwords an import printed: 5 groups of 5 symbols.
pub fn generated_passwords(stdout: &str) -> Vec<String> {
    const ALPHABET: &str = "abcdefghijkmnpqrstuvwxyz23456789";
    stdout
        .split_whitespace()
        .filter(|t| {
            let groups: Vec<&str> = t.split('-').collect();
            groups.len() == 5
                && groups
                    .iter()
                    .all(|g| g.len() == 5 && g.chars().all(|c| ALPHABET.contains(c)))
        })
        .map(str::to_string)
        .collect()
}
