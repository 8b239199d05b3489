//! DESIGN.md §7.7: every multi-record change is all-or-nothing, also when the
//! process is killed halfway. `kluis import` of thousands of records and
//! `kluis purge --expired --yes` are killed with SIGKILL at several moments,
//! including right after the keyring file changed (the change is then being
//! committed); afterwards `kluis check` passes and the change happened
//! entirely or not at all.

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, files::*, fixture::*, vault::*};
use kluis::domain::{AnyRecord, Kind};
use kluis::vault::Vault;
use kluis::vault::keyring::Keyring;
use serde_json::json;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

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

enum KillAt {
    /// This long after the start.
    After(Duration),
    /// This long after the keyring file first changed: the change's new keys
    /// are on disk and its batch is being committed.
    KeyringChanged(Duration),
}

/// Runs `args` on a fresh copy of `base` at `work`, killing it with SIGKILL
/// as `kill` says. Returns when the keyring changed (if seen) and whether
/// the process had finished before the kill.
fn run_and_kill(
    base: &Path,
    work: &Path,
    args: &[&str],
    kill: Option<KillAt>,
) -> (Option<Duration>, Duration, bool) {
    if work.exists() {
        fs::remove_dir_all(work).unwrap();
    }
    copy_dir(base, work);
    let keyring = work.join("keyring");
    let initial = fs::read(&keyring).unwrap();
    let start = Instant::now();
    let mut child = kluis_std(work)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut changed_at = None;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{args:?} failed without being killed");
            return (changed_at, start.elapsed(), true);
        }
        if changed_at.is_none() && fs::read(&keyring).is_ok_and(|k| k != initial) {
            changed_at = Some(start.elapsed());
        }
        let due = match &kill {
            Some(KillAt::After(d)) => start.elapsed() >= *d,
            Some(KillAt::KeyringChanged(d)) => {
                changed_at.is_some_and(|c| start.elapsed() >= c + *d)
            }
            None => false,
        };
        if due {
            child.kill().unwrap();
            child.wait().unwrap();
            return (changed_at, start.elapsed(), false);
        }
        assert!(start.elapsed() < Duration::from_secs(120), "{args:?} hangs");
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Record counts by kind and the decrypted records of a vault, after `check`
/// found it sound and its keyring holds one key per bucket in use.
fn verify_sound(dir: &Path) -> BTreeMap<Kind, usize> {
    let v = Vault::open(dir, PASS.as_bytes()).unwrap();
    let report = v.check(AnyRecord::validate).unwrap();
    assert!(
        report.problems.is_empty(),
        "{} problems, first: {:?}",
        report.problems.len(),
        report.problems.first()
    );
    assert!(report.audit_chain_ok);
    drop(v);
    // Opening dropped the keys of an interrupted change: one generation per
    // bucket is left, so no destroyed key survives a crash and a reopen.
    let ring = Keyring::open(&dir.join("keyring"), PASS.as_bytes(), dir).unwrap();
    for (b, gens) in ring.buckets() {
        assert_eq!(gens.len(), 1, "bucket {b} keeps {} generations", gens.len());
    }
    let r = run(kluis(dir).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{} {}", r.stdout, r.stderr);
    assert_eq!(r.json()["ok"], true);
    counts(dir)
}

/// Kills `args` at moments spread over a full run and checks each result is
/// `before` or `after` exactly. Returns how many ended as `before`/`after`.
fn crash_at_many_moments(
    base: &Path,
    scratch: &Path,
    args: &[&str],
    before: &BTreeMap<Kind, usize>,
    after: &BTreeMap<Kind, usize>,
) -> (usize, usize) {
    let work = scratch.join("work");
    // One full run to learn the timing.
    let (changed, total, finished) = run_and_kill(base, &work, args, None);
    assert!(finished);
    let changed = changed.unwrap_or(total / 2);
    let commit_window = total.saturating_sub(changed);
    let mut moments = vec![
        KillAt::After(changed / 4),
        KillAt::After(changed * 3 / 4),
        KillAt::KeyringChanged(Duration::ZERO),
    ];
    for f in [1u32, 2, 4, 6, 8, 10, 12, 14, 16, 17, 18, 19] {
        moments.push(KillAt::KeyringChanged(commit_window * f / 20));
    }
    let (mut none, mut all, mut finished) = (0, 0, 0);
    for kill in moments {
        let what = match &kill {
            KillAt::After(d) => format!("{d:?} after the start"),
            KillAt::KeyringChanged(d) => format!("{d:?} after the keyring changed"),
        };
        if run_and_kill(base, &work, args, Some(kill)).2 {
            finished += 1;
        }
        let got = verify_sound(&work);
        if &got == before {
            none += 1;
        } else if &got == after {
            all += 1;
        } else {
            panic!("{args:?} killed {what}: partly applied: {got:?}");
        }
    }
    eprintln!(
        "{args:?}: full run {total:?}, keyring changed at {changed:?}; {none} killed before, {all} after the commit ({finished} of them had finished)"
    );
    (none, all)
}

#[test]
fn a_killed_import_happened_entirely_or_not_at_all() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    practice_vault(&base);
    let file = tmp.path().join("big.json");
    fs::write(&file, big_import()).unwrap();
    let before = counts(&base);

    // What a complete import gives.
    let done = tmp.path().join("done");
    copy_dir(&base, &done);
    let r = run(kluis(&done).arg("import").arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = counts(&done);
    let added = after.values().sum::<usize>() - before.values().sum::<usize>();
    assert!(added > 4000, "only {added} records imported");

    let (none, all) = crash_at_many_moments(
        &base,
        tmp.path(),
        &["import", file.to_str().unwrap()],
        &before,
        &after,
    );
    assert!(none >= 1, "no kill landed before the commit");
    let _ = all;
}

#[test]
fn a_killed_purge_happened_entirely_or_not_at_all() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    practice_vault(&base);
    import_in_process(&base, &big_import(), NOW);
    let before = counts(&base);
    let s = open_session(&base, NOW);
    let selection: Vec<_> = kluis::ops::purge::expired(&s, &s.deadlines())
        .into_iter()
        .map(|e| (e.kind, e.id))
        .collect();
    let goes = kluis::ops::purge::preview(&s, &selection);
    drop(s);
    assert!(goes.total > 1000, "only {} records expire", goes.total);
    let mut after = before.clone();
    for (k, n) in &goes.counts {
        let left = after[k] - n;
        if left == 0 {
            after.remove(k);
        } else {
            after.insert(*k, left);
        }
    }

    let (none, all) = crash_at_many_moments(
        &base,
        tmp.path(),
        &["purge", "--expired", "--yes"],
        &before,
        &after,
    );
    assert!(none >= 1, "no kill landed before the commit");
    let _ = all;
}
