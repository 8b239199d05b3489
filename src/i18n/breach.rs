//! The words for the breach register's values (DESIGN.md §6): checklist
//! steps, the 72-hour clock, risk levels, the assessment's findings and
//! reasons, and what is wrong with assessment answers.
//!
//! The types live in `domain` and know no language; their wording is here.
//! Rust lets a crate add methods to its own types in any module, so callers
//! keep writing `step.label(lang)` while `domain` imports nothing of `i18n`.

use super::Lang;
use crate::domain::breach::{At, Breach, ChecklistStep, Clock};
use crate::domain::breach_assessment::{
    AnswerError, Assessment, Consequences, FIELDS, Finding, Reason, Risk, Unavailable,
};
use serde::Serialize;
use std::fmt;

impl ChecklistStep {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ChecklistStep::ExpertContacted => {
                lang.pick("Cyberexpert ingeschakeld", "Cyber expert contacted")
            }
            ChecklistStep::NatureAndCauseEstablished => lang.pick(
                "Aard en oorzaak vastgesteld",
                "Nature and cause established",
            ),
            ChecklistStep::ActionPlanMade => {
                lang.pick("Plan van aanpak gemaakt", "Action plan made")
            }
            ChecklistStep::Assessed => lang.pick("Risico beoordeeld", "Risk assessed"),
            ChecklistStep::AuthorityNotified => lang.pick(
                "AP gemeld (of vastgelegd waarom niet)",
                "AP notified (or recorded why not)",
            ),
            ChecklistStep::PeopleInformed => lang.pick(
                "Betrokkenen ingelicht (of vastgelegd waarom niet)",
                "People affected informed (or recorded why not)",
            ),
            ChecklistStep::ActionPlanExecuted => {
                lang.pick("Plan van aanpak uitgevoerd", "Action plan executed")
            }
            ChecklistStep::Closed => lang.pick("Afgesloten", "Closed"),
        }
    }
}

/// Beyond this many hours overdue the clock counts days: "12 d 04 h
/// overdue" reads where "292 h 46 min" does not.
const DAYS_AFTER_HOURS: u64 = 72;

impl Clock {
    /// `"41 h 12 min left"`, `"3 h 05 min overdue"`, `"12 d 04 h
    /// overdue"`, `"done"` (or Dutch).
    pub fn text(self, lang: Lang) -> String {
        match (self, lang) {
            (Clock::Overdue { hours, .. }, Lang::En) if hours > DAYS_AFTER_HOURS => {
                format!("{} d {:02} h overdue", hours / 24, hours % 24)
            }
            (Clock::Overdue { hours, .. }, Lang::Nl) if hours > DAYS_AFTER_HOURS => {
                format!("{} d {:02} u te laat", hours / 24, hours % 24)
            }
            (Clock::Left { hours, minutes }, Lang::En) => {
                format!("{hours} h {minutes:02} min left")
            }
            (Clock::Left { hours, minutes }, Lang::Nl) => {
                format!("nog {hours} u {minutes:02} min")
            }
            (Clock::Overdue { hours, minutes }, Lang::En) => {
                format!("{hours} h {minutes:02} min overdue")
            }
            (Clock::Overdue { hours, minutes }, Lang::Nl) => {
                format!("{hours} u {minutes:02} min te laat")
            }
            (Clock::Done, lang) => lang.pick("afgerond", "done").to_string(),
        }
    }
}

impl Breach {
    /// The clock as text at `now`.
    pub fn clock_text(&self, now: At, lang: Lang) -> String {
        self.clock(now).text(lang)
    }
}

impl Risk {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Risk::None => lang.pick("geen risico", "no risk"),
            Risk::Risk => lang.pick("risico", "risk"),
            Risk::High => lang.pick("hoog risico", "high risk"),
        }
    }
}

impl Consequences {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Consequences::Negligible => lang.pick("verwaarloosbaar", "negligible"),
            Consequences::Limited => lang.pick("beperkt", "limited"),
            Consequences::Significant => lang.pick("aanzienlijk", "significant"),
            Consequences::Severe => lang.pick("ernstig", "severe"),
        }
    }
}

impl Unavailable {
    /// The answer as the assessment form offers it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Unavailable::None => lang.pick("niet", "not at all"),
            Unavailable::Hours => lang.pick("uren, en hersteld", "hours, and restored"),
            Unavailable::Days => lang.pick("dagen", "days"),
            Unavailable::Permanent => lang.pick("blijvend", "for good"),
        }
    }
}

