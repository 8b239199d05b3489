//! Screen 5: contact requests with their one-month countdown, and quotes
//! with their state, amount and countdown. ←/→ moves between the two lists.

use super::panes::Pane;
use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::effect::Effect;
use crate::app::forms::{corrections, rights};
use crate::app::keymap::Scope;
use crate::app::list::ListView;
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::app::sort::SortKey;
use crate::app::two_lists::TwoLists;
use crate::domain::fold;
use crate::domain::retention::Deadlines;
use crate::domain::{Id, Kind};
use crate::i18n::ui::Text;
use crate::ops::Session;
use crate::ops::rights::inquiries::{self, InquiryRow};
use crate::ops::rights::quotes::{self, QuoteRow, QuoteState};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// A quote and the names of its participants.
#[derive(Debug, Clone)]
pub struct QuoteLine {
    pub row: QuoteRow,
    pub participants: String,
}

impl QuoteLine {
    pub fn is_open(&self) -> bool {
        self.row.state == QuoteState::Open && !self.row.restricted
    }
}

#[derive(Debug, Default)]
pub struct InquiriesScreen {
    pub contacts: Vec<InquiryRow>,
    pub quotes: Vec<QuoteLine>,
    /// Top: the contact requests; bottom: the quotes.
    pub lists: TwoLists,
    pub focus: Pane,
}

impl InquiriesScreen {
    /// The rows of `inquiries::list` and `quotes::list`, in their order.
    fn rebuild(&mut self, s: &Session, deadlines: &Deadlines) {
        let selected_contact = self.selected_contact().map(|r| r.id.clone());
        let selected_quote = self.selected_quote().map(|q| q.row.id.clone());
        self.contacts = inquiries::list(s, deadlines);
        self.lists.set_top_search(
            self.contacts
                .iter()
                .map(|r| fold::folded(&format!("{} {}", r.name, r.email.as_deref().unwrap_or(""))))
                .collect(),
        );

        let name = |id: &Id| s.data.people.get(id).map_or("—", |p| p.name.as_str());
        self.quotes = quotes::list(s, deadlines)
            .into_iter()
            .map(|row| QuoteLine {
                participants: row
                    .participants
                    .iter()
                    .map(name)
                    .collect::<Vec<_>>()
                    .join(", "),
                row,
            })
            .collect();
        self.lists.set_bottom_search(
            self.quotes
                .iter()
                .map(|q| {
                    fold::folded(&format!(
                        "{} {} {}",
                        q.row.label, q.participants, q.row.amount
                    ))
                })
                .collect(),
        );
        self.sort_rows();
        if let Some(id) = selected_contact {
            self.select_contact(&id);
        }
        if let Some(id) = selected_quote {
            self.select_quote(&id);
        }
    }

    /// Orders both lists by the column `s` chose (`app::sort`), in the
    /// order of their columns. Contact requests: name, e-mail, received,
    /// first contact, deadline; quotes: requester, participants, amount,
    /// sent, status, deadline.
    fn sort_rows(&mut self) {
        let contacts = &self.contacts;
        self.lists.sort_top(5, |i, column| {
            let r = &contacts[i];
            match column {
                0 => SortKey::text(&r.name),
                1 => SortKey::text(r.email.as_deref().unwrap_or("")),
                2 => SortKey::Date(Some(r.received_on)),
                3 => SortKey::Date(r.first_contact_on),
                _ => SortKey::Deadline(r.deadline),
            }
        });
        let quotes = &self.quotes;
        self.lists.sort_bottom(6, |i, column| {
            let q = &quotes[i];
            match column {
                0 => SortKey::text(&q.row.label),
                1 => SortKey::text(&q.participants),
                2 => SortKey::amount(&q.row.amount),
                3 => SortKey::Date(Some(q.row.sent_on)),
                4 => SortKey::Number(match q.row.state {
                    _ if q.row.restricted => 3,
                    QuoteState::Open => 0,
                    QuoteState::Accepted(_) => 1,
                    QuoteState::Declined(_) => 2,
                }),
                _ => SortKey::Deadline(q.row.deadline),
            }
        });
    }

    pub fn selected_contact(&self) -> Option<&InquiryRow> {
        self.lists.top.selected_row().map(|r| &self.contacts[r])
    }

    pub fn selected_quote(&self) -> Option<&QuoteLine> {
        self.lists.bottom.selected_row().map(|r| &self.quotes[r])
    }

    pub fn select_contact(&mut self, id: &Id) {
        if let Some(pos) = self.contacts.iter().position(|r| r.id == *id) {
            self.lists.top.select_row(pos);
        }
    }

