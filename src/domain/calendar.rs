//! Calendar arithmetic of DESIGN.md §4: whole calendar months with
//! month-end clamping, and the day counts every countdown shows.

use chrono::{Months, NaiveDate};

/// `date` plus `months` calendar months, clamped to the end of the target
/// month: 2026-12-31 + 2 = 2027-02-28, 2027-12-31 + 2 = 2028-02-29.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the last day of the month; it only fails beyond the
    // year 262143, far outside any date a user can enter (we validate years).
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
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
