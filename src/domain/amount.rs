//! Amounts in euros as text: the one rule for what counts as an amount,
//! shared by the import and the quote form.

/// An amount in euros as typed: whole euros, optionally a point and at
/// most two decimals ("2450", "2450.5", "2450.00").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount<'a> {
    /// The whole euros, as written.
    pub euros: &'a str,
    /// The decimals as written: none, one or two digits.
    pub cents: &'a str,
}

impl<'a> Amount<'a> {
    /// `text` without surrounding white space as an amount; `None` when it
    /// is not one (no euros, a comma, a sign, three decimals…).
    pub fn parse(text: &'a str) -> Option<Amount<'a>> {
        let t = text.trim();
        let (euros, cents) = t.split_once('.').unwrap_or((t, ""));
        let ok = !euros.is_empty()
            && euros.bytes().all(|b| b.is_ascii_digit())
            && cents.len() <= 2
            && cents.bytes().all(|b| b.is_ascii_digit());
        ok.then_some(Amount { euros, cents })
    }

    /// With exactly two decimals: "2450.5" becomes "2450.50".
    pub fn normalised(&self) -> String {
        format!("{}.{:0<2}", self.euros, self.cents)
    }
}

/// An amount as a coach types it, in the Dutch or the English way, with or
/// without the euro sign: "2.450,00", "2450,00", "2450.00", "2,450.00",
/// "€ 2450". The last point or comma followed by one or two digits is the
/// decimal sign; the other sign may group the euros by three. Normalised to
/// the stored form ("2450.00"); `None` when it is not an amount or when it
/// could be read two ways ("2.450": euros or cents?).
pub fn typed(text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches('€').trim();
    let (whole, cents, decimal) = match t.rfind(['.', ',']) {
        Some(i) if t.len() - i - 1 <= 2 => (&t[..i], &t[i + 1..], t[i..].chars().next()),
        _ => (t, "", None),
    };
    let euros: String = match decimal {
        // Without a decimal sign no grouping: "2.450" is not clear.
        None if whole.contains(['.', ',']) => return None,
        None => whole.to_string(),
        Some(sign) => {
            let group = if sign == ',' { '.' } else { ',' };
            let mut parts = whole.split(group);
            let first = parts.next().unwrap_or_default();
            let rest: Vec<&str> = parts.collect();
            let grouped = first.len() <= 3 && rest.iter().all(|p| p.len() == 3);
            if !rest.is_empty() && !grouped {
                return None;
            }
            std::iter::once(first).chain(rest).collect()
        }
    };
    let joined = format!("{euros}.{cents}");
    Amount::parse(&joined).map(|a| a.normalised())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_have_euros_and_at_most_two_decimals() {
        let a = Amount::parse(" 2450.5 ").map(|a| a.normalised());
        assert_eq!(a.as_deref(), Some("2450.50"));
        assert_eq!(
            Amount::parse("2450").map(|a| a.normalised()).as_deref(),
            Some("2450.00")
        );
        assert_eq!(
            Amount::parse("2450.").map(|a| a.normalised()).as_deref(),
            Some("2450.00")
        );
        for bad in ["", ".50", "2450,00", "-5", "€ 5", "1.234", "1.2.3"] {
            assert_eq!(Amount::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn typed_amounts_take_the_dutch_and_the_english_way() {
        for (text, stored) in [
            ("2.450,00", "2450.00"),
            ("2450,00", "2450.00"),
            ("2450.00", "2450.00"),
            ("2,450.00", "2450.00"),
            ("€ 2.450,5", "2450.50"),
            ("2450", "2450.00"),
            ("1.234.567,89", "1234567.89"),
            ("0,99", "0.99"),
        ] {
            assert_eq!(typed(text).as_deref(), Some(stored), "{text}");
        }
        for bad in [
            "",
            "2.450",
            "2,450",
            "24.50,00",
            "2.45.0,00",
            "-5",
            "twee",
            "2450,001",
            ",50",
        ] {
            assert_eq!(typed(bad), None, "{bad}");
        }
    }
}
