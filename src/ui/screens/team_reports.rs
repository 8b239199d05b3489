//! Screen 4: team reports (their bodies stay sealed).

use super::block_with_filter;
use crate::app::screens::team_reports::TeamReportsScreen;
use crate::i18n::dates;
use crate::i18n::ui::Text;
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

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
            Width::Flex { min: 10, weight: 3 },
            Width::Flex { min: 8, weight: 2 },
            // The team is in most titles; it gives way before a title is cut.
            Width::Spare { min: 6, weight: 2 },
            Width::Fit,
            Width::Fit,
        ],
    };
    table::draw(frame, inner, list, columns, ctx, |i| {
        let r = &screen.rows[i];
        vec![
            Line::from(r.title.clone()),
            Line::from(r.organisation.clone()),
            Line::from(r.team.clone()),
            Line::from(dates::date(lang, r.delivered_on)),
            Line::from(countdown::cell(lang, &ctx.theme, r.deadline, ctx.today)),
        ]
    });
}
