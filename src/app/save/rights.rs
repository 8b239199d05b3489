//! Saving the forms of screens 5–7 and of a person's rights through
//! `ops::rights`. A refusal keeps the form open with the refusal shown;
//! success closes it. An export to a file that exists asks before it
//! replaces the file.

use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::form::Form;
use crate::app::forms::purpose::RightsForm;
use crate::app::forms::rights::{
    complaint, consent as consent_f, contact, convert as convert_f, csv_export, disclosure, export,
    quote as quote_f, request as request_f, subscriber, withdraw,
};
use crate::app::popup::{Confirm, Reader};
use crate::app::screen_component::Cx;
use crate::domain::records::{RequestKind, Subscriber, SubscriberSource};
use crate::domain::retention::Deadline;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::edit;
use crate::ops::files::{self, WriteError};
use crate::ops::rights::export::{ExportFormat, access_export_with, record_export};
use crate::ops::rights::inquiries::{self, ContactInput, Conversion, Requester};
use crate::ops::rights::quotes::{self, Acceptance, JoinResult, QuoteDraft};
use crate::ops::rights::{RightsError, complaints, consent, mailing, requests};
use chrono::NaiveDate;
use std::path::PathBuf;

/// Why a rights form was not saved.
enum Failed {
    Refused(RightsError),
    Problem(Text),
    /// The export file exists; the coach is asked before it is replaced.
    Exists,
    /// Writing the file failed (the operating system's words).
    Io(String),
}

impl From<RightsError> for Failed {
    fn from(e: RightsError) -> Failed {
        Failed::Refused(e)
    }
}

impl Failed {
    fn text(&self, lang: Lang) -> String {
        match self {
            Failed::Refused(e) => e.message(lang),
            Failed::Problem(t) => t.get(lang).to_string(),
            Failed::Exists => Text::FileExists.get(lang).to_string(),
            Failed::Io(reason) => ui::write_failed(lang, reason),
        }
    }
}

type Saved = Result<Done, Failed>;

/// What happened after a successful save.
enum Done {
    Message(String),
    Read(Reader),
}

impl Done {
    fn effect(self) -> Effect {
        match self {
            Done::Message(m) => Effect::Say(m),
            Done::Read(r) => Effect::Read(r),
        }
    }
}

fn date(form: &Form, field: usize) -> Result<NaiveDate, Failed> {
    edit::parse_date(form.value(field).trim()).ok_or(Failed::Problem(Text::ProblemBadDate))
}

/// The person picked in an optional person field: `None` when the field is
/// empty, a problem when something is typed that matches nobody.
fn optional_person(form: &Form, field: usize) -> Result<Option<Id>, Failed> {
    let f = form.field(field);
    match f.picked() {
        Some(id) => Ok(Some(id.clone())),
        None if f.value().trim().is_empty() => Ok(None),
        None => Err(Failed::Problem(Text::ProblemUnknownPerson)),
    }
}

/// The path typed by the coach; `~/` is their home folder.
fn path(form: &Form, field: usize) -> Result<PathBuf, Failed> {
    form.path(field)
        .ok_or(Failed::Problem(Text::ProblemFileRequired))
}

fn write(path: &std::path::Path, bytes: &[u8], overwrite: bool) -> Result<(), Failed> {
    files::write_private(path, bytes, overwrite).map_err(|e| match e {
        WriteError::Exists => Failed::Exists,
        WriteError::Io(reason) => Failed::Io(reason),
    })
}

/// Days left to a date, as a countdown text.
fn days(lang: Lang, on: NaiveDate, today: NaiveDate) -> String {
    ui::countdown(lang, (on - today).num_days())
}

