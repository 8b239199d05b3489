//! The keyring file: the passphrase-wrapped root key and the table of bucket
//! keys, one per deletion month. It is small and rewritten atomically (temp
//! file, fsync, rename, fsync folder), so destroying a bucket key really
//! removes it from the current file: crypto-shredding.
//!
//! Layout (format 3):
//! ```text
//! "KLUISKEY" | format u8 | kdf u8 | memory_kib u32 | iterations u32 |
//! parallelism u32 | salt [16] | sealed root key [60] | sealed table
//! table: committed audit seq u64 | suppression key [32] |
//!        m u32 | m × (first audit seq u64 | audit key [32]) |
//!        n u32 | n × (bucket u32 | generation u32 | key [32])
//! ```
//! The header up to the salt is the associated data of the sealed root key;
//! the table is sealed under a key derived from the root key. The audit
//! sequence number is that of the last change the keyring saw committed: a
//! database whose audit chain ends earlier has lost changes.
//!
//! A passphrase change rotates the root key (`rotate`), so an old copy of the
//! keyring opens nothing written after it. What must outlive a rotation has a
//! key of its own in the table: the suppression hashes' key, carried across
//! unchanged, and the audit keys, one per rotation with the first audit entry
//! it signs, so the chain stays verifiable while entries after a rotation
//! need the new key.
//!
//! Format 1 had no committed sequence number (read as 0); formats 1 and 2
//! derived the suppression and audit keys from the root key. Both are read
//! and written as format 3 from then on; a new keyring starts with the same
//! derived keys.

use super::crypto::{self, KEY_LEN, SEALED_KEY_LEN, SecretKey};
use super::error::VaultError;
use super::kdf::{KDF_ARGON2ID, KdfParams, SALT_LEN};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

/// A passphrase as it is stretched: Unicode NFC, so the same text typed as
/// composed or decomposed characters (é or e + ´) opens the same vault.
/// Bytes that are not UTF-8 are taken as they are. Built in one buffer that
/// never reallocates (NFC at most triples a text's UTF-8 length).
fn normalised(passphrase: &[u8]) -> Zeroizing<Vec<u8>> {
    let Ok(text) = std::str::from_utf8(passphrase) else {
        return Zeroizing::new(passphrase.to_vec());
    };
    let mut out = Zeroizing::new(String::with_capacity(text.len() * 3));
    for c in text.nfc() {
        if out.len() + c.len_utf8() > out.capacity() {
            break; // invariant: unreachable, see above; never reallocate a secret.
        }
        out.push(c);
    }
    Zeroizing::new(std::mem::take(&mut *out).into_bytes())
}

pub const MAGIC: &[u8; 8] = b"KLUISKEY";
pub const FORMAT: u8 = 3;
/// The oldest format this version still reads.
const OLDEST_FORMAT: u8 = 1;
const HEADER_LEN: usize = 8 + 1 + 1 + 4 + 4 + 4 + SALT_LEN;
const TABLE_AAD: &[u8] = b"kluis keyring table v1";
const ENTRY_LEN: usize = 4 + 4 + KEY_LEN;
const AUDIT_ENTRY_LEN: usize = 8 + KEY_LEN;

/// A bucket: the deletion month of its records (`year * 12 + month0 + 1`),
/// or 0 for records without a deadline yet.
pub type Bucket = u32;

/// The decrypted keyring while the vault is unlocked. A clone is how a
/// rotation that did not commit is undone.
#[derive(Clone)]
pub struct Keyring {
    path: PathBuf,
    params: KdfParams,
    salt: [u8; SALT_LEN],
    sealed_root: Vec<u8>,
    root: SecretKey,
    /// Bucket → generation → key. Normally one generation per bucket; two only
    /// during a change, until it commits.
    buckets: BTreeMap<Bucket, BTreeMap<u32, SecretKey>>,
    /// The audit sequence number of the last change known to be committed.
    committed_seq: u64,
    /// The key of the suppression list's keyed hashes.
    suppression: SecretKey,
    /// The audit keys by the first entry each signs; never empty, the first
    /// from 0.
    audit: AuditKeys,
}

/// Audit keys by the first entry each signs.
type AuditKeys = Vec<(u64, SecretKey)>;

/// The keys of formats 1 and 2, which a new keyring also starts with.
fn derived_keys(root: &SecretKey) -> (SecretKey, AuditKeys) {
    (
        root.derive(b"suppression hash"),
        vec![(0, root.derive(b"audit chain"))],
    )
}

