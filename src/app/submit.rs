//! Saving the form on top of the popup stack through `ops::edit`. A problem
//! keeps the form open with the problem shown; success closes it.

use super::forms::form::Form;
use super::forms::purpose::FormPurpose;
use super::forms::records::{attach, person, team_report, trajectory};
use super::popup::{Confirm, Popup, Reader};
use super::screen::Screen;
use super::workspace::Workspace;
use crate::domain::{DocumentKind, Kind, TrajectoryKind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::edit::{
    self, Body, EditError, GENERATED_BITS, PasswordChoice, Problem, TeamSealError,
};
use chrono::NaiveDate;
use zeroize::Zeroizing;

/// What happened after a successful save.
enum Saved {
    Message(String),
    Popup(Popup),
}

fn date(form: &Form, field: usize, optional: bool) -> Result<Option<NaiveDate>, EditError> {
    let v = form.value(field).trim();
    if v.is_empty() && optional {
        return Ok(None);
    }
    edit::parse_date(v)
        .map(Some)
        .ok_or(EditError::Invalid(Problem::BadDate))
}

fn required_date(form: &Form, field: usize) -> Result<NaiveDate, EditError> {
    date(form, field, false)?.ok_or(EditError::Invalid(Problem::BadDate))
}

impl Workspace {
    /// Saves the form on top of the stack. `accept_weak` is set after the
    /// coach confirmed a weak team-report password.
    pub(super) fn submit(&mut self, accept_weak: bool, lang: Lang) {
        let Some(Popup::Form(mut form)) = self.popups.pop() else {
            return;
        };
        if let FormPurpose::Breach(purpose) = &form.purpose {
            let purpose = purpose.clone();
            return self.submit_breach(form, &purpose, lang);
        }
        if matches!(form.purpose, FormPurpose::Rights(_)) {
            return self.submit_rights(form, false, lang);
        }
        match self.save(&form, accept_weak, lang) {
            Ok(Saved::Message(m)) => self.message = Some(m),
            Ok(Saved::Popup(p)) => self.push(p),
            Err(EditError::WeakPassword { bits }) => {
                self.popups.push(Popup::Form(form));
                self.popups.push(Popup::Confirm(Confirm {
                    title: Text::WeakPasswordTitle.get(lang).into(),
                    lines: vec![ui::weak_password(lang, bits, GENERATED_BITS)],
                    on_yes: super::action::Action::AcceptWeakPassword,
                }));
            }
            Err(e) => {
                if matches!(e, EditError::Seal(TeamSealError::WrongPassword))
                    && let Some(f) = form.fields.first_mut()
                {
                    f.input.clear();
                }
                form.problem = Some(e.message(lang));
                self.popups.push(Popup::Form(form));
            }
        }
    }

    fn save(&mut self, form: &Form, accept_weak: bool, lang: Lang) -> Result<Saved, EditError> {
        let s = &mut self.session;
        match &form.purpose {
            FormPurpose::NewPerson | FormPurpose::EditPerson(_) => {
                let input = edit::PersonInput {
                    name: form.value(person::NAME).into(),
                    email: form.value(person::EMAIL).into(),
                    phone: form.value(person::PHONE).into(),
                    organisation: form.value(person::ORGANISATION).into(),
                };
                let (id, text) = match &form.purpose {
                    FormPurpose::EditPerson(id) => {
                        edit::edit_person(s, id, &input)?;
                        (id.clone(), Text::Saved)
                    }
                    _ => (edit::add_person(s, &input)?, Text::PersonAdded),
                };
                self.refresh();
                self.people.select(&id);
                Ok(Saved::Message(text.get(lang).into()))
            }
            FormPurpose::StartTrajectory => {
                let started_on = date(form, trajectory::STARTED_ON, true)?;
                let participant = form
                    .field(trajectory::PARTICIPANT)
                    .picked()
                    .cloned()
                    .ok_or(Problem::ParticipantRequired)?;
                let requester_field = form.field(trajectory::REQUESTER);
                let requester = requester_field.picked().cloned();
                if requester.is_none() && !requester_field.value().trim().is_empty() {
                    return Err(Problem::UnknownPerson.into());
                }
                let kind = match form.field(trajectory::KIND).choice_index() {
                    0 => TrajectoryKind::Coaching,
                    _ => TrajectoryKind::Training,
                };
                let id = edit::start_trajectory(
                    s,
                    &edit::TrajectoryInput {
                        kind,
                        title: form.value(trajectory::TITLE).into(),
                        participants: vec![participant],
                        requester,
                        started_on,
                    },
                )?;
                self.refresh();
                self.screen = Screen::Trajectories;
                self.people.detail = None;
                self.trajectories.detail = None;
                self.trajectories.select(&id);
                Ok(Saved::Message(Text::TrajectoryStarted.get(lang).into()))
            }
            FormPurpose::Attach {
                trajectory,
                participants,
            } => {
                let participant = participants
                    .get(form.field(attach::PARTICIPANT).choice_index())
                    .cloned()
                    .ok_or(Problem::ParticipantRequired)?;
                let kind = match form.field(attach::KIND).choice_index() {
                    0 => DocumentKind::IndividualReport,
                    _ => DocumentKind::QuestionnaireResult,
                };
                let body = Body::from_fields(form.value(attach::TEXT), form.value(attach::FILE))?;
                edit::attach_document(
                    s,
                    &edit::DocumentInput {
                        trajectory: trajectory.clone(),
                        participant,
                        kind,
                        title: form.value(attach::TITLE).into(),
                        body,
                    },
                )?;
                self.refresh();
                if self.trajectories.detail.is_none() {
                    self.trajectories.open_detail(trajectory.clone());
                }
                Ok(Saved::Message(Text::DocumentAttached.get(lang).into()))
            }
            FormPurpose::Complete(id) => {
                let on = required_date(form, 0)?;
                let deadline = edit::complete_trajectory(s, id, on)?;
                let days = ui::countdown(lang, (deadline - s.today()).num_days());
                self.refresh();
                Ok(Saved::Message(ui::deadline_set(
                    lang,
                    &deadline.to_string(),
                    &days,
                )))
            }
            FormPurpose::NewTeamReport => {
                let delivered_on = required_date(form, team_report::DELIVERED_ON)?;
                let body = Body::from_fields(
                    form.value(team_report::TEXT),
                    form.value(team_report::FILE),
                )?;
                let choice = if form.field(team_report::PASSWORD_MODE).choice_index() == 0 {
                    PasswordChoice::Generated
                } else {
                    PasswordChoice::Chosen {
                        password: Zeroizing::new(form.value(team_report::OWN_PASSWORD).into()),
                        accept_weak,
                    }
                };
                let input = edit::TeamReportInput {
                    organisation: form.value(team_report::ORGANISATION).into(),
                    team: form.value(team_report::TEAM).into(),
                    title: form.value(team_report::TITLE).into(),
                    delivered_on,
                    body,
                };
                let (id, shown) = edit::add_team_report(s, &input, &choice)?;
                self.refresh();
                self.team_reports.select(&id);
                Ok(match shown {
                    Some(password) => {
                        let text = format!(
                            "{}\n\n    {}\n\n{}",
                            Text::PasswordShownOnce.get(lang),
                            &*password,
                            Text::PasswordNoRecovery.get(lang)
                        );
                        let mut reader = Reader::new(Text::PasswordShownOnceTitle.get(lang), text);
                        reader.secret = true;
                        Saved::Popup(Popup::Reader(reader))
                    }
                    None => Saved::Message(Text::TeamReportAdded.get(lang).into()),
                })
            }
            // Saved by `submit_breach` before this is reached.
            FormPurpose::Breach(_) => Ok(Saved::Message(String::new())),
            FormPurpose::Rights(_) => Ok(Saved::Message(String::new())),
            FormPurpose::OpenTeamReport(id) => {
                let body = edit::open_team_report(s, id, form.value(0))?;
                let title = s.data.label(Kind::TeamReport, id);
                let mut reader = Reader::new(title, String::new());
                reader.text = body;
                Ok(Saved::Popup(Popup::Reader(reader)))
            }
        }
    }
}
