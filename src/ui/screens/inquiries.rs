//! Screen 5: contact requests with their countdown, and quotes with their
//! state, amount and countdown.

use super::{block_with_filter, panes};
use crate::app::screens::inquiries::InquiriesScreen;
use crate::app::screens::panes::{Pane, areas};
use crate::i18n::dates;
use crate::i18n::ui::Text;
use crate::ops::rights::quotes::QuoteState;
use crate::ui::table::{self, Columns};
use crate::ui::widgets::columns::Width;
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

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
            Width::Flex { min: 8, weight: 2 },
            Width::Flex { min: 8, weight: 2 },
            Width::Fit,
            Width::Fit,
            Width::Fit,
        ],
    };
    table::draw(frame, top, &screen.lists.top, columns, ctx, |i| {
        let r = &screen.contacts[i];
        vec![
            Line::from(r.name.clone()),
            Line::from(r.email.clone().unwrap_or_default()),
            Line::from(dates::date(lang, r.received_on)),
            Line::from(
                r.first_contact_on
                    .map_or_else(|| "—".to_string(), |d| dates::date(lang, d)),
            ),
            Line::from(countdown::cell(lang, t, r.deadline, ctx.today)),
        ]
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
            Width::Flex { min: 8, weight: 2 },
            Width::Flex { min: 8, weight: 2 },
            Width::Fit,
            // When it was sent is in the quote's view; it gives way before
            // the names are cut.
            Width::Spare { min: 10, weight: 0 },
            Width::Fit,
            Width::Fit,
        ],
    };
    table::draw(frame, bottom, &screen.lists.bottom, columns, ctx, |i| {
        let q = &screen.quotes[i];
        let state = match q.row.state {
            _ if q.row.restricted => Text::QuoteRestricted.get(lang).to_string(),
            QuoteState::Open => Text::QuoteOpen.get(lang).to_string(),
            QuoteState::Accepted(d) => {
                format!("{} {}", Text::QuoteAccepted.get(lang), dates::date(lang, d))
            }
            QuoteState::Declined(d) => {
                format!(
                    "{} {}",
                    Text::QuoteDeclinedState.get(lang),
                    dates::date(lang, d)
                )
            }
        };
        vec![
            Line::from(q.row.label.clone()),
            Line::from(q.participants.clone()),
            Line::from(dates::euro(lang, &q.row.amount)).right_aligned(),
            Line::from(dates::date(lang, q.row.sent_on)),
            Line::from(state),
            Line::from(countdown::cell(lang, t, q.row.deadline, ctx.today)),
        ]
    });
}
