//! Crash safety (DESIGN.md §7, property 7): a multi-record change is
//! all or nothing, also when the process is killed halfway.
//!
//! One vault of a few thousand records is prepared in-process; each run copies
//! its folder (a vault folder copy is a complete backup), starts the real
//! binary on the copy with a purge, an import or (once `kluis erase person`
//! exists) an erasure, kills it with SIGKILL after a random delay spread over
//! the whole uninterrupted run time, and then checks that:
//! - `kluis check --json` passes (`ok: true`),
//! - the records, counted by kind, are exactly those before the change or
//!   exactly those after it, and every one of them decrypts,
//! - the keyring holds one key generation per bucket (an interrupted re-key
//!   leaves no old bucket key behind once the vault has been opened again),
//! - the folder holds only `keyring` and `db/`,
//! - every fifth run, the same command then completes normally.
//!
//! `KLUIS_CRASH_RUNS` sets the number of runs (default 50), `KLUIS_CRASH_SEED`
//! replays a run; the seed is printed.

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{
    cli::kluis_std as kluis,
    files::{copy_dir, wait_until_released},
    vault::{FAST, NOW, PASS, clock},
};
use kluis::ops::{Session, import};
use kluis::vault::Vault;
use kluis::vault::keyring::Keyring;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The person the erasure runs erase (a participant with documents, a
/// requester of a quote and of a subject request).
const ERASE_EMAIL: &str = "deelnemer1@example.nl";

type Counts = BTreeMap<String, usize>;

/// An import file: `people` people with a trajectory and three documents
/// each; a third completed long ago (expired on NOW), a third recently, a
/// third still running. Every tenth requests a quote (declined long ago, so
/// expired; or accepted, so its people join the mailing list), some have old
/// contact requests and handled subject requests (expired).
fn import_json(prefix: &str, people: usize) -> String {
    let body = "Gespreksverslag: sterke punten, aandachtspunten, vervolgstappen. ".repeat(3);
    let mut persons = Vec::new();
    let mut trajectories = Vec::new();
    let mut documents = Vec::new();
    let mut quotes = Vec::new();
    let mut contacts = Vec::new();
    let mut requests = Vec::new();
    for i in 0..people {
        let p = format!("{prefix}p{i}");
        let t = format!("{prefix}t{i}");
        persons.push(json!({
            "ref": p, "name": format!("Deelnemer {prefix}{i}"),
            "email": format!("{prefix}deelnemer{i}@example.nl"), "created_on": "2025-01-01"
        }));
        let completed = match i % 3 {
            0 => json!("2025-03-01"),
            1 => json!("2026-11-01"),
            _ => Value::Null,
        };
        trajectories.push(json!({
            "ref": t, "kind": if i % 2 == 0 { "coaching" } else { "training" },
            "title": format!("Traject {prefix}{i}"), "participants": [p],
            "started_on": "2025-01-10", "completed_on": completed
        }));
        for d in 0..3 {
            documents.push(json!({
                "trajectory": t, "participant": p,
                "kind": if d == 0 { "questionnaire_result" } else { "individual_report" },
                "title": format!("Rapport {d} {prefix}{i}"), "body": body,
                "created_on": "2025-02-01"
            }));
        }
        if i % 10 == 1 {
            quotes.push(json!({
                "requester": p, "participants": [p], "amount": "1250.00",
                "sent_on": "2025-01-05", "accepted_on": "2025-01-10"
            }));
            requests.push(json!({
                "person": p, "kind": "access", "received_on": "2024-03-01",
                "handled_on": "2024-03-20"
            }));
        }
        if i % 10 == 4 {
            quotes.push(json!({
                "requester": p, "amount": "900.00", "sent_on": "2024-10-01",
                "declined_on": "2024-10-20"
            }));
        }
        if i % 7 == 0 {
            contacts.push(json!({
                "name": format!("Aanvrager {prefix}{i}"), "message": "Graag een gesprek.",
                "received_on": "2025-06-01", "first_contact_on": "2025-06-03"
            }));
        }
    }
    json!({
        "people": persons, "trajectories": trajectories, "documents": documents,
        "quotes": quotes, "contact_requests": contacts, "subject_requests": requests,
        "team_reports": [{
            "organisation": "Gemeente Utrecht", "team": format!("Team {prefix}"),
            "title": format!("Advies {prefix}"), "body": "Advies over samenwerking.",
            "delivered_on": "2025-06-01", "password": "een-lang-teamwachtwoord-van-de-test"
        }]
    })
    .to_string()
}

fn open_vault(vault: &Path) -> Vault {
    let mut tries = 0;
    loop {
        match Vault::open(vault, PASS.as_bytes()) {
            Ok(v) => return v,
            Err(kluis::vault::VaultError::InUse(_)) if tries < 500 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => panic!("the vault at {} does not open: {e}", vault.display()),
        }
    }
}

/// Every record by kind, all decrypted and decoded.
fn counts(vault: &Path) -> Counts {
    let s = Session::load(open_vault(vault), clock(NOW)).unwrap();
    assert!(
        s.unreadable.is_empty(),
        "unreadable records in {}: {:?}",
        vault.display(),
        s.unreadable
    );
    let out = s
        .data
        .counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| (k.name().to_string(), n))
        .collect();
    drop(s);
    wait_until_released(vault);
    out
}

