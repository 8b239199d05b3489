//! What every screen is: a component that rebuilds its rows when shown
//! after a change (`app::lazy_rows`), carries out its own actions and confirmations, and answers with
//! effects for the workspace to apply (`Effect`).

use super::action::Action;
use super::component::Component;
use super::confirmed::Confirmed;
use super::effect::Effect;
use super::forms::form::PeopleIndex;
use super::keymap::Scope;
use super::list::ListView;
use super::screens::people::people_index;
use crate::domain::retention::Deadlines;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::ops::Session;
use chrono::NaiveDate;
use ratatui::layout::Rect;
use std::cell::OnceCell;

/// What a screen's action may use: the session (the decrypted data), the
/// language, the deadlines the rows were built on, and the people to pick
/// from in forms.
pub struct Cx<'a> {
    pub session: &'a mut Session,
    pub lang: Lang,
    /// Of the data before the action changes anything.
    pub deadlines: &'a Deadlines,
    /// Built on first use after a change (`people`).
    people: &'a OnceCell<PeopleIndex>,
}

impl<'a> Cx<'a> {
    pub fn new(
        session: &'a mut Session,
        lang: Lang,
        deadlines: &'a Deadlines,
        people: &'a OnceCell<PeopleIndex>,
    ) -> Cx<'a> {
        Cx {
            session,
            lang,
            deadlines,
            people,
        }
    }

    /// The people to pick from in a form, sorted by name.
    pub fn people(&self) -> PeopleIndex {
        self.people
            .get_or_init(|| people_index(&self.session.data))
            .clone()
    }

    pub fn today(&self) -> NaiveDate {
        self.session.today()
    }

    /// A catalogue text for the status line.
    pub fn say(&self, text: Text) -> Effect {
        Effect::Say(text.get(self.lang).to_string())
    }
}

pub trait ScreenComponent: Component {
    /// Every key scope of the screen, its own first (its detail's too),
    /// for the help; the scopes it listens to now (`scopes`) come first.
    fn help_scopes(&self) -> &'static [Scope];

    /// The language the screen shows its words in: a screen that sorts or
    /// filters by a word it shows (a kind's name) uses it. Set once, before
    /// the first `refresh`.
    fn set_lang(&mut self, _lang: Lang) {}

    /// Rebuilds the rows from the data: when the screen is shown after a
    /// change.
    fn refresh(&mut self, session: &Session, deadlines: &Deadlines);

    /// Tells the lists how many rows fit in a terminal of `area`.
    fn set_area(&mut self, area: Rect);

    /// Carries out an action that `handle` left because it needs the data
    /// (opening a form, asking first, changing a record).
    fn act(&mut self, _action: &Action, _cx: &mut Cx, _out: &mut Vec<Effect>) {}

    /// Carries out what the coach confirmed on this screen.
    fn confirmed(&mut self, _what: &Confirmed, _cx: &mut Cx, _out: &mut Vec<Effect>) {}

    /// The record under the cursor, for its detail view (`ShowRecord`).
    fn selected_record(&self) -> Option<(Kind, Id)> {
        None
    }

    /// Puts the cursor on record `id` if this screen lists it.
    fn select_record(&mut self, _kind: Kind, _id: &Id) {}

    /// Opens the detail of record `id` if this screen has one for it and
    /// none is open; `deadlines` are the session's.
    fn open_record(
        &mut self,
        _kind: Kind,
        _id: &Id,
        _session: &Session,
        _deadlines: &Deadlines,
        _lang: Lang,
    ) {
    }

    /// Closes the detail, if one is open.
    fn close_detail(&mut self) {}

    /// The screen's lists, in a fixed order: their sort and column cursor
    /// are kept across a lock.
    fn lists_mut(&mut self) -> Vec<&mut ListView> {
        Vec::new()
    }

    /// A count shown on the tab (the expired records).
    fn badge(&self) -> Option<usize> {
        None
    }
}
