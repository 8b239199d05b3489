//! How hard a new vault passphrase is to guess, estimated with `zxcvbn`
//! (dictionary words, names, dates, keyboard rows, repeats and sequences,
//! not only length and character classes), in bits. Below `WEAK_BITS` the
//! UI and the CLI ask before they use it: the passphrase is all that stands
//! between a copied vault folder and its data.

use crate::i18n::ui::Text;

/// Guesses an attacker needs, as bits (log2).
const LOG2_10: f64 = std::f64::consts::LOG2_10;

/// Below this a passphrase is weak and needs a confirmation: zxcvbn's
/// 10^10 guesses (its score 3, "safely unguessable" against an offline
/// attack on a slow hash, which Argon2id is).
pub const WEAK_BITS: u32 = 34;

/// Above this a passphrase is called strong.
pub const STRONG_BITS: u32 = 50;

/// The estimated strength of `passphrase` in bits; 0 for an empty one.
pub fn bits(passphrase: &str) -> u32 {
    if passphrase.is_empty() {
        return 0;
    }
    let guesses_log10 = zxcvbn::zxcvbn(passphrase, &[]).guesses_log10();
    // invariant: a finite, non-negative number of bits far below u32::MAX;
    // `as` saturates anyway.
    (guesses_log10 * LOG2_10).max(0.0) as u32
}

/// The word for `bits` on the create screen.
pub fn word(bits: u32) -> Text {
    if bits < WEAK_BITS {
        Text::StrengthWeak
    } else if bits < STRONG_BITS {
        Text::StrengthFair
    } else {
        Text::StrengthStrong
    }
}

/// Whether `passphrase` needs a confirmation before it is used.
pub fn is_weak(passphrase: &str) -> bool {
    bits(passphrase) < WEAK_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_and_patterns_are_weak_and_long_sentences_are_not() {
        for weak in [
            "kort",
            "welkom01",
            "Zomer2026!",
            "qwertyuiop",
            "aaaaaaaaaaaa",
        ] {
            assert!(is_weak(weak), "{weak}: {} bits", bits(weak));
        }
        for strong in [
            "kraan fiets wolk tegel zon",
            "de fietsbel van oom Kees zingt in juni",
        ] {
            assert!(
                bits(strong) >= STRONG_BITS,
                "{strong}: {} bits",
                bits(strong)
            );
        }
        assert_eq!(bits(""), 0);
    }
}
