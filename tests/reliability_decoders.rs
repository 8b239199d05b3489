//! The decoders of everything kluis reads from disk or from an import file,
//! fed random and damaged bytes: they never panic, agree with each other and
//! round-trip what they accept (the properties live in `fuzz/checks.rs`, shared
//! with the cargo-fuzz targets). Seeded; the seed is printed and
//! `KLUIS_DECODER_SEED` replays it. Crashes the fuzzer found are kept below as
//! regression tests.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod vault;
}

#[path = "../fuzz/checks.rs"]
mod checks;

use common::vault::expired_selection;
use kluis::domain::{AnyRecord, Kind};
use kluis::ops::{Clock, Session};
use kluis::vault::crypto::SecretKey;
use kluis::vault::key_block::Block;
use kluis::vault::{KdfParams, Vault, audit, record_value};
use serde_json::json;
use std::collections::BTreeMap;

fn seed(test: &str) -> u64 {
    let seed = std::env::var("KLUIS_DECODER_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("{test}: seed {seed} (replay with KLUIS_DECODER_SEED={seed})");
    seed
}

fn bytes(rng: &mut fastrand::Rng, len: usize) -> Vec<u8> {
    (0..len).map(|_| rng.u8(..)).collect()
}

/// Valid encodings of every stored value kind, to be damaged.
fn valid_values(rng: &mut fastrand::Rng) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    out.push(record_value::encode_record(rng.u32(..), &bytes(rng, 80)));
    let marker = record_value::Marker {
        generation: rng.u32(..),
        written: rng.u64(..),
        blocks: [rng.u64(..); record_value::SHARDS],
    };
    out.push(
        marker
            .encode(rng.u32(..), &SecretKey::from_bytes([7u8; 32]))
            .0,
    );
    let mut b = Block {
        generation: rng.u32(..),
        ..Block::default()
    };
    for _ in 0..rng.usize(0..6) {
        let id = kluis::domain::Id::generate();
        let kind = Kind::ALL[rng.usize(..Kind::ALL.len())];
        b.entries.insert((kind, id), bytes(rng, 60));
    }
    out.push(b.encode(
        rng.u32(..),
        rng.u8(..16),
        rng.u64(..),
        &SecretKey::from_bytes([7u8; 32]),
    ));
    let body = br#"{"at":"2026-11-25T09:00:00+01:00","action":"purge","counts":{},"ids":[]}"#;
    out.push(audit::encode_entry(
        &[3u8; 32],
        &audit::encode_state(&[(5, [4u8; 32])]),
        body,
    ));
    let key = SecretKey::from_bytes([7u8; 32]);
    out.push(
        audit::Head {
            seq: rng.u64(..),
            last: [9u8; 32],
        }
        .encode(&key),
    );
    out.push(
        json!({"name": "Anna de Vries", "email": "anna@example.nl", "phone": null,
               "organisation": null, "created_on": "2026-01-05"})
        .to_string()
        .into_bytes(),
    );
    out
}

/// A damaged copy: bits flipped, cut, grown, or bytes spliced in.
fn damage(rng: &mut fastrand::Rng, v: &[u8]) -> Vec<u8> {
    let mut v = v.to_vec();
    for _ in 0..rng.usize(1..4) {
        match rng.u8(0..4) {
            0 if !v.is_empty() => {
                let at = rng.usize(..v.len());
                v[at] ^= 1 << rng.u8(0..8);
            }
            1 => v.truncate(rng.usize(0..=v.len())),
            2 => {
                let n = rng.usize(1..70);
                let more = bytes(rng, n);
                v.extend(more);
            }
            _ => {
                let at = rng.usize(0..=v.len());
                let n = rng.usize(1..8);
                let more = bytes(rng, n);
                v.splice(at..at, more);
            }
        }
    }
    v
}

