//! Passphrase stretching: Argon2id with its parameters stored in the keyring
//! header, so a stronger setting can be chosen later without breaking vaults.

use super::crypto::{KEY_LEN, SecretKey};
use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

/// The KDF identifier stored in the keyring header.
pub const KDF_ARGON2ID: u8 = 1;
pub const SALT_LEN: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// The vault default: 64 MiB, 2 passes, 1 lane. OWASP's Password Storage
    /// Cheat Sheet asks for Argon2id with at least 19 MiB and 2 passes (or an
    /// equivalent trade such as 46 MiB and 1 pass); this is stronger than
    /// each of its options. About 80 ms on the development machine, so unlock
    /// stays under 0.5 s (`cargo run --release --example vault_bench`).
    pub const VAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 2,
        parallelism: 1,
    };

    /// For team-report passwords: OWASP's Argon2id minimum. The generated
    /// passwords carry 125 bits of entropy, so stretching matters only for
    /// passwords the coach chooses.
    pub const TEAM_REPORT: KdfParams = KdfParams {
        memory_kib: 19 * 1024,
        iterations: 2,
        parallelism: 1,
    };

    /// 1 MiB, 1 pass: far too weak for real data. Only for tests and for the
    /// benchmarks that do not measure key stretching, so that making and
    /// opening a vault costs a millisecond. Public (hidden) because the
    /// integration tests and examples link the library without `cfg(test)`.
    #[doc(hidden)]
    pub const FOR_TESTS: KdfParams = KdfParams {
        memory_kib: 1024,
        iterations: 1,
        parallelism: 1,
    };

    /// The most memory a keyring may ask for: 1 GiB, 16 times the default.
    pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;
    /// The most passes a keyring may ask for: 5 times the default.
    pub const MAX_ITERATIONS: u32 = 10;
    /// The most lanes a keyring may ask for (the default is 1).
    pub const MAX_PARALLELISM: u32 = 8;

    /// The parameters kluis writes and reads: the same bounds for both, so a
    /// keyring `init` made always opens, and a damaged header can cost at
    /// most about what those bounds allow (1 GiB, 10 passes), refused before
    /// any key derivation otherwise.
    pub fn is_sane(&self) -> bool {
        (8..=Self::MAX_MEMORY_KIB).contains(&self.memory_kib)
            && (1..=Self::MAX_ITERATIONS).contains(&self.iterations)
            && (1..=Self::MAX_PARALLELISM).contains(&self.parallelism)
            && self.memory_kib >= 8 * self.parallelism
    }

    /// Derives a 32-byte key; `None` only for parameters `is_sane` rejects.
    pub fn derive(&self, passphrase: &[u8], salt: &[u8]) -> Option<SecretKey> {
        if !self.is_sane() {
            return None;
        }
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_LEN),
        )
        .ok()?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        argon
            .hash_password_into(passphrase, salt, &mut out[..])
            .ok()?;
        Some(SecretKey::from_bytes(*out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bounds_are_1_gib_and_10_passes_and_hold_what_kluis_writes() {
        for p in [KdfParams::VAULT, KdfParams::TEAM_REPORT] {
            assert!(p.is_sane(), "{p:?}");
        }
        let most = KdfParams {
            memory_kib: 1024 * 1024,
            iterations: 10,
            parallelism: 8,
        };
        assert!(most.is_sane());
        for too_much in [
            KdfParams {
                memory_kib: 1024 * 1024 + 1,
                ..most
            },
            KdfParams {
                iterations: 11,
                ..most
            },
            KdfParams {
                parallelism: 9,
                ..most
            },
        ] {
            assert!(!too_much.is_sane(), "{too_much:?}");
            assert!(too_much.derive(b"x", &[0u8; SALT_LEN]).is_none());
        }
    }
}
