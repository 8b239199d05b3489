//! Screen 4: team reports (their bodies stay sealed).

use super::block_with_filter;
use crate::app::screens::team_reports::TeamReportsScreen;
use crate::i18n::ui::Text;
use crate::ui::table::{self, Columns};
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row};

pub fn draw(frame: &mut Frame, area: Rect, screen: &TeamReportsScreen, ctx: &Ctx) {
    let lang = ctx.lang;
    let list = &screen.list;
    let inner = block_with_filter(
        frame,
        area,
        table::title(Text::ScreenTeamReports.get(lang), list, screen.rows.len()),
        list,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::ColTitle.get(lang),
            Text::ColOrganisation.get(lang),
            Text::ColTeam.get(lang),
            Text::ColDelivered.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(10),
            Constraint::Length(16),
        ],
    };
    table::draw(frame, inner, list, columns, ctx, |i| {
        let r = &screen.rows[i];
        Row::new(vec![
            Cell::from(r.title.clone()),
            Cell::from(r.organisation.clone()),
            Cell::from(r.team.clone()),
            Cell::from(r.delivered_on.to_string()),
            Cell::from(countdown::cell(lang, &ctx.theme, r.deadline, ctx.today)),
        ])
    });
}
