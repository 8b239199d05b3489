//! The program's idea of "now": `KLUIS_NOW` (RFC 3339) when set, so every
//! rule and screen can be tested on a fixed moment; else the local clock.

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: DateTime<FixedOffset>,
    /// Follows the local clock (no `KLUIS_NOW`): [`Clock::refreshed`]
    /// moves `now` forward; a fixed clock stays where it is.
    live: bool,
}

impl Clock {
    pub fn fixed(now: DateTime<FixedOffset>) -> Clock {
        Clock { now, live: false }
    }

    /// Reads `KLUIS_NOW`; a value that is not RFC 3339 is an error that says so.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("KLUIS_NOW") {
            Ok(v) if !v.trim().is_empty() => Clock::parse(v.trim()),
            _ => Ok(Clock {
                now: Local::now().fixed_offset(),
                live: true,
            }),
        }
    }

    pub fn parse(v: &str) -> Result<Clock, String> {
        DateTime::parse_from_rfc3339(v)
            .map(Clock::fixed)
            .map_err(|_| {
                format!("KLUIS_NOW must be an RFC 3339 moment such as 2027-01-15T09:00:00+01:00, not {v:?}")
            })
    }

    /// The clock at this moment: the local time again for a live clock
    /// (a UI that stays open calls this before each action, so a tick is
    /// stamped with the time of the key and not of the unlock); a fixed
    /// clock unchanged.
    pub fn refreshed(self) -> Clock {
        if self.live {
            Clock {
                now: Local::now().fixed_offset(),
                live: true,
            }
        } else {
            self
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// RFC 3339 with seconds, for audit entries.
    pub fn stamp(&self) -> String {
        self.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_stays_and_a_live_one_moves() {
        let fixed = Clock::parse("2027-01-15T09:00:00+01:00").unwrap();
        assert_eq!(fixed.refreshed(), fixed);
        let past = Clock::parse("2020-01-01T00:00:00+00:00").unwrap().now;
        let live = Clock {
            now: past,
            live: true,
        };
        assert!(live.refreshed().now > past);
    }
}