    pub fn select_quote(&mut self, id: &Id) {
        if let Some(pos) = self.quotes.iter().position(|q| q.row.id == *id) {
            self.lists.bottom.select_row(pos);
        }
    }
}

impl InquiriesScreen {
    /// The correction form of the contact request or quote under the cursor.
    fn edit_form(&self, cx: &Cx) -> Option<crate::app::forms::form::Form> {
        let data = &cx.session.data;
        match self.focus {
            Pane::Top => {
                let id = &self.selected_contact()?.id;
                Some(corrections::contact(
                    id.clone(),
                    data.contact_requests.get(id)?,
                ))
            }
            Pane::Bottom => {
                let id = &self.selected_quote()?.row.id;
                let q = data.quotes.get(id)?;
                Some(corrections::quote(id.clone(), q, cx.people(), cx.lang))
            }
        }
    }
}

impl Component for InquiriesScreen {
    fn scopes(&self) -> &'static [Scope] {
        self.lists.scopes(
            self.focus,
            &[Scope::Inquiries, Scope::List],
            &[Scope::Quotes, Scope::List],
        )
    }

    fn handle(&mut self, action: &Action) -> EventState {
        let state = self.lists.handle(&mut self.focus, action);
        if self.lists.take_resort() {
            self.sort_rows();
        }
        state
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        self.lists.raw_key(self.focus, key)
    }

    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::FirstContact => self
                .selected_contact()
                .is_some_and(|c| c.first_contact_on.is_none()),
            Action::ConvertToQuote => self.selected_contact().is_some(),
            Action::Edit => match self.focus {
                Pane::Top => self.selected_contact().is_some(),
                Pane::Bottom => self.selected_quote().is_some_and(|q| !q.row.restricted),
            },
            Action::AcceptQuote | Action::DeclineQuote => {
                self.selected_quote().is_some_and(QuoteLine::is_open)
            }
            _ => true,
        }
    }
}

impl ScreenComponent for InquiriesScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[
            Scope::Inquiries,
            Scope::Quotes,
            Scope::List,
            Scope::FilterInput,
        ]
    }

    fn refresh(&mut self, session: &Session, deadlines: &Deadlines) {
        self.rebuild(session, deadlines);
    }

    fn lists_mut(&mut self) -> Vec<&mut ListView> {
        vec![&mut self.lists.top, &mut self.lists.bottom]
    }

    fn set_area(&mut self, area: Rect) {
        let (top, bottom) = super::panes::pages(area, 0);
        self.lists.set_pages(top, bottom);
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        let today = cx.today();
        match action {
            Action::New => out.push(Effect::Form(match self.focus {
                Pane::Top => rights::new_contact(today),
                Pane::Bottom => rights::new_quote(cx.people(), today),
            })),
            Action::Edit => out.push(
                self.edit_form(cx)
                    .map_or_else(|| cx.say(Text::SelectFirst), Effect::Form),
            ),
            Action::FirstContact => out.push(match self.selected_contact() {
                None => cx.say(Text::SelectFirst),
                Some(c) if c.first_contact_on.is_some() => cx.say(Text::AlreadyFirstContact),
                Some(c) => Effect::Form(rights::first_contact(c.id.clone(), today)),
            }),
            Action::ConvertToQuote => out.push(match self.selected_contact() {
                None => cx.say(Text::SelectFirst),
                Some(c) => Effect::Form(rights::convert(c.id.clone(), cx.people(), today)),
            }),
            Action::AcceptQuote | Action::DeclineQuote => out.push(match self.selected_quote() {
                None => cx.say(Text::SelectFirst),
                Some(q) if !q.is_open() => cx.say(Text::QuoteNotOpen),
                Some(q) => {
                    let id = q.row.id.clone();
                    Effect::Form(if *action == Action::AcceptQuote {
                        rights::accept_quote(id, today)
                    } else {
                        rights::decline_quote(id, today)
                    })
                }
            }),
            _ => {}
        }
    }

    fn selected_record(&self) -> Option<(Kind, Id)> {
        match self.focus {
            Pane::Top => self
                .selected_contact()
                .map(|c| (Kind::ContactRequest, c.id.clone())),
            Pane::Bottom => self
                .selected_quote()
                .map(|q| (Kind::Quote, q.row.id.clone())),
        }
    }

    fn select_record(&mut self, kind: Kind, id: &Id) {
        match kind {
            Kind::ContactRequest => {
                self.focus = Pane::Top;
                self.select_contact(id);
            }
            Kind::Quote => {
                self.focus = Pane::Bottom;
                self.select_quote(id);
            }
            _ => {}
        }
    }
}
