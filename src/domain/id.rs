//! Opaque random record ids: 16 lowercase hex characters (64 random bits).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub const LEN: usize = 16;

    /// A fresh random id. Ids are not secrets, so a fast non-cryptographic
    /// generator seeded by the operating system is enough; callers that insert
    /// check for collisions.
    pub fn generate() -> Id {
        Id(format!("{:016x}", fastrand::u64(..)))
    }

    /// Parses an id typed by a user or read from disk.
    pub fn parse(s: &str) -> Option<Id> {
        let ok = s.len() == Self::LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| Id(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse() {
        let id = Id::generate();
        assert_eq!(Id::parse(id.as_str()), Some(id));
        assert_eq!(Id::parse("xyz"), None);
        assert_eq!(Id::parse("ABCDEF0123456789"), None);
    }
}
