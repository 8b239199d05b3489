//! The audit log: append-only entries chained by HMAC, so `check` notices an
//! entry that was changed, removed or added. Entries hold actions, kinds,
//! counts and ids; never names, e-mail addresses or text.

use super::crypto::SecretKey;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const ENTRY_PREFIX: &[u8] = b"a/";
pub const HEAD_KEY: &[u8] = b"m/audit_head";
const VERSION: u8 = 1;

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

/// The chain value of entry `seq`: HMAC over the previous one, the sequence
/// number and the entry itself.
pub fn chain_mac(key: &SecretKey, prev: &[u8; 32], seq: u64, body: &[u8]) -> [u8; 32] {
    key.hmac(&[b"entry", prev, &seq.to_be_bytes(), body])
}

/// Constant-time check of an entry's chain value.
pub fn verify_chain(
    key: &SecretKey,
    prev: &[u8; 32],
    seq: u64,
    body: &[u8],
    mac: &[u8; 32],
) -> bool {
    key.verify_hmac(&[b"entry", prev, &seq.to_be_bytes(), body], mac)
}

/// The head names the last entry; its own MAC stops someone from cutting
/// entries off the end and pointing the head at an earlier one.
pub fn head_mac(key: &SecretKey, seq: u64, last: &[u8; 32]) -> [u8; 32] {
    key.hmac(&[b"head", &seq.to_be_bytes(), last])
}

pub fn encode_entry(mac: &[u8; 32], body: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(1 + 32 + body.len());
    v.push(VERSION);
    v.extend_from_slice(mac);
    v.extend_from_slice(body);
    v
}

/// (mac, body) of a stored entry.
pub fn decode_entry(v: &[u8]) -> Option<([u8; 32], &[u8])> {
    if v.len() < 33 || v[0] != VERSION {
        return None;
    }
    let mac: [u8; 32] = v[1..33].try_into().ok()?;
    Some((mac, &v[33..]))
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
