//! Screen 8: the breach register with the 72-hour clock; Enter shows one
//! breach with its checklist and the recommendation of its assessment.
//! Rows and the detail come from `ops::breach` (the rules live there).

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::keymap::Scope;
use crate::app::list::ListView;
use crate::domain::Id;
use crate::domain::breach::ChecklistStep;
use crate::i18n::Lang;
use crate::ops::Session;
use crate::ops::breach::{self, BreachRow, Detail, StepRow};
use ratatui::crossterm::event::KeyEvent;

/// One breach opened: its detail at the last change of the data, and the
/// checklist step under the cursor.
#[derive(Debug, Clone)]
pub struct BreachDetail {
    pub view: Detail,
    /// The language the recommendation's reasons are in.
    pub lang: Lang,
    /// Index into `view.steps`.
    pub cursor: usize,
}

impl BreachDetail {
    pub fn build(s: &Session, id: &Id, lang: Lang) -> Option<BreachDetail> {
        breach::detail(s, id).ok().map(|view| {
            let cursor = view
                .next_step
                .and_then(|n| view.steps.iter().position(|r| r.step == n))
                .unwrap_or(0);
            BreachDetail { view, lang, cursor }
        })
    }

    pub fn id(&self) -> &Id {
        &self.view.id
    }

    pub fn selected(&self) -> Option<&StepRow> {
        self.view.steps.get(self.cursor)
    }

    pub fn selected_step(&self) -> Option<ChecklistStep> {
        self.selected().map(|r| r.step)
    }

    fn handle(&mut self, action: &Action) -> EventState {
        let last = self.view.steps.len().saturating_sub(1);
        self.cursor = match action {
            Action::Up => self.cursor.saturating_sub(1),
            Action::Down => (self.cursor + 1).min(last),
            Action::First => 0,
            Action::Last => last,
            _ => return EventState::NotConsumed,
        };
        EventState::Consumed
    }
}

#[derive(Debug, Default)]
pub struct BreachesScreen {
    /// In the order of `ops::breach::list`: running clocks first.
    pub rows: Vec<BreachRow>,
    search: Vec<String>,
    pub list: ListView,
    pub detail: Option<BreachDetail>,
}

impl BreachesScreen {
    pub fn refresh(&mut self, s: &Session) {
        let selected = self.selected_id().cloned();
        self.rows = breach::list(s);
        self.search = self
            .rows
            .iter()
            .map(|r| format!("{} {}", r.title, r.id).to_lowercase())
            .collect();
        self.list.refilter(&self.search);
        if let Some(id) = selected {
            self.select(&id);
        }
        if let Some(d) = self.detail.take() {
            self.detail = BreachDetail::build(s, d.id(), d.lang).map(|mut new| {
                new.cursor = d.cursor.min(new.view.steps.len().saturating_sub(1));
                new
            });
        }
    }

    /// Opens the detail of breach `id` (and puts the list cursor on it).
    pub fn open(&mut self, s: &Session, id: &Id, lang: Lang) {
        self.select(id);
        self.detail = BreachDetail::build(s, id, lang);
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|r| r.id == *id) {
            self.list.select_row(pos);
        }
    }

    /// The breach open in the detail, or under the list cursor.
    pub fn selected_id(&self) -> Option<&Id> {
        match &self.detail {
            Some(d) => Some(d.id()),
            None => self.list.selected_row().map(|r| &self.rows[r].id),
        }
    }

    pub fn search(&self) -> &[String] {
        &self.search
    }
}

impl Component for BreachesScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.list.is_filtering() {
            &[Scope::FilterInput]
        } else if self.detail.is_some() {
            &[Scope::BreachDetail]
        } else {
            &[Scope::Breaches, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        if let Some(d) = &mut self.detail {
            if *action == Action::Back {
                self.detail = None;
                return EventState::Consumed;
            }
            return d.handle(action);
        }
        self.list.handle(action, &self.search)
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        if self.detail.is_some() {
            return EventState::NotConsumed;
        }
        self.list.raw_key(key, &self.search)
    }

    fn enabled(&self, action: &Action) -> bool {
        let step = self.detail.as_ref().and_then(BreachDetail::selected);
        match action {
            Action::Tick => step.is_some_and(|r| r.done_at.is_none()),
            Action::Untick => step.is_some_and(|r| r.done_at.is_some()),
            Action::Open | Action::Edit | Action::Export => self.selected_id().is_some(),
            _ => true,
        }
    }
}
