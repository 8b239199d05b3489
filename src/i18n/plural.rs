//! Counted nouns: "1 adres", "2 adressen", "1 record", "2 records". Every
//! text with a number in it takes its noun (and verb) from here, so no
//! screen says "1 adressen" or "record(s)".

use super::Lang;

/// A thing that is counted, with its singular and plural in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Record,
    Address,
    UnsubscribedAddress,
    Subscriber,
    Person,
    Mention,
    OpenErasureRequest,
}

impl Noun {
    /// (Dutch one, Dutch many, English one, English many).
    fn forms(self) -> [&'static str; 4] {
        match self {
            Noun::Record => ["gegeven", "gegevens", "record", "records"],
            Noun::Address => ["adres", "adressen", "address", "addresses"],
            Noun::UnsubscribedAddress => [
                "afgemeld adres",
                "afgemelde adressen",
                "unsubscribed address",
                "unsubscribed addresses",
            ],
            Noun::Subscriber => ["abonnee", "abonnees", "subscriber", "subscribers"],
            Noun::Person => ["persoon", "personen", "person", "people"],
            Noun::Mention => ["vermelding", "vermeldingen", "mention", "mentions"],
            Noun::OpenErasureRequest => [
                "open verwijderverzoek",
                "open verwijderverzoeken",
                "open erasure request",
                "open erasure requests",
            ],
        }
    }

    /// The noun alone, in the number `n` asks for.
    pub fn word(self, lang: Lang, n: u64) -> &'static str {
        let [nl1, nl, en1, en] = self.forms();
        one_or_many(n, lang.pick(nl1, en1), lang.pick(nl, en))
    }
}

/// "1 adres", "0 adressen", "3 adressen".
pub fn count(lang: Lang, n: impl Into<u64>, noun: Noun) -> String {
    let n = n.into();
    format!("{n} {}", noun.word(lang, n))
}

/// `one` for exactly one, `many` otherwise (zero included, in both
/// languages): for the verb beside a counted noun.
pub fn one_or_many<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(Lang::Nl, 1u64, Noun::Address), "1 adres");
        assert_eq!(count(Lang::Nl, 2u64, Noun::Address), "2 adressen");
        assert_eq!(count(Lang::Nl, 0u64, Noun::Address), "0 adressen");
        assert_eq!(
            count(Lang::Nl, 1u64, Noun::UnsubscribedAddress),
            "1 afgemeld adres"
        );
        assert_eq!(count(Lang::En, 1u64, Noun::Record), "1 record");
        assert_eq!(count(Lang::En, 5u64, Noun::Person), "5 people");
    }
}
