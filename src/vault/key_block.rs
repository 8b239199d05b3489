//! Wrapped data keys are stored in blocks: one value per bucket and id
//! shard (`k/<bucket>/<shard>`, 256 shards by the id's first byte). Reading
//! the whole vault then costs one scan of the records plus a few thousand
//! blocks, instead of a second lookup per record; re-keying a bucket rewrites
//! only its blocks, a few bytes per record.
//!
//! Block value: `v | generation u32 | entries`, each entry a fixed
//! `kind u8 | id [8] | sealed data key [60]`, so a damaged byte spoils one
//! entry, never its neighbours.

use super::crypto::SEALED_KEY_LEN;
use super::keyring::Bucket;
use crate::domain::{Id, Kind};
use std::collections::BTreeMap;

pub const VERSION: u8 = 1;
const ID_LEN: usize = 8;
const ENTRY_LEN: usize = 1 + ID_LEN + SEALED_KEY_LEN;

/// The stable one-byte code of a kind in key blocks. Codes are positions in
/// `Kind::ALL`, which therefore only ever grows at the end.
pub fn kind_code(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// The kind name of a code ("" for an unknown code), for ordering.
pub fn kind_name(code: u8) -> &'static str {
    kind_of(code).map_or("", Kind::name)
}

fn kind_of(code: u8) -> Option<Kind> {
    Kind::ALL.get(code as usize).copied()
}

fn id_bytes(id: &Id) -> Option<[u8; ID_LEN]> {
    let s = id.as_str().as_bytes();
    let mut out = [0u8; ID_LEN];
    for (i, pair) in s.chunks(2).enumerate() {
        let hex = std::str::from_utf8(pair).ok()?;
        *out.get_mut(i)? = u8::from_str_radix(hex, 16).ok()?;
    }
    Some(out)
}

fn id_of(bytes: &[u8]) -> Option<Id> {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Id::parse(&hex)
}

/// The shard of a record: the first byte of its id.
pub fn shard(id: &Id) -> u8 {
    id_bytes(id).map_or(0, |b| b[0])
}

pub fn block_key(bucket: Bucket, shard: u8) -> Vec<u8> {
    format!("k/{bucket:08x}/{shard:02x}").into_bytes()
}

pub fn bucket_prefix(bucket: Bucket) -> Vec<u8> {
    format!("k/{bucket:08x}/").into_bytes()
}

/// (bucket, shard) of a block key.
pub fn parse_block_key(k: &[u8]) -> Option<(Bucket, u8)> {
    let s = std::str::from_utf8(k).ok()?.strip_prefix("k/")?;
    let (b, sh) = s.split_once('/')?;
    if b.len() != 8 || sh.len() != 2 {
        return None;
    }
    Some((
        u32::from_str_radix(b, 16).ok()?,
        u8::from_str_radix(sh, 16).ok()?,
    ))
}

/// A record's name in the compact form key blocks use.
pub type CompactName = (u8, [u8; ID_LEN]);

pub fn compact_name(kind: Kind, id: &Id) -> Option<CompactName> {
    Some((kind_code(kind), id_bytes(id)?))
}

/// The entries of a block without building ids: (name, sealed key), for the
/// read path that visits every record. Damaged entries are left out.
pub fn raw_entries(v: &[u8]) -> Option<(u32, impl Iterator<Item = (CompactName, &[u8])>)> {
    if v.len() < 5 || v[0] != VERSION {
        return None;
    }
    let generation = u32::from_be_bytes(v[1..5].try_into().ok()?);
    let entries = v[5..].chunks_exact(ENTRY_LEN).filter_map(|e| {
        let id: [u8; ID_LEN] = e[1..1 + ID_LEN].try_into().ok()?;
        kind_of(e[0])?;
        Some(((e[0], id), &e[1 + ID_LEN..]))
    });
    Some((generation, entries))
}

/// Whether a stored block holds an entry for this record, without decoding
/// the whole block.
pub fn holds(v: &[u8], kind: Kind, id: &Id) -> bool {
    let (Some(name), Some((_, mut entries))) = (compact_name(kind, id), raw_entries(v)) else {
        return false;
    };
    entries.any(|(n, _)| n == name)
}

/// The kind and id of a compact name.
pub fn expand_name(name: &CompactName) -> Option<(Kind, Id)> {
    Some((kind_of(name.0)?, id_of(&name.1)?))
}

/// A decoded block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    pub generation: u32,
    pub entries: BTreeMap<(Kind, Id), Vec<u8>>,
    /// Entries that could not be read (damaged kind or id bytes).
    pub damaged: usize,
}

impl Block {
    /// `None` when the block header is unreadable; damaged entries are
    /// counted and skipped.
    pub fn decode(v: &[u8]) -> Option<Block> {
        if v.len() < 5 || v[0] != VERSION {
            return None;
        }
        let generation = u32::from_be_bytes(v[1..5].try_into().ok()?);
        let body = &v[5..];
        let mut b = Block {
            generation,
            entries: BTreeMap::new(),
            damaged: usize::from(!body.len().is_multiple_of(ENTRY_LEN)),
        };
        for e in body.chunks_exact(ENTRY_LEN) {
            match (kind_of(e[0]), id_of(&e[1..1 + ID_LEN])) {
                (Some(kind), Some(id)) => {
                    b.entries.insert((kind, id), e[1 + ID_LEN..].to_vec());
                }
                _ => b.damaged += 1,
            }
        }
        Some(b)
    }

    /// How many entries of a stored block are damaged; `None` when the
    /// block header itself is unreadable.
    pub fn count_damaged(v: &[u8]) -> Option<usize> {
        let (_, entries) = raw_entries(v)?;
        let body = v.len() - 5;
        let good = entries.count();
        Some(body / ENTRY_LEN - good + usize::from(!body.is_multiple_of(ENTRY_LEN)))
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(5 + self.entries.len() * ENTRY_LEN);
        v.push(VERSION);
        v.extend_from_slice(&self.generation.to_be_bytes());
        for ((kind, id), sealed) in &self.entries {
            // Ids are always 16 hex characters (`Id::parse`), sealed keys 60 bytes.
            let (Some(idb), true) = (id_bytes(id), sealed.len() == SEALED_KEY_LEN) else {
                continue;
            };
            v.push(kind_code(*kind));
            v.extend_from_slice(&idb);
            v.extend_from_slice(sealed);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_one_damaged_entry_spoils_only_itself() {
        let mut b = Block {
            generation: 7,
            ..Block::default()
        };
        let a = Id::parse("00112233445566ff").unwrap();
        let c = Id::parse("0a0b0c0d0e0f0102").unwrap();
        b.entries
            .insert((Kind::Person, a.clone()), vec![1; SEALED_KEY_LEN]);
        b.entries
            .insert((Kind::Quote, c.clone()), vec![2; SEALED_KEY_LEN]);
        let mut bytes = b.encode();
        assert_eq!(Block::decode(&bytes), Some(b));
        bytes[5] = 250; // the first entry's kind code
        let d = Block::decode(&bytes).unwrap();
        assert_eq!(d.damaged, 1);
        assert!(d.entries.contains_key(&(Kind::Quote, c)));
        assert_eq!(shard(&a), 0x00);
        assert_eq!(
            parse_block_key(&block_key(0x1234, 0xab)),
            Some((0x1234, 0xab))
        );
    }
}
