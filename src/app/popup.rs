//! Popups on a stack above the screens; the top one gets the keys first.
//! A confirmation is data: it holds what `y` carries out (`Confirmed`).

use super::action::Action;
use super::component::{Component, EventState};
use super::confirmed::Confirmed;
use super::files::{CopyNotice, FilesView};
use super::forms::form::Form;
use super::keymap::{Binding, Scope};
use super::layout::{HELP_SIZE, READER_SIZE, popup_text_rows, popup_text_width};
use super::wrap;
use ratatui::crossterm::event::KeyEvent;
use zeroize::Zeroizing;

/// Asks before an action that cannot be undone.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub title: String,
    pub lines: Vec<String>,
    /// Carried out on `y` or Enter.
    pub on_yes: Confirmed,
}

impl Component for Confirm {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Confirm]
    }

    fn handle(&mut self, _action: &Action) -> EventState {
        // Confirm and Cancel go to the app, which pops this popup.
        EventState::NotConsumed
    }

    fn raw_key(&mut self, _key: &KeyEvent) -> EventState {
        EventState::Consumed
    }

    /// `o` opens the person who has an e-mail address already, on that
    /// question only.
    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::OpenExisting => matches!(self.on_yes, Confirmed::SaveSharedEmail(_)),
            _ => true,
        }
    }
}

/// Shows text to read: a document, an opened team report, a password shown
/// once, a receipt, the help.
#[derive(Debug, Clone)]
pub struct Reader {
    pub title: String,
    pub text: Zeroizing<String>,
    pub scroll: u16,
    /// Whether the text holds a secret (a password shown once).
    pub secret: bool,
    /// Text rows on screen and characters on a row (set from the
    /// terminal size); the text is wrapped to `width` (`wrap::rows`).
    pub page: u16,
    pub width: usize,
}

impl Reader {
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Reader {
        Reader {
            title: title.into(),
            text: Zeroizing::new(text.into()),
            scroll: 0,
            secret: false,
            page: 1,
            width: usize::from(READER_SIZE.0),
        }
    }

    fn max_scroll(&self) -> u16 {
        let rows = wrap::rows(&self.text, self.width).len();
        u16::try_from(rows.saturating_sub(usize::from(self.page))).unwrap_or(u16::MAX)
    }

    fn fit(&mut self, area: ratatui::layout::Rect, size: (u16, u16)) {
        self.page = popup_text_rows(area, size);
        self.width = popup_text_width(area, size);
        self.scroll = self.scroll.min(self.max_scroll());
    }
}

impl Component for Reader {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Reader]
    }

    fn handle(&mut self, action: &Action) -> EventState {
        let max = self.max_scroll();
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => (self.scroll + 1).min(max),
            Action::PageUp => self.scroll.saturating_sub(self.page),
            Action::PageDown => self.scroll.saturating_add(self.page).min(max),
            Action::First => 0,
            Action::Last => max,
            _ => return EventState::NotConsumed,
        };
        EventState::Consumed
    }

    fn raw_key(&mut self, _key: &KeyEvent) -> EventState {
        EventState::Consumed
    }
}

#[derive(Debug, Clone)]
pub enum Popup {
    Confirm(Confirm),
    Form(Form),
    Reader(Reader),
    Help(Reader),
    /// A record's files.
    Files(FilesView),
    /// A decrypted copy open in a viewer.
    Copy(CopyNotice),
}

impl Popup {
    fn component(&mut self) -> &mut dyn Component {
        match self {
            Popup::Confirm(c) => c,
            Popup::Form(f) => f,
            Popup::Reader(r) | Popup::Help(r) => r,
            Popup::Files(f) => f,
            Popup::Copy(c) => c,
        }
    }

    pub fn event(&mut self, key: &KeyEvent, queue: &mut Vec<Action>) -> EventState {
        self.component().event(key, queue)
    }

    pub fn handle(&mut self, action: &Action) -> EventState {
        self.component().handle(action)
    }

    /// Tells a reading popup how many rows it shows in a frame of `area`.
    pub fn fit(&mut self, area: ratatui::layout::Rect) {
        match self {
            Popup::Reader(r) => r.fit(area, READER_SIZE),
            Popup::Help(r) => r.fit(area, HELP_SIZE),
            Popup::Form(f) => f.fit(area),
            Popup::Confirm(_) | Popup::Files(_) | Popup::Copy(_) => {}
        }
    }

    /// A paste: a form puts it into its field in focus; the other popups
    /// take no text, and a paste there does nothing.
    pub fn paste(&mut self, pasted: &str, lang: crate::i18n::Lang) {
        if let Popup::Form(f) = self {
            f.paste(pasted, lang);
        }
    }

    /// The key scopes of the popup (for the help).
    pub fn scopes(&self) -> &'static [Scope] {
        match self {
            Popup::Confirm(c) => c.scopes(),
            Popup::Form(f) => f.scopes(),
            Popup::Reader(r) | Popup::Help(r) => r.scopes(),
            Popup::Files(f) => f.scopes(),
            Popup::Copy(c) => c.scopes(),
        }
    }

    pub fn commands(&self, out: &mut Vec<&'static Binding>) {
        match self {
            Popup::Confirm(c) => c.commands(out),
            Popup::Form(f) => f.commands(out),
            Popup::Reader(r) | Popup::Help(r) => r.commands(out),
            Popup::Files(f) => f.commands(out),
            Popup::Copy(c) => c.commands(out),
        }
    }
}
