//! Screen 9: every expired record, with marks.

use super::block_with_filter;
use crate::app::screens::to_delete::ToDeleteScreen;
use crate::domain::Kind;
use crate::domain::retention::Deadline;
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, dates};
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
            // The countdown says it too: the date gives way to the names.
            Width::Spare { min: 10, weight: 0 },
            Width::Fit,
        ],
    };
    let cells = |i: usize, kind: fn(Lang, Kind) -> &'static str| {
        let r = &screen.rows[i];
        let marked = screen.is_marked(r);
        let mark = if marked { "[x]" } else { "[ ]" };
        let style = if marked { t.marked() } else { t.plain() };
        vec![
            Line::styled(mark, style),
            Line::from(kind(lang, r.kind)),
            Line::from(r.label.clone()),
            Line::from(dates::date(lang, r.deadline)),
            Line::from(countdown::cell(
                lang,
                t,
                Deadline::On(r.deadline),
                ctx.today,
            )),
        ]
    };
    // The kind in a word ("rapportage") where the rows on screen do not fit
    // whole, so the names of what goes keep the room.
    let shown: Vec<Vec<Line>> = list
        .window()
        .map(|(_, i)| cells(i, ui::kind_name))
        .collect();
    let kind = if table::fits_whole(&columns.headers, &shown, rest.width) {
        ui::kind_name
    } else {
        ui::kind_short
    };
    table::draw(frame, rest, list, columns, ctx, |i| cells(i, kind));
}
