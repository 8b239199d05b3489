//! The 72-hour clock of a breach as a gauge: how much of the time to
//! notify the AP has gone. Drawn with full and light blocks, so it reads
//! without colour; the hours and minutes stand beside it as text.

use crate::domain::breach::{At, Breach, NOTIFY_WITHIN_HOURS};
use crate::ui::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::LineGauge;

/// The part of the 72 hours gone at `now`: 0 at discovery, 1 at the
/// deadline and after.
pub fn elapsed(b: &Breach, now: At) -> f64 {
    let total = NOTIFY_WITHIN_HOURS as f64 * 60.0;
    let gone = (now - b.discovered_at).num_minutes() as f64;
    (gone / total).clamp(0.0, 1.0)
}

pub fn draw(frame: &mut Frame, area: Rect, b: &Breach, ctx: &Ctx) {
    let hours_left = b.hours_left(ctx.now);
    let gauge = LineGauge::default()
        .ratio(elapsed(b, ctx.now))
        .label("")
        .filled_symbol("█")
        .unfilled_symbol("░")
        .filled_style(ctx.theme.days(hours_left / 24))
        .unfilled_style(ctx.theme.dim());
    frame.render_widget(gauge, area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn at(s: &str) -> At {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_gauge_fills_over_the_72_hours() {
        let b = Breach::new(at("2027-01-15T09:00:00+01:00"), "Laptop");
        assert_eq!(elapsed(&b, at("2027-01-15T09:00:00+01:00")), 0.0);
        assert_eq!(elapsed(&b, at("2027-01-16T21:00:00+01:00")), 0.5);
        assert_eq!(elapsed(&b, at("2027-01-30T09:00:00+01:00")), 1.0);
    }
}
