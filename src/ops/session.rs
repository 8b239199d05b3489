//! An unlocked vault with its records decrypted in memory. Both front ends
//! (command line and UI) change records only through `Session::commit`, which
//! keeps each record in the bucket of its current deadline and writes every
//! change to the vault all or nothing.

use super::backup::LastBackup;
use super::clock::Clock;
use crate::domain::id_hash::IdMap;
use crate::domain::records::AnyRecord;
use crate::domain::retention::{self, Deadlines};
use crate::domain::{Dataset, Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::vault::audit::AuditEvent;
use crate::vault::{Bucket, Change, Opened, Plaintext, Problem, Put, Vault, VaultError, bucket_of};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;
use zeroize::Zeroizing;

/// The key-derivation cost of a new vault, part of [`create`].
pub use crate::vault::KdfParams;

pub struct Session {
    pub vault: Vault,
    pub data: Dataset,
    pub clock: Clock,
    /// Records that could not be read when the vault was opened; they stay
    /// in the vault untouched and `kluis check` names them.
    pub unreadable: Vec<Problem>,
    stored_bucket: IdMap<(Kind, Id), Bucket>,
    /// The last backup of the audit log, read once when first asked for
    /// (the Overview asks on every change); `ops::backup` sets it anew.
    pub(super) last_backup: OnceLock<Option<LastBackup>>,
}

/// What a change did, for receipts and the audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub written: BTreeMap<Kind, usize>,
    pub deleted: BTreeMap<Kind, usize>,
}

/// What `Session::load` builds from the records.
#[derive(Default)]
struct Decoded {
    data: Dataset,
    unreadable: Vec<Problem>,
    stored_bucket: IdMap<(Kind, Id), Bucket>,
}

/// A record as `Session::load` takes it: decoded with its bucket, or why it
/// could not be read.
type Read = (Kind, Id, Result<(AnyRecord, Bucket), String>);

/// Decodes a decrypted record; runs on either thread of the scan.
fn decode(kind: Kind, id: Id, r: Opened) -> Read {
    let decoded = r.and_then(|(plain, bucket)| {
        AnyRecord::decode(kind, &plain)
            .map(|rec| (rec, bucket))
            .map_err(|e| e.to_string())
    });
    (kind, id, decoded)
}

impl Decoded {
    fn push(&mut self, (kind, id, decoded): Read) {
        match decoded {
            Ok((rec, bucket)) => {
                self.stored_bucket.insert((kind, id.clone()), bucket);
                self.data.insert(id, rec);
            }
            Err(problem) => self.unreadable.push(Problem {
                kind: kind.name().to_string(),
                id: id.to_string(),
                problem,
            }),
        }
    }
}

/// Whether `dir` holds a vault; without one the front ends create it.
pub fn exists(dir: &Path) -> bool {
    Vault::exists(dir)
}

/// Opens the vault in `dir` and decrypts every record into a session.
pub fn open(dir: &Path, passphrase: &[u8], clock: Clock) -> Result<Session, VaultError> {
    Session::load(Vault::open(dir, passphrase)?, clock)
}

/// Creates an empty vault in `dir` and opens it.
pub fn create(
    dir: &Path,
    passphrase: &[u8],
    params: KdfParams,
    clock: Clock,
) -> Result<Session, VaultError> {
    Session::load(
        Vault::create(dir, passphrase, params, &clock.stamp())?,
        clock,
    )
}

impl Session {
    /// What the coach must know once the vault is open, most serious first:
    /// a database missing changes or a damaged audit log (nothing can be
    /// saved in it), records that could not be read (they stay untouched in
    /// the vault).
    pub fn opening_notices(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if self.vault.missing_changes() {
            out.push(Text::MissingChanges.get(lang).to_string());
        }
        if self.vault.audit_damaged() {
            out.push(Text::AuditDamaged.get(lang).to_string());
        }
        if !self.unreadable.is_empty() {
            out.push(ui::unreadable_records(lang, self.unreadable.len()));
        }
        out
    }

