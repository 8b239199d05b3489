//! The search across records: the query, how many records it finds, and
//! the hits as a table of kind, label and detail. Stored text is escaped
//! (`domain::text`) before it reaches the terminal.

use super::Ctx;
use super::table::{self, Columns};
use super::widgets::columns::Width;
use crate::app::layout;
use crate::app::search::{ROWS_ABOVE_HITS, SearchView};
use crate::domain::text::escaped;
use crate::i18n::find;
use crate::i18n::ui::{self, Text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, view: &SearchView, ctx: &Ctx) {
    let (lang, t) = (ctx.lang, &ctx.theme);
    // As tall as the hits on one page need, the hint or a word when there
    // are none.
    let hits = if view.searching() {
        view.list.window().count()
    } else {
        0
    };
    let rows = u16::try_from(hits.max(2)).unwrap_or(u16::MAX);
    let height = (rows + ROWS_ABOVE_HITS + 2).min(layout::SEARCH_SIZE.1);
    let rect = layout::popup(area, layout::SEARCH_SIZE.0, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(t.focus_border())
        .title(Span::styled(
            format!(" {} ", Text::SearchTitle.get(lang)),
            t.title(),
        ))
        .padding(Padding::horizontal(1));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [query, count, hits] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let typed = Line::from(vec![
        Span::styled(format!("{}: ", Text::SearchLabel.get(lang)), t.key()),
        Span::raw(escaped(view.query()).into_owned()),
        Span::styled("▏", t.key()),
    ]);
    frame.render_widget(Paragraph::new(typed), query);
    if !view.searching() {
        let hint = Paragraph::new(Line::styled(Text::SearchHint.get(lang), t.dim()))
            .wrap(Wrap { trim: true });
        return frame.render_widget(hint, hits);
    }
    let list = &view.list;
    if list.is_empty() {
        let nothing = Line::styled(Text::SearchNothing.get(lang), t.dim());
        return frame.render_widget(Paragraph::new(nothing), hits);
    }
    frame.render_widget(
        Paragraph::new(Line::styled(find::found(lang, list.len()), t.dim())),
        count,
    );
    let columns = Columns {
        headers: vec![
            Text::ColKind.get(lang),
            Text::ColName.get(lang),
            Text::ColDetails.get(lang),
        ],
        widths: vec![
            Width::Fit,
            Width::Flex { min: 12, weight: 3 },
            Width::Flex { min: 8, weight: 1 },
        ],
    };
    table::draw(frame, hits, list, columns, ctx, |i| {
        let hit = &view.hits[i];
        vec![
            Line::from(ui::kind_name(lang, hit.kind)),
            Line::from(escaped(&hit.label).into_owned()),
            Line::from(escaped(&hit.detail).into_owned()),
        ]
    });
}
