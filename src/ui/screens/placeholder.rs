//! Screens 5–8 until their issues land.

use super::block;
use crate::i18n::ui::Text;
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, name: Text, ctx: &Ctx) {
    let title = format!(" {} · {} ", name.get(ctx.lang), Text::Coming.get(ctx.lang));
    let text = vec![
        Line::raw(""),
        Line::styled(Text::ComingScreen.get(ctx.lang), ctx.theme.dim()),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(block(title, ctx)),
        area,
    );
}
