//! Screen 3: trajectories, and the documents of one trajectory.

use super::block_with_filter;
use crate::app::layout::TRAJECTORY_INFO_ROWS;
use crate::app::screens::trajectories::{TrajectoriesScreen, TrajectoryDetail, TrajectoryRow};
use crate::domain::Kind;
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, dates};
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn status(r: &TrajectoryRow, ctx: &Ctx) -> String {
    match r.completed_on {
        Some(d) => format!(
            "{} {}",
            Text::StatusCompleted.get(ctx.lang),
            dates::date(ctx.lang, d)
        ),
        None => Text::StatusOpen.get(ctx.lang).to_string(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, screen: &TrajectoriesScreen, ctx: &Ctx) {
    if let Some(d) = &screen.detail
        && let Some(row) = screen.rows.iter().find(|r| r.id == d.id)
    {
        return detail(frame, area, screen, d, row, ctx);
    }
    let lang = ctx.lang;
    let list = &screen.list;
    let inner = block_with_filter(
        frame,
        area,
        table::title(Text::ScreenTrajectories.get(lang), list, screen.rows.len()),
        list,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::ColTitle.get(lang),
            Text::ColKind.get(lang),
            Text::ColParticipants.get(lang),
            Text::ColDocuments.get(lang),
            Text::ColCompleted.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Width::Flex { min: 10, weight: 3 },
            Width::Fit,
            Width::Flex { min: 8, weight: 2 },
            Width::Fit,
            Width::Fit,
            Width::Fit,
        ],
    };
    table::draw(frame, inner, list, columns, ctx, |i| {
        let r = &screen.rows[i];
        vec![
            Line::from(r.title.clone()),
            Line::from(ui::trajectory_kind(lang, r.kind)),
            Line::from(r.participants.clone()),
            Line::from(r.documents.to_string()).right_aligned(),
            // The date alone under "Afgerond", so the names keep the room.
            Line::from(r.completed_on.map_or_else(
                || Text::StatusOpen.get(lang).to_string(),
                |d| dates::date(lang, d),
            )),
            Line::from(countdown::cell(lang, &ctx.theme, r.deadline, ctx.today)),
        ]
    });
}

fn detail(
    frame: &mut Frame,
    area: Rect,
    screen: &TrajectoriesScreen,
    d: &TrajectoryDetail,
    row: &TrajectoryRow,
    ctx: &Ctx,
) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let inner = block_with_filter(
        frame,
        area,
        format!(" {} · {} ", Text::ScreenTrajectories.get(lang), row.title),
        &d.list,
        ctx,
    );
    let [info, docs] =
        Layout::vertical([Constraint::Length(TRAJECTORY_INFO_ROWS), Constraint::Min(0)])
            .areas(inner);
    let started = row
        .started_on
        .map_or_else(|| "—".to_string(), |d| dates::date(lang, d));
    let info_lines = vec![
        Line::from(vec![
            Span::styled(format!("{:<14}", Text::ColKind.get(lang)), t.dim()),
            Span::raw(ui::trajectory_kind(lang, row.kind)),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<14}", Text::ColParticipants.get(lang)), t.dim()),
            Span::raw(row.participants.clone()),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<14}", Text::FieldStartedOn.get(lang)), t.dim()),
            Span::raw(format!("{started}   {}", status(row, ctx))),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<14}", Text::ColDeadline.get(lang)), t.dim()),
            countdown::cell(lang, t, row.deadline, ctx.today),
            Span::raw(
                row.deadline
                    .date()
                    .map(|d| format!("  ({})", dates::date(lang, d)))
                    .unwrap_or_default(),
            ),
        ]),
    ];
    frame.render_widget(Paragraph::new(info_lines), info);
    // One blank row between the information and the documents.
    let docs_area = Rect {
        y: docs.y.saturating_add(1),
        height: docs.height.saturating_sub(1),
        ..docs
    };
    let documents = screen.detail_documents();
    if documents.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(Text::NoDocuments.get(lang), t.dim())),
            docs_area,
        );
        return;
    }
    let columns = Columns {
        headers: vec![
            Text::ColTitle.get(lang),
            Text::ColKind.get(lang),
            Text::FieldParticipant.get(lang),
            Text::ColCreated.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Width::Flex { min: 10, weight: 3 },
            Width::Fit,
            Width::Flex { min: 8, weight: 2 },
            Width::Fit,
            Width::Fit,
        ],
    };
    let cells = |i: usize, kind: fn(Lang, Kind) -> &'static str| {
        let r = &documents[i];
        vec![
            Line::from(r.title.clone()),
            Line::from(kind(lang, r.kind)),
            Line::from(r.participant.clone()),
            Line::from(dates::date(lang, r.created_on)),
            Line::from(countdown::cell(lang, t, r.deadline, ctx.today)),
        ]
    };
    // The kind in a word ("rapportage") where the rows on screen do not fit
    // whole, so titles and names keep the room.
    let shown: Vec<Vec<Line>> = d
        .list
        .window()
        .map(|(_, i)| cells(i, ui::kind_name))
        .collect();
    let kind = if table::fits_whole(&columns.headers, &shown, docs_area.width) {
        ui::kind_name
    } else {
        ui::kind_short
    };
    table::draw(frame, docs_area, &d.list, columns, ctx, |i| cells(i, kind));
}
