//! The frame around every screen: the tab bar, the status line, the footer
//! generated from the key table.

use super::Ctx;
use super::widgets::ellipsis;
use crate::app::keymap::{self, Binding};
use crate::app::workspace::Workspace;
use crate::app::{Action, Screen};
use crate::i18n::ui::Text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// How much of each tab is written; the bar drops detail until it fits.
#[derive(Clone, Copy, PartialEq)]
enum Detail {
    /// Every screen's number and name.
    Full,
    /// Every screen's number and short name.
    Short,
    /// Numbers only, except the active screen.
    NumbersOnly,
}

/// The name on a tab when the full names do not fit.
fn short_name(s: Screen) -> Text {
    match s {
        Screen::TeamReports => Text::TabTeamReports,
        Screen::Mailing => Text::TabMailing,
        Screen::ToDelete => Text::TabToDelete,
        s => s.name(),
    }
}

fn tab_label(s: Screen, ws: &Workspace, ctx: &Ctx, detail: Detail) -> String {
    let n = s.number();
    let mut label = match detail {
        Detail::Full => format!("{n} {}", s.name().get(ctx.lang)),
        Detail::Short => format!("{n} {}", short_name(s).get(ctx.lang)),
        Detail::NumbersOnly if s == ws.screen => format!("{n} {}", s.name().get(ctx.lang)),
        Detail::NumbersOnly => format!("{n}"),
    };
    if let Some(n) = ws.screens.get(s).badge() {
        label.push_str(&format!(" ({n})"));
    }
    label
}

fn tab_labels(ws: &Workspace, ctx: &Ctx, detail: Detail) -> Vec<(Screen, String)> {
    Screen::ALL
        .into_iter()
        .map(|s| (s, tab_label(s, ws, ctx, detail)))
        .collect()
}

/// The width of the bar with `pad` spaces on each side of every label.
fn width_of(labels: &[(Screen, String)], pad: usize) -> usize {
    let text: usize = labels
        .iter()
        .map(|(_, l)| l.chars().count() + 2 * pad)
        .sum();
    text + labels.len().saturating_sub(1)
}

pub fn tabs(frame: &mut Frame, area: Rect, ws: &Workspace, ctx: &Ctx) {
    let width = usize::from(area.width);
    // Less space around the labels, then shorter names, then numbers only.
    let (labels, pad) = [
        (Detail::Full, 1),
        (Detail::Full, 0),
        (Detail::Short, 1),
        (Detail::Short, 0),
    ]
    .into_iter()
    .map(|(d, pad)| (tab_labels(ws, ctx, d), pad))
    .find(|(l, pad)| width_of(l, *pad) <= width)
    .unwrap_or_else(|| (tab_labels(ws, ctx, Detail::NumbersOnly), 1));
    let pad = " ".repeat(pad);
    let mut spans = Vec::new();
    for (i, (s, label)) in labels.iter().enumerate() {
        let style = if *s == ws.screen {
            ctx.theme.active_tab()
        } else {
            ctx.theme.plain()
        };
        if i > 0 {
            spans.push(Span::styled("│", ctx.theme.border()));
        }
        spans.push(Span::styled(format!("{pad}{label}{pad}"), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status line: the last message, and today's date on the right. A
/// message too long for both takes the date's room as well, and one too
/// long even for the whole line ends in "…" rather than running into it.
pub fn status(frame: &mut Frame, area: Rect, message: Option<&str>, ctx: &Ctx) {
    let text = message.and_then(|m| m.lines().next()).unwrap_or("");
    let date = format!("{} ", crate::i18n::dates::date(ctx.lang, ctx.today));
    let total = usize::from(area.width);
    // One space before the message, at least two between it and the date.
    let with_date = total.saturating_sub(1 + 2 + date.chars().count());
    let (room, date) = if text.chars().count() <= with_date {
        (with_date, date)
    } else {
        (total.saturating_sub(1), String::new())
    };
    let text = ellipsis::fit(Line::raw(text), u16::try_from(room).unwrap_or(u16::MAX));
    let pad = total.saturating_sub(1 + text.width() + date.chars().count());
    let mut spans = vec![Span::raw(" ")];
    spans.extend(text.spans.into_iter().map(|s| s.style(ctx.theme.good())));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(date, ctx.theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The footer: the commands of whatever has the keys, as many as fit, in
/// table order (the screen's first, then sort, then search and the other
/// keys of every screen). Help and quit are kept whatever else has to go,
/// so `?` and `q` are always on screen.
pub fn footer(frame: &mut Frame, area: Rect, commands: &[&'static Binding], ctx: &Ctx) {
    let len = |b: &Binding| {
        keymap::keys_label(b).chars().count()
            + keymap::footer_help(b).get(ctx.lang).chars().count()
            + 3
    };
    let kept = |b: &Binding| matches!(b.action, Action::Help | Action::Quit);
    // One space before the first command; the last needs no gap after it.
    let mut room = usize::from(area.width).saturating_sub(1) + 2;
    room = room.saturating_sub(commands.iter().filter(|b| kept(b)).map(|b| len(b)).sum());
    let mut shown: Vec<&Binding> = Vec::new();
    for b in commands {
        if kept(b) {
            shown.push(b);
        } else if len(b) <= room {
            room -= len(b);
            shown.push(b);
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for b in shown {
        spans.push(Span::styled(keymap::keys_label(b), ctx.theme.key()));
        spans.push(Span::raw(format!(
            " {}  ",
            keymap::footer_help(b).get(ctx.lang)
        )));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
