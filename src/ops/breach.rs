//! Breach handling (DESIGN.md §6, promise P11) over a session: the
//! operations both front ends use — register a breach, edit it, tick the
//! checklist, record the assessment and the decisions, close it — plus the
//! read models of the breach list, the detail screen and the overview.
//!
//! Every change goes through `Session::commit` (one audit entry, all or
//! nothing). Times come from the session's clock (`s.clock.now`): a front end
//! that stays open (the UI) refreshes `s.clock` before calling. Errors are one
//! sentence and name ids and steps, never what was entered.

use super::files::{WriteError, write_private};
use super::session::Session;
use crate::domain::Id;
use crate::domain::breach::{
    At, Breach, ChecklistStep, Clock as BreachClock, FormFields, ReportNotes, Timeline, WhyNot,
};
use crate::domain::breach_assessment::{
    AnswerError, Answers, Assessment, Consequences, Risk, Unavailable, assess, parse_answers,
};
use crate::domain::breach_report::Report;
use crate::domain::records::AnyRecord;
use crate::domain::text;
use crate::i18n::breach_errors::{self as words, BreachText, Late};
use crate::i18n::breach_questions::Question as Asked;
use crate::i18n::{Lang, breach_report};
use crate::vault::VaultError;
use chrono::SecondsFormat;
use serde_json::{Map, Value};
use std::fmt;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------
// Errors

/// Why a breach operation was refused; nothing changed.
#[derive(Debug)]
pub enum BreachError {
    /// No breach with this id.
    NotFound(Id),
    /// The title is empty.
    EmptyTitle,
    /// A control character in a field (an escape code anywhere, a line
    /// break in the title, a category, the contact person or the AP's
    /// reference).
    ControlCharacter,
    /// A time (discovery, a step) lies after the clock's now.
    InFuture {
        what: When,
        now: At,
    },
    /// The end of the breach lies before its start.
    EndsBeforeStart,
    /// The fewest people affected is more than the most.
    RangeReversed,
    /// Declining a step needs a reason.
    NeedsReason(ChecklistStep),
    /// Only the AP and the people steps can be declined.
    CannotDecline(ChecklistStep),
    /// The assessment step is done by answering the questions.
    NotAssessed,
    /// A decision not to contradicts a step already done.
    AlreadyDone(ChecklistStep),
    /// Closing needs these steps first.
    CannotClose(Vec<ChecklistStep>),
    /// The report file exists and overwriting was not asked for.
    FileExists(PathBuf),
    /// Writing the report file failed.
    Write {
        path: PathBuf,
        reason: String,
    },
    Vault(VaultError),
}

/// Which time an `InFuture` error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Discovery,
    Step(ChecklistStep),
}

impl From<VaultError> for BreachError {
    fn from(e: VaultError) -> Self {
        BreachError::Vault(e)
    }
}

fn stamp(t: At) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

impl BreachError {
    /// One sentence: what is wrong and what to do.
    pub fn message(&self, lang: Lang) -> String {
        use BreachError::*;
        let fixed = |t: BreachText| t.get(lang).to_string();
        match self {
            NotFound(id) => words::not_found(lang, id.as_str()),
            EmptyTitle => fixed(BreachText::EmptyTitle),
            ControlCharacter => fixed(BreachText::ControlCharacter),
            InFuture { what, now } => {
                let what = match what {
                    When::Discovery => Late::Discovery,
                    When::Step(s) => Late::Step(step_key(*s)),
                };
                words::in_future(lang, what, &stamp(*now))
            }
            EndsBeforeStart => fixed(BreachText::EndsBeforeStart),
            RangeReversed => fixed(BreachText::RangeReversed),
            NeedsReason(s) => words::needs_reason(lang, step_key(*s)),
            CannotDecline(s) => words::cannot_decline(lang, step_key(*s)),
            NotAssessed => fixed(BreachText::NotAssessed),
            AlreadyDone(s) => words::already_done(lang, step_key(*s)),
            CannotClose(missing) => {
                let keys: Vec<&str> = missing.iter().map(|s| step_key(*s)).collect();
                words::cannot_close(lang, &keys)
            }
            FileExists(p) => words::file_exists(lang, &p.display().to_string()),
            Write { path, reason } => {
                words::write_failed(lang, &path.display().to_string(), reason)
            }
            Vault(e) => e.to_string(),
        }
    }
}

