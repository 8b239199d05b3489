//! The popup stack, drawn bottom to top over the screen.

use super::widgets::{ellipsis, wrapped};
use super::{Ctx, form};
use crate::app::forms::form::Form;
use crate::app::layout::CONFIRM_SIZE;
use crate::app::popup::{Asking, Popup, Reader, TextView};
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
            Popup::Search(s) => super::search::draw(frame, area, s, ctx),
        }
    }
}

fn is_assessment(f: &Form) -> bool {
    use crate::app::forms::purpose::{BreachForm, FormPurpose};
    matches!(f.purpose, FormPurpose::Breach(BreachForm::Assess(_)))
}

/// A popup's border with its title, `width` wide: a title longer than the
/// border ends in "…" rather than being cut.
pub(super) fn frame_block(title: &str, width: u16, ctx: &Ctx) -> Block<'static> {
    let room = width.saturating_sub(4);
    let title: String = ellipsis::fit(Line::raw(title.to_string()), room)
        .spans
        .iter()
        .map(|s| s.content.as_ref())
        .collect();
    Block::bordered()
        .border_style(ctx.theme.focus_border())
        .title(Span::styled(format!(" {title} "), ctx.theme.title()))
}

fn confirm(frame: &mut Frame, area: Rect, a: &Asking, ctx: &Ctx) {
    // Its text, a blank line on top, the border.
    let rect = layout::popup(area, CONFIRM_SIZE.0, a.view.page.saturating_add(3));
    frame.render_widget(Clear, rect);
    let mut lines = vec![Line::raw("")];
    lines.extend(view_lines(&a.confirm.text(), &a.view));
    frame.render_widget(
        Paragraph::new(lines).block(
            frame_block(&a.confirm.title, rect.width, ctx)
                .border_style(ctx.theme.error())
                .padding(Padding::horizontal(1)),
        ),
        rect,
    );
}

/// The rows of `text` the view shows, wrapped as it scrolls (`wrap::rows`);
/// a tab, or the CR of a CR LF, shows as a space.
fn view_lines(text: &str, view: &TextView) -> Vec<Line<'static>> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\t' || c == '\r' { ' ' } else { c })
        .collect();
    wrap::rows(text, view.width)
        .iter()
        .skip(usize::from(view.scroll))
        .take(usize::from(view.page))
        .map(|row| Line::raw(chars[row.start..row.end].iter().collect::<String>()))
        .collect()
}

/// A form in a popup sized to its wrapped rows. When the terminal is too
/// short for them, the fields scroll so the one in focus stays in sight,
/// and the note and the problem stay under them.
fn form_popup(frame: &mut Frame, area: Rect, width: u16, f: &Form, ctx: &Ctx) {
    let inner_width = width.saturating_sub(2);
    let parts = form::parts(f, usize::from(inner_width), ctx);
    let body_rows = wrapped::rows(&parts.body, inner_width);
    let tail_rows = wrapped::rows(&parts.tail, inner_width);
    // The rows, a blank one under them and the border.
    let height = u16::try_from(body_rows + tail_rows + 3).unwrap_or(u16::MAX);
    let rect = layout::popup(area, width, height);
    frame.render_widget(Clear, rect);
    let block = frame_block(f.title.get(ctx.lang), rect.width, ctx);
    let inner = block.inner(rect);
    if body_rows + tail_rows < usize::from(inner.height) {
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
    let to_focus_end = wrapped::rows(&parts.body[..parts.focus.end], inner_width);
    let scroll = to_focus_end.saturating_sub(usize::from(body_height));
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(parts.body)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
    frame.render_widget(Paragraph::new(parts.tail).wrap(Wrap { trim: false }), tail);
}

fn reader(frame: &mut Frame, area: Rect, r: &Reader, size: (u16, u16), ctx: &Ctx) {
    let rect = layout::popup(area, size.0, r.view.page.saturating_add(2));
    frame.render_widget(Clear, rect);
    let style = if r.secret {
        ctx.theme.key()
    } else {
        ctx.theme.plain()
    };
    frame.render_widget(
        Paragraph::new(view_lines(&r.text, &r.view))
            .style(style)
            .block(frame_block(&r.title, rect.width, ctx).padding(Padding::horizontal(1))),
        rect,
    );
}
