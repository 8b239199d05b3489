//! The terminal UI: drawing reads the app state and changes nothing.

pub mod breach_assessment;
pub mod chrome;
pub mod countdown;
pub mod files;
pub mod form;
pub mod popups;
pub mod screens;
pub mod search;
pub mod table;
pub mod terminal;
pub mod theme;
pub mod unlock;
pub mod widgets;

use crate::app::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Mode};
use crate::i18n::Lang;
use crate::i18n::ui;
use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};
use theme::Theme;

/// What every drawing function needs besides its state.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    pub theme: Theme,
    pub today: NaiveDate,
    pub now: DateTime<FixedOffset>,
}

/// Draws the whole app into `frame`.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let ctx = Ctx {
        lang: app.lang(),
        theme: Theme::new(app.settings.color),
        today: app.settings.clock.today(),
        now: app.settings.clock.now,
    };
    if layout::too_small(area) {
        return too_small(frame, area, &ctx);
    }
    match &app.mode {
        Mode::Locked(unlock) => unlock::draw(frame, area, unlock, app, &ctx),
        Mode::Open(ws) => {
            let parts = layout::Frame::of(area);
            chrome::tabs(frame, parts.tabs, ws, &ctx);
            screens::draw(frame, &parts, ws, &ctx);
            chrome::status(frame, parts.status, ws.message.as_deref(), &ctx);
            chrome::footer(frame, parts.footer, &app.commands(), &ctx);
            popups::draw(frame, area, &ws.popups, &ctx);
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let text = ui::too_small(ctx.lang, area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    let y = area.height / 2;
    let line = Rect {
        y: area.y + y.saturating_sub(1),
        height: area.height.saturating_sub(y.saturating_sub(1)),
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .style(ctx.theme.error()),
        line,
    );
}
