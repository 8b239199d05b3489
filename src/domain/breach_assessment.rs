//! The risk assessment of a breach (DESIGN.md §6, GDPR art. 33/34).
//!
//! The answers are the contract of `kluis breach assess`; the rules follow
//! the EDPB Guidelines 01/2021 (examples regarding personal data breach
//! notification, 18 cases) and 9/2022 (personal data breach notification,
//! the risk factors). Pure: no I/O, no clock.
//!
//! The rules, in the order they are applied:
//!
//! 1. No kind of breach given, or nobody affected (`subjects` 0): no risk.
//! 2. Confidentiality and integrity (integrity counts like confidentiality):
//!    - data that is unintelligible (sound encryption or hashing, key not
//!      compromised) makes a risk from exposure or alteration unlikely
//!      (art. 34(3)(a); EDPB cases 06 and 10); a known, trusted recipient who
//!      confirmed deletion does the same for exposure (EDPB case 09);
//!    - otherwise: significant or severe consequences give a high risk, then
//!      special categories give a high risk; negligible consequences give no
//!      risk, except for special categories, which stay a risk so the AP can
//!      judge (the statement "negligible" is weighed against the kind of
//!      data; EDPB case 15); anything else is a risk;
//!    - people who are not easy to identify lower a level that came from
//!      the kind of data (not one that came from the coach's judgement of the
//!      consequences, which already takes identifiability into account).
//! 3. Availability: unavailable for hours at most and restored is not a
//!    notifiable risk (EDPB case 01); days is a risk (case 02); permanent
//!    loss is at least a risk, even with negligible consequences;
//!    significant or severe consequences give a high risk (case 03).
//!    Special categories alone do not raise an availability loss: its effect
//!    on people decides, and the coach states that effect.
//! 4. The overall risk is the highest of the two; the AP is notified for a
//!    risk or a high risk, the people affected are informed for a high risk,
//!    and every breach goes in the register (art. 33(5)).

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// The answers of section 6 (contract): exactly these JSON field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub confidentiality: bool,
    pub integrity: bool,
    pub availability: bool,
    pub unavailable_for: Unavailable,
    /// Encrypted or hashed with a sound method, key not compromised.
    pub unintelligible: bool,
    /// A known, trusted recipient who confirmed deletion.
    pub recipient_trusted: bool,
    pub special_categories: bool,
    /// Approximate number of people affected.
    pub subjects: u64,
    /// The people affected are easy to identify.
    pub identifiable: bool,
    /// The coach's judgement of the worst likely effect.
    pub consequences: Consequences,
}

/// How long the data was (or is) unavailable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unavailable {
    None,
    Hours,
    Days,
    Permanent,
}

/// The worst likely effect on the people affected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Consequences {
    Negligible,
    Limited,
    Significant,
    Severe,
}

/// The risk level: `none` means "unlikely to result in a risk" (art. 33(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    None,
    Risk,
    High,
}

impl Risk {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Risk::None => lang.pick("geen risico", "no risk"),
            Risk::Risk => lang.pick("risico", "risk"),
            Risk::High => lang.pick("hoog risico", "high risk"),
        }
    }

    fn lower(self) -> Risk {
        match self {
            Risk::High => Risk::Risk,
            Risk::Risk | Risk::None => Risk::None,
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

    fn serious(self) -> bool {
        self >= Consequences::Significant
    }
}

/// The outcome; its JSON is the contract of `breach assess --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub risk: Risk,
    pub notify_authority: bool,
    pub inform_subjects: bool,
    /// Always true: every breach goes in the register (art. 33(5)).
    pub register: bool,
    pub reasons: Vec<String>,
}

/// One factor the rules weighed. The reasons are these, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// Neither confidentiality, integrity nor availability was affected.
    NoKind,
    /// `subjects` is 0.
    NobodyAffected,
    /// Encrypted or hashed, key not compromised (art. 34(3)(a)).
    Unintelligible,
    /// A trusted recipient confirmed deletion.
    TrustedRecipient,
    /// The coach judged the worst likely effect significant or severe.
    SeriousConsequences(Consequences),
    /// Special categories were exposed or altered.
    SpecialCategories,
    /// Special categories, but the effect was judged negligible.
    SpecialButNegligible,
    /// Exposure or alteration with a negligible effect.
    NegligibleExposure,
    /// Exposure or alteration with a limited effect.
    LimitedExposure,
    /// The people are not easy to identify: one level lower, to this.
    NotIdentifiable(Risk),
    /// Unavailable for hours at most, restored.
    OutageShort,
    /// Unavailable for days.
    OutageDays,
    /// Unavailable for days, but a negligible effect.
    OutageNegligible,
    /// Lost for good.
    OutagePermanent,
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

