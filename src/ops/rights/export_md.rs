//! The access export as Markdown that reads well for the person: dates in
//! words, one section per kind of record, texts kept exactly as written in
//! fenced blocks, and the art. 15 information at the end.

use super::export::{AccessExport, Retention};
use crate::domain::records::TrajectoryKind;
use crate::i18n::Lang;
use crate::i18n::access_export::{self as words, Heading, Label};
use crate::i18n::dates::{euro, long_date};
use crate::i18n::ui::Text;
use crate::i18n::ui_phrases::{kind_name, request_kind};
use chrono::NaiveDate;

/// Text inside a Markdown line: one line, with the characters that would
/// start markup escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A block of text kept exactly as written, in a fence longer than any run
/// of fence characters inside it.
fn fenced(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '~' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "~".repeat(longest.max(2) + 1);
    let body = text.trim_end_matches(['\n', '\r']);
    format!("{fence}text\n{body}\n{fence}\n")
}

struct Md {
    out: String,
    t: Lang,
}

impl Md {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.blank();
        self.line(&format!("{} {}", "#".repeat(level), text));
        self.out.push('\n');
    }

    fn item(&mut self, label: &str, value: &str) {
        self.line(&format!("- **{label}:** {value}"));
    }

    fn date_item(&mut self, label: &str, d: Option<NaiveDate>) {
        if let Some(d) = d {
            let v = long_date(self.t, d);
            self.item(label, &v);
        }
    }

    fn retention(&mut self, r: &Retention) {
        let t = self.t;
        let v = match r.deadline {
            Some(d) => words::kept_until(t, &long_date(t, d), &md(&r.rule)),
            None => md(&r.rule),
        };
        self.item(Label::Kept.get(t), &v);
    }
}

/// "coaching" and "training" are the same word in Dutch and English.
fn kind_words(k: TrajectoryKind) -> &'static str {
    match k {
        TrajectoryKind::Coaching => "coaching",
        TrajectoryKind::Training => "training",
    }
}

/// The person's role in a trajectory or quote (`participant` or `requester`).
fn role_words(role: &str, t: Lang) -> &'static str {
    match role {
        "participant" => Text::RoleParticipant,
        _ => Text::RoleRequester,
    }
    .get(t)
}

