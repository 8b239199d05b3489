//! The risk assessment of a breach (DESIGN.md section 6, GDPR art. 33/34).
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
mod tests {
    use super::*;

    /// A confidentiality breach of identifiable, ordinary data with a limited
    /// effect: the neutral starting point the tests change.
    fn base() -> Answers {
        Answers {
            confidentiality: true,
            integrity: false,
            availability: false,
            unavailable_for: Unavailable::None,
            unintelligible: false,
            recipient_trusted: false,
            special_categories: false,
            subjects: 12,
            identifiable: true,
            consequences: Consequences::Limited,
        }
    }

    /// An availability-only breach.
    fn outage_for(d: Unavailable) -> Answers {
        Answers {
            confidentiality: false,
            availability: true,
            unavailable_for: d,
            ..base()
        }
    }

    fn outcome(a: &Answers) -> (Risk, bool, bool) {
        let r = assess(a, Lang::En);
        assert!(r.register, "every breach goes in the register");
        (r.risk, r.notify_authority, r.inform_subjects)
    }

    const NONE: (Risk, bool, bool) = (Risk::None, false, false);
    const NOTIFY: (Risk, bool, bool) = (Risk::Risk, true, false);
    const BOTH: (Risk, bool, bool) = (Risk::High, true, true);

    // ---- The EDPB Guidelines 01/2021 examples, as reconstructed. ----

    /// Case 01: a small company's systems encrypted by ransomware; a recent
    /// backup restored everything within hours; no sign of exfiltration.
    /// EDPB: document internally; no notification, no communication.
    #[test]
    fn edpb_case_01_ransomware_with_backup_no_exfiltration() {
        let a = Answers {
            integrity: false,
            subjects: 40,
            consequences: Consequences::Limited,
            ..outage_for(Unavailable::Hours)
        };
        assert_eq!(outcome(&a), NONE);
        assert_eq!(evaluate(&a).decisive, Finding::OutageShort);
    }

    /// Case 02: ransomware on an agricultural company's computer, no backup;
    /// the data was rebuilt by hand over several days; no exfiltration.
    /// EDPB: notify the SA; no communication to the people.
    #[test]
    fn edpb_case_02_ransomware_without_backup() {
        let a = Answers {
            subjects: 60,
            ..outage_for(Unavailable::Days)
        };
        assert_eq!(outcome(&a), NOTIFY);
        assert_eq!(evaluate(&a).decisive, Finding::OutageDays);
    }

    /// Case 03: ransomware in a hospital; backup, but restoring took days and
    /// care was delayed; health data. EDPB: notify and communicate.
    #[test]
    fn edpb_case_03_ransomware_with_backup_hospital() {
        let a = Answers {
            special_categories: true,
            subjects: 5_000,
            consequences: Consequences::Severe,
            ..outage_for(Unavailable::Days)
        };
        assert_eq!(outcome(&a), BOTH);
    }

