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
}
