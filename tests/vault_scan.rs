//! Reading every record (`Vault::for_each`, `for_each_as`): the scan thread
//! decrypts (and prepares) the batches a slow caller has no time for, and
//! still every record arrives once, decrypted, in store order; the data
//! keys no record asked for are named.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod files;
    pub mod raw;
    pub mod vault;
}

use common::files::wait_until_released;
use common::raw::{raw_db, record_key};
use common::vault::*;
use kluis::domain::{AnyRecord, Id, Kind, Person};
use kluis::vault::Vault;
use std::path::PathBuf;
use std::time::Duration;

const PEOPLE: u64 = 5_000;

/// A closed vault of `PEOPLE` people, `Deelnemer n` under the id `n` in
/// hex, in a folder of its own; other tests wait while it is held.
struct People {
    _serial: std::sync::MutexGuard<'static, ()>,
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

fn vault_of_people() -> People {
    let serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let mut s = new_session(&dir, "2026-12-01T10:00:00+01:00");
    let puts = (1..=PEOPLE)
        .map(|n| {
            let person = AnyRecord::Person(Person {
                name: format!("Deelnemer {n}"),
                email: None,
                phone: None,
                organisation: None,
                created_on: d("2026-11-01"),
            });
            (id(n), person)
        })
        .collect();
    s.commit("import", puts, Vec::new()).unwrap();
    drop(s);
    wait_until_free(&dir);
    People {
        _serial: serial,
        _tmp: tmp,
        dir,
    }
}

fn id(n: u64) -> Id {
    Id::parse(&format!("{n:016x}")).unwrap()
}

/// The `n` of a person's id.
fn number(id: &Id) -> u64 {
    u64::from_str_radix(&id.to_string(), 16).unwrap()
}

/// The first records are taken slowly: the scan fills the queue and must
/// open what follows itself.
fn slow_at_first(taken: usize) {
    if taken < 40 {
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_slow_reader_gets_every_record_once_in_store_order() {
    let People { dir, .. } = &vault_of_people();

    let v = Vault::open(dir, PASS.as_bytes()).unwrap();
    let mut seen: Vec<Id> = Vec::new();
    let mut names_right = 0;
    v.for_each(|kind, id, r| {
        slow_at_first(seen.len());
        let (plain, _) = r.unwrap();
        if let AnyRecord::Person(p) = AnyRecord::decode(kind, &plain).unwrap() {
            names_right += usize::from(p.name == format!("Deelnemer {}", number(&id)));
        }
        if kind == Kind::Person {
            seen.push(id);
        }
    })
    .unwrap();
    assert_eq!(seen.len() as u64, PEOPLE, "every person, once");
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "in store order");
    assert_eq!(names_right as u64, PEOPLE, "each with its own plaintext");
}

#[test]
fn records_gone_from_the_store_leave_their_data_keys_named() {
    let People { dir, .. } = &vault_of_people();
    // Records removed behind the vault's back, at the start, in the middle
    // and at the end of the store; their data keys stay in the key blocks.
    let gone: Vec<u64> = vec![1, 2, 2_500, 4_999, PEOPLE];
    let db = raw_db(dir);
    for &n in &gone {
        assert!(
            db.remove(record_key(Kind::Person, &id(n)))
                .unwrap()
                .is_some()
        );
    }
    db.flush().unwrap();
    drop(db);
    wait_until_released(dir);

    let v = Vault::open(dir, PASS.as_bytes()).unwrap();
    let mut read = 0;
    let problems = v
        .for_each(|_, _, r| {
            r.unwrap();
            read += 1;
        })
        .unwrap();
    assert_eq!(
        read as u64,
        PEOPLE - gone.len() as u64,
        "the others decrypt"
    );
    let mut named: Vec<(String, String)> = problems
        .into_iter()
        .map(|p| {
            assert_eq!(p.problem, "a data key exists without its record");
            (p.kind, p.id)
        })
        .collect();
    named.sort();
    let want: Vec<(String, String)> = gone
        .iter()
        .map(|&n| ("person".to_string(), id(n).to_string()))
        .collect();
    assert_eq!(named, want, "each lost record's key, once");
}

#[test]
fn a_prepare_step_runs_on_both_threads_and_keeps_store_order() {
    let People { dir, .. } = &vault_of_people();

    let v = Vault::open(dir, PASS.as_bytes()).unwrap();
    let caller = std::thread::current().id();
    let mut seen: Vec<u64> = Vec::new();
    let mut on_scan_thread = 0;
    v.for_each_as(
        |kind, id, r| {
            // What `Session::load` does: the decoding, on either thread.
            let (plain, _) = r.unwrap();
            let record = AnyRecord::decode(kind, &plain).unwrap();
            (id, record, std::thread::current().id())
        },
        |(id, record, thread)| {
            slow_at_first(seen.len());
            let n = number(&id);
            match record {
                AnyRecord::Person(p) => assert_eq!(p.name, format!("Deelnemer {n}")),
                other => panic!("not a person: {other:?}"),
            }
            on_scan_thread += usize::from(thread != caller);
            seen.push(n);
        },
    )
    .unwrap();
    assert_eq!(
        seen,
        (1..=PEOPLE).collect::<Vec<_>>(),
        "each once, in order"
    );
    assert!(
        on_scan_thread > 0 && on_scan_thread < seen.len(),
        "both threads prepared: {on_scan_thread} of {} on the scan's",
        seen.len()
    );
}

/// `check_each` decodes on both threads, and still reports what does not
/// decrypt and what does not decode in store order, and hands every other
/// record to its keeper once, in order.
#[test]
fn a_check_decodes_on_both_threads_and_reports_in_store_order() {
    let People { dir, .. } = &vault_of_people();
    // The stored value of person 2500 damaged: it does not decrypt.
    common::raw::flip_byte(dir, &record_key(Kind::Person, &id(2500)), 40);
    wait_until_released(dir);

    let v = Vault::open(dir, PASS.as_bytes()).unwrap();
    let caller = std::thread::current().id();
    let mut kept: Vec<u64> = Vec::new();
    let mut on_scan_thread = 0;
    let report = v
        .check_each(
            |kind, id, plain| {
                // Every thousandth does not decode, as if its structure
                // were wrong.
                let n = number(id);
                if n.is_multiple_of(1000) {
                    return Err(format!("not a record: {n}"));
                }
                AnyRecord::decode(kind, plain).map_err(|e| e.to_string())?;
                Ok((n, std::thread::current().id()))
            },
            |(n, thread)| {
                slow_at_first(kept.len());
                on_scan_thread += usize::from(thread != caller);
                kept.push(n);
            },
        )
        .unwrap();
    assert_eq!(report.records_checked as u64, PEOPLE);
    let problems: Vec<(String, String)> = report
        .problems
        .iter()
        .map(|p| (p.id.clone(), p.problem.clone()))
        .collect();
    let undecoded = |n: u64| (id(n).to_string(), format!("not a record: {n}"));
    assert_eq!(problems.len(), 6, "{problems:?}");
    assert_eq!(problems[0], undecoded(1000));
    assert_eq!(problems[1], undecoded(2000));
    assert_eq!(problems[2].0, id(2500).to_string());
    assert!(problems[2].1.contains("does not decrypt"), "{problems:?}");
    assert_eq!(
        &problems[3..],
        &[undecoded(3000), undecoded(4000), undecoded(5000)]
    );
    let want: Vec<u64> = (1..=PEOPLE)
        .filter(|n| !n.is_multiple_of(1000) && *n != 2500)
        .collect();
    assert_eq!(kept, want, "each kept once, in order");
    assert!(
        on_scan_thread > 0 && on_scan_thread < kept.len(),
        "both threads decoded: {on_scan_thread} of {} on the scan's",
        kept.len()
    );
}
