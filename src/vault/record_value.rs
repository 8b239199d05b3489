//! The byte layout of stored values. Every value starts with a format
//! version, so a later layout can be told apart and migrated.

use super::keyring::Bucket;

pub const VERSION: u8 = 1;

/// A stored record: `v | sealed record`.
pub fn encode_record(sealed: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(1 + sealed.len());
    v.push(VERSION);
    v.extend_from_slice(sealed);
    v
}

/// The sealed record, or `None` for a value of another version.
pub fn decode_record(v: &[u8]) -> Option<&[u8]> {
    match v.split_first() {
        Some((&VERSION, sealed)) => Some(sealed),
        _ => None,
    }
}

/// A wrapped data key: `v | bucket u32 | generation u32 | sealed key`.
pub struct KeyEntry<'a> {
    pub bucket: Bucket,
    pub generation: u32,
    pub sealed: &'a [u8],
}

impl<'a> KeyEntry<'a> {
    pub fn encode(bucket: Bucket, generation: u32, sealed: &[u8]) -> Vec<u8> {
        let mut v = Vec::with_capacity(9 + sealed.len());
        v.push(VERSION);
        v.extend_from_slice(&bucket.to_be_bytes());
        v.extend_from_slice(&generation.to_be_bytes());
        v.extend_from_slice(sealed);
        v
    }

    pub fn decode(v: &'a [u8]) -> Option<KeyEntry<'a>> {
        if v.len() < 9 || v[0] != VERSION {
            return None;
        }
        Some(KeyEntry {
            bucket: u32::from_be_bytes(v[1..5].try_into().ok()?),
            generation: u32::from_be_bytes(v[5..9].try_into().ok()?),
            sealed: &v[9..],
        })
    }
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
