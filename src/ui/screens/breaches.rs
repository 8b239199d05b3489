//! Screen 8: the breach register with the 72-hour clock, and one breach
//! with its checklist and the recommendation of its assessment. The clock
//! is drawn at the frame's now, so it runs while the screen is open.

use super::{block, block_with_filter};
use crate::app::screens::breaches::{BreachDetail, BreachesScreen};
use crate::domain::breach::{At, ChecklistStep, Clock as BreachClock, WhyNot};
use crate::i18n::dates;
use crate::i18n::ui::{self, Text};
use crate::ops::breach::{BreachRow, StepRow};
use crate::ui::Ctx;
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use crate::ui::widgets::wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The clock at the frame's now: stopped clocks stay stopped.
fn clock_now(stopped: bool, deadline: At, ctx: &Ctx) -> BreachClock {
    if stopped {
        BreachClock::Done
    } else {
        BreachClock::until(deadline, ctx.now)
    }
}

/// The clock as text, coloured by urgency as an extra: red in the last day
/// and after the deadline, yellow before.
fn clock_span(clock: BreachClock, closed: bool, ctx: &Ctx) -> Span<'static> {
    let t = &ctx.theme;
    match clock {
        _ if closed => Span::styled(Text::BreachClosed.get(ctx.lang), t.dim()),
        BreachClock::Done => Span::styled(clock.text(ctx.lang), t.good()),
        BreachClock::Left { hours, .. } => {
            let days = i64::try_from(hours / 24).unwrap_or(i64::MAX);
            Span::styled(clock.text(ctx.lang), t.days(days))
        }
        BreachClock::Overdue { .. } => Span::styled(clock.text(ctx.lang), t.days(-1)),
    }
}

fn risk_span(r: &BreachRow, ctx: &Ctx) -> Span<'static> {
    match r.risk {
        Some(risk) => Span::raw(risk.label(ctx.lang)),
        None => Span::styled(Text::NotAssessed.get(ctx.lang), ctx.theme.dim()),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, screen: &BreachesScreen, ctx: &Ctx) {
    if let Some(d) = &screen.detail {
        return detail(frame, area, d, ctx);
    }
    let lang = ctx.lang;
    let list = &screen.list;
    let inner = block_with_filter(
        frame,
        area,
        table::title(Text::ScreenBreaches.get(lang), list, screen.rows.len()),
        list,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::ColBreachClock.get(lang),
            Text::ColTitle.get(lang),
            Text::ColDiscovered.get(lang),
            Text::ColRisk.get(lang),
            Text::ColNextStep.get(lang),
        ],
        widths: vec![
            Width::Fit,
            Width::Flex { min: 10, weight: 2 },
            Width::Fit,
            Width::Fit,
            Width::text(10),
        ],
    };
    table::draw(frame, inner, list, columns, ctx, |i| {
        let r = &screen.rows[i];
        let stopped = r.clock == BreachClock::Done;
        let clock = clock_now(stopped, r.notify_deadline, ctx);
        let next = r.next_step.map_or("—", |s| s.label(lang));
        vec![
            Line::from(clock_span(clock, r.closed_at.is_some(), ctx)),
            Line::from(r.title.clone()),
            Line::from(dates::date(lang, r.discovered_at.date_naive())),
            Line::from(risk_span(r, ctx)),
            Line::from(next),
        ]
    });
}

/// The width of the labels of the breach's facts.
const LABEL_WIDTH: usize = 16;

fn label(text: Text, ctx: &Ctx) -> Span<'static> {
    Span::styled(
        format!("{:<LABEL_WIDTH$}", text.get(ctx.lang)),
        ctx.theme.dim(),
    )
}

/// What is recorded with a step, and on how many lines at most: the plan
/// on `plan_lines` (one when it shows whole beside the checklist).
fn step_note(
    row: &StepRow,
    d: &BreachDetail,
    plan_lines: usize,
    ctx: &Ctx,
) -> Option<(String, usize)> {
    let lang = ctx.lang;
    let c = &d.view.breach.checklist;
    let why_not = |w: &WhyNot| format!("{}: {}", Text::DetailWhyNot.get(lang), w.reason);
    let with = |label: Text, text: &str| {
        (!text.is_empty()).then(|| format!("{}: {text}", label.get(lang)))
    };
    let lines = if row.step == ChecklistStep::ActionPlanMade {
        plan_lines
    } else {
        3
    };
    let extra = match row.step {
        ChecklistStep::ActionPlanMade => with(Text::DetailPlan, &c.action_plan),
        ChecklistStep::AuthorityNotified => match &row.declined {
            Some(w) => Some(why_not(w)),
            None => with(Text::DetailReference, &c.ap_reference),
        },
        ChecklistStep::PeopleInformed => match &row.declined {
            Some(w) => Some(why_not(w)),
            None => with(Text::DetailHow, &c.people_informed_how),
        },
        _ => None,
    };
    let note = match (row.done_at, extra) {
        (Some(at), Some(x)) => Some(format!("{}  {x}", dates::moment(lang, at))),
        (Some(at), None) => Some(dates::moment(lang, at)),
        (None, x) => x,
    };
    note.map(|n| (n, lines))
}

