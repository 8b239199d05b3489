//! Team reports are sealed under their own password (DESIGN.md §7.5): an
//! Argon2id key from the password and a per-report salt, AES-256-GCM. The
//! vault key never sees this key, so an unlocked vault does not open them.
//!
//! Sealed form (hex of): `format u8 | memory_kib u32 | iterations u32 |
//! parallelism u32 | salt [16] | nonce | ciphertext | tag`.

use super::crypto::{self, SecretKey};
use super::error::VaultError;
use super::kdf::{KdfParams, SALT_LEN};
use crate::domain::Id;
use zeroize::Zeroizing;

const FORMAT: u8 = 1;
const AAD: &[u8] = b"kluis team report v1";
const HEADER_LEN: usize = 1 + 12 + SALT_LEN;
/// The alphabet of generated passwords: 32 symbols without look-alikes
/// (no 0/o, 1/l), so each symbol carries 5 bits.
const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamSealError {
    #[error("wrong password for this team report")]
    WrongPassword,
    #[error("the sealed team report is damaged")]
    Damaged,
    #[error("the system random number generator failed")]
    Random,
}

/// A password of 25 symbols in five groups (`abcde-fghjk-...`): 125 bits.
pub fn generate_password() -> Result<Zeroizing<String>, VaultError> {
    let mut raw = Zeroizing::new([0u8; 25]);
    crypto::fill_random(&mut raw[..])?;
    let mut s = Zeroizing::new(String::with_capacity(29));
    for (i, b) in raw.iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            s.push('-');
        }
        // 256 is a multiple of 32, so `b % 32` is uniform.
        s.push(ALPHABET[(*b % 32) as usize] as char);
    }
    Ok(s)
}

/// Bits of entropy of a generated password.
pub const GENERATED_BITS: u32 = 125;

/// A rough estimate of the strength of a password the coach chose, in bits:
/// length times the log2 of the character classes used. Used to warn, not
/// to forbid.
pub fn estimate_bits(password: &str) -> u32 {
    let mut classes = 0u32;
    if password.chars().any(|c| c.is_ascii_lowercase()) {
        classes += 26;
    }
    if password.chars().any(|c| c.is_ascii_uppercase()) {
        classes += 26;
    }
    if password.chars().any(|c| c.is_ascii_digit()) {
        classes += 10;
    }
    if password.chars().any(|c| !c.is_ascii_alphanumeric()) {
        classes += 33;
    }
    if classes == 0 {
        return 0;
    }
    let per_char = (classes as f64).log2();
    (per_char * password.chars().count() as f64) as u32
}

pub fn seal(password: &str, body: &str) -> Result<String, TeamSealError> {
    seal_with(password, body, KdfParams::TEAM_REPORT)
}

pub fn seal_with(password: &str, body: &str, params: KdfParams) -> Result<String, TeamSealError> {
    let mut salt = [0u8; SALT_LEN];
    crypto::fill_random(&mut salt).map_err(|_| TeamSealError::Random)?;
    let key = params
        .derive(password.as_bytes(), &salt)
        .ok_or(TeamSealError::Damaged)?;
    let mut out = Vec::with_capacity(HEADER_LEN + body.len() + crypto::SEAL_OVERHEAD);
    out.push(FORMAT);
    out.extend_from_slice(&params.memory_kib.to_be_bytes());
    out.extend_from_slice(&params.iterations.to_be_bytes());
    out.extend_from_slice(&params.parallelism.to_be_bytes());
    out.extend_from_slice(&salt);
    let sealed =
        crypto::seal(&key.aead(), AAD, body.as_bytes()).map_err(|_| TeamSealError::Random)?;
    out.extend_from_slice(&sealed);
    Ok(to_hex(&out))
}

