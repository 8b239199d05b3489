//! Crypto-shredding after an erasure (DESIGN.md §7, property 4): once
//! `kluis erase person` returns, the records it removed cannot be decrypted
//! from a copy of the vault folder taken before, with the vault's keys: the
//! bucket key generation that wrapped their data keys is gone from the
//! keyring, and the vault itself, given the old database and the current
//! keyring, cannot read them. (The same for purges is shown in
//! `tests/vault_properties.rs`.)

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{
    cli::kluis_std,
    files::{copy_dir, wait_until_released},
    vault::{FAST, NOW, PASS, clock, open_session},
};
use kluis::domain::{Id, Kind};
use kluis::ops::{Session, import};
use kluis::vault::key_block::{Block, block_key, shard};
use kluis::vault::keyring::Keyring;
use kluis::vault::{Vault, record_key, record_value};
use serde_json::json;
use std::collections::BTreeSet;
use std::fs;
use std::time::Duration;

/// The bucket and key generation that wrapped a record's data key.
fn wrapping(db: &sled::Db, kind: Kind, id: &Id) -> (u32, u32) {
    let value = db.get(record_key(kind, id)).unwrap().unwrap();
    let (bucket, _) = record_value::decode_record(&value).unwrap();
    let block = db.get(block_key(bucket, shard(id))).unwrap().unwrap();
    let block = Block::decode(&block).unwrap();
    assert!(block.entries.contains_key(&(kind, id.clone())));
    (bucket, block.generation)
}

