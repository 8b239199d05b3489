//! The words of `kluis calendar` (DESIGN.md §13.3), Dutch and English:
//! kinds and counts only, never a name or a title.

use super::Lang;
use crate::domain::deadline_days::DueKind;

/// The calendar's name, as a phone's calendar app shows it.
pub fn calendar_name(lang: Lang) -> &'static str {
    lang.pick("kluis: termijnen", "kluis: deadlines")
}

/// The event's title: `kluis: 3 records to delete`.
pub fn summary(lang: Lang, what: DueKind, count: usize) -> String {
    let one = count == 1;
    let words = match (what, one) {
        (DueKind::Delete, true) => lang.pick("record te verwijderen", "record to delete"),
        (DueKind::Delete, false) => lang.pick("records te verwijderen", "records to delete"),
        (DueKind::RequestsDue, true) => lang.pick("verzoek te beantwoorden", "request due"),
        (DueKind::RequestsDue, false) => lang.pick("verzoeken te beantwoorden", "requests due"),
        (DueKind::BreachNotify, true) => lang.pick(
            "datalek te melden bij de AP",
            "breach to notify to the authority",
        ),
        (DueKind::BreachNotify, false) => lang.pick(
            "datalekken te melden bij de AP",
            "breaches to notify to the authority",
        ),
    };
    format!("kluis: {count} {words}")
}

/// What to do, in the event's description.
pub fn description(lang: Lang, what: DueKind) -> &'static str {
    match what {
        DueKind::Delete => lang.pick(
            "Open kluis en verwijder wat verlopen is (scherm Te verwijderen, of kluis purge --expired).",
            "Open kluis and delete what has expired (the To delete screen, or kluis purge --expired).",
        ),
        DueKind::RequestsDue => lang.pick(
            "Beantwoord de open verzoeken van betrokkenen uiterlijk vandaag (AVG art. 12 lid 3).",
            "Answer the open subject requests by today at the latest (GDPR art. 12(3)).",
        ),
        DueKind::BreachNotify => lang.pick(
            "De termijn van 72 uur voor de melding aan de Autoriteit Persoonsgegevens loopt af (AVG art. 33).",
            "The 72-hour deadline to notify the Dutch Data Protection Authority ends (GDPR art. 33).",
        ),
    }
}

/// `--days` out of range.
pub fn bad_days(lang: Lang, max: u32) -> String {
    match lang {
        Lang::Nl => format!("--days moet tussen 1 en {max} liggen"),
        Lang::En => format!("--days must lie between 1 and {max}"),
    }
}

/// The note on stderr after writing `--out FILE`.
pub fn written(lang: Lang, path: &str, events: usize) -> String {
    match lang {
        Lang::Nl => {
            format!("Agenda geschreven naar {path} ({events} afspraken, zonder persoonsgegevens)")
        }
        Lang::En => format!("Calendar written to {path} ({events} events, no personal data)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_worded_in_both_languages() {
        assert_eq!(
            summary(Lang::En, DueKind::Delete, 3),
            "kluis: 3 records to delete"
        );
        assert_eq!(
            summary(Lang::Nl, DueKind::Delete, 1),
            "kluis: 1 record te verwijderen"
        );
        assert_eq!(
            summary(Lang::Nl, DueKind::RequestsDue, 2),
            "kluis: 2 verzoeken te beantwoorden"
        );
    }
}
