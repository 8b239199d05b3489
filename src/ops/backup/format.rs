//! The backup file's byte layout (docs/FORMAT.md §8): a header with the
//! vault's passphrase-wrapped root key and one sealed key per deletion
//! month, then sealed frames, numbered, ending in a frame that counts them.
//! Read and written one frame at a time, whatever the size of the files.

use crate::i18n::backup::Damage;
use crate::vault::backup_keys::WRAPPED_ROOT_LEN;
use crate::vault::crypto::{self, SEALED_KEY_LEN, SecretKey};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use zeroize::Zeroizing;

pub const MAGIC: &[u8; 8] = b"KLUISBAK";
pub const FORMAT: u8 = 1;
pub const ID_LEN: usize = 16;
/// A frame's sealed part is never longer: a file piece of 64 KiB and its
/// id, or one record (its JSON is far smaller).
pub const MAX_SEALED: usize = 16 * 1024 * 1024;
/// The bucket field of frames that belong to no month.
pub const NO_BUCKET: u32 = u32::MAX;

/// What a frame holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// The vault's own keys (the suppression hashes' key), under the backup key.
    Vault = b'V' as isize,
    /// One record, under its month's key.
    Record = b'R' as isize,
    /// A piece of a stored file, under the month's key of the record holding it.
    File = b'F' as isize,
    /// The last frame: how many came before, under the backup key.
    End = b'E' as isize,
}

impl Tag {
    fn from_byte(b: u8) -> Option<Tag> {
        [Tag::Vault, Tag::Record, Tag::File, Tag::End]
            .into_iter()
            .find(|t| *t as u8 == b)
    }
}

/// Why a backup cannot be read.
#[derive(Debug)]
pub enum ReadError {
    /// Reading the file failed (the operating system's words).
    Io(io::Error),
    /// Not a kluis backup, or one of a format this version does not read.
    NotABackup,
    /// The bytes are damaged, cut short, reordered or changed: what.
    Damaged(Damage),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            ReadError::Damaged(Damage::EndsEarly)
        } else {
            ReadError::Io(e)
        }
    }
}

/// The part of the header readable without the passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clear {
    pub backup_id: [u8; ID_LEN],
    /// RFC 3339, the program's clock when it was made.
    pub created: String,
    pub destroy_by: NaiveDate,
    pub wrapped_root: Vec<u8>,
    /// Bucket → its sealed key.
    pub slots: BTreeMap<u32, Vec<u8>>,
    /// The bytes the header's MAC covers: all before it but the sealed
    /// month keys.
    pub macced: Vec<u8>,
    pub mac: [u8; 32],
}

/// The key of one backup, from the vault's root key and the backup's id.
pub fn backup_key(root: &SecretKey, backup_id: &[u8; ID_LEN]) -> SecretKey {
    SecretKey::from_bytes(root.hmac(&[b"kluis backup v1", backup_id]))
}

fn slot_aad(backup_id: &[u8; ID_LEN], bucket: u32) -> Vec<u8> {
    [
        &b"kluis backup slot v1"[..],
        backup_id,
        &bucket.to_be_bytes(),
    ]
    .concat()
}

fn frame_aad(backup_id: &[u8; ID_LEN], tag: Tag, bucket: u32, index: u64) -> Vec<u8> {
    [
        &b"kluis backup frame v1"[..],
        backup_id,
        &[tag as u8],
        &bucket.to_be_bytes(),
        &index.to_be_bytes(),
    ]
    .concat()
}

const HEADER_MAC_LABEL: &[u8] = b"kluis backup header v1";

/// The header, written whole: the month keys are known before the frames.
pub fn header(
    backup_id: &[u8; ID_LEN],
    created: &str,
    destroy_by: NaiveDate,
    wrapped_root: &[u8],
    backup_key: &SecretKey,
    sections: &BTreeMap<u32, SecretKey>,
) -> Result<Vec<u8>, crate::vault::VaultError> {
    let mut h = Vec::new();
    h.extend_from_slice(MAGIC);
    h.push(FORMAT);
    h.extend_from_slice(backup_id);
    h.push(u8::try_from(created.len()).unwrap_or(u8::MAX));
    h.extend_from_slice(&created.as_bytes()[..created.len().min(255)]);
    h.extend_from_slice(destroy_by.format("%Y-%m-%d").to_string().as_bytes());
    h.extend_from_slice(wrapped_root);
    h.extend_from_slice(&(sections.len() as u32).to_be_bytes());
    // The MAC leaves out the sealed month keys (each authenticated by its
    // own seal), so a month can be shredded by overwriting its slot alone.
    let mut macced = h.clone();
    let aead = backup_key.aead();
    for (bucket, key) in sections {
        h.extend_from_slice(&bucket.to_be_bytes());
        macced.extend_from_slice(&bucket.to_be_bytes());
        h.extend_from_slice(&crypto::seal(
            &aead,
            &slot_aad(backup_id, *bucket),
            key.bytes(),
        )?);
    }
    let mac = backup_key.hmac(&[HEADER_MAC_LABEL, &macced]);
    h.extend_from_slice(&mac);
    Ok(h)
}

