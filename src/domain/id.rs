//! Opaque random record ids: 16 lowercase hex characters (64 random bits).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Held inline (no allocation): ids are made and compared for every record
/// read, and most maps of the program are keyed by them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id([u8; Id::LEN]);

impl Id {
    pub const LEN: usize = 16;

    /// A fresh random id. Ids are not secrets, so a fast non-cryptographic
    /// generator seeded by the operating system is enough; callers that insert
    /// check for collisions.
    pub fn generate() -> Id {
        let text = format!("{:016x}", fastrand::u64(..));
        let mut bytes = [0u8; Id::LEN];
        bytes.copy_from_slice(text.as_bytes());
        Id(bytes)
    }

    /// Parses an id typed by a user or read from disk.
    pub fn parse(s: &str) -> Option<Id> {
        let bytes: [u8; Id::LEN] = s.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            .then_some(Id(bytes))
    }

    pub fn as_str(&self) -> &str {
        // Only `generate` and `parse` make ids, both of lowercase hex digits.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Id::parse(&text).ok_or_else(|| serde::de::Error::custom("not a record id"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse() {
        let id = Id::generate();
        assert_eq!(Id::parse(id.as_str()), Some(id.clone()));
        assert_eq!(Id::parse("xyz"), None);
        assert_eq!(Id::parse("ABCDEF0123456789"), None);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), id);
        assert!(serde_json::from_str::<Id>("\"nope\"").is_err());
    }
}
