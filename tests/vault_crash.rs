//! DESIGN.md §7.7: every multi-record change is all-or-nothing, also when
//! the process is killed halfway.
//!
//! Two vaults are prepared in-process: the practice fixture, and the
//! practice with a few thousand records more. Each run copies one (a vault
//! folder copy is a complete backup), starts the real binary on the copy
//! with an import (of those thousands of records, into the practice), a
//! purge of everything expired or an erasure of a person, kills it with
//! SIGKILL, and then checks that:
//! - `kluis check --json` passes (`ok: true`, audit chain `ok`, every
//!   record checked) and no run panicked,
//! - the records, counted by kind, are exactly those before the change or
//!   exactly those after it, and every one of them decrypts,
//! - the keyring holds one key generation per bucket (an interrupted re-key
//!   leaves no old bucket key behind once the vault has been opened again),
//! - the folder holds only `keyring` and `db/`,
//! - after every fifth random kill, the same command then completes.
//!
//! Each command is killed at chosen moments (early, midway, and spread over
//! the commit, timed from the moment the keyring file changed) and at
//! random moments spread over its whole uninterrupted run time.
//! `KLUIS_CRASH_RUNS` sets the number of random runs (default 15, over the
//! three commands), `KLUIS_CRASH_SEED` replays them; the seed is printed.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::cli::kluis_std;
use common::files::{copy_dir, wait_until_released};
use common::fixture::practice_vault;
use common::vault::{NOW, PASS, expired_selection, import_in_process, open_session};
use kluis::domain::Kind;
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
/// The people in `big_import`.
const IMPORTED_PEOPLE: usize = 1500;

type Counts = BTreeMap<Kind, usize>;

/// A practice of a few thousand records: 1500 people, 500 trajectories
/// completed over two years (so many deadline months) or still open,
/// 1500 documents, accepted quotes whose people join the mailing list,
/// subscribers, contact requests and handled subject requests.
fn big_import() -> String {
    let day = |n: i64| {
        (chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(n))
            .to_string()
    };
    let body = "Vertrouwelijk verslag van het gesprek; één zin die zich herhaalt. ".repeat(6);
    let people: Vec<_> = (0..1500)
        .map(|i| {
            json!({"ref": format!("p{i}"), "name": format!("Deelnemer {i} Çelik"),
                   "email": format!("deelnemer{i}@example.nl"), "created_on": day(i % 600)})
        })
        .collect();
    let trajectories: Vec<_> = (0..500)
        .map(|i| {
            let mut t = json!({"ref": format!("t{i}"), "kind": "coaching",
                "title": format!("Traject {i}"),
                "participants": [format!("p{}", 3 * i), format!("p{}", 3 * i + 1), format!("p{}", 3 * i + 2)],
                "started_on": day(0)});
            if i % 5 != 0 {
                t["completed_on"] = json!(day(i * 7 % 700));
            }
            t
        })
        .collect();
    let documents: Vec<_> = (0..1500)
        .map(|i| {
            json!({"trajectory": format!("t{}", i / 3), "participant": format!("p{i}"),
                   "kind": if i % 2 == 0 { "individual_report" } else { "questionnaire_result" },
                   "title": format!("Rapport {i}"), "body": body, "created_on": day(1)})
        })
        .collect();
    let quotes: Vec<_> = (0..100)
        .map(|i| {
            json!({"requester": format!("p{}", i * 15), "participants": [format!("p{}", i * 15 + 1)],
                   "amount": "1200.00", "sent_on": day(i), "accepted_on": day(i + 3)})
        })
        .collect();
    let subscribers: Vec<_> = (0..200)
        .map(|i| {
            json!({"email": format!("lezer{i}@example.nl"), "source": "ebook",
                   "evidence": "E-book Teamdynamiek", "subscribed_on": day(i)})
        })
        .collect();
    let contact_requests: Vec<_> = (0..200)
        .map(|i| {
            json!({"name": format!("Aanvrager {i}"), "message": "Graag een gesprek.",
                   "received_on": day(i * 3)})
        })
        .collect();
    let subject_requests: Vec<_> = (0..50)
        .map(|i| {
            json!({"person": format!("p{}", i * 30 + 2), "kind": "access",
                   "received_on": day(i * 10), "handled_on": day(i * 10 + 5)})
        })
        .collect();
    json!({"people": people, "trajectories": trajectories, "documents": documents,
           "quotes": quotes, "subscribers": subscribers, "contact_requests": contact_requests,
           "subject_requests": subject_requests})
    .to_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Import,
    Purge,
    Erase,
}

