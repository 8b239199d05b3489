//! The properties that the fuzz targets (`fuzz/fuzz_targets/*.rs`) and the
//! CI test `tests/reliability_decoders.rs` check for any input. Each decoder
//! must not panic on any bytes, the decoders of one format must agree with
//! each other, and whatever a decoder accepts must encode back to the same
//! thing. A failed property panics, which the fuzzer reports as a crash.
//!
//! Shared by path (`#[path = ...] mod checks;`), so a crash the fuzzer finds
//! replays in the CI test by calling the same function on the same bytes.

#![allow(dead_code)]

use kluis::domain::{AnyRecord, Kind};
use kluis::ops::Session;
use kluis::ops::import::{self, ImportFile};
use kluis::vault::crypto::SecretKey;
use kluis::vault::key_block::{self, Block};
use kluis::vault::{audit, keyring, record_value, team_seal};
use std::path::Path;

/// Every stored-value decoder on `data`. The first byte also picks the kind
/// for `AnyRecord::decode`; every decoder sees the whole input as well as the
/// input after that byte, so a corpus entry that is a real stored value
/// (with any selector byte in front) reaches the deep paths.
pub fn stored_values(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    for v in [data, rest] {
        record(v);
        generation(v);
        block(v);
        audit_entry(v);
        head(v);
        hex(v);
    }
    any_record(Kind::ALL[selector as usize % Kind::ALL.len()], rest);
}

/// `r/<kind>/<id>` values: `v | bucket | sealed`.
pub fn record(v: &[u8]) {
    match record_value::decode_record(v) {
        Some((bucket, sealed)) => {
            assert_eq!(record_value::encode_record(bucket, sealed), v);
        }
        None => assert!(v.len() < 5 || v[0] != record_value::VERSION),
    }
}

/// `g/<bucket>` values: a marker (version 2) re-encodes to the same bytes
/// before its MAC; a version 1 marker is `1 | generation`.
pub fn generation(v: &[u8]) {
    if let Some(g) = record_value::decode_generation(v) {
        assert_eq!(v[1..], g.to_be_bytes());
    }
    if let Some((marker, _)) = record_value::Marker::parse(v) {
        let (again, _) = marker.encode(0, &SecretKey::from_bytes([7u8; 32]));
        assert_eq!(again[..again.len() - 32], v[..v.len() - 32]);
    }
}

/// `k/<bucket>/<shard>` values: the three readers agree, every entry the
/// fast reader sees is found by `holds` and by the full decoder, and a
/// decoded block encodes to one that decodes to the same entries.
pub fn block(v: &[u8]) {
    let decoded = Block::decode(v);
    let damaged = Block::count_damaged(v);
    let raw: Option<Vec<key_block::CompactName>> =
        key_block::raw_entries(v).map(|(_, e)| e.map(|(n, _)| n).collect());
    assert_eq!(decoded.is_some(), damaged.is_some());
    assert_eq!(decoded.is_some(), raw.is_some());
    let (Some(b), Some(damaged), Some(raw)) = (decoded, damaged, raw) else {
        return;
    };
    assert_eq!(
        b.damaged, damaged,
        "full and fast readers count damage alike"
    );
    assert!(b.entries.len() <= raw.len());
    for name in &raw {
        let (kind, id) = key_block::expand_name(name).expect("a raw entry has a valid name");
        assert!(key_block::holds(v, kind, &id));
        assert!(b.entries.contains_key(&(kind, id.clone())));
        assert_eq!(key_block::compact_name(kind, &id), Some(*name));
    }
    let key = SecretKey::from_bytes([7u8; 32]);
    let encoded = b.encode(1, 2, 3, &key);
    assert!(key_block::verify(&encoded, 1, 2, &key));
    let again = Block::decode(&encoded).expect("an encoded block decodes");
    assert_eq!(again.generation, b.generation);
    assert_eq!(again.entries, b.entries);
    assert_eq!(again.damaged, 0);
}