/// The rules' result before it is put in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub risk: Risk,
    /// The finding that set the overall level.
    pub decisive: Finding,
    /// Every finding, in the order weighed (no duplicates).
    pub findings: Vec<Finding>,
}

/// One dimension's level and the finding that set it.
struct Part {
    risk: Risk,
    decisive: Finding,
    findings: Vec<Finding>,
}

impl Part {
    fn new(risk: Risk, decisive: Finding) -> Part {
        Part {
            risk,
            decisive,
            findings: vec![decisive],
        }
    }
}

/// Confidentiality and integrity: exposure or alteration of the data.
fn exposure(a: &Answers) -> Part {
    let conf_open = a.confidentiality && !a.unintelligible && !a.recipient_trusted;
    let integ_open = a.integrity && !a.unintelligible;
    if !conf_open && !integ_open {
        let mitigation = if a.unintelligible {
            Finding::Unintelligible
        } else {
            Finding::TrustedRecipient
        };
        return Part::new(Risk::None, mitigation);
    }
    if a.consequences.serious() {
        // The coach's judgement of the effect already weighs identifiability.
        return Part::new(Risk::High, Finding::SeriousConsequences(a.consequences));
    }
    let mut part = match (a.special_categories, a.consequences) {
        (true, Consequences::Negligible) => Part::new(Risk::Risk, Finding::SpecialButNegligible),
        (true, _) => Part::new(Risk::High, Finding::SpecialCategories),
        (false, Consequences::Negligible) => Part::new(Risk::None, Finding::NegligibleExposure),
        (false, _) => Part::new(Risk::Risk, Finding::LimitedExposure),
    };
    if !a.identifiable && part.risk > Risk::None {
        let lowered = part.risk.lower();
        part.risk = lowered;
        part.decisive = Finding::NotIdentifiable(lowered);
        part.findings.push(part.decisive);
    }
    part
}

/// Availability: how long the data was unavailable, and the effect.
fn outage(a: &Answers) -> Part {
    let base = match a.unavailable_for {
        Unavailable::None | Unavailable::Hours => Part::new(Risk::None, Finding::OutageShort),
        Unavailable::Days => Part::new(Risk::Risk, Finding::OutageDays),
        Unavailable::Permanent => Part::new(Risk::Risk, Finding::OutagePermanent),
    };
    if a.consequences.serious() {
        let mut part = Part::new(Risk::High, Finding::SeriousConsequences(a.consequences));
        part.findings.insert(0, base.decisive);
        return part;
    }
    if a.consequences == Consequences::Negligible && a.unavailable_for == Unavailable::Days {
        let mut part = Part::new(Risk::None, Finding::OutageNegligible);
        part.findings.insert(0, base.decisive);
        return part;
    }
    base
}

/// Applies the rules (see the module documentation).
pub fn evaluate(a: &Answers) -> Evaluation {
    let outage_given = a.availability || a.unavailable_for != Unavailable::None;
    if !a.confidentiality && !a.integrity && !outage_given {
        return Evaluation {
            risk: Risk::None,
            decisive: Finding::NoKind,
            findings: vec![Finding::NoKind],
        };
    }
    if a.subjects == 0 {
        return Evaluation {
            risk: Risk::None,
            decisive: Finding::NobodyAffected,
            findings: vec![Finding::NobodyAffected],
        };
    }
    let mut parts = Vec::new();
    if a.confidentiality || a.integrity {
        parts.push(exposure(a));
    }
    if outage_given {
        parts.push(outage(a));
    }
    let mut risk = Risk::None;
    let mut decisive = None;
    let mut findings: Vec<Finding> = Vec::new();
    for part in &parts {
        // The first part with the highest level decides.
        if decisive.is_none() || part.risk > risk {
            risk = part.risk;
            decisive = Some(part.decisive);
        }
        for f in &part.findings {
            if !findings.contains(f) {
                findings.push(*f);
            }
        }
    }
    Evaluation {
        risk,
        // invariant: `parts` is never empty here (some kind was given), so
        // `decisive` was set; NoKind is only a harmless fallback.
        decisive: decisive.unwrap_or(Finding::NoKind),
        findings,
    }
}

