//! Screen 5: contact requests with their countdown, and quotes with their
//! state, amount and countdown.

use super::{block_with_filter, panes};
use crate::app::screens::inquiries::InquiriesScreen;
use crate::app::screens::panes::{Pane, areas};
use crate::i18n::ui::{self, Text};
use crate::ops::rights::quotes::QuoteState;
use crate::ui::table::{self, Columns};
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row};

pub fn draw(frame: &mut Frame, area: Rect, screen: &InquiriesScreen, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let inner = block_with_filter(
        frame,
        area,
        format!(" {} ", Text::ScreenInquiriesTitle.get(lang)),
        screen.lists.list(screen.focus),
        ctx,
    );
    let a = areas(inner, 0);

    let top = panes::title(
        frame,
        a.top,
        Text::ScopeInquiries.get(lang),
        &screen.lists.top,
        screen.contacts.len(),
        screen.focus == Pane::Top,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::ColName.get(lang),
            Text::ColEmail.get(lang),
            Text::ColReceived.get(lang),
            Text::ColFirstContact.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(10),
            Constraint::Length(13),
            Constraint::Length(16),
        ],
    };
    table::draw(frame, top, &screen.lists.top, columns, ctx, |i| {
        let r = &screen.contacts[i];
        Row::new(vec![
            Cell::from(r.name.clone()),
            Cell::from(r.email.clone().unwrap_or_default()),
            Cell::from(r.received_on.to_string()),
            Cell::from(
                r.first_contact_on
                    .map_or_else(|| "—".to_string(), |d| d.to_string()),
            ),
            Cell::from(countdown::cell(lang, t, r.deadline, ctx.today)),
        ])
    });

    let bottom = panes::title(
        frame,
        a.bottom,
        Text::ScopeQuotes.get(lang),
        &screen.lists.bottom,
        screen.quotes.len(),
        screen.focus == Pane::Bottom,
        ctx,
    );
    let columns = Columns {
        headers: vec![
            Text::FieldRequester.get(lang),
            Text::ColParticipants.get(lang),
            Text::ColAmount.get(lang),
            Text::ColSent.get(lang),
            Text::ColStatus.get(lang),
            Text::ColDeadline.get(lang),
        ],
        widths: vec![
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(11),
            Constraint::Length(10),
            Constraint::Length(19),
            Constraint::Length(16),
        ],
    };
    table::draw(frame, bottom, &screen.lists.bottom, columns, ctx, |i| {
        let q = &screen.quotes[i];
        let state = match q.row.state {
            _ if q.row.restricted => Text::QuoteRestricted.get(lang).to_string(),
            QuoteState::Open => Text::QuoteOpen.get(lang).to_string(),
            QuoteState::Accepted(d) => format!("{} {d}", Text::QuoteAccepted.get(lang)),
            QuoteState::Declined(d) => format!("{} {d}", Text::QuoteDeclinedState.get(lang)),
        };
        Row::new(vec![
            Cell::from(q.row.label.clone()),
            Cell::from(q.participants.clone()),
            Cell::from(format!("{:>11}", ui::euro(&q.row.amount))),
            Cell::from(q.row.sent_on.to_string()),
            Cell::from(state),
            Cell::from(countdown::cell(lang, t, q.row.deadline, ctx.today)),
        ])
    });
}
