//! The form widget in a popup: labelled fields (text, long text in the
//! editor, secret, a choice, a person picked by typing part of the name),
//! which of them are shown, the field in focus, and the problem with the
//! last attempt to save. A paste goes to the field in focus
//! (`Form::paste`), whatever kind of field it is: a field that takes text
//! gets it as text (`app::paste`), a choice ignores it.

use super::path_completion;
use super::path_text;
use super::purpose::{FilesForm, FormPurpose};
use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::editor::{self, Move, View};
use crate::app::input::TextInput;
use crate::app::keymap::Scope;
use crate::app::layout;
use crate::app::paste::{self, Refused};
use crate::domain::Id;
use crate::domain::fold;
use crate::i18n::Lang;
use crate::i18n::dates;
use crate::i18n::ui::Text;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::rc::Rc;
use zeroize::Zeroizing;

/// People to pick from: id and name, shared with the People screen.
pub type PeopleIndex = Rc<Vec<(Id, String)>>;

/// How many matches a person field offers.
const MAX_MATCHES: usize = 50;

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text,
    /// Several lines, in the editor (`app::editor`).
    LongText(View),
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
    /// One path or several (`path_text`): a dropped file pastes whole, Tab
    /// completes like a shell and offers the names that still match.
    Path {
        choices: Vec<String>,
    },
    /// A person: typing searches by name, ←/→ steps through the matches.
    Person {
        people: PeopleIndex,
        matches: Vec<usize>,
        index: usize,
        optional: bool,
    },
    /// Several people: typing filters the names (case and accents
    /// ignored), ←/→ steps through the matches, Space adds the one shown or
    /// takes it out again.
    People {
        people: PeopleIndex,
        /// In the order they were chosen.
        chosen: Vec<Id>,
        matches: Vec<usize>,
        index: usize,
    },
    /// Several of fixed options (a pick-list): ←/→ steps through them,
    /// Space adds the one shown or takes it out again.
    Several {
        options: Vec<String>,
        /// One a option, in the options' order.
        chosen: Vec<bool>,
        index: usize,
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

    /// A text of several lines, edited in the editor.
    pub fn long_text(label: Text, value: &str) -> Field {
        Field {
            kind: FieldKind::LongText(View::default()),
            ..Field::text(label, value)
        }
    }

    pub fn path(label: Text, value: &str) -> Field {
        Field {
            kind: FieldKind::Path {
                choices: Vec::new(),
            },
            ..Field::text(label, value)
        }
    }

    /// A date, typed as the hint says; shown in the coach's date style
    /// once the form opens (`Form::localise`).
    pub fn date(label: Text, on: NaiveDate) -> Field {
        Field::text(label, &on.format("%Y-%m-%d").to_string()).with_hint(Text::DateHint)
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

    /// Several people, `chosen` already chosen.
    pub fn people(label: Text, people: PeopleIndex, chosen: &[Id]) -> Field {
        let mut f = Field {
            kind: FieldKind::People {
                people,
                chosen: chosen.to_vec(),
                matches: Vec::new(),
                index: 0,
            },
            ..Field::text(label, "")
        };
        f.research();
        f.hint = Some(Text::PickPeopleHint);
        f
    }

    /// Several of `options`, those at `chosen` already chosen.
    pub fn several(label: Text, options: Vec<String>, chosen: &[usize]) -> Field {
        let chosen = (0..options.len()).map(|i| chosen.contains(&i)).collect();
        Field {
            kind: FieldKind::Several {
                options,
                chosen,
                index: 0,
            },
            hint: Some(Text::PickSeveralHint),
            ..Field::text(label, "")
        }
    }

    /// The options chosen in a field of several, in the options' order.
    pub fn chosen_options(&self) -> Vec<usize> {
        match &self.kind {
            FieldKind::Several { chosen, .. } => chosen
                .iter()
                .enumerate()
                .filter(|(_, c)| **c)
                .map(|(i, _)| i)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A choice with option `index` selected.
    pub fn with_choice(mut self, at: usize) -> Field {
        if let FieldKind::Choice { options, index } = &mut self.kind {
            *index = at.min(options.len().saturating_sub(1));
        }
        if let FieldKind::Names { options, index } = &mut self.kind {
            *index = at.min(options.len().saturating_sub(1));
        }
        self
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

    /// The people chosen in a field of several, in the order chosen.
    pub fn chosen(&self) -> &[Id] {
        match &self.kind {
            FieldKind::People { chosen, .. } => chosen,
            _ => &[],
        }
    }

    /// The names of the people chosen, in the order chosen.
    pub fn chosen_names(&self) -> Vec<String> {
        match &self.kind {
            FieldKind::People { people, chosen, .. } => chosen
                .iter()
                .map(|id| {
                    people
                        .iter()
                        .find(|(p, _)| p == id)
                        .map_or_else(|| id.to_string(), |(_, n)| n.clone())
                })
                .collect(),
            FieldKind::Several { options, .. } => self
                .chosen_options()
                .into_iter()
                .filter_map(|i| options.get(i).cloned())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The option shown in a field of several: its name, whether it is
    /// chosen, and its position among the options.
    pub fn several_display(&self) -> Option<(String, bool, usize, usize)> {
        match &self.kind {
            FieldKind::Several {
                options,
                chosen,
                index,
            } => options.get(*index).map(|o| {
                let on = chosen.get(*index).copied().unwrap_or(false);
                (o.clone(), on, *index + 1, options.len())
            }),
            _ => None,
        }
    }

    /// The match shown in a field of several people: its name, whether it
    /// is chosen, and its position among the matches.
    pub fn people_display(&self) -> Option<(String, bool, usize, usize)> {
        match &self.kind {
            FieldKind::People {
                people,
                chosen,
                matches,
                index,
            } => matches.get(*index).map(|m| {
                let (id, name) = &people[*m];
                (name.clone(), chosen.contains(id), *index + 1, matches.len())
            }),
            _ => None,
        }
    }

    /// Adds the match shown to the people (or options) chosen, or takes
    /// it out again.
    fn toggle_pick(&mut self) {
        if let FieldKind::Several { chosen, index, .. } = &mut self.kind
            && let Some(c) = chosen.get_mut(*index)
        {
            *c = !*c;
        }
        if let FieldKind::People {
            people,
            chosen,
            matches,
            index,
        } = &mut self.kind
            && let Some(m) = matches.get(*index)
        {
            let id = &people[*m].0;
            match chosen.iter().position(|c| c == id) {
                Some(at) => drop(chosen.remove(at)),
                None => chosen.push(id.clone()),
            }
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

    pub fn is_multiline(&self) -> bool {
        matches!(self.kind, FieldKind::LongText(_))
    }

    /// Puts a paste at the cursor, as text: all of it, or nothing and why.
    /// A choice takes no paste (and says nothing).
    pub fn paste(&mut self, pasted: &str) -> Result<(), Refused> {
        if matches!(
            self.kind,
            FieldKind::Choice { .. } | FieldKind::Names { .. } | FieldKind::Several { .. }
        ) {
            return Ok(());
        }
        if let FieldKind::Path { choices } = &mut self.kind {
            // Dropped files: their paths, after those in the field already.
            let text = path_text::appended(self.input.value(), pasted);
            if text.chars().count() > crate::app::input::MAX_CHARS {
                return Err(Refused::TooLong);
            }
            self.input = TextInput::with(&text);
            choices.clear();
            return Ok(());
        }
        let text = paste::for_field(pasted, self.is_multiline())?;
        if !self.input.insert_str(&text) {
            return Err(Refused::TooLong);
        }
        self.edited();
        Ok(())
    }

    /// After the text changed: the person matches follow it, the editor
    /// keeps the cursor in sight.
    fn edited(&mut self) {
        self.research();
        if let FieldKind::LongText(view) = &mut self.kind {
            editor::keep_in_view(&self.input, view);
        }
    }

    fn research(&mut self) {
        if let FieldKind::People {
            people,
            matches,
            index,
            ..
        } = &mut self.kind
        {
            let needle = self.input.value();
            *index = 0;
            *matches = people
                .iter()
                .enumerate()
                .filter(|(_, (_, n))| fold::contains(n, needle))
                .map(|(i, _)| i)
                .collect();
            return;
        }
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
            FieldKind::Names { options, index } | FieldKind::Several { options, index, .. } => {
                step(index, options.len())
            }
            FieldKind::Person { matches, index, .. } | FieldKind::People { matches, index, .. } => {
                step(index, matches.len())
            }
            FieldKind::Text
            | FieldKind::Secret
            | FieldKind::LongText(_)
            | FieldKind::Path { .. } => {
                if forward {
                    self.input.right()
                } else {
                    self.input.left()
                }
            }
        }
        if let FieldKind::LongText(view) = &mut self.kind {
            editor::keep_in_view(&self.input, view);
        }
        true
    }

    /// Tab in a path field: the name under way completed as far as it goes.
    /// False when Tab has nothing to do there (nothing typed, nothing to
    /// add, nothing to offer): then it goes to the next field.
    fn complete_path(&mut self) -> bool {
        let FieldKind::Path { choices } = &mut self.kind else {
            return false;
        };
        if self.input.value().trim().is_empty() {
            return false;
        }
        match path_completion::complete(self.input.value()) {
            Some(c) if c.text != self.input.value() || !c.choices.is_empty() => {
                self.input = TextInput::with(&c.text);
                *choices = c.choices;
                true
            }
            _ => {
                choices.clear();
                false
            }
        }
    }

    /// The names Tab offered last, when several matched.
    pub fn path_choices(&self) -> &[String] {
        match &self.kind {
            FieldKind::Path { choices } => choices,
            _ => &[],
        }
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
    /// Whether the coach changed a field since the form opened (Esc then
    /// asks before the changes are dropped).
    pub changed: bool,
    /// Text shown above the fields (a password shown once).
    pub shown: Option<Zeroizing<String>>,
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
            changed: false,
            shown: None,
        }
    }

    /// Writes the prefilled dates and moments (the fields with a date or
    /// moment hint, prefilled as `YYYY-MM-DD` and `YYYY-MM-DD HH:MM`) in the
    /// date style of `lang`, as the form opens.
    pub fn localise(&mut self, lang: Lang) {
        for f in &mut self.fields {
            let localised = match f.hint {
                Some(Text::DateHint | Text::OptionalDateHint) => {
                    crate::domain::calendar::parse_date(f.value()).map(|d| dates::date(lang, d))
                }
                Some(Text::DateTimeHint) => {
                    NaiveDateTime::parse_from_str(f.value().trim(), "%Y-%m-%d %H:%M")
                        .ok()
                        .map(|at| {
                            format!("{} {}", dates::date(lang, at.date()), at.format("%H:%M"))
                        })
                }
                _ => None,
            };
            if let Some(text) = localised {
                f.input = TextInput::with(&text);
            }
        }
    }

    /// After a wrong password: the password fields are emptied, and a form
    /// of nothing else has nothing left to lose on Esc.
    pub fn clear_passwords(&mut self) {
        for f in &mut self.fields {
            if matches!(f.kind, FieldKind::Secret) {
                f.input.clear();
            }
        }
        if self
            .fields
            .iter()
            .all(|f| matches!(f.kind, FieldKind::Secret))
        {
            self.changed = false;
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
        (!typed.is_empty()).then(|| path_text::home_expanded(typed))
    }

    /// The paths in path field `i` (`path_text::paths_in`): typed, pasted
    /// or dropped, one or several.
    pub fn paths(&self, i: usize) -> Vec<PathBuf> {
        path_text::paths_in(self.value(i))
    }

    /// Sizes the editors of the long-text fields for a terminal of `area`.
    pub fn fit(&mut self, area: Rect) {
        let width = layout::editor_width(area);
        let rows = layout::editor_rows(area, self.fields.len());
        for f in &mut self.fields {
            if let FieldKind::LongText(view) = &mut f.kind {
                view.width = width;
                view.rows = rows;
                editor::keep_in_view(&f.input, view);
            }
        }
    }

    fn focused_editor(&mut self) -> Option<(&mut TextInput, &mut View)> {
        let field = self.fields.get_mut(self.focus)?;
        match &mut field.kind {
            FieldKind::LongText(view) => Some((&mut field.input, view)),
            _ => None,
        }
    }

    /// A paste for the field in focus; a refused paste says why in the
    /// form's problem line and changes nothing.
    pub fn paste(&mut self, pasted: &str, lang: Lang) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        match field.paste(pasted) {
            Ok(()) => {
                self.problem = None;
                self.changed = true;
            }
            Err(why) => self.problem = Some(why.text().get(lang).to_string()),
        }
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
        if matches!(
            self.purpose,
            FormPurpose::OpenTeamReport(_) | FormPurpose::Files(FilesForm::TeamReportPassword(_))
        ) {
            return &[Scope::Unseal, Scope::Form];
        }
        match self.fields.get(self.focus) {
            Some(f) if f.is_multiline() => &[Scope::Editor, Scope::Form],
            Some(Field {
                kind: FieldKind::People { .. } | FieldKind::Several { .. },
                ..
            }) => &[Scope::PickPeople, Scope::Form],
            Some(Field {
                kind: FieldKind::Path { .. },
                ..
            }) => &[Scope::PathField, Scope::Form],
            _ => &[Scope::Form],
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        let how = match action {
            Action::Up => Some(Move::Up),
            Action::Down => Some(Move::Down),
            Action::PageUp => Some(Move::PageUp),
            Action::PageDown => Some(Move::PageDown),
            _ => None,
        };
        if let Some((input, view)) = self.focused_editor() {
            if let Some(how) = how {
                editor::move_cursor(input, view, how);
                return EventState::Consumed;
            }
            if *action == Action::NewLine {
                // Full (`MAX_CHARS`): the line break is not added.
                input.insert_str("\n");
                editor::keep_in_view(input, view);
                self.changed = true;
                return EventState::Consumed;
            }
        }
        let is_choice = self.fields.get(self.focus).is_some_and(|f| {
            !matches!(
                f.kind,
                FieldKind::Text | FieldKind::Secret | FieldKind::LongText(_)
            )
        });
        match action {
            Action::CompletePath => {
                if !self.fields[self.focus].complete_path() {
                    self.move_focus(true)
                }
            }
            Action::NextField => self.move_focus(true),
            Action::PrevField => self.move_focus(false),
            Action::NextChoice => {
                self.fields[self.focus].step(true);
                self.changed |= is_choice;
            }
            Action::PrevChoice => {
                self.fields[self.focus].step(false);
                self.changed |= is_choice;
            }
            Action::TogglePick => {
                self.fields[self.focus].toggle_pick();
                self.problem = None;
                self.changed = true;
            }
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    /// In a path field Tab completes: the footer does not offer it as
    /// the next field (↓ still is).
    fn enabled(&self, action: &Action) -> bool {
        let in_path = matches!(
            self.fields.get(self.focus).map(|f| &f.kind),
            Some(FieldKind::Path { .. })
        );
        let one_field = (0..self.fields.len()).filter(|i| self.is_shown(*i)).count() < 2;
        let moves = matches!(action, Action::NextField | Action::PrevField);
        !(moves && (in_path || one_field))
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        let field = &mut self.fields[self.focus];
        if matches!(field.kind, FieldKind::Several { .. }) {
            // Nothing to type in a pick-list.
            return EventState::Consumed;
        }
        if matches!(
            field.kind,
            FieldKind::Choice { .. } | FieldKind::Names { .. }
        ) {
            // Space also steps through a choice.
            if key.code == KeyCode::Char(' ') {
                field.step(true);
                self.changed = true;
            }
            return EventState::Consumed;
        }
        if let FieldKind::LongText(view) = &mut field.kind {
            let how = match key.code {
                KeyCode::Home => Some(Move::LineStart),
                KeyCode::End => Some(Move::LineEnd),
                _ => None,
            };
            if let Some(how) = how {
                editor::move_cursor(&mut field.input, view, how);
                return EventState::Consumed;
            }
        }
        let before = field.input.value().len();
        if field.input.key(key) {
            field.edited();
            self.problem = None;
            // A key that only moves the cursor changes nothing.
            self.changed |= field.input.value().len() != before;
        }
        // A form is modal: keys that mean nothing here do nothing.
        EventState::Consumed
    }
}
