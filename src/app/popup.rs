//! Popups on a stack above the screens; the top one gets the keys first.
//! A confirmation is data: it holds what `y` carries out (`Confirmed`).

use super::action::Action;
use super::component::{Component, EventState};
use super::confirmed::Confirmed;
use super::files::{CopyNotice, FilesView};
use super::forms::form::Form;
use super::keymap::{Binding, Scope};
use super::layout::{CONFIRM_SIZE, HELP_SIZE, READER_SIZE, popup_text_rows, popup_text_width};
use super::search::SearchView;
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

impl Confirm {
    /// Its lines as one text, as the popup wraps and scrolls it.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }
}

/// A confirmation on screen: what it asks, and how its text is wrapped and
/// scrolled (a list longer than the screen scrolls with the arrows).
#[derive(Debug, Clone)]
pub struct Asking {
    pub confirm: Confirm,
    pub view: TextView,
}

impl Asking {
    pub fn new(confirm: Confirm) -> Asking {
        Asking {
            confirm,
            view: TextView::new(CONFIRM_SIZE.0),
        }
    }
}

impl Component for Asking {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Confirm]
    }

    fn handle(&mut self, action: &Action) -> EventState {
        // Confirm and Cancel go to the app, which pops this popup.
        self.view.scroll_by(action, &self.confirm.text())
    }

    fn raw_key(&mut self, _key: &KeyEvent) -> EventState {
        EventState::Consumed
    }

    /// `o` opens the person who has an e-mail address already, on that
    /// question only.
    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::OpenExisting => matches!(self.confirm.on_yes, Confirmed::SaveSharedEmail(_)),
            _ => true,
        }
    }
}

/// A text in a popup that grows to it: wrapped to the popup's width, as
/// many rows as the text has or as fit on the screen, and scrolled by rows
/// when it cannot show whole (`wrap::rows`).
#[derive(Debug, Clone, Copy)]
pub struct TextView {
    pub scroll: u16,
    /// Text rows on screen and characters on a row (set from the terminal
    /// size and the text).
    pub page: u16,
    pub width: usize,
}

impl TextView {
    fn new(width: u16) -> TextView {
        TextView {
            scroll: 0,
            page: 1,
            width: usize::from(width),
        }
    }

    fn max_scroll(&self, text: &str) -> u16 {
        let rows = wrap::rows(text, self.width).len();
        u16::try_from(rows.saturating_sub(usize::from(self.page))).unwrap_or(u16::MAX)
    }

    /// Sizes the view for `text` in a popup of at most `size` on a frame of
    /// `area`, `above` rows of the popup taken by other lines.
    fn fit(&mut self, text: &str, area: ratatui::layout::Rect, size: (u16, u16), above: u16) {
        self.width = popup_text_width(area, size);
        let room = popup_text_rows(area, size).saturating_sub(above).max(1);
        let rows = u16::try_from(wrap::rows(text, self.width).len()).unwrap_or(u16::MAX);
        self.page = rows.clamp(1, room);
        self.scroll = self.scroll.min(self.max_scroll(text));
    }

    fn scroll_by(&mut self, action: &Action, text: &str) -> EventState {
        let max = self.max_scroll(text);
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
}

/// Shows text to read: a document, an opened team report, a password shown
/// once, a receipt, the help. The popup is as tall as the text, up to the
/// screen, and scrolls when it is taller.
#[derive(Debug, Clone)]
pub struct Reader {
    pub title: String,
    pub text: Zeroizing<String>,
    /// Whether the text holds a secret (a password shown once).
    pub secret: bool,
    pub view: TextView,
}

impl Reader {
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Reader {
        Reader {
            title: title.into(),
            text: Zeroizing::new(text.into()),
            secret: false,
            view: TextView::new(READER_SIZE.0),
        }
    }

    fn fit(&mut self, area: ratatui::layout::Rect, size: (u16, u16)) {
        self.view.fit(&self.text, area, size, 0);
    }
}

impl Component for Reader {
    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Reader]
    }

    fn handle(&mut self, action: &Action) -> EventState {
        self.view.scroll_by(action, &self.text)
    }

    fn raw_key(&mut self, _key: &KeyEvent) -> EventState {
        EventState::Consumed
    }
}

#[derive(Debug, Clone)]
pub enum Popup {
    Confirm(Asking),
    Form(Form),
    Reader(Reader),
    Help(Reader),
    /// A record's files.
    Files(FilesView),
    /// A decrypted copy open in a viewer.
    Copy(CopyNotice),
    /// The search across records.
    Search(SearchView),
}

impl Popup {
    fn component(&mut self) -> &mut dyn Component {
        match self {
            Popup::Confirm(c) => c,
            Popup::Form(f) => f,
            Popup::Reader(r) | Popup::Help(r) => r,
            Popup::Files(f) => f,
            Popup::Copy(c) => c,
            Popup::Search(s) => s,
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
            // Its blank line on top.
            Popup::Confirm(a) => a.view.fit(&a.confirm.text(), area, CONFIRM_SIZE, 1),
            Popup::Search(s) => s.fit(area),
            Popup::Files(_) | Popup::Copy(_) => {}
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
            Popup::Search(s) => s.scopes(),
        }
    }

    pub fn commands(&self, out: &mut Vec<&'static Binding>) {
        match self {
            Popup::Confirm(c) => c.commands(out),
            Popup::Form(f) => f.commands(out),
            Popup::Reader(r) | Popup::Help(r) => r.commands(out),
            Popup::Files(f) => f.commands(out),
            Popup::Copy(c) => c.commands(out),
            Popup::Search(s) => s.commands(out),
        }
    }
}
