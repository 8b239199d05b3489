//! `kluis calendar` (DESIGN.md §13.3): the coming deadline days as an
//! iCalendar file (RFC 5545), one event with an alarm per day and kind of
//! deadline. Kinds and counts only: nothing in it names a person or a
//! record, since calendars sync to phones and clouds.

use super::session::Session;
use crate::domain::deadline_days::{DeadlineDay, DueKind, deadline_days};
use crate::i18n::Lang;
use crate::i18n::calendar::{calendar_name, description, summary};
use chrono::{TimeDelta, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};

/// How far ahead `kluis calendar` looks without `--days`.
pub const DEFAULT_DAYS: u32 = 90;
/// The furthest `--days` may reach: ten years.
pub const MAX_DAYS: u32 = 3660;

/// The deadline days of the next `days` days.
pub fn coming(s: &Session, days: u32) -> Vec<DeadlineDay> {
    deadline_days(&s.data, &s.deadlines(), s.clock.now, days)
}

/// The iCalendar text of `days`, stamped with the session's clock.
pub fn ics(s: &Session, lang: Lang, days: &[DeadlineDay]) -> String {
    let stamp = s.clock.now.with_timezone(&Utc);
    let mut cal = Calendar::new();
    cal.name(calendar_name(lang));
    for day in days {
        let title = summary(lang, day.what, day.count);
        // The same day and kind keep one UID, so importing a newer calendar
        // updates the event instead of adding a second one.
        let uid = format!("{}-{}@kluis", day.date.format("%Y%m%d"), slug(day.what));
        // The crate stamps a component with the system clock and a random
        // UID unless it has its own: the alarm gets the session's.
        let alarm = |trigger: TimeDelta| {
            Alarm::display(&title, trigger)
                .timestamp(stamp)
                .uid(&format!("alarm-{uid}"))
                .done()
        };
        let mut event = Event::new();
        event
            .uid(&uid)
            .timestamp(stamp)
            .summary(&title)
            .description(description(lang, day.what));
        match day.at {
            Some(at) => {
                let at = at.with_timezone(&Utc);
                event
                    .starts(at)
                    .ends(at + TimeDelta::minutes(30))
                    .alarm(alarm(-TimeDelta::hours(24)));
            }
            None => {
                // An all-day event ends the next day (DTEND is exclusive);
                // the alarm rings at 09:00 the day before.
                event
                    .starts(day.date)
                    .ends(day.date + TimeDelta::days(1))
                    .alarm(alarm(-TimeDelta::hours(15)));
            }
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

fn slug(what: DueKind) -> &'static str {
    match what {
        DueKind::Delete => "delete",
        DueKind::RequestsDue => "requests",
        DueKind::BreachNotify => "breach",
    }
}
