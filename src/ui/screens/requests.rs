//! Screen 7: subject requests with their one-month clock (days left or
//! overdue, and whether the one extension was used), the complaint log, and
//! the AP's contact details (P10).

use super::{block_with_filter, panes};
use crate::app::screens::panes::{Pane, areas};
use crate::app::screens::requests::{AUTHORITY_ROWS, RequestsScreen};
use crate::domain::retention::Deadline;
use crate::i18n::dates;
use crate::i18n::ui::{self, Text};
use crate::ops::rights::complaints::AUTHORITY;
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, screen: &RequestsScreen, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let inner = block_with_filter(
        frame,
        area,
        format!(" {} ", Text::ScreenRequestsTitle.get(lang)),
        screen.lists.list(screen.focus),
        ctx,
    );
    let a = areas(inner, AUTHORITY_ROWS);
    let erased = Text::PersonErased.get(lang);

    let top = panes::title(
        frame,
        a.top,
        Text::ScopeRequests.get(lang),
        &screen.lists.top,
        screen.requests.len(),
        screen.focus == Pane::Top,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::ColPerson.get(lang),
            Text::ColKind.get(lang),
            Text::ColReceived.get(lang),
            Text::ColDue.get(lang),
            Text::ColClock.get(lang),
            Text::ColExtended.get(lang),
        ],
        widths: vec![
            Width::text(8),
            Width::Fit,
            Width::Fit,
            Width::Fit,
            Width::Fit,
            Width::text(8),
        ],
    };
    table::draw(frame, top, &screen.lists.top, columns, ctx, |i| {
        let r = &screen.requests[i];
        let clock = match r.handled_on {
            Some(d) => Line::from(format!(
                "{} {}",
                Text::HandledShort.get(lang),
                dates::date(lang, d)
            )),
            None => Line::from(countdown::cell(lang, t, Deadline::On(r.due_on), ctx.today)),
        };
        let extended = match &r.extension_reason {
            Some(reason) => format!("{} {reason}", Text::ExtendedMark.get(lang)),
            None => "—".to_string(),
        };
        vec![
            Line::from(r.person_name.clone().unwrap_or_else(|| erased.to_string())),
            Line::from(ui::request_kind(r.kind).get(lang)),
            Line::from(dates::date(lang, r.received_on)),
            Line::from(dates::date(lang, r.due_on)),
            clock,
            Line::from(extended),
        ]
    });

    let bottom = panes::title(
        frame,
        a.bottom,
        Text::ScopeComplaints.get(lang),
        &screen.lists.bottom,
        screen.complaints.len(),
        screen.focus == Pane::Bottom,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::ColPerson.get(lang),
            Text::ColSummary.get(lang),
            Text::ColReceived.get(lang),
            Text::ColStatus.get(lang),
            Text::ColAp.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Width::Flex { min: 8, weight: 2 },
            Width::Flex { min: 10, weight: 4 },
            Width::Fit,
            Width::Fit,
            Width::Fit,
            Width::Fit,
        ],
    };
    let anonymous = Text::Anonymous.get(lang);
    table::draw(frame, bottom, &screen.lists.bottom, columns, ctx, |i| {
        let c = &screen.complaints[i];
        let person = match (&c.person, &c.person_name) {
            (_, Some(n)) => n.clone(),
            (Some(_), None) => erased.to_string(),
            (None, None) => anonymous.to_string(),
        };
        let status = match c.handled_on {
            Some(d) => format!("{} {}", Text::HandledShort.get(lang), dates::date(lang, d)),
            None => Text::StatusOpenComplaint.get(lang).to_string(),
        };
        let ap = if c.referred_to_ap { "→ AP" } else { "" };
        vec![
            Line::from(person),
            Line::from(c.summary.clone()),
            Line::from(dates::date(lang, c.received_on)),
            Line::from(status),
            Line::from(ap),
            Line::from(countdown::cell(lang, t, c.deadline, ctx.today)),
        ]
    });

    let ap = vec![
        Line::styled(Text::ApIntro.get(lang), t.dim()),
        Line::from(vec![
            Span::styled(AUTHORITY.name, t.header()),
            Span::raw(format!(
                " · {}, {}",
                AUTHORITY.address, AUTHORITY.postcode_city
            )),
        ]),
        Line::raw(format!("{} · {}", AUTHORITY.website, AUTHORITY.phone)),
    ];
    frame.render_widget(Paragraph::new(ap), a.extra);
}
