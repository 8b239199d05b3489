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

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

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
    fn lower(self) -> Risk {
        match self {
            Risk::High => Risk::Risk,
            Risk::Risk | Risk::None => Risk::None,
        }
    }
}

impl Consequences {
    fn serious(self) -> bool {
        self >= Consequences::Significant
    }
}

/// The outcome. Worded (the contract JSON of `breach assess --json`) by
/// `i18n::breach`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub risk: Risk,
    pub notify_authority: bool,
    pub inform_subjects: bool,
    /// Always true: every breach goes in the register (art. 33(5)).
    pub register: bool,
    pub reasons: Vec<Reason>,
}

/// One reason of an assessment, in the order they are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A factor the rules weighed; `subjects` is the number of people.
    Weighed { finding: Finding, subjects: u64 },
    /// The level, the factor that decided it, and what follows from it.
    Conclusion { risk: Risk, decided_by: Finding },
    /// Every breach goes in the register, whatever the outcome.
    Register,
}

/// One factor the rules weighed.
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

/// The assessment: the rules' outcome and its reasons.
pub fn assess(a: &Answers) -> Assessment {
    let ev = evaluate(a);
    let mut reasons: Vec<Reason> = ev
        .findings
        .iter()
        .map(|&finding| Reason::Weighed {
            finding,
            subjects: a.subjects,
        })
        .collect();
    reasons.push(Reason::Conclusion {
        risk: ev.risk,
        decided_by: ev.decisive,
    });
    reasons.push(Reason::Register);
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
    /// A field given twice: which one counts would be a guess.
    Duplicate(&'static str),
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
            AnswerError::Missing(f) | AnswerError::Duplicate(f) => Some(f),
            AnswerError::Unknown(f) => Some(f),
            AnswerError::NotABool { field, .. }
            | AnswerError::UnknownValue { field, .. }
            | AnswerError::NotACount { field, .. } => Some(field),
        }
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
    // Every value was checked above. The text is read once more straight
    // into `Answers`, as an import file is into its types: serde then
    // refuses a field given twice, which the object above kept only the
    // last of. serde's own message is a fallback.
    serde_json::from_str(json).map_err(|e| {
        let msg = e.to_string();
        match FIELDS
            .iter()
            .find(|f| msg.contains(&format!("duplicate field `{f}`")))
        {
            Some(f) => AnswerError::Duplicate(f),
            None => AnswerError::Syntax(msg),
        }
    })
}

/// A confidentiality breach of identifiable, ordinary data with a limited
/// effect: the neutral starting point the tests of every layer change.
#[cfg(test)]
impl Answers {
    pub(crate) fn neutral() -> Answers {
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
}

#[cfg(test)]
#[path = "breach_assessment_tests.rs"]
mod tests;