/// The parts of the file before decryption.
struct Parsed<'a> {
    format: u8,
    params: KdfParams,
    salt: [u8; SALT_LEN],
    header: &'a [u8],
    sealed_root: &'a [u8],
    sealed_table: &'a [u8],
}

fn damaged(path: &Path, reason: &str) -> VaultError {
    VaultError::KeyringDamaged {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_be_bytes(a)
}

/// Checks the structure of a keyring file without any key. Public for the
/// fuzz target; the errors carry no secret.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<(KdfParams, usize), VaultError> {
    let p = parse_parts(path, bytes)?;
    Ok((p.params, p.sealed_table.len()))
}

fn parse_parts<'a>(path: &Path, bytes: &'a [u8]) -> Result<Parsed<'a>, VaultError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(damaged(path, "not a kluis keyring"));
    }
    if bytes.len() < 9 {
        return Err(damaged(path, "truncated"));
    }
    if bytes[8] > FORMAT {
        return Err(VaultError::NewerFormat {
            path: path.to_path_buf(),
            found: bytes[8],
            supported: FORMAT,
        });
    }
    if bytes[8] < OLDEST_FORMAT {
        return Err(damaged(path, "unknown format"));
    }
    if bytes.len() < HEADER_LEN + SEALED_KEY_LEN + crypto::SEAL_OVERHEAD {
        return Err(damaged(path, "truncated"));
    }
    if bytes[9] != KDF_ARGON2ID {
        return Err(damaged(path, "unknown key derivation"));
    }
    let params = KdfParams {
        memory_kib: u32_at(bytes, 10),
        iterations: u32_at(bytes, 14),
        parallelism: u32_at(bytes, 18),
    };
    if !params.is_sane() {
        return Err(damaged(
            path,
            "its key derivation parameters are out of range: kluis writes at most 1 GiB of memory and 10 passes",
        ));
    }
    let mut salt = [0u8; SALT_LEN];
    salt.copy_from_slice(&bytes[22..22 + SALT_LEN]);
    Ok(Parsed {
        format: bytes[8],
        params,
        salt,
        header: &bytes[..HEADER_LEN],
        sealed_root: &bytes[HEADER_LEN..HEADER_LEN + SEALED_KEY_LEN],
        sealed_table: &bytes[HEADER_LEN + SEALED_KEY_LEN..],
    })
}

fn header_bytes(params: &KdfParams, salt: &[u8; SALT_LEN]) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER_LEN);
    h.extend_from_slice(MAGIC);
    h.push(FORMAT);
    h.push(KDF_ARGON2ID);
    h.extend_from_slice(&params.memory_kib.to_be_bytes());
    h.extend_from_slice(&params.iterations.to_be_bytes());
    h.extend_from_slice(&params.parallelism.to_be_bytes());
    h.extend_from_slice(salt);
    h
}

/// The keys of a format 3 table before its bucket table: the suppression
/// key, the audit keys, and the rest.
fn decode_own_keys(plain: &[u8]) -> Option<(SecretKey, AuditKeys, &[u8])> {
    let suppression = SecretKey::from_slice(plain.get(..KEY_LEN)?)?;
    let m = u32_at(plain.get(..KEY_LEN + 4)?, KEY_LEN) as usize;
    let start = KEY_LEN + 4;
    let end = start.checked_add(m.checked_mul(AUDIT_ENTRY_LEN)?)?;
    let mut audit = Vec::with_capacity(m.min(64));
    for entry in plain.get(start..end)?.chunks_exact(AUDIT_ENTRY_LEN) {
        let first = u64::from_be_bytes(entry[..8].try_into().ok()?);
        // Epochs start at 0 and only go forward.
        let expected_first = audit.last().is_none_or(|(prev, _)| first > *prev);
        if !expected_first || (audit.is_empty() && first != 0) {
            return None;
        }
        audit.push((first, SecretKey::from_slice(&entry[8..])?));
    }
    if audit.is_empty() {
        return None;
    }
    Some((suppression, audit, &plain[end..]))
}

