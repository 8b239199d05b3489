//! Wrapped data keys are stored in blocks: one value per bucket and id
//! shard (`k/<bucket>/<shard>`, 16 shards by the id's first hex digit).
//! Reading the whole vault then costs one scan of the records plus about a
//! thousand blocks at most, instead of a second lookup per record; re-keying
//! a bucket rewrites only its blocks, a few bytes per record. (Vaults made
//! before 2026-11-25 had 256 shards by the id's first byte, named with two
//! hex digits; `Vault::open` regroups them, see `migrate`.)
//!
//! Block value (version 2): `2 | generation u32 | written u64 | entries |
//! mac [32]`, each entry a fixed `kind u8 | id [8] | sealed data key [60]`,
//! so a damaged byte spoils one entry, never its neighbours. `written` is
//! the audit sequence number of the change that wrote the block, and the
//! MAC (HMAC-SHA256 under the state key of that change, see `Vault`) covers
//! bucket, shard, generation, `written` and the entries: an older copy of
//! the block carries an older `written` than its bucket's marker names.
//! Version 1 (`1 | generation u32 | entries`) had neither; it is read until
//! the first change of a vault rewrites every block.

use super::crypto::{SEALED_KEY_LEN, SecretKey};
use super::keyring::Bucket;
use crate::domain::{Id, Kind};
use std::collections::BTreeMap;

/// The version of blocks without a MAC, written before 2026-12-01.
pub const VERSION: u8 = 1;
/// Version byte and generation, of a version 1 block.
pub const HEADER_LEN: usize = 5;
pub const MAC_VERSION: u8 = 2;
/// Version byte, generation and `written`, of a version 2 block.
pub const MAC_HEADER_LEN: usize = 13;
pub const MAC_LEN: usize = 32;
const MAC_LABEL: &[u8] = b"kluis key block v2";
pub const ID_LEN: usize = 8;
pub const ENTRY_LEN: usize = 1 + ID_LEN + SEALED_KEY_LEN;

/// The one-byte code of a kind in stored key blocks. Stored data depends on
/// it: a code never changes or gets reused (the test `kind_codes_are_pinned`
/// holds them); a new kind takes the next free code.
pub const fn kind_code(kind: Kind) -> u8 {
    match kind {
        Kind::Person => 0,
        Kind::Trajectory => 1,
        Kind::IndividualReport => 2,
        Kind::QuestionnaireResult => 3,
        Kind::TeamReport => 4,
        Kind::ContactRequest => 5,
        Kind::Quote => 6,
        Kind::Subscriber => 7,
        Kind::Suppression => 8,
        Kind::Consent => 9,
        Kind::Disclosure => 10,
        Kind::SubjectRequest => 11,
        Kind::Complaint => 12,
        Kind::Breach => 13,
        Kind::Practice => 14,
    }
}

/// The kind of every code, made from `kind_code` when compiling; two kinds
/// with one code do not compile.
const KIND_OF_CODE: [Option<Kind>; 256] = {
    let mut table = [None; 256];
    let mut i = 0;
    while i < Kind::COUNT {
        let kind = Kind::ALL[i];
        let code = kind_code(kind) as usize;
        assert!(table[code].is_none(), "two kinds share a store code");
        table[code] = Some(kind);
        i += 1;
    }
    table
};

/// The kind a stored code stands for, `None` for a damaged code.
pub fn kind_of(code: u8) -> Option<Kind> {
    KIND_OF_CODE[usize::from(code)]
}

/// The 8 bytes an id's 16 hex digits stand for. Every record read makes
/// one, so this is arithmetic rather than a parse per pair: ids hold only
/// lowercase hex digits (`Id::parse` and `Id::generate` make no others), for
/// which `(c & 0xf) + 9 * (c >> 6)` is the digit's value.
fn id_bytes(id: &Id) -> Option<[u8; ID_LEN]> {
    let s: &[u8; 2 * ID_LEN] = id.as_str().as_bytes().try_into().ok()?;
    let digit = |c: u8| (c & 0x0f) + 9 * (c >> 6);
    let mut out = [0u8; ID_LEN];
    for (o, pair) in out.iter_mut().zip(s.chunks_exact(2)) {
        *o = (digit(pair[0]) << 4) | digit(pair[1]);
    }
    Some(out)
}

fn id_of(bytes: &[u8]) -> Option<Id> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = [0u8; 2 * ID_LEN];
    if bytes.len() != ID_LEN {
        return None;
    }
    for (pair, b) in text.chunks_exact_mut(2).zip(bytes) {
        pair[0] = HEX[usize::from(b >> 4)];
        pair[1] = HEX[usize::from(b & 0x0f)];
    }
    Id::parse(std::str::from_utf8(&text).ok()?)
}

