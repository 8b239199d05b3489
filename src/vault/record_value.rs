//! The byte layout of stored records and bucket markers. Every value starts
//! with a format version, so a later layout can be told apart and migrated.

use super::crypto::SecretKey;
use super::keyring::Bucket;

pub const VERSION: u8 = 1;

/// A stored record: `v | bucket u32 | sealed record`. The bucket says which
/// key block holds its data key.
pub fn encode_record(bucket: Bucket, sealed: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(5 + sealed.len());
    v.push(VERSION);
    v.extend_from_slice(&bucket.to_be_bytes());
    v.extend_from_slice(sealed);
    v
}

/// (bucket, sealed record), or `None` for a value of another version.
pub fn decode_record(v: &[u8]) -> Option<(Bucket, &[u8])> {
    if v.len() < 5 || v[0] != VERSION {
        return None;
    }
    Some((u32::from_be_bytes(v[1..5].try_into().ok()?), &v[5..]))
}

/// A version 1 marker (`1 | generation u32`), written before 2026-12-01.
pub fn decode_generation(v: &[u8]) -> Option<u32> {
    if v.len() != 5 || v[0] != VERSION {
        return None;
    }
    Some(u32::from_be_bytes(v[1..5].try_into().ok()?))
}

pub const SHARDS: usize = 16;
const MARKER_VERSION: u8 = 2;
const MARKER_LEN: usize = 1 + 4 + 8 + SHARDS * 8 + 32;
const MARKER_LABEL: &[u8] = b"kluis marker v2";

/// A bucket's marker (`g/<bucket>`, version 2): `2 | generation u32 |
/// written u64 | SHARDS × block written u64 | mac [32]`. It names the
/// committed generation of the bucket key and, per shard, the change that
/// last wrote its key block (0: no block). Its MAC, under the state key of
/// change `written`, covers the bucket and all of that; the audit entry of
/// change `written` records the MAC, so an older marker is told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub generation: u32,
    pub written: u64,
    pub blocks: [u64; SHARDS],
}

impl Marker {
    fn body(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(MARKER_LEN);
        v.push(MARKER_VERSION);
        v.extend_from_slice(&self.generation.to_be_bytes());
        v.extend_from_slice(&self.written.to_be_bytes());
        for w in &self.blocks {
            v.extend_from_slice(&w.to_be_bytes());
        }
        v
    }

    /// The stored value and its MAC.
    pub fn encode(&self, bucket: Bucket, key: &SecretKey) -> (Vec<u8>, [u8; 32]) {
        let mut v = self.body();
        let mac = key.hmac(&[MARKER_LABEL, &bucket.to_be_bytes(), &v]);
        v.extend_from_slice(&mac);
        (v, mac)
    }

    /// The marker and its MAC, unverified; `None` when malformed.
    pub fn parse(v: &[u8]) -> Option<(Marker, [u8; 32])> {
        if v.len() != MARKER_LEN || v[0] != MARKER_VERSION {
            return None;
        }
        let u64_at = |at: usize| -> Option<u64> {
            Some(u64::from_be_bytes(v.get(at..at + 8)?.try_into().ok()?))
        };
        let mut blocks = [0u64; SHARDS];
        for (i, w) in blocks.iter_mut().enumerate() {
            *w = u64_at(13 + i * 8)?;
        }
        let marker = Marker {
            generation: u32::from_be_bytes(v[1..5].try_into().ok()?),
            written: u64_at(5)?,
            blocks,
        };
        Some((marker, v[MARKER_LEN - 32..].try_into().ok()?))
    }

    /// Whether `mac` is this marker's MAC for `bucket` under `key`.
    pub fn verify(&self, bucket: Bucket, key: &SecretKey, mac: &[u8; 32]) -> bool {
        key.verify_hmac(&[MARKER_LABEL, &bucket.to_be_bytes(), &self.body()], mac)
    }
}
