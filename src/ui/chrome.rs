//! The frame around every screen: the tab bar, the status line, the footer
//! generated from the key table.

use super::Ctx;
use crate::app::Screen;
use crate::app::keymap::{self, Binding};
use crate::app::workspace::Workspace;
use crate::i18n::ui::Text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn screen_name(s: Screen) -> Text {
    match s {
        Screen::Overview => Text::ScreenOverview,
        Screen::People => Text::ScreenPeople,
        Screen::Trajectories => Text::ScreenTrajectories,
        Screen::TeamReports => Text::ScreenTeamReports,
        Screen::Inquiries => Text::ScreenInquiries,
        Screen::Mailing => Text::ScreenMailing,
        Screen::Requests => Text::ScreenRequests,
        Screen::Breaches => Text::ScreenBreaches,
        Screen::ToDelete => Text::ScreenToDelete,
    }
}

/// How much of each tab is written; the bar drops detail until it fits.
#[derive(Clone, Copy, PartialEq)]
enum Detail {
    /// Every name; the screens still to come are marked.
    Full,
    /// Screens still to come as one "5–8 coming" tab.
    ComingShort,
    /// Numbers only, except the active screen.
    NumbersOnly,
}

fn tab_label(s: Screen, ws: &Workspace, ctx: &Ctx, detail: Detail) -> String {
    let n = s.number();
    let name = screen_name(s).get(ctx.lang);
    let coming = Text::Coming.get(ctx.lang);
    let active = s == ws.screen;
    let mut label = match (detail, s.is_coming()) {
        _ if active && s.is_coming() => format!("{n} {name} ({coming})"),
        _ if active => format!("{n} {name}"),
        (Detail::Full, true) => format!("{n} {name} ({coming})"),
        (Detail::Full, false) | (Detail::ComingShort, false) => format!("{n} {name}"),
        (Detail::ComingShort, true) | (Detail::NumbersOnly, _) => format!("{n}"),
    };
    if s == Screen::ToDelete && !ws.to_delete.rows.is_empty() {
        label.push_str(&format!(" ({})", ws.to_delete.rows.len()));
    }
    label
}

/// The tabs: one per screen, or the screens still to come as one group.
fn tab_labels(ws: &Workspace, ctx: &Ctx, detail: Detail) -> Vec<(Screen, String)> {
    let mut labels = Vec::new();
    for s in Screen::ALL {
        let grouped = detail == Detail::ComingShort && s.is_coming();
        if !grouped {
            labels.push((s, tab_label(s, ws, ctx, detail)));
        } else if Screen::ALL.into_iter().find(|c| c.is_coming()) == Some(s) {
            let active = Screen::ALL
                .into_iter()
                .find(|c| c.is_coming() && *c == ws.screen);
            labels.push(match active {
                Some(a) => (a, tab_label(a, ws, ctx, Detail::Full)),
                None => (
                    s,
                    format!("{} {}", coming_range(), Text::Coming.get(ctx.lang)),
                ),
            });
        }
    }
    labels
}

/// The numbers of the screens still to come: `8`, or `5–8`.
fn coming_range() -> String {
    let mut coming = Screen::ALL.into_iter().filter(|s| s.is_coming());
    let first = coming.next().map_or(0, Screen::number);
    match coming.next_back() {
        Some(last) => format!("{first}–{}", last.number()),
        None => first.to_string(),
    }
}

fn width_of(labels: &[(Screen, String)]) -> usize {
    let text: usize = labels.iter().map(|(_, l)| l.chars().count() + 2).sum();
    text + labels.len().saturating_sub(1)
}

pub fn tabs(frame: &mut Frame, area: Rect, ws: &Workspace, ctx: &Ctx) {
    let width = usize::from(area.width);
    let labels = [Detail::Full, Detail::ComingShort]
        .into_iter()
        .map(|d| tab_labels(ws, ctx, d))
        .find(|l| width_of(l) <= width)
        .unwrap_or_else(|| tab_labels(ws, ctx, Detail::NumbersOnly));
    let mut spans = Vec::new();
    for (i, (s, label)) in labels.iter().enumerate() {
        let style = if *s == ws.screen {
            ctx.theme.active_tab()
        } else if s.is_coming() {
            ctx.theme.dim()
        } else {
            ctx.theme.plain()
        };
        if i > 0 {
            spans.push(Span::styled("│", ctx.theme.border()));
        }
        spans.push(Span::styled(format!(" {label} "), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn status(frame: &mut Frame, area: Rect, message: Option<&str>, ctx: &Ctx) {
    let date = format!("{} ", ctx.today);
    let width = usize::from(area.width).saturating_sub(date.chars().count() + 1);
    let text: String = message
        .and_then(|m| m.lines().next())
        .unwrap_or("")
        .chars()
        .take(width)
        .collect();
    let pad =
        usize::from(area.width).saturating_sub(text.chars().count() + 1 + date.chars().count());
    let line = Line::from(vec![
        Span::styled(format!(" {text}"), ctx.theme.good()),
        Span::raw(" ".repeat(pad)),
        Span::styled(date, ctx.theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The footer: the commands of whatever has the keys, as many as fit.
pub fn footer(frame: &mut Frame, area: Rect, commands: &[&'static Binding], ctx: &Ctx) {
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for b in commands {
        let keys = keymap::keys_label(b);
        let what = b.help.get(ctx.lang);
        let len = keys.chars().count() + what.chars().count() + 3;
        if used + len > usize::from(area.width) {
            break;
        }
        used += len;
        spans.push(Span::styled(keys, ctx.theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