#[test]
fn stored_value_decoders_survive_100k_random_and_damaged_values() {
    let mut rng = fastrand::Rng::with_seed(seed("stored values"));
    let valid = valid_values(&mut rng);
    for i in 0..100_000 {
        let mut v = match i % 4 {
            // Pure noise of any length up to a few key block entries.
            0 => {
                let len = rng.usize(0..300);
                bytes(&mut rng, len)
            }
            // Noise behind a correct version byte, at key block sizes.
            1 => {
                let entries = rng.usize(0..4);
                let len = 5 + entries * 69 + rng.usize(0..3);
                let mut v = bytes(&mut rng, len);
                v[0] = 1;
                v
            }
            _ => {
                let base = &valid[rng.usize(..valid.len())];
                damage(&mut rng, base)
            }
        };
        v.insert(0, rng.u8(..));
        checks::stored_values(&v);
    }
}

#[test]
fn record_decoder_survives_damaged_records_of_every_kind() {
    let mut rng = fastrand::Rng::with_seed(seed("records"));
    // A valid record per kind, as the vault would hold them.
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        &dir.path().join("v"),
        b"p",
        KdfParams::FOR_TESTS,
        "2026-11-25",
    )
    .unwrap();
    let clock = Clock::parse("2026-11-25T09:00:00+01:00").unwrap();
    let mut s = Session::load(vault, clock).unwrap();
    let demo = kluis::ops::demo::demo_file(clock.today());
    let mut demo = demo;
    demo.team_reports.clear(); // sealing is slow; team reports are covered below
    let plan = kluis::ops::import::plan(&s, &demo).unwrap();
    kluis::ops::import::apply(&mut s, plan).unwrap();
    let mut by_kind: BTreeMap<Kind, Vec<u8>> = BTreeMap::new();
    for (kind, id) in s.data.keys() {
        by_kind
            .entry(kind)
            .or_insert_with(|| s.data.get(kind, &id).unwrap().encode());
    }
    by_kind.insert(
        Kind::TeamReport,
        json!({"organisation": "Gemeente Utrecht", "team": "Noord", "title": "Advies",
               "delivered_on": "2025-06-01", "sealed_body": "01abcdef"})
        .to_string()
        .into_bytes(),
    );
    assert!(by_kind.len() >= 8, "kinds: {:?}", by_kind.keys());
    for (kind, v) in &by_kind {
        assert!(AnyRecord::decode(*kind, v).is_ok(), "{kind} decodes");
        for _ in 0..3_000 {
            let bad = damage(&mut rng, v);
            checks::any_record(*kind, &bad);
            // Also read as every other kind.
            checks::any_record(Kind::ALL[rng.usize(..Kind::ALL.len())], &bad);
        }
    }
}

#[test]
fn keyring_decoders_survive_100k_random_and_damaged_files() {
    let mut rng = fastrand::Rng::with_seed(seed("keyring"));
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v");
    let v = Vault::create(&vault, b"p", KdfParams::FOR_TESTS, "2026-11-25").unwrap();
    drop(v);
    let real = std::fs::read(vault.join("keyring")).unwrap();
    checks::keyring(&real);
    assert!(kluis::vault::keyring::parse(std::path::Path::new("k"), &real).is_ok());
    let table = |n: u32, extra: usize, rng: &mut fastrand::Rng| {
        let mut t = n.to_be_bytes().to_vec();
        t.extend(bytes(rng, n as usize * 40 + extra));
        t
    };
    for i in 0..100_000 {
        let v = match i % 4 {
            0 => {
                let len = rng.usize(0..200);
                bytes(&mut rng, len)
            }
            1 => damage(&mut rng, &real),
            2 => table(rng.u32(0..6), 0, &mut rng),
            _ => {
                let n = rng.u32(0..6);
                let extra = rng.usize(0..3);
                let t = table(n, extra, &mut rng);
                damage(&mut rng, &t)
            }
        };
        checks::keyring(&v);
    }
}

