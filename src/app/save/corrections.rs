//! Saving the forms that correct a record, through `ops::correct`. A
//! refusal keeps the form open with the refusal shown; success closes it
//! and says where the deadline moved, from when to when.

use crate::app::effect::Effect;
use crate::app::forms::corrections::{
    self as forms, complaint, consent, contact, document, quote, request, subscriber, team_report,
    trajectory,
};
use crate::app::forms::form::Form;
use crate::app::forms::purpose::CorrectForm;
use crate::app::screen_component::Cx;
use crate::domain::{DocumentKind, Id, RequestKind, TrajectoryKind};
use crate::i18n::Lang;
use crate::i18n::corrections::deadline_moved;
use crate::i18n::ui::Text;
use crate::ops::correct::Corrected;
use crate::ops::correct::records::{
    self as correct_records, DocumentCorrection, TeamReportDetails, TrajectoryCorrection,
};
use crate::ops::correct::rights::{
    self as correct_rights, ComplaintCorrection, ConsentCorrection, ContactCorrection,
    QuoteCorrection, RequestCorrection, SubscriberCorrection,
};
use crate::ops::edit::{self, EditError};
use crate::ops::rights::RightsError;
use chrono::NaiveDate;

/// Why a correction was not saved.
enum Failed {
    Edit(EditError),
    Rights(RightsError),
    Problem(Text),
}

impl From<EditError> for Failed {
    fn from(e: EditError) -> Failed {
        Failed::Edit(e)
    }
}

impl From<RightsError> for Failed {
    fn from(e: RightsError) -> Failed {
        Failed::Rights(e)
    }
}

impl Failed {
    fn text(&self, lang: Lang) -> String {
        match self {
            Failed::Edit(e) => e.message(lang),
            Failed::Rights(e) => e.message(lang),
            Failed::Problem(t) => t.get(lang).to_string(),
        }
    }
}

/// What a saved correction does next.
enum Done {
    Corrected(Corrected),
    /// The consent was chosen: its form comes next.
    Next(Form),
}

fn date(form: &Form, field: usize) -> Result<NaiveDate, Failed> {
    edit::parse_date(form.value(field)).ok_or(Failed::Problem(Text::ProblemBadDate))
}

/// An optional date: `None` when the field is empty.
fn optional_date(form: &Form, field: usize) -> Result<Option<NaiveDate>, Failed> {
    if form.value(field).trim().is_empty() {
        return Ok(None);
    }
    date(form, field).map(Some)
}

/// The person picked; `None` when the field is empty, a problem when the
/// typed text matches nobody.
fn optional_person(form: &Form, field: usize) -> Result<Option<Id>, Failed> {
    let f = form.field(field);
    match f.picked() {
        Some(id) => Ok(Some(id.clone())),
        None if f.value().trim().is_empty() => Ok(None),
        None => Err(Failed::Problem(Text::ProblemUnknownPerson)),
    }
}

fn person(form: &Form, field: usize, missing: Text) -> Result<Id, Failed> {
    optional_person(form, field)?.ok_or(Failed::Problem(missing))
}

/// Saves a correction form taken from the top of the stack.
pub fn save(mut form: Form, purpose: &CorrectForm, cx: &mut Cx, out: &mut Vec<Effect>) {
    let lang = cx.lang;
    match correct(&form, purpose, cx) {
        Ok(Done::Corrected(c)) => {
            out.push(Effect::Refresh);
            out.push(Effect::Select(c.kind, c.id.clone()));
            out.push(Effect::Say(match c.moved() {
                Some((from, to)) => deadline_moved(lang, from, to),
                None => Text::Saved.get(lang).to_string(),
            }));
        }
        Ok(Done::Next(next)) => out.push(Effect::Form(next)),
        Err(e) => {
            form.problem = Some(e.text(lang));
            out.push(Effect::Form(form));
        }
    }
}

