//! The state of one scrolling list: selection, scroll offset, and the text
//! filter. The rows themselves belong to the screen; the list keeps the
//! indices of the rows the filter lets through, in the screen's order.

use super::action::Action;
use super::component::EventState;
use super::input::TextInput;
use super::sort::{self, Sort, SortKey};
use crate::domain::fold;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// How a list is arranged, apart from its rows: the sort and the column
/// cursor. It holds no data, so it outlives a lock (`unlock::Resume`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Arrangement {
    sort: Option<Sort>,
    column: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ListView {
    selected: usize,
    offset: usize,
    /// Rows that fit on the screen (set from the terminal size).
    page: usize,
    filter: TextInput,
    filtering: bool,
    visible: Vec<usize>,
    /// How many rows there are, filtered or not.
    rows: usize,
    /// The rows in the order shown (`app::sort`): the screen's own order,
    /// or sorted by a column.
    order: Vec<usize>,
    sort: Option<Sort>,
    /// The column under the column cursor, of `columns`.
    column: usize,
    columns: usize,
    /// `s` or a new sort asked for: the screen orders its rows again.
    resort: bool,
}

impl ListView {
    /// Re-applies the filter to `search` (one text per row, `fold::folded`) and
    /// keeps the selection in range.
    pub fn refilter(&mut self, search: &[String]) {
        let needle = fold::folded(self.filter.value());
        let needle = needle.trim();
        self.rows = search.len();
        if self.order.len() != self.rows {
            self.order = (0..self.rows).collect();
        }
        self.visible = if needle.is_empty() {
            self.order.clone()
        } else {
            self.order
                .iter()
                .copied()
                .filter(|&i| search[i].contains(needle))
                .collect()
        };
        self.clamp();
    }

    /// Orders the rows by the sort in effect, `key(row, column)` giving each
    /// cell's key, and re-applies the filter; the cursor stays on its row.
    /// `columns`: how many columns the column cursor moves over.
    pub fn sort_rows(
        &mut self,
        search: &[String],
        columns: usize,
        key: impl Fn(usize, usize) -> SortKey,
    ) {
        self.resort = false;
        self.columns = columns;
        self.column = self.column.min(columns.saturating_sub(1));
        if self.sort.is_some_and(|s| s.column >= columns) {
            self.sort = None;
        }
        let at = self.selected_row();
        self.order = sort::order(search.len(), self.sort, key);
        self.refilter(search);
        if let Some(row) = at {
            self.select_row(row);
        }
    }

    /// Whether the rows must be ordered again (`sort_rows`): `s` was pressed.
    pub fn take_resort(&mut self) -> bool {
        std::mem::take(&mut self.resort)
    }

    /// The sort in effect (`None`: the screen's own order).
    pub fn sort(&self) -> Option<Sort> {
        self.sort
    }

    /// The column under the column cursor.
    pub fn column(&self) -> usize {
        self.column
    }

    /// The sort and the column cursor, to come back to after a lock.
    pub fn arrangement(&self) -> Arrangement {
        Arrangement {
            sort: self.sort,
            column: self.column,
        }
    }

    /// Puts back a sort and column cursor; the screen orders its rows by
    /// them at its next `sort_rows` (which keeps both within its columns).
    pub fn arrange(&mut self, a: Arrangement) {
        self.sort = a.sort;
        self.column = a.column;
    }

    pub fn set_page(&mut self, page: usize) {
        self.page = page.max(1);
        self.clamp();
    }

    fn clamp(&mut self) {
        let n = self.visible.len();
        self.selected = self.selected.min(n.saturating_sub(1));
        let page = self.page.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(n.saturating_sub(page));
    }

