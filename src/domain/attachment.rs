//! Files held by a document or a team report (DESIGN.md §13.1), as plain
//! data. A file's bytes are stored encrypted beside the records, under its
//! own random key; the key lives here, inside the record that holds the file,
//! so it is sealed under that record's data key and destroyed with its
//! bucket key (DESIGN.md §7.4). A team report's file keeps its name, type,
//! checksum and inner key sealed under the report's password as well.

use super::id::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// The largest file that can be attached: 2 GiB.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// A file's 32-byte key, wiped from memory when dropped, never printed.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct FileKey([u8; 32]);

impl FileKey {
    pub fn from_bytes(bytes: [u8; 32]) -> FileKey {
        FileKey(bytes)
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for FileKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FileKey(…)")
    }
}

impl Serialize for FileKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut text = zeroize::Zeroizing::new([0u8; 64]);
        for (i, b) in self.0.iter().enumerate() {
            text[2 * i] = HEX[usize::from(b >> 4)];
            text[2 * i + 1] = HEX[usize::from(b & 15)];
        }
        // Only hex digits were written, so this is always UTF-8.
        s.serialize_str(std::str::from_utf8(&text[..]).unwrap_or_default())
    }
}

impl<'de> Deserialize<'de> for FileKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FileKey, D::Error> {
        let text = zeroize::Zeroizing::new(String::deserialize(d)?);
        let digit = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        let bytes = text.as_bytes();
        if bytes.len() != 64 {
            return Err(serde::de::Error::custom("not a file key"));
        }
        let mut key = [0u8; 32];
        for (i, pair) in bytes.chunks(2).enumerate() {
            match (digit(pair[0]), digit(pair[1])) {
                (Some(h), Some(l)) => key[i] = h << 4 | l,
                _ => {
                    key.zeroize();
                    return Err(serde::de::Error::custom("not a file key"));
                }
            }
        }
        Ok(FileKey(key))
    }
}

/// What kluis shows of a file: its name, size, type (detected from the
/// content), SHA-256 (hex) and the day it was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFacts {
    pub name: String,
    pub size: u64,
    pub sha256: String,
    pub media_type: String,
    pub added_on: NaiveDate,
}

/// A file of a document: its facts and the key of its stored bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Names the stored bytes; never shown.
    pub id: Id,
    #[serde(flatten)]
    pub facts: FileFacts,
    pub key: FileKey,
}

/// A file of a team report. Its stored bytes are sealed twice: under `key`
/// (here, so `kluis check` can verify them) and, inside that, under a key
/// kept in `sealed` with the file's facts, sealed under the report's
/// password. Only the size and the day it was added are readable without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedAttachment {
    pub id: Id,
    pub size: u64,
    pub added_on: NaiveDate,
    pub key: FileKey,
    /// Opaque (hex), produced and opened by `vault::team_seal`.
    pub sealed: String,
}

/// What a team report's password opens of one of its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedFacts {
    pub name: String,
    pub sha256: String,
    pub media_type: String,
    pub key: FileKey,
}

/// `name`, or why it cannot name a file: empty, or with a control
/// character (a name is shown on terminals and in lists).
pub fn valid_name(name: &str) -> bool {
    !name.trim().is_empty() && super::text::is_clean_line(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_round_trips_as_hex_and_never_prints() {
        let key = FileKey::from_bytes([0xab; 32]);
        let json = serde_json::to_string(&key).unwrap();
        assert_eq!(json, format!("\"{}\"", "ab".repeat(32)));
        assert_eq!(serde_json::from_str::<FileKey>(&json).unwrap(), key);
        assert_eq!(format!("{key:?}"), "FileKey(…)");
        assert!(serde_json::from_str::<FileKey>("\"zz\"").is_err());
        assert!(serde_json::from_str::<FileKey>(&format!("\"{}\"", "g".repeat(64))).is_err());
    }

    #[test]
    fn names_with_control_characters_are_not_names() {
        assert!(valid_name("eindrapport.pdf"));
        assert!(!valid_name("   "));
        assert!(!valid_name("rapport\u{1b}[31m.pdf"));
        assert!(!valid_name("twee\nregels.pdf"));
    }
}
