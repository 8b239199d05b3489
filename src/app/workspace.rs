//! The unlocked app: the session (the decrypted data), the screens, and the
//! popup stack. Dropping it drops the decrypted data.

use super::action::Action;
use super::component::{Component, EventState};
use super::forms::records as forms;
use super::keymap::{self, Binding, Scope};
use super::layout::{self, TRAJECTORY_INFO_ROWS};
use super::popup::{Confirm, Popup, Reader};
use super::screen::Screen;
use super::screens::breaches::BreachesScreen;
use super::screens::overview::Overview;
use super::screens::people::{PeopleScreen, PersonDetail};
use super::screens::requests::{AUTHORITY_ROWS, RequestsScreen};
use super::screens::team_reports::TeamReportsScreen;
use super::screens::to_delete::ToDeleteScreen;
use super::screens::trajectories::TrajectoriesScreen;
use super::screens::{inquiries::InquiriesScreen, mailing::MailingScreen, panes};
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::Session;
use crate::ops::edit;
use crate::ops::purge::{self, Receipt};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

pub struct Workspace {
    pub session: Session,
    pub screen: Screen,
    pub overview: Overview,
    pub people: PeopleScreen,
    pub trajectories: TrajectoriesScreen,
    pub team_reports: TeamReportsScreen,
    pub to_delete: ToDeleteScreen,
    pub breaches: BreachesScreen,
    pub inquiries: InquiriesScreen,
    pub mailing: MailingScreen,
    pub requests: RequestsScreen,
    pub popups: Vec<Popup>,
    /// The last thing that happened, shown in the status line until the next key.
    pub message: Option<String>,
    /// The terminal size.
    area: Rect,
}

impl Workspace {
    pub fn new(session: Session, area: Rect) -> Workspace {
        let overview = Overview::build(&session);
        let mut ws = Workspace {
            session,
            screen: Screen::Overview,
            overview,
            people: PeopleScreen::default(),
            trajectories: TrajectoriesScreen::default(),
            team_reports: TeamReportsScreen::default(),
            to_delete: ToDeleteScreen::default(),
            breaches: BreachesScreen::default(),
            inquiries: InquiriesScreen::default(),
            mailing: MailingScreen::default(),
            requests: RequestsScreen::default(),
            popups: Vec::new(),
            message: None,
            area,
        };
        ws.set_area(area);
        ws.refresh_rows();
        ws
    }

    /// Rebuilds every screen's rows: once per change of the data.
    pub fn refresh(&mut self) {
        self.overview = Overview::build(&self.session);
        self.refresh_rows();
    }

    fn refresh_rows(&mut self) {
        let deadlines = self.session.deadlines();
        self.people.refresh(&self.session.data, &deadlines);
        self.trajectories.refresh(&self.session.data, &deadlines);
        self.team_reports.refresh(&self.session.data, &deadlines);
        self.to_delete.refresh(&self.session, &deadlines);
        self.breaches.refresh(&self.session);
        self.inquiries.refresh(&self.session, &deadlines);
        self.mailing.refresh(&self.session.data);
        self.requests.refresh(&self.session, &deadlines);
    }

    /// Tells the lists how many rows fit.
    pub fn set_area(&mut self, area: Rect) {
        self.area = area;
        for p in &mut self.popups {
            p.fit(area);
        }
        let rows = layout::list_rows(area, 0);
        self.people.list.set_page(rows);
        self.team_reports.list.set_page(rows);
        self.to_delete.list.set_page(layout::list_rows(area, 1));
        self.breaches.list.set_page(rows);
        self.trajectories
            .set_pages(rows, layout::list_rows(area, TRAJECTORY_INFO_ROWS + 1));
        let (top, bottom) = panes::pages(area, 0);
        self.inquiries.lists.set_pages(top, bottom);
        self.mailing.list.set_page(layout::list_rows(area, 1));
        let (top, bottom) = panes::pages(area, AUTHORITY_ROWS);
        self.requests.lists.set_pages(top, bottom);
    }

