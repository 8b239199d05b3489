//! Calendar arithmetic of DESIGN.md §4: whole calendar months with
//! month-end clamping, and the day counts every countdown shows.

use chrono::{Datelike, Months, NaiveDate};

/// `date` plus `months` calendar months, clamped to the end of the target
/// month: 2026-12-31 + 2 = 2027-02-28, 2027-12-31 + 2 = 2028-02-29.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the last day of the month; it only fails beyond the
    // year 262143, far outside any date a user can enter (we validate years).
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// A date as a coach types it: ISO (`2026-12-01`) or day first with
/// dashes (`1-12-2026`, `01-12-2026`), whatever the date style shows.
/// Years outside 1900–2200 are typing errors, not dates.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let (y, m, d) = if digits(a, 4..=4) && digits(b, 1..=2) && digits(c, 1..=2) {
        (a, b, c)
    } else if digits(a, 1..=2) && digits(b, 1..=2) && digits(c, 4..=4) {
        (c, b, a)
    } else {
        return None;
    };
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1900..=2200).contains(&y))
}

/// The first days of the month of `today` and of the `n - 1` months after
/// it.
pub fn months_from(today: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let first = today.with_day(1).unwrap_or(today);
    (0..n)
        .map_while(|i| u32::try_from(i).ok())
        .map(|i| add_months(first, i))
        .collect()
}

/// Which of `months` (first days, in order, from `months_from`) `date`
/// falls in.
pub fn month_index(months: &[NaiveDate], date: NaiveDate) -> Option<usize> {
    months
        .iter()
        .position(|m| m.year() == date.year() && m.month() == date.month())
}

/// Whether `date` lies after `today`: the date of something that happened
/// (a report delivered, a request received, a trajectory completed) cannot.
pub fn in_future(date: NaiveDate, today: NaiveDate) -> bool {
    date > today
}

/// Days from `today` until `deadline`: 0 on the day itself, negative after.
pub fn days_left(deadline: NaiveDate, today: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_from_today_across_a_year_end() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let months = months_from(today, 12);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        assert_eq!(months[11], NaiveDate::from_ymd_opt(2027, 10, 1).unwrap());
        let jan = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        assert_eq!(month_index(&months, jan), Some(2));
        let later = NaiveDate::from_ymd_opt(2027, 11, 1).unwrap();
        assert_eq!(month_index(&months, later), None);
    }

    #[test]
    fn typed_dates_are_iso_or_day_first() {
        let dec1 = NaiveDate::from_ymd_opt(2026, 12, 1);
        for text in ["2026-12-01", "1-12-2026", "01-12-2026", " 2026-12-1 "] {
            assert_eq!(parse_date(text), dec1, "{text}");
        }
        for bad in [
            "",
            "12/01/2026",
            "2026-13-01",
            "31-02-2026",
            "1-12-26",
            "0026-12-01",
            "2026-12-01x",
            "1.12.2026",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn month_end_clamping_cases_from_the_design() {
        assert_eq!(add_months(d("2026-12-31"), 2), d("2027-02-28"));
        assert_eq!(add_months(d("2027-12-31"), 2), d("2028-02-29"));
        assert_eq!(add_months(d("2024-02-29"), 36), d("2027-02-28"));
    }

    #[test]
    fn ordinary_dates_keep_their_day() {
        assert_eq!(add_months(d("2026-03-31"), 2), d("2026-05-31"));
        assert_eq!(add_months(d("2026-01-15"), 1), d("2026-02-15"));
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2028-01-31"), 1), d("2028-02-29"));
        assert_eq!(add_months(d("2026-08-31"), 1), d("2026-09-30"));
        assert_eq!(add_months(d("2019-02-28"), 84), d("2026-02-28"));
        assert_eq!(add_months(d("2020-02-29"), 12), d("2021-02-28"));
    }

    #[test]
    fn days_left_is_zero_on_the_day_and_negative_after() {
        assert_eq!(days_left(d("2026-05-31"), d("2026-05-30")), 1);
        assert_eq!(days_left(d("2026-05-31"), d("2026-05-31")), 0);
        assert_eq!(days_left(d("2026-05-31"), d("2026-11-25")), -178);
    }
}
