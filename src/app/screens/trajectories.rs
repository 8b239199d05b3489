//! Screen 3: trajectories with their documents. Enter shows a trajectory's
//! documents; completing a trajectory starts their clock.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::keymap::Scope;
use crate::app::list::ListView;
use crate::domain::retention::{Deadline, Deadlines, deadline_of};
use crate::domain::{Dataset, Id, Kind, TrajectoryKind};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct TrajectoryRow {
    pub id: Id,
    pub title: String,
    pub kind: TrajectoryKind,
    pub participants: String,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub documents: usize,
    pub deadline: Deadline,
}

#[derive(Debug, Clone)]
pub struct DocumentRow {
    pub id: Id,
    pub kind: Kind,
    pub title: String,
    pub participant: String,
    pub created_on: NaiveDate,
    pub deadline: Deadline,
}

/// The documents of one trajectory, shown under its details.
#[derive(Debug, Clone)]
pub struct TrajectoryDetail {
    pub id: Id,
    pub list: ListView,
    search: Vec<String>,
}

#[derive(Debug, Default)]
pub struct TrajectoriesScreen {
    pub rows: Vec<TrajectoryRow>,
    search: Vec<String>,
    pub list: ListView,
    /// Documents per trajectory, sorted by deadline then title.
    pub documents: HashMap<Id, Vec<DocumentRow>>,
    pub detail: Option<TrajectoryDetail>,
    detail_page: usize,
}

impl TrajectoriesScreen {
    pub fn refresh(&mut self, data: &Dataset, deadlines: &Deadlines) {
        let name = |id: &Id| data.people.get(id).map_or("—", |p| p.name.as_str());
        let mut documents: HashMap<Id, Vec<DocumentRow>> = HashMap::new();
        for (id, d) in &data.documents {
            let kind = d.kind.record_kind();
            documents
                .entry(d.trajectory.clone())
                .or_default()
                .push(DocumentRow {
                    id: id.clone(),
                    kind,
                    title: d.title.clone(),
                    participant: name(&d.participant).to_string(),
                    created_on: d.created_on,
                    deadline: deadline_of(deadlines, kind, id),
                });
        }
        for docs in documents.values_mut() {
            docs.sort_by(|a, b| (a.deadline, &a.title, &a.id).cmp(&(b.deadline, &b.title, &b.id)));
        }
        let selected = self.list.selected_row().map(|r| self.rows[r].id.clone());
        self.rows = data
            .trajectories
            .iter()
            .map(|(id, t)| TrajectoryRow {
                id: id.clone(),
                title: t.title.clone(),
                kind: t.kind,
                participants: t
                    .participants
                    .iter()
                    .map(&name)
                    .collect::<Vec<_>>()
                    .join(", "),
                started_on: t.started_on,
                completed_on: t.completed_on,
                documents: documents.get(id).map_or(0, Vec::len),
                deadline: deadline_of(deadlines, Kind::Trajectory, id),
            })
            .collect();
        self.rows
            .sort_by(|a, b| (a.deadline, &a.title, &a.id).cmp(&(b.deadline, &b.title, &b.id)));
        self.search = self
            .rows
            .iter()
            .map(|r| format!("{} {} {:?}", r.title, r.participants, r.kind).to_lowercase())
            .collect();
        self.documents = documents;
        self.list.refilter(&self.search);
        if let Some(id) = selected {
            self.select(&id);
        }
        if let Some(detail) = self.detail.take()
            && data.trajectories.contains_key(&detail.id)
        {
            {
                self.open_detail(detail.id.clone());
                if let Some(d) = &mut self.detail {
                    d.list = detail.list;
                    d.list.refilter(&d.search);
                }
            }
        }
    }

    pub fn set_pages(&mut self, list: usize, detail: usize) {
        self.list.set_page(list);
        self.detail_page = detail;
        if let Some(d) = &mut self.detail {
            d.list.set_page(detail);
        }
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|r| r.id == *id) {
            self.list.select_row(pos);
        }
    }

    /// The trajectory under the cursor (or open in the detail).
    pub fn selected(&self) -> Option<&TrajectoryRow> {
        match &self.detail {
            Some(d) => self.rows.iter().find(|r| r.id == d.id),
            None => self.list.selected_row().map(|r| &self.rows[r]),
        }
    }

    /// The document under the cursor in the detail.
    pub fn selected_document(&self) -> Option<&DocumentRow> {
        let d = self.detail.as_ref()?;
        let row = d.list.selected_row()?;
        self.documents.get(&d.id)?.get(row)
    }

    pub fn detail_documents(&self) -> &[DocumentRow] {
        self.detail
            .as_ref()
            .and_then(|d| self.documents.get(&d.id))
            .map_or(&[], Vec::as_slice)
    }

    pub fn open_detail(&mut self, id: Id) {
        let search: Vec<String> = self
            .documents
            .get(&id)
            .map(|docs| {
                docs.iter()
                    .map(|d| format!("{} {}", d.title, d.participant).to_lowercase())
                    .collect()
            })
            .unwrap_or_default();
        let mut list = ListView::default();
        list.set_page(self.detail_page);
        list.refilter(&search);
        self.detail = Some(TrajectoryDetail { id, list, search });
    }

    pub fn search(&self) -> &[String] {
        &self.search
    }

    fn filtering(&self) -> bool {
        match &self.detail {
            Some(d) => d.list.is_filtering(),
            None => self.list.is_filtering(),
        }
    }
}

impl Component for TrajectoriesScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.filtering() {
            &[Scope::FilterInput]
        } else if self.detail.is_some() {
            &[Scope::TrajectoryDetail, Scope::List]
        } else {
            &[Scope::Trajectories, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        if let Some(d) = &mut self.detail {
            let state = d.list.handle(action, &d.search);
            if !state.is_consumed() && *action == Action::Back {
                self.detail = None;
                return EventState::Consumed;
            }
            return state;
        }
        match action {
            Action::Open => match self.list.selected_row() {
                Some(r) => {
                    let id = self.rows[r].id.clone();
                    self.open_detail(id);
                    EventState::Consumed
                }
                None => EventState::NotConsumed,
            },
            _ => self.list.handle(action, &self.search),
        }
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        match &mut self.detail {
            Some(d) => d.list.raw_key(key, &d.search),
            None => self.list.raw_key(key, &self.search),
        }
    }

    fn enabled(&self, action: &Action) -> bool {
        let row = self.selected();
        match action {
            Action::Complete => row.is_some_and(|r| r.completed_on.is_none()),
            Action::Attach | Action::Delete | Action::Open => match &self.detail {
                Some(_) if matches!(action, Action::Open | Action::Delete) => {
                    self.selected_document().is_some()
                }
                _ => row.is_some(),
            },
            _ => true,
        }
    }
}
