//! The unlock screen, and the create screen on the first run.

use super::widgets::wrapped;
use super::{Ctx, form};
use crate::app::App;
use crate::app::keymap;
use crate::app::layout;
use crate::app::unlock::{Unlock, UnlockMode};
use crate::i18n::ui::{self, Text};
use crate::ops::strength;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, u: &Unlock, app: &App, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let create = u.mode == UnlockMode::Create;
    let title = if create {
        Text::CreateTitle
    } else {
        Text::UnlockTitle
    };
    const WIDTH: u16 = 72;
    let box_width = layout::popup(area, WIDTH, 1).width;
    let width = usize::from(box_width.saturating_sub(22));
    let field = |label: Text, input, focus: bool| {
        let mut spans = vec![
            Span::styled(if focus { "▸ " } else { "  " }, t.key()),
            Span::styled(format!("{:<16}", label.get(lang)), t.dim()),
        ];
        spans.extend(form::input_spans(input, true, focus, width, ctx));
        Line::from(spans)
    };
    let mut lines = vec![Line::raw("")];
    if create {
        let dir = app.settings.vault_dir.display().to_string();
        lines.push(Line::raw(ui::create_in(lang, &dir)));
        lines.push(Line::styled(Text::CreateHint.get(lang), t.dim()));
        lines.push(Line::raw(""));
    }
    lines.push(field(Text::Passphrase, &u.passphrase, u.focus == 0));
    if create {
        lines.push(field(Text::PassphraseAgain, &u.again, u.focus == 1));
        lines.push(Line::raw(""));
        let bits = u.strength_bits();
        lines.push(Line::styled(
            format!("  {}", ui::strength(lang, bits, strength::word(bits))),
            t.days(i64::from(bits) - i64::from(strength::STRONG_BITS) + 1),
        ));
    }
    lines.push(Line::raw(""));
    if let Some(n) = &u.notice {
        for l in n.lines() {
            lines.push(Line::styled(format!("  {l}"), t.error()));
        }
    }
    if let Some(demo) = &app.settings.demo {
        lines.push(Line::styled(
            format!(
                "  {} {}",
                Text::DemoPassphraseIs.get(lang),
                demo.passphrase.as_str()
            ),
            t.key(),
        ));
    }
    let minutes = app.settings.idle_lock.as_secs() / 60;
    lines.push(Line::styled(
        format!("  {}", ui::idle_after(lang, minutes)),
        t.dim(),
    ));
    // As tall as its lines once wrapped, the border included.
    let rows = wrapped::rows(&lines, box_width.saturating_sub(2));
    let rect = layout::popup(area, WIDTH, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    let block = Block::bordered()
        .border_style(t.focus_border())
        .title(Span::styled(
            format!(" {} · {} ", Text::AppName.get(lang), title.get(lang)),
            t.title(),
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        rect,
    );
    let footer = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let mut spans = vec![Span::raw(" ")];
    for b in app.commands() {
        spans.push(Span::styled(keymap::keys_label(b), t.key()));
        spans.push(Span::raw(format!(" {}  ", b.help.get(lang))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), footer);
}
