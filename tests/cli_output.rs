//! Output that cannot betray (issue 13, item 4): a closed pipe ends a command
//! quietly, a full device gives one sentence and exit 1, a generated
//! team-report password is shown before its import commits, and stored
//! control characters reach no terminal raw. The runs use the real binary
//! with its standard output on `/dev/full` or on a pipe without a reader.

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, fixture::*, vault::*};
use std::fs::File;
use std::path::Path;
use std::process::Stdio;

/// A pipe whose reader is gone before the child starts: its first write
/// gets EPIPE, as `kluis status | head -c 0` would.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

fn dev_full() -> File {
    File::options().write(true).open("/dev/full").unwrap()
}

/// Runs `kluis --vault VAULT ARGS` with standard output on `stdout`.
fn run_to(vault: &Path, args: &[&str], stdout: impl Into<Stdio>) -> Run {
    let out = kluis_std(vault)
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[track_caller]
fn assert_one_sentence_about_the_full_device(r: &Run) {
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("could not write to standard output: the device is full"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

const TEAM_REPORT: &str = r#"{"team_reports": [{"organisation": "Zorggroep Oost",
  "team": "Jeugd", "title": "Adviesrapport Jeugd", "body": "Verzuim 14%.",
  "delivered_on": "2026-10-01"}]}"#;

#[test]
fn status_on_a_closed_pipe_ends_quietly() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    practice_vault(&vault);
    for args in [&["status"][..], &["status", "--json"], &["breach", "list"]] {
        let r = run_to(&vault, args, closed_pipe());
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{args:?}");
    }
}

#[test]
fn status_on_a_full_device_is_one_sentence_and_exit_1() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    practice_vault(&vault);
    for args in [&["status"][..], &["status", "--json"], &["check"]] {
        let r = run_to(&vault, args, dev_full());
        assert_one_sentence_about_the_full_device(&r);
    }
}

#[test]
fn purge_on_a_closed_pipe_still_purges_and_ends_quietly() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    practice_vault(&vault);
    let r = run_to(
        &vault,
        &["purge", "--expired", "--yes", "--json"],
        closed_pipe(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let after = run(kluis(&vault).args(["purge", "--expired", "--dry-run", "--json"]));
    assert_eq!(
        after.json()["count"],
        0,
        "the purge was made: {}",
        after.stdout
    );
}

#[test]
fn an_import_whose_password_cannot_be_shown_changes_nothing() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    let file = tmp.path().join("team.json");
    std::fs::write(&file, TEAM_REPORT).unwrap();
    let file = file.to_str().unwrap();
    // Opening the vault lets sled write a snapshot file, so "unchanged" is:
    // no record and no audit entry more.
    let audit = |vault: &Path| {
        let s = open_session(vault, NOW);
        (
            s.data.team_reports.len(),
            s.vault.audit_entries().unwrap().len(),
        )
    };
    let before = audit(&vault);

    let full = run_to(&vault, &["import", file], dev_full());
    assert_one_sentence_about_the_full_device(&full);
    assert!(
        full.stderr.contains("nothing was imported"),
        "{}",
        full.stderr
    );
    assert_eq!(audit(&vault), before, "an import to /dev/full");

    let closed = run_to(&vault, &["import", file], closed_pipe());
    assert_eq!(closed.code, 1, "{}", closed.stderr);
    assert!(
        closed.stderr.contains("nothing was imported"),
        "{}",
        closed.stderr
    );
    assert_eq!(audit(&vault), before, "an import to a closed pipe");

    // With a reader, the same file imports and shows its password once.
    let ok = run(kluis(&vault).arg("import").arg(file));
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(generated_passwords(&ok.stdout).len(), 1, "{}", ok.stdout);
    assert_eq!(audit(&vault), (1, before.1 + 1));
}