/// Decodes the plaintext bucket table. Public for the fuzz target.
pub fn decode_table(plain: &[u8]) -> Option<BTreeMap<Bucket, BTreeMap<u32, SecretKey>>> {
    if plain.len() < 4 {
        return None;
    }
    let n = u32_at(plain, 0) as usize;
    if plain.len() != 4 + n.checked_mul(ENTRY_LEN)? {
        return None;
    }
    let mut out: BTreeMap<Bucket, BTreeMap<u32, SecretKey>> = BTreeMap::new();
    for i in 0..n {
        let at = 4 + i * ENTRY_LEN;
        let bucket = u32_at(plain, at);
        let generation = u32_at(plain, at + 4);
        let key = SecretKey::from_slice(&plain[at + 8..at + ENTRY_LEN])?;
        out.entry(bucket).or_default().insert(generation, key);
    }
    Some(out)
}

impl Keyring {
    /// A new keyring with a fresh root key, written to `path`.
    /// `suppression` carries the suppression hashes' key of a vault restored
    /// from a backup (DESIGN.md §13.4); a new vault derives its own.
    pub fn create(
        path: &Path,
        passphrase: &[u8],
        params: KdfParams,
        suppression: Option<SecretKey>,
    ) -> Result<Keyring, VaultError> {
        let mut salt = [0u8; SALT_LEN];
        crypto::fill_random(&mut salt)?;
        let root = SecretKey::random()?;
        let pass_key = params
            .derive(&normalised(passphrase), &salt)
            .ok_or_else(|| damaged(path, "key derivation parameters out of range"))?;
        let header = header_bytes(&params, &salt);
        let sealed_root = crypto::seal(&pass_key.aead(), &header, root.bytes())?;
        let (derived, audit) = derived_keys(&root);
        let ring = Keyring {
            path: path.to_path_buf(),
            params,
            salt,
            sealed_root,
            root,
            suppression: suppression.unwrap_or(derived),
            buckets: BTreeMap::new(),
            committed_seq: 0,
            audit,
        };
        ring.save()?;
        Ok(ring)
    }

    /// Reads and decrypts the keyring at `path` with `passphrase`.
    /// A keyring made before passphrases were normalised also opens with
    /// the passphrase as it was typed then; it is then re-wrapped under the
    /// normalised one and saved, so this happens once.
    pub fn open(path: &Path, passphrase: &[u8], vault_dir: &Path) -> Result<Keyring, VaultError> {
        refuse_a_link(path)?;
        let bytes = fs::read(path).map_err(|e| VaultError::io("read the keyring", path, e))?;
        let p = parse_parts(path, &bytes)?;
        let out_of_range = || damaged(path, "key derivation parameters out of range");
        let nfc = normalised(passphrase);
        let pass_key = p.params.derive(&nfc, &p.salt).ok_or_else(out_of_range)?;
        let (root, rewrap) = match crypto::open_key(&pass_key.aead(), p.header, p.sealed_root) {
            Some(root) => (root, false),
            None if nfc[..] != *passphrase => {
                let raw_key = p
                    .params
                    .derive(passphrase, &p.salt)
                    .ok_or_else(out_of_range)?;
                let root = crypto::open_key(&raw_key.aead(), p.header, p.sealed_root)
                    .ok_or_else(|| VaultError::WrongPassphrase(vault_dir.to_path_buf()))?;
                (root, true)
            }
            None => return Err(VaultError::WrongPassphrase(vault_dir.to_path_buf())),
        };
        let table_key = root.derive(b"keyring table").aead();
        let plain = crypto::open(&table_key, TABLE_AAD, p.sealed_table)
            .ok_or_else(|| damaged(path, "the key table does not decrypt"))?;
        let malformed = || damaged(path, "the key table is malformed");
        let committed_seq = match p.format {
            1 => 0,
            _ => {
                let seq = plain.get(..8).ok_or_else(malformed)?;
                u64::from_be_bytes(seq.try_into().map_err(|_| malformed())?)
            }
        };
        let rest = &plain[if p.format == 1 { 0 } else { 8 }..];
        let (suppression, audit, table) = match p.format {
            1 | 2 => {
                let (suppression, audit) = derived_keys(&root);
                (suppression, audit, rest)
            }
            _ => decode_own_keys(rest).ok_or_else(malformed)?,
        };
        let buckets = decode_table(table).ok_or_else(malformed)?;
        // An earlier format's root key is sealed with that format's header:
        // seal it again with the current one, which every save writes.
        let sealed_root = if p.format == FORMAT && !rewrap {
            p.sealed_root.to_vec()
        } else {
            crypto::seal(
                &pass_key.aead(),
                &header_bytes(&p.params, &p.salt),
                root.bytes(),
            )?
        };
        let ring = Keyring {
            path: path.to_path_buf(),
            params: p.params,
            salt: p.salt,
            sealed_root,
            root,
            buckets,
            committed_seq,
            suppression,
            audit,
        };
        if rewrap {
            ring.save()?;
        }
        Ok(ring)
    }

