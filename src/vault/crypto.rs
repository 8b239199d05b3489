//! The cryptographic primitives, all from ring: AES-256-GCM with a fresh
//! random nonce per seal, HKDF-SHA256 and HMAC-SHA256.

use super::error::VaultError;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{hkdf, hmac};
use zeroize::{Zeroize, Zeroizing};

pub const KEY_LEN: usize = 32;
pub const TAG_LEN: usize = 16;
/// Bytes a seal adds to its plaintext: nonce and tag.
pub const SEAL_OVERHEAD: usize = NONCE_LEN + TAG_LEN;
/// Length of a sealed key.
pub const SEALED_KEY_LEN: usize = KEY_LEN + SEAL_OVERHEAD;

/// 32 secret bytes, wiped from memory when dropped.
#[derive(Clone)]
pub struct SecretKey(Zeroizing<[u8; KEY_LEN]>);

impl SecretKey {
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> SecretKey {
        SecretKey(Zeroizing::new(bytes))
    }

    pub fn from_slice(bytes: &[u8]) -> Option<SecretKey> {
        let arr: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(SecretKey::from_bytes(arr))
    }

    pub fn random() -> Result<SecretKey, VaultError> {
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(&mut k[..])?;
        Ok(SecretKey(k))
    }

    pub fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The AES-256-GCM key. ring keeps its own expanded copy, which it does
    /// not wipe; we keep these only while the vault is unlocked.
    #[expect(clippy::expect_used, reason = "the key is 32 bytes, as AES-256 takes")]
    pub fn aead(&self) -> LessSafeKey {
        // invariant: the key is exactly 32 bytes, the length AES-256-GCM takes.
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &self.0[..]).expect("32-byte AES key"))
    }

    /// A key derived for one purpose (HKDF-SHA256 with `info`).
    #[expect(clippy::expect_used, reason = "32 bytes is within HKDF-SHA256's limit")]
    pub fn derive(&self, info: &'static [u8]) -> SecretKey {
        let salt = hkdf::Salt::new(hkdf::HKDF_SHA256, b"kluis v1");
        let prk = salt.extract(&self.0[..]);
        let infos = [info];
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        // invariant: 32 bytes is far below HKDF-SHA256's limit of 255 * 32.
        prk.expand(&infos, HkdfLen)
            .and_then(|okm| okm.fill(&mut out[..]))
            .expect("HKDF output of 32 bytes");
        SecretKey(out)
    }

    pub fn hmac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &self.0[..]);
        let mut ctx = hmac::Context::with_key(&key);
        for p in parts {
            ctx.update(p);
        }
        let tag = ctx.sign();
        let mut out = [0u8; 32];
        out.copy_from_slice(tag.as_ref());
        out
    }
}

impl SecretKey {
    /// Constant-time check of an HMAC made by `hmac` over the same parts.
    pub fn verify_hmac(&self, parts: &[&[u8]], tag: &[u8]) -> bool {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &self.0[..]);
        hmac::verify(&key, &parts.concat(), tag).is_ok()
    }
}

struct HkdfLen;
impl hkdf::KeyType for HkdfLen {
    fn len(&self) -> usize {
        KEY_LEN
    }
}

pub fn fill_random(buf: &mut [u8]) -> Result<(), VaultError> {
    SystemRandom::new()
        .fill(buf)
        .map_err(|_| VaultError::Random)
}

/// Random bytes from the operating system drawn a few kilobytes at a time,
/// for a change that seals thousands of values: a change seals three times
/// per record (its data key, its nonce, the nonce of the key's wrapping),
/// and a system call for each cost more than the sealing itself. Each byte
/// is handed out once and wiped from the pool as it goes; the rest is wiped
/// when the pool is dropped.
pub struct RandomPool {
    bytes: Zeroizing<[u8; POOL_LEN]>,
    used: usize,
}

const POOL_LEN: usize = 4096;

impl Default for RandomPool {
    fn default() -> RandomPool {
        // Empty: the first draw fills it, so a pool that is not used costs
        // no system call.
        RandomPool {
            bytes: Zeroizing::new([0u8; POOL_LEN]),
            used: POOL_LEN,
        }
    }
}

impl RandomPool {
    pub fn fill(&mut self, out: &mut [u8]) -> Result<(), VaultError> {
        if out.len() > POOL_LEN {
            return fill_random(out);
        }
        if POOL_LEN - self.used < out.len() {
            fill_random(&mut self.bytes[..])?;
            self.used = 0;
        }
        let drawn = &mut self.bytes[self.used..self.used + out.len()];
        out.copy_from_slice(drawn);
        drawn.zeroize();
        self.used += out.len();
        Ok(())
    }

