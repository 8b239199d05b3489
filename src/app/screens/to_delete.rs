//! Screen 9: every expired record. Space marks, `a` marks all, `D` deletes
//! the marked records after a confirmation.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::keymap::Scope;
use crate::app::layout;
use crate::app::list::ListView;
use crate::app::popup::Confirm;
use crate::app::removal::{self, receipt_lines};
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::app::sort::SortKey;
use crate::domain::fold;
use crate::domain::id_hash::IdSet;
use crate::domain::retention::Deadlines;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::Session;
use crate::ops::edit::EditError;
use crate::ops::purge::{self, Expired};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

#[derive(Debug, Default)]
pub struct ToDeleteScreen {
    pub rows: Vec<Expired>,
    search: Vec<String>,
    pub list: ListView,
    pub marked: IdSet<(Kind, Id)>,
    /// How many records have expired: the Overview's count, current after
    /// every change even while the rows wait to be rebuilt (the tab shows it).
    pub expired: usize,
    /// The kinds are sorted and found by the names shown.
    lang: Lang,
}

impl ToDeleteScreen {
    /// The rows of `purge::expired`: oldest deadline first, then by kind;
    /// records of one kind and deadline by what they are called (then id),
    /// as every list, so the order does not change from run to run.
    fn rebuild(&mut self, session: &Session, deadlines: &Deadlines) {
        self.rows = purge::expired(session, deadlines);
        // Stable: equal labels keep `purge::expired`'s order by id.
        self.rows
            .sort_by(|a, b| (a.deadline, a.kind, &a.label).cmp(&(b.deadline, b.kind, &b.label)));
        let lang = self.lang;
        self.search = self
            .rows
            .iter()
            .map(|r| fold::folded_joined(&[&r.label, ui::kind_name(lang, r.kind)]))
            .collect();
        let present: IdSet<(Kind, Id)> = self.rows.iter().map(|r| (r.kind, r.id.clone())).collect();
        self.marked.retain(|k| present.contains(k));
        self.sort_rows();
    }

    /// Orders the rows by the column `s` chose (`app::sort`), in the order
    /// of the columns: mark, kind, record, delete on, deadline.
    fn sort_rows(&mut self) {
        let (rows, marked, lang) = (&self.rows, &self.marked, self.lang);
        self.list.sort_rows(&self.search, 5, |i, column| {
            let r = &rows[i];
            match column {
                0 => SortKey::Number(i64::from(!marked.contains(&(r.kind, r.id.clone())))),
                1 => SortKey::text(ui::kind_name(lang, r.kind)),
                2 => SortKey::text(&r.label),
                _ => SortKey::Date(Some(r.deadline)),
            }
        });
    }

    pub fn is_marked(&self, row: &Expired) -> bool {
        self.marked.contains(&(row.kind, row.id.clone()))
    }

    /// The marked records, in list order.
    pub fn selection(&self) -> Vec<(Kind, Id)> {
        self.rows
            .iter()
            .filter(|r| self.is_marked(r))
            .map(|r| (r.kind, r.id.clone()))
            .collect()
    }

    fn toggle(&mut self) {
        if let Some(r) = self.list.selected_row() {
            let key = (self.rows[r].kind, self.rows[r].id.clone());
            if !self.marked.remove(&key) {
                self.marked.insert(key);
            }
            let last = self.list.len().saturating_sub(1);
            if self.list.cursor() < last {
                self.list.handle(&Action::Down, &self.search);
            }
        }
    }

    /// Marks every visible row; when all are marked already, unmarks them.
    fn mark_all(&mut self) {
        let keys: Vec<(Kind, Id)> = self
            .list
            .visible()
            .iter()
            .map(|r| (self.rows[*r].kind, self.rows[*r].id.clone()))
            .collect();
        if keys.iter().all(|k| self.marked.contains(k)) {
            for k in &keys {
                self.marked.remove(k);
            }
        } else {
            self.marked.extend(keys);
        }
    }
}

impl Component for ToDeleteScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.list.is_filtering() {
            &[Scope::FilterInput]
        } else {
            &[Scope::ToDelete, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        match action {
            Action::ToggleMark => self.toggle(),
            Action::MarkAll => self.mark_all(),
            _ => {
                let state = self.list.handle(action, &self.search);
                if self.list.take_resort() {
                    self.sort_rows();
                }
                return state;
            }
        }
        EventState::Consumed
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        self.list.raw_key(key, &self.search)
    }

    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::ToggleMark | Action::MarkAll => !self.list.is_empty(),
            Action::DeleteMarked => !self.marked.is_empty(),
            _ => true,
        }
    }
}

impl ScreenComponent for ToDeleteScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[Scope::ToDelete, Scope::List, Scope::FilterInput]
    }

    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn refresh(&mut self, session: &Session, deadlines: &Deadlines) {
        self.rebuild(session, deadlines);
    }

    fn lists_mut(&mut self) -> Vec<&mut ListView> {
        vec![&mut self.list]
    }

    fn set_area(&mut self, area: Rect) {
        self.list.set_page(layout::list_rows(area, 1));
    }

    fn selected_record(&self) -> Option<(Kind, Id)> {
        let row = &self.rows[self.list.selected_row()?];
        Some((row.kind, row.id.clone()))
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        if *action != Action::DeleteMarked {
            return;
        }
        let selection = self.selection();
        if selection.is_empty() {
            return out.push(cx.say(Text::MarkFirst));
        }
        let preview = purge::preview(cx.session, &selection);
        out.push(Effect::Ask(Confirm {
            title: Text::ConfirmPurgeTitle.get(cx.lang).into(),
            lines: receipt_lines(cx.lang, &preview, true),
            on_yes: Confirmed::Purge(selection),
        }));
    }

    fn confirmed(&mut self, what: &Confirmed, cx: &mut Cx, out: &mut Vec<Effect>) {
        if let Confirmed::Purge(selection) = what {
            let result = purge::purge(cx.session, selection).map_err(EditError::from);
            removal::finish(result, cx.lang, out);
        }
    }

    fn badge(&self) -> Option<usize> {
        (self.expired > 0).then_some(self.expired)
    }
}