/// The assessment with its reasons in the given language.
pub fn assess(a: &Answers, lang: Lang) -> Assessment {
    let ev = evaluate(a);
    let mut reasons: Vec<String> = ev
        .findings
        .iter()
        .map(|f| f.sentence(lang, a.subjects))
        .collect();
    let factor = ev.decisive.factor(lang);
    reasons.push(match (ev.risk, lang) {
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
    });
    reasons.push(
        lang.pick(
            "Elk datalek komt in het register van datalekken, wat de uitkomst ook is (art. 33 lid 5 AVG).",
            "Every breach goes in the breach register, whatever the outcome (GDPR art. 33(5)).",
        )
        .to_string(),
    );
    Assessment {
        risk: ev.risk,
        notify_authority: ev.risk >= Risk::Risk,
        inform_subjects: ev.risk == Risk::High,
        register: true,
        reasons,
    }
}

/// The contract's field names, in the contract's order.
pub const FIELDS: [&str; 10] = [
    "confidentiality",
    "integrity",
    "availability",
    "unavailable_for",
    "unintelligible",
    "recipient_trusted",
    "special_categories",
    "subjects",
    "identifiable",
    "consequences",
];

const UNAVAILABLE_VALUES: [&str; 4] = ["none", "hours", "days", "permanent"];
const CONSEQUENCE_VALUES: [&str; 4] = ["negligible", "limited", "significant", "severe"];

/// What is wrong with assessment answers; each names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// Not JSON at all; serde_json's description with line and column.
    Syntax(String),
    /// JSON, but not one object.
    NotAnObject,
    Missing(&'static str),
    Unknown(String),
    /// A field that must be true or false; what was given instead.
    NotABool {
        field: &'static str,
        given: String,
    },
    /// A field with a fixed set of values.
    UnknownValue {
        field: &'static str,
        given: String,
        allowed: &'static [&'static str],
    },
    /// `subjects` is not a non-negative whole number.
    NotACount {
        field: &'static str,
        given: String,
    },
}

impl AnswerError {
    /// The field the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AnswerError::Syntax(_) | AnswerError::NotAnObject => None,
            AnswerError::Missing(f) => Some(f),
            AnswerError::Unknown(f) => Some(f),
            AnswerError::NotABool { field, .. }
            | AnswerError::UnknownValue { field, .. }
            | AnswerError::NotACount { field, .. } => Some(field),
        }
    }

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

impl std::error::Error for AnswerError {}

/// A JSON value as it is shown in an error: its text, shortened.
fn shown(v: &Value) -> String {
    let kind = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    let text = v.to_string();
    if text.chars().count() > 40 {
        kind.to_string()
    } else {
        text
    }
}

fn check_bool(obj: &Map<String, Value>, field: &'static str) -> Result<(), AnswerError> {
    match obj.get(field) {
        None => Err(AnswerError::Missing(field)),
        Some(Value::Bool(_)) => Ok(()),
        Some(v) => Err(AnswerError::NotABool {
            field,
            given: shown(v),
        }),
    }
}

fn check_choice(
    obj: &Map<String, Value>,
    field: &'static str,
    allowed: &'static [&'static str],
) -> Result<(), AnswerError> {
    match obj.get(field) {
        None => Err(AnswerError::Missing(field)),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
        Some(v) => Err(AnswerError::UnknownValue {
            field,
            given: shown(v),
            allowed,
        }),
    }
}

fn check_count(obj: &Map<String, Value>, field: &'static str) -> Result<(), AnswerError> {
    match obj.get(field) {
        None => Err(AnswerError::Missing(field)),
        Some(v) if v.as_u64().is_some() => Ok(()),
        Some(v) => Err(AnswerError::NotACount {
            field,
            given: shown(v),
        }),
    }
}

/// Reads the answers of `kluis breach assess`, naming the field of the first
/// problem: unknown fields first (a typo explains a missing field), then the
/// fields in the contract's order.
pub fn parse_answers(json: &str) -> Result<Answers, AnswerError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| AnswerError::Syntax(e.to_string()))?;
    let Value::Object(obj) = value else {
        return Err(AnswerError::NotAnObject);
    };
    if let Some(unknown) = obj.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(AnswerError::Unknown(unknown.clone()));
    }
    for field in FIELDS {
        match field {
            "unavailable_for" => check_choice(&obj, field, &UNAVAILABLE_VALUES)?,
            "consequences" => check_choice(&obj, field, &CONSEQUENCE_VALUES)?,
            "subjects" => check_count(&obj, field)?,
            _ => check_bool(&obj, field)?,
        }
    }
    // Every field was checked above; serde's own message is a fallback.
    serde_json::from_value(Value::Object(obj)).map_err(|e| AnswerError::Syntax(e.to_string()))
}

#[cfg(test)]
#[path = "breach_assessment_tests.rs"]
mod tests;
