//! The `kluis` binary run on a vault with a clean environment, its output,
//! and what an error message of it must look like.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::fixture::personal_needles;
use super::vault::{NOW, PASS};
use assert_cmd::Command;
use std::path::Path;

/// The `kluis` binary as every test starts it, with no vault given: none
/// of the machine's kluis variables, English (`LANG=C`), the fixed clock,
/// and `home` (a folder that need not exist) as the home, config, data and
/// cache folder, so a developer's own `config.toml`, vault or viewer copies
/// are never read or touched. Every test that runs the binary goes through
/// here (`cli_config` checks that).
pub fn kluis_bin(home: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kluis"));
    for var in [
        "KLUIS_PASSWORD",
        "KLUIS_PASSWORD_FILE",
        "KLUIS_VAULT",
        "KLUIS_NOW",
        "KLUIS_VIEWER",
        "LANG",
        "LC_ALL",
        "LANGUAGE",
    ] {
        c.env_remove(var);
    }
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("LANG", "C")
        .env("KLUIS_NOW", NOW);
    c
}

/// The `kluis` binary on `vault`, with a clean environment (`kluis_bin`,
/// its home beside the vault) and the right passphrase in `KLUIS_PASSWORD`.
pub fn kluis_std(vault: &Path) -> std::process::Command {
    let mut c = kluis_bin(&vault.with_extension("home"));
    c.env("KLUIS_PASSWORD", PASS).arg("--vault").arg(vault);
    c
}

/// `c` as one line for a shell (`env -u … K='v' … 'program' 'arg' …`), for
/// a test that starts the binary through tmux or `sh -c`.
pub fn shell_line(c: &std::process::Command) -> String {
    let quote = |s: &std::ffi::OsStr| format!("'{}'", s.to_string_lossy().replace('\'', "'\\''"));
    let mut line = String::from("env");
    // `env` takes its options (-u) before the assignments.
    for (k, _) in c.get_envs().filter(|(_, v)| v.is_none()) {
        line.push_str(&format!(" -u {}", k.to_string_lossy()));
    }
    for (k, v) in c.get_envs() {
        if let Some(v) = v {
            line.push_str(&format!(" {}={}", k.to_string_lossy(), quote(v)));
        }
    }
    line.push(' ');
    line.push_str(&quote(c.get_program()));
    for a in c.get_args() {
        line.push(' ');
        line.push_str(&quote(a));
    }
    line
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
