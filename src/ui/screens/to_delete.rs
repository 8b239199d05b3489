//! Screen 9: every expired record, with marks.

use super::block_with_filter;
use crate::app::screens::to_delete::ToDeleteScreen;
use crate::domain::retention::Deadline;
use crate::i18n::dates;
use crate::i18n::ui::{self, Text};
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, screen: &ToDeleteScreen, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let list = &screen.list;
    let inner = block_with_filter(
        frame,
        area,
        table::title(Text::ScreenToDelete.get(lang), list, screen.rows.len()),
        list,
        ctx,
    );
    let [summary, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    if screen.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(Text::NothingToDelete.get(lang), t.good())),
            summary,
        );
        return;
    }
    let text = ui::to_delete_summary(lang, screen.rows.len(), screen.marked.len());
    frame.render_widget(Paragraph::new(Line::styled(text, t.error())), summary);
    let columns = Columns {
        headers: vec![
            Text::ColMark.get(lang),
            Text::ColKind.get(lang),
            Text::ColRecord.get(lang),
            Text::ColDeleteOn.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Width::Fit,
            Width::Fit,
            Width::text(10),
            Width::Fit,
            Width::Fit,
        ],
    };
    table::draw(frame, rest, list, columns, ctx, |i| {
        let r = &screen.rows[i];
        let marked = screen.is_marked(r);
        let mark = if marked { "[x]" } else { "[ ]" };
        let style = if marked { t.marked() } else { t.plain() };
        vec![
            Line::styled(mark, style),
            Line::from(ui::kind_name(lang, r.kind)),
            Line::from(r.label.clone()),
            Line::from(dates::date(lang, r.deadline)),
            Line::from(countdown::cell(
                lang,
                t,
                Deadline::On(r.deadline),
                ctx.today,
            )),
        ]
    });
}
