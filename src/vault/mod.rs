//! The encrypted vault (DESIGN.md §7): typed records in sled, each
//! sealed under its own data key, wrapped by the key of its deletion month
//! ("bucket"), which lives only in the keyring file. Deleting records re-keys
//! their bucket and destroys the old key: crypto-shredding.
//!
//! Store layout (all values start with a format version byte):
//! - `r/<kind>/<id>`: `v | bucket u32 | seal(data key, record)`
//! - `k/<bucket>/<shard>`: a key block (see `key_block`): the data keys of
//!   that bucket's records in that id shard, each sealed under the bucket key
//! - `g/<bucket>`: the bucket's marker (see `record_value::Marker`): the
//!   committed generation of its key and the change that last wrote each of
//!   its key blocks
//! - `a/<seq>`, `m/audit_head`: the audit chain; each entry records the MAC
//!   of every marker its change wrote
//! - `j/<seq>/<n>`: journal pages of a change written in slices (`journal`)
//!
//! Replay: key blocks and markers carry a MAC under the state key of the
//! change that wrote them; the chain, verified on open up to the sequence
//! number the keyring knows, names each bucket's current marker, and the
//! marker names the change that wrote each current block. An older copy of a
//! marker or a block is therefore noticed, and an older copy of a record does
//! not open with the data key its current block holds (every write of a
//! record seals it under a fresh data key). DESIGN.md §7.
//!
//! A change first adds any new bucket keys to the keyring (a superset), then
//! commits one atomic sled batch, then drops the replaced keys from the
//! keyring and records the commit's audit sequence number there. On open,
//! keys that the committed `g/` entries do not use are dropped, so a crash at
//! any point leaves the old state or the new one; a database whose audit
//! chain ends before that number has lost changes and is only read.
//! A change too large for one batch writes its new records ahead of the
//! commit and removes its deleted ones after it, in slices that journal
//! pages (`j/<seq>/<n>`, see `journal`) let an open undo or finish.

pub mod audit;
pub mod backup_keys;
pub mod crypto;
pub mod error;
pub mod file_store;
mod journal;
mod journal_settle;
#[cfg(test)]
mod journal_tests;
pub mod kdf;
pub mod key_block;
mod key_index;
pub mod keyring;
pub mod lock;
mod migrate;
mod private;
mod record_scan;
pub mod record_value;
pub mod store;
pub mod team_seal;

use crate::domain::{Id, Kind};
use audit::{AuditEvent, Head};
use chrono::{Datelike, NaiveDate};
use crypto::SecretKey;
pub use error::VaultError;
pub use kdf::KdfParams;
use key_block::{Block, block_key, bucket_prefix, parse_block_key, shard};
use key_index::KeyIndex;
pub use keyring::Bucket;
use keyring::Keyring;
pub use record_scan::Opened;
use record_value::{Marker, SHARDS};
use ring::aead::LessSafeKey;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use store::{SledStore, Store};
use zeroize::Zeroizing;

pub const KEYRING_FILE: &str = "keyring";
pub const DB_DIR: &str = "db";

/// The bucket of a record with this deadline: its deadline month, or 0.
pub fn bucket_of(deadline: Option<NaiveDate>) -> Bucket {
    match deadline {
        Some(d) => (d.year().max(0) as u32) * 12 + d.month0() + 1,
        None => 0,
    }
}

/// Who a bucket's records are, as an error sentence names them.
pub fn bucket_label(bucket: Bucket) -> String {
    match bucket.checked_sub(1) {
        Some(m) => format!(
            "the records due for deletion in {}-{:02}",
            m / 12,
            m % 12 + 1
        ),
        None => "the records without a deletion deadline".to_string(),
    }
}

/// Why a vault opened for reading only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReadOnly {
    /// The database has lost changes the keyring saw committed: (last
    /// change in the database, last change the keyring saw).
    DatabaseBehind(u64, u64),
    /// The audit head or chain is damaged: a change would write over
    /// entries or build on a sequence number that cannot be trusted.
    AuditDamaged,
}

/// A record to write: its plaintext and the bucket its deadline puts it in.
pub struct Put<'a> {
    pub kind: Kind,
    pub id: Id,
    pub plaintext: Plaintext<'a>,
    pub bucket: Bucket,
}

/// A record's plaintext, or how to make it when it is sealed: a change of
/// many records (an import) then holds one plaintext at a time, not all.
pub enum Plaintext<'a> {
    Bytes(Zeroizing<Vec<u8>>),
    Later(Box<dyn FnOnce() -> Result<Zeroizing<Vec<u8>>, VaultError> + 'a>),
}

impl From<Zeroizing<Vec<u8>>> for Plaintext<'_> {
    fn from(bytes: Zeroizing<Vec<u8>>) -> Self {
        Plaintext::Bytes(bytes)
    }
}

impl Plaintext<'_> {
    fn bytes(self) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        match self {
            Plaintext::Bytes(b) => Ok(b),
            Plaintext::Later(make) => make(),
        }
    }
}

/// A multi-record change, applied all or nothing.
pub struct Change<'a> {
    pub puts: Vec<Put<'a>>,
    pub deletes: Vec<(Kind, Id)>,
    pub audit: AuditEvent,
}

/// One problem `check` found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub kind: String,
    pub id: String,
    pub problem: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub records_checked: usize,
    pub audit_chain_ok: bool,
    pub problems: Vec<Problem>,
}

pub struct Vault {
    dir: PathBuf,
    store: Box<dyn Store>,
    keyring: Keyring,
    /// Expanded AES keys of the committed bucket generations.
    bucket_keys: HashMap<Bucket, (u32, LessSafeKey)>,
    head: Head,
    /// The keyring file is behind the last commit because rewriting it
    /// failed (a full disk): it may still hold replaced bucket keys and an
    /// earlier committed sequence number.
    keyring_behind: bool,
    /// The process exits once this vault is dropped (`end_with_process`).
    ends_with_process: bool,
    /// Set when the database has lost committed changes or its audit log is
    /// damaged. The vault is then read-only and keeps every key: what is
    /// missing may come back from a backup.
    read_only: Option<ReadOnly>,
    /// Buckets whose marker cannot be read or names a key the keyring does
    /// not have. A change that touches one is refused: it could replace a
    /// key their records need.
    unknown_buckets: BTreeSet<Bucket>,
    /// The MAC of each bucket's current marker, as the audit chain names it;
    /// `None` for a vault whose chain records none yet (written before
    /// markers and blocks carried MACs: its next change rewrites them all).
    expected: Option<MarkerMacs>,
    /// The current marker of every bucket whose marker is trusted.
    markers: HashMap<Bucket, Marker>,
    /// Markers that are damaged, older copies or missing, for `check`.
    marker_problems: Vec<Problem>,
    _lock: File,
}

/// The MAC of each bucket's current marker, as the audit chain records it.
type MarkerMacs = BTreeMap<Bucket, [u8; 32]>;

