//! Screen 6: the mailing list with source and evidence; the unsubscribed
//! addresses only as a count (they are kept as keyed hashes, never shown).

use super::block_with_filter;
use crate::app::screens::mailing::MailingScreen;
use crate::i18n::dates;
use crate::i18n::ui::{self, Text};
use crate::ui::Ctx;
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

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
    // Wrapped as the screen counted it for its page.
    let text: Vec<Line> = screen
        .summary_lines(inner.width)
        .into_iter()
        .map(|l| Line::styled(l, t.dim()))
        .collect();
    let rows = u16::try_from(text.len()).unwrap_or(1);
    let [summary, rest] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(text), summary);
    let columns = Columns {
        headers: vec![
            Text::ColEmail.get(lang),
            Text::ColName.get(lang),
            Text::ColSource.get(lang),
            Text::ColEvidence.get(lang),
            Text::ColSince.get(lang),
        ],
        widths: vec![
            Width::Flex { min: 10, weight: 3 },
            Width::Flex { min: 6, weight: 2 },
            Width::Fit,
            Width::Flex { min: 8, weight: 3 },
            Width::Fit,
        ],
    };
    table::draw(frame, rest, list, columns, ctx, |i| {
        let (_, s) = &screen.rows[i];
        vec![
            Line::from(s.email.clone()),
            Line::from(s.name.clone().unwrap_or_default()),
            Line::from(ui::source_name(lang, s.source)),
            Line::from(ui::evidence(lang, s.source, &s.evidence, s.subscribed_on)),
            Line::from(dates::date(lang, s.subscribed_on)),
        ]
    });
}
