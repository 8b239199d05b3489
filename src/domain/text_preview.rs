//! Which files kluis shows itself (DESIGN.md §13.1): a plain-text file is
//! previewed inside kluis, every other type opens in the system's viewer.
//! The preview is UTF-8 (a byte order mark dropped) without NUL bytes, cut
//! at `PREVIEW_BYTES`, and escaped like every stored text
//! (`text::escaped_text`): line breaks and tabs stay, no other control
//! character reaches the terminal.
//!
//! A PDF's text is not extracted: the Rust PDF text extractors panic on
//! PDFs they do not understand, by design (pdf-extract turns unknown
//! structures into panics so that users report them) or load the whole
//! document into memory (lopdf), and a report is never held whole in
//! memory. A PDF opens in the system's viewer instead.

use super::text::escaped_text;

/// How much of a text file the preview reads.
pub const PREVIEW_BYTES: usize = 1024 * 1024;

/// The preview of a file that starts with `head` (its first
/// `PREVIEW_BYTES` or fewer; `whole` when that is all of it), or `None`
/// when it is not plain text.
pub fn text_preview(head: &[u8], whole: bool) -> Option<String> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.contains(&0) {
        return None;
    }
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // A character cut in two at the end of a longer file.
        Err(e) if !whole && e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    let mut shown = escaped_text(text).into_owned();
    if !whole {
        shown.push_str("\n…");
    }
    Some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_previewed_with_its_control_characters_escaped() {
        let file = "Eindrapport\r\n\tAnna\u{1b}]0;titel\u{7}\n".as_bytes();
        assert_eq!(
            text_preview(file, true).as_deref(),
            Some("Eindrapport\r\n\tAnna\\u{1b}]0;titel\\u{7}\n")
        );
        assert_eq!(
            text_preview(b"\xEF\xBB\xBFhoi", true).as_deref(),
            Some("hoi")
        );
    }

    #[test]
    fn binary_files_are_not_previewed() {
        assert_eq!(text_preview(b"%PDF-1.7\n\x00\x01\xff", true), None);
        assert_eq!(text_preview(b"PK\x03\x04\x14\x00", true), None);
        assert_eq!(text_preview(b"caf\xe9", true), None, "Latin-1 is not UTF-8");
    }

    #[test]
    fn a_long_file_is_cut_on_a_character_boundary() {
        let head = "één".as_bytes();
        let cut = &head[..3];
        assert_eq!(text_preview(cut, false).as_deref(), Some("é\n…"));
        assert_eq!(text_preview(cut, true), None);
    }
}