    /// Opens a popup on top of the stack.
    pub fn push(&mut self, mut popup: Popup) {
        popup.fit(self.area);
        self.popups.push(popup);
    }

    fn screen_component(&mut self) -> Option<&mut dyn Component> {
        match self.screen {
            Screen::People => Some(&mut self.people),
            Screen::Trajectories => Some(&mut self.trajectories),
            Screen::TeamReports => Some(&mut self.team_reports),
            Screen::ToDelete => Some(&mut self.to_delete),
            Screen::Breaches => Some(&mut self.breaches),
            Screen::Inquiries => Some(&mut self.inquiries),
            Screen::Mailing => Some(&mut self.mailing),
            Screen::Requests => Some(&mut self.requests),
            _ => None,
        }
    }

    /// A key: the top popup first, then the screen, then the global keys.
    pub fn event(&mut self, key: &KeyEvent, queue: &mut Vec<Action>) -> EventState {
        if let Some(top) = self.popups.last_mut() {
            top.event(key, queue);
            // Popups are modal.
            return EventState::Consumed;
        }
        if let Some(screen) = self.screen_component()
            && screen.event(key, queue).is_consumed()
        {
            return EventState::Consumed;
        }
        match keymap::resolve(&[Scope::Global], key) {
            Some(a) => {
                queue.push(a);
                EventState::Consumed
            }
            None => EventState::NotConsumed,
        }
    }