impl Finding {
    /// The factor's short name, for "decided by".
    pub fn factor(self, lang: Lang) -> &'static str {
        use Finding::*;
        match self {
            NoKind => lang.pick("geen soort inbreuk opgegeven", "no kind of breach given"),
            NobodyAffected => lang.pick("geen betrokkenen", "nobody affected"),
            Unintelligible => lang.pick(
                "onleesbare gegevens (versleuteld of gehasht)",
                "unintelligible data (encrypted or hashed)",
            ),
            TrustedRecipient => lang.pick(
                "betrouwbare ontvanger die verwijdering bevestigde",
                "trusted recipient who confirmed deletion",
            ),
            SeriousConsequences(_) => lang.pick(
                "aanzienlijke of ernstige gevolgen",
                "significant or severe consequences",
            ),
            SpecialCategories | SpecialButNegligible => lang.pick(
                "bijzondere of gevoelige gegevens",
                "special categories of data",
            ),
            NegligibleExposure | OutageNegligible => {
                lang.pick("verwaarloosbare gevolgen", "negligible consequences")
            }
            LimitedExposure => lang.pick(
                "inzage in of wijziging van persoonsgegevens",
                "exposure or alteration of personal data",
            ),
            NotIdentifiable(_) => lang.pick(
                "betrokkenen niet makkelijk te identificeren",
                "people not easy to identify",
            ),
            OutageShort => lang.pick(
                "hooguit uren onbeschikbaar en hersteld",
                "unavailable for hours at most and restored",
            ),
            OutageDays => lang.pick("dagen onbeschikbaar", "unavailable for days"),
            OutagePermanent => lang.pick("blijvend verlies", "permanent loss"),
        }
    }

    /// The finding as one plain sentence.
    pub fn sentence(self, lang: Lang, subjects: u64) -> String {
        use Finding::*;
        match self {
            NoKind => lang
                .pick(
                    "Er is geen soort inbreuk opgegeven (vertrouwelijkheid, integriteit of beschikbaarheid), dus niets wijst op een risico.",
                    "No kind of breach was given (confidentiality, integrity or availability), so nothing points to a risk.",
                )
                .to_string(),
            NobodyAffected => lang
                .pick(
                    "Er zijn geen betrokkenen (aantal 0), dus er is geen risico voor de rechten van mensen.",
                    "Nobody is affected (0 people), so there is no risk to anyone's rights.",
                )
                .to_string(),
            Unintelligible => lang
                .pick(
                    "De gegevens waren versleuteld of gehasht met een degelijke methode en de sleutel is niet gelekt: ze zijn onleesbaar voor anderen, dus een risico door inzage of wijziging is onwaarschijnlijk (art. 34 lid 3 sub a AVG).",
                    "The data was encrypted or hashed with a sound method and the key was not compromised: it is unintelligible to others, so a risk from exposure or alteration is unlikely (GDPR art. 34(3)(a)).",
                )
                .to_string(),
            TrustedRecipient => lang
                .pick(
                    "De gegevens kwamen bij een bekende, betrouwbare ontvanger die heeft bevestigd ze te hebben verwijderd, dus een risico door de inzage is onwaarschijnlijk.",
                    "The data reached a known, trusted recipient who confirmed deleting it, so a risk from the exposure is unlikely.",
                )
                .to_string(),
            SeriousConsequences(c) => match lang {
                Lang::Nl => format!(
                    "Het ergste waarschijnlijke gevolg voor de betrokkenen is {}: dat is een hoog risico.",
                    c.label(lang)
                ),
                Lang::En => format!(
                    "The worst likely effect on the people affected is {}: that is a high risk.",
                    c.label(lang)
                ),
            },
            SpecialCategories => lang
                .pick(
                    "Er zijn bijzondere of gevoelige gegevens ingezien of gewijzigd (gezondheid, coachinginhoud, uitslagen van vragenlijsten, identiteitsnummers, financiële gegevens): dat is een hoog risico.",
                    "Special categories of data were exposed or altered (health, coaching content, questionnaire results, ID numbers, financial data): that is a high risk.",
                )
                .to_string(),
            SpecialButNegligible => lang
                .pick(
                    "Het gevolg is als verwaarloosbaar ingeschat, maar het gaat om bijzondere of gevoelige gegevens: dat blijft een risico, zodat de AP het kan beoordelen.",
                    "The effect was judged negligible, but the data is of a special category: that stays a risk, so the AP can judge it.",
                )
                .to_string(),
            NegligibleExposure => lang
                .pick(
                    "Er zijn gegevens ingezien of gewijzigd, maar het ergste waarschijnlijke gevolg is verwaarloosbaar: een risico is onwaarschijnlijk.",
                    "Data was exposed or altered, but the worst likely effect is negligible: a risk is unlikely.",
                )
                .to_string(),
            LimitedExposure => match lang {
                Lang::Nl => format!(
                    "Gegevens van ongeveer {subjects} personen zijn ingezien of gewijzigd, met een beperkt waarschijnlijk gevolg: dat is een risico."
                ),
                Lang::En => format!(
                    "Data of about {subjects} people was exposed or altered, with a limited likely effect: that is a risk."
                ),
            },
            NotIdentifiable(to) => match lang {
                Lang::Nl => format!(
                    "De betrokkenen zijn niet makkelijk te identificeren uit de gegevens: het risico is één niveau lager ({}).",
                    to.label(lang)
                ),
                Lang::En => format!(
                    "The people affected are not easy to identify from the data: the risk is one level lower ({}).",
                    to.label(lang)
                ),
            },
            OutageShort => lang
                .pick(
                    "De gegevens waren hooguit enkele uren onbeschikbaar en zijn hersteld: een kort verlies van beschikbaarheid is geen meldplichtig risico.",
                    "The data was unavailable for hours at most and was restored: a short loss of availability is not a notifiable risk.",
                )
                .to_string(),
            OutageDays => lang
                .pick(
                    "De gegevens waren dagen onbeschikbaar: dat is een risico (mensen kunnen diensten mislopen of dingen opnieuw moeten doen).",
                    "The data was unavailable for days: that is a risk (people may miss services or have to redo things).",
                )
                .to_string(),
            OutageNegligible => lang
                .pick(
                    "De gegevens waren dagen onbeschikbaar, maar het ergste waarschijnlijke gevolg is verwaarloosbaar: een risico is onwaarschijnlijk.",
                    "The data was unavailable for days, but the worst likely effect is negligible: a risk is unlikely.",
                )
                .to_string(),
            OutagePermanent => lang
                .pick(
                    "De gegevens zijn blijvend verloren: dat is ten minste een risico.",
                    "The data is lost for good: that is at least a risk.",
                )
                .to_string(),
        }
    }
}