    /// Case 04: ransomware on a public transport company's server without
    /// backup, and the data (identity and financial data of thousands of
    /// customers) was exfiltrated. EDPB: notify and communicate.
    #[test]
    fn edpb_case_04_ransomware_without_backup_with_exfiltration() {
        let a = Answers {
            confidentiality: true,
            availability: true,
            unavailable_for: Unavailable::Permanent,
            special_categories: true,
            subjects: 5_000,
            consequences: Consequences::Significant,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    /// Case 05: malicious code on a job site copied the application forms
    /// (identity, contact, CV data) of about 200 applicants. The EDPB sees a
    /// high risk of identity fraud and phishing: notify and communicate.
    #[test]
    fn edpb_case_05_exfiltration_of_job_application_data() {
        let a = Answers {
            subjects: 213,
            consequences: Consequences::Significant,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    /// Case 06: SQL injection on a recipe site exfiltrated passwords hashed
    /// with a strong salted algorithm; the key and salts were not
    /// compromised. EDPB: document; no notification, no communication.
    #[test]
    fn edpb_case_06_exfiltration_of_hashed_passwords() {
        let a = Answers {
            unintelligible: true,
            subjects: 1_200,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
        assert_eq!(evaluate(&a).decisive, Finding::Unintelligible);
    }

    /// Case 07: credential stuffing on a bank's website; some accounts were
    /// entered and their financial data seen. EDPB: notify and communicate.
    #[test]
    fn edpb_case_07_credential_stuffing_on_banking_website() {
        let a = Answers {
            special_categories: true, // financial data
            subjects: 2_000,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
        assert_eq!(evaluate(&a).decisive, Finding::SpecialCategories);
    }

    /// Case 08: a leaving employee copied the customer list (contact and
    /// business data) to use at a competitor. EDPB: notify the SA; no
    /// communication to the customers.
    #[test]
    fn edpb_case_08_exfiltration_of_business_data_by_employee() {
        let a = Answers {
            subjects: 500,
            ..base()
        };
        assert_eq!(outcome(&a), NOTIFY);
        assert_eq!(evaluate(&a).decisive, Finding::LimitedExposure);
    }

    /// Case 09: an insurance agent could see data of other customers through
    /// a badly set up spreadsheet; bound by secrecy, he reported it and
    /// deleted it. EDPB: document; no notification, no communication.
    #[test]
    fn edpb_case_09_accidental_transmission_to_trusted_third_party() {
        let a = Answers {
            recipient_trusted: true,
            subjects: 24,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
        assert_eq!(evaluate(&a).decisive, Finding::TrustedRecipient);
    }

    /// Case 10: two tablets stolen in a burglary; strongly encrypted, key not
    /// on them, and a backup was restored. EDPB: document only.
    #[test]
    fn edpb_case_10_stolen_device_with_encrypted_data() {
        let a = Answers {
            availability: true,
            unavailable_for: Unavailable::Hours,
            unintelligible: true,
            special_categories: true,
            subjects: 300,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
        assert_eq!(evaluate(&a).decisive, Finding::Unintelligible);
    }

    /// Case 11: a notebook without encryption or password, with names,
    /// addresses and dates of birth of over 100 000 customers, was stolen;
    /// no backup. EDPB: notify and communicate (identity fraud).
    #[test]
    fn edpb_case_11_stolen_device_with_unencrypted_data() {
        let a = Answers {
            availability: true,
            unavailable_for: Unavailable::Permanent,
            subjects: 100_000,
            consequences: Consequences::Significant,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    /// Case 12: a paper logbook with identity and health data of patients of
    /// a rehabilitation centre was stolen. EDPB: notify and communicate.
    #[test]
    fn edpb_case_12_stolen_paper_files_with_health_data() {
        let a = Answers {
            availability: true,
            unavailable_for: Unavailable::Permanent,
            special_categories: true,
            subjects: 60,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    /// Case 13: two shoe orders were mixed up, so two customers each got the
    /// other's packing slip (name, address, what was bought). Low risk.
    /// EDPB (as we read it): document; no notification, no communication.
    #[test]
    fn edpb_case_13_snail_mail_mistake() {
        let a = Answers {
            subjects: 2,
            consequences: Consequences::Negligible,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
        assert_eq!(evaluate(&a).decisive, Finding::NegligibleExposure);
    }

    /// Case 14: a job-seekers' office mailed a file with the names, addresses
    /// and social security numbers of over 60 000 job seekers to all of them.
    /// EDPB: notify and communicate.
    #[test]
    fn edpb_case_14_highly_confidential_data_sent_by_mail_by_mistake() {
        let a = Answers {
            special_categories: true, // national ID numbers
            subjects: 60_000,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    /// Case 15: a course's participant list (names, e-mail, food preferences;
    /// two noted a lactose intolerance) went to 15 former participants, who
    /// were asked to delete it. Health data, but hardly harmful.
    /// EDPB (as we read it): notify the SA; no communication.
    #[test]
    fn edpb_case_15_personal_data_sent_by_mail_by_mistake() {
        let a = Answers {
            special_categories: true,
            subjects: 15,
            consequences: Consequences::Negligible,
            ..base()
        };
        assert_eq!(outcome(&a), NOTIFY);
        assert_eq!(evaluate(&a).decisive, Finding::SpecialButNegligible);
    }

    /// Case 16: an enveloping machine put two customers' car insurance
    /// letters (name, address, registration, rates, date of birth) in one
    /// envelope. EDPB (as we read it): notify the SA; no communication.
    #[test]
    fn edpb_case_16_postal_mail_mistake() {
        let a = Answers {
            subjects: 1,
            ..base()
        };
        assert_eq!(outcome(&a), NOTIFY);
    }

    /// Case 17: someone posing as a customer had a telecom company change
    /// the customer's e-mail address and so got their invoices; the data
    /// enables further fraud. EDPB: notify and communicate.
    #[test]
    fn edpb_case_17_identity_theft() {
        let a = Answers {
            subjects: 1,
            consequences: Consequences::Significant,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
        assert_eq!(
            evaluate(&a).decisive,
            Finding::SeriousConsequences(Consequences::Significant)
        );
    }

    /// Case 18: forwarding rules set up by an attacker in a retailer's
    /// mailboxes sent mails with invoices and bank details to an outside
    /// address for months. EDPB: notify and communicate.
    #[test]
    fn edpb_case_18_email_exfiltration() {
        let a = Answers {
            special_categories: true, // financial data
            subjects: 400,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    // ---- Each rule on its own. ----

    #[test]
    fn no_kind_given_is_no_risk() {
        let a = Answers {
            confidentiality: false,
            special_categories: true,
            consequences: Consequences::Severe,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
        assert_eq!(evaluate(&a).decisive, Finding::NoKind);
    }

    #[test]
    fn nobody_affected_is_no_risk() {
        let a = Answers {
            subjects: 0,
            special_categories: true,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
        assert_eq!(evaluate(&a).decisive, Finding::NobodyAffected);
    }

    #[test]
    fn unintelligible_data_outweighs_special_categories_and_severity() {
        let a = Answers {
            unintelligible: true,
            integrity: true,
            special_categories: true,
            consequences: Consequences::Severe,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
    }

    #[test]
    fn trusted_recipient_covers_confidentiality_not_integrity() {
        let conf = Answers {
            recipient_trusted: true,
            special_categories: true,
            ..base()
        };
        assert_eq!(outcome(&conf), NONE);
        let altered = Answers {
            integrity: true,
            ..conf
        };
        assert_eq!(outcome(&altered), BOTH);
    }

    #[test]
    fn integrity_counts_like_confidentiality() {
        for special in [false, true] {
            for c in [
                Consequences::Negligible,
                Consequences::Limited,
                Consequences::Significant,
                Consequences::Severe,
            ] {
                let conf = Answers {
                    special_categories: special,
                    consequences: c,
                    ..base()
                };
                let integ = Answers {
                    confidentiality: false,
                    integrity: true,
                    ..conf
                };
                assert_eq!(outcome(&conf), outcome(&integ), "{special} {c:?}");
            }
        }
    }

    #[test]
    fn special_categories_mean_high_risk() {
        let a = Answers {
            special_categories: true,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    #[test]
    fn significant_or_severe_consequences_mean_high_risk() {
        for c in [Consequences::Significant, Consequences::Severe] {
            let a = Answers {
                consequences: c,
                ..base()
            };
            assert_eq!(outcome(&a), BOTH);
            assert_eq!(evaluate(&a).decisive, Finding::SeriousConsequences(c));
        }
    }

    #[test]
    fn limited_exposure_is_a_risk() {
        assert_eq!(outcome(&base()), NOTIFY);
    }

    #[test]
    fn negligible_consequences_mean_no_notification() {
        let a = Answers {
            consequences: Consequences::Negligible,
            ..base()
        };
        assert_eq!(outcome(&a), NONE);
        let b = Answers {
            consequences: Consequences::Negligible,
            ..outage_for(Unavailable::Days)
        };
        assert_eq!(outcome(&b), NONE);
        assert_eq!(evaluate(&b).decisive, Finding::OutageNegligible);
    }

    #[test]
    fn special_categories_with_negligible_consequences_stay_a_risk() {
        let a = Answers {
            special_categories: true,
            consequences: Consequences::Negligible,
            ..base()
        };
        assert_eq!(outcome(&a), NOTIFY);
    }

    #[test]
    fn not_identifiable_lowers_a_level_from_the_kind_of_data() {
        let special = Answers {
            special_categories: true,
            identifiable: false,
            ..base()
        };
        assert_eq!(outcome(&special), NOTIFY);
        assert_eq!(
            evaluate(&special).decisive,
            Finding::NotIdentifiable(Risk::Risk)
        );
        let ordinary = Answers {
            identifiable: false,
            ..base()
        };
        assert_eq!(outcome(&ordinary), NONE);
    }

    #[test]
    fn not_identifiable_does_not_lower_the_coachs_judgement() {
        let a = Answers {
            identifiable: false,
            consequences: Consequences::Severe,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
    }

    #[test]
    fn availability_hours_is_not_notifiable() {
        assert_eq!(outcome(&outage_for(Unavailable::Hours)), NONE);
        // Marked as an availability breach without a duration: a moment.
        assert_eq!(outcome(&outage_for(Unavailable::None)), NONE);
    }

    #[test]
    fn availability_days_is_a_risk() {
        assert_eq!(outcome(&outage_for(Unavailable::Days)), NOTIFY);
    }

    #[test]
    fn availability_permanent_is_at_least_a_risk() {
        for c in [Consequences::Negligible, Consequences::Limited] {
            let a = Answers {
                consequences: c,
                ..outage_for(Unavailable::Permanent)
            };
            assert_eq!(outcome(&a), NOTIFY, "{c:?}");
            assert_eq!(evaluate(&a).decisive, Finding::OutagePermanent);
        }
        let severe = Answers {
            consequences: Consequences::Severe,
            ..outage_for(Unavailable::Permanent)
        };
        assert_eq!(outcome(&severe), BOTH);
    }

    #[test]
    fn availability_with_serious_consequences_is_high_whatever_the_duration() {
        for d in [Unavailable::Hours, Unavailable::Days] {
            let a = Answers {
                consequences: Consequences::Significant,
                ..outage_for(d)
            };
            assert_eq!(outcome(&a), BOTH, "{d:?}");
        }
    }

    #[test]
    fn special_categories_alone_do_not_raise_an_outage() {
        let a = Answers {
            special_categories: true,
            ..outage_for(Unavailable::Days)
        };
        assert_eq!(outcome(&a), NOTIFY);
    }

    #[test]
    fn unavailable_for_counts_even_without_the_availability_flag() {
        let a = Answers {
            confidentiality: false,
            availability: false,
            unavailable_for: Unavailable::Days,
            ..base()
        };
        assert_eq!(outcome(&a), NOTIFY);
    }

    #[test]
    fn the_highest_part_decides_and_confidentiality_wins_ties() {
        // Encrypted laptop stolen without backup: exposure is covered, the
        // loss is not.
        let a = Answers {
            unintelligible: true,
            availability: true,
            unavailable_for: Unavailable::Permanent,
            ..base()
        };
        let ev = evaluate(&a);
        assert_eq!(ev.risk, Risk::Risk);
        assert_eq!(ev.decisive, Finding::OutagePermanent);
        assert_eq!(
            ev.findings,
            vec![Finding::Unintelligible, Finding::OutagePermanent]
        );
        let tie = Answers {
            availability: true,
            unavailable_for: Unavailable::Days,
            ..base()
        };
        assert_eq!(evaluate(&tie).decisive, Finding::LimitedExposure);
    }

    #[test]
    fn findings_are_not_repeated() {
        let a = Answers {
            availability: true,
            unavailable_for: Unavailable::Days,
            consequences: Consequences::Severe,
            ..base()
        };
        let ev = evaluate(&a);
        let serious = Finding::SeriousConsequences(Consequences::Severe);
        assert_eq!(ev.findings.iter().filter(|f| **f == serious).count(), 1);
    }

    // ---- The words and the JSON. ----

    #[test]
    fn reasons_name_the_deciding_factor_in_both_languages() {
        let a = Answers {
            special_categories: true,
            ..base()
        };
        let en = assess(&a, Lang::En);
        let nl = assess(&a, Lang::Nl);
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
        let r = assess(&base(), Lang::En);
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

    // ---- The parser. ----

    const GOOD: &str = r#"{
      "confidentiality": true,
      "integrity": false,
      "availability": false,
      "unavailable_for": "none",
      "unintelligible": false,
      "recipient_trusted": false,
      "special_categories": false,
      "subjects": 12,
      "identifiable": true,
      "consequences": "limited"
    }"#;

    fn with(field: &str, value: &str) -> String {
        let mut v: Value = serde_json::from_str(GOOD).unwrap();
        v[field] = serde_json::from_str(value).unwrap();
        v.to_string()
    }

    fn without(field: &str) -> String {
        let mut v: Value = serde_json::from_str(GOOD).unwrap();
        v.as_object_mut().unwrap().remove(field);
        v.to_string()
    }

    #[test]
    fn parses_the_contract_example() {
        assert_eq!(parse_answers(GOOD).unwrap(), base());
        // And the answers round-trip with the same field names.
        let back: Value = serde_json::to_value(base()).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(GOOD).unwrap());
    }

    #[test]
    fn negative_subjects_names_the_field_and_what_it_must_be() {
        let e = parse_answers(&with("subjects", "-3")).unwrap_err();
        assert_eq!(e.field(), Some("subjects"));
        let m = e.to_string();
        assert!(m.contains("`subjects`"), "{m}");
        assert!(m.contains("non-negative whole number"), "{m}");
        assert!(m.contains("-3"), "{m}");
        let nl = e.message(Lang::Nl);
        assert!(nl.contains("`subjects`") && nl.contains("niet-negatief geheel getal"));
    }

    #[test]
    fn fractional_or_textual_subjects_are_refused() {
        for v in ["2.5", "\"12\"", "null", "1e30"] {
            let e = parse_answers(&with("subjects", v)).unwrap_err();
            assert!(
                matches!(
                    e,
                    AnswerError::NotACount {
                        field: "subjects",
                        ..
                    }
                ),
                "{v}"
            );
        }
    }

    #[test]
    fn wrong_type_names_the_field() {
        let e = parse_answers(&with("integrity", "\"no\"")).unwrap_err();
        assert_eq!(e.field(), Some("integrity"));
        assert_eq!(
            e.to_string(),
            "The field `integrity` must be true or false, not \"no\"."
        );
    }

    #[test]
    fn unknown_value_names_the_field_and_the_choices() {
        let e = parse_answers(&with("unavailable_for", "\"weeks\"")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "The field `unavailable_for` must be one of none, hours, days, permanent, not \"weeks\"."
        );
        let e = parse_answers(&with("consequences", "3")).unwrap_err();
        assert_eq!(e.field(), Some("consequences"));
        assert!(
            e.to_string()
                .contains("negligible, limited, significant, severe")
        );
    }

    #[test]
    fn missing_field_is_named() {
        let e = parse_answers(&without("identifiable")).unwrap_err();
        assert_eq!(e, AnswerError::Missing("identifiable"));
        assert_eq!(
            e.to_string(),
            "The field `identifiable` is missing from the assessment answers."
        );
    }

    #[test]
    fn unknown_field_is_named_before_a_missing_one() {
        // A typo: `subject` instead of `subjects`.
        let mut v: Value = serde_json::from_str(&without("subjects")).unwrap();
        v["subject"] = Value::from(4);
        let e = parse_answers(&v.to_string()).unwrap_err();
        assert_eq!(e, AnswerError::Unknown("subject".into()));
        assert!(e.to_string().starts_with("Unknown field `subject`"));
    }

    #[test]
    fn not_json_or_not_an_object_is_explained() {
        let e = parse_answers("{\"confidentiality\": tru").unwrap_err();
        assert!(matches!(e, AnswerError::Syntax(_)));
        assert!(e.to_string().contains("line 1"), "{e}");
        assert_eq!(
            parse_answers("[1, 2]").unwrap_err(),
            AnswerError::NotAnObject
        );
        assert_eq!(parse_answers("").unwrap_err().field(), None);
    }

    #[test]
    fn long_values_are_not_echoed_in_full() {
        let long = format!("\"{}\"", "x".repeat(200));
        let e = parse_answers(&with("integrity", &long)).unwrap_err();
        assert!(e.to_string().ends_with("not a string."), "{e}");
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
}
