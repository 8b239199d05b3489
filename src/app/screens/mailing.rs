//! Screen 6: the mailing list, ordered by address, with source and
//! evidence; the unsubscribed addresses only as a count.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::keymap::Scope;
use crate::app::list::ListView;
use crate::domain::records::Subscriber;
use crate::domain::{Dataset, Id};
use crate::ops::rights::mailing;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Default)]
pub struct MailingScreen {
    pub rows: Vec<(Id, Subscriber)>,
    search: Vec<String>,
    pub list: ListView,
    /// How many addresses are on the do-not-add list (keyed hashes only).
    pub suppressed: usize,
}

impl MailingScreen {
    pub fn refresh(&mut self, data: &Dataset) {
        let selected = self.selected().map(|(id, _)| id.clone());
        self.rows = mailing::list(data);
        self.search = self
            .rows
            .iter()
            .map(|(_, s)| {
                format!(
                    "{} {} {} {}",
                    s.email,
                    s.name.as_deref().unwrap_or(""),
                    s.source.name(),
                    s.evidence
                )
                .to_lowercase()
            })
            .collect();
        self.suppressed = data.suppressions.len();
        self.list.refilter(&self.search);
        if let Some(id) = selected {
            self.select(&id);
        }
    }

    pub fn selected(&self) -> Option<&(Id, Subscriber)> {
        self.list.selected_row().map(|r| &self.rows[r])
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|(i, _)| i == id) {
            self.list.select_row(pos);
        }
    }
}

impl Component for MailingScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.list.is_filtering() {
            &[Scope::FilterInput]
        } else {
            &[Scope::Mailing, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        self.list.handle(action, &self.search)
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        self.list.raw_key(key, &self.search)
    }

    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::Unsubscribe => self.selected().is_some(),
            Action::Export => !self.rows.is_empty(),
            _ => true,
        }
    }
}