impl fmt::Display for BreachError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BreachError {}

pub type BreachResult<T> = Result<T, BreachError>;

// ---------------------------------------------------------------------------
// Step names

/// The stable name of a step (as in JSON and on the command line).
pub fn step_key(step: ChecklistStep) -> &'static str {
    match step {
        ChecklistStep::ExpertContacted => "expert_contacted",
        ChecklistStep::NatureAndCauseEstablished => "nature_and_cause_established",
        ChecklistStep::ActionPlanMade => "action_plan_made",
        ChecklistStep::Assessed => "assessed",
        ChecklistStep::AuthorityNotified => "authority_notified",
        ChecklistStep::PeopleInformed => "people_informed",
        ChecklistStep::ActionPlanExecuted => "action_plan_executed",
        ChecklistStep::Closed => "closed",
    }
}

/// The step with this stable name.
pub fn parse_step(name: &str) -> Option<ChecklistStep> {
    ChecklistStep::ALL
        .into_iter()
        .find(|s| step_key(*s) == name.trim())
}

// ---------------------------------------------------------------------------
// Registering and editing

/// The fields of a breach that are entered as text or numbers (the edit
/// form); the checklist times and decisions change only through the
/// operations below.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub discovered_at: At,
    pub title: String,
    pub description: String,
    pub cause: String,
    /// Categories of data affected ("contact details", "coaching reports").
    pub data_categories: Vec<String>,
    pub approx_records: Option<u64>,
    pub approx_people: Option<u64>,
    pub timeline: Timeline,
    pub notes: ReportNotes,
    pub action_plan: String,
    /// The AP's reference for the notification (a correction of it).
    pub ap_reference: String,
    /// How the people affected were informed (a correction of it).
    pub people_informed_how: String,
    /// The further questions of the AP's form.
    pub form: FormFields,
}

impl Details {
    /// What is known at discovery: the rest empty.
    pub fn new(discovered_at: At, title: impl Into<String>) -> Details {
        Details::of(&Breach::new(discovered_at, title))
    }

    /// The current values of `b`, to edit.
    pub fn of(b: &Breach) -> Details {
        Details {
            discovered_at: b.discovered_at,
            title: b.title.clone(),
            description: b.description.clone(),
            cause: b.cause.clone(),
            data_categories: b.data_categories.clone(),
            approx_records: b.approx_records,
            approx_people: b.approx_people,
            timeline: b.timeline.clone(),
            notes: (*b.notes).clone(),
            action_plan: b.checklist.action_plan.clone(),
            ap_reference: b.checklist.ap_reference.clone(),
            people_informed_how: b.checklist.people_informed_how.clone(),
            form: (*b.form).clone(),
        }
    }

    /// Checks the values against the clock and tidies them (trimmed title,
    /// no empty categories).
    fn checked(mut self, now: At) -> BreachResult<Details> {
        let lines = [
            &self.title,
            &self.ap_reference,
            &self.notes.contact_person,
            &self.form.earlier_reference,
            &self.form.processor,
        ];
        let texts = [
            &self.form.unintelligible_how,
            &self.form.informed_text,
            &self.form.public_communication,
            &self.form.international,
            &self.form.preventive_measures,
            &self.form.remarks,
            &self.description,
            &self.cause,
            &self.action_plan,
            &self.people_informed_how,
            &self.notes.measures_taken,
            &self.notes.likely_consequences,
            &self.notes.delay_reason,
        ];
        if !lines
            .into_iter()
            .chain(&self.data_categories)
            .all(|l| text::is_clean_line(l))
            || !texts.into_iter().all(|t| text::is_clean_text(t))
        {
            return Err(BreachError::ControlCharacter);
        }
        self.title = self.title.trim().to_string();
        if self.title.is_empty() {
            return Err(BreachError::EmptyTitle);
        }
        if self.discovered_at > now {
            return Err(BreachError::InFuture {
                what: When::Discovery,
                now,
            });
        }
        if let (Some(start), Some(end)) = (self.timeline.started_at, self.timeline.ended_at)
            && end < start
        {
            return Err(BreachError::EndsBeforeStart);
        }
        if let (Some(min), Some(max)) = (self.form.subjects_min, self.form.subjects_max)
            && min > max
        {
            return Err(BreachError::RangeReversed);
        }
        let f = &mut self.form;
        f.nature.sort();
        f.nature.dedup();
        f.special_categories.sort();
        f.special_categories.dedup();
        f.sensitive_data.sort();
        f.sensitive_data.dedup();
        f.subject_categories.sort();
        f.subject_categories.dedup();
        f.damage.sort();
        f.damage.dedup();
        self.data_categories = self
            .data_categories
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        Ok(self)
    }