    /// A new root key under a new passphrase (fresh salt, the vault's KDF
    /// parameters) and a new audit key from audit entry `first_audit_seq` on;
    /// not saved. The caller re-keys every bucket in the same change, so the
    /// old root key, and any old copy of this file, opens nothing written
    /// from then on.
    pub fn rotate(
        &mut self,
        new_passphrase: &[u8],
        first_audit_seq: u64,
    ) -> Result<(), VaultError> {
        let mut salt = [0u8; SALT_LEN];
        crypto::fill_random(&mut salt)?;
        let params = KdfParams::VAULT;
        let pass_key = params
            .derive(&normalised(new_passphrase), &salt)
            .ok_or_else(|| damaged(&self.path, "key derivation parameters out of range"))?;
        let root = SecretKey::random()?;
        let header = header_bytes(&params, &salt);
        self.sealed_root = crypto::seal(&pass_key.aead(), &header, root.bytes())?;
        self.root = root;
        self.params = params;
        self.salt = salt;
        // Entry 0 does not exist (the chain starts at 1), so epoch 0 stays.
        // An epoch of a rotation that was saved but never committed starts
        // at this same entry, which no key has signed yet: it is replaced.
        let first_audit_seq = first_audit_seq.max(1);
        self.audit.retain(|(first, _)| *first < first_audit_seq);
        self.audit.push((first_audit_seq, SecretKey::random()?));
        Ok(())
    }

    /// The passphrase stretching this keyring was written with.
    pub fn kdf_params(&self) -> KdfParams {
        self.params
    }

    pub fn root(&self) -> &SecretKey {
        &self.root
    }

    /// The header and the passphrase-wrapped root key, as the file starts:
    /// what a backup carries so that the vault's passphrase opens it.
    pub fn wrapped_root(&self) -> Vec<u8> {
        let mut out = header_bytes(&self.params, &self.salt);
        out.extend_from_slice(&self.sealed_root);
        out
    }

    /// The key of the suppression list's keyed hashes; the same across
    /// rotations.
    pub fn suppression_key(&self) -> &SecretKey {
        &self.suppression
    }

    /// The key that signs audit entry `seq` (and a head that names it).
    pub fn audit_key(&self, seq: u64) -> &SecretKey {
        let at = self.audit.partition_point(|(first, _)| *first <= seq);
        // invariant: the first epoch starts at 0 (`decode_own_keys`,
        // `derived_keys`), so at least one epoch is at or before any seq.
        &self.audit[at.saturating_sub(1)].1
    }

    /// Every audit key, oldest first.
    pub fn audit_keys(&self) -> impl Iterator<Item = &SecretKey> {
        self.audit.iter().map(|(_, k)| k)
    }

    pub fn committed_seq(&self) -> u64 {
        self.committed_seq
    }

    /// Records that the change with this audit sequence number committed;
    /// written with the next save.
    pub fn set_committed_seq(&mut self, seq: u64) {
        self.committed_seq = seq;
    }

    pub fn buckets(&self) -> &BTreeMap<Bucket, BTreeMap<u32, SecretKey>> {
        &self.buckets
    }

    pub fn key(&self, bucket: Bucket, generation: u32) -> Option<&SecretKey> {
        self.buckets.get(&bucket)?.get(&generation)
    }

    pub fn insert(&mut self, bucket: Bucket, generation: u32, key: SecretKey) {
        self.buckets
            .entry(bucket)
            .or_default()
            .insert(generation, key);
    }

    /// Keeps only generation `keep` of `bucket` (`None` drops the bucket).
    /// Returns whether anything was dropped.
    pub fn retain(&mut self, bucket: Bucket, keep: Option<u32>) -> bool {
        let Some(gens) = self.buckets.get_mut(&bucket) else {
            return false;
        };
        let before = gens.len();
        gens.retain(|g, _| Some(*g) == keep);
        let dropped = gens.len() != before;
        if gens.is_empty() {
            self.buckets.remove(&bucket);
        }
        dropped
    }

