//! Dates and amounts as the coach reads them. The date style is one value,
//! `DateStyle` (`nl`: 01-12-2026, `iso`: 2026-12-01), chosen once at start
//! (`config.toml`'s date style, DESIGN.md §13.5) and read by the UI and the
//! command line alike; without a choice it follows the language (Dutch
//! `nl`, English `iso`). JSON and CSV files always write ISO.

use super::Lang;
use chrono::{Datelike, NaiveDate};
use std::sync::atomic::{AtomicU8, Ordering};

/// How dates are written on screen and in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Day-month-year with dashes: 01-12-2026.
    Nl,
    /// ISO 8601: 2026-12-01.
    Iso,
}

impl DateStyle {
    /// The style a language writes without a choice.
    pub fn of(lang: Lang) -> DateStyle {
        match lang {
            Lang::Nl => DateStyle::Nl,
            Lang::En => DateStyle::Iso,
        }
    }

    /// `nl` or `iso`, as `config.toml` names it; `None` for anything else.
    pub fn parse(name: &str) -> Option<DateStyle> {
        match name.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(DateStyle::Nl),
            "iso" => Some(DateStyle::Iso),
            _ => None,
        }
    }

    pub fn write(self, d: NaiveDate) -> String {
        match self {
            DateStyle::Nl => d.format("%d-%m-%Y").to_string(),
            DateStyle::Iso => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// 0: follow the language; 1: `nl`; 2: `iso`. A setting of the process,
/// like `LANG`: set once at start, before anything is drawn.
static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// Sets the date style for the rest of the run (`None`: follow the
/// language).
pub fn choose(style: Option<DateStyle>) {
    let v = match style {
        None => 0,
        Some(DateStyle::Nl) => 1,
        Some(DateStyle::Iso) => 2,
    };
    CHOSEN.store(v, Ordering::Relaxed);
}

/// The style in use for `lang`: the chosen one, else the language's own.
pub fn style(lang: Lang) -> DateStyle {
    match CHOSEN.load(Ordering::Relaxed) {
        1 => DateStyle::Nl,
        2 => DateStyle::Iso,
        _ => DateStyle::of(lang),
    }
}

/// `d` as the coach reads it: 01-12-2026 in Dutch, 2026-12-01 in English.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    style(lang).write(d)
}

/// A moment as the coach reads it: its date in the date style, then the
/// time of day (`30-11-2026 03:00`).
pub fn moment(lang: Lang, at: chrono::DateTime<chrono::FixedOffset>) -> String {
    format!("{} {}", date(lang, at.date_naive()), at.format("%H:%M"))
}

/// A month in three letters, for the labels of a chart: "mrt", "Mar".
pub fn month_short(lang: Lang, month: u32) -> &'static str {
    const NL: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
    match lang {
        Lang::Nl => NL[i],
        Lang::En => EN[i],
    }
}

/// A date in words, for a document a person reads: "31 mei 2026", "31 May
/// 2026".
pub fn long_date(lang: Lang, d: NaiveDate) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    };
    format!("{} {} {}", d.day(), names[d.month0() as usize], d.year())
}

/// An amount as stored ("2450.00") as the coach reads it: "€ 2.450,00" in
/// Dutch, "€ 2,450.00" in English.
pub fn euro(lang: Lang, amount: &str) -> String {
    format!("€ {}", typed_amount(lang, amount))
}

/// An amount as stored as the coach types it, for a form to start from:
/// "2.450,00" in Dutch, "2,450.00" in English (`domain::amount::typed`
/// reads both back).
pub fn typed_amount(lang: Lang, amount: &str) -> String {
    let (euros, cents) = amount.split_once('.').unwrap_or((amount, "00"));
    let (thousands, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let digits: Vec<char> = euros.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(*c);
    }
    format!("{grouped}{decimal}{cents:0<2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn each_style_writes_its_own_form() {
        assert_eq!(DateStyle::Nl.write(d("2026-12-01")), "01-12-2026");
        assert_eq!(DateStyle::Iso.write(d("2026-12-01")), "2026-12-01");
        assert_eq!(DateStyle::of(Lang::Nl), DateStyle::Nl);
        assert_eq!(DateStyle::of(Lang::En), DateStyle::Iso);
        assert_eq!(DateStyle::parse(" ISO "), Some(DateStyle::Iso));
        assert_eq!(DateStyle::parse("nl"), Some(DateStyle::Nl));
        assert_eq!(DateStyle::parse("us"), None);
    }

    #[test]
    fn long_dates_read_in_both_languages() {
        assert_eq!(long_date(Lang::Nl, d("2026-05-31")), "31 mei 2026");
        assert_eq!(long_date(Lang::En, d("2026-05-31")), "31 May 2026");
    }

    #[test]
    fn amounts_in_dutch_group_with_points_and_a_decimal_comma() {
        assert_eq!(euro(Lang::Nl, "2450.00"), "€ 2.450,00");
        assert_eq!(euro(Lang::En, "2450.00"), "€ 2,450.00");
        assert_eq!(euro(Lang::Nl, "1234567.5"), "€ 1.234.567,50");
        assert_eq!(euro(Lang::Nl, "950.00"), "€ 950,00");
        assert_eq!(euro(Lang::Nl, "0.99"), "€ 0,99");
        assert_eq!(typed_amount(Lang::Nl, "2450.00"), "2.450,00");
        assert_eq!(typed_amount(Lang::En, "2450.00"), "2,450.00");
    }
}