fn read_exact<const N: usize>(r: &mut dyn Read, into: &mut Vec<u8>) -> Result<[u8; N], ReadError> {
    let mut b = [0u8; N];
    r.read_exact(&mut b)?;
    into.extend_from_slice(&b);
    Ok(b)
}

/// Reads the header up to and with its MAC, without any key.
pub fn read_clear(r: &mut dyn Read) -> Result<Clear, ReadError> {
    let mut bytes = Vec::new();
    let magic: [u8; 8] = read_exact(r, &mut bytes).map_err(|_| ReadError::NotABackup)?;
    if &magic != MAGIC {
        return Err(ReadError::NotABackup);
    }
    let [format] = read_exact::<1>(r, &mut bytes)?;
    if format != FORMAT {
        return Err(ReadError::NotABackup);
    }
    let backup_id: [u8; ID_LEN] = read_exact(r, &mut bytes)?;
    let [created_len] = read_exact::<1>(r, &mut bytes)?;
    let mut created = vec![0u8; usize::from(created_len)];
    r.read_exact(&mut created)?;
    bytes.extend_from_slice(&created);
    let created = String::from_utf8(created).map_err(|_| ReadError::Damaged(Damage::Header))?;
    let destroy_by: [u8; 10] = read_exact(r, &mut bytes)?;
    let destroy_by = std::str::from_utf8(&destroy_by)
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .ok_or(ReadError::Damaged(Damage::Header))?;
    let mut wrapped_root = vec![0u8; WRAPPED_ROOT_LEN];
    r.read_exact(&mut wrapped_root)?;
    bytes.extend_from_slice(&wrapped_root);
    let n = u32::from_be_bytes(read_exact(r, &mut bytes)?);
    if n > 100_000 {
        return Err(ReadError::Damaged(Damage::Header));
    }
    let mut slots = BTreeMap::new();
    for _ in 0..n {
        let bucket = u32::from_be_bytes(read_exact(r, &mut bytes)?);
        let mut sealed = vec![0u8; SEALED_KEY_LEN];
        r.read_exact(&mut sealed)?;
        slots.insert(bucket, sealed);
    }
    let mut mac = [0u8; 32];
    r.read_exact(&mut mac)?;
    Ok(Clear {
        backup_id,
        created,
        destroy_by,
        wrapped_root,
        slots,
        macced: bytes,
        mac,
    })
}

/// Checks the header with the backup key and opens the month keys.
/// A month whose key was shredded (its sealed key overwritten with zeros)
/// is left out: its records and files do not open any more. Any other slot
/// that does not open is damage.
pub fn open_sections(
    clear: &Clear,
    backup_key: &SecretKey,
) -> Result<BTreeMap<u32, SecretKey>, ReadError> {
    if !backup_key.verify_hmac(&[HEADER_MAC_LABEL, &clear.macced], &clear.mac) {
        return Err(ReadError::Damaged(Damage::HeaderChanged));
    }
    let aead = backup_key.aead();
    let mut out = BTreeMap::new();
    for (bucket, sealed) in &clear.slots {
        if sealed.iter().all(|b| *b == 0) {
            continue;
        }
        let key = crypto::open_key(&aead, &slot_aad(&clear.backup_id, *bucket), sealed)
            .ok_or(ReadError::Damaged(Damage::MonthKey))?;
        out.insert(*bucket, key);
    }
    Ok(out)
}

/// Writes numbered sealed frames.
pub struct FrameWriter<'a, W: Write> {
    pub out: W,
    backup_id: [u8; ID_LEN],
    index: u64,
    backup_key: &'a SecretKey,
    sections: &'a BTreeMap<u32, SecretKey>,
}

impl<'a, W: Write> FrameWriter<'a, W> {
    pub fn new(
        out: W,
        backup_id: [u8; ID_LEN],
        backup_key: &'a SecretKey,
        sections: &'a BTreeMap<u32, SecretKey>,
    ) -> Self {
        FrameWriter {
            out,
            backup_id,
            index: 0,
            backup_key,
            sections,
        }
    }

    pub fn frames(&self) -> u64 {
        self.index
    }