    pub fn key(&mut self) -> Result<SecretKey, VaultError> {
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        self.fill(&mut k[..])?;
        Ok(SecretKey(k))
    }
}

/// Seals `plaintext` as `nonce || ciphertext || tag`, bound to `aad`.
pub fn seal(key: &LessSafeKey, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, VaultError> {
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut nonce)?;
    seal_with_nonce(nonce, key, aad, plaintext)
}

/// [`seal`] with its nonce from `pool`.
pub fn seal_from(
    pool: &mut RandomPool,
    key: &LessSafeKey,
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, VaultError> {
    let mut nonce = [0u8; NONCE_LEN];
    pool.fill(&mut nonce)?;
    seal_with_nonce(nonce, key, aad, plaintext)
}

fn seal_with_nonce(
    nonce: [u8; NONCE_LEN],
    key: &LessSafeKey,
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, VaultError> {
    let mut out = Vec::with_capacity(plaintext.len() + SEAL_OVERHEAD);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(plaintext);
    let tag = key
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            &mut out[NONCE_LEN..],
        )
        .map_err(|_| VaultError::Random)?;
    out.extend_from_slice(tag.as_ref());
    Ok(out)
}

/// Opens what `seal` made; `None` when the key, the associated data or any
/// byte is wrong.
pub fn open(key: &LessSafeKey, aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if sealed.len() < SEAL_OVERHEAD {
        return None;
    }
    let (nonce, rest) = sealed.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    let mut buf = Zeroizing::new(rest.to_vec());
    let len = key
        .open_in_place(nonce, Aad::from(aad), &mut buf[..])
        .ok()?
        .len();
    buf.truncate(len);
    Some(buf)
}

/// Opens a sealed key.
pub fn open_key(key: &LessSafeKey, aad: &[u8], sealed: &[u8]) -> Option<SecretKey> {
    if sealed.len() != SEALED_KEY_LEN {
        return None;
    }
    let (nonce, rest) = sealed.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    // Decrypted in a buffer on the stack that is wiped when dropped.
    let mut buf = Zeroizing::new([0u8; KEY_LEN + TAG_LEN]);
    buf.copy_from_slice(rest);
    let plain = key
        .open_in_place(nonce, Aad::from(aad), &mut buf[..])
        .ok()?;
    SecretKey::from_slice(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip_and_tamper() {
        let k = SecretKey::random().unwrap().aead();
        let s = seal(&k, b"aad", b"hello").unwrap();
        assert_eq!(&open(&k, b"aad", &s).unwrap()[..], b"hello");
        assert!(open(&k, b"other", &s).is_none());
        for i in 0..s.len() {
            let mut t = s.clone();
            t[i] ^= 1;
            assert!(open(&k, b"aad", &t).is_none(), "flip at {i}");
        }
        let other = SecretKey::random().unwrap().aead();
        assert!(open(&other, b"aad", &s).is_none());
    }

    #[test]
    fn a_pool_hands_out_each_random_byte_once_and_keeps_none() {
        let mut pool = RandomPool::default();
        // Nonces across several refills of the pool: no two alike, and each
        // seal opens.
        let k = SecretKey::random().unwrap().aead();
        let mut nonces = std::collections::HashSet::new();
        for i in 0..3 * POOL_LEN / NONCE_LEN {
            let sealed = seal_from(&mut pool, &k, b"aad", b"hello").unwrap();
            assert_eq!(&open(&k, b"aad", &sealed).unwrap()[..], b"hello");
            assert!(
                nonces.insert(sealed[..NONCE_LEN].to_vec()),
                "nonce {i} again"
            );
        }
        let a = pool.key().unwrap();
        let b = pool.key().unwrap();
        assert_ne!(a.bytes(), b.bytes());
        // What was handed out is no longer in the pool.
        let held = &pool.bytes[..pool.used];
        assert!(held.iter().all(|b| *b == 0));
        // A draw larger than the pool comes straight from the system.
        let mut big = vec![0u8; POOL_LEN + 1];
        pool.fill(&mut big).unwrap();
        assert!(big.iter().any(|b| *b != 0));
    }

    #[test]
    fn derived_keys_differ_by_purpose() {
        let root = SecretKey::random().unwrap();
        assert_ne!(root.derive(b"a").bytes(), root.derive(b"b").bytes());
        assert_eq!(root.derive(b"a").bytes(), root.derive(b"a").bytes());
    }
}
