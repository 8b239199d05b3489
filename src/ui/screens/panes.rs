//! The title line of each list on a two-list screen (5 and 7): the list in
//! focus is marked with `▸` (text, so it reads without colour).

use crate::app::list::ListView;
use crate::app::screens::panes::PANE_HEAD_ROWS;
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws the pane's title line and returns the area for its table.
pub fn title(
    frame: &mut Frame,
    area: Rect,
    name: &str,
    list: &ListView,
    total: usize,
    focused: bool,
    ctx: &Ctx,
) -> Rect {
    let marker = if focused { "▸" } else { " " };
    let count = if list.filter_text().is_empty() {
        total.to_string()
    } else {
        format!("{}/{total}", list.len())
    };
    let style = if focused {
        ctx.theme.title()
    } else {
        ctx.theme.dim()
    };
    let line = Rect {
        height: area.height.min(1),
        ..area
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!("{marker} {name} · {count}"), style)),
        line,
    );
    // The table below draws its own header row.
    let title_rows = PANE_HEAD_ROWS - 1;
    Rect {
        y: area.y.saturating_add(title_rows.min(area.height)),
        height: area.height.saturating_sub(title_rows),
        ..area
    }
}
