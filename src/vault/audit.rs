//! The audit log: append-only entries chained by HMAC, so `check` notices an
//! entry that was changed, removed or added. Entries hold actions, kinds,
//! counts and ids; never names, e-mail addresses or text.
//!
//! Entry value, version 2: `2 | mac [32] | state length u32 | state | body`;
//! `state` is `n × (bucket u32 | marker mac [32])`, the MAC of every bucket
//! marker the change wrote (all zeros: the bucket was emptied), and `body`
//! the JSON event. Version 1 (`1 | mac [32] | body`) had no state. Because
//! the chain is verified from its start and the keyring knows its last
//! sequence number, the last state recorded for a bucket is the one its
//! marker must have: that is what tells an older copy of a marker apart.

use super::crypto::SecretKey;
use super::keyring::Bucket;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const ENTRY_PREFIX: &[u8] = b"a/";
pub const HEAD_KEY: &[u8] = b"m/audit_head";
const VERSION: u8 = 1;
const STATE_VERSION: u8 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When, as RFC 3339 (the program's clock, so `KLUIS_NOW` applies).
    pub at: String,
    /// What happened: `init`, `import`, `purge`, `erase`, `update`, ...
    pub action: String,
    /// Records touched, by kind name.
    pub counts: BTreeMap<String, usize>,
    /// The ids touched, as `kind/id`.
    pub ids: Vec<String>,
}

pub fn entry_key(seq: u64) -> Vec<u8> {
    let mut k = ENTRY_PREFIX.to_vec();
    k.extend_from_slice(format!("{seq:016x}").as_bytes());
    k
}

/// A stored entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub mac: [u8; 32],
    /// `None` for a version 1 entry.
    pub state: Option<&'a [u8]>,
    pub body: &'a [u8],
}

/// The chain value of entry `seq`: HMAC over the previous one, the sequence
/// number, the state it records and the event.
pub fn chain_mac(
    key: &SecretKey,
    prev: &[u8; 32],
    seq: u64,
    state: Option<&[u8]>,
    body: &[u8],
) -> [u8; 32] {
    let seq = seq.to_be_bytes();
    match state {
        None => key.hmac(&[b"entry", prev, &seq, body]),
        Some(st) => {
            let len = (st.len() as u32).to_be_bytes();
            key.hmac(&[b"entry v2", prev, &seq, &len, st, body])
        }
    }
}

/// Constant-time check of an entry's chain value.
pub fn verify_chain(key: &SecretKey, prev: &[u8; 32], seq: u64, entry: &Entry<'_>) -> bool {
    let seq = seq.to_be_bytes();
    match entry.state {
        None => key.verify_hmac(&[b"entry", prev, &seq, entry.body], &entry.mac),
        Some(st) => {
            let len = (st.len() as u32).to_be_bytes();
            key.verify_hmac(&[b"entry v2", prev, &seq, &len, st, entry.body], &entry.mac)
        }
    }
}

/// The state part of an entry: each marker's MAC by bucket.
pub fn encode_state(markers: &[(Bucket, [u8; 32])]) -> Vec<u8> {
    let mut v = Vec::with_capacity(markers.len() * 36);
    for (bucket, mac) in markers {
        v.extend_from_slice(&bucket.to_be_bytes());
        v.extend_from_slice(mac);
    }
    v
}

/// `None` when the state part is malformed.
pub fn parse_state(st: &[u8]) -> Option<Vec<(Bucket, [u8; 32])>> {
    if !st.len().is_multiple_of(36) {
        return None;
    }
    st.chunks_exact(36)
        .map(|c| {
            Some((
                u32::from_be_bytes(c[..4].try_into().ok()?),
                c[4..].try_into().ok()?,
            ))
        })
        .collect()
}

/// The head names the last entry; its own MAC stops someone from cutting
/// entries off the end and pointing the head at an earlier one.
pub fn head_mac(key: &SecretKey, seq: u64, last: &[u8; 32]) -> [u8; 32] {
    key.hmac(&[b"head", &seq.to_be_bytes(), last])
}

/// A version 2 entry.
pub fn encode_entry(mac: &[u8; 32], state: &[u8], body: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(1 + 32 + 4 + state.len() + body.len());
    v.push(STATE_VERSION);
    v.extend_from_slice(mac);
    v.extend_from_slice(&(state.len() as u32).to_be_bytes());
    v.extend_from_slice(state);
    v.extend_from_slice(body);
    v
}

/// A stored entry of either version; `None` when malformed.
pub fn decode_entry(v: &[u8]) -> Option<Entry<'_>> {
    let mac: [u8; 32] = v.get(1..33)?.try_into().ok()?;
    match v[0] {
        VERSION => Some(Entry {
            mac,
            state: None,
            body: &v[33..],
        }),
        STATE_VERSION => {
            let len = u32::from_be_bytes(v.get(33..37)?.try_into().ok()?) as usize;
            let end = 37usize.checked_add(len)?;
            Some(Entry {
                mac,
                state: Some(v.get(37..end)?),
                body: &v[end..],
            })
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub seq: u64,
    pub last: [u8; 32],
}

impl Head {
    pub const EMPTY: Head = Head {
        seq: 0,
        last: [0u8; 32],
    };

    pub fn encode(&self, key: &SecretKey) -> Vec<u8> {
        let mut v = Vec::with_capacity(1 + 8 + 64);
        v.push(VERSION);
        v.extend_from_slice(&self.seq.to_be_bytes());
        v.extend_from_slice(&self.last);
        v.extend_from_slice(&head_mac(key, self.seq, &self.last));
        v
    }

    /// `None` when the head is malformed or its MAC is wrong.
    pub fn decode(v: &[u8], key: &SecretKey) -> Option<Head> {
        if v.len() != 1 + 8 + 64 || v[0] != VERSION {
            return None;
        }
        let seq = u64::from_be_bytes(v[1..9].try_into().ok()?);
        let last: [u8; 32] = v[9..41].try_into().ok()?;
        let mac: [u8; 32] = v[41..73].try_into().ok()?;
        key.verify_hmac(&[b"head", &seq.to_be_bytes(), &last], &mac)
            .then_some(Head { seq, last })
    }
}
