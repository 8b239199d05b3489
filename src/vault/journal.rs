//! The journal of a change too large for one batch (DESIGN.md §7, property 7).
//!
//! sled keeps every page a batch replaces until the batch ends, so one batch
//! of a whole import or purge at 100 000 people needs gigabytes. A large
//! change is therefore written in slices, and stays all or nothing through
//! journal pages (`j/<seq>/<n>`) that say what to take away:
//! - before the commit, the new records go in slices, each with an **undo**
//!   page listing them. Their data keys reach a key block only in the commit
//!   batch, so until then they open for no one; if the commit never comes,
//!   the next open (or, failing that, the next change) removes them.
//! - the commit batch (key blocks, markers, audit entry, head, rewritten
//!   records) carries **remove** pages listing the records it deletes. Their
//!   bucket keys are destroyed once it commits; the values go afterwards, a
//!   page at a time, and an interrupted clean-up is finished by the next open
//!   (or, failing that, the next change).
//!
//! A page is MACed under the state key of its change, so a page that was not
//! written by this vault (or was damaged) removes nothing, and whatever it
//! lists, only record keys without a committed data key are ever removed,
//! and none while a key block fails its check.

use super::crypto::SecretKey;
use super::store::Write;

pub const PREFIX: &[u8] = b"j/";
const VERSION: u8 = 1;
const LABEL: &[u8] = b"kluis journal v1";

/// A slice of a large change: at most this many values or bytes per batch.
/// Small enough that sled's memory for a batch stays in tens of MiB, large
/// enough that a slice's flush is a small part of its cost.
pub const SLICE_WRITES: usize = 2048;
pub const SLICE_BYTES: usize = 4 * 1024 * 1024;

/// What a page's records are to the change that wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Written before the commit: removed when the change did not commit.
    Undo,
    /// Deleted by the commit: removed once it did.
    Remove,
}

/// A journal page: the change it belongs to, its number, and its record keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub seq: u64,
    pub n: u32,
    pub step: Step,
    pub keys: Vec<Vec<u8>>,
}

/// `j/<seq>/<n>`, zero-padded so pages sort in the order they were written.
pub fn page_key(seq: u64, n: u32) -> Vec<u8> {
    format!("j/{seq:020}/{n:010}").into_bytes()
}

fn parse_page_key(k: &[u8]) -> Option<(u64, u32)> {
    let rest = std::str::from_utf8(k).ok()?.strip_prefix("j/")?;
    let (seq, n) = rest.split_once('/')?;
    Some((seq.parse().ok()?, n.parse().ok()?))
}

impl Page {
    /// `1 | step u8 | count u32 | (len u16 | key)* | mac [32]`; the MAC
    /// covers the change's sequence number and the page's number too.
    fn body(&self) -> Vec<u8> {
        let len: usize = self.keys.iter().map(|k| 2 + k.len()).sum();
        let mut v = Vec::with_capacity(6 + len + 32);
        v.push(VERSION);
        v.push(match self.step {
            Step::Undo => 0,
            Step::Remove => 1,
        });
        v.extend_from_slice(&(self.keys.len() as u32).to_be_bytes());
        for k in &self.keys {
            // Only record keys (`r/<kind>/<id>`, under 40 bytes) are listed.
            v.extend_from_slice(&(k.len().min(usize::from(u16::MAX)) as u16).to_be_bytes());
            v.extend_from_slice(&k[..k.len().min(usize::from(u16::MAX))]);
        }
        v
    }

    fn mac(&self, key: &SecretKey, body: &[u8]) -> [u8; 32] {
        key.hmac(&[LABEL, &self.seq.to_be_bytes(), &self.n.to_be_bytes(), body])
    }

    /// The page as one write, MACed under `key` (the state key of `seq`).
    pub fn write(&self, key: &SecretKey) -> Write {
        let mut v = self.body();
        let mac = self.mac(key, &v);
        v.extend_from_slice(&mac);
        (page_key(self.seq, self.n), Some(v))
    }

    /// A stored page, when its MAC holds under the key `key_of` gives for
    /// its change; `None` when malformed, damaged or not this vault's.
    pub fn read(k: &[u8], v: &[u8], key_of: impl Fn(u64) -> SecretKey) -> Option<Page> {
        let (seq, n) = parse_page_key(k)?;
        let body = v.get(..v.len().checked_sub(32)?)?;
        let mac = v.get(body.len()..)?;
        if body.len() < 6 || body[0] != VERSION {
            return None;
        }
        let step = match body[1] {
            0 => Step::Undo,
            1 => Step::Remove,
            _ => return None,
        };
        let count = u32::from_be_bytes(body[2..6].try_into().ok()?) as usize;
        let mut keys = Vec::with_capacity(count.min(SLICE_WRITES));
        let mut at = 6;
        for _ in 0..count {
            let len = usize::from(u16::from_be_bytes(body.get(at..at + 2)?.try_into().ok()?));
            keys.push(body.get(at + 2..at + 2 + len)?.to_vec());
            at += 2 + len;
        }
        if at != body.len() {
            return None;
        }
        let page = Page { seq, n, step, keys };
        key_of(seq)
            .verify_hmac(&[LABEL, &seq.to_be_bytes(), &n.to_be_bytes(), body], mac)
            .then_some(page)
    }
}

/// A slice being gathered: its writes and the bytes they hold.
#[derive(Default)]
pub struct Slice {
    pub writes: Vec<Write>,
    bytes: usize,
}

impl Slice {
    pub fn push(&mut self, key: Vec<u8>, value: Vec<u8>) {
        self.bytes += key.len() + value.len();
        self.writes.push((key, Some(value)));
    }

    /// Whether the slice has reached the size of one batch.
    pub fn is_full(&self) -> bool {
        self.writes.len() >= SLICE_WRITES || self.bytes >= SLICE_BYTES
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Its writes with the undo page `n` of change `seq` that lists them.
    pub fn into_batch(self, seq: u64, n: u32, key: &SecretKey) -> Vec<Write> {
        let page = Page {
            seq,
            n,
            step: Step::Undo,
            keys: self.writes.iter().map(|(k, _)| k.clone()).collect(),
        };
        let mut writes = self.writes;
        writes.push(page.write(key));
        writes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretKey {
        SecretKey::from_bytes([7; 32])
    }

    fn page() -> Page {
        Page {
            seq: 12,
            n: 3,
            step: Step::Remove,
            keys: vec![b"r/person/a".to_vec(), b"r/document/b".to_vec()],
        }
    }

    #[test]
    fn a_page_reads_back_under_its_key() {
        let (k, v) = page().write(&key());
        let v = v.unwrap_or_default();
        assert_eq!(Page::read(&k, &v, |_| key()), Some(page()));
    }

    #[test]
    fn a_page_moved_altered_or_under_another_key_is_not_read() {
        let (k, v) = page().write(&key());
        let v = v.unwrap_or_default();
        assert_eq!(Page::read(&page_key(13, 3), &v, |_| key()), None);
        assert_eq!(Page::read(&page_key(12, 4), &v, |_| key()), None);
        assert_eq!(Page::read(&k, &v, |_| SecretKey::from_bytes([8; 32])), None);
        for i in 0..v.len() {
            let mut bad = v.clone();
            bad[i] ^= 1;
            assert_eq!(Page::read(&k, &bad, |_| key()), None, "byte {i}");
        }
        assert_eq!(Page::read(&k, &v[..v.len() - 1], |_| key()), None);
    }
}