    fn encode(&self) -> Result<Vec<u8>, VaultError> {
        let n: usize = self.buckets.values().map(|g| g.len()).sum();
        let mut table = Zeroizing::new(Vec::with_capacity(
            8 + KEY_LEN + 4 + self.audit.len() * AUDIT_ENTRY_LEN + 4 + n * ENTRY_LEN,
        ));
        table.extend_from_slice(&self.committed_seq.to_be_bytes());
        table.extend_from_slice(self.suppression.bytes());
        table.extend_from_slice(&(self.audit.len() as u32).to_be_bytes());
        for (first, key) in &self.audit {
            table.extend_from_slice(&first.to_be_bytes());
            table.extend_from_slice(key.bytes());
        }
        table.extend_from_slice(&(n as u32).to_be_bytes());
        for (bucket, gens) in &self.buckets {
            for (generation, key) in gens {
                table.extend_from_slice(&bucket.to_be_bytes());
                table.extend_from_slice(&generation.to_be_bytes());
                table.extend_from_slice(key.bytes());
            }
        }
        let table_key = self.root.derive(b"keyring table").aead();
        let sealed_table = crypto::seal(&table_key, TABLE_AAD, &table)?;
        let mut out = header_bytes(&self.params, &self.salt);
        out.extend_from_slice(&self.sealed_root);
        out.extend_from_slice(&sealed_table);
        Ok(out)
    }

    /// Writes the keyring atomically: a crash leaves the old or the new file,
    /// never a mix, and the old one is gone from the folder once this returns.
    pub fn save(&self) -> Result<(), VaultError> {
        let bytes = self.encode()?;
        write_atomically(&self.path, &bytes)
    }
}

/// Length of [`Keyring::wrapped_root`].
pub const WRAPPED_ROOT_LEN: usize = HEADER_LEN + SEALED_KEY_LEN;

/// Why a wrapped root key did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnwrapError {
    /// Not a keyring header of the current format, or parameters out of range.
    Malformed,
    WrongPassphrase,
}

/// Opens a root key wrapped as [`Keyring::wrapped_root`] writes it, with the
/// KDF parameters of its header.
pub fn unwrap_root(
    wrapped: &[u8],
    passphrase: &[u8],
) -> Result<(SecretKey, KdfParams), UnwrapError> {
    if wrapped.len() != WRAPPED_ROOT_LEN || &wrapped[..8] != MAGIC || wrapped[8] != FORMAT {
        return Err(UnwrapError::Malformed);
    }
    if wrapped[9] != KDF_ARGON2ID {
        return Err(UnwrapError::Malformed);
    }
    let params = KdfParams {
        memory_kib: u32_at(wrapped, 10),
        iterations: u32_at(wrapped, 14),
        parallelism: u32_at(wrapped, 18),
    };
    let (header, sealed) = wrapped.split_at(HEADER_LEN);
    let pass_key = params
        .derive(&normalised(passphrase), &header[22..])
        .ok_or(UnwrapError::Malformed)?;
    let root =
        crypto::open_key(&pass_key.aead(), header, sealed).ok_or(UnwrapError::WrongPassphrase)?;
    Ok((root, params))
}

/// A keyring that is a symbolic link (or anything but a file) is refused:
/// the first save would replace the link by a file and leave the keys in
/// its target, where destroying a key no longer reaches.
fn refuse_a_link(path: &Path) -> Result<(), VaultError> {
    let meta =
        fs::symlink_metadata(path).map_err(|e| VaultError::io("read the keyring", path, e))?;
    if meta.file_type().is_symlink() || !meta.is_file() {
        return Err(VaultError::KeyringNotAFile(path.to_path_buf()));
    }
    Ok(())
}

/// The temporary name used while rewriting `path`.
pub fn temp_path(path: &Path) -> PathBuf {
    path.with_extension("tmp")
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), VaultError> {
    let tmp = temp_path(path);
    let result = (|| {
        // A leftover, or a link planted under this name, goes first; the
        // new file is then created, never opened through a link.
        match fs::remove_file(&tmp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(VaultError::io("write the keyring", &tmp, e));
            }
            _ => {}
        }
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts
            .open(&tmp)
            .map_err(|e| VaultError::io("write the keyring", &tmp, e))?;
        f.write_all(bytes)
            .and_then(|_| f.sync_all())
            .map_err(|e| VaultError::io("write the keyring", &tmp, e))?;
        fs::rename(&tmp, path).map_err(|e| VaultError::io("replace the keyring", path, e))?;
        if let Some(dir) = path.parent() {
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(|e| VaultError::io("sync the vault folder", dir, e))?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
