//! The one-month clock of GDPR art. 12(3) for subject requests: answer within
//! one month of receipt, extendable once by two further months with a reason.

use super::calendar::add_months;
use super::records::SubjectRequest;
use chrono::NaiveDate;

pub const ANSWER_MONTHS: u32 = 1;
pub const EXTENSION_MONTHS: u32 = 2;

/// The day the answer is due.
pub fn due_on(r: &SubjectRequest) -> NaiveDate {
    let months = if r.extension_reason.is_some() {
        ANSWER_MONTHS + EXTENSION_MONTHS
    } else {
        ANSWER_MONTHS
    };
    add_months(r.received_on, months)
}

pub fn is_open(r: &SubjectRequest) -> bool {
    r.handled_on.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::RequestKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn one_month_then_three_with_an_extension() {
        let mut r = SubjectRequest {
            person: None,
            kind: RequestKind::Access,
            received_on: d("2026-01-31"),
            extension_reason: None,
            handled_on: None,
        };
        assert_eq!(due_on(&r), d("2026-02-28"));
        r.extension_reason = Some("complex request".into());
        assert_eq!(due_on(&r), d("2026-04-30"));
    }
}
