//! Reading every record (`Vault::for_each`): the scan thread decrypts the
//! batches a slow caller has no time for, and still every record arrives
//! once, decrypted, in store order.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod vault;
}

use common::vault::*;
use kluis::domain::{AnyRecord, Id, Kind, Person};
use kluis::vault::Vault;
use std::time::Duration;

const PEOPLE: u64 = 5_000;

#[test]
fn a_slow_reader_gets_every_record_once_in_store_order() {
    let _serial = serial();
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
            (Id::parse(&format!("{n:016x}")).unwrap(), person)
        })
        .collect();
    s.commit("import", puts, Vec::new()).unwrap();
    drop(s);
    wait_until_free(&dir);

    let v = Vault::open(&dir, PASS.as_bytes()).unwrap();
    let mut seen: Vec<Id> = Vec::new();
    let mut names_right = 0;
    v.for_each(|kind, id, r| {
        // The first records are taken slowly: the scan fills the queue and
        // must decrypt what follows itself.
        if seen.len() < 40 {
            std::thread::sleep(Duration::from_millis(5));
        }
        let (plain, _) = r.unwrap();
        if let AnyRecord::Person(p) = AnyRecord::decode(kind, &plain).unwrap() {
            let n = u64::from_str_radix(&id.to_string(), 16).unwrap();
            names_right += usize::from(p.name == format!("Deelnemer {n}"));
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
