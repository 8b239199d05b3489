//! Screen 2: people with organisation, roles and countdown; the detail of
//! one person.

use super::{block, block_with_filter};
use crate::app::screens::people::{DetailLine, Part, PeopleScreen, PersonDetail};
use crate::domain::retention::Deadline;
use crate::i18n::dates;
use crate::i18n::ui::Text;
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, screen: &PeopleScreen, ctx: &Ctx) {
    if let Some(d) = &screen.detail {
        return detail(frame, area, d, ctx);
    }
    let lang = ctx.lang;
    let list = &screen.list;
    let inner = block_with_filter(
        frame,
        area,
        table::title(Text::ScreenPeople.get(lang), list, screen.rows.len()),
        list,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::ColName.get(lang),
            Text::ColOrganisation.get(lang),
            Text::ColRoles.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Width::Flex { min: 10, weight: 3 },
            Width::Flex { min: 8, weight: 2 },
            Width::text(9),
            Width::Fit,
        ],
    };
    table::draw(frame, inner, list, columns, ctx, |i| {
        let r = &screen.rows[i];
        let roles = match (r.participant, r.requester) {
            (true, true) => format!(
                "{}, {}",
                Text::RoleParticipant.get(lang),
                Text::RoleRequester.get(lang)
            ),
            (true, false) => Text::RoleParticipant.get(lang).into(),
            (false, true) => Text::RoleRequester.get(lang).into(),
            (false, false) => Text::RoleNone.get(lang).into(),
        };
        vec![
            Line::from(r.name.clone()),
            Line::from(r.organisation.clone()),
            Line::from(roles),
            Line::from(countdown::cell(lang, &ctx.theme, r.deadline, ctx.today)),
        ]
    });
}

/// An indented line of the detail, after its countdown if it has one, in
/// a column of `width` (the widest countdown and two spaces).
fn item(text: String, deadline: Option<Deadline>, width: usize, ctx: &Ctx) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    if let Some(dl) = deadline {
        let c = countdown::cell(ctx.lang, &ctx.theme, dl, ctx.today);
        spans.push(Span::styled(format!("{:<width$}", c.content), c.style));
    }
    spans.push(Span::raw(text));
    Line::from(spans)
}

fn detail(frame: &mut Frame, area: Rect, d: &PersonDetail, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let countdowns = d.lines.iter().filter_map(|l| match l {
        DetailLine::Item(_, Some(dl)) | DetailLine::Note(_, Some(dl)) => Some(*dl),
        _ => None,
    });
    let width = countdowns
        .map(|dl| {
            countdown::cell(lang, t, dl, ctx.today)
                .content
                .chars()
                .count()
                + 2
        })
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = d
        .lines
        .iter()
        .skip(d.scroll)
        .map(|l| match l {
            DetailLine::Heading(h) => Line::styled(h.get(lang), t.header()),
            DetailLine::Field(label, value) => Line::from(vec![
                Span::styled(format!("{:<14}", label.get(lang)), t.dim()),
                Span::raw(value.clone()),
            ]),
            DetailLine::Countdown(label, deadline) => {
                let c = countdown::cell(lang, t, *deadline, ctx.today);
                let date = deadline
                    .date()
                    .map(|d| format!("  ({})", dates::date(lang, d)))
                    .unwrap_or_default();
                Line::from(vec![
                    Span::styled(format!("{:<14}", label.get(lang)), t.dim()),
                    Span::styled(c.content.to_string(), c.style),
                    Span::raw(date),
                ])
            }
            DetailLine::Item(text, deadline) => item(text.clone(), *deadline, width, ctx),
            DetailLine::DateField(label, date) => Line::from(vec![
                Span::styled(format!("{:<14}", label.get(lang)), t.dim()),
                Span::raw(dates::date(lang, *date)),
            ]),
            DetailLine::Note(parts, deadline) => {
                let text: String = parts
                    .iter()
                    .map(|p| match p {
                        Part::Stored(s) => s.clone(),
                        Part::Word(w) => w.get(lang).to_string(),
                        Part::Date(d) => dates::date(lang, *d),
                    })
                    .collect();
                item(text, *deadline, width, ctx)
            }
            DetailLine::Empty => Line::raw(""),
        })
        .collect();
    let title = format!(" {} · {} ", Text::ScreenPeople.get(lang), d.name);
    frame.render_widget(Paragraph::new(lines).block(block(title, ctx)), area);
}
