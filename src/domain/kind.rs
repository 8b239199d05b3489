//! Record kinds. The names are part of the contract (DESIGN.md §4 and §8):
//! they appear in JSON output and never change with the language.

use serde::{Deserialize, Serialize};
use std::fmt;
use strum::VariantArray;

/// Adding a kind: the compiler then points at every place that must know
/// it (its name here, its store code in `vault::key_block`, its field in
/// `Dataset`, its retention rule, its place in the removal cascade, its
/// Dutch and English name), and `tests/record_kinds.rs` checks the rest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Person,
    Trajectory,
    IndividualReport,
    QuestionnaireResult,
    TeamReport,
    ContactRequest,
    Quote,
    Subscriber,
    Suppression,
    Consent,
    Disclosure,
    SubjectRequest,
    Complaint,
    Breach,
    /// The practice profile (DESIGN.md §13.2): one record, kept for good.
    Practice,
}

impl Kind {
    /// How many kinds there are.
    pub const COUNT: usize = <Kind as VariantArray>::VARIANTS.len();

    /// Every kind, in declaration order. Derived (strum's `VariantArray`),
    /// so it cannot miss one.
    pub const ALL: [Kind; Kind::COUNT] = {
        let mut all = [Kind::Person; Kind::COUNT];
        let mut i = 0;
        while i < Kind::COUNT {
            all[i] = <Kind as VariantArray>::VARIANTS[i];
            i += 1;
        }
        all
    };

    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Trajectory => "trajectory",
            Kind::IndividualReport => "individual_report",
            Kind::QuestionnaireResult => "questionnaire_result",
            Kind::TeamReport => "team_report",
            Kind::ContactRequest => "contact_request",
            Kind::Quote => "quote",
            Kind::Subscriber => "subscriber",
            Kind::Suppression => "suppression",
            Kind::Consent => "consent",
            Kind::Disclosure => "disclosure",
            Kind::SubjectRequest => "subject_request",
            Kind::Complaint => "complaint",
            Kind::Breach => "breach",
            Kind::Practice => "practice",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.name()));
        }
    }
}
