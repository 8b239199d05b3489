//! How many rows lines take when drawn wrapped: the count of the same word
//! wrapper that draws them (ratatui's `Paragraph::line_count`), so a popup
//! or a pane sized or scrolled by it shows exactly what it measured.

use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// The rows `lines` take drawn with `Wrap { trim: false }` in `width`
/// columns.
pub fn rows(lines: &[Line<'static>], width: u16) -> usize {
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width)
}