/// The shard of a record: the first hex digit of its id. Sixteen blocks per
/// bucket keep a block at a few kilobytes for 100 000 records, while a scan
/// of them all costs little beside the records' own.
pub fn shard(id: &Id) -> u8 {
    id_bytes(id).map_or(0, |b| shard_of_first_byte(b[0]))
}

pub fn shard_of_first_byte(byte: u8) -> u8 {
    byte >> 4
}

pub fn block_key(bucket: Bucket, shard: u8) -> Vec<u8> {
    format!("k/{}", block_name(bucket, shard)).into_bytes()
}

/// A block's name as problems show it: its store key without `k/`.
pub fn block_name(bucket: Bucket, shard: u8) -> String {
    format!("{bucket:08x}/{shard:x}")
}

pub fn bucket_prefix(bucket: Bucket) -> Vec<u8> {
    format!("k/{bucket:08x}/").into_bytes()
}

/// (bucket, shard) of a block key.
pub fn parse_block_key(k: &[u8]) -> Option<(Bucket, u8)> {
    parse_named_block_key(k, 1)
}

/// (bucket, shard) of a block key of the earlier layout: a shard of two hex
/// digits, the id's first byte.
pub fn parse_earlier_block_key(k: &[u8]) -> Option<(Bucket, u8)> {
    parse_named_block_key(k, 2)
}

fn parse_named_block_key(k: &[u8], shard_digits: usize) -> Option<(Bucket, u8)> {
    let s = std::str::from_utf8(k).ok()?.strip_prefix("k/")?;
    let (b, sh) = s.split_once('/')?;
    if b.len() != 8 || sh.len() != shard_digits {
        return None;
    }
    Some((
        u32::from_str_radix(b, 16).ok()?,
        u8::from_str_radix(sh, 16).ok()?,
    ))
}

/// The start of every block value: version and generation.
pub fn header(generation: u32) -> [u8; HEADER_LEN] {
    let mut h = [VERSION; HEADER_LEN];
    h[1..].copy_from_slice(&generation.to_be_bytes());
    h
}

/// A record's name in the compact form key blocks use.
pub type CompactName = (u8, [u8; ID_LEN]);

pub fn compact_name(kind: Kind, id: &Id) -> Option<CompactName> {
    Some((kind_code(kind), id_bytes(id)?))
}

/// The parts of a stored block, before any entry is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout<'a> {
    pub generation: u32,
    /// `None` for a version 1 block.
    pub written: Option<u64>,
    /// Where the entries start in the value.
    pub body_start: usize,
    pub body: &'a [u8],
    pub mac: Option<&'a [u8]>,
}

/// `None` when the header is unreadable.
pub fn layout(v: &[u8]) -> Option<Layout<'_>> {
    let generation = u32::from_be_bytes(v.get(1..5)?.try_into().ok()?);
    match v[0] {
        VERSION => Some(Layout {
            generation,
            written: None,
            body_start: HEADER_LEN,
            body: &v[HEADER_LEN..],
            mac: None,
        }),
        MAC_VERSION if v.len() >= MAC_HEADER_LEN + MAC_LEN => Some(Layout {
            generation,
            written: Some(u64::from_be_bytes(v[5..13].try_into().ok()?)),
            body_start: MAC_HEADER_LEN,
            body: &v[MAC_HEADER_LEN..v.len() - MAC_LEN],
            mac: Some(&v[v.len() - MAC_LEN..]),
        }),
        _ => None,
    }
}

fn mac_parts<'a>(
    bucket: &'a [u8; 4],
    shard: &'a [u8; 1],
    head: &'a [u8],
    body: &'a [u8],
) -> [&'a [u8]; 5] {
    [MAC_LABEL, bucket, shard, head, body]
}

/// Whether a version 2 block is whole and was written for this bucket and
/// shard under `key` (the state key of its `written` change).
pub fn verify(v: &[u8], bucket: Bucket, shard: u8, key: &SecretKey) -> bool {
    let Some(Layout {
        mac: Some(mac),
        body,
        ..
    }) = layout(v)
    else {
        return false;
    };
    let (b, sh) = (bucket.to_be_bytes(), [shard]);
    key.verify_hmac(&mac_parts(&b, &sh, &v[1..MAC_HEADER_LEN], body), mac)
}

/// The entries of a block without building ids: (name, sealed key), for the
/// read path that visits every record. Damaged entries are left out.
pub fn raw_entries(v: &[u8]) -> Option<(u32, impl Iterator<Item = (CompactName, &[u8])>)> {
    let l = layout(v)?;
    let entries = l
        .body
        .chunks_exact(ENTRY_LEN)
        .filter_map(|e| Some((entry_name(e)?, &e[1 + ID_LEN..])));
    Some((l.generation, entries))
}

