//! Screen 1: what needs attention now.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::effect::Effect;
use crate::app::keymap::Scope;
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::domain::breach::Breach;
use crate::domain::retention::Deadlines;
use crate::ops::Session;
use crate::ops::status::{self, Status};
use ratatui::layout::Rect;

#[derive(Debug, Clone, Default)]
pub struct Overview {
    pub status: Status,
    /// Open breaches, the one whose 72-hour clock ends first at the top.
    pub breaches: Vec<Breach>,
}

impl Overview {
    pub fn build(session: &Session, deadlines: &Deadlines) -> Overview {
        let mut breaches: Vec<Breach> = session
            .data
            .breaches
            .values()
            .filter(|b| b.is_open())
            .cloned()
            .collect();
        // Ties by title (the map gives them in id order).
        breaches
            .sort_by(|a, b| (a.notify_deadline(), &a.title).cmp(&(b.notify_deadline(), &b.title)));
        Overview {
            status: status::status_with(session, deadlines),
            breaches,
        }
    }
}

/// The overview's one key makes a backup; the global ones work on it.
impl Component for Overview {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Overview]
    }

    fn handle(&mut self, _action: &Action) -> EventState {
        EventState::NotConsumed
    }
}

impl ScreenComponent for Overview {
    fn help_scopes(&self) -> &'static [Scope] {
        &[Scope::Overview]
    }

    fn act(&mut self, action: &Action, _cx: &mut Cx, out: &mut Vec<Effect>) {
        if *action == Action::Backup {
            out.push(Effect::Form(crate::app::forms::backup::backup()));
        }
    }

    fn refresh(&mut self, session: &Session, deadlines: &Deadlines) {
        *self = Overview::build(session, deadlines);
    }

    fn set_area(&mut self, _area: Rect) {}
}
