//! Screens with two lists (5 and 7): which one has the keys, and the
//! geometry both the app (page sizes) and the drawing use.

use crate::app::layout;
use ratatui::layout::{Constraint, Layout, Rect};

/// Which of a screen's two lists has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Top,
    Bottom,
}

impl Pane {
    pub fn other(self) -> Pane {
        match self {
            Pane::Top => Pane::Bottom,
            Pane::Bottom => Pane::Top,
        }
    }
}

/// The two lists and the rows under them, inside the screen's border.
#[derive(Debug, Clone, Copy)]
pub struct PaneAreas {
    pub top: Rect,
    pub bottom: Rect,
    /// `extra_rows` rows under the lists (the AP's details on screen 7).
    pub extra: Rect,
}

pub fn areas(inner: Rect, extra_rows: u16) -> PaneAreas {
    let [lists, extra] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(extra_rows)]).areas(inner);
    let [top, _, bottom] = Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(lists);
    PaneAreas { top, bottom, extra }
}

/// Each pane has a title line and the table header above its rows.
pub const PANE_HEAD_ROWS: u16 = 2;

/// The list rows of a pane.
pub fn rows_in(pane: Rect) -> usize {
    usize::from(pane.height.saturating_sub(PANE_HEAD_ROWS).max(1))
}

/// The list rows of both panes in a terminal of `area`.
pub fn pages(area: Rect, extra_rows: u16) -> (usize, usize) {
    let a = areas(layout::Frame::of(area).inner(), extra_rows);
    (rows_in(a.top), rows_in(a.bottom))
}
