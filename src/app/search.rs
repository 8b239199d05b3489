//! The search across records, opened from any screen (`Action::Search`):
//! what is typed narrows the hits (case and accents ignored, as in every
//! filter), ↑/↓ choose one, Enter jumps to it: its screen with the cursor
//! on it, and its detail (a person's, a trajectory's documents, a breach's,
//! or the record's detail view).

use super::action::Action;
use super::component::{Component, EventState};
use super::effect::Effect;
use super::keymap::Scope;
use super::layout::{SEARCH_SIZE, popup_text_rows};
use super::list::ListView;
use super::record_view;
use super::screen::Screen;
use super::search_hits::{self, Hit, Hits};
use crate::domain::{Dataset, Kind};
use crate::i18n::Lang;
use crate::ops::Session;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// Rows of the search popup above its hits: the query, a blank line, the
/// column headers.
pub const ROWS_ABOVE_HITS: u16 = 3;

#[derive(Debug, Clone)]
pub struct SearchView {
    pub hits: Vec<Hit>,
    folded: Vec<String>,
    pub list: ListView,
}

impl SearchView {
    pub fn new(data: &Dataset, lang: Lang) -> SearchView {
        let Hits { hits, folded } = search_hits::hits(data, lang);
        let mut list = ListView::default();
        // The query is typed from the first key.
        list.handle(&Action::Filter, &folded);
        list.refilter(&folded);
        SearchView { hits, folded, list }
    }

    /// What was typed.
    pub fn query(&self) -> &str {
        self.list.filter_text()
    }

    /// Whether there is a query (without one, no hits are shown).
    pub fn searching(&self) -> bool {
        !self.query().trim().is_empty()
    }

    /// The hit under the cursor.
    pub fn chosen(&self) -> Option<&Hit> {
        if !self.searching() {
            return None;
        }
        self.list.selected_row().and_then(|r| self.hits.get(r))
    }

    pub fn fit(&mut self, area: Rect) {
        let rows = popup_text_rows(area, SEARCH_SIZE).saturating_sub(ROWS_ABOVE_HITS);
        self.list.set_page(usize::from(rows.max(1)));
    }
}

impl Component for SearchView {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Search]
    }

    fn handle(&mut self, action: &Action) -> EventState {
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.list.handle(action, &self.folded)
            }
            // Open and Back go to the workspace.
            _ => EventState::NotConsumed,
        }
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        self.list.raw_key(key, &self.folded)
    }

    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::Open => self.chosen().is_some(),
            _ => true,
        }
    }
}

/// What Enter on `hit` does: its screen, the cursor on it, and its detail.
pub fn jump(hit: &Hit, session: &Session, lang: Lang) -> Vec<Effect> {
    let (kind, id) = (hit.kind, hit.id.clone());
    let on = |screen: Screen| {
        vec![
            Effect::GoTo(screen),
            Effect::CloseDetail(screen),
            Effect::Select(kind, id.clone()),
        ]
    };
    let mut out = match kind {
        Kind::Person => on(Screen::People),
        Kind::Trajectory => on(Screen::Trajectories),
        Kind::IndividualReport | Kind::QuestionnaireResult => {
            let Some(doc) = session.data.documents.get(&id) else {
                return Vec::new();
            };
            let trajectory = doc.trajectory.clone();
            return vec![
                Effect::GoTo(Screen::Trajectories),
                Effect::CloseDetail(Screen::Trajectories),
                Effect::Select(Kind::Trajectory, trajectory.clone()),
                Effect::Open(Kind::Trajectory, trajectory),
                Effect::Select(kind, id),
            ];
        }
        Kind::TeamReport => on(Screen::TeamReports),
        Kind::ContactRequest | Kind::Quote => on(Screen::Inquiries),
        Kind::Subscriber => on(Screen::Mailing),
        Kind::SubjectRequest | Kind::Complaint => on(Screen::Requests),
        Kind::Breach => on(Screen::Breaches),
        _ => return Vec::new(),
    };
    match kind {
        Kind::Person | Kind::Trajectory | Kind::Breach => out.push(Effect::Open(kind, id)),
        Kind::TeamReport => {}
        _ => out.extend(record_view::reader(session, lang, kind, &id).map(Effect::Read)),
    }
    out
}