fn prepare(dir: &Path) -> PathBuf {
    let vault = dir.join("base");
    let v = Vault::create(&vault, PASS.as_bytes(), FAST, NOW).unwrap();
    let mut s = Session::load(v, clock(NOW)).unwrap();
    let file = import::parse(&import_json("", 600)).unwrap();
    let plan = import::plan(&s, &file).unwrap();
    import::apply(&mut s, plan).unwrap();
    drop(s);
    wait_until_released(&vault);
    vault
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Purge,
    Import,
    Erase,
}

struct Scenario {
    op: Op,
    before: Counts,
    after: Counts,
    /// Uninterrupted wall time of the command.
    took: Duration,
    killed_before: usize,
    killed_after: usize,
    exited: usize,
}

fn command(op: Op, vault: &Path, import_file: &Path) -> Command {
    let mut c = kluis(vault);
    match op {
        Op::Purge => c.args(["purge", "--expired", "--yes", "--json"]),
        Op::Import => c.arg("import").arg(import_file),
        Op::Erase => c.args(["erase", "person", ERASE_EMAIL, "--yes", "--json"]),
    };
    c.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn run_to_end(op: Op, vault: &Path, import_file: &Path) -> Duration {
    let t = Instant::now();
    let out = command(op, vault, import_file).output().unwrap();
    let took = t.elapsed();
    assert!(
        out.status.success(),
        "{op:?} did not succeed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

/// Whether this build has `kluis erase person` (branch `rights`).
fn erase_exists() -> bool {
    Command::new(env!("CARGO_BIN_EXE_kluis"))
        .args(["erase", "person", "--help"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn check_json(vault: &Path) -> Value {
    let out = kluis(vault).args(["check", "--json"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "check panicked"
    );
    let v: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|_| {
        panic!(
            "check --json printed no JSON (exit {:?}): {stdout}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(
        out.status.code(),
        Some(0),
        "check failed after a crash: {v}"
    );
    v
}

/// After any open, each bucket has exactly one key generation: an
/// interrupted re-key leaves no replaced key behind.
fn assert_one_generation_per_bucket(vault: &Path) {
    let ring = Keyring::open(&vault.join("keyring"), PASS.as_bytes(), vault).unwrap();
    for (bucket, gens) in ring.buckets() {
        assert_eq!(
            gens.len(),
            1,
            "bucket {bucket} keeps {} key generations after reopening",
            gens.len()
        );
    }
}

fn assert_only_keyring_and_db(vault: &Path) {
    let mut names: Vec<String> = fs::read_dir(vault)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["db", "keyring"], "the vault folder holds {names:?}");
}

#[test]
fn a_change_killed_at_any_moment_is_all_or_nothing() {
    let runs: usize = std::env::var("KLUIS_CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let seed: u64 = std::env::var("KLUIS_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("crash test: {runs} runs, seed {seed} (replay with KLUIS_CRASH_SEED={seed})");
    let mut rng = fastrand::Rng::with_seed(seed);
    let started = Instant::now();

    let tmp = tempfile::tempdir().unwrap();
    let base = prepare(tmp.path());
    let import_file = tmp.path().join("import.json");
    fs::write(&import_file, import_json("n", 300)).unwrap();
    let before = counts(&base);

    // The uninterrupted run of each command: its time and its result.
    let mut ops = vec![Op::Purge, Op::Import];
    if erase_exists() {
        ops.push(Op::Erase);
    } else {
        println!("`kluis erase person` does not exist in this build: erasure is not covered");
    }
    let mut scenarios: Vec<Scenario> = Vec::new();
    for op in ops {
        // Its run time varies with the machine's load: the longest of three.
        let mut took = Duration::ZERO;
        let v = tmp.path().join(format!("{op:?}-reference"));
        for _ in 0..3 {
            let _ = fs::remove_dir_all(&v);
            copy_dir(&base, &v);
            took = took.max(run_to_end(op, &v, &import_file));
        }
        let after = counts(&v);
        assert_ne!(after, before, "{op:?} changed nothing");
        check_json(&v);
        fs::remove_dir_all(&v).unwrap();
        scenarios.push(Scenario {
            op,
            before: before.clone(),
            after,
            took,
            killed_before: 0,
            killed_after: 0,
            exited: 0,
        });
    }
    // The purge removes everything that had expired; the import adds its file.
    let purge = &scenarios[0];
    let removed: usize = purge.before.values().sum::<usize>() - purge.after.values().sum::<usize>();
    assert!(removed >= 600, "the purge removed only {removed} records");
    assert!(scenarios[1].after["person"] == before["person"] + 300);

    for run in 0..runs {
        let n_ops = scenarios.len();
        let sc = &mut scenarios[run % n_ops];
        // Delays cover the whole run time and beyond, stratified so that
        // each command is killed early, midway, late and at the very end.
        let strata = (runs / n_ops).max(1) as f64;
        let frac = (((run / n_ops) as f64 + rng.f64()) / strata).min(1.0) * 1.3;
        let delay = sc.took.mul_f64(frac);
        let v = tmp.path().join(format!("run{run}"));
        copy_dir(&base, &v);

        let mut child = command(sc.op, &v, &import_file).spawn().unwrap();
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "run {run} panicked: {stderr}");
        if finished {
            assert!(
                out.status.success(),
                "run {run}: {:?} failed on its own: {stderr}",
                sc.op
            );
        }

        let report = check_json(&v);
        assert_eq!(report["ok"], json!(true), "run {run}: {report}");
        assert_eq!(report["audit_chain"], json!("ok"), "run {run}: {report}");
        let now = counts(&v);
        let state = if now == sc.before {
            sc.killed_before += 1;
            "before"
        } else if now == sc.after {
            if finished {
                sc.exited += 1;
            } else {
                sc.killed_after += 1;
            }
            "after"
        } else {
            panic!(
                "run {run} (seed {seed}): {:?} killed after {delay:?} left a partial change\nbefore: {:?}\nafter:  {:?}\nfound:  {:?}",
                sc.op, sc.before, sc.after, now
            );
        };
        assert_eq!(
            report["records_checked"],
            json!(now.values().sum::<usize>()),
            "run {run}"
        );
        assert_one_generation_per_bucket(&v);
        assert_only_keyring_and_db(&v);

        // Every fifth run: the vault goes on working, and the same command
        // now completes. Purge and erasure then reach the "after" state (an
        // erasure that went through has no person left to erase).
        if run % 5 == 4 && !(sc.op == Op::Erase && state == "after") {
            run_to_end(sc.op, &v, &import_file);
            let again = counts(&v);
            if sc.op != Op::Import {
                assert_eq!(again, sc.after, "run {run}: {:?} resumed", sc.op);
            }
            check_json(&v);
        }
        println!(
            "run {run:>3}: {:<6?} killed at {:>4.0} ms of {:>4.0} ms -> {state}",
            sc.op,
            delay.as_secs_f64() * 1000.0,
            sc.took.as_secs_f64() * 1000.0
        );
        fs::remove_dir_all(&v).unwrap();
    }

    for sc in &scenarios {
        println!(
            "{:?}: uninterrupted {:.0} ms; killed with nothing written {}, killed after the commit {}, finished before the kill {}",
            sc.op,
            sc.took.as_secs_f64() * 1000.0,
            sc.killed_before,
            sc.killed_after,
            sc.exited
        );
    }
    println!("crash test took {:.1} s", started.elapsed().as_secs_f64());
}
