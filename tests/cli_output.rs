//! Output that cannot betray (DESIGN.md §8): a closed pipe ends a command
//! quietly, a full device gives one sentence and exit 1, a generated
//! team-report password is shown before its import commits, and stored
//! control characters reach no terminal raw. The runs use the real binary
//! with its standard output on `/dev/full` or on a pipe without a reader.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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

/// A name that forges a purge line, retitles the window, starts a C1 CSI
/// sequence and turns the rest of the line around.
const HOSTILE: &str =
    "Anna\r\n  2019-01-01  forged line\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{202e}txt.exe";

/// Stores records whose text fields hold control characters, as an old
/// vault or an edited one may (input refuses them now), bypassing every
/// input check. Returns the person's and the breach's ids.
fn hostile_vault(vault: &Path) -> (String, String) {
    use kluis::domain::breach::Breach;
    use kluis::domain::records::*;
    use kluis::domain::{AnyRecord, Id};
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    new_vault(vault);
    let mut s = open_session(vault, NOW);
    let (person, trajectory, breach) = (Id::generate(), Id::generate(), Id::generate());
    let records = vec![
        (
            person.clone(),
            AnyRecord::Person(Person {
                name: HOSTILE.into(),
                email: Some("anna@example.nl".into()),
                phone: Some(HOSTILE.into()),
                organisation: Some(HOSTILE.into()),
                created_on: d("2020-01-01"),
            }),
        ),
        (
            trajectory.clone(),
            AnyRecord::Trajectory(Trajectory {
                kind: TrajectoryKind::Coaching,
                title: HOSTILE.into(),
                participants: vec![person.clone()],
                requester: None,
                started_on: Some(d("2020-01-01")),
                completed_on: Some(d("2020-02-01")),
            }),
        ),
        (
            Id::generate(),
            AnyRecord::Document(Document {
                trajectory,
                participant: person.clone(),
                kind: DocumentKind::IndividualReport,
                title: HOSTILE.into(),
                body: format!("regel 1\n\tregel 2 {HOSTILE}"),
                created_on: d("2020-01-15"),
                files: Vec::new(),
            }),
        ),
        (
            Id::generate(),
            AnyRecord::ContactRequest(ContactRequest {
                name: HOSTILE.into(),
                email: None,
                phone: None,
                message: HOSTILE.into(),
                received_on: d("2020-01-01"),
                first_contact_on: None,
            }),
        ),
        (
            Id::generate(),
            AnyRecord::Subscriber(Subscriber {
                email: "sub@example.nl".into(),
                name: Some(HOSTILE.into()),
                source: SubscriberSource::Manual,
                evidence: HOSTILE.into(),
                subscribed_on: d("2026-01-01"),
            }),
        ),
        (
            breach.clone(),
            AnyRecord::Breach(Breach::new(
                chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap(),
                HOSTILE,
            )),
        ),
    ];
    s.commit("test", records, vec![]).unwrap();
    (person.as_str().to_string(), breach.as_str().to_string())
}

/// C0, DEL, C1 and the bidirectional controls, written out here so the test
/// does not share the program's definition.
fn terminal_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{061c}' | '\u{200e}' | '\u{200f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[track_caller]
fn assert_no_raw_control(what: &str, out: &str) {
    // A line break may be CR LF (a document body from a Windows file).
    let raw: Vec<char> = out
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| terminal_control(*c) && !matches!(c, '\n' | '\t'))
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in {out:?}");
}

#[test]
fn stored_control_characters_reach_no_terminal_raw() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    let (person, breach) = hostile_vault(&vault);
    let commands: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["status", "--json"],
        vec!["purge", "--expired", "--dry-run"],
        vec!["purge", "--expired", "--dry-run", "--json"],
        vec!["export", "person", &person, "--format", "md"],
        vec!["export", "person", &person, "--format", "json"],
        vec!["mailing", "export"],
        vec!["breach", "list"],
        vec!["breach", "list", "--json"],
        vec!["breach", "report", &breach],
    ];
    for args in commands {
        let r = run(kluis(&vault).args(&args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_no_raw_control(&format!("{args:?}"), &r.stdout);
        assert!(r.stdout.contains("forged line"), "{args:?}: {}", r.stdout);
        if args.contains(&"--json") || args.contains(&"json") {
            // Escaped by JSON's rules: it parses back to the stored text.
            assert!(
                r.json().to_string().contains("\\r\\n  2019-01-01"),
                "{args:?}"
            );
            assert!(r.stdout.contains("\\u009b31m"), "{args:?}: {}", r.stdout);
        } else {
            assert!(r.stdout.contains(r"\u{9b}31m"), "{args:?}: {}", r.stdout);
        }
    }
}

#[test]
fn a_line_break_in_a_name_forges_no_line_of_the_purge_list() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    hostile_vault(&vault);
    let r = run(kluis(&vault).args(["purge", "--expired", "--dry-run"]));
    let count =
        run(kluis(&vault).args(["purge", "--expired", "--dry-run", "--json"])).json()["count"]
            .as_u64()
            .unwrap() as usize;
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), count + 1, "{}", r.stdout);
    for l in &lines[..count] {
        assert!(l.starts_with("  20"), "a forged line: {l:?}");
        assert!(!l.trim_start().starts_with("2019-01-01"), "{l:?}");
    }
}

#[test]
fn the_mailing_csv_starts_no_formula() {
    use kluis::domain::records::{Subscriber, SubscriberSource};
    use kluis::domain::{AnyRecord, Id};
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    let names = [
        "=HYPERLINK(\"http://evil.example\",\"klik\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "Anna de Vries",
    ];
    let mut s = open_session(&vault, NOW);
    let subscribers = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let sub = Subscriber {
                email: format!("{}{i}@example.nl", if i == 0 { "=" } else { "" }),
                name: Some(name.to_string()),
                source: SubscriberSource::Manual,
                evidence: "formulier".into(),
                subscribed_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            };
            (Id::generate(), AnyRecord::Subscriber(sub))
        })
        .collect();
    s.commit("test", subscribers, vec![]).unwrap();
    drop(s);
    let file = tmp.path().join("lijst.csv");
    let r = run(kluis(&vault)
        .args(["mailing", "export", "--out"])
        .arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rows = csv::Reader::from_path(&file).unwrap();
    let mut seen = 0;
    for row in rows.records() {
        let row = row.unwrap();
        for cell in [&row[0], &row[1]] {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell: {cell:?}"
            );
        }
        let name = &row[1];
        let original = name.strip_prefix('\'').unwrap_or(name);
        assert!(names.contains(&original), "{name:?}");
        assert_eq!(
            name.starts_with('\''),
            original != "Anna de Vries",
            "{name:?}"
        );
        seen += 1;
    }
    assert_eq!(seen, names.len());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("'=0@example.nl")
    );
}