    fn apply_to(self, b: &mut Breach) {
        b.discovered_at = self.discovered_at;
        b.title = self.title;
        b.description = self.description;
        b.cause = self.cause;
        b.data_categories = self.data_categories;
        b.approx_records = self.approx_records;
        b.approx_people = self.approx_people;
        b.timeline = self.timeline;
        *b.notes = self.notes;
        b.checklist.action_plan = self.action_plan;
        b.checklist.ap_reference = self.ap_reference;
        b.checklist.people_informed_how = self.people_informed_how;
        *b.form = self.form;
    }
}

/// Registers a new breach; returns its id. The 72-hour clock runs from
/// `details.discovered_at`.
pub fn create(s: &mut Session, details: Details) -> BreachResult<Id> {
    let d = details.checked(s.clock.now)?;
    let mut b = Breach::new(d.discovered_at, String::new());
    d.apply_to(&mut b);
    let id = s.data.new_id();
    s.commit(
        "breach_new",
        vec![(id.clone(), AnyRecord::Breach(b))],
        Vec::new(),
    )?;
    Ok(id)
}

/// Replaces the entered fields of breach `id` (see [`Details::of`]).
pub fn update(s: &mut Session, id: &Id, details: Details) -> BreachResult<()> {
    let d = details.checked(s.clock.now)?;
    change(s, id, "breach_edit", |b, _| {
        d.apply_to(b);
        Ok(())
    })
}

/// Loads breach `id`, lets `f` change it at the clock's now, and commits the
/// result when it differs.
fn change(
    s: &mut Session,
    id: &Id,
    action: &str,
    f: impl FnOnce(&mut Breach, At) -> BreachResult<()>,
) -> BreachResult<()> {
    let old = get(s, id)?;
    let mut b = old.clone();
    f(&mut b, s.clock.now)?;
    if b != *old {
        s.commit(action, vec![(id.clone(), AnyRecord::Breach(b))], Vec::new())?;
    }
    Ok(())
}

/// Breach `id`, or `NotFound`.
pub fn get<'a>(s: &'a Session, id: &Id) -> BreachResult<&'a Breach> {
    s.data
        .breaches
        .get(id)
        .ok_or_else(|| BreachError::NotFound(id.clone()))
}

// ---------------------------------------------------------------------------
// The checklist

fn not_in_future(at: At, now: At, step: ChecklistStep) -> BreachResult<()> {
    if at > now {
        return Err(BreachError::InFuture {
            what: When::Step(step),
            now,
        });
    }
    Ok(())
}

/// The legal steps still missing before breach `b` can be closed: the
/// assessment and the decisions about the AP and the people affected
/// (recorded either way). The statement's own steps (expert, plan) do not
/// apply to every breach and do not block closing.
pub fn close_blockers(b: &Breach) -> Vec<ChecklistStep> {
    [
        ChecklistStep::Assessed,
        ChecklistStep::AuthorityNotified,
        ChecklistStep::PeopleInformed,
    ]
    .into_iter()
    .filter(|s| !b.is_done(*s))
    .collect()
}

/// Ticks `step` at the clock's now (the Enter key on the detail screen).
/// See [`tick_at`] for the rules.
pub fn tick(s: &mut Session, id: &Id, step: ChecklistStep) -> BreachResult<()> {
    let now = s.clock.now;
    tick_at(s, id, step, now)
}

