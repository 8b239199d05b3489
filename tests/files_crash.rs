//! DESIGN.md §7.7 and §13.1: adding a file and purging a document with files
//! are all or nothing, also when the process is killed halfway.
//!
//! Each run copies a prepared vault, starts the real binary on the copy with
//! `document add` of a file of a few MiB, or a purge that removes a document
//! holding two files, kills it with SIGKILL at a random moment within its
//! uninterrupted run time, and then checks that `kluis check` passes, that
//! the document is there with every file whole or not there at all, and
//! that after one writable open no stored file is left that no record names.
//! 30 runs by default; `KLUIS_CRASH_RUNS` asks for more, `KLUIS_CRASH_SEED`
//! replays them (the seed is printed).

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod attached;
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::attached::*;
use common::cli::{kluis, kluis_std, run};
use common::files::{copy_dir, wait_until_released};
use common::vault::{NOW, open_session, serial};
use kluis::domain::DocumentKind;
use kluis::ops::attachments::{self, NewDocument};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const MIB: usize = 1024 * 1024;

/// What a run starts, and the files it is about.
struct Setup {
    template: PathBuf,
    args: Vec<String>,
    /// The files of the document, by name, as they must come back whole.
    files: Vec<(String, Vec<u8>)>,
}

fn add_setup(dir: &Path) -> Setup {
    let template = dir.join("add-template");
    let (s, trajectory, person) = vault_with_trajectory(&template, None);
    drop(s);
    wait_until_released(&template);
    let src = dir.join("groot-rapport.bin");
    let bytes = marker_file(&src, 3 * MIB + 5);
    let args = [
        "document",
        "add",
        "--trajectory",
        trajectory.as_str(),
        "--participant",
        person.as_str(),
        "--kind",
        "individual_report",
        "--title",
        "Groot rapport",
        "--file",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([src.display().to_string()])
    .collect();
    Setup {
        template,
        args,
        files: vec![("groot-rapport.bin".into(), bytes)],
    }
}

fn purge_setup(dir: &Path) -> Setup {
    let template = dir.join("purge-template");
    let (mut s, trajectory, person) = vault_with_trajectory(&template, Some("2026-02-01"));
    let a = dir.join("a.bin");
    let b = dir.join("b.bin");
    let files = vec![
        ("a.bin".to_string(), marker_file(&a, 2 * MIB)),
        ("b.bin".to_string(), marker_file(&b, MIB + 3)),
    ];
    attachments::add_document(
        &mut s,
        &NewDocument {
            trajectory,
            participant: person,
            kind: DocumentKind::IndividualReport,
            title: "Eindrapport".into(),
            body: None,
            files: vec![a, b],
        },
    )
    .unwrap();
    drop(s);
    wait_until_released(&template);
    Setup {
        template,
        args: ["purge", "--expired", "--yes"].map(String::from).to_vec(),
        files,
    }
}

/// Runs the command on `vault` and kills it after `after` (or lets it end).
fn start_and_kill(vault: &Path, args: &[String], after: Option<Duration>) -> Duration {
    let started = Instant::now();
    let mut child = kluis_std(vault)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    match after {
        Some(after) => {
            while started.elapsed() < after {
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            let _ = child.kill();
            child.wait().unwrap();
        }
        None => assert!(child.wait().unwrap().success()),
    }
    started.elapsed()
}

/// The state after a run: `check` passes, the document is whole or absent,
/// and no stored file is left that no record names. Whether it is there.
fn assert_whole_or_absent(vault: &Path, setup: &Setup, what: &str) -> bool {
    let r = run(kluis(vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{what}: check failed: {}", r.stdout);
    let r = run(kluis(vault).args(["document", "list", "--json"]));
    assert_eq!(r.code, 0, "{what}: {}", r.stderr);
    let docs = r.json()["documents"].as_array().unwrap().clone();
    let with_files: Vec<_> = docs
        .iter()
        .filter(|d| !d["files"].as_array().unwrap().is_empty())
        .collect();
    let present = !with_files.is_empty();
    if present {
        assert_eq!(with_files.len(), 1, "{what}: {docs:?}");
        let doc = with_files[0];
        let id = doc["id"].as_str().unwrap();
        let names: Vec<&str> = doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = setup.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, want, "{what}: files");
        let out = vault.with_extension("out");
        for (name, bytes) in &setup.files {
            let r = run(kluis(vault)
                .args(["document", "get", id, "--file", name, "--force", "--out"])
                .arg(&out));
            assert_eq!(r.code, 0, "{what}: get {name}: {}", r.stderr);
            assert!(
                fs::read(&out).unwrap() == *bytes,
                "{what}: {name} not whole"
            );
        }
        fs::remove_file(&out).unwrap();
    }
    // `document list` opened it writable: what no record names is gone.
    let s = open_session(vault, NOW);
    let named = named_files(&s);
    drop(s);
    let stored: Vec<String> = stored_files(vault)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let named: Vec<String> = named.iter().map(|id| id.to_string()).collect();
    assert_eq!(stored, named, "{what}: stored files no record names");
    wait_until_released(vault);
    present
}

#[test]
fn an_add_or_a_purge_of_files_killed_at_any_moment_is_all_or_nothing() {
    let _serial = serial();
    let runs: usize = std::env::var("KLUIS_CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(30, |n: usize| n.max(30));
    let seed: u64 = std::env::var("KLUIS_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("file crash test: {runs} runs, seed {seed} (replay with KLUIS_CRASH_SEED={seed})");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir().unwrap();
    let setups = [add_setup(dir.path()), purge_setup(dir.path())];
    // How long each takes uninterrupted, and that it then succeeds.
    let took: Vec<Duration> = setups
        .iter()
        .map(|setup| {
            let vault = dir.path().join("whole");
            copy_dir(&setup.template, &vault);
            let t = start_and_kill(&vault, &setup.args, None);
            let present = assert_whole_or_absent(&vault, setup, "uninterrupted");
            assert_eq!(present, setup.args[0] == "document");
            fs::remove_dir_all(&vault).unwrap();
            t
        })
        .collect();
    let mut outcomes = [[0usize; 2]; 2];
    for i in 0..runs {
        // Two adds for each purge: the add has more moments to hit.
        let which = usize::from(i % 3 == 2);
        let setup = &setups[which];
        let vault = dir.path().join(format!("run{i}"));
        copy_dir(&setup.template, &vault);
        let at = took[which].mul_f64(rng.f64() * 1.1);
        start_and_kill(&vault, &setup.args, Some(at));
        let what = format!(
            "run {i} ({}, killed after {at:?}, seed {seed})",
            setup.args[0]
        );
        let present = assert_whole_or_absent(&vault, setup, &what);
        outcomes[which][usize::from(present)] += 1;
        fs::remove_dir_all(&vault).unwrap();
    }
    println!(
        "add: {:?} absent/present, purge: {:?} absent/present",
        outcomes[0], outcomes[1]
    );
}
