//! Components in the style of gitui: each turns keys into actions through
//! the key table for the scopes it listens to, says whether it consumed a
//! key, and lists its commands for the footer.

use super::action::Action;
use super::keymap::{self, Binding, Scope};
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventState {
    Consumed,
    NotConsumed,
}

impl EventState {
    pub fn is_consumed(self) -> bool {
        self == EventState::Consumed
    }
}

impl From<bool> for EventState {
    fn from(consumed: bool) -> EventState {
        if consumed {
            EventState::Consumed
        } else {
            EventState::NotConsumed
        }
    }
}

pub trait Component {
    /// The key-table scopes this component listens to now, most specific first.
    fn scopes(&self) -> &'static [Scope];

    /// Carries out an action meant for this component. Actions it cannot
    /// carry out alone (they need the session) are left to the app.
    fn handle(&mut self, action: &Action) -> EventState;

    /// Keys that are not in the table: typing in a text field.
    fn raw_key(&mut self, _key: &KeyEvent) -> EventState {
        EventState::NotConsumed
    }

    /// Whether an action makes sense now (shown in the footer only then).
    fn enabled(&self, _action: &Action) -> bool {
        true
    }

    /// A key: through the table first, then as typing. Actions the
    /// component does not carry out itself are queued for the app.
    fn event(&mut self, key: &KeyEvent, queue: &mut Vec<Action>) -> EventState {
        if let Some(action) = keymap::resolve(self.scopes(), key) {
            if self.handle(&action).is_consumed() {
                return EventState::Consumed;
            }
            queue.push(action);
            return EventState::Consumed;
        }
        self.raw_key(key)
    }

    /// The footer commands: table bindings of this component's scopes,
    /// less those whose every key an earlier scope takes (in the editor,
    /// Enter is a new line, not the form's save).
    fn commands(&self, out: &mut Vec<&'static Binding>) {
        let scopes = self.scopes();
        for (i, scope) in scopes.iter().enumerate() {
            let taken = |k: &keymap::Key| {
                scopes[..i]
                    .iter()
                    .any(|s| keymap::bindings(*s).any(|b| b.keys.contains(k)))
            };
            for b in keymap::bindings(*scope) {
                if b.footer && self.enabled(&b.action) && !b.keys.iter().all(taken) {
                    out.push(b);
                }
            }
        }
    }
}