/// The key that MACs markers and key blocks written by change `seq`.
fn state_key(keyring: &Keyring, seq: u64) -> SecretKey {
    keyring.audit_key(seq).derive(b"kluis stored state")
}

impl Drop for Vault {
    fn drop(&mut self) {
        if self.keyring_behind {
            // Nothing to report to: the next open drops the keys anyway.
            let _ = self.keyring.save();
        }
        if self.ends_with_process {
            self.store.leave_at_exit();
        }
    }
}

fn is_vault(dir: &Path) -> bool {
    dir.join(KEYRING_FILE).is_file()
}

impl Vault {
    /// Creates a new vault in `dir` (which must not exist or be empty).
    pub fn create(
        dir: &Path,
        passphrase: &[u8],
        params: KdfParams,
        at: &str,
    ) -> Result<Vault, VaultError> {
        Vault::create_with(dir, passphrase, params, at, None)
    }

    /// Creates a new vault as [`Vault::create`] does, with the suppression
    /// hashes' key of the vault a backup was made of, so the addresses it
    /// suppressed stay suppressed after a restore (DESIGN.md §13.4).
    pub fn create_restored(
        dir: &Path,
        passphrase: &[u8],
        params: KdfParams,
        at: &str,
        suppression: SecretKey,
    ) -> Result<Vault, VaultError> {
        Vault::create_with(dir, passphrase, params, at, Some(suppression))
    }

    fn create_with(
        dir: &Path,
        passphrase: &[u8],
        params: KdfParams,
        at: &str,
        suppression: Option<SecretKey>,
    ) -> Result<Vault, VaultError> {
        if passphrase.is_empty() {
            return Err(VaultError::EmptyPassphrase);
        }
        if is_vault(dir) {
            return Err(VaultError::AlreadyExists(dir.to_path_buf()));
        }
        if dir.exists() {
            let mut entries = fs::read_dir(dir).map_err(|e| VaultError::io("read", dir, e))?;
            if entries.next().is_some() {
                return Err(VaultError::FolderNotEmpty(dir.to_path_buf()));
            }
        }
        let db = dir.join(DB_DIR);
        create_private_dir(dir)?;
        create_private_dir(&db)?;
        let lock = lock::acquire(dir, &db)?;
        let keyring = Keyring::create(&dir.join(KEYRING_FILE), passphrase, params, suppression)?;
        let store = SledStore::open(&db)?;
        private::make_private(dir)?;
        let mut vault = Vault::assemble(dir, Box::new(store), keyring, lock)?;
        vault.apply(Change {
            puts: Vec::new(),
            deletes: Vec::new(),
            audit: event(at, "init"),
        })?;
        Ok(vault)
    }

    /// Whether `dir` holds a vault.
    pub fn exists(dir: &Path) -> bool {
        is_vault(dir)
    }

    /// Opens the vault in `dir` with `passphrase`.
    pub fn open(dir: &Path, passphrase: &[u8]) -> Result<Vault, VaultError> {
        Vault::open_on(dir, passphrase, |store| Box::new(store))
    }

    /// [`Vault::open`], with the database behind `store` (a test's store
    /// that fails on cue).
    fn open_on(
        dir: &Path,
        passphrase: &[u8],
        store: impl FnOnce(SledStore) -> Box<dyn Store>,
    ) -> Result<Vault, VaultError> {
        if !is_vault(dir) {
            return Err(VaultError::NotFound(dir.to_path_buf()));
        }
        let db = dir.join(DB_DIR);
        if !db.is_dir() {
            return Err(VaultError::NotFound(dir.to_path_buf()));
        }
        let lock = lock::acquire(dir, &db)?;
        let keyring_path = dir.join(KEYRING_FILE);
        // A leftover from a rewrite that was interrupted; the real file is intact.
        let _ = fs::remove_file(keyring::temp_path(&keyring_path));
        let keyring = Keyring::open(&keyring_path, passphrase, dir)?;
        let store = store(SledStore::open(&db)?);
        private::make_private(dir)?;
        Vault::assemble(dir, store, keyring, lock)
    }

    fn assemble(
        dir: &Path,
        store: Box<dyn Store>,
        keyring: Keyring,
        lock: File,
    ) -> Result<Vault, VaultError> {
        // A change appends to the audit chain: with a damaged head or chain it
        // would write over entries and lower the sequence number the keyring
        // checks, so such a vault is only read (`check` says what is wrong).
        // sled recovers a log that is damaged partway as if the rest had been
        // a torn write: the database opens as an older self. The keyring
        // knows the last committed change, so that is noticed here too.
        let (head, expected, read_only) = match verify_audit_chain(&*store, &keyring)? {
            Err(_) => (Head::EMPTY, None, Some(ReadOnly::AuditDamaged)),
            Ok((head, expected)) if head.seq < keyring.committed_seq() => (
                head,
                expected,
                Some(ReadOnly::DatabaseBehind(head.seq, keyring.committed_seq())),
            ),
            Ok((head, expected)) => (head, expected, None),
        };
        let mut vault = Vault {
            dir: dir.to_path_buf(),
            store,
            keyring,
            bucket_keys: HashMap::new(),
            head,
            keyring_behind: false,
            ends_with_process: false,
            read_only,
            unknown_buckets: BTreeSet::new(),
            expected,
            markers: HashMap::new(),
            marker_problems: Vec::new(),
            _lock: lock,
        };
        vault.reconcile_keyring()?;
        // Best effort: on a full disk the vault must still open for reading.
        // Before any change, `commit` settles again, and refuses if it cannot.
        let _ = vault.settle_journal();
        vault.regroup_earlier_key_blocks()?;
        Ok(vault)
    }

    /// Brings key blocks of an earlier layout to the current one (see
    /// `migrate`). Not an audited action: no record changes.
    fn regroup_earlier_key_blocks(&mut self) -> Result<(), VaultError> {
        // That layout is older than MACs on blocks: in a vault with them, a
        // block of it can only be an older copy, which `check` reports.
        if self.expected.is_some() {
            return Ok(());
        }
        let committed = self
            .bucket_keys
            .iter()
            .map(|(b, (g, _))| (*b, *g))
            .collect();
        let writes = migrate::regroup_key_blocks(&*self.store, &committed)?;
        if writes.is_empty() {
            return Ok(());
        }
        self.store.apply(writes)
    }

