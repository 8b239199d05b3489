//! One drawing function per screen.

pub mod breaches;
pub mod overview;
pub mod people;
pub mod team_reports;
pub mod to_delete;
pub mod trajectories;
// Screens 5–7 (DESIGN.md §5, §10).
pub mod inquiries;
pub mod mailing;
pub mod panes;
pub mod requests;

use super::Ctx;
use super::table;
use crate::app::Screen;
use crate::app::layout;
use crate::app::list::ListView;
use crate::app::workspace::Workspace;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Block;

pub fn draw(frame: &mut Frame, parts: &layout::Frame, ws: &Workspace, ctx: &Ctx) {
    let area = parts.body;
    match ws.screen {
        Screen::Overview => overview::draw(frame, area, &ws.overview, ctx),
        Screen::People => people::draw(frame, area, &ws.people, ctx),
        Screen::Trajectories => trajectories::draw(frame, area, &ws.trajectories, ctx),
        Screen::TeamReports => team_reports::draw(frame, area, &ws.team_reports, ctx),
        Screen::ToDelete => to_delete::draw(frame, area, &ws.to_delete, ctx),
        Screen::Breaches => breaches::draw(frame, area, &ws.breaches, ctx),
        Screen::Inquiries => inquiries::draw(frame, area, &ws.inquiries, ctx),
        Screen::Mailing => mailing::draw(frame, area, &ws.mailing, ctx),
        Screen::Requests => requests::draw(frame, area, &ws.requests, ctx),
    }
}

/// The bordered block every screen draws in.
pub fn block(title: String, ctx: &Ctx) -> Block<'static> {
    Block::bordered()
        .border_style(ctx.theme.border())
        .title(ratatui::text::Span::styled(title, ctx.theme.title()))
}

/// Draws the screen's block with `title`, and the filter line of `list`
/// (the one that has the keys) on its bottom border; returns the area
/// inside the border.
pub fn block_with_filter(
    frame: &mut Frame,
    area: Rect,
    title: String,
    list: &ListView,
    ctx: &Ctx,
) -> Rect {
    let mut b = block(title, ctx);
    if let Some(f) = table::filter_line(list, ctx.lang, &ctx.theme) {
        b = b.title_bottom(f);
    }
    let inner = b.inner(area);
    frame.render_widget(b, area);
    inner
}