impl Reason {
    /// The reason as one sentence.
    pub fn text(&self, lang: Lang) -> String {
        match *self {
            Reason::Weighed { finding, subjects } => finding.sentence(lang, subjects),
            Reason::Conclusion { risk, decided_by } => {
                let factor = decided_by.factor(lang);
                match (risk, lang) {
        (Risk::None, Lang::Nl) => format!(
            "Conclusie: geen risico, doorslaggevend: {factor}; het lek hoeft niet bij de AP gemeld te worden en de betrokkenen hoeven niet ingelicht te worden (art. 33 lid 1 AVG)."
        ),
        (Risk::None, Lang::En) => format!(
            "Conclusion: no risk, decided by: {factor}; the breach need not be notified to the AP and the people affected need not be informed (GDPR art. 33(1))."
        ),
        (Risk::Risk, Lang::Nl) => format!(
            "Conclusie: risico, doorslaggevend: {factor}; meld het lek binnen 72 uur na ontdekking bij de AP (art. 33 AVG); de betrokkenen inlichten is niet verplicht (art. 34 AVG), maar kan verstandig zijn."
        ),
        (Risk::Risk, Lang::En) => format!(
            "Conclusion: risk, decided by: {factor}; notify the AP within 72 hours of discovery (GDPR art. 33); informing the people affected is not required (GDPR art. 34), though it may be wise."
        ),
        (Risk::High, Lang::Nl) => format!(
            "Conclusie: hoog risico, doorslaggevend: {factor}; meld het lek binnen 72 uur na ontdekking bij de AP (art. 33 AVG) en licht de betrokkenen zonder onnodige vertraging in (art. 34 AVG)."
        ),
        (Risk::High, Lang::En) => format!(
            "Conclusion: high risk, decided by: {factor}; notify the AP within 72 hours of discovery (GDPR art. 33) and inform the people affected without undue delay (GDPR art. 34)."
        ),
    }
            }
            Reason::Register => lang.pick(
            "Elk datalek komt in het register van datalekken, wat de uitkomst ook is (art. 33 lid 5 AVG).",
            "Every breach goes in the breach register, whatever the outcome (GDPR art. 33(5)).",
        )
            .to_string(),
        }
    }
}

/// An assessment in words: the contract JSON of `breach assess --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordedAssessment {
    pub risk: Risk,
    pub notify_authority: bool,
    pub inform_subjects: bool,
    pub register: bool,
    pub reasons: Vec<String>,
}

