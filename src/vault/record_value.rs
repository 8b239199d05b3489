//! The byte layout of stored records and bucket markers. Every value starts
//! with a format version, so a later layout can be told apart and migrated.

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

pub fn encode_generation(generation: u32) -> Vec<u8> {
    let mut v = vec![VERSION];
    v.extend_from_slice(&generation.to_be_bytes());
    v
}

pub fn decode_generation(v: &[u8]) -> Option<u32> {
    if v.len() != 5 || v[0] != VERSION {
        return None;
    }
    Some(u32::from_be_bytes(v[1..5].try_into().ok()?))
}