    /// The row index (into the screen's rows) under the cursor.
    pub fn selected_row(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// The position of the cursor among the visible rows.
    pub fn cursor(&self) -> usize {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The rows on screen now: (position among visible, row index).
    pub fn window(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.visible
            .iter()
            .copied()
            .enumerate()
            .skip(self.offset)
            .take(self.page.max(1))
    }

    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    pub fn filter_text(&self) -> &str {
        self.filter.value()
    }

    pub fn is_filtering(&self) -> bool {
        self.filtering
    }

    /// Puts the cursor on the row with index `row`. A row the filter hides
    /// clears the filter first: the coach asked for that row (a search hit,
    /// a record just saved).
    pub fn select_row(&mut self, row: usize) {
        if row >= self.rows {
            return;
        }
        if !self.visible.contains(&row) {
            self.filtering = false;
            self.filter.clear();
            self.visible = self.order.clone();
        }
        if let Some(pos) = self.visible.iter().position(|r| *r == row) {
            self.selected = pos;
            self.clamp();
        }
    }

    fn move_to(&mut self, pos: usize) {
        self.selected = pos;
        self.clamp();
    }

    /// Movement, starting and clearing the filter.
    pub fn handle(&mut self, action: &Action, search: &[String]) -> EventState {
        let last = self.visible.len().saturating_sub(1);
        let page = self.page.max(1);
        match action {
            Action::Up => self.move_to(self.selected.saturating_sub(1)),
            Action::Down => self.move_to((self.selected + 1).min(last)),
            Action::PageUp => self.move_to(self.selected.saturating_sub(page)),
            Action::PageDown => self.move_to((self.selected + page).min(last)),
            Action::First => self.move_to(0),
            Action::Last => self.move_to(last),
            Action::Filter => self.filtering = true,
            Action::ColumnLeft => self.column = self.column.saturating_sub(1),
            Action::ColumnRight => {
                self.column = (self.column + 1).min(self.columns.saturating_sub(1));
            }
            Action::Sort => {
                self.sort = Sort::next(self.sort, self.column);
                self.resort = true;
            }
            // Enter keeps the filter and goes back to the list.
            Action::Confirm if self.filtering => self.filtering = false,
            Action::Cancel | Action::Back if self.filtering || !self.filter.is_empty() => {
                self.filtering = false;
                self.filter.clear();
                self.refilter(search);
            }
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    /// Typing while the filter is open: every key goes to the filter, and
    /// the arrows still move.
    pub fn raw_key(&mut self, key: &KeyEvent, search: &[String]) -> EventState {
        if !self.filtering {
            return EventState::NotConsumed;
        }
        match key.code {
            KeyCode::Up => return self.handle(&Action::Up, search),
            KeyCode::Down => return self.handle(&Action::Down, search),
            _ => {}
        }
        if self.filter.key(key) {
            self.selected = 0;
            self.refilter(search);
        }
        EventState::Consumed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn rows(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("row {i}")).collect()
    }

    #[test]
    fn scrolls_to_keep_the_cursor_visible() {
        let search = rows(100);
        let mut l = ListView::default();
        l.set_page(10);
        l.refilter(&search);
        for _ in 0..15 {
            l.handle(&Action::Down, &search);
        }
        assert_eq!(l.cursor(), 15);
        assert_eq!(l.offset(), 6);
        l.handle(&Action::Last, &search);
        assert_eq!((l.cursor(), l.offset()), (99, 90));
        l.handle(&Action::First, &search);
        assert_eq!((l.cursor(), l.offset()), (0, 0));
        assert_eq!(l.window().count(), 10);
    }

    #[test]
    fn filter_narrows_and_esc_clears() {
        let search = rows(30);
        let mut l = ListView::default();
        l.set_page(10);
        l.refilter(&search);
        l.handle(&Action::Filter, &search);
        for c in "row 2".chars() {
            l.raw_key(
                &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                &search,
            );
        }
        assert_eq!(l.len(), 11); // 2, 20..29
        l.handle(&Action::Confirm, &search);
        assert!(!l.is_filtering());
        assert_eq!(l.len(), 11);
        l.handle(&Action::Back, &search);
        assert_eq!(l.len(), 30);
    }
}