/// Saves a rights form taken from the top of the stack. `overwrite` is set
/// after the coach confirmed replacing an existing export file.
pub fn save(
    mut form: Form,
    purpose: &RightsForm,
    overwrite: bool,
    cx: &mut Cx,
    out: &mut Vec<Effect>,
) {
    let lang = cx.lang;
    let mut fx = Vec::new();
    match save_rights(&form, purpose, overwrite, cx, &mut fx) {
        Ok(done) => {
            out.extend(fx);
            out.push(done.effect());
        }
        Err(Failed::Exists) => {
            form.problem = None;
            out.push(Effect::Form(form));
            out.push(Effect::Ask(Confirm {
                title: Text::FileExistsTitle.get(lang).into(),
                lines: vec![Text::FileExists.get(lang).into()],
                on_yes: Confirmed::OverwriteFile,
            }));
        }
        Err(e) => {
            form.problem = Some(e.text(lang));
            out.push(Effect::Form(form));
        }
    }
}

/// Saves the form; `fx` gets what to do after a success (rebuild the rows,
/// select the new record).
fn save_rights(
    form: &Form,
    purpose: &RightsForm,
    overwrite: bool,
    cx: &mut Cx,
    fx: &mut Vec<Effect>,
) -> Saved {
    let lang = cx.lang;
    let today = cx.today();
    let s = &mut *cx.session;
    let msg = |t: Text| Ok(Done::Message(t.get(lang).to_string()));
    match purpose {
        RightsForm::NewContact => {
            let input = ContactInput {
                name: form.value(contact::NAME).into(),
                email: form.value(contact::EMAIL).into(),
                phone: form.value(contact::PHONE).into(),
                message: form.value(contact::MESSAGE).into(),
            };
            let on = date(form, contact::RECEIVED_ON)?;
            let id = inquiries::record_contact_request(s, &input, on)?;
            fx.push(Effect::Refresh);
            fx.push(Effect::Select(Kind::ContactRequest, id));
            msg(Text::ContactRecorded)
        }
        RightsForm::FirstContact(id) => {
            inquiries::mark_first_contact(s, id, date(form, 0)?)?;
            let deadline = edit::deadline_of(s, Kind::ContactRequest, id);
            fx.push(Effect::Refresh);
            Ok(Done::Message(deleted_on(
                lang,
                Text::FirstContactRecorded,
                deadline,
                today,
            )))
        }
        RightsForm::Convert(id) => {
            let conv = Conversion {
                requester: Requester::New {
                    organisation: Some(form.value(convert_f::ORGANISATION).to_string()),
                },
                requester_participates: form.field(convert_f::TAKES_PART).choice_index() == 0,
                participants: form.field(convert_f::PARTICIPANT).chosen().to_vec(),
                amount: form.value(convert_f::AMOUNT).into(),
                sent_on: date(form, convert_f::SENT_ON)?,
            };
            let done = inquiries::convert_to_quote(s, id, &conv)?;
            fx.push(Effect::Refresh);
            fx.push(Effect::Select(Kind::Quote, done.quote));
            msg(Text::Converted)
        }
        RightsForm::NewQuote => {
            let requester = form
                .field(quote_f::REQUESTER)
                .picked()
                .cloned()
                .ok_or(Failed::Problem(Text::ProblemRequesterRequired))?;
            let mut participants = Vec::new();
            if form.field(quote_f::TAKES_PART).choice_index() == 0 {
                participants.push(requester.clone());
            }
            participants.extend(form.field(quote_f::PARTICIPANT).chosen().iter().cloned());
            let draft = QuoteDraft {
                requester,
                participants,
                amount: form.value(quote_f::AMOUNT).into(),
                sent_on: date(form, quote_f::SENT_ON)?,
            };
            let id = quotes::new_quote(s, &draft)?;
            fx.push(Effect::Refresh);
            fx.push(Effect::Select(Kind::Quote, id));
            msg(Text::QuoteRecorded)
        }
        RightsForm::AcceptQuote(id) => {
            let acceptance = quotes::accept_quote(s, id, date(form, 0)?)?;
            let deadline = edit::deadline_of(s, Kind::Quote, id);
            fx.push(Effect::Refresh);
            let text = acceptance_text(lang, &acceptance, deadline);
            Ok(Done::Read(Reader::new(
                Text::QuoteAcceptedTitle.get(lang),
                text,
            )))
        }
        RightsForm::DeclineQuote(id) => {
            quotes::decline_quote(s, id, date(form, 0)?)?;
            let deadline = edit::deadline_of(s, Kind::Quote, id);
            fx.push(Effect::Refresh);
            Ok(Done::Message(deleted_on(
                lang,
                Text::QuoteDeclined,
                deadline,
                today,
            )))
        }
        RightsForm::NewSubscriber => {
            let source = match form.field(subscriber::SOURCE).choice_index() {
                0 => SubscriberSource::Webinar,
                1 => SubscriberSource::Ebook,
                _ => SubscriberSource::Manual,
            };
            let sub = Subscriber {
                email: form.value(subscriber::EMAIL).into(),
                name: Some(form.value(subscriber::NAME).to_string()),
                source,
                evidence: form.value(subscriber::EVIDENCE).into(),
                subscribed_on: date(form, subscriber::SUBSCRIBED_ON)?,
            };
            let id = mailing::subscribe(s, sub)?;
            fx.push(Effect::Refresh);
            fx.push(Effect::Select(Kind::Subscriber, id));
            msg(Text::SubscriberAdded)
        }
        RightsForm::ExportMailing => {
            let path = path(form, csv_export::FILE)?;
            let bytes = mailing::csv(&s.data);
            write(&path, &bytes, overwrite)?;
            mailing::record_csv_export(s)?;
            let n = s.data.subscribers.len();
            Ok(Done::Message(ui::mailing_written(
                lang,
                n,
                &path.display().to_string(),
            )))
        }
        RightsForm::NewRequest => {
            let person = form
                .field(request_f::PERSON)
                .picked()
                .cloned()
                .ok_or(Failed::Problem(Text::ProblemPersonRequired))?;
            let kind = RequestKind::ALL
                .get(form.field(request_f::KIND).choice_index())
                .copied()
                .unwrap_or(RequestKind::Access);
            let id = requests::record(s, &person, kind, date(form, request_f::RECEIVED_ON)?)?;
            let due = s
                .data
                .subject_requests
                .get(&id)
                .map(crate::domain::requests::due_on);
            fx.push(Effect::Refresh);
            fx.push(Effect::Select(Kind::SubjectRequest, id));
            Ok(Done::Message(match due {
                Some(due) => {
                    ui::answer_by(lang, Text::RequestRecorded, due, &days(lang, due, today))
                }
                None => Text::RequestRecorded.get(lang).to_string(),
            }))
        }
        RightsForm::ExtendRequest(id) => {
            let due = requests::extend(s, id, form.value(0))?;
            fx.push(Effect::Refresh);
            Ok(Done::Message(ui::answer_by(
                lang,
                Text::RequestExtended,
                due,
                &days(lang, due, today),
            )))
        }
        RightsForm::RequestHandled(id) => {
            requests::mark_handled(s, id, date(form, 0)?)?;
            fx.push(Effect::Refresh);
            msg(Text::MarkedHandled)
        }
        RightsForm::NewComplaint => {
            let person = optional_person(form, complaint::PERSON)?;
            let on = date(form, complaint::RECEIVED_ON)?;
            let id = complaints::record(s, person.as_ref(), form.value(complaint::SUMMARY), on)?;
            fx.push(Effect::Refresh);
            fx.push(Effect::Select(Kind::Complaint, id));
            msg(Text::ComplaintRecorded)
        }
        RightsForm::ComplaintHandled(id) => {
            complaints::mark_handled(s, id, date(form, 0)?)?;
            fx.push(Effect::Refresh);
            msg(Text::MarkedHandled)
        }
        RightsForm::AccessExport(person) => {
            let path = path(form, export::FILE)?;
            let format = if form.field(export::FORMAT).choice_index() == 0 {
                ExportFormat::Markdown
            } else {
                ExportFormat::Json
            };
            // Without names of others found the form has no such field:
            // nothing to replace.
            let redact = form
                .fields
                .get(export::OTHER_NAMES)
                .is_none_or(|f| f.choice_index() == 0);
            let e = access_export_with(s, person, lang, redact)?;
            write(&path, e.render(format).as_bytes(), overwrite)?;
            record_export(s, &e)?;
            let mut lines = vec![ui::export_written(
                lang,
                &path.display().to_string(),
                e.records().len(),
            )];
            if !e.other_names.is_empty() {
                lines.push(String::new());
                lines.push(crate::i18n::export::other_names_found(lang, &e.other_names));
                lines.push(if e.redactions > 0 {
                    crate::i18n::export::redacted(lang, e.redactions)
                } else {
                    crate::i18n::export::kept(lang).to_string()
                });
            }
            for r in requests::of_person(s, person) {
                if r.is_open() && matches!(r.kind, RequestKind::Access | RequestKind::Portability) {
                    lines.push(String::new());
                    lines.push(ui::open_request_reminder(lang, r.due_on));
                }
            }
            // The export names the practice: say what it still lacks.
            let profile = crate::ops::practice::profile(s);
            if let Some(note) = crate::i18n::practice::missing_note(lang, &profile.missing()) {
                lines.push(String::new());
                lines.push(note);
            }
            if lines.len() == 1 {
                return Ok(Done::Message(lines.remove(0)));
            }
            Ok(Done::Read(Reader::new(
                Text::ExportWrittenTitle.get(lang),
                lines.join("\n"),
            )))
        }
        RightsForm::NewConsent(person) => {
            consent::record_consent(
                s,
                person,
                form.value(consent_f::RECIPIENT),
                form.value(consent_f::PURPOSE),
                date(form, consent_f::GIVEN_ON)?,
            )?;
            fx.push(Effect::Refresh);
            msg(Text::ConsentRecorded)
        }
        RightsForm::NewDisclosure { person, recipients } => {
            let recipient = recipients
                .get(form.field(disclosure::CONSENT).choice_index())
                .ok_or(Failed::Problem(Text::ProblemUnknownRecord))?;
            consent::record_disclosure(
                s,
                person,
                recipient,
                form.value(disclosure::WHAT),
                date(form, disclosure::ON)?,
            )?;
            fx.push(Effect::Refresh);
            msg(Text::DisclosureRecorded)
        }
        RightsForm::WithdrawConsent(ids) => {
            let id = ids
                .get(form.field(withdraw::CONSENT).choice_index())
                .ok_or(Failed::Problem(Text::ProblemUnknownRecord))?;
            consent::withdraw_consent(s, id, date(form, withdraw::ON)?)?;
            fx.push(Effect::Refresh);
            msg(Text::ConsentWithdrawn)
        }
    }
}