    /// Decrypts every record of `vault` into memory. The vault's scan reads
    /// on another thread; either thread decrypts and decodes, whichever has
    /// time (`Vault::for_each_as`), and this one files the records.
    pub fn load(vault: Vault, clock: Clock) -> Result<Session, VaultError> {
        let mut decoded = Decoded::default();
        let stray = vault.for_each_as(decode, |read| decoded.push(read));
        let Decoded {
            data,
            mut unreadable,
            stored_bucket,
        } = decoded;
        let stray = stray?;
        unreadable.extend(stray);
        // Files no record names are left by an add or a deletion that was
        // interrupted; they hold nothing readable. Which those are is only
        // known when every record could be read.
        let named: BTreeSet<Id> = data.file_ids().into_iter().collect();
        vault.remove_unnamed_files(unreadable.is_empty().then_some(&named));
        Ok(Session {
            vault,
            data,
            clock,
            unreadable,
            stored_bucket,
            last_backup: OnceLock::new(),
        })
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    pub fn deadlines(&self) -> Deadlines {
        retention::deadlines(&self.data)
    }

    /// Writes `puts` and removes `deletes` in one all-or-nothing change with
    /// one audit entry named `action`. Records whose deadline month changed
    /// because of it move to their new bucket in the same change. On error
    /// nothing changed, in the vault or in memory.
    pub fn commit(
        &mut self,
        action: &str,
        puts: Vec<(Id, AnyRecord)>,
        deletes: Vec<(Kind, Id)>,
    ) -> Result<Applied, VaultError> {
        // The files of the records this change deletes or rewrites: those
        // no record holds afterwards are removed once it is committed.
        let mut files_before: BTreeSet<Id> = BTreeSet::new();
        for key in deletes
            .iter()
            .cloned()
            .chain(puts.iter().map(|(id, r)| (r.kind(), id.clone())))
        {
            if let Some(old) = self.data.get(key.0, &key.1) {
                files_before.extend(old.file_ids().into_iter().cloned());
            }
        }
        let files_after: BTreeSet<Id> = puts
            .iter()
            .flat_map(|(_, r)| r.file_ids())
            .cloned()
            .collect();
        let files_gone: Vec<Id> = files_before.difference(&files_after).cloned().collect();
        // Apply in memory first, remembering how to undo it. The records
        // it replaces are boxed: an import's undo list is all `None`, and an
        // unboxed entry would take the room of the largest record kind.
        let mut undo: Vec<(Kind, Id, Option<Box<AnyRecord>>)> = Vec::new();
        for (kind, id) in &deletes {
            let old = self.data.get(*kind, id);
            if old.is_some() {
                self.data.remove(*kind, id);
                undo.push((*kind, id.clone(), old.map(Box::new)));
            }
        }
        // Each record is moved into memory: one copy of it. Its plaintext is
        // made from there as the vault seals it, so a change holds one
        // plaintext at a time, not all of them (an import's are the whole
        // file). The list is taken from its end, in its own order, and
        // shrunk as it empties, so that its room is given back while the
        // records move.
        let mut puts = puts;
        puts.reverse();
        let mut written: Vec<(Kind, Id)> = Vec::with_capacity(puts.len());
        while let Some((id, rec)) = puts.pop() {
            if puts.capacity() > 2 * puts.len() + 1024 {
                puts.shrink_to_fit();
            }
            let kind = rec.kind();
            undo.push((kind, id.clone(), self.data.get(kind, &id).map(Box::new)));
            self.data.insert(id.clone(), rec);
            written.push((kind, id));
        }

        let deadlines = retention::deadlines(&self.data);
        let bucket_for = |kind: Kind, id: &Id| {
            bucket_of(deadlines.get(&(kind, id.clone())).and_then(|d| d.date()))
        };
        let data = &self.data;
        let put = |kind: Kind, id: Id, bucket: Bucket| {
            let at = id.clone();
            let make = move || {
                data.encode(kind, &at)
                    .map(Zeroizing::new)
                    .ok_or_else(|| VaultError::Record {
                        kind: kind.name().to_string(),
                        id: at.to_string(),
                        problem: "it is not in memory to be written".to_string(),
                    })
            };
            Put {
                kind,
                id,
                plaintext: Plaintext::Later(Box::new(make)),
                bucket,
            }
        };
        let mut vault_puts: BTreeMap<(Kind, Id), Put> = BTreeMap::new();
        let mut applied = Applied::default();
        for (kind, id) in written {
            let bucket = bucket_for(kind, &id);
            vault_puts.insert((kind, id.clone()), put(kind, id, bucket));
        }
        // Records that moved to another deadline month (a trajectory was
        // completed, a person got a new link) are re-sealed into their new bucket.
        for ((kind, id), d) in &deadlines {
            let want = bucket_of(d.date());
            let moved = self
                .stored_bucket
                .get(&(*kind, id.clone()))
                .is_some_and(|b| *b != want);
            // (Every record with a deadline is in memory: the deadlines are
            // those of `data`.)
            if moved && !vault_puts.contains_key(&(*kind, id.clone())) {
                vault_puts.insert((*kind, id.clone()), put(*kind, id.clone(), want));
            }
        }
        for (kind, _) in &deletes {
            *applied.deleted.entry(*kind).or_default() += 1;
        }
        for (kind, _) in vault_puts.keys() {
            *applied.written.entry(*kind).or_default() += 1;
        }

        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (k, n) in applied.written.iter().chain(applied.deleted.iter()) {
            *counts.entry(k.name().to_string()).or_default() += n;
        }
        let ids: Vec<String> = deletes
            .iter()
            .map(|(k, id)| format!("{k}/{id}"))
            .chain(vault_puts.keys().map(|(k, id)| format!("{k}/{id}")))
            .collect();
        let new_buckets: Vec<((Kind, Id), Bucket)> = vault_puts
            .iter()
            .map(|(key, p)| (key.clone(), p.bucket))
            .collect();
        let change = Change {
            puts: vault_puts.into_values().collect(),
            deletes: deletes.clone(),
            audit: AuditEvent {
                at: self.clock.stamp(),
                action: action.to_string(),
                counts,
                ids,
            },
        };
        // A file taken out of a record that stays: its key must not stay
        // readable in the record's older versions (DESIGN.md §7.4).
        let applied_change = if files_gone.is_empty() {
            self.vault.apply(change)
        } else {
            self.vault.apply_shredding(change)
        };
        if let Err(e) = applied_change {
            for (kind, id, old) in undo.into_iter().rev() {
                self.data.remove(kind, &id);
                if let Some(old) = old {
                    self.data.insert(id, *old);
                }
            }
            return Err(e);
        }
        for key in &deletes {
            self.stored_bucket.remove(key);
        }
        self.stored_bucket.extend(new_buckets);
        self.vault.remove_files(&files_gone);
        Ok(applied)
    }

    /// Whether this (normalised) address was unsubscribed before.
    pub fn is_suppressed(&self, normalised_email: &str) -> bool {
        let h = self.vault.suppression_hash(normalised_email);
        self.data.suppressions.values().any(|s| s.hash == h)
    }
}
