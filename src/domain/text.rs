//! Stored text and the characters that must never reach a terminal as they
//! are: C0 controls (CR, LF, ESC and the rest), DEL, C1 controls and the
//! bidirectional embeddings, overrides and isolates. They can move the
//! cursor, forge lines, retitle a window or turn text around. On output they
//! are shown escaped (`\u{1b}`); on input a single-line field (a name, an
//! address, a title) refuses them, and a multi-line field (a document body, a
//! message) keeps only its line breaks and tabs.

use std::borrow::Cow;
use std::fmt::Write;

/// A character that controls a terminal instead of showing as text.
pub fn is_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069: marks, embeddings,
/// overrides and isolates of the Unicode bidirectional algorithm.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A single-line field as shown on a terminal: every control character
/// escaped, so a stored CR/LF cannot forge a line and ESC starts nothing.
pub fn escaped(s: &str) -> Cow<'_, str> {
    escape(s, |_, _| false)
}

/// A multi-line text (a document, a Markdown export) as shown on a terminal:
/// line breaks (LF or CR LF) and tabs stay, every other control character is
/// escaped.
pub fn escaped_text(s: &str) -> Cow<'_, str> {
    escape(s, |c, next| {
        c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'))
    })
}

/// Escapes every control character for which `keep(c, next)` is false.
fn escape(s: &str, keep: impl Fn(char, Option<char>) -> bool) -> Cow<'_, str> {
    let kept = |(c, next): (char, Option<char>)| !is_control(c) || keep(c, next);
    let pairs = || s.chars().zip(s.chars().skip(1).map(Some).chain([None]));
    if pairs().all(kept) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (c, next) in pairs() {
        match c {
            _ if kept((c, next)) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // invariant: writing into a String cannot fail.
            _ => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

/// Whether `s` may be stored in a single-line field: no control character
/// at all.
pub fn is_clean_line(s: &str) -> bool {
    is_clean(s, false)
}

/// Whether `s` may be stored in a multi-line field: line breaks (LF, or CR
/// LF as a Windows file writes them) and tabs, no other control character.
pub fn is_clean_text(s: &str) -> bool {
    is_clean(s, true)
}

/// The input rule, read byte by byte because an import checks every body
/// in the file: C0 controls and DEL are single bytes, and every C1 or bidi
/// control starts with 0xC2, 0xD8 or 0xE2, so only those lead bytes need the
/// character decoded (`is_control` stays the one definition).
fn is_clean(s: &str, text: bool) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' | b'\t' => text,
        b'\r' => text && bytes.get(i + 1) == Some(&b'\n'),
        0x00..=0x1f | 0x7f => false,
        0xc2 | 0xd8 | 0xe2 => !s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_control),
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_control_character_is_escaped_on_one_line() {
        assert_eq!(
            escaped("Anna\r\n  x  y\u{1b}]0;owned\u{7}\u{7f}\u{9b}\u{202e}z\tq"),
            "Anna\\r\\n  x  y\\u{1b}]0;owned\\u{7}\\u{7f}\\u{9b}\\u{202e}z\\tq"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let s = "Zoë d'Ancona — café, 12 € (ok)";
        assert!(matches!(escaped(s), Cow::Borrowed(_)));
        assert_eq!(escaped(s), s);
        assert!(is_clean_line(s));
    }

    #[test]
    fn multi_line_text_keeps_line_breaks_and_tabs_only() {
        assert_eq!(
            escaped_text("regel 1\r\n\tregel 2\r\u{1b}[2J"),
            "regel 1\r\n\tregel 2\\r\\u{1b}[2J"
        );
    }

    #[test]
    fn the_byte_scan_agrees_with_is_control_for_every_character() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(is_clean_line(&s), !is_control(c), "{:x}", u32::from(c));
            let text_ok = !is_control(c) || c == '\n' || c == '\t';
            assert_eq!(is_clean_text(&s), text_ok, "{:x}", u32::from(c));
        }
    }

    #[test]
    fn input_rules_for_single_and_multi_line_fields() {
        for bad in [
            "a\nb",
            "a\rb",
            "a\tb",
            "\u{1b}[31m",
            "x\u{85}",
            "\u{202e}gpj.exe",
        ] {
            assert!(!is_clean_line(bad), "{bad:?}");
        }
        assert!(is_clean_text("regel 1\nregel 2\r\n\tregel 3"));
        for bad in ["a\rb", "a\r", "\u{1b}[2J", "\u{7f}", "\u{9b}1m", "\u{2067}"] {
            assert!(!is_clean_text(bad), "{bad:?}");
        }
    }
}
