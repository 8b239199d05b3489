//! Files in documents and team reports in the UI (DESIGN.md §13.1): the
//! list of a record's files in a popup (`FilesView`), what its keys do
//! (`actions`), and the notice that a decrypted copy is open in a viewer
//! (`CopyNotice`), shown until the coach says they are done.

pub mod actions;

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::keymap::Scope;
use crate::domain::Id;
use crate::ops::Session;
use crate::ops::attachments::{self, FileInfo, FileResult, Owner, TeamKey};
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::rc::Rc;

/// Whose files: a document, or a team report opened with its password
/// (its files key, wiped when the last popup or form holding it goes).
#[derive(Clone)]
pub enum FilesOwner {
    Document(Id),
    TeamReport(Id, Rc<TeamKey>),
}

impl FilesOwner {
    pub fn owner(&self) -> Owner<'_> {
        match self {
            FilesOwner::Document(id) => Owner::Document(id),
            FilesOwner::TeamReport(_, key) => Owner::TeamReport(key),
        }
    }
}

impl std::fmt::Debug for FilesOwner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FilesOwner::Document(id) => write!(f, "Document({id})"),
            FilesOwner::TeamReport(id, _) => write!(f, "TeamReport({id}, <key>)"),
        }
    }
}

impl PartialEq for FilesOwner {
    fn eq(&self, other: &FilesOwner) -> bool {
        match (self, other) {
            (FilesOwner::Document(a), FilesOwner::Document(b)) => a == b,
            (FilesOwner::TeamReport(a, k), FilesOwner::TeamReport(b, l)) => {
                a == b && Rc::ptr_eq(k, l)
            }
            _ => false,
        }
    }
}

impl Eq for FilesOwner {}

/// One file in the list, with the record it belongs to.
#[derive(Debug, Clone)]
pub struct FileRow {
    /// Index into `FilesView::owners`.
    pub owner: usize,
    pub info: FileInfo,
}

/// The files of one record (a document, a team report), or of every
/// document of a person, in a popup.
#[derive(Debug, Clone)]
pub struct FilesView {
    pub title: String,
    /// The records and their titles.
    pub owners: Vec<(FilesOwner, String)>,
    pub rows: Vec<FileRow>,
    pub selected: usize,
}

impl FilesView {
    pub fn new(
        title: String,
        owners: Vec<(FilesOwner, String)>,
        s: &Session,
    ) -> FileResult<FilesView> {
        let mut view = FilesView {
            title,
            owners,
            rows: Vec::new(),
            selected: 0,
        };
        view.relist(s)?;
        Ok(view)
    }

    /// Lists the files again after a change; records that are gone drop out.
    pub fn relist(&mut self, s: &Session) -> FileResult<()> {
        self.owners.retain(|(o, _)| match o {
            FilesOwner::Document(id) => s.data.documents.contains_key(id),
            FilesOwner::TeamReport(id, _) => s.data.team_reports.contains_key(id),
        });
        let mut rows = Vec::new();
        for (i, (owner, _)) in self.owners.iter().enumerate() {
            for info in attachments::list(s, owner.owner())? {
                rows.push(FileRow { owner: i, info });
            }
        }
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub fn selected_row(&self) -> Option<&FileRow> {
        self.rows.get(self.selected)
    }

    /// The record new files go to: the selected file's, or the only one.
    pub fn target(&self) -> Option<&FilesOwner> {
        match (self.selected_row(), self.owners.as_slice()) {
            (Some(row), _) => self.owners.get(row.owner).map(|o| &o.0),
            (None, [(only, _)]) => Some(only),
            _ => None,
        }
    }

    /// Whether the list shows the files of several records.
    pub fn several_records(&self) -> bool {
        self.owners.len() > 1
    }
}

impl Component for FilesView {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Files]
    }

    fn handle(&mut self, action: &Action) -> EventState {
        let last = self.rows.len().saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::First => 0,
            Action::Last => last,
            _ => return EventState::NotConsumed,
        };
        EventState::Consumed
    }

    fn raw_key(&mut self, _key: &KeyEvent) -> EventState {
        EventState::Consumed
    }

    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::Open | Action::Export | Action::Delete => self.selected_row().is_some(),
            Action::Attach => self.target().is_some(),
            _ => true,
        }
    }
}

/// A decrypted copy open in a viewer: where it is, until the coach says
/// they are done (then it is removed).
#[derive(Debug, Clone)]
pub struct CopyNotice {
    pub path: PathBuf,
}

impl Component for CopyNotice {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::DecryptedCopy]
    }

    fn handle(&mut self, _action: &Action) -> EventState {
        EventState::NotConsumed
    }

    fn raw_key(&mut self, _key: &KeyEvent) -> EventState {
        EventState::Consumed
    }
}
