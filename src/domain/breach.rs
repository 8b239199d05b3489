//! Breaches (DESIGN.md §6, promise P11): the record kept in the
//! breach register, its checklist and the 72-hour clock of GDPR art. 33(1).
//!
//! The record holds categories and approximate counts, never the names of
//! the people affected; the register is kept for good (art. 33(5)).

use super::breach_assessment::{Answers, Assessment, assess};
use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};
use strum::VariantArray;

/// A moment with the offset it was entered in.
pub type At = DateTime<FixedOffset>;

/// The AP must be notified within this many hours of discovery.
pub const NOTIFY_WITHIN_HOURS: i64 = 72;

/// A decision not to take a legal step, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhyNot {
    pub at: At,
    pub reason: String,
}

/// A breach in the register. Every field but `discovered_at` and `title` has
/// a default, so records written by older versions still decode (the first
/// version had `description`, `cause` and `closed_at` at the top level; they
/// stay there). The checklist and the report texts are boxed to keep the
/// record small where it sits among the other kinds of record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breach {
    pub discovered_at: At,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub cause: String,
    /// Closed (the record stays in the register).
    #[serde(default)]
    pub closed_at: Option<At>,
    /// Categories of data affected ("contact details", "coaching reports").
    #[serde(default)]
    pub data_categories: Vec<String>,
    /// Approximate number of records affected.
    #[serde(default)]
    pub approx_records: Option<u64>,
    /// Approximate number of people affected.
    #[serde(default)]
    pub approx_people: Option<u64>,
    #[serde(default)]
    pub timeline: Timeline,
    /// The answers of the risk assessment (section 6).
    #[serde(default)]
    pub assessment: Option<Answers>,
    #[serde(default)]
    pub checklist: Box<Checklist>,
    #[serde(default)]
    pub notes: Box<ReportNotes>,
    /// The further questions of the AP's notification form (added later;
    /// an older record reads with all of them unanswered).
    #[serde(default)]
    pub form: Box<FormFields>,
}

/// When the breach itself happened (as far as known).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    #[serde(default)]
    pub started_at: Option<At>,
    #[serde(default)]
    pub ended_at: Option<At>,
    /// Whether it still goes on: `None` until the coach answers. An older
    /// record's `true` or `false` reads as that answer.
    #[serde(default)]
    pub ongoing: Option<bool>,
}

/// The times of the checklist steps (except closing, which is on the
/// breach) and what goes with them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    // The practice's own steps (privacy statement).
    #[serde(default)]
    pub expert_contacted_at: Option<At>,
    #[serde(default)]
    pub nature_established_at: Option<At>,
    #[serde(default)]
    pub action_plan: String,
    #[serde(default)]
    pub action_plan_made_at: Option<At>,
    #[serde(default)]
    pub action_plan_executed_at: Option<At>,

    // The legal steps (GDPR art. 33/34).
    #[serde(default)]
    pub assessed_at: Option<At>,
    #[serde(default)]
    pub ap_notified_at: Option<At>,
    /// The AP's reference for the notification.
    #[serde(default)]
    pub ap_reference: String,
    /// Why the AP is not notified (unlikely to result in a risk).
    #[serde(default)]
    pub ap_not_notified: Option<WhyNot>,
    #[serde(default)]
    pub people_informed_at: Option<At>,
    /// How the people affected were informed (letter, e-mail, call).
    #[serde(default)]
    pub people_informed_how: String,
    /// Why the people affected are not informed (no high risk, art. 34(3)).
    #[serde(default)]
    pub people_not_informed: Option<WhyNot>,
}

/// New notification, or a follow-up or amendment of an earlier one
/// (art. 33(4) allows notifying in phases).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    #[default]
    New,
    FollowUp,
}

/// What happened to the data (the AP form's "nature of the breach").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// Read (seen) by someone who should not.
    Read,
    Copied,
    Altered,
    Deleted,
    Destroyed,
    Stolen,
    Lost,
    Other,
}

/// Special categories of personal data (GDPR art. 9) and criminal data
/// (art. 10).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCategory {
    RacialOrEthnicOrigin,
    PoliticalOpinions,
    ReligiousOrPhilosophicalBeliefs,
    TradeUnionMembership,
    Genetic,
    Biometric,
    Health,
    SexLifeOrOrientation,
    Criminal,
}

