//! The program's idea of "now": `KLUIS_NOW` (RFC 3339) when set, so every
//! rule and screen can be tested on a fixed moment; else the local clock.

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: DateTime<FixedOffset>,
    /// Follows the machine's clock (no `KLUIS_NOW`): `refreshed` moves it on.
    live: bool,
}

impl Clock {
    pub fn fixed(now: DateTime<FixedOffset>) -> Clock {
        Clock { now, live: false }
    }

    /// The local clock, now.
    pub fn live() -> Clock {
        Clock {
            now: Local::now().fixed_offset(),
            live: true,
        }
    }

    /// The same clock a moment later: a live clock reads the time again, a
    /// fixed one (`KLUIS_NOW`, tests) stays where it is. A program that runs
    /// for hours (the UI) calls this before each action.
    pub fn refreshed(self) -> Clock {
        if self.live { Clock::live() } else { self }
    }

    /// Reads `KLUIS_NOW`; a value that is not RFC 3339 is an error that says so.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("KLUIS_NOW") {
            Ok(v) if !v.trim().is_empty() => Clock::parse(v.trim()),
            _ => Ok(Clock::live()),
        }
    }

    pub fn parse(v: &str) -> Result<Clock, String> {
        DateTime::parse_from_rfc3339(v)
            .map(Clock::fixed)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_stays_and_a_live_one_moves() {
        let fixed = Clock::parse("2027-01-15T09:00:00+01:00").unwrap();
        assert_eq!(fixed.refreshed(), fixed);
        let live = Clock::live();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(live.refreshed().now > live.now);
        assert!(Clock::parse("15-01-2027").is_err());
    }
}
