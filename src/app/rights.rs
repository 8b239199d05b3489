//! The workspace's actions on screens 5–7 and on a person's rights: opening
//! their forms, the confirmations (unsubscribe, erasure, overwriting a
//! file), and carrying out what was confirmed. The rules are in
//! `ops::rights`; this only calls them.

use super::action::Action;
use super::forms::rights as forms;
use super::popup::{Confirm, Popup, Reader};
use super::screen::Screen;
use super::screens::panes::Pane;
use super::workspace::Workspace;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::rights::erase::{self, ErasureReceipt, KeptReason};
use crate::ops::rights::{complaints, consent, mailing};
use std::collections::BTreeMap;

impl Workspace {
    fn tell(&mut self, text: Text, lang: Lang) {
        self.message = Some(text.get(lang).to_string());
    }

    /// Actions of screens 5–7 and of a person's rights.
    pub(super) fn apply_rights(&mut self, action: &Action, lang: Lang) {
        let today = self.session.today();
        match (self.screen, action) {
            (Screen::Inquiries, Action::FirstContact) => match self.inquiries.selected_contact() {
                None => self.tell(Text::SelectFirst, lang),
                Some(c) if c.first_contact_on.is_some() => {
                    self.tell(Text::AlreadyFirstContact, lang)
                }
                Some(c) => self.push(Popup::Form(forms::first_contact(c.id.clone(), today))),
            },
            (Screen::Inquiries, Action::ConvertToQuote) => {
                match self.inquiries.selected_contact() {
                    None => self.tell(Text::SelectFirst, lang),
                    Some(c) => {
                        let form = forms::convert(c.id.clone(), self.people.index.clone(), today);
                        self.push(Popup::Form(form));
                    }
                }
            }
            (Screen::Inquiries, Action::AcceptQuote | Action::DeclineQuote) => {
                match self.inquiries.selected_quote() {
                    None => self.tell(Text::SelectFirst, lang),
                    Some(q) if !q.is_open() => self.tell(Text::QuoteNotOpen, lang),
                    Some(q) => {
                        let id = q.row.id.clone();
                        let form = if *action == Action::AcceptQuote {
                            forms::accept_quote(id, today)
                        } else {
                            forms::decline_quote(id, today)
                        };
                        self.push(Popup::Form(form));
                    }
                }
            }
            (Screen::Mailing, Action::Unsubscribe) => self.ask_unsubscribe(lang),
            (Screen::Requests, Action::Extend) => match self.requests.selected_request() {
                None => self.tell(Text::SelectFirst, lang),
                Some(r) if !r.is_open() => self.tell(Text::AlreadyHandled, lang),
                Some(r) if r.extension_reason.is_some() => self.tell(Text::AlreadyExtended, lang),
                Some(r) => self.push(Popup::Form(forms::extend_request(r.id.clone()))),
            },
            (Screen::Requests, Action::MarkHandled) => self.ask_handled(lang),
            (Screen::Requests, Action::ToggleReferred) => self.toggle_referred(lang),
            (Screen::People, Action::RecordConsent) => {
                if let Some(id) = self.people.selected().cloned() {
                    self.push(Popup::Form(forms::new_consent(id, today)));
                }
            }
            (Screen::People, Action::WithdrawConsent) => self.ask_withdraw(lang),
            (Screen::People, Action::RecordRequest) => {
                let person = self.people.selected().cloned();
                let form = forms::new_request(self.people.index.clone(), person.as_ref(), today);
                self.push(Popup::Form(form));
            }
            _ => {}
        }
    }

    /// `n` on screens 5–7.
    pub(super) fn new_rights_record(&mut self) {
        let today = self.session.today();
        let people = self.people.index.clone();
        let form = match (self.screen, self.inquiries.focus, self.requests.focus) {
            (Screen::Inquiries, Pane::Top, _) => forms::new_contact(today),
            (Screen::Inquiries, Pane::Bottom, _) => forms::new_quote(people, today),
            (Screen::Mailing, _, _) => forms::new_subscriber(today),
            (Screen::Requests, _, Pane::Top) => forms::new_request(people, None, today),
            (Screen::Requests, _, Pane::Bottom) => forms::new_complaint(people, today),
            _ => return,
        };
        self.push(Popup::Form(form));
    }

    /// `x`: the access export of the selected person, or the mailing list's CSV.
    pub(super) fn rights_export(&mut self, lang: Lang) {
        match self.screen {
            Screen::People => match self.people.selected() {
                Some(id) => {
                    let form = forms::access_export(id.clone());
                    self.push(Popup::Form(form));
                }
                None => self.tell(Text::SelectFirst, lang),
            },
            Screen::Mailing if self.mailing.rows.is_empty() => self.tell(Text::NoSubscribers, lang),
            Screen::Mailing => self.push(Popup::Form(forms::export_mailing())),
            _ => {}
        }
    }

    fn ask_unsubscribe(&mut self, lang: Lang) {
        let Some((id, sub)) = self.mailing.selected() else {
            return self.tell(Text::SelectFirst, lang);
        };
        self.push(Popup::Confirm(Confirm {
            title: Text::ConfirmUnsubscribeTitle.get(lang).into(),
            lines: vec![
                sub.email.clone(),
                String::new(),
                Text::UnsubscribeExplained.get(lang).into(),
            ],
            on_yes: Action::UnsubscribeSubscriber(id.clone()),
        }));
    }

