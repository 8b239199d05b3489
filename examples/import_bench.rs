//! The import and purge benchmark (DESIGN.md §9, §12):
//! `cargo run --release --example import_bench -- --people 10000`
//!
//! Imports N people with 5 documents each (one trajectory per person) from a
//! JSON file in one all-or-nothing change, then purges the ~20 000 records
//! that have expired (2 850 long-completed trajectories with their people and
//! documents). Prints a table and one JSON line.

// A benchmark stops at the first failure: unwrap, expect and panic say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod support;

use kluis::ops::import::{self, ImportFile};
use kluis::ops::{Clock, Session, purge};
use kluis::vault::{KdfParams, Vault};
use support::*;

fn import_json(people: usize, expired_trajectories: usize) -> String {
    let body =
        "Verslag van het gesprek: sterke punten, aandachtspunten en vervolgstappen. ".repeat(6);
    let mut persons = Vec::with_capacity(people);
    let mut trajectories = Vec::with_capacity(people);
    let mut documents = Vec::with_capacity(people * 5);
    for i in 0..people {
        persons.push(serde_json::json!({
            "ref": format!("p{i}"), "name": format!("Deelnemer {i}"),
            "email": format!("deelnemer{i}@example.nl"), "created_on": "2025-01-01"
        }));
        // The first trajectories were completed long ago: expired with all they hold.
        let completed = if i < expired_trajectories {
            "2025-03-01"
        } else {
            "2026-11-01"
        };
        trajectories.push(serde_json::json!({
            "ref": format!("t{i}"), "kind": "coaching", "title": format!("Coaching {i}"),
            "participants": [format!("p{i}")], "started_on": "2025-01-10",
            "completed_on": completed
        }));
        for d in 0..5 {
            documents.push(serde_json::json!({
                "trajectory": format!("t{i}"), "participant": format!("p{i}"),
                "kind": if d == 0 { "questionnaire_result" } else { "individual_report" },
                "title": format!("Rapport {d} van {i}"), "body": body,
                "created_on": "2025-02-01"
            }));
        }
    }
    serde_json::json!({"people": persons, "trajectories": trajectories, "documents": documents})
        .to_string()
}

fn main() {
    let people: usize = arg("--people", 10_000);
    let expired_trajectories: usize = arg("--expired-trajectories", 2_850.min(people));
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("vault");
    let clock = Clock::parse("2026-11-25T09:00:00+01:00").expect("clock");
    let json = import_json(people, expired_trajectories);

    let vault = Vault::create(&dir, b"bench", KdfParams::VAULT, "bench").expect("create");
    let mut s = Session::load(vault, clock).expect("load");
    reset_peak_rss();
    let (file, parse) = time(|| import::parse(&json).expect("parse"));
    let file: ImportFile = file;
    let (plan, check) = time(|| import::plan(&s, &file).expect("plan"));
    let records = plan.records.len();
    let (_, write) = time(|| import::apply(&mut s, plan).expect("apply"));
    let import_total = parse + check + write;
    let import_peak = peak_rss_mib();

    let expired = purge::expired(&s, &s.deadlines()).len();
    let (receipt, purge_time) = time(|| purge_expired(&mut s));
    let left_expired = purge::expired(&s, &s.deadlines()).len();
    assert_eq!(left_expired, 0);
    drop(s);
    let vault = Vault::open(&dir, b"bench").expect("reopen");
    let (s, reload) = time(|| Session::load(vault, clock).expect("load"));
    assert_eq!(s.data.len(), records - receipt.total);

    println!(
        "import_bench: {people} people, {} documents, {records} records; purge of {} expired",
        people * 5,
        receipt.total
    );
    println!("{:<44} {:>10}", "measure", "value");
    println!(
        "{:<44} {:>7.0} ms",
        "import: parse JSON (with paths)",
        ms(parse)
    );
    println!(
        "{:<44} {:>7.0} ms",
        "import: check everything, plan records",
        ms(check)
    );
    println!(
        "{:<44} {:>7.0} ms",
        "import: write in one change",
        ms(write)
    );
    println!(
        "{:<44} {:>7.0} ms",
        "import total (target < 10 000)",
        ms(import_total)
    );
    println!(
        "{:<44} {:>7.1} MiB",
        "peak memory during import", import_peak
    );
    println!("{:<44} {:>7}", "expired before purge", expired);
    println!(
        "{:<44} {:>7.0} ms",
        format!("purge {} records (target < 4 000)", receipt.total),
        ms(purge_time)
    );
    println!(
        "{:<44} {:>7.0} ms",
        "reload every record afterwards",
        ms(reload)
    );
    println!(
        "{{\"bench\":\"import_purge\",\"people\":{people},\"records\":{records},\"import_ms\":{:.0},\"parse_ms\":{:.0},\"check_ms\":{:.0},\"write_ms\":{:.0},\"import_peak_rss_mib\":{:.1},\"purged\":{},\"purge_ms\":{:.0},\"reload_ms\":{:.0}}}",
        ms(import_total),
        ms(parse),
        ms(check),
        ms(write),
        import_peak,
        receipt.total,
        ms(purge_time),
        ms(reload)
    );
}
