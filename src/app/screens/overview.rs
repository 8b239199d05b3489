//! Screen 1: what needs attention now.

use crate::domain::Dataset;
use crate::ops::Session;
use crate::ops::status::{self, Status};
use chrono::{DateTime, Duration, FixedOffset};

/// An open breach and the end of its 72-hour clock.
#[derive(Debug, Clone)]
pub struct OpenBreach {
    pub title: String,
    pub notify_by: DateTime<FixedOffset>,
}

/// The 72 hours of GDPR art. 33(1).
pub const NOTIFY_WITHIN_HOURS: i64 = 72;

#[derive(Debug, Clone)]
pub struct Overview {
    pub status: Status,
    pub breaches: Vec<OpenBreach>,
}

impl Overview {
    pub fn build(session: &Session) -> Overview {
        Overview {
            status: status::status(session),
            breaches: open_breaches(&session.data),
        }
    }
}

fn open_breaches(data: &Dataset) -> Vec<OpenBreach> {
    let mut out: Vec<OpenBreach> = data
        .breaches
        .values()
        .filter(|b| b.closed_at.is_none())
        .map(|b| OpenBreach {
            title: b.title.clone(),
            notify_by: b.discovered_at + Duration::hours(NOTIFY_WITHIN_HOURS),
        })
        .collect();
    out.sort_by_key(|b| b.notify_by);
    out
}