#[test]
fn erased_records_cannot_be_decrypted_from_a_copy_taken_before() {
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let v = Vault::create(&vault, PASS.as_bytes(), FAST, NOW).unwrap();
    let mut s = Session::load(v, clock(NOW)).unwrap();
    // Anna has two trajectories with documents, a subject request and a
    // quote; Bram shares a deadline month with her and stays.
    let file = json!({
        "people": [
            {"ref": "a", "name": "Anna de Vries", "email": "anna@example.nl", "created_on": "2026-01-01"},
            {"ref": "b", "name": "Bram Jansen", "email": "bram@example.nl", "created_on": "2026-01-01"}],
        "trajectories": [
            {"ref": "t1", "kind": "coaching", "title": "Coaching Anna", "participants": ["a"],
             "completed_on": "2026-10-10"},
            {"ref": "t2", "kind": "training", "title": "Training Anna en Bram",
             "participants": ["a", "b"], "completed_on": "2026-10-20"},
            {"ref": "t3", "kind": "coaching", "title": "Coaching Bram", "participants": ["b"],
             "completed_on": "2026-10-12"}],
        "documents": [
            {"trajectory": "t1", "participant": "a", "kind": "individual_report",
             "title": "Eindrapport Anna", "body": "Vertrouwelijk: Anna's verhaal."},
            {"trajectory": "t1", "participant": "a", "kind": "questionnaire_result",
             "title": "Vragenlijst Anna", "body": "Score 42."},
            {"trajectory": "t2", "participant": "a", "kind": "individual_report",
             "title": "Training Anna", "body": "Verslag."},
            {"trajectory": "t2", "participant": "b", "kind": "individual_report",
             "title": "Training Bram", "body": "Verslag Bram."},
            {"trajectory": "t3", "participant": "b", "kind": "individual_report",
             "title": "Eindrapport Bram", "body": "Bram's verhaal."}],
        "subject_requests": [{"person": "a", "kind": "erasure", "received_on": "2026-11-20"}]
    });
    let plan = import::plan(&s, &import::parse(&file.to_string()).unwrap()).unwrap();
    import::apply(&mut s, plan).unwrap();
    let before: BTreeSet<(Kind, Id)> = s.data.keys().into_iter().collect();
    drop(s);
    wait_until_released(&vault);
    let copy = tmp.path().join("copy");
    copy_dir(&vault, &copy);

    let out = kluis_std(&vault)
        .args(["erase", "person", "anna@example.nl", "--yes", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after: BTreeSet<(Kind, Id)> = open_session(&vault, NOW).data.keys().into_iter().collect();
    wait_until_released(&vault);
    let erased: Vec<(Kind, Id)> = before.difference(&after).cloned().collect();
    let kinds: BTreeSet<Kind> = erased.iter().map(|(k, _)| *k).collect();
    assert!(
        kinds.contains(&Kind::Person) && kinds.contains(&Kind::IndividualReport),
        "the erasure removed {kinds:?}"
    );
    assert!(after.len() >= 5, "Bram and his records stay");

    // 1. The keys that wrapped the erased records' data keys are gone.
    let ring = Keyring::open(&vault.join("keyring"), PASS.as_bytes(), &vault).unwrap();
    let old_db = sled::Config::new().path(copy.join("db")).open().unwrap();
    for (kind, id) in &erased {
        let (bucket, generation) = wrapping(&old_db, *kind, id);
        assert!(
            ring.key(bucket, generation).is_none(),
            "{kind}/{id}: the key of bucket {bucket} generation {generation} survived"
        );
    }
    drop(old_db);
    std::thread::sleep(Duration::from_millis(300));

    // 2. The vault on the old database with the current keyring reads none
    //    of them (records that stayed in untouched buckets still read).
    let combo = tmp.path().join("combo");
    copy_dir(&copy, &combo);
    fs::copy(vault.join("keyring"), combo.join("keyring")).unwrap();
    let v = Vault::open(&combo, PASS.as_bytes()).unwrap();
    for (kind, id) in &erased {
        assert!(
            !matches!(v.get(*kind, id), Ok(Some(_))),
            "{kind}/{id} decrypted from the copy taken before the erasure"
        );
    }
    let mut readable = 0;
    v.for_each(|kind, id, r| {
        if r.is_ok() {
            assert!(
                !erased.contains(&(kind, id)),
                "an erased record decrypted in a full scan"
            );
            readable += 1;
        }
    })
    .unwrap();
    println!(
        "erasure removed {} records; {readable} records of the old copy still read with the current keys",
        erased.len()
    );
}

/// A record the erasure rewrites (a training Anna shared with Bram, kept
/// without her, in another deadline month than her own records) leaves its
/// old version, which lists her, in the old database. The erasure re-keys
/// that record's bucket too, so the old version cannot be read with the
/// current keys (issue 13, L6).
#[test]
fn the_old_versions_of_records_an_erasure_rewrote_cannot_be_decrypted() {
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let v = Vault::create(&vault, PASS.as_bytes(), FAST, NOW).unwrap();
    let mut s = Session::load(v, clock(NOW)).unwrap();
    let file = json!({
        "people": [
            {"ref": "a", "name": "Anna de Vries", "email": "anna@example.nl", "created_on": "2026-01-01"},
            {"ref": "b", "name": "Bram Jansen", "email": "bram@example.nl", "created_on": "2026-01-01"}],
        "trajectories": [
            {"ref": "t1", "kind": "coaching", "title": "Coaching Anna", "participants": ["a"]},
            {"ref": "t2", "kind": "training", "title": "Training Anna en Bram",
             "participants": ["a", "b"], "completed_on": "2026-10-20"}]
    });
    let plan = import::plan(&s, &import::parse(&file.to_string()).unwrap()).unwrap();
    import::apply(&mut s, plan).unwrap();
    let training = s
        .data
        .trajectories
        .iter()
        .find(|(_, t)| t.participants.len() == 2)
        .map(|(id, _)| id.clone())
        .unwrap();
    let anna = s
        .data
        .people
        .iter()
        .find(|(_, p)| p.name.starts_with("Anna"))
        .map(|(id, _)| id.clone())
        .unwrap();
    drop(s);
    wait_until_released(&vault);
    let copy = tmp.path().join("copy");
    copy_dir(&vault, &copy);

    let mut s = open_session(&vault, NOW);
    kluis::ops::rights::erase::erase(&mut s, &anna).unwrap();
    let kept = &s.data.trajectories[&training];
    assert!(
        !kept.participants.contains(&anna),
        "the training still lists Anna"
    );
    drop(s);
    wait_until_released(&vault);

    let combo = tmp.path().join("combo");
    copy_dir(&copy, &combo);
    fs::copy(vault.join("keyring"), combo.join("keyring")).unwrap();
    let v = Vault::open(&combo, PASS.as_bytes()).unwrap();
    if let Ok(Some(old)) = v.get(Kind::Trajectory, &training) {
        panic!(
            "the training's version from before the erasure decrypts with the current keys (it lists Anna: {})",
            String::from_utf8_lossy(&old).contains(anna.as_str())
        );
    }
}