enum KillAt {
    /// This long after the start.
    After(Duration),
    /// This long after the keyring file first changed: the change's new keys
    /// are on disk and its batch is being committed.
    KeyringChanged(Duration),
}

impl KillAt {
    fn describe(&self) -> String {
        match self {
            KillAt::After(d) => format!("{d:?} after the start"),
            KillAt::KeyringChanged(d) => format!("{d:?} after the keyring changed"),
        }
    }
}

/// One command on its vault: what it starts from and what it gives.
struct Scenario {
    op: Op,
    base: PathBuf,
    before: Counts,
    after: Counts,
    /// Uninterrupted wall time of the command.
    took: Duration,
    /// When, in an uninterrupted run, the keyring file changed.
    keyring_changed: Duration,
    killed_before: usize,
    killed_after: usize,
    exited: usize,
}

/// How a run ended.
struct Ran {
    keyring_changed: Option<Duration>,
    took: Duration,
    finished: bool,
}

fn command(op: Op, vault: &Path, import_file: &Path) -> Command {
    let mut c = kluis_std(vault);
    match op {
        Op::Import => c.arg("import").arg(import_file),
        Op::Purge => c.args(["purge", "--expired", "--yes", "--json"]),
        Op::Erase => c.args(["erase", "person", ERASE_EMAIL, "--yes", "--json"]),
    };
    c.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// Runs `op` on `work` (a fresh copy of `base` unless `base` is `None`),
/// killing it with SIGKILL as `kill` says; a run that ends by itself must
/// succeed, and no run may panic.
fn run_and_kill(
    op: Op,
    base: Option<&Path>,
    work: &Path,
    import_file: &Path,
    kill: Option<&KillAt>,
) -> Ran {
    if let Some(base) = base {
        if work.exists() {
            fs::remove_dir_all(work).unwrap();
        }
        copy_dir(base, work);
    }
    let keyring = work.join("keyring");
    let initial = fs::read(&keyring).unwrap();
    let start = Instant::now();
    let mut child = command(op, work, import_file).spawn().unwrap();
    let mut keyring_changed = None;
    let finished = loop {
        if child.try_wait().unwrap().is_some() {
            break true;
        }
        if keyring_changed.is_none() && fs::read(&keyring).is_ok_and(|k| k != initial) {
            keyring_changed = Some(start.elapsed());
        }
        let due = match kill {
            Some(KillAt::After(d)) => start.elapsed() >= *d,
            Some(KillAt::KeyringChanged(d)) => {
                keyring_changed.is_some_and(|c| start.elapsed() >= c + *d)
            }
            None => false,
        };
        if due {
            let _ = child.kill();
            break false;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "{op:?} hangs");
        std::thread::sleep(Duration::from_micros(200));
    };
    let took = start.elapsed();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{op:?} panicked: {stderr}");
    if finished {
        assert!(
            out.status.success(),
            "{op:?} failed without being killed: {stderr}"
        );
    }
    Ran {
        keyring_changed,
        took,
        finished,
    }
}

/// Every record by kind, all decrypted and decoded.
fn records(vault: &Path) -> Counts {
    let s = open_session(vault, NOW);
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
        .collect();
    drop(s);
    wait_until_released(vault);
    out
}

/// `kluis check --json` on `vault`: it must pass. (It runs the vault's
/// check of every record and of the audit chain.)
fn check_json(vault: &Path) -> Value {
    let out = kluis_std(vault).args(["check", "--json"]).output().unwrap();
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
    assert_eq!(v["ok"], json!(true), "{v}");
    assert_eq!(v["audit_chain"], json!("ok"), "{v}");
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

/// The vault after a killed run is sound and holds the records of before
/// or of after the change, nothing in between: counts it in `sc` and says
/// which.
fn assert_all_or_nothing(sc: &mut Scenario, vault: &Path, ran: &Ran, what: &str) -> &'static str {
    let report = check_json(vault);
    let now = records(vault);
    let state = if now == sc.before {
        sc.killed_before += 1;
        "before"
    } else if now == sc.after {
        if ran.finished {
            sc.exited += 1;
        } else {
            sc.killed_after += 1;
        }
        "after"
    } else {
        panic!(
            "{:?} killed {what} left a partial change\nbefore: {:?}\nafter:  {:?}\nfound:  {:?}",
            sc.op, sc.before, sc.after, now
        );
    };
    assert_eq!(
        report["records_checked"],
        json!(now.values().sum::<usize>()),
        "{:?} killed {what}",
        sc.op
    );
    assert_one_generation_per_bucket(vault);
    assert_only_keyring_and_db(vault);
    state
}

/// The uninterrupted run of `op` on `base`: its time (the longest of two,
/// as the machine's load varies), when its keyring changed, its result.
fn scenario(op: Op, base: &Path, scratch: &Path, import_file: &Path) -> Scenario {
    let v = scratch.join(format!("{op:?}-reference"));
    let first = run_and_kill(op, Some(base), &v, import_file, None);
    let second = run_and_kill(op, Some(base), &v, import_file, None);
    assert!(first.finished && second.finished);
    let took = first.took.max(second.took);
    let after = records(&v);
    let before = records(base);
    assert_ne!(after, before, "{op:?} changed nothing");
    check_json(&v);
    fs::remove_dir_all(&v).unwrap();
    Scenario {
        op,
        base: base.to_path_buf(),
        before,
        after,
        took,
        keyring_changed: first.keyring_changed.unwrap_or(took / 2),
        killed_before: 0,
        killed_after: 0,
        exited: 0,
    }
}

/// The chosen moments: early and midway before the keyring changes, right
/// when it changes, and spread over the commit that follows.
fn chosen_moments(sc: &Scenario) -> Vec<KillAt> {
    let changed = sc.keyring_changed;
    let commit_window = sc.took.saturating_sub(changed);
    let mut moments = vec![
        KillAt::After(changed / 4),
        KillAt::After(changed * 3 / 4),
        KillAt::KeyringChanged(Duration::ZERO),
    ];
    for f in [2u32, 6, 10, 14, 17, 19] {
        moments.push(KillAt::KeyringChanged(commit_window * f / 20));
    }
    moments
}

#[test]
fn a_change_killed_at_any_moment_is_all_or_nothing() {
    let runs: usize = std::env::var("KLUIS_CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    let seed: u64 = std::env::var("KLUIS_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("crash test: {runs} random runs, seed {seed} (replay with KLUIS_CRASH_SEED={seed})");
    let mut rng = fastrand::Rng::with_seed(seed);
    let started = Instant::now();

    let tmp = tempfile::tempdir().unwrap();
    let practice = tmp.path().join("practice");
    practice_vault(&practice);
    wait_until_released(&practice);
    let big = tmp.path().join("big");
    copy_dir(&practice, &big);
    import_in_process(&big, &big_import(), NOW);
    wait_until_released(&big);
    let import_file = tmp.path().join("big.json");
    fs::write(&import_file, big_import()).unwrap();

    let mut scenarios = vec![
        scenario(Op::Import, &practice, tmp.path(), &import_file),
        scenario(Op::Purge, &big, tmp.path(), &import_file),
        scenario(Op::Erase, &big, tmp.path(), &import_file),
    ];

    // The import adds its thousands of records, its people among them:
    // more than two slices of 2048 (DESIGN.md §7, property 7), so kills also land
    // between the slices written ahead of its commit.
    let import = &scenarios[0];
    let added = import.after.values().sum::<usize>() - import.before.values().sum::<usize>();
    assert!(added > 4096, "only {added} records imported");
    assert_eq!(
        import.after[&Kind::Person],
        import.before[&Kind::Person] + IMPORTED_PEOPLE
    );
    // The purge removes exactly what had expired, more than a thousand.
    let purge = &scenarios[1];
    let s = open_session(&big, NOW);
    let goes = kluis::ops::purge::preview(&s, &expired_selection(&s));
    drop(s);
    wait_until_released(&big);
    assert!(goes.total > 1000, "only {} records expire", goes.total);
    let mut expected = purge.before.clone();
    for (k, n) in &goes.counts {
        let left = expected[k] - n;
        if left == 0 {
            expected.remove(k);
        } else {
            expected.insert(*k, left);
        }
    }
    assert_eq!(purge.after, expected, "the purge removed other records");
    let removed = purge.before.values().sum::<usize>() - purge.after.values().sum::<usize>();
    assert!(removed >= 600, "the purge removed only {removed} records");

    let work = tmp.path().join("work");
    // The chosen moments of each command.
    for sc in &mut scenarios {
        for kill in chosen_moments(sc) {
            let ran = run_and_kill(sc.op, Some(&sc.base), &work, &import_file, Some(&kill));
            assert_all_or_nothing(sc, &work, &ran, &kill.describe());
        }
    }
    for op in [Op::Import, Op::Purge] {
        let sc = scenarios.iter().find(|s| s.op == op).unwrap();
        assert!(
            sc.killed_before >= 1,
            "no kill of {op:?} landed before the commit"
        );
    }

    // Random moments, round robin over the commands. Delays cover the whole
    // run time and beyond, stratified so that each command is killed early,
    // midway, late and at the very end.
    let n_ops = scenarios.len();
    for run in 0..runs {
        let sc = &mut scenarios[run % n_ops];
        let strata = (runs / n_ops).max(1) as f64;
        let frac = (((run / n_ops) as f64 + rng.f64()) / strata).min(1.0) * 1.3;
        let kill = KillAt::After(sc.took.mul_f64(frac));
        let ran = run_and_kill(sc.op, Some(&sc.base), &work, &import_file, Some(&kill));
        let what = format!("in run {run} (seed {seed}) {}", kill.describe());
        let state = assert_all_or_nothing(sc, &work, &ran, &what);

        // Every fifth run: the vault goes on working, and the same command
        // now completes. Purge and erasure then reach the "after" state (an
        // erasure that went through has no person left to erase).
        if run % 5 == 4 && !(sc.op == Op::Erase && state == "after") {
            run_and_kill(sc.op, None, &work, &import_file, None);
            let again = records(&work);
            if sc.op != Op::Import {
                assert_eq!(again, sc.after, "run {run}: {:?} resumed", sc.op);
            }
            check_json(&work);
        }
        println!(
            "run {run:>3}: {:<6?} killed at {:>4.0} ms of {:>4.0} ms -> {state}",
            sc.op,
            ran.took.as_secs_f64() * 1000.0,
            sc.took.as_secs_f64() * 1000.0
        );
    }

    for sc in &scenarios {
        println!(
            "{:?}: uninterrupted {:.0} ms, keyring changed at {:.0} ms; killed with nothing written {}, killed after the commit {}, finished before the kill {}",
            sc.op,
            sc.took.as_secs_f64() * 1000.0,
            sc.keyring_changed.as_secs_f64() * 1000.0,
            sc.killed_before,
            sc.killed_after,
            sc.exited
        );
    }
    println!("crash test took {:.1} s", started.elapsed().as_secs_f64());
}
