//! A list drawn as a table: only the visible rows are built.

use super::Ctx;
use super::theme::Theme;
use super::widgets::columns::{self, Width};
use super::widgets::ellipsis;
use crate::app::list::ListView;
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table, TableState};

pub struct Columns<'a> {
    pub headers: Vec<&'a str>,
    pub widths: Vec<Width>,
}

/// Space between two columns.
const SPACING: u16 = 2;

/// Draws the visible window of `list`; `row` builds the cells of the row
/// with index `i`. Column widths come from the headers and the cells on
/// screen (`widgets::columns`), so nothing runs together and no date or
/// header is cut.
pub fn draw<'a>(
    frame: &mut Frame,
    area: Rect,
    list: &ListView,
    columns: Columns<'a>,
    ctx: &Ctx,
    row: impl Fn(usize) -> Vec<Line<'a>>,
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
        let header = sort_marked(&columns.headers, list).join("  ");
        frame.render_widget(Paragraph::new(Line::styled(header, theme.header())), head);
        frame.render_widget(
            Paragraph::new(Line::styled(text.get(lang), theme.dim())),
            rest,
        );
        return;
    }
    let cells: Vec<Vec<Line>> = list.window().map(|(_, i)| row(i)).collect();
    let mut state = TableState::default();
    state.select(Some(list.cursor() - list.offset()));
    let headers = sort_marked(&columns.headers, list)
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            let style = if i == list.column() {
                theme.column_cursor()
            } else {
                theme.header()
            };
            Line::styled(h, style)
        })
        .collect();
    let table = table(
        columns,
        headers,
        cells,
        area.width,
        Some(list.column()),
        theme,
    );
    frame.render_stateful_widget(table, area, &mut state);
}

/// The headers with the sorted column's direction: `Name ▲` ascending,
/// `Name ▼` descending (text, so it reads under `NO_COLOR` too).
fn sort_marked(headers: &[&str], list: &ListView) -> Vec<String> {
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| match list.sort() {
            Some(s) if s.column == i => format!("{h} {}", if s.descending { "▼" } else { "▲" }),
            _ => (*h).to_string(),
        })
        .collect()
}

/// A table of a few rows without a cursor (the overview's), with the same
/// column widths as every list.
pub fn draw_rows<'a>(
    frame: &mut Frame,
    area: Rect,
    columns: Columns<'a>,
    cells: Vec<Vec<Line<'a>>>,
    ctx: &Ctx,
) {
    let headers = columns.headers.iter().map(|h| Line::raw(*h)).collect();
    frame.render_widget(
        table(columns, headers, cells, area.width, None, &ctx.theme),
        area,
    );
}

/// The table of `cells` under `headers` in `width` columns; a spare column
/// that does not fit is left out, except column `keep`.
fn table<'a>(
    columns: Columns<'a>,
    headers: Vec<Line<'a>>,
    cells: Vec<Vec<Line<'a>>>,
    width: u16,
    keep: Option<usize>,
    theme: &Theme,
) -> Table<'a> {
    let (shown, widths, spacing) = column_widths(&columns, &headers, &cells, width, keep);
    // A cell wider than its column ends in "…" rather than being cut.
    let fitted = |row: Vec<Line<'a>>| -> Vec<Line<'a>> {
        row.into_iter()
            .enumerate()
            .filter(|(i, _)| shown.contains(i))
            .zip(&widths)
            .map(|((_, cell), w)| ellipsis::fit(cell, *w))
            .collect()
    };
    let rows: Vec<Row> = cells.into_iter().map(|r| Row::new(fitted(r))).collect();
    let header = Row::new(fitted(headers)).style(theme.header());
    Table::new(rows, widths.into_iter().map(Constraint::Length))
        .header(header)
        .column_spacing(spacing)
        .row_highlight_style(theme.selected())
}

/// The columns shown for these cells in `total` columns, their widths, and
/// the space between them: a text column is never narrower than its
/// header; when that does not fit, spare columns are left out (never
/// `keep`), then the columns move closer together.
fn column_widths(
    columns: &Columns,
    headers: &[Line],
    cells: &[Vec<Line>],
    total: u16,
    keep: Option<usize>,
) -> (Vec<usize>, Vec<u16>, u16) {
    let width = |l: &Line| u16::try_from(l.width()).unwrap_or(u16::MAX);
    let header = |i: usize| headers.get(i).map_or(0, width);
    let widest: Vec<u16> = (0..columns.widths.len())
        .map(|i| {
            cells
                .iter()
                .filter_map(|r| r.get(i).map(width))
                .fold(header(i), u16::max)
        })
        .collect();
    let kinds: Vec<Width> = columns
        .widths
        .iter()
        .enumerate()
        .map(|(i, w)| match *w {
            Width::Flex { min, weight } => Width::Flex {
                min: min.max(header(i)),
                weight,
            },
            Width::Spare { min, weight } => Width::Spare {
                min: min.max(header(i)),
                weight,
            },
            Width::Fit => Width::Fit,
        })
        .collect();
    let shown = columns::shown(&kinds, &widest, total, SPACING, keep);
    let kinds: Vec<Width> = shown.iter().map(|&i| kinds[i]).collect();
    let widest: Vec<u16> = shown.iter().map(|&i| widest[i]).collect();
    let spacing = if columns::fits(&kinds, &widest, total, SPACING) {
        SPACING
    } else {
        1
    };
    let widths = columns::widths(&kinds, &widest, total, spacing);
    (shown, widths, spacing)
}

/// Whether `cells` fit `width` whole, each column as wide as its widest
/// cell or header, with the space between columns: where they do not, a
/// screen may write a column shorter (a kind in one word) before a name
/// has to give way.
pub fn fits_whole(headers: &[&str], cells: &[Vec<Line>], width: u16) -> bool {
    let widest = |i: usize, header: &str| {
        cells
            .iter()
            .filter_map(|row| row.get(i).map(Line::width))
            .fold(header.chars().count(), usize::max)
    };
    let text: usize = headers.iter().enumerate().map(|(i, h)| widest(i, h)).sum();
    let gaps = usize::from(SPACING) * headers.len().saturating_sub(1);
    text + gaps <= usize::from(width)
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