/// The name of one stored entry, `None` when its kind code is damaged.
pub fn entry_name(entry: &[u8]) -> Option<CompactName> {
    let id: [u8; ID_LEN] = entry.get(1..1 + ID_LEN)?.try_into().ok()?;
    kind_of(*entry.first()?)?;
    Some((entry[0], id))
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
        let Layout {
            generation, body, ..
        } = layout(v)?;
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
        let body = layout(v)?.body.len();
        let good = entries.count();
        Some(body / ENTRY_LEN - good + usize::from(!body.is_multiple_of(ENTRY_LEN)))
    }

    /// The version 2 value of this block of `bucket` and `shard`, written by
    /// change `written` and sealed with that change's state `key`.
    pub fn encode(&self, bucket: Bucket, shard: u8, written: u64, key: &SecretKey) -> Vec<u8> {
        let mut v = Vec::with_capacity(MAC_HEADER_LEN + self.entries.len() * ENTRY_LEN + MAC_LEN);
        v.push(MAC_VERSION);
        v.extend_from_slice(&self.generation.to_be_bytes());
        v.extend_from_slice(&written.to_be_bytes());
        for ((kind, id), sealed) in &self.entries {
            // Ids are always 16 hex characters (`Id::parse`), sealed keys 60 bytes.
            let (Some(idb), true) = (id_bytes(id), sealed.len() == SEALED_KEY_LEN) else {
                continue;
            };
            v.push(kind_code(*kind));
            v.extend_from_slice(&idb);
            v.extend_from_slice(sealed);
        }
        let (b, sh) = (bucket.to_be_bytes(), [shard]);
        let mac = key.hmac(&mac_parts(
            &b,
            &sh,
            &v[1..MAC_HEADER_LEN],
            &v[MAC_HEADER_LEN..],
        ));
        v.extend_from_slice(&mac);
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
        let key = SecretKey::from_bytes([7; 32]);
        let mut bytes = b.encode(0x1234, 0, 9, &key);
        assert_eq!(Block::decode(&bytes), Some(b));
        assert!(verify(&bytes, 0x1234, 0, &key));
        assert!(!verify(&bytes, 0x1234, 1, &key), "bound to its shard");
        assert!(!verify(&bytes, 0x1235, 0, &key), "bound to its bucket");
        bytes[MAC_HEADER_LEN] = 250; // the first entry's kind code
        assert!(!verify(&bytes, 0x1234, 0, &key));
        let d = Block::decode(&bytes).unwrap();
        assert_eq!(d.damaged, 1);
        assert!(d.entries.contains_key(&(Kind::Quote, c.clone())));
        assert_eq!(shard(&a), 0x0);
        assert_eq!(shard(&c), 0x0);
        assert_eq!(shard(&Id::parse("f0112233445566ff").unwrap()), 0xf);
        assert_eq!(block_key(0x1234, 0xb), b"k/00001234/b");
        assert_eq!(
            parse_block_key(&block_key(0x1234, 0xb)),
            Some((0x1234, 0xb))
        );
        assert_eq!(parse_block_key(b"k/00001234/ab"), None);
        assert_eq!(
            parse_earlier_block_key(b"k/00001234/ab"),
            Some((0x1234, 0xab))
        );
    }

    #[test]
    fn kind_codes_are_pinned() {
        // Stored key blocks name kinds by these codes: they are the
        // positions the kinds had in the list before codes were written
        // out, and they never change.
        let pinned = [
            (Kind::Person, 0),
            (Kind::Trajectory, 1),
            (Kind::IndividualReport, 2),
            (Kind::QuestionnaireResult, 3),
            (Kind::TeamReport, 4),
            (Kind::ContactRequest, 5),
            (Kind::Quote, 6),
            (Kind::Subscriber, 7),
            (Kind::Suppression, 8),
            (Kind::Consent, 9),
            (Kind::Disclosure, 10),
            (Kind::SubjectRequest, 11),
            (Kind::Complaint, 12),
            (Kind::Breach, 13),
            (Kind::Practice, 14),
        ];
        assert_eq!(pinned.len(), Kind::COUNT, "a kind without a pinned code");
        for (kind, code) in pinned {
            assert_eq!(kind_code(kind), code, "{kind}");
            assert_eq!(kind_of(code), Some(kind), "{kind}");
        }
        assert_eq!((0..=u8::MAX).filter_map(kind_of).count(), Kind::COUNT);
    }
}