fn correct(form: &Form, purpose: &CorrectForm, cx: &mut Cx) -> Result<Done, Failed> {
    let s = &mut *cx.session;
    let done = match purpose {
        CorrectForm::Trajectory(id) => {
            let kind = match form.field(trajectory::KIND).choice_index() {
                0 => TrajectoryKind::Coaching,
                _ => TrajectoryKind::Training,
            };
            let c = TrajectoryCorrection {
                kind,
                title: form.value(trajectory::TITLE).into(),
                participants: form.field(trajectory::PARTICIPANTS).chosen().to_vec(),
                requester: optional_person(form, trajectory::REQUESTER)?,
                started_on: optional_date(form, trajectory::STARTED_ON)?,
                completed_on: optional_date(form, trajectory::COMPLETED_ON)?,
            };
            correct_records::correct_trajectory(s, id, &c)?
        }
        CorrectForm::Document { id, participants } => {
            let participant = participants
                .get(form.field(document::PARTICIPANT).choice_index())
                .cloned()
                .ok_or(Failed::Problem(Text::ProblemParticipantRequired))?;
            let kind = match form.field(document::KIND).choice_index() {
                0 => DocumentKind::IndividualReport,
                _ => DocumentKind::QuestionnaireResult,
            };
            let c = DocumentCorrection {
                kind,
                participant,
                title: form.value(document::TITLE).into(),
                body: form.value(document::TEXT).into(),
            };
            correct_records::correct_document(s, id, &c)?
        }
        CorrectForm::TeamReport(id) => {
            let c = TeamReportDetails {
                organisation: form.value(team_report::ORGANISATION).into(),
                team: form.value(team_report::TEAM).into(),
                title: form.value(team_report::TITLE).into(),
                delivered_on: date(form, team_report::DELIVERED_ON)?,
            };
            correct_records::correct_team_report(s, id, &c)?
        }
        CorrectForm::Contact(id) => {
            let c = ContactCorrection {
                name: form.value(contact::NAME).into(),
                email: form.value(contact::EMAIL).into(),
                phone: form.value(contact::PHONE).into(),
                message: form.value(contact::MESSAGE).into(),
                received_on: date(form, contact::RECEIVED_ON)?,
                first_contact_on: optional_date(form, contact::FIRST_CONTACT_ON)?,
            };
            correct_rights::correct_contact(s, id, &c)?
        }
        CorrectForm::Quote(id) => {
            let decided_on = if form.fields.len() > quote::DECIDED_ON {
                Some(date(form, quote::DECIDED_ON)?)
            } else {
                None
            };
            let c = QuoteCorrection {
                requester: person(form, quote::REQUESTER, Text::ProblemRequesterRequired)?,
                participants: form.field(quote::PARTICIPANTS).chosen().to_vec(),
                amount: form.value(quote::AMOUNT).into(),
                sent_on: date(form, quote::SENT_ON)?,
                decided_on,
            };
            correct_rights::correct_quote(s, id, &c)?
        }
        CorrectForm::Subscriber(id) => {
            let c = SubscriberCorrection {
                email: form.value(subscriber::EMAIL).into(),
                name: form.value(subscriber::NAME).into(),
                evidence: form.value(subscriber::EVIDENCE).into(),
                subscribed_on: date(form, subscriber::SUBSCRIBED_ON)?,
            };
            correct_rights::correct_subscriber(s, id, &c)?
        }
        CorrectForm::Consent(id) => {
            let c = ConsentCorrection {
                recipient: form.value(consent::RECIPIENT).into(),
                purpose: form.value(consent::PURPOSE).into(),
                given_on: date(form, consent::GIVEN_ON)?,
                withdrawn_on: optional_date(form, consent::WITHDRAWN_ON)?,
            };
            correct_rights::correct_consent(s, id, &c)?
        }
        CorrectForm::PickConsent(ids) => {
            let id = ids
                .get(form.field(0).choice_index())
                .ok_or(Failed::Problem(Text::ProblemUnknownRecord))?;
            let c = s
                .data
                .consents
                .get(id)
                .ok_or(Failed::Problem(Text::ProblemUnknownRecord))?;
            return Ok(Done::Next(forms::consent(id.clone(), c)));
        }
        CorrectForm::Request(id) => {
            let person = optional_person(form, request::PERSON)?;
            let kind = RequestKind::ALL
                .get(form.field(request::KIND).choice_index())
                .copied()
                .unwrap_or(RequestKind::Access);
            let c = RequestCorrection {
                person,
                kind,
                received_on: date(form, request::RECEIVED_ON)?,
                extension_reason: form.value(request::REASON).into(),
                handled_on: optional_date(form, request::HANDLED_ON)?,
            };
            correct_rights::correct_request(s, id, &c)?
        }
        CorrectForm::Complaint(id) => {
            let c = ComplaintCorrection {
                person: optional_person(form, complaint::PERSON)?,
                summary: form.value(complaint::SUMMARY).into(),
                received_on: date(form, complaint::RECEIVED_ON)?,
                handled_on: optional_date(form, complaint::HANDLED_ON)?,
                referred_to_ap: form.field(complaint::REFERRED).choice_index() == 0,
            };
            correct_rights::correct_complaint(s, id, &c)?
        }
    };
    Ok(Done::Corrected(done))
}
