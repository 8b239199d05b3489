//! The program's idea of "now": `KLUIS_NOW` (RFC 3339) when set, so every
//! rule and screen can be tested on a fixed moment; else the local clock.

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: DateTime<FixedOffset>,
}

impl Clock {
    pub fn fixed(now: DateTime<FixedOffset>) -> Clock {
        Clock { now }
    }

    /// Reads `KLUIS_NOW`; a value that is not RFC 3339 is an error that says so.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("KLUIS_NOW") {
            Ok(v) if !v.trim().is_empty() => Clock::parse(v.trim()),
            _ => Ok(Clock {
                now: Local::now().fixed_offset(),
            }),
        }
    }

    pub fn parse(v: &str) -> Result<Clock, String> {
        DateTime::parse_from_rfc3339(v)
            .map(|now| Clock { now })
            .map_err(|_| {
                format!("KLUIS_NOW must be an RFC 3339 moment such as 2027-01-15T09:00:00+01:00, not {v:?}")
            })
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// RFC 3339 with seconds, for audit entries.
    pub fn stamp(&self) -> String {
        self.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }
}