/// `text` in lines of at most `width` characters, broken between words;
/// at most `max` lines, the last one cut with `…`.
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let max = max.max(1);
    if lines.len() > max {
        let rest = lines[max - 1..].join(" ");
        lines.truncate(max - 1);
        lines.push(rest);
    }
    lines.iter().map(|l| fit(l, width)).collect()
}

/// `text` cut to `width` characters, with `…` when it was longer.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The checklist, and the index of the line of the step under the cursor.
fn checklist_lines(
    d: &BreachDetail,
    width: usize,
    plan_lines: usize,
    ctx: &Ctx,
) -> (Vec<Line<'static>>, usize) {
    let t = &ctx.theme;
    let mut out = vec![Line::styled(
        Text::DetailChecklist.get(ctx.lang),
        t.header(),
    )];
    let mut cursor_line = 0;
    for (i, row) in d.view.steps.iter().enumerate() {
        let selected = i == d.cursor;
        if selected {
            cursor_line = out.len();
        }
        let (mark, style) = match (row.done_at, &row.declined) {
            (Some(_), Some(_)) => ("[–]", t.good()),
            (Some(_), None) => ("[x]", t.good()),
            (None, _) => ("[ ]", t.plain()),
        };
        let pointer = if selected { "▸ " } else { "  " };
        let line_style = if selected { t.selected() } else { Style::new() };
        out.push(
            Line::from(vec![
                Span::styled(pointer, t.key()),
                Span::styled(mark, style),
                Span::raw(format!(
                    " {}",
                    fit(row.step.label(ctx.lang), width.saturating_sub(6))
                )),
            ])
            .style(line_style),
        );
        if let Some((note, max)) = step_note(row, d, plan_lines, ctx) {
            for l in wrap(&note, width.saturating_sub(6), max) {
                out.push(Line::styled(format!("      {l}"), t.dim()));
            }
        }
    }
    (out, cursor_line)
}

/// The breach's facts, one per line after its label; the data, which can
/// be long, continues under its first line in `width` columns.
fn info_lines(d: &BreachDetail, width: u16, ctx: &Ctx) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let b = &d.view.breach;
    let clock = clock_now(b.clock_stopped(), b.notify_deadline(), ctx);
    let risk = match &d.view.recommendation {
        Some(a) => Span::raw(a.risk.label(lang)),
        None => Span::styled(Text::NotAssessed.get(lang), ctx.theme.dim()),
    };
    let mut data: Vec<String> = Vec::new();
    if !b.data_categories.is_empty() {
        data.push(b.data_categories.join(", "));
    }
    if let Some(n) = b.approx_people {
        data.push(ui::approx_people(lang, n));
    }
    if let Some(n) = b.approx_records {
        data.push(ui::approx_records(lang, n));
    }
    let data = if data.is_empty() {
        "—".to_string()
    } else {
        data.join("; ")
    };
    let next = d.view.next_step.map_or("—", |s| s.label(lang));
    let mut out = vec![
        Line::from(vec![
            label(Text::ColDiscovered, ctx),
            Span::raw(dates::moment(lang, b.discovered_at)),
        ]),
        Line::from(vec![
            label(Text::DetailApDeadline, ctx),
            Span::raw(dates::moment(lang, b.notify_deadline())),
        ]),
        Line::from(vec![
            label(Text::ColBreachClock, ctx),
            clock_span(clock, b.closed_at.is_some(), ctx),
        ]),
        Line::from(vec![label(Text::ColRisk, ctx), risk]),
        Line::from(vec![label(Text::ColNextStep, ctx), Span::raw(next)]),
    ];
    let value_width = usize::from(width).saturating_sub(LABEL_WIDTH).max(10);
    for (i, l) in wrap(&data, value_width, usize::MAX).into_iter().enumerate() {
        out.push(Line::from(vec![
            if i == 0 {
                label(Text::DetailData, ctx)
            } else {
                Span::raw(" ".repeat(LABEL_WIDTH))
            },
            Span::raw(l),
        ]));
    }
    out.push(Line::raw(""));
    out
}

