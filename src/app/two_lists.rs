//! The two lists of a two-list screen (5 and 7) with their search texts:
//! ←/→ moves between them, the other keys go to the one in focus. Which
//! one has the keys (`Pane`) stays a field of the screen, that the app
//! sets after a form and the tests read.

use super::action::Action;
use super::component::EventState;
use super::keymap::Scope;
use super::list::ListView;
use super::screens::panes::Pane;
use super::sort::SortKey;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Default)]
pub struct TwoLists {
    pub top: ListView,
    top_search: Vec<String>,
    pub bottom: ListView,
    bottom_search: Vec<String>,
}

impl TwoLists {
    /// New search texts for the top list (one lowercase text per row), and
    /// the filter applied to them.
    pub fn set_top_search(&mut self, search: Vec<String>) {
        self.top_search = search;
        self.top.refilter(&self.top_search);
    }

    /// As `set_top_search`, for the bottom list.
    pub fn set_bottom_search(&mut self, search: Vec<String>) {
        self.bottom_search = search;
        self.bottom.refilter(&self.bottom_search);
    }

    /// Orders the top list by the column `s` chose (`app::sort`).
    pub fn sort_top(&mut self, columns: usize, key: impl Fn(usize, usize) -> SortKey) {
        self.top.sort_rows(&self.top_search, columns, key);
    }

    /// As `sort_top`, for the bottom list.
    pub fn sort_bottom(&mut self, columns: usize, key: impl Fn(usize, usize) -> SortKey) {
        self.bottom.sort_rows(&self.bottom_search, columns, key);
    }

    /// Whether a list asked to be ordered again (`s` was pressed).
    pub fn take_resort(&mut self) -> bool {
        let top = self.top.take_resort();
        self.bottom.take_resort() || top
    }

    pub fn set_pages(&mut self, top: usize, bottom: usize) {
        self.top.set_page(top);
        self.bottom.set_page(bottom);
    }

    pub fn list(&self, pane: Pane) -> &ListView {
        match pane {
            Pane::Top => &self.top,
            Pane::Bottom => &self.bottom,
        }
    }

    fn list_mut(&mut self, pane: Pane) -> (&mut ListView, &[String]) {
        match pane {
            Pane::Top => (&mut self.top, &self.top_search),
            Pane::Bottom => (&mut self.bottom, &self.bottom_search),
        }
    }

    /// Whether a filter is being typed in either list.
    pub fn filtering(&self) -> bool {
        self.top.is_filtering() || self.bottom.is_filtering()
    }

    /// The key scopes: the filter's while one is typed, else those of the
    /// list in focus.
    pub fn scopes(
        &self,
        focus: Pane,
        top: &'static [Scope],
        bottom: &'static [Scope],
    ) -> &'static [Scope] {
        if self.filtering() {
            &[Scope::FilterInput]
        } else if focus == Pane::Top {
            top
        } else {
            bottom
        }
    }

    /// `OtherPane` moves the focus; the rest goes to the list in focus.
    pub fn handle(&mut self, focus: &mut Pane, action: &Action) -> EventState {
        if *action == Action::OtherPane {
            // Not while a filter is being typed: it belongs to this list.
            if !self.filtering() {
                *focus = focus.other();
            }
            return EventState::Consumed;
        }
        let (list, search) = self.list_mut(*focus);
        list.handle(action, search)
    }

    /// Typing in the filter of the list in focus.
    pub fn raw_key(&mut self, focus: Pane, key: &KeyEvent) -> EventState {
        let (list, search) = self.list_mut(focus);
        list.raw_key(key, search)
    }
}
