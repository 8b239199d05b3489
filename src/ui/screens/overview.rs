//! Screen 1: expired now, due within 30 days, open breaches with their
//! clock and its gauge, open requests with days left, the next deadlines,
//! and the deadlines of the coming twelve months as a bar chart.

use super::block;
use crate::app::screens::overview::Overview;
use crate::domain::retention::Deadline;
use crate::i18n::backup as backup_words;
use crate::i18n::dates;
use crate::i18n::ui::{self, Text};
use crate::ui::table::{self, Columns};
use crate::ui::widgets::clock_gauge;
use crate::ui::widgets::columns::Width;
use crate::ui::widgets::{ellipsis, wrapped};
use crate::ui::{Ctx, countdown};
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Paragraph, Wrap};

/// Rows of the chart: its title, the bars, the months and the counts; on
/// a short terminal (an inner height below `TALL`) fewer bar rows, so the
/// requests above it keep their room.
const CHART_ROWS: u16 = 8;
const CHART_ROWS_SHORT: u16 = 6;
const TALL: u16 = 24;

pub fn draw(frame: &mut Frame, area: Rect, ov: &Overview, ctx: &Ctx) {
    let outer = block(format!(" {} ", Text::ScreenOverview.get(ctx.lang)), ctx);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let chart_rows = if inner.height < TALL {
        CHART_ROWS_SHORT
    } else {
        CHART_ROWS
    };
    let [top, chart] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(chart_rows)]).areas(inner);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .spacing(2)
            .areas(top);
    attention(frame, left, ov, ctx);
    next_deadlines(frame, right, ov, ctx);
    months_chart(frame, chart, ov, ctx);
}

/// Moves down an area line by line.
struct Rows {
    area: Rect,
    y: u16,
}

impl Rows {
    /// The next `n` lines, or fewer at the bottom.
    fn take(&mut self, n: u16) -> Rect {
        let y = self.y.min(self.area.bottom());
        let height = n.min(self.area.bottom() - y);
        self.y = y + height;
        Rect {
            y,
            height,
            ..self.area
        }
    }

    /// The lines, wrapped: a long title or a request's date is not cut.
    fn lines(&mut self, frame: &mut Frame, lines: Vec<Line<'static>>) {
        self.indented(frame, lines, 0);
    }

    /// The lines `indent` columns in, wrapped there: a title's second line
    /// starts under its first.
    fn indented(&mut self, frame: &mut Frame, lines: Vec<Line<'static>>, indent: u16) {
        let indent = indent.min(self.area.width.saturating_sub(1));
        let width = self.area.width - indent;
        let rows = wrapped::rows(&lines, width);
        let area = self.take(u16::try_from(rows).unwrap_or(u16::MAX));
        let area = Rect {
            x: area.x + indent,
            width,
            ..area
        };
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }
}