    /// The footer: the top popup's commands, or the screen's and the global ones.
    pub fn commands(&self) -> Vec<&'static Binding> {
        let mut out = Vec::new();
        if let Some(top) = self.popups.last() {
            top.commands(&mut out);
            return out;
        }
        match self.screen {
            Screen::People => self.people.commands(&mut out),
            Screen::Trajectories => self.trajectories.commands(&mut out),
            Screen::TeamReports => self.team_reports.commands(&mut out),
            Screen::ToDelete => self.to_delete.commands(&mut out),
            Screen::Breaches => self.breaches.commands(&mut out),
            Screen::Inquiries => self.inquiries.commands(&mut out),
            Screen::Mailing => self.mailing.commands(&mut out),
            Screen::Requests => self.requests.commands(&mut out),
            _ => {}
        }
        out.extend(keymap::bindings(Scope::Global).filter(|b| b.footer));
        out
    }

    /// Carries out an action (Lock and Quit are the app's).
    pub fn apply(&mut self, action: Action, lang: Lang) {
        match action {
            Action::Purge(selection) => return self.purge(&selection, lang),
            Action::DeleteRecords(selection) => return self.delete(&selection, lang),
            Action::AcceptWeakPassword => return self.submit(true, lang),
            Action::UndoStep(id, step) => return self.breach_undo(&id, step, lang),
            Action::OverwriteReport(id, path) => return self.breach_overwrite(&id, &path, lang),
            Action::UnsubscribeSubscriber(_) | Action::Erase(_) | Action::OverwriteFile => {
                return self.apply_confirmed_rights(action, lang);
            }
            _ => {}
        }
        if !self.popups.is_empty() {
            return self.apply_to_popup(action, lang);
        }
        if let Some(screen) = self.screen_component()
            && screen.handle(&action).is_consumed()
        {
            return;
        }
        if self.screen == Screen::Breaches && self.breach_action(&action, lang) {
            return;
        }
        match action {
            Action::GoTo(s) => self.screen = s,
            Action::NextScreen => self.screen = self.screen.next(),
            Action::PrevScreen => self.screen = self.screen.prev(),
            Action::Help => self.push(Popup::Help(help(lang))),
            Action::Open => self.open(lang),
            Action::New => self.new_record(),
            Action::Edit => self.edit(),
            Action::StartTrajectory => self.start_trajectory(),
            Action::Attach => self.attach(lang),
            Action::Complete => self.complete(lang),
            Action::Delete => self.ask_delete(lang),
            Action::DeleteMarked => self.ask_purge(lang),
            Action::Export => self.export(lang),
            action => self.apply_rights(&action, lang),
        }
    }

    fn apply_to_popup(&mut self, action: Action, lang: Lang) {
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        if top.handle(&action).is_consumed() {
            return;
        }
        match action {
            Action::Confirm => {
                if let Some(Popup::Confirm(c)) = self.popups.pop() {
                    self.apply(c.on_yes, lang);
                }
            }
            Action::Cancel | Action::Back => {
                self.popups.pop();
            }
            Action::Submit => self.submit(false, lang),
            _ => {}
        }
    }

    fn say(&mut self, text: Text, lang: Lang) {
        self.message = Some(text.get(lang).to_string());
    }

    fn open(&mut self, lang: Lang) {
        match self.screen {
            Screen::People => {
                if let Some(id) = self.people.selected().cloned() {
                    let deadlines = self.session.deadlines();
                    self.people.detail = PersonDetail::build(&self.session.data, &deadlines, &id);
                }
            }
            Screen::Trajectories => {
                let Some(doc) = self.trajectories.selected_document() else {
                    return;
                };
                if let Some(d) = self.session.data.documents.get(&doc.id) {
                    let title = format!("{} — {}", d.title, doc.participant);
                    self.push(Popup::Reader(Reader::new(title, d.body.clone())));
                }
            }
            Screen::TeamReports => match self.team_reports.selected() {
                Some(r) => {
                    let form = forms::open_team_report(r.id.clone());
                    self.push(Popup::Form(form));
                }
                None => self.say(Text::SelectFirst, lang),
            },
            _ => {}
        }
    }

    fn new_record(&mut self) {
        let today = self.session.today();
        let form = match self.screen {
            Screen::People => forms::new_person(),
            Screen::Trajectories => forms::start_trajectory(self.people.index.clone(), None, today),
            Screen::TeamReports => forms::new_team_report(today),
            _ => return self.new_rights_record(),
        };
        self.push(Popup::Form(form));
    }

    fn edit(&mut self) {
        if self.screen != Screen::People {
            return;
        }
        let Some(id) = self.people.selected().cloned() else {
            return;
        };
        if let Some(p) = self.session.data.people.get(&id) {
            self.push(Popup::Form(forms::edit_person(id, p)));
        }
    }

    fn start_trajectory(&mut self) {
        if self.screen != Screen::People {
            return;
        }
        let person = self.people.selected().cloned();
        let today = self.session.today();
        let form = forms::start_trajectory(self.people.index.clone(), person.as_ref(), today);
        self.push(Popup::Form(form));
    }

    fn attach(&mut self, lang: Lang) {
        let Some(row) = self.trajectories.selected() else {
            return self.say(Text::SelectFirst, lang);
        };
        let Some(t) = self.session.data.trajectories.get(&row.id) else {
            return;
        };
        if t.participants.is_empty() {
            return self.say(Text::ProblemNoParticipants, lang);
        }
        let people = &self.session.data.people;
        let participants = t
            .participants
            .iter()
            .map(|p| {
                (
                    p.clone(),
                    people
                        .get(p)
                        .map_or_else(|| p.to_string(), |p| p.name.clone()),
                )
            })
            .collect();
        self.push(Popup::Form(forms::attach(row.id.clone(), participants)));
    }

    fn complete(&mut self, lang: Lang) {
        match self.trajectories.selected() {
            None => self.say(Text::SelectFirst, lang),
            Some(r) if r.completed_on.is_some() => self.say(Text::ProblemAlreadyCompleted, lang),
            Some(r) => {
                let form = forms::complete(r.id.clone(), self.session.today());
                self.push(Popup::Form(form));
            }
        }
    }

    fn export(&mut self, lang: Lang) {
        self.rights_export(lang);
    }

    /// The record `d` would delete on this screen.
    fn deletable(&self) -> Option<(Kind, Id)> {
        match self.screen {
            Screen::People => self.people.selected().map(|id| (Kind::Person, id.clone())),
            Screen::Trajectories => match &self.trajectories.detail {
                Some(_) => self
                    .trajectories
                    .selected_document()
                    .map(|d| (d.kind, d.id.clone())),
                None => self
                    .trajectories
                    .selected()
                    .map(|r| (Kind::Trajectory, r.id.clone())),
            },
            Screen::TeamReports => self
                .team_reports
                .selected()
                .map(|r| (Kind::TeamReport, r.id.clone())),
            _ => None,
        }
    }

    fn ask_delete(&mut self, lang: Lang) {
        if self.screen == Screen::People {
            return self.ask_erase(lang);
        }
        let Some(record) = self.deletable() else {
            return self.say(Text::SelectFirst, lang);
        };
        let selection = vec![record];
        let preview = edit::delete_preview(&self.session, &selection);
        self.push(Popup::Confirm(Confirm {
            title: Text::ConfirmDeleteTitle.get(lang).into(),
            lines: receipt_lines(lang, &preview, true),
            on_yes: Action::DeleteRecords(selection),
        }));
    }

    fn ask_purge(&mut self, lang: Lang) {
        if self.screen != Screen::ToDelete {
            return;
        }
        let selection = self.to_delete.selection();
        if selection.is_empty() {
            return self.say(Text::MarkFirst, lang);
        }
        let preview = purge::preview(&self.session, &selection);
        self.push(Popup::Confirm(Confirm {
            title: Text::ConfirmPurgeTitle.get(lang).into(),
            lines: receipt_lines(lang, &preview, true),
            on_yes: Action::Purge(selection),
        }));
    }

    fn purge(&mut self, selection: &[(Kind, Id)], lang: Lang) {
        let result = purge::purge(&mut self.session, selection).map_err(edit::EditError::from);
        self.finish_removal(result, lang);
    }

    fn delete(&mut self, selection: &[(Kind, Id)], lang: Lang) {
        let result = edit::delete(&mut self.session, selection);
        self.people.detail = None;
        self.finish_removal(result, lang);
    }

    fn finish_removal(&mut self, result: Result<Receipt, edit::EditError>, lang: Lang) {
        match result {
            Ok(receipt) => {
                self.refresh();
                let text = if receipt.total == 0 {
                    Text::NothingDeleted.get(lang).to_string()
                } else {
                    receipt_lines(lang, &receipt, false).join("\n")
                };
                self.push(Popup::Reader(Reader::new(
                    Text::ReceiptTitle.get(lang),
                    text,
                )));
            }
            Err(e) => self.message = Some(e.message(lang)),
        }
    }
}

/// Kinds, counts and the total of a removal, for the confirmation and the receipt.
pub fn receipt_lines(lang: Lang, r: &Receipt, asking: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if asking {
        lines.push(Text::WillGo.get(lang).to_string());
        lines.push(String::new());
    }
    for (kind, n) in &r.counts {
        lines.push(format!("{n:>6}  {}", ui::kind_name(lang, *kind)));
    }
    lines.push(format!(
        "{:>6}  {}",
        r.total,
        Text::Total.get(lang).to_lowercase()
    ));
    if let Some(d) = r.oldest_deadline {
        lines.push(String::new());
        lines.push(ui::oldest_deadline(lang, &d.to_string()));
    }
    if r.updated > 0 {
        lines.push(ui::kept_with_marker(lang, r.updated));
    }
    lines
}

/// The help popup, generated from the live key table.
fn help(lang: Lang) -> Reader {
    let mut text = String::new();
    for (title, keys, what) in keymap::help_lines(lang) {
        if let Some(t) = title {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&t);
            text.push('\n');
        }
        text.push_str(&format!("  {keys:<22} {what}\n"));
    }
    Reader::new(Text::HelpTitle.get(lang), text)
}
