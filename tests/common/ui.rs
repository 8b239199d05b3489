//! The UI harness: an app on a test terminal that is fed keys or actions
//! and returns the frame as text.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::vault::{FAST, NOW, clock, open_session, wait_until_free};
use kluis::app::{Action, App, Settings};
use kluis::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::Path;

pub fn settings(vault_dir: &Path, lang: Lang) -> Settings {
    let mut s = Settings::new(lang, clock(NOW), vault_dir.to_path_buf());
    s.create_params = FAST;
    s.color = true;
    s
}

/// An app and a test terminal: feed keys or actions, get the frame as text.
pub struct Harness {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
}

impl Harness {
    pub fn open(vault_dir: &Path, lang: Lang, width: u16, height: u16) -> Harness {
        let app = App::open(
            settings(vault_dir, lang),
            open_session(vault_dir, NOW),
            Rect::new(0, 0, width, height),
        );
        Harness::with(app, width, height)
    }

    /// The unlock screen (or the create screen where no vault is yet). A
    /// vault just made in this process is waited for, or the first unlock
    /// would find it still in use.
    pub fn locked(vault_dir: &Path, lang: Lang, width: u16, height: u16) -> Harness {
        if vault_dir.join("db").exists() {
            wait_until_free(vault_dir);
        }
        let app = App::locked(settings(vault_dir, lang), Rect::new(0, 0, width, height));
        Harness::with(app, width, height)
    }

    pub fn with(app: App, width: u16, height: u16) -> Harness {
        Harness {
            app,
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.app.resize(width, height);
    }

    /// Feeds keys written as text: plain characters, and `<Enter>`, `<Esc>`,
    /// `<Tab>`, `<S-Tab>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<BS>`,
    /// `<C-l>`, `<C-s>`, `<C-f>`, `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`; then draws and returns the frame.
    pub fn step_and_draw(&mut self, keys: &str) -> String {
        for k in parse_keys(keys) {
            self.app.on_key(k);
        }
        self.draw()
    }

    /// A paste from the terminal (bracketed paste), then draws.
    pub fn paste_and_draw(&mut self, text: &str) -> String {
        self.app.on_paste(text);
        self.draw()
    }

    pub fn act(&mut self, action: Action) -> String {
        self.app.apply(action);
        self.draw()
    }

    pub fn draw(&mut self) -> String {
        self.terminal
            .draw(|f| kluis::ui::draw(&self.app, f))
            .unwrap();
        buffer_text(self.terminal.backend().buffer())
    }
}

pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn parse_keys(s: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let k = match name {
                "Enter" => Some(key(KeyCode::Enter)),
                "Esc" => Some(key(KeyCode::Esc)),
                "Tab" => Some(key(KeyCode::Tab)),
                "S-Tab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                "Up" => Some(key(KeyCode::Up)),
                "Down" => Some(key(KeyCode::Down)),
                "Left" => Some(key(KeyCode::Left)),
                "Right" => Some(key(KeyCode::Right)),
                "BS" => Some(key(KeyCode::Backspace)),
                "Space" => Some(key(KeyCode::Char(' '))),
                "C-l" => Some(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL)),
                "C-c" => Some(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
                "C-s" => Some(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
                "C-f" => Some(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL)),
                "Home" => Some(key(KeyCode::Home)),
                "End" => Some(key(KeyCode::End)),
                "PgUp" => Some(key(KeyCode::PageUp)),
                "PgDn" => Some(key(KeyCode::PageDown)),
                _ => None,
            };
            if let Some(k) = k {
                out.push(k);
                rest = &rest[end + 1..];
                continue;
            }
        }
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        out.push(KeyEvent::new(KeyCode::Char(c), mods));
        rest = &rest[c.len_utf8()..];
    }
    out
}