/// Ticks `step` as done at `at` (a moment that has passed). Ticking again
/// replaces the time. The assessment step is ticked by
/// [`record_assessment`]; ticking it again only renews its time. Ticking
/// `Closed` closes the breach (see [`close`]). Ticking the AP or the people
/// step records that they were notified or informed; an earlier decision
/// not to stays on record beside it.
pub fn tick_at(s: &mut Session, id: &Id, step: ChecklistStep, at: At) -> BreachResult<()> {
    not_in_future(at, s.clock.now, step)?;
    let action = if step == ChecklistStep::Closed {
        "breach_close"
    } else {
        "breach_tick"
    };
    change(s, id, action, |b, _| {
        match step {
            ChecklistStep::Assessed if b.assessment.is_none() => {
                return Err(BreachError::NotAssessed);
            }
            ChecklistStep::Closed => {
                let missing = close_blockers(b);
                if !missing.is_empty() {
                    return Err(BreachError::CannotClose(missing));
                }
            }
            _ => {}
        }
        b.tick(step, at);
        Ok(())
    })
}

/// Undoes `step` (a tick by mistake), including a recorded decision not to;
/// unticking `Closed` reopens the breach. The assessment answers stay when
/// the assessment step is unticked.
pub fn untick(s: &mut Session, id: &Id, step: ChecklistStep) -> BreachResult<()> {
    let action = if step == ChecklistStep::Closed {
        "breach_reopen"
    } else {
        "breach_untick"
    };
    change(s, id, action, |b, _| {
        b.untick(step);
        Ok(())
    })
}

/// Records why the AP or the people affected are not notified or informed
/// (at the clock's now). Refused when they already were: undo that first.
pub fn decline(s: &mut Session, id: &Id, step: ChecklistStep, reason: &str) -> BreachResult<()> {
    let now = s.clock.now;
    decline_at(s, id, step, reason, now)
}

/// [`decline`] at `at` (a moment that has passed).
pub fn decline_at(
    s: &mut Session,
    id: &Id,
    step: ChecklistStep,
    reason: &str,
    at: At,
) -> BreachResult<()> {
    if !step.can_be_declined() {
        return Err(BreachError::CannotDecline(step));
    }
    if !text::is_clean_text(reason) {
        return Err(BreachError::ControlCharacter);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(BreachError::NeedsReason(step));
    }
    not_in_future(at, s.clock.now, step)?;
    change(s, id, "breach_decide", |b, _| {
        let done = match step {
            ChecklistStep::AuthorityNotified => b.checklist.ap_notified_at.is_some(),
            _ => b.checklist.people_informed_at.is_some(),
        };
        if done {
            return Err(BreachError::AlreadyDone(step));
        }
        b.decline(step, at, reason);
        Ok(())
    })
}

/// The AP decision (GDPR art. 33).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorityDecision {
    /// Notified, with the AP's reference (empty: keep the one recorded, or fill in later).
    Notified { reference: String },
    /// Not notified: unlikely to result in a risk, and why.
    NotNotified { reason: String },
}

/// The decision about the people affected (GDPR art. 34).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeopleDecision {
    /// Informed, and how (letter, e-mail, call).
    Informed { how: String },
    /// Not informed: no high risk (art. 34(3)), and why.
    NotInformed { reason: String },
}

/// Records the AP decision at the clock's now. Notifying stops the 72-hour
/// clock; so does a decision not to. An earlier decision not to stays on
/// record beside a later notification.
pub fn decide_authority(s: &mut Session, id: &Id, d: AuthorityDecision) -> BreachResult<()> {
    let now = s.clock.now;
    decide_authority_at(s, id, d, now)
}

/// [`decide_authority`] at `at` (a moment that has passed).
pub fn decide_authority_at(
    s: &mut Session,
    id: &Id,
    d: AuthorityDecision,
    at: At,
) -> BreachResult<()> {
    match d {
        AuthorityDecision::Notified { reference } => {
            if !text::is_clean_line(&reference) {
                return Err(BreachError::ControlCharacter);
            }
            not_in_future(at, s.clock.now, ChecklistStep::AuthorityNotified)?;
            change(s, id, "breach_decide", |b, _| {
                b.tick(ChecklistStep::AuthorityNotified, at);
                // An empty reference keeps one recorded before; `update`
                // corrects or clears it.
                if !reference.trim().is_empty() {
                    b.checklist.ap_reference = reference.trim().to_string();
                }
                Ok(())
            })
        }
        AuthorityDecision::NotNotified { reason } => {
            decline_at(s, id, ChecklistStep::AuthorityNotified, &reason, at)
        }
    }
}

