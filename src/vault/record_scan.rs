//! Reading every record: the store is scanned on one thread and the
//! caller's thread takes what was read. Either side may open a batch
//! (decrypt it, and decode it where the caller asks, `for_each_as`): the
//! caller's, unless it falls behind (its queue is full), then the scan's.
//! Walking sled's pages costs most in a process that just opened it,
//! decoding most where the pages are at hand (`Session::load`), so the
//! opening goes to whichever side has time.

use super::crypto::SEALED_KEY_LEN;
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

/// Records per batch from the scan to the decryption, and batches that may
/// wait: enough to keep both threads busy, little memory in flight.
const BATCH: usize = 256;
const QUEUE: usize = 8;

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
        let threaded = std::thread::scope(|scope| {
            let scanner = std::thread::Builder::new()
                .name("kluis scan".to_string())
                // A send fails only when the receiver is gone: this thread
                // panicked, and the scope passes that on once the scan has
                // stopped.
                .spawn_scoped(scope, move || {
                    self.scan_sealed(|b| match tx.try_send(Batch::Sealed(b)) {
                        Ok(()) => true,
                        // The caller is behind: this thread opens the batch.
                        Err(mpsc::TrySendError::Full(Batch::Sealed(b))) => {
                            tx.send(Batch::Prepared(open(b))).is_ok()
                        }
                        Err(_) => false,
                    })
                })
                .ok()?;
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
            self.scan_sealed(|b| {
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
        mut send: impl FnMut(Vec<Sealed>) -> bool,
    ) -> Result<Vec<Problem>, VaultError> {
        let (mut index, mut stray) = self.key_index()?;
        let mut batch = Vec::with_capacity(BATCH);
        for item in self.store.scan_prefix(b"r/") {
            let (rk, value) = item?;
            let Some((kind, id)) = parse_record_key(&rk) else {
                stray.push(Problem {
                    kind: "unknown".to_string(),
                    id: shown_key(&rk),
                    problem: "a stored record has an unreadable name".to_string(),
                });
                continue;
            };
            let wrapped = index
                .take(kind, &id)
                .and_then(|(b, g, k)| Some((b, g, k.try_into().ok()?)));
            batch.push(Sealed {
                kind,
                id,
                value,
                wrapped,
            });
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if !send(full) {
                    return Ok(stray);
                }
            }
        }
        send(batch);
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