    /// Drops bucket keys that no committed state uses (left over from a
    /// change that was interrupted) and loads the ones in use.
    fn reconcile_keyring(&mut self) -> Result<(), VaultError> {
        // Each marked bucket's marker, `None` when it cannot be trusted.
        let mut markers: BTreeMap<Bucket, Option<Marker>> = BTreeMap::new();
        for item in self.store.scan_prefix(b"g/") {
            let (k, v) = item?;
            if let Some(b) = parse_bucket_key(&k) {
                let marker = self.trusted_marker(b, &v);
                if marker.is_none() {
                    self.marker_problems.push(bucket_problem(
                        b,
                        "its marker is damaged or an older copy (put back from the folder's history)",
                    ));
                }
                markers.insert(b, marker);
            }
        }
        for b in self.expected.iter().flat_map(|e| e.keys()) {
            if !markers.contains_key(b) {
                self.marker_problems
                    .push(bucket_problem(*b, "its marker is missing"));
                markers.insert(*b, None);
            }
        }
        self.markers = markers
            .iter()
            .filter_map(|(b, m)| Some((*b, (*m)?)))
            .filter(|(b, m)| self.keyring.key(*b, m.generation).is_some())
            .collect();
        let committed: BTreeMap<Bucket, u32> = self
            .markers
            .iter()
            .map(|(b, m)| (*b, m.generation))
            .collect();
        self.unknown_buckets = markers
            .keys()
            .filter(|b| !committed.contains_key(b))
            .copied()
            .collect();
        let mut changed = false;
        let buckets: Vec<Bucket> = if self.read_only.is_some() {
            Vec::new()
        } else {
            self.keyring.buckets().keys().copied().collect()
        };
        for b in buckets {
            match committed.get(&b) {
                // Only trust the marker when it names a key we have; a
                // damaged marker must never make us destroy keys.
                Some(g) => {
                    changed |= self.keyring.retain(b, Some(*g));
                }
                None if markers.contains_key(&b) => {}
                None => {
                    let in_use = self.store.scan_prefix(&bucket_prefix(b)).next().is_some();
                    if !in_use {
                        changed |= self.keyring.retain(b, None);
                    }
                }
            }
        }
        if changed {
            self.keyring.save()?;
        }
        self.bucket_keys = committed
            .iter()
            .filter_map(|(b, g)| Some((*b, (*g, self.keyring.key(*b, *g)?.aead()))))
            .collect();
        Ok(())
    }

    /// A stored marker, when it can be trusted: one with a valid MAC that, in
    /// a vault whose chain records markers, is the one the chain names. In an
    /// older vault (or one whose chain is damaged, which is only read) a
    /// readable marker of the earlier format is taken too.
    fn trusted_marker(&self, bucket: Bucket, v: &[u8]) -> Option<Marker> {
        let Some((marker, mac)) = Marker::parse(v) else {
            self.expected.is_none().then_some(())?;
            let generation = record_value::decode_generation(v)?;
            return Some(Marker {
                generation,
                written: 0,
                blocks: [0; SHARDS],
            });
        };
        let key = state_key(&self.keyring, marker.written);
        let named = self
            .expected
            .as_ref()
            .is_none_or(|e| e.get(&bucket) == Some(&mac));
        (named && marker.verify(bucket, &key, &mac)).then_some(marker)
    }