/// The export as Markdown for the person to read.
pub fn to_markdown(e: &AccessExport) -> String {
    let t = e.lang;
    let mut m = Md {
        out: String::new(),
        t,
    };
    let yes = Label::Yes.get(t);
    let no = Label::No.get(t);
    m.line(&format!("# {}", words::title(t, &md(&e.person.name))));
    m.blank();
    m.line(&words::opening(t, &long_date(t, e.generated_on)));

    let c = &e.information.controller;
    m.heading(2, Heading::Controller.get(t));
    let filled = |v: &str| {
        if v.trim().is_empty() {
            Label::NotFilledIn.get(t).to_string()
        } else {
            md(v)
        }
    };
    m.item(Label::Practice.get(t), &filled(&c.name));
    m.item(Label::Address.get(t), &filled(&c.address));
    m.item(Label::Kvk.get(t), &filled(&c.kvk));
    m.item(Label::Email.get(t), &filled(&c.email));
    m.item(Label::Phone.get(t), &filled(&c.phone));
    m.item(Label::ContactPerson.get(t), &filled(&c.contact_person));
    if let Some(dpo) = &c.dpo {
        m.item(Label::Dpo.get(t), &filled(dpo));
    }

    m.heading(2, Heading::AboutYou.get(t));
    m.item(Label::Name.get(t), &md(&e.person.name));
    if let Some(v) = &e.person.email {
        m.item(Label::EmailAddress.get(t), &md(v));
    }
    if let Some(v) = &e.person.phone {
        m.item(Label::Phone.get(t), &md(v));
    }
    if let Some(v) = &e.person.organisation {
        m.item(Label::Organisation.get(t), &md(v));
    }
    m.date_item(Label::InRecordsSince.get(t), Some(e.person.created_on));
    m.retention(&e.person.retention);

    if !e.trajectories.is_empty() {
        m.heading(2, Heading::Trajectories.get(t));
        for tr in &e.trajectories {
            m.heading(3, &md(&tr.title));
            m.item(Label::Kind.get(t), kind_words(tr.kind));
            let roles: Vec<&str> = tr.roles.iter().map(|r| role_words(r, t)).collect();
            m.item(Label::YourRole.get(t), &roles.join(", "));
            m.date_item(Label::Started.get(t), tr.started_on);
            m.date_item(Label::Completed.get(t), tr.completed_on);
            if tr.shared {
                m.item(Label::WithOthers.get(t), Label::OthersNotShown.get(t));
            }
            m.item(Label::Source.get(t), &md(&tr.source));
            m.retention(&tr.retention);
        }
    }

    if !e.documents.is_empty() {
        m.heading(2, Heading::Documents.get(t));
        for d in &e.documents {
            m.heading(3, &md(&d.title));
            m.item(Label::Kind.get(t), kind_name(t, d.kind.record_kind()));
            if let Some(tr) = e.trajectories.iter().find(|x| x.id == d.trajectory) {
                m.item(Label::Trajectory.get(t), &md(&tr.title));
            }
            m.date_item(Label::MadeOn.get(t), Some(d.created_on));
            m.item(Label::Source.get(t), &md(&d.source));
            m.retention(&d.retention);
            m.blank();
            let block = fenced(&d.body);
            m.out.push_str(&block);
        }
    }

    if !e.quotes.is_empty() {
        m.heading(2, Heading::Quotes.get(t));
        for q in &e.quotes {
            m.heading(3, &words::quote_of(t, &long_date(t, q.sent_on)));
            m.item(Label::YourRole.get(t), role_words(q.role, t));
            m.item(Label::Amount.get(t), &md(&euro(t, &q.amount)));
            m.date_item(Label::Accepted.get(t), q.accepted_on);
            m.date_item(Label::Declined.get(t), q.declined_on);
            if q.restricted {
                m.item(Label::Restricted.get(t), Label::KeptForFiscalDuty.get(t));
            }
            m.item(Label::Source.get(t), &md(&q.source));
            m.retention(&q.retention);
        }
    }

    if !e.contact_requests.is_empty() {
        m.heading(2, Heading::ContactRequests.get(t));
        for c in &e.contact_requests {
            m.heading(
                3,
                &format!(
                    "{} {}",
                    Label::ReceivedOn.get(t),
                    long_date(t, c.received_on)
                ),
            );
            m.item(Label::Name.get(t), &md(&c.name));
            if let Some(v) = &c.email {
                m.item(Label::EmailAddress.get(t), &md(v));
            }
            if let Some(v) = &c.phone {
                m.item(Label::Phone.get(t), &md(v));
            }
            m.date_item(Label::FirstContact.get(t), c.first_contact_on);
            m.item(Label::Source.get(t), &md(&c.source));
            m.retention(&c.retention);
            m.blank();
            let block = fenced(&c.message);
            m.out.push_str(&block);
        }
    }

    if !e.subscriptions.is_empty() || e.unsubscribed.is_some() {
        m.heading(2, Heading::MailingList.get(t));
        for sub in &e.subscriptions {
            m.item(Label::EmailAddress.get(t), &md(&sub.email));
            if let Some(n) = &sub.name {
                m.item(Label::Name.get(t), &md(n));
            }
            m.item(
                Label::SubscribedThrough.get(t),
                words::subscribed_through(t, sub.source),
            );
            m.item(
                Label::Recorded.get(t),
                &md(&crate::i18n::ui::evidence(
                    t,
                    sub.source,
                    &sub.evidence,
                    sub.subscribed_on,
                )),
            );
            m.date_item(Label::SubscribedOn.get(t), Some(sub.subscribed_on));
            m.retention(&sub.retention);
            m.blank();
        }
        if let Some(u) = &e.unsubscribed {
            m.line(&words::unsubscribed(t, &long_date(t, u.suppressed_on)));
        }
    }

    if !e.consents.is_empty() {
        m.heading(2, Heading::Consents.get(t));
        for c in &e.consents {
            m.heading(3, &md(&c.recipient));
            m.item(Label::Purpose.get(t), &md(&c.purpose));
            m.date_item(Label::GivenOn.get(t), Some(c.given_on));
            m.date_item(Label::WithdrawnOn.get(t), c.withdrawn_on);
            m.retention(&c.retention);
        }
    }

    if !e.disclosures.is_empty() {
        m.heading(2, Heading::Disclosures.get(t));
        for d in &e.disclosures {
            m.heading(3, &md(&d.recipient));
            m.item(Label::What.get(t), &md(&d.what));
            m.date_item(Label::On.get(t), Some(d.on));
            m.retention(&d.retention);
        }
    }

    if !e.subject_requests.is_empty() {
        m.heading(2, Heading::Requests.get(t));
        for r in &e.subject_requests {
            m.heading(3, &words::request_of_kind(t, request_kind(r.kind).get(t)));
            m.date_item(Label::ReceivedOn.get(t), Some(r.received_on));
            m.date_item(Label::AnswerDue.get(t), Some(r.due_on));
            if let Some(reason) = &r.extension_reason {
                m.item(Label::ExtendedBecause.get(t), &md(reason));
            }
            m.date_item(Label::HandledOn.get(t), r.handled_on);
            m.retention(&r.retention);
        }
    }

    if !e.complaints.is_empty() {
        m.heading(2, Heading::Complaints.get(t));
        for c in &e.complaints {
            m.heading(3, &words::complaint_of(t, &long_date(t, c.received_on)));
            m.item(Label::Summary.get(t), &md(&c.summary));
            m.date_item(Label::HandledOn.get(t), c.handled_on);
            m.item(
                Label::ReferredToAp.get(t),
                if c.referred_to_ap { yes } else { no },
            );
            m.retention(&c.retention);
        }
    }

    let info = &e.information;
    m.heading(2, Heading::WhatWeDo.get(t));
    m.heading(3, Heading::Purposes.get(t));
    for p in &info.purposes {
        m.line(&format!(
            "- {} {}: {}.",
            md(&p.purpose),
            Label::LegalBasis.get(t),
            md(&p.legal_basis)
        ));
    }
    m.heading(3, Heading::Categories.get(t));
    for c in &info.categories {
        m.line(&format!("- {}", md(c)));
    }
    m.heading(3, Heading::Recipients.get(t));
    for r in &info.recipients {
        m.line(&format!("- {}", md(r)));
    }
    m.heading(3, Heading::Transfers.get(t));
    m.line(&md(&info.transfers));
    m.heading(3, Heading::Retention.get(t));
    m.line(&md(&info.retention));
    m.heading(3, Heading::Sources.get(t));
    for s in &info.sources {
        m.line(&format!("- {}", md(s)));
    }
    m.heading(3, Heading::AutomatedDecisions.get(t));
    m.line(&md(&info.automated_decisions));
    m.heading(3, Heading::Rights.get(t));
    for r in &info.rights {
        m.line(&format!(
            "- {} ({})",
            md(&r.text),
            words::article(t, r.article)
        ));
    }
    m.blank();
    m.line(&md(&info.how_to_use_rights));
    m.heading(3, Heading::MakingAComplaint.get(t));
    m.line(&md(&info.complaint));
    m.blank();
    let a = &info.complaint_authority;
    m.line(&format!("{}  ", a.name));
    m.line(&format!("{}  ", a.address));
    m.line(&format!("{}  ", a.postcode_city));
    m.line(&format!("{}  ", a.website));
    m.line(&format!("{} {}", Label::Phone.get(t), a.phone));
    m.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_escaped_and_fenced() {
        assert_eq!(md("# *a*\n  b_c"), "\\# \\*a\\* b\\_c");
        let block = fenced("a ~~~ b");
        assert!(block.starts_with("~~~~text\n"), "{block}");
        assert!(block.ends_with("\n~~~~\n"), "{block}");
    }
}
