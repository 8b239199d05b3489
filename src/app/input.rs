//! A one-line text input with a cursor. The text lives in a zeroizing
//! buffer: inputs hold passphrases and personal data. The buffer never grows
//! in place (a reallocation would leave an unwiped copy behind): when it is
//! full, the text moves to a new buffer twice as large and the old one is
//! wiped as it is dropped.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use zeroize::Zeroizing;

#[derive(Debug, Clone, Default)]
pub struct TextInput {
    text: Zeroizing<String>,
    /// Cursor position in characters.
    cursor: usize,
}

/// The longest text one field takes (a document pasted into the text field).
pub const MAX_CHARS: usize = 100_000;
/// The first buffer's size in bytes: a passphrase or a name fits.
const FIRST_CAPACITY: usize = 128;

impl TextInput {
    pub fn with(text: &str) -> TextInput {
        TextInput {
            text: Zeroizing::new(text.to_string()),
            cursor: text.chars().count(),
        }
    }

    pub fn value(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn clear(&mut self) {
        self.text = Zeroizing::new(String::new());
        self.cursor = 0;
    }

    /// Room for `extra` more bytes without a reallocation: a larger buffer
    /// when needed, the old one wiped by its drop.
    fn make_room(&mut self, extra: usize) {
        let needed = self.text.len() + extra;
        if needed <= self.text.capacity() {
            return;
        }
        let capacity = needed.max(self.text.capacity() * 2).max(FIRST_CAPACITY);
        let mut larger = Zeroizing::new(String::with_capacity(capacity));
        larger.push_str(&self.text);
        self.text = larger;
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Puts the cursor at character `at` (at most the end of the text).
    pub fn set_cursor(&mut self, at: usize) {
        self.cursor = at.min(self.text.chars().count());
    }

    /// Inserts `s` at the cursor, all of it or, when the field would grow
    /// beyond `MAX_CHARS`, nothing (false).
    pub fn insert_str(&mut self, s: &str) -> bool {
        let added = s.chars().count();
        if self.text.chars().count() + added > MAX_CHARS {
            return false;
        }
        let at = self.byte_at(self.cursor);
        self.make_room(s.len());
        self.text.insert_str(at, s);
        self.cursor += added;
        true
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    /// Edits the text with a typed key; true when the key was an edit.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        match key.code {
            KeyCode::Char(c) if !c.is_control() => {
                if self.text.chars().count() < MAX_CHARS {
                    let at = self.byte_at(self.cursor);
                    self.make_room(c.len_utf8());
                    self.text.insert(at, c);
                    self.cursor += 1;
                }
                true
            }
            KeyCode::Backspace => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    let at = self.byte_at(self.cursor);
                    self.text.remove(at);
                }
                true
            }
            KeyCode::Delete => {
                if self.cursor < self.text.chars().count() {
                    let at = self.byte_at(self.cursor);
                    self.text.remove(at);
                }
                true
            }
            KeyCode::Home => {
                self.cursor = 0;
                true
            }
            KeyCode::End => {
                self.cursor = self.text.chars().count();
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_at_the_cursor_with_multibyte_text() {
        let mut t = TextInput::with("één");
        t.left();
        t.key(&k(KeyCode::Char('x')));
        assert_eq!(t.value(), "ééxn");
        t.key(&k(KeyCode::Backspace));
        t.key(&k(KeyCode::Backspace));
        assert_eq!(t.value(), "én");
        t.key(&k(KeyCode::Home));
        t.key(&k(KeyCode::Delete));
        assert_eq!(t.value(), "n");
        t.right();
        t.right();
        assert_eq!(t.cursor(), 1);
    }

    #[test]
    fn inserts_a_whole_text_at_the_cursor_or_nothing_past_the_limit() {
        let mut t = TextInput::with("ab");
        t.left();
        assert!(t.insert_str("één\ntwee"));
        assert_eq!(t.value(), "aéén\ntweeb");
        assert_eq!(t.cursor(), 9);
        let mut full = TextInput::with(&"x".repeat(MAX_CHARS - 1));
        assert!(!full.insert_str("yz"));
        assert_eq!(full.value().len(), MAX_CHARS - 1);
        assert!(full.insert_str("y"));
    }
}