    fn ask_handled(&mut self, lang: Lang) {
        let today = self.session.today();
        let form = match self.requests.focus {
            Pane::Top => match self.requests.selected_request() {
                None => return self.tell(Text::SelectFirst, lang),
                Some(r) if !r.is_open() => return self.tell(Text::AlreadyHandled, lang),
                Some(r) => forms::request_handled(r.id.clone(), today),
            },
            Pane::Bottom => match self.requests.selected_complaint() {
                None => return self.tell(Text::SelectFirst, lang),
                Some(c) if c.handled_on.is_some() => {
                    return self.tell(Text::AlreadyHandled, lang);
                }
                Some(c) => forms::complaint_handled(c.id.clone(), today),
            },
        };
        self.push(Popup::Form(form));
    }

    fn toggle_referred(&mut self, lang: Lang) {
        if self.requests.focus != Pane::Bottom {
            return;
        }
        let Some(c) = self.requests.selected_complaint() else {
            return self.tell(Text::SelectFirst, lang);
        };
        let (id, referred) = (c.id.clone(), !c.referred_to_ap);
        match complaints::set_referred_to_ap(&mut self.session, &id, referred) {
            Ok(()) => {
                self.refresh();
                let text = if referred {
                    Text::ReferredToAp
                } else {
                    Text::NotReferredToAp
                };
                self.tell(text, lang);
            }
            Err(e) => self.message = Some(e.message(lang)),
        }
    }

    fn ask_withdraw(&mut self, lang: Lang) {
        let Some(person) = self.people.selected().cloned() else {
            return self.tell(Text::SelectFirst, lang);
        };
        let active: Vec<(Id, String)> = consent::consents_of(&self.session.data, &person)
            .into_iter()
            .filter(|(_, c)| consent::is_active(c))
            .map(|(id, c)| {
                (
                    id,
                    format!("{} — {} ({})", c.recipient, c.purpose, c.given_on),
                )
            })
            .collect();
        if active.is_empty() {
            return self.tell(Text::NoActiveConsents, lang);
        }
        let today = self.session.today();
        self.push(Popup::Form(forms::withdraw_consent(active, today)));
    }

    /// `d` on a person: the erasure, after a confirmation that lists what
    /// goes and what stays, and why.
    pub(super) fn ask_erase(&mut self, lang: Lang) {
        let Some(person) = self.people.selected().cloned() else {
            return self.tell(Text::SelectFirst, lang);
        };
        match erase::plan_erasure(&self.session, &person) {
            Ok(plan) => self.push(Popup::Confirm(Confirm {
                title: format!(
                    "{} {}",
                    Text::ConfirmEraseTitle.get(lang),
                    self.session.data.label(Kind::Person, &person)
                ),
                lines: erasure_lines(lang, &plan.receipt, true),
                on_yes: Action::Erase(person),
            })),
            Err(e) => self.message = Some(e.message(lang)),
        }
    }

    /// Carries out what a rights confirmation said yes to.
    pub(super) fn apply_confirmed_rights(&mut self, action: Action, lang: Lang) {
        match action {
            Action::UnsubscribeSubscriber(id) => {
                match mailing::unsubscribe_subscriber(&mut self.session, &id) {
                    Ok(_) => {
                        self.refresh();
                        self.message = Some(ui::unsubscribed(lang, self.mailing.suppressed));
                    }
                    Err(e) => self.message = Some(e.message(lang)),
                }
            }
            Action::Erase(id) => match erase::erase(&mut self.session, &id) {
                Ok(receipt) => {
                    self.people.detail = None;
                    self.refresh();
                    let text = erasure_lines(lang, &receipt, false).join("\n");
                    self.push(Popup::Reader(Reader::new(
                        Text::ErasedTitle.get(lang),
                        text,
                    )));
                }
                Err(e) => self.message = Some(e.message(lang)),
            },
            Action::OverwriteFile => {
                if let Some(Popup::Form(form)) = self.popups.pop() {
                    self.submit_rights(form, true, lang);
                }
            }
            _ => {}
        }
    }
}

/// What an erasure removes (kinds and counts) and what stays and why, for
/// the confirmation (`asking`) and the receipt.
pub fn erasure_lines(lang: Lang, r: &ErasureReceipt, asking: bool) -> Vec<String> {
    let mut lines = vec![
        if asking { Text::WillGo } else { Text::HasGone }
            .get(lang)
            .to_string(),
        String::new(),
    ];
    for (kind, n) in &r.deleted {
        lines.push(format!("{n:>6}  {}", ui::kind_name(lang, *kind)));
    }
    lines.push(format!(
        "{:>6}  {}",
        r.total_deleted,
        Text::Total.get(lang).to_lowercase()
    ));
    lines.push(String::new());
    if r.kept.is_empty() {
        lines.push(Text::NothingStays.get(lang).to_string());
    } else {
        lines.push(Text::WhatStays.get(lang).to_string());
        let mut groups: BTreeMap<(KeptReason, Kind), usize> = BTreeMap::new();
        for k in &r.kept {
            *groups.entry((k.reason, k.kind)).or_default() += 1;
        }
        for ((reason, kind), n) in groups {
            lines.push(format!(
                "{n:>6}  {}: {}",
                ui::kind_name(lang, kind),
                reason.explain(lang)
            ));
        }
    }
    if r.requests_handled > 0 {
        lines.push(String::new());
        lines.push(ui::erasure_requests_handled(lang, r.requests_handled));
    }
    lines
}
