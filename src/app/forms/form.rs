//! The form widget in a popup: labelled fields (text, secret, a choice, a
//! person picked by typing part of the name), which of them are shown, the
//! field in focus, and the problem with the last attempt to save.

use super::purpose::FormPurpose;
use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::input::TextInput;
use crate::app::keymap::Scope;
use crate::domain::Id;
use crate::domain::fold;
use crate::i18n::ui::Text;
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::rc::Rc;

/// People to pick from: id and name, shared with the People screen.
pub type PeopleIndex = Rc<Vec<(Id, String)>>;

/// How many matches a person field offers.
const MAX_MATCHES: usize = 50;

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text,
    /// Shown as dots.
    Secret,
    /// One of fixed options, changed with ←/→.
    Choice {
        options: Vec<Text>,
        index: usize,
    },
    /// A choice among names that are not catalogue texts.
    Names {
        options: Vec<String>,
        index: usize,
    },
    /// A person: typing searches by name, ←/→ steps through the matches.
    Person {
        people: PeopleIndex,
        matches: Vec<usize>,
        index: usize,
        optional: bool,
    },
}

/// When a field is shown: only while another field (a choice) has one of
/// its options selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownWhen {
    pub field: usize,
    pub choice: usize,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: Text,
    pub input: TextInput,
    pub kind: FieldKind,
    pub hint: Option<Text>,
    /// `None`: always shown.
    pub shown_when: Option<ShownWhen>,
}

impl Field {
    pub fn text(label: Text, value: &str) -> Field {
        Field {
            label,
            input: TextInput::with(value),
            kind: FieldKind::Text,
            hint: None,
            shown_when: None,
        }
    }

    pub fn secret(label: Text) -> Field {
        Field {
            kind: FieldKind::Secret,
            ..Field::text(label, "")
        }
    }

    pub fn choice(label: Text, options: Vec<Text>) -> Field {
        Field {
            kind: FieldKind::Choice { options, index: 0 },
            ..Field::text(label, "")
        }
    }

    pub fn names(label: Text, options: Vec<String>) -> Field {
        Field {
            kind: FieldKind::Names { options, index: 0 },
            ..Field::text(label, "")
        }
    }

    pub fn person(label: Text, people: PeopleIndex, preset: Option<&Id>, optional: bool) -> Field {
        let name = preset
            .and_then(|id| people.iter().find(|(p, _)| p == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let mut f = Field {
            kind: FieldKind::Person {
                people,
                matches: Vec::new(),
                index: 0,
                optional,
            },
            ..Field::text(label, &name)
        };
        f.research();
        if let (
            Some(id),
            FieldKind::Person {
                people,
                matches,
                index,
                ..
            },
        ) = (preset, &mut f.kind)
            && let Some(pos) = matches.iter().position(|m| people[*m].0 == *id)
        {
            *index = pos;
        }
        f
    }

    pub fn with_hint(mut self, hint: Text) -> Field {
        self.hint = Some(hint);
        self
    }

    /// Shown only while field `field` has option `choice` selected.
    pub fn shown_when(mut self, field: usize, choice: usize) -> Field {
        self.shown_when = Some(ShownWhen { field, choice });
        self
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn choice_index(&self) -> usize {
        match &self.kind {
            FieldKind::Choice { index, .. } | FieldKind::Names { index, .. } => *index,
            _ => 0,
        }
    }

    /// The person picked: `None` when nobody matches (or the field is empty).
    pub fn picked(&self) -> Option<&Id> {
        match &self.kind {
            FieldKind::Person {
                people,
                matches,
                index,
                ..
            } => matches.get(*index).map(|m| &people[*m].0),
            _ => None,
        }
    }

    /// The name shown for the pick, with its position among the matches.
    pub fn pick_display(&self) -> Option<(String, usize, usize)> {
        match &self.kind {
            FieldKind::Person {
                people,
                matches,
                index,
                ..
            } => matches
                .get(*index)
                .map(|m| (people[*m].1.clone(), *index + 1, matches.len())),
            _ => None,
        }
    }

    fn research(&mut self) {
        if let FieldKind::Person {
            people,
            matches,
            index,
            optional,
        } = &mut self.kind
        {
            let needle = self.input.value().trim();
            *index = 0;
            *matches = if needle.is_empty() && *optional {
                Vec::new()
            } else {
                people
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, n))| fold::contains(n, needle))
                    .map(|(i, _)| i)
                    .take(MAX_MATCHES)
                    .collect()
            };
        }
    }

    fn step(&mut self, forward: bool) -> bool {
        let step = |index: &mut usize, n: usize| {
            if n > 0 {
                *index = if forward {
                    (*index + 1) % n
                } else {
                    (*index + n - 1) % n
                };
            }
        };
        match &mut self.kind {
            FieldKind::Choice { options, index } => step(index, options.len()),
            FieldKind::Names { options, index } => step(index, options.len()),
            FieldKind::Person { matches, index, .. } => step(index, matches.len()),
            FieldKind::Text | FieldKind::Secret => {
                if forward {
                    self.input.right()
                } else {
                    self.input.left()
                }
            }
        }
        true
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: Text,
    pub purpose: FormPurpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A line under the fields (what will happen).
    pub note: Option<Text>,
    /// The problem with the last attempt to save.
    pub problem: Option<String>,
}

impl Form {
    pub fn new(title: Text, purpose: FormPurpose, fields: Vec<Field>) -> Form {
        Form {
            title,
            purpose,
            fields,
            focus: 0,
            note: None,
            problem: None,
        }
    }

    pub fn with_note(mut self, note: Text) -> Form {
        self.note = Some(note);
        self
    }

    pub fn field(&self, i: usize) -> &Field {
        &self.fields[i]
    }

    pub fn value(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", Field::value)
    }

    /// Whether field `i` is shown: it exists, and the choice it depends on
    /// (if any) has the option selected that shows it.
    pub fn is_shown(&self, i: usize) -> bool {
        self.fields.get(i).is_some_and(|f| {
            f.shown_when.is_none_or(|w| {
                self.fields
                    .get(w.field)
                    .is_some_and(|c| c.choice_index() == w.choice)
            })
        })
    }

    /// The path typed in field `i`, with `~/` for the home folder; `None`
    /// when nothing is typed.
    pub fn path(&self, i: usize) -> Option<PathBuf> {
        let typed = self.value(i).trim();
        if typed.is_empty() {
            return None;
        }
        Some(match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
            _ => PathBuf::from(typed),
        })
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        for _ in 0..n {
            self.focus = if forward {
                (self.focus + 1) % n
            } else {
                (self.focus + n - 1) % n
            };
            if self.is_shown(self.focus) {
                break;
            }
        }
    }
}

impl Component for Form {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Form]
    }

    fn handle(&mut self, action: &Action) -> EventState {
        match action {
            Action::NextField => self.move_focus(true),
            Action::PrevField => self.move_focus(false),
            Action::NextChoice => {
                self.fields[self.focus].step(true);
            }
            Action::PrevChoice => {
                self.fields[self.focus].step(false);
            }
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        let field = &mut self.fields[self.focus];
        if matches!(
            field.kind,
            FieldKind::Choice { .. } | FieldKind::Names { .. }
        ) {
            // Space also steps through a choice.
            if key.code == ratatui::crossterm::event::KeyCode::Char(' ') {
                field.step(true);
            }
            return EventState::Consumed;
        }
        if field.input.key(key) {
            field.research();
            self.problem = None;
        }
        // A form is modal: keys that mean nothing here do nothing.
        EventState::Consumed
    }
}
