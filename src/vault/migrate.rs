//! Bringing a vault written by an earlier version of kluis to the current
//! store layout, when it is opened.
//!
//! Vaults made before 2026-11-25 kept their key blocks in 256 shards per
//! bucket, by the id's first byte (`k/<bucket>/<two hex digits>`); now there
//! are 16, by its first hex digit (`k/<bucket>/<one hex digit>`). The entries
//! are moved as they are, still sealed: a wrapped data key is bound to its
//! record, bucket and generation, not to the block it sits in, so nothing is
//! decrypted or re-keyed, and a damaged entry stays damaged for `check` to
//! report. The new blocks and the removal of the old ones are one batch.

use super::error::VaultError;
use super::key_block::{self, ENTRY_LEN, HEADER_LEN};
use super::keyring::Bucket;
use super::store::{Store, Write};
use std::collections::{BTreeMap, HashMap};

/// The writes that regroup key blocks of the earlier layout into the current
/// one; none when the vault has no such blocks. `committed` is each bucket's
/// committed generation, which the new blocks carry.
pub fn regroup_key_blocks(
    store: &dyn Store,
    committed: &HashMap<Bucket, u32>,
) -> Result<Vec<Write>, VaultError> {
    // Layouts are never mixed (this regrouping is one batch and nothing
    // writes the earlier names), so the first block tells which one it is.
    let first = store.scan_prefix(b"k/").next().transpose()?;
    if first.is_none_or(|(k, _)| key_block::parse_earlier_block_key(&k).is_none()) {
        return Ok(Vec::new());
    }
    let mut writes = Vec::new();
    // (bucket, new shard) → (generation from an old header, entries)
    let mut groups: BTreeMap<(Bucket, u8), (Option<u32>, Vec<u8>)> = BTreeMap::new();
    for item in store.scan_prefix(b"k/") {
        let (k, v) = item?;
        let Some((bucket, first_byte)) = key_block::parse_earlier_block_key(&k) else {
            continue;
        };
        let group = groups
            .entry((bucket, key_block::shard_of_first_byte(first_byte)))
            .or_default();
        group.0 = group.0.or(key_block::raw_entries(&v).map(|(g, _)| g));
        // Whole entries only: a cut-off tail could never unwrap a key.
        let body = v.get(HEADER_LEN..).unwrap_or_default();
        for entry in body.chunks_exact(ENTRY_LEN) {
            group.1.extend_from_slice(entry);
        }
        writes.push((k.to_vec(), None));
    }
    for ((bucket, shard), (old_generation, entries)) in groups {
        if entries.is_empty() {
            continue;
        }
        let generation = committed
            .get(&bucket)
            .copied()
            .or(old_generation)
            .unwrap_or(0);
        let mut value = key_block::header(generation).to_vec();
        value.extend_from_slice(&entries);
        writes.push((key_block::block_key(bucket, shard), Some(value)));
    }
    Ok(writes)
}
