//! Breach handling (DESIGN.md §6, promise P11) over a session: the
//! operations both front ends use — register a breach, edit it, tick the
//! checklist, record the assessment and the decisions, close it — plus the
//! read models of the breach list, the detail screen and the overview.
//!
//! Every change goes through `Session::commit` (one audit entry, all or
//! nothing). Times come from the session's clock (`s.clock.now`): a front end
//! that stays open (the UI) refreshes `s.clock` before calling. Errors are one
//! sentence and name ids and steps, never what was entered.
//!
//! This file registers and edits breaches; `checklist` ticks the steps and
//! records the decisions, `assessment` the risk assessment, `read` builds
//! the read models and `report` the AP notification draft.

mod assessment;
mod checklist;
mod error;
mod read;
mod report;

pub use assessment::*;
pub use checklist::*;
pub use error::*;
pub use read::*;
pub use report::*;

use super::session::Session;
use crate::domain::Id;
use crate::domain::breach::{At, Breach, FormFields, ReportNotes, Timeline};
use crate::domain::records::AnyRecord;
use crate::domain::text;

/// The fields of a breach that are entered as text or numbers (the edit
/// form); the checklist times and decisions change only through the
/// operations of `checklist`.
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

#[cfg(test)]
mod tests;
