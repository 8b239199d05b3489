//! Screen 7: subject requests with the one-month clock of GDPR art. 12(3)
//! (open ones first, soonest due first), and the complaint log beside them.
//! ←/→ moves between the two lists.

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
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::Session;
use crate::ops::rights::complaints::{self, ComplaintRow};
use crate::ops::rights::requests::{self, RequestRow};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// Rows under the two lists: the AP's contact details.
pub const AUTHORITY_ROWS: u16 = 3;

#[derive(Debug, Default)]
pub struct RequestsScreen {
    pub requests: Vec<RequestRow>,
    pub complaints: Vec<ComplaintRow>,
    /// Top: the subject requests; bottom: the complaints.
    pub lists: TwoLists,
    pub focus: Pane,
    /// A request's kind is sorted and found by the name shown.
    lang: Lang,
}

impl RequestsScreen {
    /// The rows of `requests::list` and `complaints::list`, in their order.
    fn rebuild(&mut self, s: &Session, deadlines: &Deadlines) {
        let selected_request = self.selected_request().map(|r| r.id.clone());
        let selected_complaint = self.selected_complaint().map(|r| r.id.clone());
        // The clock of a request is its due day, which `requests::list`
        // sorts by; it needs no retention deadlines.
        self.requests = requests::list(s);
        let lang = self.lang;
        self.lists.set_top_search(
            self.requests
                .iter()
                .map(|r| {
                    fold::folded(&format!(
                        "{} {}",
                        r.person_name.as_deref().unwrap_or(""),
                        ui::request_kind(r.kind).get(lang)
                    ))
                })
                .collect(),
        );

        self.complaints = complaints::list(s, deadlines);
        self.lists.set_bottom_search(
            self.complaints
                .iter()
                .map(|c| {
                    fold::folded(&format!(
                        "{} {}",
                        c.person_name.as_deref().unwrap_or(""),
                        c.summary
                    ))
                })
                .collect(),
        );
        self.sort_rows();
        if let Some(id) = selected_request {
            self.select_request(&id);
        }
        if let Some(id) = selected_complaint {
            self.select_complaint(&id);
        }
    }

    /// Orders both lists by the column `s` chose (`app::sort`), in the
    /// order of their columns. Requests: person, kind, received, due,
    /// clock, extended; complaints: person, summary, received, status, AP,
    /// deadline.
    fn sort_rows(&mut self) {
        let (requests, lang) = (&self.requests, self.lang);
        self.lists.sort_top(6, |i, column| {
            let r = &requests[i];
            match column {
                0 => SortKey::text(r.person_name.as_deref().unwrap_or("")),
                1 => SortKey::text(ui::request_kind(r.kind).get(lang)),
                2 => SortKey::Date(Some(r.received_on)),
                3 => SortKey::Date(Some(r.due_on)),
                4 => SortKey::Date(r.handled_on.or(Some(r.due_on))),
                _ => SortKey::text(r.extension_reason.as_deref().unwrap_or("")),
            }
        });
        let complaints = &self.complaints;
        self.lists.sort_bottom(6, |i, column| {
            let c = &complaints[i];
            match column {
                0 => SortKey::text(c.person_name.as_deref().unwrap_or("")),
                1 => SortKey::text(&c.summary),
                2 => SortKey::Date(Some(c.received_on)),
                3 => SortKey::Date(c.handled_on),
                4 => SortKey::Number(i64::from(c.referred_to_ap)),
                _ => SortKey::Deadline(c.deadline),
            }
        });
    }

    pub fn selected_request(&self) -> Option<&RequestRow> {
        self.lists.top.selected_row().map(|r| &self.requests[r])
    }

    pub fn selected_complaint(&self) -> Option<&ComplaintRow> {
        self.lists
            .bottom
            .selected_row()
            .map(|r| &self.complaints[r])
    }

    pub fn select_request(&mut self, id: &Id) {
        if let Some(pos) = self.requests.iter().position(|r| r.id == *id) {
            self.lists.top.select_row(pos);
        }
    }

    pub fn select_complaint(&mut self, id: &Id) {
        if let Some(pos) = self.complaints.iter().position(|r| r.id == *id) {
            self.lists.bottom.select_row(pos);
        }
    }
}

impl Component for RequestsScreen {
    fn scopes(&self) -> &'static [Scope] {
        self.lists.scopes(
            self.focus,
            &[Scope::Requests, Scope::List],
            &[Scope::Complaints, Scope::List],
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
        match (self.focus, action) {
            (Pane::Top, Action::Extend) => self
                .selected_request()
                .is_some_and(|r| r.is_open() && r.extension_reason.is_none()),
            (Pane::Top, Action::MarkHandled) => {
                self.selected_request().is_some_and(RequestRow::is_open)
            }
            (Pane::Bottom, Action::MarkHandled) => self
                .selected_complaint()
                .is_some_and(|c| c.handled_on.is_none()),
            (Pane::Bottom, Action::ToggleReferred | Action::Edit) => {
                self.selected_complaint().is_some()
            }
            (Pane::Top, Action::Edit) => self.selected_request().is_some(),
            _ => true,
        }
    }
}

