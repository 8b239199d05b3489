//! The unlock screen: the passphrase of an existing vault, or (first run)
//! a new passphrase typed twice with a strength hint.

use super::action::Action;
use super::component::{Component, EventState};
use super::input::TextInput;
use super::keymap::Scope;
use super::list::Arrangement;
use super::paste::{self, Refused};
use super::screen::Screen;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::strength;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnlockMode {
    Open,
    Create,
}

#[derive(Debug, Clone)]
pub struct Unlock {
    pub mode: UnlockMode,
    pub passphrase: TextInput,
    pub again: TextInput,
    /// 0: the passphrase, 1: the repetition (create only).
    pub focus: usize,
    /// What went wrong with the last attempt, or why the vault locked.
    pub notice: Option<String>,
    /// Where the coach was when the vault locked: unlocking goes back there.
    pub resume: Option<Resume>,
    /// The warning about a weak new passphrase was shown for what is typed.
    weak_warned: bool,
}

/// The place to come back to after a lock.
#[derive(Debug, Clone)]
pub struct Resume {
    pub screen: Screen,
    /// The record under the cursor.
    pub record: Option<(Kind, Id)>,
    /// A form was open, and is gone with the decrypted data.
    pub form_dropped: bool,
    /// The sort and column cursor of every screen's lists
    /// (`ScreenComponent::lists_mut`), in screen order.
    pub arrangements: Vec<(Screen, Vec<Arrangement>)>,
}

impl Unlock {
    pub fn new(mode: UnlockMode, notice: Option<String>) -> Unlock {
        Unlock {
            mode,
            passphrase: TextInput::default(),
            again: TextInput::default(),
            focus: 0,
            notice,
            resume: None,
            weak_warned: false,
        }
    }

    /// The estimated strength of the new passphrase, in bits.
    pub fn strength_bits(&self) -> u32 {
        strength::bits(self.passphrase.value())
    }

    /// On the create screen, a weak passphrase is used only on a second
    /// Enter after the warning: true when it still needs that.
    pub fn needs_weak_confirmation(&mut self, lang: Lang) -> bool {
        if self.mode != UnlockMode::Create
            || self.weak_warned
            || !strength::is_weak(self.passphrase.value())
        {
            return false;
        }
        self.weak_warned = true;
        let bits = self.strength_bits();
        self.notice = Some(format!(
            "{}\n{}",
            ui::weak_passphrase(lang, bits),
            Text::WeakPassphraseAgain.get(lang)
        ));
        true
    }

    /// The problem with the typed passphrase(s), before trying them.
    pub fn problem(&self) -> Option<Text> {
        if self.passphrase.is_empty() {
            return Some(Text::PassphraseEmpty);
        }
        if self.mode == UnlockMode::Create && self.passphrase.value() != self.again.value() {
            return Some(Text::PassphrasesDiffer);
        }
        None
    }

    /// A paste (from a password manager) into the passphrase in focus: one
    /// line, as `app::paste` takes it; a refused paste says why.
    pub fn paste(&mut self, pasted: &str, lang: Lang) {
        let input = if self.focus == 0 {
            &mut self.passphrase
        } else {
            &mut self.again
        };
        let refused = match paste::for_field(pasted, false) {
            Ok(text) if input.insert_str(&text) => {
                self.weak_warned = false;
                return;
            }
            Ok(_) => Refused::TooLong,
            Err(why) => why,
        };
        self.notice = Some(refused.text().get(lang).to_string());
    }

    /// After a failed attempt: clear what was typed and say why.
    pub fn failed(&mut self, notice: String) {
        self.passphrase.clear();
        self.again.clear();
        self.focus = 0;
        self.weak_warned = false;
        self.notice = Some(notice);
    }
}

impl Component for Unlock {
    fn scopes(&self) -> &'static [Scope] {
        match self.mode {
            UnlockMode::Open => &[Scope::Unlock],
            UnlockMode::Create => &[Scope::Create],
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        match action {
            Action::NextField | Action::PrevField if self.mode == UnlockMode::Create => {
                self.focus = 1 - self.focus;
                EventState::Consumed
            }
            Action::NextField | Action::PrevField => EventState::Consumed,
            _ => EventState::NotConsumed,
        }
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        let input = if self.focus == 0 {
            &mut self.passphrase
        } else {
            &mut self.again
        };
        let before = input.value().len();
        let consumed = input.key(key);
        if input.value().len() != before {
            self.weak_warned = false;
        }
        consumed.into()
    }
}
