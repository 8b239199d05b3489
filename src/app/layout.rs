//! The screen geometry, shared by drawing and by the app (which needs to
//! know how many rows a list shows to scroll it). Pure arithmetic.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the UI shows "terminal too small" instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Rows above a trajectory's document list (its details).
pub const TRAJECTORY_INFO_ROWS: u16 = 4;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The parts of a workspace frame.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Frame {
    pub fn of(area: Rect) -> Frame {
        let [tabs, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        Frame {
            tabs,
            body,
            status,
            footer,
        }
    }

    /// Inside the body's border.
    pub fn inner(&self) -> Rect {
        self.body.inner(ratatui::layout::Margin::new(1, 1))
    }
}

/// How many rows a list table shows below its header, for a frame of `area`
/// with `above` extra rows taken above the table.
pub fn list_rows(area: Rect, above: u16) -> usize {
    Frame::of(area)
        .inner()
        .height
        .saturating_sub(1 + above)
        .max(1) as usize
}

/// The largest size of the reading popup and of the help popup.
pub const READER_SIZE: (u16, u16) = (84, 24);
pub const HELP_SIZE: (u16, u16) = (76, 40);
/// The largest confirmation popup.
pub const CONFIRM_SIZE: (u16, u16) = (64, 40);
/// The largest size of the search across records.
pub const SEARCH_SIZE: (u16, u16) = (90, 24);

/// The widest form popup.
pub const FORM_WIDTH: u16 = 90;
/// The editor of a long-text field: its lines start this far in, under the
/// field's label, and it shows at most this many lines.
pub const EDITOR_INDENT: u16 = 4;
const EDITOR_MAX_ROWS: u16 = 10;
const EDITOR_MIN_ROWS: u16 = 3;

/// The width of a form popup on a terminal of `area`.
pub fn form_width(area: Rect) -> u16 {
    popup_area(area).width.saturating_sub(4).min(FORM_WIDTH)
}

/// Characters on one line of a form's editor: the form inside its border,
/// less the indent and a cell for the cursor after the last character.
pub fn editor_width(area: Rect) -> usize {
    usize::from(form_width(area).saturating_sub(2 + EDITOR_INDENT + 1)).max(1)
}

/// Lines a form's editor shows: what the popup leaves beside the form's
/// `fields` lines, its border, the blank line on top and a note or problem.
pub fn editor_rows(area: Rect, fields: usize) -> usize {
    let fields = u16::try_from(fields).unwrap_or(u16::MAX);
    let free = popup_area(area)
        .height
        .saturating_sub(2 + 2 + 1 + 2)
        .saturating_sub(fields);
    usize::from(free.clamp(EDITOR_MIN_ROWS, EDITOR_MAX_ROWS))
}

/// The area popups use: the screen above the footer, which stays visible.
pub fn popup_area(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// Text rows inside a popup of at most `size` on a frame of `area`.
pub fn popup_text_rows(area: Rect, size: (u16, u16)) -> u16 {
    popup(popup_area(area), size.0, size.1)
        .height
        .saturating_sub(2)
        .max(1)
}

/// Characters on a text row inside a reading popup of at most `size` on a
/// frame of `area`: less its border and its padding of one on each side.
pub fn popup_text_width(area: Rect, size: (u16, u16)) -> usize {
    usize::from(
        popup(popup_area(area), size.0, size.1)
            .width
            .saturating_sub(4)
            .max(1),
    )
}

/// A centred popup of at most `width`×`height`, inside `area`.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(2)).max(1);
    Rect {
        x: area.x + (area.width.saturating_sub(w)) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    }
}