impl Assessment {
    /// The assessment with its reasons in `lang`.
    pub fn worded(&self, lang: Lang) -> WordedAssessment {
        WordedAssessment {
            risk: self.risk,
            notify_authority: self.notify_authority,
            inform_subjects: self.inform_subjects,
            register: self.register,
            reasons: self.reasons.iter().map(|r| r.text(lang)).collect(),
        }
    }
}

impl AnswerError {
    /// One sentence: what is wrong, where, and what is expected.
    pub fn message(&self, lang: Lang) -> String {
        let fields = FIELDS.join(", ");
        match (self, lang) {
            (AnswerError::Syntax(e), Lang::Nl) => {
                format!("De antwoorden voor de risicobeoordeling zijn geen geldige JSON: {e}.")
            }
            (AnswerError::Syntax(e), Lang::En) => {
                format!("The assessment answers are not valid JSON: {e}.")
            }
            (AnswerError::NotAnObject, Lang::Nl) => format!(
                "De antwoorden voor de risicobeoordeling moeten één JSON-object zijn met de velden {fields}."
            ),
            (AnswerError::NotAnObject, Lang::En) => {
                format!("The assessment answers must be one JSON object with the fields {fields}.")
            }
            (AnswerError::Missing(f), Lang::Nl) => {
                format!("Het veld `{f}` ontbreekt in de antwoorden voor de risicobeoordeling.")
            }
            (AnswerError::Missing(f), Lang::En) => {
                format!("The field `{f}` is missing from the assessment answers.")
            }
            (AnswerError::Unknown(f), Lang::Nl) => format!(
                "Onbekend veld `{f}` in de antwoorden voor de risicobeoordeling; de velden zijn {fields}."
            ),
            (AnswerError::Unknown(f), Lang::En) => {
                format!("Unknown field `{f}` in the assessment answers; the fields are {fields}.")
            }
            (AnswerError::Duplicate(f), Lang::Nl) => format!(
                "Het veld `{f}` staat twee keer in de antwoorden voor de risicobeoordeling; geef elk veld één keer."
            ),
            (AnswerError::Duplicate(f), Lang::En) => format!(
                "The field `{f}` appears twice in the assessment answers; give each field once."
            ),
            (AnswerError::NotABool { field, given }, Lang::Nl) => {
                format!("Het veld `{field}` moet true of false zijn, niet {given}.")
            }
            (AnswerError::NotABool { field, given }, Lang::En) => {
                format!("The field `{field}` must be true or false, not {given}.")
            }
            (
                AnswerError::UnknownValue {
                    field,
                    given,
                    allowed,
                },
                Lang::Nl,
            ) => format!(
                "Het veld `{field}` moet een van {} zijn, niet {given}.",
                allowed.join(", ")
            ),
            (
                AnswerError::UnknownValue {
                    field,
                    given,
                    allowed,
                },
                Lang::En,
            ) => format!(
                "The field `{field}` must be one of {}, not {given}.",
                allowed.join(", ")
            ),
            (AnswerError::NotACount { field, given }, Lang::Nl) => format!(
                "Het veld `{field}` moet een niet-negatief geheel getal zijn (het geschatte aantal betrokkenen), niet {given}."
            ),
            (AnswerError::NotACount { field, given }, Lang::En) => format!(
                "The field `{field}` must be a non-negative whole number (the approximate number of people affected), not {given}."
            ),
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breach::Breach;
    use crate::domain::breach_assessment::{Answers, assess, parse_answers};
    use chrono::DateTime;

    fn at(s: &str) -> At {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn base() -> Answers {
        Answers::neutral()
    }

    fn with(field: &str, value: &str) -> String {
        let mut v = serde_json::to_value(base()).unwrap();
        v[field] = serde_json::from_str(value).unwrap();
        v.to_string()
    }

    fn without(field: &str) -> String {
        let mut v = serde_json::to_value(base()).unwrap();
        v.as_object_mut().unwrap().remove(field);
        v.to_string()
    }

    #[test]
    fn the_clock_in_words() {
        let b = Breach::new(at("2027-01-15T09:00:00+01:00"), "Laptop gestolen");
        // 41 h 12 min before the deadline.
        let now = at("2027-01-16T15:48:00+01:00");
        assert_eq!(b.clock_text(now, Lang::En), "41 h 12 min left");
        assert_eq!(b.clock_text(now, Lang::Nl), "nog 41 u 12 min");
        let late = at("2027-01-18T12:05:00+01:00");
        assert_eq!(b.clock_text(late, Lang::En), "3 h 05 min overdue");
        assert_eq!(b.clock_text(late, Lang::Nl), "3 u 05 min te laat");
        // Long overdue: days, not thousands of hours.
        let long = at("2030-06-01T12:05:00+01:00");
        assert!(b.clock_text(long, Lang::En).ends_with(" h overdue"));
        assert!(!b.clock_text(long, Lang::En).contains("min"));
        let days_late = at("2027-01-22T05:00:00+01:00");
        assert_eq!(b.clock_text(days_late, Lang::En), "3 d 20 h overdue");
        assert_eq!(b.clock_text(days_late, Lang::Nl), "3 d 20 u te laat");
        let mut b = b;
        b.tick(
            ChecklistStep::AuthorityNotified,
            at("2027-01-16T10:00:00+01:00"),
        );
        let now = at("2027-01-20T09:00:00+01:00");
        assert_eq!(b.clock_text(now, Lang::En), "done");
        assert_eq!(b.clock_text(now, Lang::Nl), "afgerond");
    }

    #[test]
    fn every_step_has_a_label_in_both_languages() {
        for s in ChecklistStep::ALL {
            assert_ne!(s.label(Lang::Nl), s.label(Lang::En));
        }
    }

    #[test]
    fn reasons_name_the_deciding_factor_in_both_languages() {
        let a = Answers {
            special_categories: true,
            ..base()
        };
        let en = assess(&a).worded(Lang::En);
        let nl = assess(&a).worded(Lang::Nl);
        assert!(
            en.reasons
                .iter()
                .any(|r| r.contains("decided by: special categories of data")),
            "{:?}",
            en.reasons
        );
        assert!(
            nl.reasons
                .iter()
                .any(|r| r.contains("doorslaggevend: bijzondere of gevoelige gegevens")),
            "{:?}",
            nl.reasons
        );
        assert!(en.reasons.iter().any(|r| r.contains("art. 33(5)")));
        assert!(nl.reasons.iter().any(|r| r.contains("art. 33 lid 5")));
        assert_eq!(en.reasons.len(), nl.reasons.len());
    }

    #[test]
    fn every_finding_has_words_in_both_languages() {
        use Finding::*;
        let all = [
            NoKind,
            NobodyAffected,
            Unintelligible,
            TrustedRecipient,
            SeriousConsequences(Consequences::Severe),
            SpecialCategories,
            SpecialButNegligible,
            NegligibleExposure,
            LimitedExposure,
            NotIdentifiable(Risk::Risk),
            OutageShort,
            OutageDays,
            OutageNegligible,
            OutagePermanent,
        ];
        for f in all {
            for lang in [Lang::Nl, Lang::En] {
                let s = f.sentence(lang, 7);
                assert!(s.ends_with('.'), "{f:?} {lang:?}: {s}");
                assert!(!f.factor(lang).is_empty());
            }
            assert_ne!(f.sentence(Lang::Nl, 7), f.sentence(Lang::En, 7));
        }
    }

    #[test]
    fn assessment_json_is_the_contract() {
        let r = assess(&base()).worded(Lang::En);
        let v = serde_json::to_value(&r).unwrap();
        let obj = v.as_object().unwrap();
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "inform_subjects",
                "notify_authority",
                "reasons",
                "register",
                "risk"
            ]
        );
        assert_eq!(v["risk"], "risk");
        assert_eq!(v["register"], true);
        assert_eq!(serde_json::to_value(Risk::None).unwrap(), "none");
        assert_eq!(serde_json::to_value(Risk::High).unwrap(), "high");
    }

    #[test]
    fn every_error_is_one_sentence() {
        let errors = [
            parse_answers("nope").unwrap_err(),
            parse_answers("3").unwrap_err(),
            parse_answers(&without("integrity")).unwrap_err(),
            parse_answers(&with("subjects", "-1")).unwrap_err(),
            parse_answers(&with("availability", "1")).unwrap_err(),
            parse_answers(&with("consequences", "\"bad\"")).unwrap_err(),
        ];
        for e in errors {
            for lang in [Lang::Nl, Lang::En] {
                let m = e.message(lang);
                assert!(m.ends_with('.') && !m.contains('\n'), "{m}");
            }
        }
    }

    #[test]
    fn a_negative_count_is_named_in_dutch() {
        let e = parse_answers(&with("subjects", "-3")).unwrap_err();
        let nl = e.message(Lang::Nl);
        assert!(nl.contains("`subjects`") && nl.contains("niet-negatief geheel getal"));
    }
}
