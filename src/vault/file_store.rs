//! The bytes of attached files (DESIGN.md §13.1), beside sled in
//! `db/files/`: one file per attached file, named by its id, holding its
//! chunks back to back. sled keeps every value it writes in memory until it
//! is reopened, so a file of gigabytes cannot go through it; this store
//! reads and writes one chunk at a time whatever the size.
//!
//! Each chunk of at most `CHUNK_LEN` bytes is sealed (AES-256-GCM) under the
//! file's own random key, with a nonce made of its index and a last-chunk
//! flag and associated data naming the file's id, as in age's STREAM: a
//! reordered, dropped, repeated, truncated or extended chunk does not open.
//! A team report's file is sealed twice (an inner key that only its password
//! opens, an outer one that `kluis check` can verify with).
//!
//! The keys live in the record that holds the file, sealed under that
//! record's data key, which its bucket key wraps: destroying the bucket key
//! destroys the file, in every copy of the folder (DESIGN.md §7.4).
//!
//! A file is written as `<id>.part`, synced, and renamed to `<id>` before
//! the record that names it is committed; it is removed after the record
//! that named it is. A file no record names (a crash between the two) holds
//! nothing anyone can read, and a writable session removes it on open.

use super::error::VaultError;
use super::{DB_DIR, Vault};
use crate::domain::Id;
use crate::domain::attachment::FileKey;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, Tag, UnboundKey};
use ring::digest;
use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use zeroize::Zeroizing;

/// Plaintext bytes per chunk (the last one may be shorter).
pub const CHUNK_LEN: usize = 64 * 1024;
/// The folder of file bytes inside `db/`.
pub const FILES_DIR: &str = "files";
const TAG_LEN: usize = 16;
/// Room kept free beside a file: the record change that names it, sled's
/// own growth.
const ROOM_MARGIN: u64 = 16 * 1024 * 1024;

/// The keys of a file's chunks, outermost first: one for a document's file,
/// two for a team report's (`[outer, inner]`). To verify without opening
/// fully, give only the outer ones: `layers` says how many there are.
pub struct Sealing<'a> {
    pub layers: usize,
    pub keys: &'a [&'a FileKey],
}

/// What storing a file found out while it streamed.
pub struct Stored {
    pub size: u64,
    pub sha256: [u8; 32],
    /// Its first chunk, for detecting the type from the content.
    pub head: Zeroizing<Vec<u8>>,
}

/// Why a file could not be stored or read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Reading the file to add failed (the operating system's kind of error).
    #[error("the file to add could not be read")]
    Source(ErrorKind),
    #[error("the file is larger than the limit of 2 GiB")]
    TooLarge,
    /// The stored bytes are damaged: which chunk (from 0) and what is wrong.
    #[error("chunk {chunk} {problem}")]
    Damaged { chunk: u64, problem: &'static str },
    /// Writing the decrypted bytes failed.
    #[error("writing the file failed: {0}")]
    Output(std::io::Error),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// The number of chunks of a file of `size` bytes: an empty file has one.
pub fn chunk_count(size: u64) -> u64 {
    size.div_ceil(CHUNK_LEN as u64).max(1)
}

/// The length of the stored form of a file of `size` bytes.
pub fn stored_len(size: u64, layers: usize) -> u64 {
    size + chunk_count(size) * (TAG_LEN * layers) as u64
}

fn nonce(index: u64, last: bool) -> Nonce {
    let mut n = [0u8; 12];
    n[..8].copy_from_slice(&index.to_be_bytes());
    n[11] = u8::from(last);
    Nonce::assume_unique_for_key(n)
}

/// Binds a chunk to its file and to the layer it is sealed in.
fn aad(id: &Id, layer: usize) -> [u8; 32] {
    let mut a = [0u8; 32];
    a[..14].copy_from_slice(b"kluis file v1/");
    a[14..30].copy_from_slice(id.as_str().as_bytes());
    a[30] = b'/';
    a[31] = u8::try_from(layer).unwrap_or(u8::MAX);
    a
}

#[expect(
    clippy::expect_used,
    reason = "a file key is 32 bytes, as AES-256 takes"
)]
fn aead(key: &FileKey) -> LessSafeKey {
    // invariant: a FileKey is exactly 32 bytes, the length AES-256-GCM takes.
    LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key.bytes()).expect("32-byte AES key"))
}

