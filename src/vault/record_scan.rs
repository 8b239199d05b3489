//! Reading every record: the store is scanned on one thread and the
//! caller's thread takes what was read. Either side may open a batch
//! (decrypt it, and decode it where the caller asks, `for_each_as`): the
//! caller's, unless it falls behind (its queue is full), then the scan's.
//! Walking sled's pages costs most in a process that just opened it,
//! decoding most where the pages are at hand (`Session::load`), so the
//! opening goes to whichever side has time.

use super::crypto::SEALED_KEY_LEN;
use super::key_index::KeyIndex;
use super::store::Bytes;
use super::{Bucket, Problem, Vault, VaultError, key_block, parse_record_key, shown_key};
use crate::domain::{Id, Kind};
use std::sync::mpsc;
use zeroize::Zeroizing;

/// A record as the scan reads it, still sealed, with the wrapped data key
/// its key block holds: (bucket, generation, sealed key).
struct Sealed {
    kind: Kind,
    id: Id,
    value: Bytes,
    wrapped: Option<(Bucket, u32, [u8; SEALED_KEY_LEN])>,
}

/// A batch on its way to the caller: still sealed, or already prepared.
enum Batch<T> {
    Sealed(Vec<Sealed>),
    Prepared(Vec<T>),
}

/// A decrypted record handed to the caller: its plaintext and bucket, or
/// why it could not be read.
pub type Opened = Result<(Zeroizing<Vec<u8>>, Bucket), String>;

/// The data keys of every record, from the key blocks, and the problems
/// of the blocks (`Vault::key_index`).
type Keys = Result<(KeyIndex, Vec<Problem>), VaultError>;

/// Where the scan gets the data keys from.
enum KeySource {
    /// Read on the caller's thread meanwhile: the scan reads records ahead
    /// until they come.
    Coming(mpsc::Receiver<Keys>),
    Here,
}

/// Records per batch from the scan to the decryption, and batches that may
/// wait: enough to keep both threads busy, little memory in flight.
const BATCH: usize = 256;
const QUEUE: usize = 8;
/// Batches the scan reads at most before the data keys are known (16 384
/// records, about 10 MiB of them at 10 000 people): a new process at 10 000
/// people reads some 50 batches in the time the key blocks take.
const AHEAD: usize = 64;

impl Vault {
    /// Decrypts every record, calling `f` with each one (and its bucket) or
    /// with the reason it could not be read, in store order. Damage to one
    /// record never stops the others. Returns the problems that belong to
    /// no record.
    pub fn for_each(
        &self,
        mut f: impl FnMut(Kind, Id, Opened),
    ) -> Result<Vec<Problem>, VaultError> {
        self.for_each_as(|kind, id, r| (kind, id, r), |(kind, id, r)| f(kind, id, r))
    }

    /// As [`Vault::for_each`], with a step between the decryption and `f`
    /// that may run on either thread: `prepare` turns a decrypted record
    /// into what `f` takes (decoding it, say), so that only what must be
    /// done in order is left to `f`.
    pub fn for_each_as<T: Send>(
        &self,
        prepare: impl Fn(Kind, Id, Opened) -> T + Sync,
        mut f: impl FnMut(T),
    ) -> Result<Vec<Problem>, VaultError> {
        let open = |batch: Vec<Sealed>| -> Vec<T> {
            batch
                .into_iter()
                .map(|s| {
                    let wrapped = s.wrapped.as_ref().map(|(b, g, k)| (*b, *g, &k[..]));
                    let r = self.decrypt(s.kind, &s.id, &s.value, wrapped);
                    prepare(s.kind, s.id, r)
                })
                .collect()
        };
        let mut take = |batch: Vec<T>| batch.into_iter().for_each(&mut f);
        let (tx, rx) = mpsc::sync_channel::<Batch<T>>(QUEUE);
        let (keys_tx, keys_rx) = mpsc::sync_channel::<Keys>(1);
        let threaded = std::thread::scope(|scope| {
            let scanner = std::thread::Builder::new()
                .name("kluis scan".to_string())
                // A send fails only when the receiver is gone: this thread
                // panicked, and the scope passes that on once the scan has
                // stopped.
                .spawn_scoped(scope, move || {
                    self.scan_sealed(KeySource::Coming(keys_rx), |b| {
                        match tx.try_send(Batch::Sealed(b)) {
                            Ok(()) => true,
                            // The caller is behind: this thread opens the batch.
                            Err(mpsc::TrySendError::Full(Batch::Sealed(b))) => {
                                tx.send(Batch::Prepared(open(b))).is_ok()
                            }
                            Err(_) => false,
                        }
                    })
                })
                .ok()?;
            // The key blocks are read here while the scan reads the first
            // records: neither needs the other until a record is opened.
            // (The scan has gone only if it failed, and says why.) The
            // sender is this closure's, so a panic here lets the scan go.
            let keys_tx = keys_tx;
            let _ = keys_tx.send(self.key_index());
            for batch in rx {
                match batch {
                    Batch::Sealed(b) => take(open(b)),
                    Batch::Prepared(b) => take(b),
                }
            }
            Some(
                scanner
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            )
        });
        // No second thread to be had: scan and decrypt on this one.
        threaded.unwrap_or_else(|| {
            self.scan_sealed(KeySource::Here, |b| {
                take(open(b));
                true
            })
        })
    }