/// `a/<seq>` values: `v | mac | (state) | body`; one of version 2 encodes
/// to the same bytes.
pub fn audit_entry(v: &[u8]) {
    if let Some(audit::Entry {
        mac,
        state: Some(state),
        body,
    }) = audit::decode_entry(v)
    {
        assert_eq!(audit::encode_entry(&mac, state, body), v);
    }
}

/// `m/audit_head`: never accepted without the key's MAC.
pub fn head(v: &[u8]) {
    let key = SecretKey::from_bytes([7u8; 32]);
    if let Some(h) = audit::Head::decode(v, &key) {
        assert_eq!(h.encode(&key), v);
    }
}

/// Team report bodies are stored as hex.
pub fn hex(v: &[u8]) {
    if let Ok(s) = std::str::from_utf8(v)
        && let Some(bytes) = team_seal::from_hex(s)
    {
        assert_eq!(team_seal::to_hex(&bytes), s);
    }
}

/// A decrypted record: decodes to a record of the kind asked for, which
/// encodes and decodes to itself.
pub fn any_record(kind: Kind, v: &[u8]) {
    if let Ok(rec) = AnyRecord::decode(kind, v) {
        assert_eq!(rec.kind(), kind);
        let again = AnyRecord::decode(kind, &rec.encode()).expect("an encoded record decodes");
        assert_eq!(again, rec);
    }
}

/// The keyring file and its decrypted key table.
pub fn keyring(data: &[u8]) {
    // header (38) + sealed root key (60)
    const BEFORE_TABLE: usize = 8 + 1 + 1 + 4 + 4 + 4 + 16 + 60;
    match keyring::parse(Path::new("keyring"), data) {
        Ok((params, table_len)) => {
            assert!(params.is_sane());
            assert_eq!(table_len, data.len() - BEFORE_TABLE);
            assert!(data.starts_with(keyring::MAGIC));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    if let Some(table) = keyring::decode_table(data) {
        let n = u32::from_be_bytes(data[..4].try_into().unwrap()) as usize;
        assert_eq!(data.len(), 4 + n * 40);
        let keys: usize = table.values().map(|g| g.len()).sum();
        assert!(keys <= n);
    }
}

/// An import file: parsed and, when it parses, checked and planned against
/// `session` (which it never changes). A plan holds exactly the records the
/// file asks for; a refusal names a place in the file.
pub fn import_file(session: &Session, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file: ImportFile = match import::parse(text) {
        Ok(f) => f,
        Err(e) => {
            assert!(
                !e.path.is_empty(),
                "a refusal without a place: {e:?} for {text:?}"
            );
            return;
        }
    };
    let before = session.data.len();
    match import::plan(session, &file) {
        Ok(plan) => {
            let joined = plan
                .joins
                .iter()
                .filter(|j| matches!(j, kluis::domain::mailing::JoinOutcome::Added { .. }))
                .count();
            let asked = file.people.len()
                + file.trajectories.len()
                + file.documents.len()
                + file.team_reports.len()
                + file.contact_requests.len()
                + file.quotes.len()
                + file.subscribers.len()
                + file.subject_requests.len();
            assert_eq!(
                plan.records.len(),
                asked - plan.already_subscribed + joined,
                "a plan holds exactly the records of the file"
            );
            let mut ids: Vec<_> = plan.records.iter().map(|(id, _)| id.clone()).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), plan.records.len(), "fresh ids are unique");
        }
        Err(e) => {
            let top = e.path.split(['[', '.']).next().unwrap_or("");
            assert!(
                [
                    "people",
                    "trajectories",
                    "documents",
                    "team_reports",
                    "contact_requests",
                    "quotes",
                    "subscribers",
                    "subject_requests",
                ]
                .contains(&top),
                "a refusal names a place in the file: {e}"
            );
        }
    }
    assert_eq!(session.data.len(), before, "planning changes nothing");
}