#[test]
fn mutated_import_files_never_panic_and_refusals_name_a_place() {
    let mut rng = fastrand::Rng::with_seed(seed("import"));
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::parse("2026-11-25T09:00:00+01:00").unwrap();
    let vault = Vault::create(
        &dir.path().join("v"),
        b"p",
        KdfParams::FOR_TESTS,
        &clock.stamp(),
    )
    .unwrap();
    let s = Session::load(vault, clock).unwrap();
    let valid = json!({
        "people": [{"ref": "p1", "name": "Anna de Vries", "email": "anna@example.nl",
                    "phone": "+31 6 1234 5678", "organisation": "Gemeente Utrecht",
                    "created_on": "2026-01-05"},
                   {"ref": "p2", "name": "Bram Jansen", "email": "bram@example.nl"}],
        "trajectories": [{"ref": "t1", "kind": "coaching", "title": "Loopbaancoaching Anna",
                          "participants": ["p1"], "requester": "p2",
                          "started_on": "2026-01-10", "completed_on": "2026-03-31"}],
        "documents": [{"trajectory": "t1", "participant": "p1", "kind": "individual_report",
                       "title": "Eindrapport Anna", "body": "Tekst", "created_on": "2026-03-30"}],
        "contact_requests": [{"name": "Karin", "email": "karin@example.nl", "message": "Hallo",
                              "received_on": "2026-11-01", "first_contact_on": "2026-11-02"}],
        "quotes": [{"requester": "p2", "participants": ["p1"], "amount": "2450.00",
                    "sent_on": "2026-01-01", "accepted_on": "2026-01-05", "declined_on": null}],
        "subscribers": [{"email": "web@example.nl", "name": "Mila", "source": "webinar",
                         "evidence": "Webinar 12 mei 2026", "subscribed_on": "2026-05-12"},
                        {"email": "anna@example.nl", "source": "manual",
                         "evidence": "Gevraagd", "subscribed_on": "2026-05-12"}],
        "subject_requests": [{"person": "p1", "kind": "access", "received_on": "2026-11-10",
                              "handled_on": null}]
    })
    .to_string();
    checks::import_file(&s, valid.as_bytes());
    assert!(kluis::ops::import::plan(&s, &kluis::ops::import::parse(&valid).unwrap()).is_ok());
    // Tokens that make a damaged file reach deeper checks than JSON syntax.
    let tokens: [&str; 12] = [
        "\"p1\"",
        "\"p9\"",
        "null",
        "\"2026-02-30\"",
        "\"\"",
        "[]",
        "{}",
        "\"training\"",
        "\"questionnaire_result\"",
        "\"12.345\"",
        "\"suppressed@example.nl\"",
        "0",
    ];
    for _ in 0..4_000 {
        let mut text = valid.clone();
        for _ in 0..rng.usize(1..3) {
            match rng.u8(0..3) {
                // Replace a JSON string or literal by a token.
                0 => {
                    let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
                    if quotes.len() < 2 {
                        continue;
                    }
                    let pair = rng.usize(..quotes.len() / 2) * 2;
                    let (a, b) = (quotes[pair], quotes[pair + 1]);
                    text.replace_range(a..=b, tokens[rng.usize(..tokens.len())]);
                }
                1 => {
                    let at = rng.usize(0..=text.len());
                    if text.is_char_boundary(at) {
                        text.truncate(at);
                    }
                }
                _ => {
                    let at = rng.usize(0..=text.len());
                    if text.is_char_boundary(at) {
                        text.insert(
                            at,
                            rng.choice(['{', '}', '[', ']', ',', ':', '"', '\\', 'é'])
                                .unwrap(),
                        );
                    }
                }
            }
        }
        checks::import_file(&s, text.as_bytes());
    }
    // And noise.
    for _ in 0..20_000 {
        let len = rng.usize(0..100);
        let noise = bytes(&mut rng, len);
        checks::import_file(&s, &noise);
    }
}

// Regression tests for crashes the fuzzer found follow here.