/// Reads until `buf` is full or the source ends; the number of bytes read.
fn read_full(src: &mut dyn Read, buf: &mut [u8]) -> Result<usize, FileError> {
    let mut n = 0;
    while n < buf.len() {
        match src.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(FileError::Source(e.kind())),
        }
    }
    Ok(n)
}

fn write_failed(path: &Path, e: std::io::Error) -> FileError {
    FileError::Vault(VaultError::io("write", path, e))
}

impl Vault {
    fn files_dir(&self) -> PathBuf {
        self.dir.join(DB_DIR).join(FILES_DIR)
    }

    fn file_path(&self, id: &Id) -> PathBuf {
        self.files_dir().join(id.as_str())
    }

    /// Encrypts `source` into the store as the file `id`, one chunk at a
    /// time, refusing more than `limit` bytes. Nothing names it yet: commit
    /// the record that holds it next, or `remove_files` it.
    pub fn store_file(
        &self,
        id: &Id,
        sealing: &Sealing,
        source: &mut (dyn Read + Send),
        expected_size: u64,
        limit: u64,
    ) -> Result<Stored, FileError> {
        self.check_not_read_only()?;
        if expected_size > limit {
            return Err(FileError::TooLarge);
        }
        let dir = self.files_dir();
        super::create_private_dir(&dir)?;
        let needed = stored_len(expected_size, sealing.layers) + ROOM_MARGIN;
        if fs2::available_space(&dir).is_ok_and(|free| free < needed) {
            return Err(VaultError::DiskFull.into());
        }
        let part = dir.join(format!("{id}.part"));
        let result = self.write_chunks(id, sealing, source, limit, &part);
        match result {
            Ok(stored) => {
                let target = self.file_path(id);
                fs::rename(&part, &target).map_err(|e| write_failed(&target, e))?;
                sync_dir(&dir);
                Ok(stored)
            }
            Err(e) => {
                let _ = fs::remove_file(&part);
                Err(e)
            }
        }
    }

    fn write_chunks(
        &self,
        id: &Id,
        sealing: &Sealing,
        source: &mut (dyn Read + Send),
        limit: u64,
        part: &Path,
    ) -> Result<Stored, FileError> {
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut file = opts.open(part).map_err(|e| write_failed(part, e))?;
        // Two threads, so that on two cores an add costs about what sealing
        // and writing cost: a reader reads the chunks and hashes them, this
        // thread seals them in place and writes them. The buffers go round
        // between the two (never copied) and are zeroed when dropped.
        let room = TAG_LEN * sealing.layers;
        std::thread::scope(|scope| {
            let (full, chunks) = mpsc::sync_channel::<Chunk>(BUFFERS);
            let (give_back, empty) = mpsc::sync_channel::<Buffer>(BUFFERS);
            for _ in 0..BUFFERS {
                // invariant: the channel has room for every buffer.
                let _ = give_back.send(Zeroizing::new(vec![0u8; CHUNK_LEN + room]));
            }
            let reader = scope.spawn(move || read_chunks(source, limit, &empty, &full));
            let sealed = seal_chunks(id, sealing, &chunks, &give_back, &mut file, part);
            // Either side stopping ends the other: its channel is gone.
            drop((chunks, give_back));
            let read = reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let (size, sha, head) = read?;
            sealed?;
            file.sync_all().map_err(|e| write_failed(part, e))?;
            let mut sha256 = [0u8; 32];
            sha256.copy_from_slice(sha.as_ref());
            Ok(Stored { size, sha256, head })
        })
    }

