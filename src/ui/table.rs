//! A list drawn as a table: only the visible rows are built.

use super::Ctx;
use super::theme::Theme;
use crate::app::list::ListView;
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table, TableState};

pub struct Columns<'a> {
    pub headers: Vec<&'a str>,
    pub widths: Vec<Constraint>,
}

/// Draws the visible window of `list`; `row` builds the row with index `i`.
pub fn draw<'a>(
    frame: &mut Frame,
    area: Rect,
    list: &ListView,
    columns: Columns<'a>,
    ctx: &Ctx,
    row: impl Fn(usize) -> Row<'a>,
) {
    let (theme, lang) = (&ctx.theme, ctx.lang);
    if list.is_empty() {
        let text = if list.filter_text().is_empty() {
            Text::NoRows
        } else {
            Text::NoMatch
        };
        let [head, rest] =
            ratatui::layout::Layout::vertical([Constraint::Length(1), Constraint::Min(0)])
                .areas(area);
        let header = columns.headers.join("  ");
        frame.render_widget(Paragraph::new(Line::styled(header, theme.header())), head);
        frame.render_widget(
            Paragraph::new(Line::styled(text.get(lang), theme.dim())),
            rest,
        );
        return;
    }
    let rows: Vec<Row> = list.window().map(|(_, i)| row(i)).collect();
    let header = Row::new(columns.headers).style(theme.header());
    let table = Table::new(rows, columns.widths)
        .header(header)
        .column_spacing(2)
        .row_highlight_style(theme.selected());
    let mut state = TableState::default();
    state.select(Some(list.cursor() - list.offset()));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The block title of a list: its name, how many rows, and the filter.
pub fn title(name: &str, list: &ListView, total: usize) -> String {
    if list.filter_text().is_empty() {
        format!(" {name} · {total} ")
    } else {
        format!(" {name} · {}/{total} ", list.len())
    }
}

/// The filter line under a list (bottom border), when there is a filter.
pub fn filter_line(list: &ListView, lang: Lang, theme: &Theme) -> Option<Line<'static>> {
    if !list.is_filtering() && list.filter_text().is_empty() {
        return None;
    }
    let cursor = if list.is_filtering() { "▏" } else { "" };
    Some(Line::styled(
        format!(
            " {} / {}{cursor} ",
            Text::FilterLabel.get(lang),
            list.filter_text()
        ),
        theme.key(),
    ))
}
