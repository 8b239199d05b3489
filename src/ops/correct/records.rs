//! Correcting trajectories, documents and the details of team reports.
//! Refusals are `edit::Problem`s, worded as for a new record.

use super::{Corrected, commit};
use crate::domain::calendar::in_future;
use crate::domain::records::AnyRecord;
use crate::domain::{DocumentKind, Id, Kind, TrajectoryKind, text};
use crate::ops::edit::{EditResult, Problem, required};
use crate::ops::session::Session;
use chrono::NaiveDate;

/// A trajectory as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrajectoryCorrection {
    pub kind: TrajectoryKind,
    pub title: String,
    pub participants: Vec<Id>,
    pub requester: Option<Id>,
    pub started_on: Option<NaiveDate>,
    /// `None`: not completed (yet); a date starts or moves the P1 clock.
    pub completed_on: Option<NaiveDate>,
}

/// Corrects a trajectory. A changed completion date moves the deadline of
/// the trajectory and of its documents (P1). A participant who has
/// documents in it stays a participant: delete or move those first.
pub fn correct_trajectory(
    s: &mut Session,
    id: &Id,
    c: &TrajectoryCorrection,
) -> EditResult<Corrected> {
    let old = s.data.trajectories.get(id).ok_or(Problem::UnknownRecord)?;
    let title = required(&c.title, Problem::TitleRequired)?;
    let mut participants: Vec<Id> = Vec::with_capacity(c.participants.len());
    for p in &c.participants {
        if !participants.contains(p) {
            participants.push(p.clone());
        }
    }
    if participants.is_empty() {
        return Err(Problem::ParticipantRequired.into());
    }
    let known = |p: &Id| s.data.people.contains_key(p);
    if !participants.iter().all(known) || !c.requester.iter().all(known) {
        return Err(Problem::UnknownPerson.into());
    }
    let keeps_documents = s
        .data
        .documents
        .values()
        .filter(|d| d.trajectory == *id)
        .all(|d| participants.contains(&d.participant));
    if !keeps_documents {
        return Err(Problem::ParticipantHasDocuments.into());
    }
    if let Some(done) = c.completed_on {
        if in_future(done, s.today()) {
            return Err(Problem::DateInFuture.into());
        }
        if c.started_on.is_some_and(|st| done < st) {
            return Err(Problem::CompletedBeforeStart.into());
        }
    }
    let mut t = old.clone();
    t.kind = c.kind;
    t.title = title;
    t.participants = participants;
    t.requester = c.requester.clone();
    t.started_on = c.started_on;
    t.completed_on = c.completed_on;
    Ok(commit(
        s,
        "trajectory_edit",
        id,
        Kind::Trajectory,
        AnyRecord::Trajectory(t),
    )?)
}

/// A document as corrected in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentCorrection {
    pub kind: DocumentKind,
    /// One of its trajectory's participants.
    pub participant: Id,
    pub title: String,
    /// The whole text, line breaks and tabs kept.
    pub body: String,
}

/// Corrects a document's kind, participant, title and text. A new kind is
/// a new record key: the old one is deleted in the same change (and its
/// bucket re-keyed).
pub fn correct_document(s: &mut Session, id: &Id, c: &DocumentCorrection) -> EditResult<Corrected> {
    let old = s.data.documents.get(id).ok_or(Problem::UnknownRecord)?;
    let old_kind = old.kind.record_kind();
    let t = s
        .data
        .trajectories
        .get(&old.trajectory)
        .ok_or(Problem::UnknownRecord)?;
    if !t.participants.contains(&c.participant) {
        return Err(Problem::NotParticipant.into());
    }
    let title = required(&c.title, Problem::TitleRequired)?;
    if !text::is_clean_text(&c.body) {
        return Err(Problem::ControlCharacter.into());
    }
    if c.body.trim().is_empty() {
        return Err(Problem::BodyRequired.into());
    }
    let mut d = old.clone();
    d.kind = c.kind;
    d.participant = c.participant.clone();
    d.title = title;
    d.body = c.body.clone();
    Ok(commit(
        s,
        "document_edit",
        id,
        old_kind,
        AnyRecord::Document(d),
    )?)
}

/// The details of a team report; its body stays sealed under its own
/// password and is not touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamReportDetails {
    pub organisation: String,
    pub team: String,
    pub title: String,
    /// Moves the 36-month deadline (P2).
    pub delivered_on: NaiveDate,
}

pub fn correct_team_report(
    s: &mut Session,
    id: &Id,
    c: &TeamReportDetails,
) -> EditResult<Corrected> {
    let old = s.data.team_reports.get(id).ok_or(Problem::UnknownRecord)?;
    let organisation = required(&c.organisation, Problem::FieldRequired)?;
    let team = required(&c.team, Problem::FieldRequired)?;
    let title = required(&c.title, Problem::TitleRequired)?;
    if in_future(c.delivered_on, s.today()) {
        return Err(Problem::DateInFuture.into());
    }
    let mut r = old.clone();
    r.organisation = organisation;
    r.team = team;
    r.title = title;
    r.delivered_on = c.delivered_on;
    Ok(commit(
        s,
        "team_report_edit",
        id,
        Kind::TeamReport,
        AnyRecord::TeamReport(r),
    )?)
}
