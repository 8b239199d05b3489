//! A small hasher for the hash maps keyed by record ids (`Id`, `&Id`,
//! `(Kind, Id)`), built per change for every record (the deadline map, the
//! rows of the lists).
//!
//! Why not the standard SipHash: it resists keys chosen to collide, which
//! costs most of the time of a map of 70 000 ids, and an id is not chosen
//! by anyone: 64 random bits (`Id::generate`). So a multiply is enough to
//! spread them. Each word written is folded in with a full 64×64→128-bit
//! multiply whose halves are xor-ed, so that every input bit reaches the
//! low bits the map picks its bucket with and the high bits of its tags
//! (a plain multiply leaves the low bits depending on the low input bits
//! only, and an id's hex digits differ mostly in their low bits).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// An odd constant with its bits spread (the fractional part of π).
const SPREAD: u64 = 0x243f_6a88_85a3_08d3;

#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        let product = u128::from(self.0 ^ word) * u128::from(SPREAD);
        // Truncation on purpose: the two halves of the product.
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type IdBuildHasher = BuildHasherDefault<IdHasher>;

/// A hash map keyed by ids (or by kind and id), with [`IdHasher`].
pub type IdMap<K, V> = HashMap<K, V, IdBuildHasher>;

/// A hash set of ids (or of kinds and ids), with [`IdHasher`].
pub type IdSet<K> = HashSet<K, IdBuildHasher>;

/// An empty [`IdMap`] with room for `n` entries.
pub fn id_map<K, V>(n: usize) -> IdMap<K, V> {
    HashMap::with_capacity_and_hasher(n, IdBuildHasher::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, Kind};
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash>(t: &T) -> u64 {
        IdBuildHasher::default().hash_one(t)
    }

    #[test]
    fn equal_keys_hash_equal_and_a_borrowed_id_as_the_id() {
        let id = Id::parse("0123456789abcdef").unwrap();
        assert_eq!(hash(&id), hash(&id.clone()));
        assert_eq!(hash(&&id), hash(&id));
        assert_eq!(hash(&(Kind::Person, id.clone())), hash(&(Kind::Person, id)));
    }

    #[test]
    fn every_byte_and_the_kind_change_the_hash() {
        let base = *b"0123456789abcdef";
        let id = |bytes: [u8; 16]| Id::parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
        let h = hash(&id(base));
        for i in 0..16 {
            let mut other = base;
            other[i] = if other[i] == b'0' { b'1' } else { b'0' };
            assert_ne!(hash(&id(other)), h, "byte {i}");
        }
        assert_ne!(
            hash(&(Kind::Person, id(base))),
            hash(&(Kind::Trajectory, id(base)))
        );
    }

    #[test]
    fn random_ids_spread_over_the_low_and_the_high_bits() {
        // 4096 ids into 256 buckets by the low byte, and by the top byte
        // (the map's tags): about 16 each, none empty or crowded.
        let mut low = [0usize; 256];
        let mut high = [0usize; 256];
        for _ in 0..4096 {
            let h = hash(&Id::generate());
            low[(h & 0xff) as usize] += 1;
            high[(h >> 56) as usize] += 1;
        }
        for counts in [low, high] {
            assert!(counts.iter().all(|c| (1..=48).contains(c)), "{counts:?}");
        }
    }

    #[test]
    fn a_map_with_the_hasher_finds_what_it_holds() {
        let ids: Vec<Id> = (0..1000).map(|_| Id::generate()).collect();
        let mut map = id_map(ids.len());
        for (i, id) in ids.iter().enumerate() {
            map.insert((Kind::IndividualReport, id.clone()), i);
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(map.get(&(Kind::IndividualReport, id.clone())), Some(&i));
            assert_eq!(map.get(&(Kind::Person, id.clone())), None);
        }
    }
}
