//! Saving the record forms (people, trajectories, documents, team reports)
//! through `ops::edit`. A problem keeps the form open with the problem
//! shown; success closes it.

use crate::app::action::Action;
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::form::Form;
use crate::app::forms::purpose::FormPurpose;
use crate::app::forms::records::{self, attach, person, team_report, trajectory};
use crate::app::keymap::{self, Scope};
use crate::app::popup::{Confirm, Reader};
use crate::app::save::Allowed;
use crate::app::screen::Screen;
use crate::app::screen_component::Cx;
use crate::domain::{DocumentKind, Id, Kind, TrajectoryKind, text};
use crate::i18n::find;
use crate::i18n::ui::{self, Text};
use crate::ops::attachments::{self, FileError};
use crate::ops::edit::{
    self, Body, EditError, GENERATED_BITS, PasswordChoice, Problem, TeamSealError,
};
use crate::ops::shared_email;
use chrono::NaiveDate;
use zeroize::Zeroizing;

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

/// The text field and the files field of a document or team report form:
/// one of them at least (DESIGN.md §13.1).
fn text_and_files(
    form: &Form,
    text: usize,
    files: usize,
) -> Result<(String, Vec<std::path::PathBuf>), EditError> {
    let (text, files) = (form.value(text).to_string(), form.paths(files));
    if text.trim().is_empty() && files.is_empty() {
        return Err(Problem::TextOrFiles.into());
    }
    Ok((text, files))
}

/// Saves a record form taken from the top of the stack. `allowed` says
/// what the coach confirmed already: a weak team-report password, a second
/// person with an e-mail address another person has.
pub fn save(mut form: Form, allowed: Allowed, cx: &mut Cx, out: &mut Vec<Effect>) {
    let lang = cx.lang;
    if !allowed.shared_email
        && let Some(holder) = shared_email_holder(&form, cx)
    {
        out.push(Effect::Form(form));
        out.push(Effect::Ask(shared_email_question(&holder, cx)));
        return;
    }
    match save_record(&form, allowed.weak_password, cx) {
        Ok(effects) => out.extend(effects),
        Err(FileError::Edit(EditError::WeakPassword { bits })) => {
            out.push(Effect::Form(form));
            out.push(Effect::Ask(Confirm {
                title: Text::WeakPasswordTitle.get(lang).into(),
                lines: vec![ui::weak_password(lang, bits, GENERATED_BITS)],
                on_yes: Confirmed::AcceptWeakPassword,
            }));
        }
        Err(e) => {
            if matches!(
                e,
                FileError::Edit(EditError::Seal(TeamSealError::WrongPassword))
            ) {
                form.clear_passwords();
            }
            form.problem = Some(e.message(lang));
            out.push(Effect::Form(form));
        }
    }
}

/// The other person who has the e-mail address of a person form already.
fn shared_email_holder(form: &Form, cx: &Cx) -> Option<Id> {
    let except = match &form.purpose {
        FormPurpose::NewPerson => None,
        FormPurpose::EditPerson(id) => Some(id),
        _ => return None,
    };
    shared_email::holder(&cx.session.data, form.value(person::EMAIL), except)
}

/// Save anyway (`y`), open the person who has the address (`o`), or back to
/// the form (`n`): the keys are named as the key table binds them.
fn shared_email_question(holder: &Id, cx: &Cx) -> Confirm {
    let name = text::escaped(&cx.session.data.label(Kind::Person, holder)).into_owned();
    let key = |action: Action| keymap::key_for(Scope::Confirm, &action);
    Confirm {
        title: Text::SharedEmailTitle.get(cx.lang).into(),
        lines: find::shared_email_question(
            cx.lang,
            &name,
            &holder.to_string(),
            [
                key(Action::Confirm),
                key(Action::OpenExisting),
                key(Action::Cancel),
            ],
        ),
        on_yes: Confirmed::SaveSharedEmail(holder.clone()),
    }
}

fn save_record(form: &Form, accept_weak: bool, cx: &mut Cx) -> Result<Vec<Effect>, FileError> {
    let lang = cx.lang;
    let s = &mut *cx.session;
    let say = |text: Text| Effect::Say(text.get(lang).into());
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
            Ok(vec![
                Effect::Refresh,
                Effect::Select(Kind::Person, id),
                say(text),
            ])
        }
        FormPurpose::StartTrajectory => {
            let started_on = date(form, trajectory::STARTED_ON, true)?;
            let participants = form.field(trajectory::PARTICIPANT).chosen().to_vec();
            if participants.is_empty() {
                return Err(Problem::ParticipantRequired.into());
            }
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
                    participants,
                    requester,
                    started_on,
                },
            )?;
            Ok(vec![
                Effect::Refresh,
                Effect::GoTo(Screen::Trajectories),
                Effect::CloseDetail(Screen::People),
                Effect::CloseDetail(Screen::Trajectories),
                Effect::Select(Kind::Trajectory, id),
                say(Text::TrajectoryStarted),
            ])
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
            let (text, files) = text_and_files(form, attach::TEXT, attach::FILES)?;
            attachments::add_document(
                s,
                &attachments::NewDocument {
                    trajectory: trajectory.clone(),
                    participant,
                    kind,
                    title: form.value(attach::TITLE).into(),
                    body: (!text.trim().is_empty()).then_some(Body::Typed(text)),
                    files,
                },
            )?;
            Ok(vec![
                Effect::Refresh,
                Effect::Open(Kind::Trajectory, trajectory.clone()),
                say(Text::DocumentAttached),
            ])
        }
        FormPurpose::Complete(id) => {
            let on = required_date(form, 0)?;
            let deadline = edit::complete_trajectory(s, id, on)?;
            let days = ui::countdown(lang, (deadline - s.today()).num_days());
            Ok(vec![
                Effect::Refresh,
                Effect::Say(ui::deadline_set(lang, deadline, &days)),
            ])
        }
        FormPurpose::NewTeamReport => {
            let delivered_on = required_date(form, team_report::DELIVERED_ON)?;
            let (text, files) = text_and_files(form, team_report::TEXT, team_report::FILES)?;
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
                body: Body::Typed(text),
            };
            let (id, shown) = attachments::add_team_report(s, &input, &choice, &files)?;
            let shown = match shown {
                Some(password) => {
                    let text = format!(
                        "{}\n\n    {}\n\n{}",
                        Text::PasswordShownOnce.get(lang),
                        &*password,
                        Text::PasswordNoRecovery.get(lang)
                    );
                    Effect::Form(records::keep_password(password, text))
                }
                None => say(Text::TeamReportAdded),
            };
            Ok(vec![
                Effect::Refresh,
                Effect::Select(Kind::TeamReport, id),
                shown,
            ])
        }
        // Saved by `save::breach`, `save::rights` and `save::corrections`.
        FormPurpose::Breach(_)
        | FormPurpose::Rights(_)
        | FormPurpose::Correct(_)
        | FormPurpose::Files(_)
        | FormPurpose::KeepPassword(_)
        | FormPurpose::Backup
        | FormPurpose::Practice
        | FormPurpose::PracticeFirstRun => Ok(Vec::new()),
        FormPurpose::OpenTeamReport(id) => {
            let body = edit::open_team_report(s, id, form.value(0))?;
            let title = s.data.label(Kind::TeamReport, id);
            let mut reader = Reader::new(title, String::new());
            reader.text = body;
            Ok(vec![Effect::Read(reader)])
        }
    }
}
