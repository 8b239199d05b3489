//! The countdown cell every list shows: text and colour.

use super::theme::Theme;
use crate::domain::retention::Deadline;
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use chrono::NaiveDate;
use ratatui::text::Span;

pub fn cell(lang: Lang, theme: &Theme, deadline: Deadline, today: NaiveDate) -> Span<'static> {
    match deadline {
        Deadline::On(d) => {
            let days = (d - today).num_days();
            Span::styled(ui::countdown(lang, days), theme.days(days))
        }
        Deadline::Open => Span::styled(Text::ClockNotStarted.get(lang), theme.dim()),
        Deadline::Never => Span::styled(Text::KeptForGood.get(lang), theme.dim()),
    }
}