    /// Seals `payload` under the backup key (`bucket` = [`NO_BUCKET`]) or
    /// the key of month `bucket`.
    pub fn write(&mut self, tag: Tag, bucket: u32, payload: &[u8]) -> Result<(), WriteError> {
        let key = if bucket == NO_BUCKET {
            self.backup_key
        } else {
            self.sections.get(&bucket).ok_or(WriteError::NoSection)?
        };
        let aad = frame_aad(&self.backup_id, tag, bucket, self.index);
        let sealed = crypto::seal(&key.aead(), &aad, payload).map_err(WriteError::Vault)?;
        let mut head = [0u8; 17];
        head[0] = tag as u8;
        head[1..5].copy_from_slice(&bucket.to_be_bytes());
        head[5..13].copy_from_slice(&self.index.to_be_bytes());
        head[13..17].copy_from_slice(&(sealed.len() as u32).to_be_bytes());
        self.out.write_all(&head).map_err(WriteError::Io)?;
        self.out.write_all(&sealed).map_err(WriteError::Io)?;
        self.index += 1;
        Ok(())
    }
}

#[derive(Debug)]
pub enum WriteError {
    Io(io::Error),
    Vault(crate::vault::VaultError),
    /// invariant: every bucket a frame names got a key in the header.
    NoSection,
}

/// One opened frame.
pub struct Frame {
    pub tag: Tag,
    pub bucket: u32,
    pub payload: Zeroizing<Vec<u8>>,
}

/// Reads and opens numbered frames; a frame out of order, changed, or sealed
/// under another key is damage.
pub struct FrameReader<'a, R: Read> {
    input: R,
    backup_id: [u8; ID_LEN],
    index: u64,
    backup_key: &'a SecretKey,
    sections: &'a BTreeMap<u32, SecretKey>,
    ended: bool,
}

/// What a frame whose month's key is gone (shredded) reads as.
pub enum Next {
    Frame(Frame),
    /// A frame of a month whose key is no longer in the header.
    Shredded {
        tag: Tag,
        bucket: u32,
    },
    End,
}

impl<'a, R: Read> FrameReader<'a, R> {
    pub fn new(
        input: R,
        backup_id: [u8; ID_LEN],
        backup_key: &'a SecretKey,
        sections: &'a BTreeMap<u32, SecretKey>,
    ) -> Self {
        FrameReader {
            input,
            backup_id,
            index: 0,
            backup_key,
            sections,
            ended: false,
        }
    }

    /// The next frame; after the end frame, checks that nothing follows and
    /// that it counted every frame before it.
    pub fn read_next(&mut self) -> Result<Next, ReadError> {
        if self.ended {
            return Ok(Next::End);
        }
        let mut head = [0u8; 17];
        self.input.read_exact(&mut head)?;
        let tag = Tag::from_byte(head[0]).ok_or(ReadError::Damaged(Damage::Frame))?;
        let bucket = u32::from_be_bytes([head[1], head[2], head[3], head[4]]);
        let mut index = [0u8; 8];
        index.copy_from_slice(&head[5..13]);
        if u64::from_be_bytes(index) != self.index {
            return Err(ReadError::Damaged(Damage::FrameOrder));
        }
        let len = u32::from_be_bytes([head[13], head[14], head[15], head[16]]) as usize;
        if len > MAX_SEALED {
            return Err(ReadError::Damaged(Damage::Frame));
        }
        let mut sealed = Zeroizing::new(vec![0u8; len]);
        self.input.read_exact(&mut sealed)?;
        let key = if bucket == NO_BUCKET {
            self.backup_key
        } else {
            match self.sections.get(&bucket) {
                Some(k) => k,
                None => {
                    self.index += 1;
                    return Ok(Next::Shredded { tag, bucket });
                }
            }
        };
        let aad = frame_aad(&self.backup_id, tag, bucket, self.index);
        let payload = crypto::open(&key.aead(), &aad, &sealed)
            .ok_or(ReadError::Damaged(Damage::FrameChanged))?;
        self.index += 1;
        if tag == Tag::End {
            let frames = payload
                .get(..8)
                .and_then(|b| b.try_into().ok())
                .map(u64::from_be_bytes);
            if frames != Some(self.index - 1) {
                return Err(ReadError::Damaged(Damage::FramesMissing));
            }
            let mut rest = [0u8; 1];
            if self.input.read(&mut rest)? != 0 {
                return Err(ReadError::Damaged(Damage::BytesAfterEnd));
            }
            self.ended = true;
            return Ok(Next::End);
        }
        Ok(Next::Frame(Frame {
            tag,
            bucket,
            payload,
        }))
    }
}
