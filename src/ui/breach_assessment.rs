//! The risk assessment popup: the questions as a form on the left with the
//! full text of the question in focus under them, and beside them the
//! recommendation with its reasons for the answers given so far.

use super::Ctx;
use super::form;
use super::screens::breaches::recommendation_lines;
use crate::app::forms::breach as breach_forms;
use crate::app::forms::form::Form;
use crate::app::layout;
use crate::domain::breach_assessment::assess;
use crate::i18n::ui::Text;
use crate::ops::breach::QUESTIONS;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, f: &Form, ctx: &Ctx) {
    let rect = layout::popup(area, area.width.saturating_sub(4).min(90), 22);
    frame.render_widget(Clear, rect);
    let outer = Block::bordered()
        .border_style(ctx.theme.focus_border())
        .title(Span::styled(
            format!(" {} ", f.title.get(ctx.lang)),
            ctx.theme.title(),
        ));
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(2)
            .areas(inner);

    let mut lines = form::lines(f, usize::from(left.width), ctx);
    if let Some(q) = QUESTIONS.get(f.focus) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(q.text(ctx.lang), ctx.theme.plain()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), left);

    let mut advice = vec![
        Line::raw(""),
        Line::styled(Text::DetailRecommendation.get(ctx.lang), ctx.theme.header()),
    ];
    match breach_forms::answers(f) {
        Ok(a) => advice.extend(recommendation_lines(&assess(&a), ctx)),
        Err(_) => advice.push(Line::styled(
            Text::AnswerToSee.get(ctx.lang),
            ctx.theme.dim(),
        )),
    }
    frame.render_widget(Paragraph::new(advice).wrap(Wrap { trim: true }), right);
}