fn attention(frame: &mut Frame, area: Rect, ov: &Overview, ctx: &Ctx) {
    let (lang, t) = (ctx.lang, &ctx.theme);
    let st = &ov.status;
    let mut rows = Rows { area, y: area.y };
    let expired_style = if st.expired > 0 { t.error() } else { t.good() };
    let mut l = vec![
        Line::from(vec![
            Span::styled(format!("{:>6}  ", st.expired), expired_style),
            Span::raw(Text::ExpiredNow.get(lang)),
        ]),
        Line::from(vec![
            Span::styled(format!("{:>6}  ", st.due_within_30_days), t.days(30)),
            Span::raw(Text::DueWithin30.get(lang)),
        ]),
    ];
    if st.expired > 0 {
        l.push(Line::styled(
            format!("        {}", Text::GoToDelete.get(lang)),
            t.dim(),
        ));
    }
    l.push(Line::styled(
        match &st.backup {
            Some(b) => backup_words::last_backup(lang, b.made_on, b.destroy_by),
            None => backup_words::no_backup(lang).to_string(),
        },
        t.dim(),
    ));
    l.push(Line::raw(""));
    l.push(Line::styled(Text::OpenBreaches.get(lang), t.header()));
    if ov.breaches.is_empty() {
        l.push(Line::styled(
            format!("  {}", Text::NoneYet.get(lang)),
            t.dim(),
        ));
    }
    rows.lines(frame, l);
    for b in &ov.breaches {
        // The clock in words, the gauge beside it; the title under both.
        let hours = b.hours_left(ctx.now);
        let text = format!("  {}  ", b.clock_text(ctx.now, lang));
        let line = rows.take(1);
        let width = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
        let [words, gauge] =
            Layout::horizontal([Constraint::Length(width), Constraint::Max(24)]).areas(line);
        frame.render_widget(
            Paragraph::new(Span::styled(text, t.days(hours / 24))),
            words,
        );
        clock_gauge::draw(frame, gauge, b, ctx);
        rows.indented(frame, vec![Line::raw(b.title.clone())], 4);
    }
    let mut l = vec![
        Line::raw(""),
        Line::styled(Text::OpenRequests.get(lang), t.header()),
    ];
    if st.open_requests.is_empty() {
        l.push(Line::styled(
            format!("  {}", Text::NoneYet.get(lang)),
            t.dim(),
        ));
    }
    rows.lines(frame, l);
    // Each request: its clock, kind and date, then the name.
    let lines: Vec<(Line<'static>, usize)> = st
        .open_requests
        .iter()
        .map(|r| {
            let cd = countdown::cell(lang, t, Deadline::On(r.due_on), ctx.today);
            let what = format!(
                "  {} ({})",
                ui::request_kind(r.kind).get(lang),
                dates::date(lang, r.due_on)
            );
            let dated = cd.content.chars().count() + what.chars().count();
            let name = r
                .person
                .as_ref()
                .map(|n| format!(" {n}"))
                .unwrap_or_default();
            let line = Line::from(vec![
                Span::styled(cd.content.clone(), cd.style),
                Span::raw(format!("{what}{name}")),
            ]);
            (line, dated)
        })
        .collect();
    // Wrapped whole where they all fit; else each on one row where its date
    // does (the name ends in "…"), as many as fit, and a last line says how
    // many more screen 7 has. A date is never cut.
    let width = area.width.saturating_sub(2);
    let mut room = usize::from(area.bottom().saturating_sub(rows.y));
    let wrapped_rows = |l: &Line<'static>| wrapped::rows(std::slice::from_ref(l), width);
    let all_fit = lines.iter().map(|(l, _)| wrapped_rows(l)).sum::<usize>() <= room;
    let count = lines.len();
    for (i, (line, dated)) in lines.into_iter().enumerate() {
        let one_row = !all_fit && dated + 2 <= usize::from(width);
        let needed = if one_row { 1 } else { wrapped_rows(&line) };
        let more_after = count - i - 1;
        if needed + usize::from(more_after > 0) > room {
            let more = Line::styled(ui::more_requests(lang, count - i), t.dim());
            rows.indented(frame, vec![more], 2);
            break;
        }
        room -= needed;
        if one_row {
            let row = rows.take(1);
            let row = Rect {
                x: row.x + 2,
                width,
                ..row
            };
            frame.render_widget(Paragraph::new(ellipsis::fit(line, width)), row);
        } else {
            rows.indented(frame, vec![line], 2);
        }
    }
    let l = vec![
        Line::raw(""),
        Line::styled(Text::RecordCounts.get(lang), t.header()),
    ];
    rows.lines(frame, l);
    // The counts as one text that wraps, so they fit a small terminal; a
    // no-break space keeps each number with its noun and each `·` with the
    // count before it, so no line starts with a separator.
    let counts: Vec<String> = st
        .counts
        .iter()
        .map(|(kind, n)| format!("{n}\u{a0}{}", ui::kind_counted(lang, *kind, *n)))
        .collect();
    let rest = rows.take(area.height);
    frame.render_widget(
        Paragraph::new(format!("  {}", counts.join("\u{a0}· "))).wrap(Wrap { trim: true }),
        rest,
    );
}

fn next_deadlines(frame: &mut Frame, area: Rect, ov: &Overview, ctx: &Ctx) {
    let (lang, t) = (ctx.lang, &ctx.theme);
    let st = &ov.status;
    let [title, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(Text::NextDeadlines.get(lang), t.header())),
        title,
    );
    if st.next_deadlines.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("  {}", Text::NoneYet.get(lang)),
                t.dim(),
            )),
            list,
        );
        return;
    }
    let columns = Columns {
        headers: vec![
            Text::ColDeadline.get(lang),
            Text::ColKind.get(lang),
            Text::ColRecord.get(lang),
        ],
        widths: vec![Width::Fit, Width::Fit, Width::text(8)],
    };
    let mut cells: Vec<Vec<Line>> = st
        .next_deadlines
        .iter()
        .map(|u| {
            vec![
                Line::from(countdown::cell(
                    lang,
                    t,
                    Deadline::On(u.deadline),
                    ctx.today,
                )),
                Line::styled(ui::kind_name(lang, u.kind), t.dim()),
                Line::from(u.label.clone()),
            ]
        })
        .collect();
    // Where the names would have to give way, the kinds in a word
    // ("rapportage"), so the name keeps the room.
    if !table::fits_whole(&columns.headers, &cells, list.width) {
        for (row, u) in cells.iter_mut().zip(&st.next_deadlines) {
            row[1] = Line::styled(ui::kind_short(lang, u.kind), t.dim());
        }
    }
    table::draw_rows(frame, list, columns, cells, ctx);
}

/// The deadlines still to come by month, this month first: where the next
/// wave of deletions is. The month under each bar and the count under the
/// month, both as text: they read without colour, where a count drawn in a
/// bar does not.
fn months_chart(frame: &mut Frame, area: Rect, ov: &Overview, ctx: &Ctx) {
    let (lang, t) = (ctx.lang, &ctx.theme);
    let [title, chart, counts] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(Text::DeadlinesByMonth.get(lang), t.header())),
        title,
    );
    let months = &ov.status.by_month;
    let n = u16::try_from(months.len().max(1)).unwrap_or(1);
    // As wide as the area allows, one column between the bars.
    let bar_width = (area.width.saturating_sub(n) / n).clamp(1, 9);
    let bars: Vec<Bar> = months
        .iter()
        .map(|(first, count)| {
            let value = u64::try_from(*count).unwrap_or(u64::MAX);
            Bar::with_label(dates::month_short(lang, first.month()), value)
                .text_value(String::new())
        })
        .collect();
    let chart_widget = BarChart::new(bars)
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_style(t.good())
        .label_style(t.plain());
    frame.render_widget(chart_widget, chart);
    // Each count centred under its bar, as the chart centres the month.
    let width = usize::from(bar_width);
    let row: String = months
        .iter()
        .map(|(_, count)| format!("{:^width$} ", count.to_string()))
        .collect();
    frame.render_widget(
        Paragraph::new(Line::styled(row.trim_end().to_string(), t.plain())),
        counts,
    );
}
