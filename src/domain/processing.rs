//! The practice's processing activities as facts (GDPR art. 30(1)): for
//! each, its legal basis, the record kinds it holds, the retention rules of
//! DESIGN.md §4 that end it, the people it is about and the promises of
//! DESIGN.md §1 it keeps. The record of processing (`kluis register`), the
//! privacy statement (`kluis statement`) and the access export read this
//! one table, with the periods of `retention`, so what they state is what
//! kluis enforces. Their wording is in `i18n`.

use super::breach::SubjectCategory;
use super::kind::Kind;
use super::practice::Practice;
use super::retention::{Periods, Rule};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// A legal basis of GDPR art. 6(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// (a) consent.
    Consent,
    /// (b) a contract, or steps before one at the person's request.
    Contract,
    /// (c) a legal obligation.
    LegalObligation,
    /// (f) a legitimate interest.
    LegitimateInterest,
}

impl LegalBasis {
    /// "art. 6(1)(b)".
    pub fn article(self) -> &'static str {
        match self {
            LegalBasis::Consent => "art. 6(1)(a)",
            LegalBasis::Contract => "art. 6(1)(b)",
            LegalBasis::LegalObligation => "art. 6(1)(c)",
            LegalBasis::LegitimateInterest => "art. 6(1)(f)",
        }
    }
}

/// How long a processing keeps its records when no period rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kept {
    /// By the period rules listed.
    ByRules,
    /// Until the person unsubscribes (P9).
    UntilUnsubscribed,
    /// As long as the person's own record.
    WithThePerson,
    /// For good: the breach register holds counts and categories, no people.
    ForGood,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Processing {
    /// Coaching and training trajectories with their individual reports and
    /// questionnaire results.
    Coaching,
    TeamReports,
    ContactRequests,
    /// Quotes and the administration of accepted ones.
    Quotes,
    Newsletter,
    /// Disclosures to third parties with consent.
    Disclosures,
    /// Requests about one's data and complaints.
    Requests,
    Breaches,
}

impl Processing {
    pub const ALL: [Processing; 8] = [
        Processing::Coaching,
        Processing::TeamReports,
        Processing::ContactRequests,
        Processing::Quotes,
        Processing::Newsletter,
        Processing::Disclosures,
        Processing::Requests,
        Processing::Breaches,
    ];