/// Data that is not an art. 9 category but whose exposure hurts (EDPB
/// Guidelines 9/2022 on risk factors).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum SensitiveData {
    CoachingContent,
    QuestionnaireResults,
    Financial,
    IdentityNumbers,
    LoginDetails,
}

/// Who the people affected are (art. 33(3)(a)).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum SubjectCategory {
    Participants,
    Requesters,
    /// People who sent a contact request.
    Prospects,
    Subscribers,
    /// Members of a team a team report is about.
    TeamMembers,
    Other,
}

/// The kind of damage the people may suffer (recital 85).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Damage {
    Physical,
    Material,
    Immaterial,
}

/// The questions of the AP's notification form beyond the checklist, every
/// one optional until answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFields {
    #[serde(default)]
    pub notification: NotificationKind,
    /// The AP's reference of the notification a follow-up continues.
    #[serde(default)]
    pub earlier_reference: String,
    /// Whether a processor was involved, and which.
    #[serde(default)]
    pub processor_involved: Option<bool>,
    #[serde(default)]
    pub processor: String,
    #[serde(default)]
    pub nature: Vec<Nature>,
    #[serde(default)]
    pub special_categories: Vec<SpecialCategory>,
    #[serde(default)]
    pub sensitive_data: Vec<SensitiveData>,
    #[serde(default)]
    pub subject_categories: Vec<SubjectCategory>,
    #[serde(default)]
    pub subjects_min: Option<u64>,
    #[serde(default)]
    pub subjects_max: Option<u64>,
    /// How the data was made unintelligible (encryption, hashing), if it was.
    #[serde(default)]
    pub unintelligible_how: String,
    #[serde(default)]
    pub damage: Vec<Damage>,
    /// Informing the people is planned for this moment.
    #[serde(default)]
    pub inform_planned_at: Option<At>,
    /// The text sent to the people affected.
    #[serde(default)]
    pub informed_text: String,
    /// A public communication instead of informing each (art. 34(3)(c)).
    #[serde(default)]
    pub public_communication: String,
    /// People in other EU/EEA countries, other authorities notified.
    #[serde(default)]
    pub international: String,
    /// Measures to prevent it happening again (the corrective ones are
    /// `ReportNotes::measures_taken`).
    #[serde(default)]
    pub preventive_measures: String,
    #[serde(default)]
    pub remarks: String,
}

/// Texts for the notification draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportNotes {
    /// Contact person for the AP (the coach), not a person affected.
    #[serde(default)]
    pub contact_person: String,
    #[serde(default)]
    pub measures_taken: String,
    #[serde(default)]
    pub likely_consequences: String,
    /// Why the AP was (or will be) notified after the 72 hours.
    #[serde(default)]
    pub delay_reason: String,
}

/// The checklist, in the order it is worked through: the statement's own
/// steps (expert, nature and cause, action plan made and executed) with the
/// legal steps where they fall in time. The assessment and the AP decision
/// come before the plan is executed, because of the 72-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistStep {
    /// Statement: call a cyber expert.
    ExpertContacted,
    /// Statement: establish the nature and the cause.
    NatureAndCauseEstablished,
    /// Statement: make an action plan.
    ActionPlanMade,
    /// Law: assess the risk (art. 33/34).
    Assessed,
    /// Law: notify the AP, or record why not (art. 33).
    AuthorityNotified,
    /// Law: inform the people affected, or record why not (art. 34).
    PeopleInformed,
    /// Statement: execute the action plan.
    ActionPlanExecuted,
    /// Close the breach (it stays in the register).
    Closed,
}

impl ChecklistStep {
    pub const ALL: [ChecklistStep; 8] = [
        ChecklistStep::ExpertContacted,
        ChecklistStep::NatureAndCauseEstablished,
        ChecklistStep::ActionPlanMade,
        ChecklistStep::Assessed,
        ChecklistStep::AuthorityNotified,
        ChecklistStep::PeopleInformed,
        ChecklistStep::ActionPlanExecuted,
        ChecklistStep::Closed,
    ];

    /// A step the privacy statement names (rather than one the law adds).
    pub fn from_statement(self) -> bool {
        matches!(
            self,
            ChecklistStep::ExpertContacted
                | ChecklistStep::NatureAndCauseEstablished
                | ChecklistStep::ActionPlanMade
                | ChecklistStep::ActionPlanExecuted
        )
    }