    /// Decrypts the file `id` of `size` bytes into `out`, chunk by chunk.
    /// The tags are the proof that the bytes are those stored: no SHA-256
    /// of them here (it would cost as much again as the decryption; `kluis
    /// check` gives `out` a writer that computes it). A damaged chunk stops it:
    /// `out` may then hold the chunks before it, so a caller writing to a
    /// file writes elsewhere first (see `ops::files`). With fewer keys than
    /// layers, only the outer layers are verified and nothing is written.
    pub fn read_file(
        &self,
        id: &Id,
        sealing: &Sealing,
        size: u64,
        out: &mut dyn Write,
    ) -> Result<(), FileError> {
        let path = self.file_path(id);
        let mut file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(FileError::Damaged {
                    chunk: 0,
                    problem: "is missing: the stored file is gone",
                });
            }
            Err(e) => return Err(VaultError::io("read", &path, e).into()),
        };
        let room = TAG_LEN * sealing.layers;
        let count = chunk_count(size);
        let stored = file
            .seek(SeekFrom::End(0))
            .and_then(|end| file.seek(SeekFrom::Start(0)).map(|_| end))
            .map_err(|e| VaultError::io("read", &path, e))?;
        let expected = stored_len(size, sealing.layers);
        if stored < expected {
            let whole = stored / (CHUNK_LEN + room) as u64;
            return Err(FileError::Damaged {
                chunk: whole.min(count - 1),
                problem: "is missing or cut short: the stored file ends early",
            });
        }
        if stored > expected {
            return Err(FileError::Damaged {
                chunk: count,
                problem: "should not exist: the stored file was extended",
            });
        }
        let keys: Vec<LessSafeKey> = sealing.keys.iter().map(|k| aead(k)).collect();
        let opens_fully = keys.len() == sealing.layers;
        let mut buf = Zeroizing::new(vec![0u8; CHUNK_LEN + room]);
        for index in 0..count {
            let last = index + 1 == count;
            let plain = if last {
                (size - index * CHUNK_LEN as u64) as usize
            } else {
                CHUNK_LEN
            };
            let mut len = plain + room;
            let got = read_full(&mut file, &mut buf[..len]).map_err(|_| FileError::Damaged {
                chunk: index,
                problem: "cannot be read from the disk",
            })?;
            if got != len {
                return Err(FileError::Damaged {
                    chunk: index,
                    problem: "is missing or cut short: the stored file ends early",
                });
            }
            for (layer, key) in keys.iter().enumerate() {
                let (body, tag) = buf[..len].split_at_mut(len - TAG_LEN);
                let tag = Tag::try_from(&*tag).map_err(|_| VaultError::Random)?;
                key.open_in_place_separate_tag(
                    nonce(index, last),
                    Aad::from(aad(id, layer)),
                    tag,
                    body,
                    0..,
                )
                .map_err(|_| FileError::Damaged {
                    chunk: index,
                    problem: "does not decrypt: changed, moved, repeated or damaged",
                })?;
                len -= TAG_LEN;
            }
            if opens_fully {
                out.write_all(&buf[..len]).map_err(FileError::Output)?;
            }
        }
        Ok(())
    }

    /// Removes the stored bytes of files no record names any more (after the
    /// change that dropped them committed). Best effort: a file left behind
    /// holds nothing readable, and the next writable open removes it.
    pub fn remove_files<'a>(&self, ids: impl IntoIterator<Item = &'a Id>) {
        if self.read_only.is_some() {
            return;
        }
        let mut any = false;
        for id in ids {
            any |= fs::remove_file(self.file_path(id)).is_ok();
        }
        if any {
            sync_dir(&self.files_dir());
        }
    }

    /// Removes every stored file that is not in `named` (and every `.part`
    /// left by an add that was interrupted). Only in a writable vault.
    /// `named` must hold every file of every record, so a caller that
    /// could not read every record passes `None`: then only `.part` files go.
    pub fn remove_unnamed_files(&self, named: Option<&BTreeSet<Id>>) {
        if self.read_only.is_some() {
            return;
        }
        let Ok(entries) = fs::read_dir(self.files_dir()) else {
            return;
        };
        let mut any = false;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let unnamed = match name.strip_suffix(".part") {
                Some(_) => true,
                None => named.is_some_and(|n| Id::parse(&name).is_none_or(|id| !n.contains(&id))),
            };
            if unnamed && entry.file_type().is_ok_and(|t| t.is_file()) {
                any |= fs::remove_file(entry.path()).is_ok();
            }
        }
        if any {
            sync_dir(&self.files_dir());
        }
    }
}