/// Records the decision about the people affected at the clock's now.
pub fn decide_people(s: &mut Session, id: &Id, d: PeopleDecision) -> BreachResult<()> {
    let now = s.clock.now;
    decide_people_at(s, id, d, now)
}

/// [`decide_people`] at `at` (a moment that has passed).
pub fn decide_people_at(s: &mut Session, id: &Id, d: PeopleDecision, at: At) -> BreachResult<()> {
    match d {
        PeopleDecision::Informed { how } => {
            if !text::is_clean_text(&how) {
                return Err(BreachError::ControlCharacter);
            }
            not_in_future(at, s.clock.now, ChecklistStep::PeopleInformed)?;
            change(s, id, "breach_decide", |b, _| {
                b.tick(ChecklistStep::PeopleInformed, at);
                if !how.trim().is_empty() {
                    b.checklist.people_informed_how = how.trim().to_string();
                }
                Ok(())
            })
        }
        PeopleDecision::NotInformed { reason } => {
            decline_at(s, id, ChecklistStep::PeopleInformed, &reason, at)
        }
    }
}

/// Closes the breach at the clock's now; it stays in the register. Refused
/// while [`close_blockers`] names steps.
pub fn close(s: &mut Session, id: &Id) -> BreachResult<()> {
    tick(s, id, ChecklistStep::Closed)
}

/// Reopens a closed breach.
pub fn reopen(s: &mut Session, id: &Id) -> BreachResult<()> {
    untick(s, id, ChecklistStep::Closed)
}

// ---------------------------------------------------------------------------
// The assessment

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

// ---------------------------------------------------------------------------
// Read models

/// A breach of the list (screen 8 and `kluis breach list`).
#[derive(Debug, Clone, PartialEq)]
pub struct BreachRow {
    pub id: Id,
    pub title: String,
    pub discovered_at: At,
    pub notify_deadline: At,
    /// The 72-hour clock; `Done` once the AP decision is recorded or closed.
    pub clock: BreachClock,
    /// Whole hours to the deadline (negative once overdue), whether or not
    /// the clock has stopped.
    pub hours_left: i64,
    /// The assessed risk, if the questions were answered.
    pub risk: Option<Risk>,
    pub closed_at: Option<At>,
    /// The first step in checklist order that is not done.
    pub next_step: Option<ChecklistStep>,
}

fn row(id: &Id, b: &Breach, now: At) -> BreachRow {
    BreachRow {
        id: id.clone(),
        title: b.title.clone(),
        discovered_at: b.discovered_at,
        notify_deadline: b.notify_deadline(),
        clock: b.clock(now),
        hours_left: b.hours_left(now),
        risk: b
            .assessment
            .as_ref()
            .map(|a| crate::domain::breach_assessment::evaluate(a).risk),
        closed_at: b.closed_at,
        next_step: b.next_open_step(),
    }
}