    /// A step that may also be done by recording why it is not taken.
    pub fn can_be_declined(self) -> bool {
        matches!(
            self,
            ChecklistStep::AuthorityNotified | ChecklistStep::PeopleInformed
        )
    }
}

/// The 72-hour clock. `Left` until and including the deadline itself
/// (`Left { 0, 0 }` at exactly the deadline); `Overdue` from any moment after
/// it. Time left is rounded down and time overdue rounded up to whole
/// minutes, so the clock never shows more time than there is: 30 seconds
/// after the deadline is "0 h 01 min overdue".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Left {
        hours: u64,
        minutes: u64,
    },
    Overdue {
        hours: u64,
        minutes: u64,
    },
    /// The AP was notified, a reason not to was recorded, or it is closed.
    Done,
}

impl Clock {
    /// The clock towards `deadline` at `now`, ignoring whether it stopped.
    pub fn until(deadline: At, now: At) -> Clock {
        let secs = (deadline - now).num_seconds();
        if secs >= 0 {
            let mins = secs.unsigned_abs() / 60;
            Clock::Left {
                hours: mins / 60,
                minutes: mins % 60,
            }
        } else {
            let mins = secs.unsigned_abs().div_ceil(60);
            Clock::Overdue {
                hours: mins / 60,
                minutes: mins % 60,
            }
        }
    }
}

