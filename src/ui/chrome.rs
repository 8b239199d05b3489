//! The frame around every screen: the tab bar, the status line, the footer
//! generated from the key table.

use super::Ctx;
use crate::app::Screen;
use crate::app::keymap::{self, Binding};
use crate::app::workspace::Workspace;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// How much of each tab is written; the bar drops detail until it fits.
#[derive(Clone, Copy, PartialEq)]
enum Detail {
    /// Every screen's number and name.
    Full,
    /// Numbers only, except the active screen.
    NumbersOnly,
}

fn tab_label(s: Screen, ws: &Workspace, ctx: &Ctx, detail: Detail) -> String {
    let n = s.number();
    let mut label = if detail == Detail::Full || s == ws.screen {
        format!("{n} {}", s.name().get(ctx.lang))
    } else {
        format!("{n}")
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
    // Less space around the labels, then fewer names, until it fits.
    let (labels, pad) = [(Detail::Full, 1), (Detail::Full, 0)]
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