/// Every breach in the register: first those whose 72-hour clock runs,
/// nearest deadline first; then the open ones whose clock has stopped (the AP
/// decision is recorded), also by deadline; then the closed ones, most
/// recently discovered first.
pub fn list(s: &Session) -> Vec<BreachRow> {
    let now = s.clock.now;
    let mut rows: Vec<BreachRow> = s
        .data
        .breaches
        .iter()
        .map(|(id, b)| row(id, b, now))
        .collect();
    let group = |r: &BreachRow| match (r.closed_at, r.clock) {
        (Some(_), _) => 2,
        (None, BreachClock::Done) => 1,
        (None, _) => 0,
    };
    rows.sort_by(|a, b| {
        let (ga, gb) = (group(a), group(b));
        ga.cmp(&gb)
            .then_with(|| {
                if ga < 2 {
                    a.notify_deadline.cmp(&b.notify_deadline)
                } else {
                    b.discovered_at.cmp(&a.discovered_at)
                }
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

/// A breach whose 72-hour clock still runs, for the overview and
/// `status --json` (`open_breaches`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenBreach {
    pub id: Id,
    pub title: String,
    pub notify_deadline: At,
    /// Whole hours left, rounded down; negative once overdue.
    pub hours_left: i64,
    /// Hours and minutes left or overdue (never `Done` here).
    pub clock: BreachClock,
}

/// Breaches that are not closed and whose AP clock has not stopped, nearest
/// deadline first.
pub fn open_breaches(s: &Session) -> Vec<OpenBreach> {
    let now = s.clock.now;
    let mut out: Vec<OpenBreach> = s
        .data
        .breaches
        .iter()
        .filter(|(_, b)| b.is_open() && !b.clock_stopped())
        .map(|(id, b)| OpenBreach {
            id: id.clone(),
            title: b.title.clone(),
            notify_deadline: b.notify_deadline(),
            hours_left: b.hours_left(now),
            clock: b.clock(now),
        })
        .collect();
    out.sort_by(|a, b| (a.notify_deadline, &a.id).cmp(&(b.notify_deadline, &b.id)));
    out
}

/// One checklist line of the detail screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow {
    pub step: ChecklistStep,
    /// When it was done (or when it was decided not to).
    pub done_at: Option<At>,
    /// The decision not to take it, when that is what is recorded.
    pub declined: Option<WhyNot>,
}

/// Everything the detail screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub id: Id,
    pub breach: Breach,
    pub clock: BreachClock,
    pub hours_left: i64,
    /// Past the deadline without a timely notification: the draft will ask
    /// for the reasons of the delay.
    pub late: bool,
    /// The checklist in order.
    pub steps: Vec<StepRow>,
    pub next_step: Option<ChecklistStep>,
    /// The recommendation with its reasons, once the questions are answered.
    pub recommendation: Option<Assessment>,
    /// What must be recorded before closing (empty: it can be closed).
    pub close_blockers: Vec<ChecklistStep>,
}

/// The detail of breach `id` at the clock's now.
pub fn detail(s: &Session, id: &Id) -> BreachResult<Detail> {
    let b = get(s, id)?;
    let now = s.clock.now;
    let steps = ChecklistStep::ALL
        .into_iter()
        .map(|step| StepRow {
            step,
            done_at: b.done_at(step),
            declined: b.declined(step).cloned(),
        })
        .collect();
    Ok(Detail {
        id: id.clone(),
        breach: b.clone(),
        clock: b.clock(now),
        hours_left: b.hours_left(now),
        late: b.notification_late(now),
        steps,
        next_step: b.next_open_step(),
        recommendation: b.recommendation(),
        close_blockers: close_blockers(b),
    })
}

// ---------------------------------------------------------------------------
// The notification draft

/// The AP notification draft of breach `id` in Markdown, made at the
/// clock's now.
pub fn report(s: &Session, id: &Id, lang: Lang) -> BreachResult<String> {
    let b = get(s, id)?;
    let practice = super::practice::profile(s);
    Ok(breach_report::markdown(
        &Report::of(b, id.as_str(), s.clock.now, &practice),
        lang,
    ))
}

/// A file name for the draft: `datalek-<id>.md` or `breach-<id>.md`.
pub fn report_file_name(id: &Id, lang: Lang) -> String {
    format!("{}-{id}.md", breach_report::file_stem(lang))
}

/// Writes the draft of breach `id` to `path`, readable by its owner only
/// (see [`write_private`]); an existing file only with `overwrite`.
pub fn export_report(
    s: &Session,
    id: &Id,
    lang: Lang,
    path: &Path,
    overwrite: bool,
) -> BreachResult<()> {
    let text = report(s, id, lang)?;
    write_private(path, text.as_bytes(), overwrite).map_err(|e| match e {
        WriteError::Exists => BreachError::FileExists(path.to_path_buf()),
        WriteError::Io(reason) => BreachError::Write {
            path: path.to_path_buf(),
            reason,
        },
    })
}

#[cfg(test)]
#[path = "breach_tests.rs"]
mod tests;