impl Breach {
    /// A new breach with only what is known at discovery.
    pub fn new(discovered_at: At, title: impl Into<String>) -> Breach {
        Breach {
            discovered_at,
            title: title.into(),
            description: String::new(),
            cause: String::new(),
            closed_at: None,
            data_categories: Vec::new(),
            approx_records: None,
            approx_people: None,
            timeline: Timeline::default(),
            assessment: None,
            checklist: Box::default(),
            notes: Box::default(),
            form: Box::default(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// discovered_at + 72 hours (elapsed time: the offset does not change).
    pub fn notify_deadline(&self) -> At {
        self.discovered_at + TimeDelta::hours(NOTIFY_WITHIN_HOURS)
    }

    /// The AP was notified, a reason not to was recorded, or it is closed:
    /// the clock has stopped.
    pub fn clock_stopped(&self) -> bool {
        self.checklist.ap_notified_at.is_some()
            || self.checklist.ap_not_notified.is_some()
            || self.closed_at.is_some()
    }

    /// The clock at `now` (see [`Clock`] for the rounding).
    pub fn clock(&self, now: At) -> Clock {
        if self.clock_stopped() {
            return Clock::Done;
        }
        Clock::until(self.notify_deadline(), now)
    }

    /// Whole hours until the deadline, rounded down: 0 from the last hour up
    /// to the deadline itself, negative as soon as it has passed (-1 in the
    /// first hour after). For `status --json` (`open_breaches[].hours_left`);
    /// it ignores whether the clock has stopped.
    pub fn hours_left(&self, now: At) -> i64 {
        (self.notify_deadline() - now)
            .num_seconds()
            .div_euclid(3600)
    }

    /// The AP was notified no later than the deadline.
    pub fn notified_in_time(&self) -> bool {
        self.checklist
            .ap_notified_at
            .is_some_and(|t| t <= self.notify_deadline())
    }

    /// The notification to the AP was, or will be, later than 72 hours
    /// after discovery, so it must give the reasons for the delay
    /// (art. 33(1)): it was made after the deadline, or at `now` the deadline
    /// has passed with nothing decided. A breach decided (at any time) not to
    /// be notified has no notification to be late.
    pub fn notification_late(&self, now: At) -> bool {
        self.notification_delay_at(now).is_some()
    }

    /// The moment the lateness is measured at: the notification's time when
    /// it was late, `now` while undecided past the deadline; `None` when
    /// nothing is late.
    pub fn notification_delay_at(&self, now: At) -> Option<At> {
        let deadline = self.notify_deadline();
        match (
            self.checklist.ap_notified_at,
            &self.checklist.ap_not_notified,
        ) {
            (Some(t), _) => (t > deadline).then_some(t),
            (None, Some(_)) => None,
            (None, None) => (now > deadline).then_some(now),
        }
    }

    /// When `step` was done: its time, or for a step that can be declined the
    /// time of the decision not to take it.
    pub fn done_at(&self, step: ChecklistStep) -> Option<At> {
        match step {
            ChecklistStep::ExpertContacted => self.checklist.expert_contacted_at,
            ChecklistStep::NatureAndCauseEstablished => self.checklist.nature_established_at,
            ChecklistStep::ActionPlanMade => self.checklist.action_plan_made_at,
            ChecklistStep::Assessed => self.checklist.assessed_at,
            ChecklistStep::AuthorityNotified => self.checklist.ap_notified_at.or(self
                .checklist
                .ap_not_notified
                .as_ref()
                .map(|w| w.at)),
            ChecklistStep::PeopleInformed => self.checklist.people_informed_at.or(self
                .checklist
                .people_not_informed
                .as_ref()
                .map(|w| w.at)),
            ChecklistStep::ActionPlanExecuted => self.checklist.action_plan_executed_at,
            ChecklistStep::Closed => self.closed_at,
        }
    }

    /// The recorded decision not to take `step`, when that is what stands:
    /// for the AP and the people, as long as they were not notified or
    /// informed after all.
    pub fn declined(&self, step: ChecklistStep) -> Option<&WhyNot> {
        match step {
            ChecklistStep::AuthorityNotified if self.checklist.ap_notified_at.is_none() => {
                self.checklist.ap_not_notified.as_ref()
            }
            ChecklistStep::PeopleInformed if self.checklist.people_informed_at.is_none() => {
                self.checklist.people_not_informed.as_ref()
            }
            _ => None,
        }
    }

    pub fn is_done(&self, step: ChecklistStep) -> bool {
        self.done_at(step).is_some()
    }

    /// The first step in checklist order that is not done yet.
    pub fn next_open_step(&self) -> Option<ChecklistStep> {
        ChecklistStep::ALL.into_iter().find(|s| !self.is_done(*s))
    }

    /// Marks `step` as done at `at` (again: the later tick replaces the
    /// earlier time). For the AP and the people it records that they were
    /// notified or informed; see [`Breach::decline`] for "why not".
    pub fn tick(&mut self, step: ChecklistStep, at: At) {
        let slot = match step {
            ChecklistStep::ExpertContacted => &mut self.checklist.expert_contacted_at,
            ChecklistStep::NatureAndCauseEstablished => &mut self.checklist.nature_established_at,
            ChecklistStep::ActionPlanMade => &mut self.checklist.action_plan_made_at,
            ChecklistStep::Assessed => &mut self.checklist.assessed_at,
            ChecklistStep::AuthorityNotified => &mut self.checklist.ap_notified_at,
            ChecklistStep::PeopleInformed => &mut self.checklist.people_informed_at,
            ChecklistStep::ActionPlanExecuted => &mut self.checklist.action_plan_executed_at,
            ChecklistStep::Closed => &mut self.closed_at,
        };
        *slot = Some(at);
    }

    /// Undoes `step` (a tick by mistake), including a recorded "why not".
    pub fn untick(&mut self, step: ChecklistStep) {
        match step {
            ChecklistStep::ExpertContacted => self.checklist.expert_contacted_at = None,
            ChecklistStep::NatureAndCauseEstablished => self.checklist.nature_established_at = None,
            ChecklistStep::ActionPlanMade => self.checklist.action_plan_made_at = None,
            ChecklistStep::Assessed => self.checklist.assessed_at = None,
            ChecklistStep::AuthorityNotified => {
                self.checklist.ap_notified_at = None;
                self.checklist.ap_not_notified = None;
            }
            ChecklistStep::PeopleInformed => {
                self.checklist.people_informed_at = None;
                self.checklist.people_not_informed = None;
            }
            ChecklistStep::ActionPlanExecuted => self.checklist.action_plan_executed_at = None,
            ChecklistStep::Closed => self.closed_at = None,
        }
    }

    /// Records why a step that can be declined (AP, people) is not taken.
    /// Returns false, changing nothing, for any other step.
    pub fn decline(&mut self, step: ChecklistStep, at: At, reason: impl Into<String>) -> bool {
        let why = Some(WhyNot {
            at,
            reason: reason.into(),
        });
        match step {
            ChecklistStep::AuthorityNotified => self.checklist.ap_not_notified = why,
            ChecklistStep::PeopleInformed => self.checklist.people_not_informed = why,
            _ => return false,
        }
        true
    }

    /// The fewest and most people affected: the form's figures, else the
    /// record's one approximate count for both (a record of before the form
    /// asked a range).
    pub fn subjects_range(&self) -> (Option<u64>, Option<u64>) {
        let f = &self.form;
        match (f.subjects_min, f.subjects_max) {
            (None, None) => (self.approx_people, self.approx_people),
            range => range,
        }
    }

    /// `answers` with what the record itself says put in: the kinds of
    /// breach from its nature, special or sensitive data from its
    /// categories, the number of people from its maximum. An answer the
    /// record cannot tell (no nature given) stays as it was; a fact the
    /// record states only makes the answer more serious, never less.
    pub fn with_known_facts(&self, mut a: Answers) -> Answers {
        use Nature::*;
        let n = &self.form.nature;
        let has = |x: &[Nature]| n.iter().any(|k| x.contains(k));
        a.confidentiality |= has(&[Read, Copied, Stolen, Lost]);
        a.integrity |= has(&[Altered]);
        a.availability |= has(&[Deleted, Destroyed, Stolen, Lost]);
        a.special_categories |=
            !self.form.special_categories.is_empty() || !self.form.sensitive_data.is_empty();
        if let (_, Some(max)) = self.subjects_range() {
            a.subjects = a.subjects.max(max);
        }
        a
    }

    /// What the assessment recommends, from the coach's answers with the
    /// record's own facts put in (see [`Breach::with_known_facts`]).
    pub fn recommendation(&self) -> Option<Assessment> {
        self.assessment.map(|a| assess(&self.with_known_facts(a)))
    }

    /// Stores the assessment answers and ticks the assessment step.
    pub fn set_assessment(&mut self, answers: Answers, at: At) {
        self.assessment = Some(answers);
        self.checklist.assessed_at = Some(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breach_assessment::{Consequences, Unavailable};

    fn at(s: &str) -> At {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn breach() -> Breach {
        Breach::new(at("2027-01-15T09:00:00+01:00"), "Laptop gestolen")
    }

    #[test]
    fn deadline_is_72_hours_after_discovery() {
        assert_eq!(breach().notify_deadline(), at("2027-01-18T09:00:00+01:00"));
        // Elapsed hours: across the change to summer time the wall clock
        // moves, the offset of the record does not.
        let b = Breach::new(at("2027-03-27T12:00:00+01:00"), "x");
        assert_eq!(b.notify_deadline(), at("2027-03-30T13:00:00+02:00"));
    }

    #[test]
    fn clock_the_minute_before_at_and_after_the_deadline() {
        let b = breach();
        assert_eq!(
            b.clock(at("2027-01-18T08:59:00+01:00")),
            Clock::Left {
                hours: 0,
                minutes: 1
            }
        );
        assert_eq!(
            b.clock(at("2027-01-18T09:00:00+01:00")),
            Clock::Left {
                hours: 0,
                minutes: 0
            }
        );
        assert_eq!(
            b.clock(at("2027-01-18T09:01:00+01:00")),
            Clock::Overdue {
                hours: 0,
                minutes: 1
            }
        );
    }

    #[test]
    fn clock_rounds_towards_the_safe_side_within_a_minute() {
        let b = breach();
        assert_eq!(
            b.clock(at("2027-01-18T08:59:30+01:00")),
            Clock::Left {
                hours: 0,
                minutes: 0
            }
        );
        assert_eq!(
            b.clock(at("2027-01-18T09:00:30+01:00")),
            Clock::Overdue {
                hours: 0,
                minutes: 1
            }
        );
    }

    #[test]
    fn clock_in_hours_and_minutes_and_other_offsets() {
        let b = breach();
        // 41 h 12 min before the deadline.
        let now = at("2027-01-16T15:48:00+01:00");
        assert_eq!(
            b.clock(now),
            Clock::Left {
                hours: 41,
                minutes: 12
            }
        );
        // The same moment written in UTC gives the same clock.
        assert_eq!(b.clock(at("2027-01-16T14:48:00Z")), b.clock(now));
        assert_eq!(
            b.clock(at("2027-01-18T12:05:00+01:00")),
            Clock::Overdue {
                hours: 3,
                minutes: 5
            }
        );
        // Before discovery (a clock set wrong): all 72 hours and more.
        assert_eq!(
            b.clock(at("2027-01-15T08:00:00+01:00")),
            Clock::Left {
                hours: 73,
                minutes: 0
            }
        );
    }

    #[test]
    fn clock_stops_on_notification_decision_or_closing() {
        let now = at("2027-01-20T09:00:00+01:00");
        let mut b = breach();
        b.tick(
            ChecklistStep::AuthorityNotified,
            at("2027-01-16T10:00:00+01:00"),
        );
        assert_eq!(b.clock(now), Clock::Done);

        let mut b = breach();
        assert!(b.decline(ChecklistStep::AuthorityNotified, now, "encrypted"));
        assert_eq!(b.clock(now), Clock::Done);

        let mut b = breach();
        b.tick(ChecklistStep::Closed, now);
        assert_eq!(b.clock(now), Clock::Done);
        assert!(!b.is_open());

        // Informing the people does not stop the AP clock.
        let mut b = breach();
        b.tick(ChecklistStep::PeopleInformed, now);
        assert!(matches!(b.clock(now), Clock::Overdue { .. }));
    }

    #[test]
    fn hours_left_rounds_down_and_is_negative_once_overdue() {
        let b = breach();
        assert_eq!(b.hours_left(at("2027-01-16T15:48:00+01:00")), 41);
        assert_eq!(b.hours_left(at("2027-01-18T08:59:00+01:00")), 0);
        assert_eq!(b.hours_left(at("2027-01-18T09:00:00+01:00")), 0);
        assert_eq!(b.hours_left(at("2027-01-18T09:01:00+01:00")), -1);
        assert_eq!(b.hours_left(at("2027-01-18T12:05:00+01:00")), -4);
        assert_eq!(b.hours_left(at("2027-01-15T09:00:00+01:00")), 72);
    }

    #[test]
    fn lateness_of_the_notification() {
        let mut b = breach();
        assert!(!b.notification_late(at("2027-01-18T09:00:00+01:00")));
        assert!(b.notification_late(at("2027-01-18T09:01:00+01:00")));
        b.tick(
            ChecklistStep::AuthorityNotified,
            at("2027-01-18T09:00:00+01:00"),
        );
        assert!(b.notified_in_time());
        assert!(!b.notification_late(at("2027-02-01T09:00:00+01:00")));
        b.tick(
            ChecklistStep::AuthorityNotified,
            at("2027-01-18T10:00:00+01:00"),
        );
        assert!(!b.notified_in_time());
        assert!(b.notification_late(at("2027-01-18T11:00:00+01:00")));
        // Decided not to notify: no notification, nothing late.
        let mut b = breach();
        b.decline(
            ChecklistStep::AuthorityNotified,
            at("2027-01-16T09:00:00+01:00"),
            "encrypted",
        );
        assert!(!b.notification_late(at("2027-02-23T09:00:00+01:00")));
    }

    #[test]
    fn checklist_order_and_next_open_step() {
        let mut b = breach();
        assert_eq!(ChecklistStep::ALL.len(), 8);
        assert!(ChecklistStep::ALL.windows(2).all(|w| w[0] < w[1]));
        let t = at("2027-01-15T10:00:00+01:00");
        for step in ChecklistStep::ALL {
            assert_eq!(b.next_open_step(), Some(step));
            assert!(!b.is_done(step));
            b.tick(step, t);
            assert!(b.is_done(step));
            assert_eq!(b.done_at(step), Some(t));
        }
        assert_eq!(b.next_open_step(), None);
    }

    #[test]
    fn next_open_step_skips_steps_done_out_of_order() {
        let mut b = breach();
        let t = at("2027-01-15T10:00:00+01:00");
        b.tick(ChecklistStep::NatureAndCauseEstablished, t);
        assert_eq!(b.next_open_step(), Some(ChecklistStep::ExpertContacted));
        b.tick(ChecklistStep::ExpertContacted, t);
        assert_eq!(b.next_open_step(), Some(ChecklistStep::ActionPlanMade));
    }

    #[test]
    fn declining_a_legal_step_counts_as_done() {
        let mut b = breach();
        let t = at("2027-01-16T10:00:00+01:00");
        assert!(b.decline(ChecklistStep::PeopleInformed, t, "no high risk"));
        assert!(b.is_done(ChecklistStep::PeopleInformed));
        assert_eq!(b.done_at(ChecklistStep::PeopleInformed), Some(t));
        assert_eq!(
            b.checklist
                .people_not_informed
                .as_ref()
                .map(|w| w.reason.as_str()),
            Some("no high risk")
        );
        // Only the AP and the people can be declined.
        assert!(!b.decline(ChecklistStep::ExpertContacted, t, "no"));
        assert!(!b.is_done(ChecklistStep::ExpertContacted));
        assert!(ChecklistStep::AuthorityNotified.can_be_declined());
        assert!(!ChecklistStep::Closed.can_be_declined());
    }

    #[test]
    fn notification_time_wins_over_an_earlier_decision_not_to() {
        let mut b = breach();
        let no = at("2027-01-16T10:00:00+01:00");
        let yes = at("2027-01-17T10:00:00+01:00");
        b.decline(ChecklistStep::AuthorityNotified, no, "thought unlikely");
        b.tick(ChecklistStep::AuthorityNotified, yes);
        assert_eq!(b.done_at(ChecklistStep::AuthorityNotified), Some(yes));
    }

    #[test]
    fn untick_clears_the_time_and_the_reason() {
        let mut b = breach();
        let t = at("2027-01-16T10:00:00+01:00");
        b.decline(ChecklistStep::AuthorityNotified, t, "x");
        b.tick(ChecklistStep::Assessed, t);
        b.untick(ChecklistStep::AuthorityNotified);
        b.untick(ChecklistStep::Assessed);
        assert!(!b.is_done(ChecklistStep::AuthorityNotified));
        assert!(b.checklist.ap_not_notified.is_none());
        assert!(!b.is_done(ChecklistStep::Assessed));
    }

    #[test]
    fn set_assessment_ticks_the_assessment_step() {
        let mut b = breach();
        let t = at("2027-01-15T12:00:00+01:00");
        let answers = Answers {
            confidentiality: true,
            integrity: false,
            availability: false,
            unavailable_for: Unavailable::None,
            unintelligible: true,
            recipient_trusted: false,
            special_categories: true,
            subjects: 30,
            identifiable: true,
            consequences: Consequences::Limited,
        };
        b.set_assessment(answers, t);
        assert_eq!(b.assessment, Some(answers));
        assert_eq!(b.done_at(ChecklistStep::Assessed), Some(t));
    }

    #[test]
    fn statement_steps_and_json_names() {
        let statement: Vec<_> = ChecklistStep::ALL
            .into_iter()
            .filter(|s| s.from_statement())
            .collect();
        assert_eq!(
            statement,
            [
                ChecklistStep::ExpertContacted,
                ChecklistStep::NatureAndCauseEstablished,
                ChecklistStep::ActionPlanMade,
                ChecklistStep::ActionPlanExecuted
            ]
        );
        assert_eq!(
            serde_json::to_value(ChecklistStep::AuthorityNotified).unwrap(),
            "authority_notified"
        );
    }

    #[test]
    fn older_records_decode_with_defaults() {
        // The placeholder record of the first version.
        let old = r#"{"discovered_at":"2026-11-20T14:30:00+01:00","title":"Mail verkeerd verstuurd",
                      "description":"d","cause":"c","closed_at":null}"#;
        let b: Breach = serde_json::from_str(old).unwrap();
        assert_eq!(b.title, "Mail verkeerd verstuurd");
        assert_eq!(b.description, "d");
        assert!(b.assessment.is_none() && b.data_categories.is_empty());
        assert_eq!(b.next_open_step(), Some(ChecklistStep::ExpertContacted));
        // Only the discovery time and the title are needed.
        let minimal = r#"{"discovered_at":"2026-11-20T14:30:00+01:00","title":"t"}"#;
        assert!(serde_json::from_str::<Breach>(minimal).is_ok());
    }

    #[test]
    fn round_trips_through_json() {
        let mut b = breach();
        b.data_categories = vec!["contactgegevens".into(), "coachverslagen".into()];
        b.approx_people = Some(12);
        b.timeline.started_at = Some(at("2027-01-14T20:00:00+01:00"));
        b.timeline.ongoing = Some(true);
        b.decline(
            ChecklistStep::PeopleInformed,
            at("2027-01-16T09:00:00+01:00"),
            "versleuteld",
        );
        let json = serde_json::to_string(&b).unwrap();
        let back: Breach = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
        // The offset the time was entered in is kept.
        assert!(json.contains("2027-01-15T09:00:00+01:00"), "{json}");
    }
}
