//! The risk assessment of a breach: its questions in the contract's order
//! (DESIGN.md §6), their answers as form values, and recording them.

use super::{BreachResult, Session, change, get};
use crate::domain::Id;
use crate::domain::breach_assessment::{
    AnswerError, Answers, Assessment, Consequences, Unavailable, assess, parse_answers,
};
use crate::i18n::Lang;
use crate::i18n::breach_questions::Question as Asked;
use serde_json::{Map, Value};

/// Stores the assessment answers on breach `id` and ticks the assessment
/// step at the clock's now; returns the recommendation.
pub fn record_assessment(s: &mut Session, id: &Id, answers: Answers) -> BreachResult<Assessment> {
    change(s, id, "breach_assess", |b, now| {
        b.set_assessment(answers, now);
        Ok(())
    })?;
    let b = get(s, id)?;
    Ok(assess(&b.with_known_facts(answers)))
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    YesNo,
    /// One of these values (the JSON strings of the contract).
    Choice(&'static [&'static str]),
    /// A non-negative whole number.
    Count,
}

/// One assessment question, for the form on the detail screen. `field` is
/// the contract's JSON field name (section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub field: &'static str,
    pub kind: QuestionKind,
    asked: Asked,
}

impl Question {
    pub fn text(&self, lang: Lang) -> &'static str {
        self.asked.text(lang)
    }
}

/// The questions in the contract's order (the same order as
/// `breach_assessment::FIELDS`).
pub const QUESTIONS: [Question; 10] = [
    Question {
        field: "confidentiality",
        kind: QuestionKind::YesNo,
        asked: Asked::Confidentiality,
    },
    Question {
        field: "integrity",
        kind: QuestionKind::YesNo,
        asked: Asked::Integrity,
    },
    Question {
        field: "availability",
        kind: QuestionKind::YesNo,
        asked: Asked::Availability,
    },
    Question {
        field: "unavailable_for",
        kind: QuestionKind::Choice(&["none", "hours", "days", "permanent"]),
        asked: Asked::UnavailableFor,
    },
    Question {
        field: "unintelligible",
        kind: QuestionKind::YesNo,
        asked: Asked::Unintelligible,
    },
    Question {
        field: "recipient_trusted",
        kind: QuestionKind::YesNo,
        asked: Asked::RecipientTrusted,
    },
    Question {
        field: "special_categories",
        kind: QuestionKind::YesNo,
        asked: Asked::SpecialCategories,
    },
    Question {
        field: "subjects",
        kind: QuestionKind::Count,
        asked: Asked::Subjects,
    },
    Question {
        field: "identifiable",
        kind: QuestionKind::YesNo,
        asked: Asked::Identifiable,
    },
    Question {
        field: "consequences",
        kind: QuestionKind::Choice(&["negligible", "limited", "significant", "severe"]),
        asked: Asked::Consequences,
    },
];

/// A choice of a `Choice` question in words.
pub fn choice_label(field: &str, value: &str, lang: Lang) -> Option<&'static str> {
    let label = match (field, value) {
        ("unavailable_for", v) => {
            let u: Unavailable = serde_json::from_value(Value::String(v.to_string())).ok()?;
            u.label(lang)
        }
        ("consequences", v) => {
            let c: Consequences = serde_json::from_value(Value::String(v.to_string())).ok()?;
            c.label(lang)
        }
        _ => return None,
    };
    Some(label)
}

/// The answers as the form's values (field name to JSON value), to fill the
/// form from a recorded assessment.
pub fn answer_values(a: &Answers) -> Map<String, Value> {
    match serde_json::to_value(a) {
        Ok(Value::Object(m)) => m,
        // invariant: `Answers` is a struct of bools, a number and unit
        // enums, which serialises to a JSON object.
        _ => Map::new(),
    }
}

/// Reads the form's values with the same checks (and the same one-sentence
/// errors naming the field) as `kluis breach assess`.
pub fn answers_from_values(values: &Map<String, Value>) -> Result<Answers, AnswerError> {
    parse_answers(&Value::Object(values.clone()).to_string())
}