impl ScreenComponent for RequestsScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[
            Scope::Requests,
            Scope::Complaints,
            Scope::List,
            Scope::FilterInput,
        ]
    }

    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn refresh(&mut self, session: &Session, deadlines: &Deadlines) {
        self.rebuild(session, deadlines);
    }

    fn lists_mut(&mut self) -> Vec<&mut ListView> {
        vec![&mut self.lists.top, &mut self.lists.bottom]
    }

    fn set_area(&mut self, area: Rect) {
        let (top, bottom) = super::panes::pages(area, AUTHORITY_ROWS);
        self.lists.set_pages(top, bottom);
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        let today = cx.today();
        match (action, self.focus) {
            (Action::New, Pane::Top) => {
                out.push(Effect::Form(rights::new_request(cx.people(), None, today)))
            }
            (Action::New, Pane::Bottom) => {
                out.push(Effect::Form(rights::new_complaint(cx.people(), today)))
            }
            (Action::Extend, _) => out.push(match self.selected_request() {
                None => cx.say(Text::SelectFirst),
                Some(r) if !r.is_open() => cx.say(Text::AlreadyHandled),
                Some(r) if r.extension_reason.is_some() => cx.say(Text::AlreadyExtended),
                Some(r) => Effect::Form(rights::extend_request(r.id.clone())),
            }),
            (Action::MarkHandled, Pane::Top) => out.push(match self.selected_request() {
                None => cx.say(Text::SelectFirst),
                Some(r) if !r.is_open() => cx.say(Text::AlreadyHandled),
                Some(r) => Effect::Form(rights::request_handled(r.id.clone(), today)),
            }),
            (Action::MarkHandled, Pane::Bottom) => out.push(match self.selected_complaint() {
                None => cx.say(Text::SelectFirst),
                Some(c) if c.handled_on.is_some() => cx.say(Text::AlreadyHandled),
                Some(c) => Effect::Form(rights::complaint_handled(c.id.clone(), today)),
            }),
            (Action::ToggleReferred, Pane::Bottom) => self.toggle_referred(cx, out),
            (Action::Edit, _) => out.push(
                self.edit_form(cx)
                    .map_or_else(|| cx.say(Text::SelectFirst), Effect::Form),
            ),
            _ => {}
        }
    }

    fn selected_record(&self) -> Option<(Kind, Id)> {
        match self.focus {
            Pane::Top => self
                .selected_request()
                .map(|r| (Kind::SubjectRequest, r.id.clone())),
            Pane::Bottom => self
                .selected_complaint()
                .map(|c| (Kind::Complaint, c.id.clone())),
        }
    }

    fn select_record(&mut self, kind: Kind, id: &Id) {
        match kind {
            Kind::SubjectRequest => {
                self.focus = Pane::Top;
                self.select_request(id);
            }
            Kind::Complaint => {
                self.focus = Pane::Bottom;
                self.select_complaint(id);
            }
            _ => {}
        }
    }
}

impl RequestsScreen {
    /// The correction form of the request or complaint under the cursor.
    fn edit_form(&self, cx: &Cx) -> Option<crate::app::forms::form::Form> {
        let data = &cx.session.data;
        match self.focus {
            Pane::Top => {
                let id = &self.selected_request()?.id;
                let r = data.subject_requests.get(id)?;
                Some(corrections::request(id.clone(), r, cx.people()))
            }
            Pane::Bottom => {
                let id = &self.selected_complaint()?.id;
                let c = data.complaints.get(id)?;
                Some(corrections::complaint(id.clone(), c, cx.people()))
            }
        }
    }

    fn toggle_referred(&self, cx: &mut Cx, out: &mut Vec<Effect>) {
        let Some(c) = self.selected_complaint() else {
            return out.push(cx.say(Text::SelectFirst));
        };
        let (id, referred) = (c.id.clone(), !c.referred_to_ap);
        match complaints::set_referred_to_ap(cx.session, &id, referred) {
            Ok(()) => {
                out.push(Effect::Refresh);
                out.push(cx.say(if referred {
                    Text::ReferredToAp
                } else {
                    Text::NotReferredToAp
                }));
            }
            Err(e) => out.push(Effect::Say(e.message(cx.lang))),
        }
    }
}
