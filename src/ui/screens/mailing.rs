//! Screen 6: the mailing list with source and evidence; the unsubscribed
//! addresses only as a count (they are kept as keyed hashes, never shown).

use super::block_with_filter;
use crate::app::screens::mailing::MailingScreen;
use crate::i18n::ui::{self, Text};
use crate::ui::Ctx;
use crate::ui::table::{self, Columns};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row};

pub fn draw(frame: &mut Frame, area: Rect, screen: &MailingScreen, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let list = &screen.list;
    let inner = block_with_filter(
        frame,
        area,
        table::title(Text::ScreenMailing.get(lang), list, screen.rows.len()),
        list,
        ctx,
    );
    let [summary, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let text = ui::mailing_summary(lang, screen.rows.len(), screen.suppressed);
    frame.render_widget(Paragraph::new(Line::styled(text, t.dim())), summary);
    let columns = Columns {
        headers: vec![
            Text::ColEmail.get(lang),
            Text::ColName.get(lang),
            Text::ColSource.get(lang),
            Text::ColEvidence.get(lang),
            Text::ColSince.get(lang),
        ],
        widths: vec![
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(9),
            Constraint::Fill(3),
            Constraint::Length(10),
        ],
    };
    table::draw(frame, rest, list, columns, ctx, |i| {
        let (_, s) = &screen.rows[i];
        Row::new(vec![
            Cell::from(s.email.clone()),
            Cell::from(s.name.clone().unwrap_or_default()),
            Cell::from(ui::source_name(lang, s.source)),
            Cell::from(s.evidence.clone()),
            Cell::from(s.subscribed_on.to_string()),
        ])
    });
}
