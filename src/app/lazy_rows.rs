//! Which screens' rows match the data. A change rebuilds the Overview and
//! the screen shown; every other screen is rebuilt in the coach's next pause
//! (`Workspace::build_one_waiting`) or when it is next shown
//! (`Workspace::show`), so unlocking or saving a record costs only the rows
//! a coach sees. A cursor move asked of a screen whose rows wait (a record
//! just saved, a search hit, the record to come back to after a lock) is
//! kept and made once its rows are rebuilt.

use super::screen::Screen;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use std::collections::BTreeSet;

/// A cursor move asked of every screen (`Effect::Select`, `Effect::Open`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// Put the cursor on the record.
    Select(Kind, Id),
    /// Open the record's detail, in this language.
    Open(Kind, Id, Lang),
}

impl Move {
    /// A later move replaces an earlier one of the same sort on a record
    /// of the same kind: the cursor ends on the last record asked for.
    fn replaces(&self, earlier: &Move) -> bool {
        match (self, earlier) {
            (Move::Select(a, _), Move::Select(b, _)) => a == b,
            (Move::Open(a, _, _), Move::Open(b, _, _)) => a == b,
            _ => false,
        }
    }
}

#[derive(Debug, Default)]
pub struct LazyRows {
    /// The screens whose rows were built from the data as it is now.
    current: BTreeSet<Screen>,
    /// Moves waiting for their screen's rebuild, in the order asked.
    waiting: Vec<(Screen, Move)>,
}

impl LazyRows {
    /// The data changed: no screen's rows are current.
    pub fn invalidate_all(&mut self) {
        self.current.clear();
    }

    /// `screen`'s rows must be rebuilt (their order changed).
    pub fn invalidate(&mut self, screen: Screen) {
        self.current.remove(&screen);
    }

    pub fn is_current(&self, screen: Screen) -> bool {
        self.current.contains(&screen)
    }

    /// `screen`'s rows were rebuilt: the moves that waited for them, in
    /// the order they were asked.
    pub fn built(&mut self, screen: Screen) -> Vec<Move> {
        self.current.insert(screen);
        let (mine, others) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|(s, _)| *s == screen);
        self.waiting = others;
        mine.into_iter().map(|(_, m)| m).collect()
    }

    /// Keeps `m` for `screen` until its rows are rebuilt.
    pub fn wait(&mut self, screen: Screen, m: Move) {
        self.waiting
            .retain(|(s, earlier)| !(*s == screen && m.replaces(earlier)));
        self.waiting.push((screen, m));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u64) -> Id {
        Id::parse(&format!("{n:016x}")).unwrap()
    }

    #[test]
    fn a_rebuilt_screen_gets_its_waiting_moves_in_order_and_the_last_of_a_kind() {
        let mut rows = LazyRows::default();
        rows.wait(Screen::People, Move::Select(Kind::Person, id(1)));
        rows.wait(Screen::Trajectories, Move::Select(Kind::Person, id(1)));
        rows.wait(Screen::People, Move::Open(Kind::Person, id(1), Lang::En));
        rows.wait(Screen::People, Move::Select(Kind::Person, id(2)));
        rows.wait(Screen::People, Move::Select(Kind::Trajectory, id(3)));
        assert!(!rows.is_current(Screen::People));
        assert_eq!(
            rows.built(Screen::People),
            vec![
                Move::Open(Kind::Person, id(1), Lang::En),
                Move::Select(Kind::Person, id(2)),
                Move::Select(Kind::Trajectory, id(3)),
            ]
        );
        assert!(rows.is_current(Screen::People));
        assert!(rows.built(Screen::People).is_empty());
        assert_eq!(
            rows.built(Screen::Trajectories),
            vec![Move::Select(Kind::Person, id(1))]
        );
        rows.invalidate_all();
        assert!(!rows.is_current(Screen::People));
    }
}