    /// Why a stored key block may not be built on, `None` when it may: in a
    /// vault with MACs, it must carry a valid one and be the block its
    /// bucket's marker names.
    fn distrust_block(&self, bucket: Bucket, sh: u8, v: &[u8]) -> Option<&'static str> {
        self.expected.as_ref()?;
        let written = key_block::layout(v)?.written;
        let current = self
            .markers
            .get(&bucket)
            .and_then(|m| m.blocks.get(usize::from(sh)).copied());
        match written {
            Some(w) if key_block::verify(v, bucket, sh, &state_key(&self.keyring, w)) => {
                (current != Some(w)).then_some(
                    "a key block is an older copy (put back from the folder's history); its records cannot be trusted",
                )
            }
            _ => Some("a key block was changed or damaged: its MAC does not match"),
        }
    }

    /// Whether the database has lost changes the keyring saw committed; the
    /// vault is then read-only (see `check`).
    /// The process exits once this vault is dropped, as a command-line
    /// command's does: the drop makes every write durable, wipes the keys
    /// and lets go of the folder's lock as always, but leaves the store's
    /// pages in memory to the operating system ([`Store::leave_at_exit`]).
    /// Not for a process that opens the vault again (the UI).
    pub fn end_with_process(&mut self) {
        self.ends_with_process = true;
    }

    pub fn missing_changes(&self) -> bool {
        matches!(self.read_only, Some(ReadOnly::DatabaseBehind(..)))
    }

    /// Whether the vault opened for reading only because its audit log is
    /// damaged (see `check`).
    pub fn audit_damaged(&self) -> bool {
        self.read_only == Some(ReadOnly::AuditDamaged)
    }

    /// The Argon2id parameters the passphrase is stretched with (for the
    /// record of processing's security measures).
    pub fn kdf_params(&self) -> KdfParams {
        self.keyring.kdf_params()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Changes the passphrase and rotates the keys under it: a new root key,
    /// a new audit key, and a new generation of every bucket key that
    /// re-wraps its data keys; the old bucket keys are destroyed once this
    /// commits. No record is re-encrypted. Whoever holds the old passphrase
    /// and an old copy of the keyring opens nothing written after this.
    pub fn change_passphrase(&mut self, new_passphrase: &[u8], at: &str) -> Result<(), VaultError> {
        if new_passphrase.is_empty() {
            return Err(VaultError::EmptyPassphrase);
        }
        self.check_not_read_only()?;
        // Journal pages left by an earlier change are MACed under the audit
        // key the rotation replaces for its sequence number: settle them first.
        self.store.reopen_if_closed()?;
        self.settle_journal()?;
        let before = self.keyring.clone();
        self.keyring.rotate(new_passphrase, self.head.seq + 1)?;
        let change = Change {
            puts: Vec::new(),
            deletes: Vec::new(),
            audit: event(at, "passphrase changed"),
        };
        if let Err(e) = self.commit(change, true, false) {
            if matches!(e, VaultError::DatabaseDamaged(_)) {
                // Whether it committed is unknown: the keyring on disk holds
                // the old keys and the new ones (see `commit`).
                return Err(e);
            }
            // Not committed: the old passphrase and keys stay.
            self.keyring = before;
            let _ = self.keyring.save();
            return Err(e);
        }
        Ok(())
    }

    /// The keyed hash that stands in for an unsubscribed address (hex).
    pub fn suppression_hash(&self, normalised_email: &str) -> String {
        let key = self.keyring.suppression_key();
        team_seal::to_hex(&key.hmac(&[normalised_email.as_bytes()]))
    }

    pub fn size_on_disk(&self) -> u64 {
        let keyring = fs::metadata(self.dir.join(KEYRING_FILE))
            .map(|m| m.len())
            .unwrap_or(0);
        self.store.size_on_disk() + keyring
    }

    /// Number of bucket keys in the keyring.
    pub fn bucket_count(&self) -> usize {
        self.keyring.buckets().len()
    }

    /// Reads and decrypts one record.
    pub fn get(&self, kind: Kind, id: &Id) -> Result<Option<Zeroizing<Vec<u8>>>, VaultError> {
        let Some(v) = self.store.get(&record_key(kind, id))? else {
            return Ok(None);
        };
        let fail = |problem: String| VaultError::Record {
            kind: kind.name().to_string(),
            id: id.to_string(),
            problem,
        };
        let (bucket, _) = record_value::decode_record(&v)
            .ok_or_else(|| fail("its stored value is malformed".to_string()))?;
        let block = match self.store.get(&block_key(bucket, shard(id)))? {
            Some(b) => Block::decode(&b),
            None => None,
        };
        let wrapped = block.as_ref().and_then(|b| {
            b.entries
                .get(&(kind, id.clone()))
                .map(|k| (bucket, b.generation, k.as_slice()))
        });
        self.decrypt(kind, id, &v, wrapped)
            .map(|(plain, _)| Some(plain))
            .map_err(fail)
    }

    /// The plaintext of a record and its bucket, or why it cannot be read.
    /// `wrapped` is its entry from the key blocks: bucket, generation, sealed key.
    fn decrypt(
        &self,
        kind: Kind,
        id: &Id,
        value: &[u8],
        wrapped: Option<(Bucket, u32, &[u8])>,
    ) -> Result<(Zeroizing<Vec<u8>>, Bucket), String> {
        let (stored_bucket, sealed) =
            record_value::decode_record(value).ok_or("its stored value is malformed")?;
        let (bucket, generation, sealed_key) = wrapped.ok_or("its data key is missing")?;
        // The bucket in the stored value is not sealed; a changed one must
        // still be found (DESIGN.md §7.3), or `get` fails where `check` passed.
        if stored_bucket != bucket {
            return Err(
                "its stored value names another bucket than its data key: changed or damaged"
                    .to_string(),
            );
        }
        let data_key = self.unwrap_data_key(kind, id, bucket, generation, sealed_key)?;
        let plain = crypto::open(&data_key.aead(), &record_aad(kind, id), sealed)
            .ok_or_else(|| "it does not decrypt: changed, moved or damaged".to_string())?;
        Ok((plain, bucket))
    }

    fn unwrap_data_key(
        &self,
        kind: Kind,
        id: &Id,
        bucket: Bucket,
        generation: u32,
        sealed: &[u8],
    ) -> Result<SecretKey, String> {
        let (current, bucket_key) = self
            .bucket_keys
            .get(&bucket)
            .ok_or("its bucket key is not in the keyring")?;
        if *current != generation {
            return Err("its data key was wrapped by a destroyed bucket key".to_string());
        }
        crypto::open_key(bucket_key, &wrap_aad(bucket, generation, kind, id), sealed)
            .ok_or_else(|| "its data key does not decrypt: changed, moved or damaged".to_string())
    }

    /// Every key block, from one scan, with the blocks that could not be read.
    fn key_index(&self) -> Result<(KeyIndex, Vec<Problem>), VaultError> {
        let mut index = KeyIndex::new();
        let mut problems = Vec::new();
        let mut seen: BTreeSet<(Bucket, u8)> = BTreeSet::new();
        for item in self.store.scan_prefix(b"k/") {
            let (k, v) = item?;
            let Some((bucket, sh)) = parse_block_key(&k) else {
                problems.push(Problem {
                    kind: "key block".to_string(),
                    id: shown_key(&k),
                    problem: "a key block has an unreadable name".to_string(),
                });
                continue;
            };
            let block_name = key_block::block_name(bucket, sh);
            seen.insert((bucket, sh));
            let Some(damaged) = Block::count_damaged(&v) else {
                problems.push(Problem {
                    kind: "key block".to_string(),
                    id: block_name,
                    problem: "a key block is malformed; its records cannot be decrypted"
                        .to_string(),
                });
                continue;
            };
            // Its entries are still read (each is sealed to its record), so
            // damage names the records it hit; the block is named as well
            // (unless its bucket's marker is what is wrong, which is named
            // instead), and no change may build on it (`load_block`).
            if let Some(problem) = self.distrust_block(bucket, sh, &v)
                && !self.unknown_buckets.contains(&bucket)
            {
                problems.push(Problem {
                    kind: "key block".to_string(),
                    id: block_name.clone(),
                    problem: problem.to_string(),
                });
            }
            if damaged > 0 {
                problems.push(Problem {
                    kind: "key block".to_string(),
                    id: block_name,
                    problem: format!("{damaged} data key entries are damaged"),
                });
            }
            index.push(bucket, v);
        }
        for (bucket, marker) in &self.markers {
            for (sh, written) in (0u8..).zip(marker.blocks) {
                if written != 0 && !seen.contains(&(*bucket, sh)) {
                    problems.push(Problem {
                        kind: "key block".to_string(),
                        id: key_block::block_name(*bucket, sh),
                        problem: "a key block is missing; its records cannot be decrypted"
                            .to_string(),
                    });
                }
            }
        }
        index.sort();
        Ok((index, problems))
    }

    /// Loads a key block into `blocks` unless it is there already. A block
    /// that does not exist yet starts empty at `generation`. A stored block
    /// that cannot be read whole, or that carries another generation than
    /// its bucket's key, refuses the change: rewriting it would lose the
    /// data keys it holds.
    fn load_block(
        &self,
        blocks: &mut BTreeMap<(Bucket, u8), Block>,
        bucket: Bucket,
        sh: u8,
        generation: u32,
    ) -> Result<(), VaultError> {
        if let std::collections::btree_map::Entry::Vacant(e) = blocks.entry((bucket, sh)) {
            let block = match self.store.get(&block_key(bucket, sh))? {
                Some(v) if self.distrust_block(bucket, sh, &v).is_none() => {
                    match Block::decode(&v) {
                        Some(b) if b.damaged == 0 && b.generation == generation => b,
                        _ => return Err(unreadable_bucket(bucket)),
                    }
                }
                Some(_) => return Err(unreadable_bucket(bucket)),
                None => Block {
                    generation,
                    ..Block::default()
                },
            };
            e.insert(block);
        }
        Ok(())
    }

    /// Refuses every change to a vault that opened for reading only.
    fn check_not_read_only(&self) -> Result<(), VaultError> {
        match self.read_only {
            Some(ReadOnly::DatabaseBehind(..)) => {
                Err(VaultError::DatabaseBehind(self.dir.join(DB_DIR)))
            }
            Some(ReadOnly::AuditDamaged) => Err(VaultError::AuditDamaged(self.dir.join(DB_DIR))),
            None => Ok(()),
        }
    }

    /// Refuses a change into a bucket whose keys cannot be trusted: its
    /// marker cannot be read or names a key the keyring does not have, or
    /// it has no key yet while key blocks or keys of it exist (a damaged or
    /// missing marker, an older keyring). A new key there could replace or
    /// hide the one its records need.
    fn check_writable(&self, bucket: Bucket) -> Result<(), VaultError> {
        let unknown = self.unknown_buckets.contains(&bucket)
            || (!self.bucket_keys.contains_key(&bucket)
                && (self.keyring.buckets().contains_key(&bucket)
                    || self
                        .store
                        .scan_prefix(&bucket_prefix(bucket))
                        .next()
                        .is_some()));
        if unknown {
            return Err(unreadable_bucket(bucket));
        }
        Ok(())
    }

    /// A fresh key for generation `generation` of `bucket`; never one that
    /// would replace a key the keyring holds.
    fn fresh_bucket_key(&self, bucket: Bucket, generation: u32) -> Result<SecretKey, VaultError> {
        if self.keyring.key(bucket, generation).is_some() {
            return Err(unreadable_bucket(bucket));
        }
        SecretKey::random()
    }

    /// Applies a multi-record change: all of it or, on any error or crash,
    /// none. Buckets that lose a record are re-keyed and their old key is
    /// destroyed once the change is committed.
    pub fn apply(&mut self, change: Change) -> Result<(), VaultError> {
        self.commit(change, false, false)
    }

    /// `apply`, re-keying the buckets of the records it rewrites even when
    /// it deletes none: for a change that takes something out of a record
    /// (a file's key), whose older versions must not stay readable.
    pub fn apply_shredding(&mut self, change: Change) -> Result<(), VaultError> {
        self.commit(change, false, true)
    }

    /// `apply`; with `rotating`, every committed bucket is re-keyed and the
    /// keyring (which has a new root key) is written before the commit; with
    /// `shred`, the buckets of the records it rewrites are (`apply_shredding`).
    fn commit(
        &mut self,
        mut change: Change,
        rotating: bool,
        shred: bool,
    ) -> Result<(), VaultError> {
        self.check_not_read_only()?;
        self.store.reopen_if_closed()?;
        if self.keyring_behind {
            self.keyring.save()?;
            self.keyring_behind = false;
        }
        // An earlier change that could not finish or undo its slices left
        // journal pages, which may carry this change's sequence number.
        self.settle_journal()?;
        let mut random = crypto::RandomPool::default();
        // In key order, sled touches each tree node once per slice instead
        // of once per record, and holds a fraction of the memory.
        change
            .puts
            .sort_by_cached_key(|p| record_key(p.kind, &p.id));
        let mut writes: BTreeMap<Vec<u8>, Option<Vec<u8>>> = BTreeMap::new();
        let mut blocks: BTreeMap<(Bucket, u8), Block> = BTreeMap::new();
        let mut leaving: BTreeSet<Bucket> = BTreeSet::new();
        let current_gen = |b: Bucket| self.bucket_keys.get(&b).map_or(0, |(g, _)| *g);
        if rotating {
            leaving.extend(self.bucket_keys.keys().copied());
        }
        // A vault whose chain records no markers yet gets them all in this
        // change: every block and marker is rewritten with its MAC.
        let upgrading = self.expected.is_none();
        if upgrading {
            if let Some(b) = self.unknown_buckets.first() {
                return Err(unreadable_bucket(*b));
            }
            for &b in self.bucket_keys.keys() {
                for item in self.store.scan_prefix(&bucket_prefix(b)) {
                    let (k, _) = item?;
                    if let Some((_, sh)) = parse_block_key(&k) {
                        self.load_block(&mut blocks, b, sh, current_gen(b))?;
                    }
                }
            }
        }

        let mut removed: Vec<Vec<u8>> = Vec::with_capacity(change.deletes.len());
        for (kind, id) in &change.deletes {
            let stored = self.current_buckets_in(&blocks, *kind, id)?;
            for b in stored.unwrap_or_default() {
                self.load_block(&mut blocks, b, shard(id), current_gen(b))?;
                if let Some(block) = blocks.get_mut(&(b, shard(id))) {
                    block.entries.remove(&(*kind, id.clone()));
                }
                leaving.insert(b);
            }
            removed.push(record_key(*kind, id));
        }
        removed.sort();
        // A record both deleted and written is written: its new value and
        // data key stay.
        if !removed.is_empty() && !change.puts.is_empty() {
            let put_keys: Vec<Vec<u8>> = change
                .puts
                .iter()
                .map(|p| record_key(p.kind, &p.id))
                .collect();
            // In key order, as the puts were sorted.
            removed.retain(|k| put_keys.binary_search(k).is_err());
        }
        // A change that deletes records (a purge, an erasure) also shreds the
        // old versions of the records it rewrites: what it took out of them
        // (an erased participant's id in a kept quote) must not stay readable
        // from sled's old segments, so their bucket is re-keyed as well.
        let shred_rewritten = shred || !change.deletes.is_empty();
        let mut incoming: BTreeSet<Bucket> = BTreeSet::new();
        // Which puts write a record that is not stored yet: only those may
        // go before the commit (a slice can be taken away again).
        let mut fresh: Vec<bool> = Vec::with_capacity(change.puts.len());
        for put in &change.puts {
            let stored = self.current_buckets_in(&blocks, put.kind, &put.id)?;
            fresh.push(stored.is_none());
            for b in stored.unwrap_or_default() {
                if b != put.bucket {
                    self.load_block(&mut blocks, b, shard(&put.id), current_gen(b))?;
                    if let Some(block) = blocks.get_mut(&(b, shard(&put.id))) {
                        block.entries.remove(&(put.kind, put.id.clone()));
                    }
                    leaving.insert(b);
                } else if shred_rewritten {
                    leaving.insert(b);
                }
            }
            incoming.insert(put.bucket);
        }
        for &b in leaving.union(&incoming) {
            self.check_writable(b)?;
        }

        // Re-key every bucket a record leaves: a new generation key wraps the
        // data keys that stay; an emptied bucket's key is simply dropped.
        let mut new_keys: BTreeMap<Bucket, (u32, SecretKey)> = BTreeMap::new();
        let mut dropped: BTreeSet<Bucket> = BTreeSet::new();
        for &b in &leaving {
            for item in self.store.scan_prefix(&bucket_prefix(b)) {
                let (k, _) = item?;
                if let Some((_, sh)) = parse_block_key(&k) {
                    self.load_block(&mut blocks, b, sh, current_gen(b))?;
                }
            }
            let remaining: usize = blocks
                .range((b, 0)..=(b, u8::MAX))
                .map(|(_, blk)| blk.entries.len())
                .sum();
            if remaining == 0 && !incoming.contains(&b) {
                dropped.insert(b);
                writes.insert(generation_key(b), None);
                continue;
            }
            let generation = current_gen(b).wrapping_add(1);
            let key = self.fresh_bucket_key(b, generation)?;
            let aead = key.aead();
            for (_, blk) in blocks.range_mut((b, 0)..=(b, u8::MAX)) {
                let old_generation = blk.generation;
                for ((kind, id), sealed) in blk.entries.iter_mut() {
                    // An entry that no longer decrypts is kept as it is;
                    // `check` reports it. It must not stop the others.
                    let Ok(dk) = self.unwrap_data_key(*kind, id, b, old_generation, sealed) else {
                        continue;
                    };
                    *sealed = crypto::seal_from(
                        &mut random,
                        &aead,
                        &wrap_aad(b, generation, *kind, id),
                        dk.bytes(),
                    )?;
                }
                blk.generation = generation;
            }
            new_keys.insert(b, (generation, key));
        }
        for &b in &incoming {
            if !new_keys.contains_key(&b) && !self.bucket_keys.contains_key(&b) {
                let key = self.fresh_bucket_key(b, 0)?;
                new_keys.insert(b, (0, key));
            }
        }

        let seq = self.head.seq + 1;
        let skey = state_key(&self.keyring, seq);
        let body = serde_json::to_vec(&change.audit).map_err(|_| VaultError::Random)?;

        // 1. The keyring gets the new keys beside the old ones (and, in a
        //    rotation, its new root and audit key, which sign this commit).
        if !new_keys.is_empty() || rotating {
            for (b, (g, k)) in &new_keys {
                self.keyring.insert(*b, *g, k.clone());
            }
            if let Err(e) = self.keyring.save() {
                self.forget_uncommitted(&new_keys);
                return Err(e);
            }
        }

        // 2. New records go ahead of the commit in slices, when there are
        //    more than one batch should hold, each slice with its undo page.
        let mut undo_pages = 0u32;
        let mut slice = journal::Slice::default();
        let mut cache: HashMap<Bucket, (u32, LessSafeKey)> = HashMap::new();
        // Each plaintext goes as soon as it is sealed: an import does not
        // hold all of its records twice.
        let written = (|| -> Result<(), VaultError> {
            for (put, fresh) in change.puts.into_iter().zip(fresh) {
                if let std::collections::hash_map::Entry::Vacant(e) = cache.entry(put.bucket) {
                    let k = match new_keys.get(&put.bucket) {
                        Some((g, k)) => Some((*g, k.aead())),
                        None => self
                            .bucket_keys
                            .get(&put.bucket)
                            .map(|(g, k)| (*g, k.clone())),
                    };
                    // Every bucket with an incoming record got a key above.
                    e.insert(k.ok_or(VaultError::Random)?);
                }
                let (generation, bucket_key) = &cache[&put.bucket];
                let data_key = random.key()?;
                let plaintext = put.plaintext.bytes()?;
                let sealed = crypto::seal_from(
                    &mut random,
                    &data_key.aead(),
                    &record_aad(put.kind, &put.id),
                    &plaintext,
                )?;
                drop(plaintext);
                let key = record_key(put.kind, &put.id);
                let value = record_value::encode_record(put.bucket, &sealed);
                if fresh {
                    slice.push(key, value);
                    if slice.is_full() {
                        let batch = std::mem::take(&mut slice).into_batch(seq, undo_pages, &skey);
                        undo_pages += 1;
                        self.store.apply(batch)?;
                    }
                } else {
                    writes.insert(key, Some(value));
                }
                let wrapped = crypto::seal_from(
                    &mut random,
                    bucket_key,
                    &wrap_aad(put.bucket, *generation, put.kind, &put.id),
                    data_key.bytes(),
                )?;
                let sh = shard(&put.id);
                self.load_block(&mut blocks, put.bucket, sh, *generation)?;
                if let Some(blk) = blocks.get_mut(&(put.bucket, sh)) {
                    blk.entries.insert((put.kind, put.id), wrapped);
                }
            }
            if undo_pages == 0 {
                // It all fits in the commit batch.
                writes.extend(std::mem::take(&mut slice).writes);
            } else if !slice.is_empty() {
                let batch = std::mem::take(&mut slice).into_batch(seq, undo_pages, &skey);
                undo_pages += 1;
                self.store.apply(batch)?;
            }
            Ok(())
        })();
        if let Err(e) = written {
            self.undo_uncommitted(&new_keys);
            return Err(e);
        }
        // Again: the writing above needed `self` whole.
        let current_gen = |b: Bucket| self.bucket_keys.get(&b).map_or(0, |(g, _)| *g);
        // What the commit deletes: in the commit batch when it is small,
        // else listed on remove pages that the commit carries, and taken
        // away after it (the values no longer open once it committed).
        let remove_pages: Vec<journal::Page> = if removed.len() <= journal::SLICE_WRITES {
            writes.extend(removed.into_iter().map(|k| (k, None)));
            Vec::new()
        } else {
            removed
                .chunks(journal::SLICE_WRITES)
                .zip(0u32..)
                .map(|(keys, i)| journal::Page {
                    seq,
                    n: undo_pages + i,
                    step: journal::Step::Remove,
                    keys: keys.to_vec(),
                })
                .collect()
        };
        for page in &remove_pages {
            let (k, v) = page.write(&skey);
            writes.insert(k, v);
        }
        // Every block this change wrote, and the marker of its bucket, carry
        // this change's sequence number and a MAC; the audit entry records
        // each marker's MAC (zeros for an emptied bucket).
        let mut markers: BTreeMap<Bucket, Marker> = BTreeMap::new();
        for ((b, sh), blk) in &blocks {
            let marker = markers.entry(*b).or_insert_with(|| {
                let generation = new_keys.get(b).map_or_else(|| current_gen(*b), |(g, _)| *g);
                let blocks = match self.markers.get(b) {
                    Some(m) if !upgrading => m.blocks,
                    _ => [0; SHARDS],
                };
                Marker {
                    generation,
                    written: seq,
                    blocks,
                }
            });
            let value = (!blk.entries.is_empty()).then(|| blk.encode(*b, *sh, seq, &skey));
            if let Some(w) = marker.blocks.get_mut(usize::from(*sh)) {
                *w = if value.is_some() { seq } else { 0 };
            }
            writes.insert(block_key(*b, *sh), value);
        }
        let mut state: Vec<(Bucket, [u8; 32])> = Vec::new();
        for (b, marker) in &markers {
            if dropped.contains(b) {
                continue;
            }
            let (value, mac) = marker.encode(*b, &skey);
            writes.insert(generation_key(*b), Some(value));
            state.push((*b, mac));
        }
        for b in &dropped {
            writes.insert(generation_key(*b), None);
            state.push((*b, [0; 32]));
        }
        state.sort();
        let state = audit::encode_state(&state);

        // The audit entry commits with the change.
        let audit_key = self.keyring.audit_key(seq);
        let mac = audit::chain_mac(audit_key, &self.head.last, seq, Some(&state), &body);
        let new_head = Head { seq, last: mac };
        writes.insert(
            audit::entry_key(seq),
            Some(audit::encode_entry(&mac, &state, &body)),
        );
        writes.insert(audit::HEAD_KEY.to_vec(), Some(new_head.encode(audit_key)));

        // 3. The commit point.
        if let Err(e) = self.store.apply(writes.into_iter().collect()) {
            if matches!(e, VaultError::DatabaseDamaged(_)) {
                // sled panicked: the batch may or may not be on disk, so the
                // keyring keeps the old keys and the new ones, and the store
                // takes no further change. An open sorts them out.
                return Err(e);
            }
            self.undo_uncommitted(&new_keys);
            return Err(e);
        }
        self.head = new_head;
        let expected = self.expected.get_or_insert_with(BTreeMap::new);
        for (b, marker) in markers {
            if dropped.contains(&b) {
                expected.remove(&b);
                self.markers.remove(&b);
            } else {
                expected.insert(b, marker.encode(b, &skey).1);
                self.markers.insert(b, marker);
            }
        }
        // 4. Destroy the replaced and emptied bucket keys.
        for (b, (g, k)) in new_keys {
            self.keyring.retain(b, Some(g));
            self.bucket_keys.insert(b, (g, k.aead()));
        }
        for b in &dropped {
            self.keyring.retain(*b, None);
            self.bucket_keys.remove(b);
        }
        // The keyring learns of every commit, so a database that loses it
        // later is noticed on open.
        self.keyring.set_committed_seq(new_head.seq);
        if self.keyring.save().is_err() {
            // The change is committed and must be reported as done; only the
            // keyring is behind (replaced keys, the sequence number). It is
            // rewritten before the next change and on close, and an open
            // drops replaced keys anyway.
            self.keyring_behind = true;
        }
        // 5. The deleted values and the journal go, a page at a time. The
        //    change is committed and reported as done even if this fails:
        //    the next change or open finishes it (`settle_journal`).
        let _ = self.clear_journal(seq, undo_pages, remove_pages);
        Ok(())
    }

    /// After a failed change: its new bucket keys leave the keyring and
    /// its slices leave the store (if that fails too, the next change or
    /// open takes them away).
    fn undo_uncommitted(&mut self, new_keys: &BTreeMap<Bucket, (u32, SecretKey)>) {
        self.forget_uncommitted(new_keys);
        let _ = self.keyring.save();
        let _ = self.settle_journal();
    }

    fn forget_uncommitted(&mut self, new_keys: &BTreeMap<Bucket, (u32, SecretKey)>) {
        for (b, (g, _)) in new_keys {
            let keep = self.bucket_keys.get(b).map(|(cg, _)| *cg);
            if keep != Some(*g) {
                self.keyring.retain(*b, keep);
            }
        }
    }

    /// [`Vault::current_buckets`], answered from the blocks this change
    /// has decoded already when the record's block is among them: a purge
    /// of thousands of records in one block reads and searches that block
    /// once, not once per record (which made it grow faster than linearly).
    /// `None` when the record is not stored at all.
    fn current_buckets_in(
        &self,
        blocks: &BTreeMap<(Bucket, u8), Block>,
        kind: Kind,
        id: &Id,
    ) -> Result<Option<Vec<Bucket>>, VaultError> {
        let Some(v) = self.store.get(&record_key(kind, id))? else {
            return Ok(None);
        };
        if let Some((bucket, _)) = record_value::decode_record(&v)
            && blocks
                .get(&(bucket, shard(id)))
                .is_some_and(|b| b.entries.contains_key(&(kind, id.clone())))
        {
            return Ok(Some(vec![bucket]));
        }
        self.current_buckets(kind, id).map(Some)
    }

    /// The buckets whose key blocks hold this record's data key: normally
    /// the one named in its stored value; if that is damaged, found by
    /// scanning the key blocks.
    fn current_buckets(&self, kind: Kind, id: &Id) -> Result<Vec<Bucket>, VaultError> {
        let Some(v) = self.store.get(&record_key(kind, id))? else {
            return Ok(Vec::new());
        };
        if let Some((bucket, _)) = record_value::decode_record(&v)
            && let Some(bv) = self.store.get(&block_key(bucket, shard(id)))?
        {
            // The block that should hold its key cannot be read: whether it
            // does is unknown, and a change must not guess.
            if key_block::raw_entries(&bv).is_none() {
                return Err(unreadable_bucket(bucket));
            }
            if key_block::holds(&bv, kind, id) {
                return Ok(vec![bucket]);
            }
        }
        let mut out = Vec::new();
        for item in self.store.scan_prefix(b"k/") {
            let (k, bv) = item?;
            if let Some((bucket, sh)) = parse_block_key(&k)
                && sh == shard(id)
                && key_block::holds(&bv, kind, id)
            {
                out.push(bucket);
            }
        }
        Ok(out)
    }

    /// Decrypts every record and verifies the audit chain; reports every
    /// problem with its record and goes on. `decode` checks the plaintext's
    /// structure for a kind, on either thread of the scan.
    pub fn check(
        &self,
        decode: impl Fn(Kind, &[u8]) -> Result<(), String> + Sync,
    ) -> Result<CheckReport, VaultError> {
        self.check_each(|kind, _, plain| decode(kind, plain), |()| ())
    }

    /// [`Vault::check`], with the record's id for `decode`, whose result
    /// `keep` takes: one decrypting pass for the caller's own checks too
    /// (`ops::file_check`). `decode` runs on either thread of the scan
    /// (`for_each_as`), `keep` on this one, in store order.
    pub fn check_each<T: Send>(
        &self,
        decode: impl Fn(Kind, &Id, &[u8]) -> Result<T, String> + Sync,
        mut keep: impl FnMut(T),
    ) -> Result<CheckReport, VaultError> {
        let mut problems = Vec::new();
        let mut checked = 0usize;
        let stray = self.for_each_as(
            |kind, id, r| {
                let decoded = r.and_then(|(plain, _)| decode(kind, &id, &plain));
                (kind, id, decoded)
            },
            |(kind, id, decoded)| {
                checked += 1;
                match decoded {
                    Ok(t) => keep(t),
                    Err(problem) => problems.push(Problem {
                        kind: kind.name().to_string(),
                        id: id.to_string(),
                        problem,
                    }),
                }
            },
        )?;
        problems.extend(stray);
        problems.extend(self.marker_problems.iter().cloned());
        if let Some(ReadOnly::DatabaseBehind(stored, known)) = self.read_only {
            problems.push(Problem {
                kind: "vault".to_string(),
                id: DB_DIR.to_string(),
                problem: format!(
                    "the database ends at audit entry {stored}, but the keyring saw entry {known} committed: later changes are missing (damage, or an older copy of the database); restore the whole vault folder from a backup"
                ),
            });
        }
        let chain = verify_audit_chain(&*self.store, &self.keyring)?;
        if let Err(p) = &chain {
            problems.push(p.clone());
        }
        Ok(CheckReport {
            records_checked: checked,
            audit_chain_ok: chain.is_ok(),
            problems,
        })
    }

    /// The audit log, oldest first (entries that do not parse are skipped;
    /// `check` reports them).
    pub fn audit_entries(&self) -> Result<Vec<AuditEvent>, VaultError> {
        let mut out = Vec::new();
        for item in self.store.scan_prefix(audit::ENTRY_PREFIX) {
            let (_, v) = item?;
            if let Some(entry) = audit::decode_entry(&v)
                && let Ok(e) = serde_json::from_slice(entry.body)
            {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// The newest entry of the audit log with `action`, if any. Only that
    /// entry is read whole: an import's entry names every record it
    /// wrote, and the Overview asks for the last backup on every change.
    pub fn last_audit_entry(&self, action: &str) -> Result<Option<AuditEvent>, VaultError> {
        #[derive(serde::Deserialize)]
        struct Action<'a> {
            #[serde(borrow)]
            action: std::borrow::Cow<'a, str>,
        }
        let mut found = Vec::new();
        for item in self.store.scan_prefix(audit::ENTRY_PREFIX) {
            let (_, v) = item?;
            if let Some(entry) = audit::decode_entry(&v)
                && let Ok(a) = serde_json::from_slice::<Action>(entry.body)
                && a.action == action
            {
                found.push(v);
            }
        }
        // As `audit_entries`: an entry that does not parse is skipped.
        Ok(found
            .iter()
            .rev()
            .find_map(|v| serde_json::from_slice(audit::decode_entry(v)?.body).ok()))
    }
}

/// The audit head, verified with the audit key of the entry it names.
fn decode_head(v: &[u8], keyring: &Keyring) -> Option<Head> {
    keyring
        .audit_keys()
        .filter_map(|key| Head::decode(v, key))
        .find(|h| Head::decode(v, keyring.audit_key(h.seq)).is_some())
}

/// Verifies the audit chain from its first entry to the head; the head when
/// it holds, else the first problem.
/// With the head comes the MAC of each bucket's current marker as the chain
/// records it, `None` when no entry records markers (an older vault).
fn verify_audit_chain(
    store: &dyn Store,
    keyring: &Keyring,
) -> Result<Result<(Head, Option<MarkerMacs>), Problem>, VaultError> {
    let broken = |seq: u64, problem: &str| Problem {
        kind: "audit".to_string(),
        id: format!("{seq}"),
        problem: problem.to_string(),
    };
    let head = match store.get(audit::HEAD_KEY)? {
        Some(v) => match decode_head(&v, keyring) {
            Some(h) => h,
            None => return Ok(Err(broken(0, "the audit log's head was changed"))),
        },
        None => Head::EMPTY,
    };
    let mut prev = [0u8; 32];
    let mut expected = 1u64;
    let mut markers: Option<MarkerMacs> = None;
    for item in store.scan_prefix(audit::ENTRY_PREFIX) {
        let (k, v) = item?;
        if k != audit::entry_key(expected) {
            return Ok(Err(broken(
                expected,
                "an audit entry is missing or out of order",
            )));
        }
        let Some(entry) = audit::decode_entry(&v) else {
            return Ok(Err(broken(expected, "an audit entry is malformed")));
        };
        let key = keyring.audit_key(expected);
        if !audit::verify_chain(key, &prev, expected, &entry) {
            return Ok(Err(broken(expected, "an audit entry was changed")));
        }
        if let Some(st) = entry.state {
            let Some(state) = audit::parse_state(st) else {
                return Ok(Err(broken(expected, "an audit entry is malformed")));
            };
            let markers = markers.get_or_insert_with(BTreeMap::new);
            for (bucket, mac) in state {
                if mac == [0; 32] {
                    markers.remove(&bucket);
                } else {
                    markers.insert(bucket, mac);
                }
            }
        }
        prev = entry.mac;
        expected += 1;
    }
    if head.seq != expected - 1 || head.last != prev {
        return Ok(Err(broken(
            expected,
            "audit entries were removed from the end",
        )));
    }
    Ok(Ok((head, markers)))
}

/// An audit event with no records.
pub fn event(at: &str, action: &str) -> AuditEvent {
    AuditEvent {
        at: at.to_string(),
        action: action.to_string(),
        counts: BTreeMap::new(),
        ids: Vec::new(),
    }
}

/// A problem with a bucket as `check` lists it.
fn bucket_problem(bucket: Bucket, problem: &str) -> Problem {
    Problem {
        kind: "bucket".to_string(),
        id: format!("{bucket:08x}"),
        problem: problem.to_string(),
    }
}

fn unreadable_bucket(bucket: Bucket) -> VaultError {
    VaultError::BucketUnreadable(bucket)
}

fn create_private_dir(dir: &Path) -> Result<(), VaultError> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
        .map_err(|e| VaultError::io("create the folder", dir, e))
}

pub fn record_key(kind: Kind, id: &Id) -> Vec<u8> {
    format!("r/{}/{}", kind.name(), id).into_bytes()
}

fn generation_key(bucket: Bucket) -> Vec<u8> {
    format!("g/{bucket:08x}").into_bytes()
}

/// Associated data, built on the stack: it is made twice per record read.
struct Aad {
    buf: [u8; 96],
    len: usize,
}

impl Aad {
    fn of(parts: &[&[u8]]) -> Aad {
        let mut aad = Aad {
            buf: [0u8; 96],
            len: 0,
        };
        for part in parts {
            // Every part is bounded (prefix, kind name, 16-character id, two
            // numbers), so 96 bytes always suffice; `min` keeps it panic-free.
            let n = part.len().min(aad.buf.len() - aad.len);
            aad.buf[aad.len..aad.len + n].copy_from_slice(&part[..n]);
            aad.len += n;
        }
        aad
    }
}

impl std::ops::Deref for Aad {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Binds a record's ciphertext to its kind and id.
fn record_aad(kind: Kind, id: &Id) -> Aad {
    Aad::of(&[
        b"kluis record v1/",
        kind.name().as_bytes(),
        b"/",
        id.as_str().as_bytes(),
    ])
}

/// Binds a wrapped data key to its record, bucket and bucket generation.
fn wrap_aad(bucket: Bucket, generation: u32, kind: Kind, id: &Id) -> Aad {
    Aad::of(&[
        b"kluis data key v1/",
        kind.name().as_bytes(),
        b"/",
        id.as_str().as_bytes(),
        b"/",
        &bucket.to_be_bytes(),
        &generation.to_be_bytes(),
    ])
}

fn parse_name(s: &str) -> Option<(Kind, Id)> {
    let (kind, id) = s.split_once('/')?;
    Some((Kind::from_name(kind)?, Id::parse(id)?))
}

fn parse_record_key(k: &[u8]) -> Option<(Kind, Id)> {
    parse_name(std::str::from_utf8(k).ok()?.strip_prefix("r/")?)
}

/// The bucket of a `g/<bucket>` key.
fn parse_bucket_key(k: &[u8]) -> Option<Bucket> {
    let s = std::str::from_utf8(k.get(2..10)?).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// A store key as it may be shown: printable, shortened.
fn shown_key(k: &[u8]) -> String {
    String::from_utf8_lossy(k).chars().take(40).collect()
}