/// Makes a rename or removal in `dir` durable. Best effort: the data is
/// synced already; at worst a crash brings back a name that a later open
/// sorts out.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A chunk buffer: `CHUNK_LEN` bytes and room for the tags.
type Buffer = Zeroizing<Vec<u8>>;

/// A chunk read: its buffer, how many bytes of it are the file's, and
/// whether it is the last.
type Chunk = (Buffer, usize, bool);

/// How many chunk buffers go round between reading and sealing.
const BUFFERS: usize = 6;

/// Reads `source` into the buffers `empty` gives and hands each chunk to
/// `full`, hashing it on the way; one chunk read ahead tells whether a chunk
/// is the last (an empty file is one empty chunk). The size, the SHA-256
/// and the first chunk (for the type). Ends early, with what it has, when
/// the sealing side has stopped (its error is the one that counts).
fn read_chunks(
    source: &mut (dyn Read + Send),
    limit: u64,
    empty: &mpsc::Receiver<Buffer>,
    full: &mpsc::SyncSender<Chunk>,
) -> Result<(u64, digest::Digest, Buffer), FileError> {
    let mut sha = digest::Context::new(&digest::SHA256);
    let mut head = Zeroizing::new(Vec::new());
    let mut size = 0u64;
    let Ok(mut cur) = empty.recv() else {
        return Ok((size, sha.finish(), head));
    };
    let mut n = read_full(source, &mut cur[..CHUNK_LEN])?;
    let mut first = true;
    loop {
        let (next, m) = if n == CHUNK_LEN {
            let Ok(mut next) = empty.recv() else {
                break;
            };
            let m = read_full(source, &mut next[..CHUNK_LEN])?;
            (Some(next), m)
        } else {
            (None, 0)
        };
        let last = m == 0;
        size += n as u64;
        if size > limit {
            return Err(FileError::TooLarge);
        }
        sha.update(&cur[..n]);
        if first {
            head.extend_from_slice(&cur[..n]);
            first = false;
        }
        if full.send((cur, n, last)).is_err() {
            break;
        }
        match next {
            Some(next) if !last => {
                cur = next;
                n = m;
            }
            _ => break,
        }
    }
    Ok((size, sha.finish(), head))
}

/// Seals each chunk `chunks` brings under every key of `sealing`, in place,
/// writes it to `file` and gives its buffer back. Done when the last chunk
/// is written; chunks ending before it (the reader failed) are the
/// reader's error to tell.
fn seal_chunks(
    id: &Id,
    sealing: &Sealing,
    chunks: &mpsc::Receiver<Chunk>,
    give_back: &mpsc::SyncSender<Buffer>,
    file: &mut fs::File,
    part: &Path,
) -> Result<(), FileError> {
    let keys: Vec<LessSafeKey> = sealing.keys.iter().map(|k| aead(k)).collect();
    for (index, (mut buf, n, last)) in (0u64..).zip(chunks.iter()) {
        let mut len = n;
        // Innermost first: the last key listed seals first.
        for (layer, key) in keys.iter().enumerate().rev() {
            let tag = key
                .seal_in_place_separate_tag(
                    nonce(index, last),
                    Aad::from(aad(id, layer)),
                    &mut buf[..len],
                )
                .map_err(|_| VaultError::Random)?;
            buf[len..len + TAG_LEN].copy_from_slice(tag.as_ref());
            len += TAG_LEN;
        }
        file.write_all(&buf[..len])
            .map_err(|e| write_failed(part, e))?;
        if last {
            return Ok(());
        }
        // The reader may have ended already: then the buffer just goes.
        let _ = give_back.send(buf);
    }
    Ok(())
}