/// Found by the seeded mutation test above: an unknown top-level field
/// named "" was refused with an empty JSON path (the message began with
/// ": unknown field"). It now names the file.
#[test]
fn an_unknown_field_with_an_empty_name_is_refused_with_a_place() {
    let e = kluis::ops::import::parse(r#"{"": []}"#).err().unwrap();
    assert_eq!(e.path, "(file)");
    assert!(e.to_string().contains("unknown field"), "{e}");
}

/// Writes seed inputs for the fuzz targets (real stored values, a real
/// keyring and key table, import files) to `$KLUIS_FUZZ_SEEDS/<target>/`:
/// `KLUIS_FUZZ_SEEDS=fuzz/seeds cargo test --test reliability_decoders -- --ignored`
#[test]
#[ignore = "writes the fuzz seed corpus; run by hand"]
fn write_fuzz_seeds() {
    let Some(out) = std::env::var_os("KLUIS_FUZZ_SEEDS").map(std::path::PathBuf::from) else {
        return;
    };
    let write = |target: &str, name: String, bytes: &[u8]| {
        let dir = out.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    };
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("v");
    let clock = Clock::parse("2026-11-25T09:00:00+01:00").unwrap();
    let vault = Vault::create(&path, b"p", KdfParams::FOR_TESTS, &clock.stamp()).unwrap();
    let mut s = Session::load(vault, clock).unwrap();
    let mut demo = kluis::ops::demo::demo_file(clock.today());
    demo.team_reports.truncate(1);
    let plan = kluis::ops::import::plan(&s, &demo).unwrap();
    kluis::ops::import::apply(&mut s, plan).unwrap();
    let expired = expired_selection(&s);
    kluis::ops::purge::purge(&mut s, &expired).unwrap();
    let mut kinds_done = std::collections::BTreeSet::new();
    for (kind, id) in s.data.keys() {
        if kinds_done.insert(kind) {
            let mut v = vec![kluis::vault::key_block::kind_code(kind)];
            v.extend(s.data.get(kind, &id).unwrap().encode());
            write("stored_values", format!("record-{kind}"), &v);
        }
    }
    drop(s);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let db = sled::Config::new().path(path.join("db")).open().unwrap();
    let mut per_prefix: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
    for item in db.iter() {
        let (k, v) = item.unwrap();
        let n = per_prefix.entry(k[..2].to_vec()).or_default();
        if *n < 4 {
            *n += 1;
            let mut seed = vec![0u8];
            seed.extend_from_slice(&v);
            let name = String::from_utf8_lossy(&k).replace('/', "_");
            write("stored_values", name, &seed);
        }
    }
    drop(db);
    write(
        "keyring",
        "keyring".into(),
        &std::fs::read(path.join("keyring")).unwrap(),
    );
    let mut table = 2u32.to_be_bytes().to_vec();
    for (bucket, generation) in [(0u32, 0u32), (24_320, 3)] {
        table.extend(bucket.to_be_bytes());
        table.extend(generation.to_be_bytes());
        table.extend([5u8; 32]);
    }
    write("keyring", "table".into(), &table);
    let file = json!({
        "people": [{"ref": "p1", "name": "Anna de Vries", "email": "anna@example.nl",
                    "created_on": "2026-01-05"},
                   {"ref": "p2", "name": "Bram Jansen", "email": "bram@example.nl"}],
        "trajectories": [{"ref": "t1", "kind": "coaching", "title": "Coaching Anna",
                          "participants": ["p1"], "requester": "p2",
                          "started_on": "2026-01-10", "completed_on": "2026-03-31"}],
        "documents": [{"trajectory": "t1", "participant": "p1", "kind": "individual_report",
                       "title": "Eindrapport", "body": "Tekst", "created_on": "2026-03-30"}],
        "contact_requests": [{"name": "Karin", "email": "karin@example.nl", "message": "Hallo",
                              "received_on": "2026-11-01", "first_contact_on": "2026-11-02"}],
        "quotes": [{"requester": "p2", "participants": ["p1"], "amount": "2450.00",
                    "sent_on": "2026-01-01", "accepted_on": "2026-01-05"}],
        "subscribers": [{"email": "web@example.nl", "name": "Mila", "source": "webinar",
                         "evidence": "Webinar", "subscribed_on": "2026-05-12"}],
        "subject_requests": [{"person": "p1", "kind": "access", "received_on": "2026-11-10"}]
    });
    write("import", "full.json".into(), file.to_string().as_bytes());
    let team = json!({"team_reports": [{"organisation": "Gemeente", "team": "Noord",
        "title": "Advies", "body": "Tekst", "delivered_on": "2025-06-01", "password": "pw"}]});
    write("import", "team.json".into(), team.to_string().as_bytes());
}