    /// Scans every record with its wrapped data key, in batches to `send`,
    /// which says whether to go on. Returns the problems that belong to no
    /// record: unreadable names, unreadable key blocks, data keys without
    /// a record.
    fn scan_sealed(
        &self,
        keys: KeySource,
        mut send: impl FnMut(Vec<Sealed>) -> bool,
    ) -> Result<Vec<Problem>, VaultError> {
        let (mut keys, coming) = match keys {
            KeySource::Here => (Some(self.key_index()?), None),
            KeySource::Coming(rx) => (None, Some(rx)),
        };
        // Batches read before the keys came.
        let mut waiting: Vec<Vec<Sealed>> = Vec::new();
        let mut unreadable_names = Vec::new();
        let mut batch = Vec::with_capacity(BATCH);
        for item in self.store.scan_prefix(b"r/") {
            let (rk, value) = item?;
            let Some((kind, id)) = parse_record_key(&rk) else {
                unreadable_names.push(Problem {
                    kind: "unknown".to_string(),
                    id: shown_key(&rk),
                    problem: "a stored record has an unreadable name".to_string(),
                });
                continue;
            };
            batch.push(Sealed {
                kind,
                id,
                value,
                wrapped: None,
            });
            if batch.len() == BATCH {
                waiting.push(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                if keys.is_none()
                    && let Some(rx) = &coming
                {
                    // Read ahead as far as the queue holds, then wait.
                    let got = if waiting.len() < AHEAD {
                        rx.try_recv()
                    } else {
                        rx.recv().map_err(|_| mpsc::TryRecvError::Disconnected)
                    };
                    match got {
                        Ok(k) => keys = Some(k?),
                        Err(mpsc::TryRecvError::Empty) => continue,
                        Err(mpsc::TryRecvError::Disconnected) => return Err(keys_gone()),
                    }
                }
                let Some((index, _)) = keys.as_mut() else {
                    continue;
                };
                for mut ready in waiting.drain(..) {
                    with_keys(index, &mut ready);
                    if !send(ready) {
                        // The caller is gone; what it would have been told
                        // no longer matters.
                        return Ok(Vec::new());
                    }
                }
            }
        }
        waiting.push(batch);
        let (mut index, mut stray) = match keys {
            Some(k) => k,
            None => match coming.map(|rx| rx.recv()) {
                Some(Ok(k)) => k?,
                _ => return Err(keys_gone()),
            },
        };
        stray.append(&mut unreadable_names);
        for mut ready in waiting {
            with_keys(&mut index, &mut ready);
            if !send(ready) {
                return Ok(stray);
            }
        }
        stray.extend(
            index
                .unused()
                .iter()
                .filter_map(key_block::expand_name)
                .map(|(kind, id)| Problem {
                    kind: kind.name().to_string(),
                    id: id.to_string(),
                    problem: "a data key exists without its record".to_string(),
                }),
        );
        Ok(stray)
    }
}

/// Gives each record of `batch` its wrapped data key, in store order.
fn with_keys(index: &mut KeyIndex, batch: &mut [Sealed]) {
    for s in batch {
        s.wrapped = index
            .take(s.kind, &s.id)
            .and_then(|(b, g, k)| Some((b, g, k.try_into().ok()?)));
    }
}

/// The caller's thread stopped before it read the key blocks: it panicked,
/// and the scope passes that on.
fn keys_gone() -> VaultError {
    VaultError::Storage {
        action: "read",
        reason: "the key blocks were not read".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::{Change, KdfParams, Put, bucket_of, event};
    use std::time::Duration;

    #[test]
    fn records_read_before_or_after_their_keys_come_get_the_same_keys() {
        let dir = tempfile::tempdir().unwrap();
        let at = "2026-12-01T09:00:00+01:00";
        let mut v = Vault::create(dir.path(), b"scan test", KdfParams::FOR_TESTS, at).unwrap();
        let count = 5 * BATCH + 7;
        let puts = (0..count)
            .map(|i| Put {
                kind: Kind::Person,
                // Spread over the id space, as random ids are.
                id: Id::parse(&format!(
                    "{:016x}",
                    (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                ))
                .unwrap(),
                plaintext: Zeroizing::new(format!("{{\"name\":\"P {i}\"}}").into_bytes()).into(),
                bucket: bucket_of(None),
            })
            .collect();
        let audit = event(at, "test");
        v.apply(Change {
            puts,
            deletes: Vec::new(),
            audit,
        })
        .unwrap();
        let read = |keys| {
            let mut out = Vec::new();
            let problems = v
                .scan_sealed(keys, |b| {
                    out.extend(b.into_iter().map(|s| (s.kind, s.id, s.wrapped)));
                    true
                })
                .unwrap();
            (out, problems)
        };
        let first = read(KeySource::Here);
        // The keys come long after the scan has read every record.
        let (tx, rx) = mpsc::sync_channel(1);
        let late = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(300));
                tx.send(v.key_index()).unwrap();
            });
            read(KeySource::Coming(rx))
        });
        // The keys there at the first full batch: the rest goes as it is read.
        let (tx, rx) = mpsc::sync_channel(1);
        tx.send(v.key_index()).unwrap();
        let early = read(KeySource::Coming(rx));
        assert_eq!(first.0.len(), count);
        assert_eq!(first, early);
        assert!(first.0.iter().all(|(_, _, wrapped)| wrapped.is_some()));
        assert!(first.1.is_empty());
        assert_eq!(first, late);
    }
}
