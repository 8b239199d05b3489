//! One drawing function per screen, in the file of the screen list's name
//! (`draw(frame, area, state, ctx)`); which one runs is generated from the
//! screen list.

pub mod breaches;
pub mod inquiries;
pub mod mailing;
pub mod overview;
pub mod people;
pub mod requests;
pub mod team_reports;
pub mod to_delete;
pub mod trajectories;
// Shared by the two-list screens (5 and 7).
pub mod panes;

use super::Ctx;
use super::table;
use crate::app::Screen;
use crate::app::layout;
use crate::app::list::ListView;
use crate::app::screen::screen_list;
use crate::app::workspace::Workspace;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Block;

macro_rules! draw_screen {
    ($($screen:ident $file:ident $state:ident $name:ident,)*) => {
        /// Draws the screen shown into the body of the frame.
        pub fn draw(frame: &mut Frame, parts: &layout::Frame, ws: &Workspace, ctx: &Ctx) {
            let area = parts.body;
            match ws.screen {
                $(Screen::$screen => $file::draw(frame, area, &ws.screens.$file, ctx),)*
            }
        }
    };
}
screen_list!(draw_screen);

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
