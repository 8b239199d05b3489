//! The detail view of one record: every field with its full text, in a
//! reader that scrolls. Enter opens it on a list whose rows have no detail
//! screen of their own (contact requests, quotes, subscribers, requests,
//! complaints, the records on the To-delete screen). Stored text is shown
//! escaped (`domain::text`): a one-line field with every control character
//! escaped, a long text (a message, a summary, a document) with its line
//! breaks and tabs.

use super::popup::Reader;
use crate::domain::requests;
use crate::domain::retention::Deadline;
use crate::domain::{AnyRecord, Id, Kind, text};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, dates};
use crate::ops::{Session, edit};
use chrono::NaiveDate;

/// Label column width.
const LABEL: usize = 22;

/// The detail view of record `id` of `kind`; `None` when there is none.
pub fn reader(s: &Session, lang: Lang, kind: Kind, id: &Id) -> Option<Reader> {
    let record = s.data.get(kind, id)?;
    let mut v = Lines {
        s,
        lang,
        text: String::new(),
    };
    v.record(&record);
    let deadline = edit::deadline_of(s, kind, id);
    v.deadline(deadline);
    let title = format!(
        "{}: {}",
        capitalised(ui::kind_name(lang, kind)),
        text::escaped(&s.data.label(kind, id))
    );
    Some(Reader::new(title, v.text))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The lines being written, one field a line.
struct Lines<'a> {
    s: &'a Session,
    lang: Lang,
    text: String,
}