    /// The JSON name (`kluis register --format json`).
    pub fn name(self) -> &'static str {
        match self {
            Processing::Coaching => "coaching",
            Processing::TeamReports => "team_reports",
            Processing::ContactRequests => "contact_requests",
            Processing::Quotes => "quotes",
            Processing::Newsletter => "newsletter",
            Processing::Disclosures => "disclosures",
            Processing::Requests => "requests",
            Processing::Breaches => "breaches",
        }
    }

    pub fn bases(self) -> &'static [LegalBasis] {
        use LegalBasis::*;
        match self {
            Processing::Coaching | Processing::TeamReports | Processing::ContactRequests => {
                &[Contract]
            }
            // The administration is a fiscal duty (AWR art. 52).
            Processing::Quotes => &[Contract, LegalObligation],
            // Webinar and e-book sign-ups give consent; customers after an
            // accepted quote are approached on legitimate interest (P4), and
            // may object at any time (P9).
            Processing::Newsletter => &[Consent, LegitimateInterest],
            Processing::Disclosures => &[Consent],
            Processing::Requests | Processing::Breaches => &[LegalObligation],
        }
    }

    /// The record kinds it holds (counted in the register).
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Processing::Coaching => &[
                Kind::Person,
                Kind::Trajectory,
                Kind::IndividualReport,
                Kind::QuestionnaireResult,
            ],
            Processing::TeamReports => &[Kind::TeamReport],
            Processing::ContactRequests => &[Kind::ContactRequest],
            Processing::Quotes => &[Kind::Quote],
            Processing::Newsletter => &[Kind::Subscriber, Kind::Suppression],
            Processing::Disclosures => &[Kind::Consent, Kind::Disclosure],
            Processing::Requests => &[Kind::SubjectRequest, Kind::Complaint],
            Processing::Breaches => &[Kind::Breach],
        }
    }

    /// The retention rules of DESIGN.md §4 that end its records.
    pub fn rules(self) -> &'static [Rule] {
        match self {
            Processing::Coaching => &[
                Rule::IndividualReport,
                Rule::QuestionnaireResult,
                Rule::Trajectory,
                Rule::Person,
            ],
            Processing::TeamReports => &[Rule::TeamReport],
            Processing::ContactRequests => &[Rule::ContactRequest],
            Processing::Quotes => &[Rule::QuoteOpen, Rule::QuoteDeclined, Rule::QuoteAccepted],
            Processing::Requests => &[Rule::SubjectRequest, Rule::Complaint],
            Processing::Newsletter | Processing::Disclosures | Processing::Breaches => &[],
        }
    }

    pub fn kept(self) -> Kept {
        match self {
            Processing::Newsletter => Kept::UntilUnsubscribed,
            Processing::Disclosures => Kept::WithThePerson,
            Processing::Breaches => Kept::ForGood,
            _ => Kept::ByRules,
        }
    }

    pub fn subjects(self) -> &'static [SubjectCategory] {
        use SubjectCategory::*;
        match self {
            Processing::Coaching => &[Participants, Requesters],
            Processing::TeamReports => &[TeamMembers, Requesters],
            Processing::ContactRequests => &[Prospects],
            Processing::Quotes => &[Requesters, Participants],
            Processing::Newsletter => &[Subscribers],
            Processing::Disclosures => &[Participants],
            Processing::Requests => &[Participants, Requesters, Prospects, Subscribers],
            Processing::Breaches => &[],
        }
    }

    /// The promises of DESIGN.md §1 it keeps.
    pub fn promises(self) -> &'static [&'static str] {
        match self {
            Processing::Coaching => &["P1", "P8"],
            Processing::TeamReports => &["P2"],
            Processing::ContactRequests => &["P3"],
            Processing::Quotes => &["P4", "P7"],
            Processing::Newsletter => &["P4", "P5", "P9"],
            Processing::Disclosures => &["P6"],
            Processing::Requests => &["P8", "P10"],
            Processing::Breaches => &["P11"],
        }
    }

    /// The processing a record kind belongs to (the practice profile to
    /// none: it is about the practice, not about people).
    pub fn of_kind(kind: Kind) -> Option<Processing> {
        Processing::ALL
            .into_iter()
            .find(|p| p.kinds().contains(&kind))
    }
}

/// How the vault protects what it holds, as this vault does it (the
/// record of processing states it, art. 30(1)(g)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Security {
    pub kdf_memory_kib: u32,
    pub kdf_iterations: u32,
    pub kdf_parallelism: u32,
}

/// What the register and the statement are made from today: the profile,
/// the periods it keeps, how many records each kind has, the actual
/// recipients of disclosures, and the security measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts<'a> {
    pub practice: &'a Practice,
    pub periods: Periods,
    pub counts: BTreeMap<Kind, usize>,
    /// Every recipient a disclosure was made to, with consent (P6).
    pub disclosure_recipients: Vec<String>,
    pub security: Security,
    pub today: NaiveDate,
}

impl Facts<'_> {
    /// How many records a processing holds.
    pub fn count(&self, p: Processing) -> usize {
        p.kinds()
            .iter()
            .map(|k| self.counts.get(k).copied().unwrap_or(0))
            .sum()
    }
}

/// The promises of DESIGN.md §1, in order.
pub const PROMISES: [&str; 11] = [
    "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_period_rule_and_every_kind_about_people_belongs_to_one_processing() {
        for rule in Rule::ALL {
            let n = Processing::ALL
                .iter()
                .filter(|p| p.rules().contains(rule))
                .count();
            assert_eq!(n, 1, "{rule}");
        }
        for kind in Kind::ALL {
            let n = Processing::ALL
                .iter()
                .filter(|p| p.kinds().contains(&kind))
                .count();
            let expected = usize::from(kind != Kind::Practice);
            assert_eq!(n, expected, "{kind}");
        }
        for p in PROMISES {
            assert!(
                Processing::ALL.iter().any(|x| x.promises().contains(&p)),
                "{p} kept by no processing"
            );
        }
    }
}
