//! Every key block of the vault, read once for a scan of all records.
//!
//! The entries are sorted in the order records are stored in (kind name, id),
//! so one walk beside the record scan finds each record's key, and the
//! entries it passes over are the data keys without a record.

use super::crypto::SEALED_KEY_LEN;
use super::key_block::{self, CompactName, ENTRY_LEN, ID_LEN, Layout};
use super::keyring::Bucket;
use super::store::Bytes;
use crate::domain::{Id, Kind};

/// Kind names sort differently from kind codes; records come from the store
/// in key order (`r/<kind name>/<id>`), so entries are sorted by the rank of
/// `<kind name>/` among all of them.
fn name_rank(code: u8) -> u8 {
    let Some(kind) = key_block::kind_of(code) else {
        return u8::MAX;
    };
    let key = |k: &Kind| format!("{}/", k.name());
    Kind::ALL.iter().filter(|k| key(k) < key(&kind)).count() as u8
}

/// A record's place in store order: kind name rank, then id.
fn record_order(rank: u8, id: [u8; ID_LEN]) -> u128 {
    (u128::from(rank) << 64) | u128::from(u64::from_be_bytes(id))
}

/// One wrapped data key, with what is needed to unwrap it.
struct Entry {
    order: u128,
    name: CompactName,
    bucket: Bucket,
    generation: u32,
    sealed: [u8; SEALED_KEY_LEN],
}

/// Every key block's entries in the order records are stored in, so a scan
/// of the records finds its keys by walking both side by side.
pub struct KeyIndex {
    /// `name_rank` of every kind code.
    ranks: [u8; 256],
    /// Bucket, generation, where the entries start, and the stored value.
    blocks: Vec<(Bucket, u32, usize, Bytes)>,
    /// Every entry, packed so that sorting the numbers sorts the entries:
    /// record order (72 bits), block (32), entry in the block (24; a block
    /// of 2^24 entries would be a single value of 1.1 GiB).
    packed: Vec<u128>,
    /// The entries in record order, filled by `sort`.
    entries: Vec<Entry>,
    /// How far the walk has come in `entries`.
    next: usize,
    /// Entries passed over: no record asked for them.
    passed: Vec<CompactName>,
}

impl KeyIndex {
    pub fn new() -> KeyIndex {
        let mut ranks = [u8::MAX; 256];
        for (code, rank) in ranks.iter_mut().enumerate() {
            *rank = name_rank(code as u8);
        }
        KeyIndex {
            ranks,
            blocks: Vec::new(),
            packed: Vec::new(),
            entries: Vec::new(),
            next: 0,
            passed: Vec::new(),
        }
    }

    fn rank(&self, code: u8) -> u8 {
        self.ranks[usize::from(code)]
    }

    /// Adds a block that has been checked (a readable header, and in a vault
    /// of version 2 blocks a valid MAC). Entries with a damaged kind code
    /// are left out.
    pub fn push(&mut self, bucket: Bucket, value: Bytes) {
        let block = self.blocks.len() as u128;
        let Some(Layout {
            generation,
            body_start,
            body: entries,
            ..
        }) = key_block::layout(&value)
        else {
            return;
        };
        for (i, e) in entries.chunks_exact(ENTRY_LEN).enumerate() {
            if let Some((code, id)) = key_block::entry_name(e) {
                let order = record_order(self.rank(code), id);
                self.packed
                    .push((order << 56) | (block << 24) | (i as u128 & 0xff_ffff));
            }
        }
        self.blocks.push((bucket, generation, body_start, value));
    }

    /// Sorts the entries into record order, after the last `push`. Numbers
    /// sort fast; the keys are then copied once in that order, so the walk
    /// reads memory front to back instead of jumping between blocks.
    pub fn sort(&mut self) {
        self.packed.sort_unstable();
        self.entries = self
            .packed
            .iter()
            .filter_map(|&p| {
                let (bucket, generation, body_start, value) =
                    self.blocks.get((p >> 24) as u32 as usize)?;
                let at = body_start + (p & 0xff_ffff) as usize * ENTRY_LEN;
                let e = value.get(at..at + ENTRY_LEN)?;
                Some(Entry {
                    order: p >> 56,
                    name: key_block::entry_name(e)?,
                    bucket: *bucket,
                    generation: *generation,
                    sealed: e[1 + ID_LEN..].try_into().ok()?,
                })
            })
            .collect();
        self.packed = Vec::new();
        self.blocks = Vec::new();
    }

    /// The wrapped data key of the next record in store order:
    /// (bucket, generation, sealed key).
    pub fn take(&mut self, kind: Kind, id: &Id) -> Option<(Bucket, u32, &[u8])> {
        let (code, id_bytes) = key_block::compact_name(kind, id)?;
        let want = record_order(self.rank(code), id_bytes);
        let mut found = None;
        while let Some(entry) = self.entries.get(self.next) {
            match entry.order.cmp(&want) {
                std::cmp::Ordering::Less => self.passed.push(entry.name),
                std::cmp::Ordering::Equal => found = Some(self.next),
                std::cmp::Ordering::Greater => break,
            }
            self.next += 1;
            if found.is_some() {
                break;
            }
        }
        let entry = self.entries.get(found?)?;
        Some((entry.bucket, entry.generation, &entry.sealed[..]))
    }

    /// The entries no record asked for.
    pub fn unused(&self) -> Vec<CompactName> {
        let rest = self.entries.get(self.next..).unwrap_or_default();
        self.passed
            .iter()
            .copied()
            .chain(rest.iter().map(|e| e.name))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::record_key;

    #[test]
    fn entries_sort_in_the_order_the_store_keeps_records() {
        let ids: Vec<Id> = ["0000000000000000", "7f00000000000001", "ffffffffffffffff"]
            .iter()
            .map(|s| Id::parse(s).unwrap())
            .collect();
        let mut by_store: Vec<(Kind, Id)> = Kind::ALL
            .iter()
            .flat_map(|k| ids.iter().map(move |id| (*k, id.clone())))
            .collect();
        let mut by_index = by_store.clone();
        by_store.sort_by_key(|(k, id)| record_key(*k, id));
        let index = KeyIndex::new();
        by_index.sort_by_key(|(k, id)| {
            let (code, bytes) = key_block::compact_name(*k, id).unwrap();
            record_order(index.rank(code), bytes)
        });
        assert_eq!(by_index, by_store);
    }
}