/// "… Deleted on 2026-12-25 (30 d)."
fn deleted_on(lang: Lang, what: Text, deadline: Deadline, today: NaiveDate) -> String {
    match deadline.date() {
        Some(d) => ui::deleted_on(lang, what, d, &days(lang, d, today)),
        None => what.get(lang).to_string(),
    }
}

/// Who joined the mailing list on acceptance, and who did not and why.
pub fn acceptance_text(lang: Lang, a: &Acceptance, deadline: Deadline) -> String {
    let mut lines = vec![ui::accepted_on(lang, a.accepted_on, deadline.date())];
    lines.push(String::new());
    let joined: Vec<_> = a.joined().collect();
    if joined.is_empty() {
        lines.push(Text::NobodyJoined.get(lang).to_string());
    } else {
        lines.push(Text::JoinedList.get(lang).to_string());
        for j in joined {
            lines.push(format!("  + {}", j.name));
        }
    }
    let not_joined: Vec<_> = a.not_joined().collect();
    if !not_joined.is_empty() {
        lines.push(String::new());
        lines.push(Text::NotJoinedList.get(lang).to_string());
        for j in not_joined {
            let why = match j.result {
                JoinResult::Suppressed => Text::WhySuppressed,
                JoinResult::NoEmail => Text::WhyNoEmail,
                JoinResult::AlreadySubscribed => Text::WhyAlreadySubscribed,
                JoinResult::Added => continue,
            };
            lines.push(format!("  − {}: {}", j.name, why.get(lang)));
        }
    }
    lines.join("\n")
}
