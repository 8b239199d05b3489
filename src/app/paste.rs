//! A paste is text, never keys. With bracketed paste on (the terminal
//! wraps what the coach pastes in markers), the terminal delivers a paste as
//! one `Event::Paste`; the app hands it whole to the field in focus
//! (`App::on_paste` → the top popup's form → its focused `Field::paste`)
//! and nothing else sees it. Outside a field a paste does nothing.
//!
//! What the field gets: line breaks as LF (terminals send CR); in a
//! multi-line field the line breaks and tabs stay; in a one-line field the
//! line breaks at the end are dropped (a copied path or name often ends in
//! one), tabs become spaces, and a paste that still has several lines is
//! refused whole, so nothing is cut off or run together unseen. Other
//! control characters (the colours of a copied terminal) are dropped: no
//! field stores them (`domain::text`).

use crate::domain::text;
use crate::i18n::ui::Text;
use zeroize::Zeroizing;

/// Why a paste was not put into the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Several lines for a field that takes one.
    SeveralLines,
    /// More than the field takes (`input::MAX_CHARS`).
    TooLong,
}

impl Refused {
    pub fn text(self) -> Text {
        match self {
            Refused::SeveralLines => Text::PasteSeveralLines,
            Refused::TooLong => Text::PasteTooLong,
        }
    }
}

/// The pasted text as a field of this kind takes it.
pub fn for_field(pasted: &str, multiline: bool) -> Result<Zeroizing<String>, Refused> {
    let mut out = Zeroizing::new(String::with_capacity(pasted.len()));
    let mut chars = pasted.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' if multiline => out.push('\t'),
            '\t' => out.push(' '),
            c if text::is_control(c) => {}
            c => out.push(c),
        }
    }
    if !multiline {
        let kept = out.trim_end_matches('\n').len();
        out.truncate(kept);
        if out.contains('\n') {
            return Err(Refused::SeveralLines);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_multi_line_field_gets_every_line_with_lf() {
        let got = for_field("één\r\ntwee\rdrie\n\tvier\u{1b}[31m", true).unwrap();
        assert_eq!(got.as_str(), "één\ntwee\ndrie\n\tvier[31m");
    }

    #[test]
    fn a_one_line_field_drops_the_final_line_break_and_refuses_more_lines() {
        assert_eq!(
            for_field("/home/coach/verslag 1.pdf\r\n", false)
                .unwrap()
                .as_str(),
            "/home/coach/verslag 1.pdf"
        );
        assert_eq!(for_field("a\tb", false).unwrap().as_str(), "a b");
        assert_eq!(
            for_field("Kim\nde Vries", false),
            Err(Refused::SeveralLines)
        );
    }
}