impl Lines<'_> {
    fn line(&mut self, label: Text, value: &str) {
        let value = if value.is_empty() { "—" } else { value };
        let label = label.get(self.lang);
        self.text
            .push_str(&format!("{label:<LABEL$} {}\n", text::escaped(value)));
    }

    fn optional(&mut self, label: Text, value: Option<&String>) {
        self.line(label, value.map_or("", String::as_str));
    }

    fn date(&mut self, label: Text, on: Option<NaiveDate>) {
        let lang = self.lang;
        self.line(label, &on.map(|d| dates::date(lang, d)).unwrap_or_default());
    }

    fn yes_no(&mut self, label: Text, yes: bool) {
        let answer = if yes { Text::ChoiceYes } else { Text::ChoiceNo };
        self.line(label, answer.get(self.lang));
    }

    fn people(&mut self, label: Text, ids: &[&Id]) {
        let names: Vec<&str> = ids
            .iter()
            .map(|id| self.s.data.people.get(*id).map_or("—", |p| p.name.as_str()))
            .collect();
        self.line(label, &names.join(", "));
    }

    /// A long text under its label, indented, with its line breaks.
    fn long(&mut self, label: Text, body: &str) {
        self.text.push('\n');
        self.text.push_str(label.get(self.lang));
        self.text.push('\n');
        for l in text::escaped_text(body).lines() {
            self.text.push_str("  ");
            self.text.push_str(l);
            self.text.push('\n');
        }
    }

    /// A date with how far off it is: "05-12-2026 (4 d)".
    fn counted(&self, d: NaiveDate) -> String {
        let days = (d - self.s.today()).num_days();
        format!(
            "{} ({})",
            dates::date(self.lang, d),
            ui::countdown(self.lang, days)
        )
    }

    fn deadline(&mut self, deadline: Deadline) {
        let lang = self.lang;
        let value = match deadline {
            Deadline::On(d) => self.counted(d),
            Deadline::Open => Text::ClockNotStarted.get(lang).to_string(),
            Deadline::Never => Text::KeptForGood.get(lang).to_string(),
        };
        self.text.push('\n');
        self.line(Text::ColDeadline, &value);
    }

    fn record(&mut self, record: &AnyRecord) {
        let lang = self.lang;
        match record {
            AnyRecord::Person(p) => {
                self.line(Text::FieldName, &p.name);
                self.optional(Text::FieldEmail, p.email.as_ref());
                self.optional(Text::FieldPhone, p.phone.as_ref());
                self.optional(Text::FieldOrganisation, p.organisation.as_ref());
                self.date(Text::ColCreated, Some(p.created_on));
            }
            AnyRecord::Trajectory(t) => {
                self.line(Text::FieldKind, ui::trajectory_kind(lang, t.kind));
                self.line(Text::FieldTitle, &t.title);
                self.people(
                    Text::ColParticipants,
                    &t.participants.iter().collect::<Vec<_>>(),
                );
                self.people(
                    Text::FieldRequester,
                    &t.requester.iter().collect::<Vec<_>>(),
                );
                self.date(Text::FieldStartedOn, t.started_on);
                self.date(Text::FieldCompletedOn, t.completed_on);
            }
            AnyRecord::Document(d) => {
                self.line(Text::FieldKind, ui::kind_name(lang, d.kind.record_kind()));
                self.line(Text::FieldTitle, &d.title);
                self.people(Text::FieldParticipant, &[&d.participant]);
                self.date(Text::ColCreated, Some(d.created_on));
                self.long(Text::FieldText, &d.body);
            }
            AnyRecord::TeamReport(r) => {
                self.line(Text::FieldOrganisation, &r.organisation);
                self.line(Text::FieldTeam, &r.team);
                self.line(Text::FieldTitle, &r.title);
                self.date(Text::FieldDeliveredOn, Some(r.delivered_on));
                self.line(Text::FieldText, Text::SealedText.get(lang));
            }
            AnyRecord::ContactRequest(c) => {
                self.line(Text::FieldName, &c.name);
                self.optional(Text::FieldEmail, c.email.as_ref());
                self.optional(Text::FieldPhone, c.phone.as_ref());
                self.date(Text::FieldReceivedOn, Some(c.received_on));
                self.date(Text::FieldFirstContactOn, c.first_contact_on);
                self.long(Text::FieldMessage, &c.message);
            }
            AnyRecord::Quote(q) => {
                self.people(
                    Text::FieldRequester,
                    &q.requester.iter().collect::<Vec<_>>(),
                );
                self.optional(Text::FieldOrganisation, q.requester_organisation.as_ref());
                self.people(
                    Text::ColParticipants,
                    &q.participants.iter().collect::<Vec<_>>(),
                );
                self.line(Text::FieldAmount, &dates::euro(lang, &q.amount));
                self.date(Text::FieldSentOn, Some(q.sent_on));
                self.date(Text::FieldAcceptedOn, q.accepted_on);
                self.date(Text::FieldDeclinedOn, q.declined_on);
                if q.restricted {
                    self.line(Text::ColStatus, Text::QuoteRestricted.get(lang));
                }
            }
            AnyRecord::Subscriber(sub) => {
                self.line(Text::FieldEmail, &sub.email);
                self.optional(Text::FieldName, sub.name.as_ref());
                self.line(Text::FieldSource, ui::source_name(lang, sub.source));
                let evidence = ui::evidence(lang, sub.source, &sub.evidence, sub.subscribed_on);
                self.line(Text::FieldEvidence, &evidence);
                self.date(Text::FieldSubscribedOn, Some(sub.subscribed_on));
            }
            AnyRecord::Suppression(sup) => {
                self.date(Text::FieldUnsubscribedOn, Some(sup.suppressed_on));
            }
            AnyRecord::Consent(c) => {
                self.people(Text::FieldPerson, &[&c.person]);
                self.line(Text::FieldRecipient, &c.recipient);
                self.line(Text::FieldPurpose, &c.purpose);
                self.date(Text::FieldGivenOn, Some(c.given_on));
                self.date(Text::FieldWithdrawnOn, c.withdrawn_on);
            }
            AnyRecord::Disclosure(d) => {
                self.people(Text::FieldPerson, &[&d.person]);
                self.line(Text::FieldRecipient, &d.recipient);
                self.date(Text::FieldGivenOn, Some(d.on));
                self.long(Text::FieldWhat, &d.what);
            }
            AnyRecord::SubjectRequest(r) => {
                self.people(Text::FieldPerson, &r.person.iter().collect::<Vec<_>>());
                self.line(Text::FieldRequestKind, ui::request_kind(r.kind).get(lang));
                self.date(Text::FieldReceivedOn, Some(r.received_on));
                self.optional(Text::FieldExtensionReason, r.extension_reason.as_ref());
                // The answer's clock (art. 12(3)) while it runs.
                if r.handled_on.is_none() {
                    let due = self.counted(requests::due_on(r));
                    self.line(Text::ColDue, &due);
                }
                self.date(Text::FieldHandledOn, r.handled_on);
            }
            AnyRecord::Complaint(c) => {
                self.people(Text::FieldPerson, &c.person.iter().collect::<Vec<_>>());
                self.date(Text::FieldReceivedOn, Some(c.received_on));
                self.date(Text::FieldHandledOn, c.handled_on);
                self.yes_no(Text::FieldReferredToAp, c.referred_to_ap);
                self.long(Text::FieldSummary, &c.summary);
            }
            AnyRecord::Breach(b) => {
                self.line(Text::FieldTitle, &b.title);
                self.line(Text::FieldCategories, &b.data_categories.join(", "));
                self.long(Text::FieldDescription, &b.description);
                self.long(Text::FieldCause, &b.cause);
            }
            AnyRecord::Practice(p) => {
                self.line(Text::FieldName, &p.name);
            }
        }
    }
}
