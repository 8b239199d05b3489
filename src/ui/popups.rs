//! The popup stack, drawn bottom to top over the screen.

use super::{Ctx, form};
use crate::app::forms::form::Form;
use crate::app::popup::{Confirm, Popup, Reader};
use crate::app::{layout, wrap};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
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

/// A form in a popup sized to its lines. When the terminal is too short
/// for them, the fields scroll so the one in focus stays in sight, and the
/// note and the problem stay under them.
fn form_popup(frame: &mut Frame, area: Rect, width: u16, f: &Form, ctx: &Ctx) {
    let inner_width = usize::from(width.saturating_sub(2));
    let parts = form::parts(f, inner_width, ctx);
    // Word wrapping of the note and the problem: their rows at this width.
    let tail_rows: usize = parts
        .tail
        .iter()
        .map(|l| l.width().div_ceil(inner_width.max(1)).max(1))
        .sum();
    // The lines (an editor as tall as its view), a blank one under them and
    // the border.
    let lines = parts.body.len() + parts.tail.len();
    let height = u16::try_from(lines + 3).unwrap_or(u16::MAX);
    let rect = layout::popup(area, width, height);
    frame.render_widget(Clear, rect);
    let block = frame_block(f.title.get(ctx.lang), ctx);
    let inner = block.inner(rect);
    let fits = lines < usize::from(inner.height);
    if fits {
        let mut lines = parts.body;
        lines.extend(parts.tail);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            rect,
        );
        return;
    }
    frame.render_widget(block, rect);
    let tail_height = u16::try_from(tail_rows)
        .unwrap_or(u16::MAX)
        .min(inner.height / 2);
    let body_height = inner.height.saturating_sub(tail_height);
    let [body, tail] = Layout::vertical([
        Constraint::Length(body_height),
        Constraint::Length(tail_height),
    ])
    .areas(inner);
    let scroll = parts.focus.end.saturating_sub(usize::from(body_height));
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(parts.body).scroll((scroll, 0)), body);
    frame.render_widget(Paragraph::new(parts.tail).wrap(Wrap { trim: false }), tail);
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
