//! Record kinds. The names are part of the contract (DESIGN.md §4 and §8):
//! they appear in JSON output and never change with the language.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
}

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::Person,
        Kind::Trajectory,
        Kind::IndividualReport,
        Kind::QuestionnaireResult,
        Kind::TeamReport,
        Kind::ContactRequest,
        Kind::Quote,
        Kind::Subscriber,
        Kind::Suppression,
        Kind::Consent,
        Kind::Disclosure,
        Kind::SubjectRequest,
        Kind::Complaint,
        Kind::Breach,
    ];

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