pub fn open(password: &str, sealed_hex: &str) -> Result<Zeroizing<String>, TeamSealError> {
    let (_, plain) = open_with_key(password, sealed_hex)?;
    let text = String::from_utf8(plain.to_vec()).map_err(|_| TeamSealError::Damaged)?;
    Ok(Zeroizing::new(text))
}

/// A password typed back the way a generated one reads: in any case, with
/// or without its dashes (or spaces between the groups). `Some` with the
/// generated form (`abcde-fghjk-…`) when the typed text has its shape: 25
/// symbols of the alphabet, which has one case and no dash.
pub fn as_generated(typed: &str) -> Option<Zeroizing<String>> {
    let symbols: Zeroizing<String> = Zeroizing::new(
        typed
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    );
    if symbols.len() != 25 || !symbols.bytes().all(|b| ALPHABET.contains(&b)) {
        return None;
    }
    let mut out = Zeroizing::new(String::with_capacity(29));
    for (i, c) in symbols.chars().enumerate() {
        if i > 0 && i % 5 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    Some(out)
}

/// The password key of a sealed body and the body, once the password opened
/// it: as typed, or else (a generated password typed back in another case
/// or without dashes) in the generated form.
fn open_with_key(
    password: &str,
    sealed_hex: &str,
) -> Result<(SecretKey, Zeroizing<Vec<u8>>), TeamSealError> {
    match open_exactly(password, sealed_hex) {
        Err(TeamSealError::WrongPassword) => match as_generated(password) {
            Some(generated) if generated.as_str() != password => {
                open_exactly(&generated, sealed_hex)
            }
            _ => Err(TeamSealError::WrongPassword),
        },
        opened => opened,
    }
}

fn open_exactly(
    password: &str,
    sealed_hex: &str,
) -> Result<(SecretKey, Zeroizing<Vec<u8>>), TeamSealError> {
    let bytes = from_hex(sealed_hex).ok_or(TeamSealError::Damaged)?;
    if bytes.len() < HEADER_LEN + crypto::SEAL_OVERHEAD || bytes[0] != FORMAT {
        return Err(TeamSealError::Damaged);
    }
    let n =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let params = KdfParams {
        memory_kib: n(1),
        iterations: n(5),
        parallelism: n(9),
    };
    let salt = &bytes[13..13 + SALT_LEN];
    let key = params
        .derive(password.as_bytes(), salt)
        .ok_or(TeamSealError::Damaged)?;
    let plain =
        crypto::open(&key.aead(), AAD, &bytes[HEADER_LEN..]).ok_or(TeamSealError::WrongPassword)?;
    Ok((key, plain))
}

/// The key that seals the facts of a team report's files (DESIGN.md
/// §13.1): derived from the report's password key, once the password has
/// opened the report's body, so a wrong password is told as such.
pub fn files_key(password: &str, sealed_body_hex: &str) -> Result<SecretKey, TeamSealError> {
    let (key, _) = open_with_key(password, sealed_body_hex)?;
    Ok(key.derive(b"kluis team report files"))
}

/// Binds a file's sealed facts to the file.
fn facts_aad(file: &Id) -> Vec<u8> {
    [
        b"kluis team report file v1/".as_slice(),
        file.as_str().as_bytes(),
    ]
    .concat()
}

/// Seals the facts of file `file` (its name, type, checksum and inner key,
/// as JSON) under a report's `files_key` (hex).
pub fn seal_facts(files_key: &SecretKey, file: &Id, facts: &[u8]) -> Result<String, TeamSealError> {
    crypto::seal(&files_key.aead(), &facts_aad(file), facts)
        .map(|s| to_hex(&s))
        .map_err(|_| TeamSealError::Random)
}

/// Opens what `seal_facts` made.
pub fn open_facts(
    files_key: &SecretKey,
    file: &Id,
    sealed_hex: &str,
) -> Result<Zeroizing<Vec<u8>>, TeamSealError> {
    let bytes = from_hex(sealed_hex).ok_or(TeamSealError::Damaged)?;
    crypto::open(&files_key.aead(), &facts_aad(file), &bytes).ok_or(TeamSealError::Damaged)
}

pub fn to_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

pub fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    s.as_bytes()
        .chunks(2)
        .map(|p| Some(digit(p[0])? << 4 | digit(p[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_only_with_its_own_password() {
        let sealed = seal_with(
            "correct horse",
            "Teamadvies: vertrouwen herstellen",
            KdfParams::FOR_TESTS,
        )
        .unwrap();
        assert_eq!(
            &open("correct horse", &sealed).unwrap()[..],
            "Teamadvies: vertrouwen herstellen"
        );
        assert_eq!(open("wrong", &sealed), Err(TeamSealError::WrongPassword));
        assert!(!sealed.contains("vertrouwen"));
    }

    #[test]
    fn file_facts_open_only_with_the_reports_password() {
        let sealed = seal_with("correct horse", "body", KdfParams::FOR_TESTS).unwrap();
        let file = Id::parse("00112233445566ff").unwrap();
        let key = files_key("correct horse", &sealed).unwrap();
        let facts = seal_facts(&key, &file, b"{\"name\":\"advies.pdf\"}").unwrap();
        assert!(!facts.contains("advies"));
        let again = files_key("correct horse", &sealed).unwrap();
        assert_eq!(
            &open_facts(&again, &file, &facts).unwrap()[..],
            b"{\"name\":\"advies.pdf\"}"
        );
        assert_eq!(
            files_key("wrong", &sealed).err(),
            Some(TeamSealError::WrongPassword)
        );
        let other = Id::parse("00112233445566fe").unwrap();
        assert_eq!(
            open_facts(&again, &other, &facts).err(),
            Some(TeamSealError::Damaged)
        );
    }

    #[test]
    fn damaged_seal_is_reported_not_panicking() {
        assert_eq!(open("x", "zz"), Err(TeamSealError::Damaged));
        assert_eq!(open("x", "01"), Err(TeamSealError::Damaged));
        let mut sealed = seal_with("pw", "body", KdfParams::FOR_TESTS).unwrap();
        sealed.truncate(sealed.len() - 2);
        assert!(open("pw", &sealed).is_err());
    }

    #[test]
    fn generated_passwords_have_125_bits_in_typeable_groups() {
        let p = generate_password().unwrap();
        assert_eq!(p.len(), 29);
        assert_eq!(p.split('-').count(), 5);
        assert!(p.split('-').all(|g| g.len() == 5));
        assert_ne!(*generate_password().unwrap(), *p);
        const { assert!(GENERATED_BITS >= 100) };
    }

    #[test]
    fn a_generated_password_opens_in_any_case_with_or_without_dashes() {
        let p = generate_password().unwrap();
        let sealed = seal_with(&p, "rapport", KdfParams::FOR_TESTS).unwrap();
        let shouted: String = p.to_uppercase().replace('-', "");
        assert_eq!(open(&shouted, &sealed).unwrap().as_str(), "rapport");
        let spaced = p.replace('-', " ");
        assert_eq!(open(&spaced, &sealed).unwrap().as_str(), "rapport");
        assert_eq!(
            open(&shouted[1..], &sealed),
            Err(TeamSealError::WrongPassword)
        );
        // A password the coach chose stays exact.
        let own = seal_with("Kraan-Fiets-Wolk", "x", KdfParams::FOR_TESTS).unwrap();
        assert_eq!(
            open("kraan-fiets-wolk", &own),
            Err(TeamSealError::WrongPassword)
        );
        assert_eq!(as_generated("abcde"), None);
    }

    #[test]
    fn weak_passwords_estimate_low() {
        assert!(estimate_bits("welkom") < 40);
        assert!(estimate_bits("Zomer2026!") < 80);
        assert!(estimate_bits("kraan-Fiets-7-wolk-Tegel-zon") >= 100);
    }
}
