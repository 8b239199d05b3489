//! The phrases of corrections and disclosures, with dates and names in
//! them, in Dutch and English.

use super::Lang;
use super::ui::Text;
use crate::domain::retention::Deadline;

/// A deadline as a receipt names it: its date, "none yet" or "kept".
pub fn deadline_words(lang: Lang, d: Deadline) -> String {
    match d {
        Deadline::On(date) => super::dates::date(lang, date),
        Deadline::Open => Text::NoDeadlineYet.get(lang).to_string(),
        Deadline::Never => Text::KeptForGood.get(lang).to_string(),
    }
}

/// "Saved. The deadline moved from 2026-12-31 to 2027-01-31."
pub fn deadline_moved(lang: Lang, from: Deadline, to: Deadline) -> String {
    let (from, to) = (deadline_words(lang, from), deadline_words(lang, to));
    lang.pick(
        &format!("Opgeslagen. De bewaartermijn is verplaatst van {from} naar {to}."),
        &format!("Saved. The deadline moved from {from} to {to}."),
    )
    .to_string()
}

/// "Disclosure recorded: <id>. It relies on the consent given on <date>."
pub fn disclosure_recorded(lang: Lang, id: &str, consent_given_on: &str) -> String {
    lang.pick(
        &format!(
            "Verstrekking vastgelegd: {id}. Ze steunt op de toestemming van {consent_given_on}."
        ),
        &format!(
            "Disclosure recorded: {id}. It relies on the consent given on {consent_given_on}."
        ),
    )
    .to_string()
}

/// The import's warning for `people[index]`, whose e-mail address another
/// person has: the one in the vault (`existing`) or an earlier one of the file.
pub fn shared_email_warning(lang: Lang, index: usize, existing: Option<&str>) -> String {
    match existing {
        Some(id) => lang.pick(
            &format!("people[{index}]: persoon {id} heeft dit e-mailadres al; geïmporteerd als tweede persoon (export en erase vragen dan het id)"),
            &format!("people[{index}]: person {id} has this e-mail address already; imported as a second person (export and erase then need the id)"),
        ).to_string(),
        None => lang.pick(
            &format!("people[{index}]: een eerdere persoon in dit bestand heeft hetzelfde e-mailadres; geïmporteerd als tweede persoon"),
            &format!("people[{index}]: an earlier person in this file has the same e-mail address; imported as a second person"),
        ).to_string(),
    }
}

/// The count of shared-address warnings beyond those named one by one.
pub fn shared_email_more(lang: Lang, more: usize) -> String {
    match (lang, more) {
        (Lang::Nl, 1) => "en nog 1 persoon met een e-mailadres dat een ander al heeft".to_string(),
        (Lang::Nl, n) => format!("en nog {n} personen met een e-mailadres dat een ander al heeft"),
        (Lang::En, 1) => "and 1 more person with an e-mail address another person has".to_string(),
        (Lang::En, n) => format!("and {n} more people with an e-mail address another person has"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_moved_deadline_names_both_ends_in_each_language() {
        let d = |s| Deadline::On(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        assert_eq!(
            deadline_moved(Lang::En, d("2026-12-31"), d("2027-01-31")),
            "Saved. The deadline moved from 2026-12-31 to 2027-01-31."
        );
        assert_eq!(
            deadline_moved(Lang::Nl, Deadline::Open, d("2027-01-31")),
            "Opgeslagen. De bewaartermijn is verplaatst van nog geen (de klok loopt niet) naar 31-01-2027."
        );
    }
}