/// The recommendation, what closing waits for, the description, the
/// cause and, `with_plan`, the action plan.
fn advice_lines(d: &BreachDetail, with_plan: bool, ctx: &Ctx) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let b = &d.view.breach;
    let mut out = Vec::new();
    if d.view.late && b.is_open() {
        out.push(Line::styled(Text::LateHint.get(lang), t.error()));
        out.push(Line::raw(""));
    }
    out.push(Line::styled(
        Text::DetailRecommendation.get(lang),
        t.header(),
    ));
    match &d.view.recommendation {
        Some(a) => {
            out.extend(recommendation_lines(a, ctx));
        }
        None => out.push(Line::styled(Text::NotAssessedHint.get(lang), t.dim())),
    }
    if b.is_open() {
        out.push(Line::raw(""));
        out.push(if d.view.close_blockers.is_empty() {
            Line::styled(Text::CanClose.get(lang), t.good())
        } else {
            let names: Vec<&str> = d
                .view
                .close_blockers
                .iter()
                .map(|s| s.label(lang))
                .collect();
            Line::styled(ui::close_needs(lang, &names.join(", ")), t.dim())
        });
    }
    for (title, text) in [
        (Text::DetailDescription, &b.description),
        (Text::DetailCause, &b.cause),
        (Text::FieldActionPlan, &b.checklist.action_plan),
    ] {
        let shown = with_plan || title != Text::FieldActionPlan;
        if shown && !text.is_empty() {
            out.push(Line::raw(""));
            out.push(Line::styled(title.get(lang), t.header()));
            out.push(Line::raw(text.clone()));
        }
    }
    out
}

/// The risk, the two decisions and the reasons: shared with the
/// assessment popup.
pub fn recommendation_lines(
    a: &crate::domain::breach_assessment::Assessment,
    ctx: &Ctx,
) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let risk_style = match a.risk {
        crate::domain::breach_assessment::Risk::None => t.good(),
        crate::domain::breach_assessment::Risk::Risk => t.days(1),
        crate::domain::breach_assessment::Risk::High => t.error(),
    };
    let mut out = vec![
        Line::styled(a.risk.label(lang).to_string(), risk_style),
        Line::raw(ui::advice_authority(lang, a.notify_authority)),
        Line::raw(ui::advice_people(lang, a.inform_subjects)),
    ];
    for r in &a.reasons {
        out.push(Line::raw(format!("• {}", r.text(lang))));
    }
    out
}

/// Two columns when the checklist and the advice fit beside each other;
/// else one, the checklist with the plan whole under its step and the
/// advice under it.
fn detail(frame: &mut Frame, area: Rect, d: &BreachDetail, ctx: &Ctx) {
    let title = format!(
        " {} · {} ",
        Text::ScreenBreaches.get(ctx.lang),
        d.view.breach.title
    );
    let outer = block(title, ctx);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(56), Constraint::Percentage(44)])
            .spacing(2)
            .areas(inner);
    let advice = advice_lines(d, true, ctx);
    // The steps' names whole (after the pointer and the box), and the
    // advice no taller than the pane.
    let widest_step = d
        .view
        .steps
        .iter()
        .map(|r| r.step.label(ctx.lang).chars().count() + 6)
        .max()
        .unwrap_or(0);
    let beside = widest_step <= usize::from(left.width)
        && wrapped::rows(&advice, right.width) <= usize::from(right.height);
    if beside {
        let mut lines = info_lines(d, left.width, ctx);
        let (checklist, cursor) = checklist_lines(d, usize::from(left.width), 1, ctx);
        let cursor = lines.len() + cursor;
        lines.extend(checklist);
        scrolled(frame, left, lines, cursor, false);
        frame.render_widget(Paragraph::new(advice).wrap(Wrap { trim: true }), right);
        return;
    }
    let mut lines = info_lines(d, inner.width, ctx);
    let (checklist, cursor) = checklist_lines(d, usize::from(inner.width), usize::MAX, ctx);
    let cursor = lines.len() + cursor;
    lines.extend(checklist);
    lines.push(Line::raw(""));
    lines.extend(advice_lines(d, false, ctx));
    let last_step = d.cursor + 1 >= d.view.steps.len();
    scrolled(frame, inner, lines, cursor, last_step);
}

/// `lines` wrapped in `area`, scrolled so line `cursor` and the line under
/// it show; `to_end`, further towards the last line as far as the cursor
/// stays in sight (the cursor on the last step shows what follows the
/// checklist).
fn scrolled(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, cursor: usize, to_end: bool) {
    let height = usize::from(area.height);
    let upto = (cursor + 2).min(lines.len());
    let mut scroll = wrapped::rows(&lines[..upto], area.width).saturating_sub(height);
    if to_end {
        let to_last = wrapped::rows(&lines, area.width).saturating_sub(height);
        let to_cursor = wrapped::rows(&lines[..cursor.min(lines.len())], area.width);
        scroll = scroll.max(to_last.min(to_cursor));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_wrap_between_words_and_stop_with_an_ellipsis() {
        assert_eq!(
            wrap("een twee drie vier", 9, 3),
            vec!["een twee", "drie vier"]
        );
        assert_eq!(wrap("een twee drie vier", 9, 1), vec!["een twee…"]);
        assert_eq!(wrap("", 9, 2), Vec::<String>::new());
        assert_eq!(fit("abcdefghijkl", 8), "abcdefg…");
    }
}
