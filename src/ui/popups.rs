//! The popup stack, drawn bottom to top over the screen.

use super::{Ctx, form};
use crate::app::forms::form::Form;
use crate::app::popup::{Confirm, Popup, Reader};
use crate::app::{layout, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, popups: &[Popup], ctx: &Ctx) {
    let form_width = layout::form_width(area);
    // The footer stays visible: popups use the area above it.
    let area = layout::popup_area(area);
    for p in popups {
        match p {
            Popup::Confirm(c) => confirm(frame, area, c, ctx),
            Popup::Form(f) if is_assessment(f) => {
                super::breach_assessment::draw(frame, area, f, ctx)
            }
            Popup::Form(f) => form_popup(frame, area, form_width, f, ctx),
            Popup::Reader(r) => reader(frame, area, r, layout::READER_SIZE, ctx),
            Popup::Help(r) => reader(frame, area, r, layout::HELP_SIZE, ctx),
            Popup::Files(f) => super::files::draw_files(frame, area, f, ctx),
            Popup::Copy(c) => super::files::draw_copy(frame, area, c, ctx),
        }
    }
}

fn is_assessment(f: &Form) -> bool {
    use crate::app::forms::purpose::{BreachForm, FormPurpose};
    matches!(f.purpose, FormPurpose::Breach(BreachForm::Assess(_)))
}

fn frame_block(title: &str, ctx: &Ctx) -> Block<'static> {
    Block::bordered()
        .border_style(ctx.theme.focus_border())
        .title(Span::styled(format!(" {title} "), ctx.theme.title()))
}

fn confirm(frame: &mut Frame, area: Rect, c: &Confirm, ctx: &Ctx) {
    let width: u16 = 64;
    // Word wrapping breaks lines early: estimate with some slack.
    let text_width = usize::from(width.min(area.width).saturating_sub(12)).max(1);
    let rows: usize = c
        .lines
        .iter()
        .map(|l| l.chars().count().div_ceil(text_width).max(1))
        .sum();
    let height = u16::try_from(rows + 3).unwrap_or(u16::MAX);
    let rect = layout::popup(area, width, height);
    frame.render_widget(Clear, rect);
    let mut lines = vec![Line::raw("")];
    lines.extend(c.lines.iter().map(|l| Line::raw(l.as_str())));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            frame_block(&c.title, ctx)
                .border_style(ctx.theme.error())
                .padding(Padding::horizontal(1)),
        ),
        rect,
    );
}

fn form_popup(frame: &mut Frame, area: Rect, width: u16, f: &Form, ctx: &Ctx) {
    let inner_width = usize::from(width.saturating_sub(2));
    let lines = form::lines(f, inner_width, ctx);
    // The lines (an editor as tall as its view), a blank one under them and
    // the border.
    let height = u16::try_from(lines.len() + 3).unwrap_or(u16::MAX);
    let rect = layout::popup(area, width, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(frame_block(f.title.get(ctx.lang), ctx)),
        rect,
    );
}

fn reader(frame: &mut Frame, area: Rect, r: &Reader, size: (u16, u16), ctx: &Ctx) {
    let rect = layout::popup(area, size.0, size.1);
    frame.render_widget(Clear, rect);
    let style = if r.secret {
        ctx.theme.key()
    } else {
        ctx.theme.plain()
    };
    // Wrapped as the reader scrolls (`wrap::rows`); a tab, or the CR of a
    // CR LF, shows as a space.
    let chars: Vec<char> = r
        .text
        .chars()
        .map(|c| if c == '\t' || c == '\r' { ' ' } else { c })
        .collect();
    let lines: Vec<Line> = wrap::rows(&r.text, r.width)
        .iter()
        .skip(usize::from(r.scroll))
        .take(usize::from(rect.height))
        .map(|row| Line::raw(chars[row.start..row.end].iter().collect::<String>()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .style(style)
            .block(frame_block(&r.title, ctx).padding(Padding::horizontal(1))),
        rect,
    );
}
