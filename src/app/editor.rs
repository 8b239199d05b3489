//! The multi-line text editor of a form field (a document's text, a
//! message, a summary). The text lives in the field's zeroizing `TextInput`
//! (line breaks as LF, the cursor a character index); it is shown wrapped at
//! word boundaries to the width of the form, and the cursor moves by screen
//! line (↑/↓), within a line (←/→, Home/End) and by page (PgUp/PgDn), the
//! view scrolling to keep it in sight. Drawing (`ui::form`) wraps with the
//! same `wrap::rows`, so what moves is what is seen.

use super::input::TextInput;
use super::wrap::{cursor_row, rows};

/// Where the editor is on screen: set from the terminal size (`width`,
/// `rows`) and from the cursor (`top`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// Characters on one screen line.
    pub width: usize,
    /// Screen lines shown.
    pub rows: usize,
    /// The first screen line shown.
    pub top: usize,
}

impl Default for View {
    fn default() -> View {
        View {
            width: 40,
            rows: 4,
            top: 0,
        }
    }
}

/// A movement of the cursor in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    LineStart,
    LineEnd,
}

/// Moves the cursor; up and down keep the column where the line is long
/// enough.
pub fn move_cursor(input: &mut TextInput, view: &mut View, how: Move) {
    let rows = rows(input.value(), view.width);
    let r = cursor_row(&rows, input.cursor());
    let here = rows[r];
    let column = input.cursor() - here.start;
    let last = rows.len() - 1;
    let to_row = |target: usize| {
        let row = rows[target];
        row.start + column.min(row.end - row.start)
    };
    let page = view.rows.max(1);
    let at = match how {
        Move::Up => to_row(r.saturating_sub(1)),
        Move::Down => to_row((r + 1).min(last)),
        Move::PageUp => to_row(r.saturating_sub(page)),
        Move::PageDown => to_row((r + page).min(last)),
        Move::LineStart => here.start,
        Move::LineEnd => here.end,
    };
    input.set_cursor(at);
    keep_in_view(input, view);
}

/// Scrolls the view so that the cursor's row is shown.
pub fn keep_in_view(input: &TextInput, view: &mut View) {
    let rows = rows(input.value(), view.width);
    let r = cursor_row(&rows, input.cursor());
    let shown = view.rows.max(1);
    if r < view.top {
        view.top = r;
    } else if r >= view.top + shown {
        view.top = r + 1 - shown;
    }
    view.top = view.top.min(rows.len().saturating_sub(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_moves_by_screen_line_and_keeps_its_column() {
        let mut input = TextInput::with("een twee drie\nvier");
        let mut view = View {
            width: 8,
            rows: 2,
            top: 0,
        };
        input.set_cursor(1);
        move_cursor(&mut input, &mut view, Move::Down);
        assert_eq!(input.cursor(), 10, "on the 'r' of drie");
        move_cursor(&mut input, &mut view, Move::Down);
        assert_eq!(input.cursor(), 15, "on the 'i' of vier");
        assert_eq!(view.top, 1, "scrolled to keep the cursor in sight");
        move_cursor(&mut input, &mut view, Move::LineEnd);
        assert_eq!(input.cursor(), 18);
        move_cursor(&mut input, &mut view, Move::PageUp);
        assert_eq!(input.cursor(), 4, "column 4 of the first line");
        assert_eq!(view.top, 0);
    }
}
