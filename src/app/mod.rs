//! The application state of the terminal UI, driven by semantic actions
//! (`Action`). Keys become actions through the one key table (`keymap`);
//! drawing (`crate::ui`) reads this state and changes nothing, so tests drive
//! the app without a terminal.

pub mod action;
pub mod component;
pub mod confirmed;
pub mod demo;
pub mod editor;
pub mod effect;
pub mod files;
pub mod forms;
pub mod input;
pub mod key_overrides;
pub mod keymap;
pub mod layout;
pub mod lazy_rows;
pub mod list;
pub mod paste;
pub mod popup;
pub mod record_view;
pub mod removal;
pub mod save;
pub mod screen;
pub mod screen_component;
pub mod screens;
pub mod search;
pub mod search_hits;
pub mod sort;
pub mod two_lists;
pub mod unlock;
pub mod workspace;
pub mod wrap;

pub use action::Action;
pub use confirmed::Confirmed;
pub use screen::Screen;

use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::ops::decrypted_copies::{self, ViewerSettings};
use crate::ops::session::{self, KdfParams};
use crate::ops::{Clock, Session, vault_words};
use component::Component;
use keymap::{Binding, Scope};
use popup::Popup;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::time::Duration;
use unlock::{Resume, Unlock, UnlockMode};
use workspace::Workspace;

/// The vault locks itself after this long without a key.
pub const IDLE_LOCK: Duration = Duration::from_secs(10 * 60);

/// What the app is started with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub clock: Clock,
    pub vault_dir: PathBuf,
    /// Key stretching for a vault created on the unlock screen.
    pub create_params: KdfParams,
    /// False with `NO_COLOR`: text and modifiers only.
    pub color: bool,
    pub idle_lock: Duration,
    /// Where decrypted copies for a viewer go, and which viewer.
    pub viewer: ViewerSettings,
    /// The demo's passphrase and passwords (`kluis demo`), shown in the UI.
    pub demo: Option<demo::Demo>,
}

impl Settings {
    pub fn new(lang: Lang, clock: Clock, vault_dir: PathBuf) -> Settings {
        Settings {
            lang,
            clock,
            vault_dir,
            create_params: KdfParams::VAULT,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            idle_lock: IDLE_LOCK,
            viewer: ViewerSettings::from_env(),
            demo: None,
        }
    }
}

pub enum Mode {
    Locked(Unlock),
    Open(Box<Workspace>),
}

pub struct App {
    pub settings: Settings,
    pub mode: Mode,
    /// The terminal size.
    pub area: Rect,
    idle: Duration,
    quit: bool,
}

impl App {
    /// The unlock screen (or the create screen when there is no vault yet).
    pub fn locked(settings: Settings, area: Rect) -> App {
        remove_leftover_copies(&settings);
        let mode = if session::exists(&settings.vault_dir) {
            UnlockMode::Open
        } else {
            UnlockMode::Create
        };
        App {
            settings,
            mode: Mode::Locked(Unlock::new(mode, None)),
            area,
            idle: Duration::ZERO,
            quit: false,
        }
    }

    /// An app on an unlocked vault.
    pub fn open(settings: Settings, session: Session, area: Rect) -> App {
        remove_leftover_copies(&settings);
        let mut workspace = open_workspace(session, area, &settings);
        if let Some(demo) = &settings.demo {
            workspace.push(Popup::Reader(demo.reader(settings.lang)));
        }
        App {
            settings,
            mode: Mode::Open(Box::new(workspace)),
            area,
            idle: Duration::ZERO,
            quit: false,
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.mode {
            Mode::Open(ws) => Some(ws),
            Mode::Locked(_) => None,
        }
    }

    pub fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        match &mut self.mode {
            Mode::Open(ws) => Some(ws),
            Mode::Locked(_) => None,
        }
    }

    pub fn is_locked(&self) -> bool {
        matches!(self.mode, Mode::Locked(_))
    }

    /// The terminal changed size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        let area = self.area;
        if let Some(ws) = self.workspace_mut() {
            ws.set_area(area);
        }
    }

    /// Time passed without a key; locks the vault after `idle_lock`.
    pub fn tick(&mut self, elapsed: Duration) {
        self.sync_clock();
        self.idle = self.idle.saturating_add(elapsed);
        if self.idle >= self.settings.idle_lock && !self.is_locked() {
            self.lock(Text::LockedIdle);
        }
    }

    /// Work for a moment without keys: rebuilds the rows of one screen
    /// that waits for them (`Workspace::build_one_waiting`). Whether there
    /// was any; none while locked.
    pub fn on_idle(&mut self) -> bool {
        self.workspace_mut()
            .is_some_and(Workspace::build_one_waiting)
    }

    /// Whether `on_idle` has work: rows wait, and the vault is open.
    pub fn has_idle_work(&self) -> bool {
        self.workspace().is_some_and(Workspace::has_waiting_rows)
    }

    /// A key press from the terminal.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.idle = Duration::ZERO;
        self.sync_clock();
        // Locking and quitting work everywhere, even in a text field.
        if let Some(action) = keymap::resolve(&[Scope::Anywhere], &key) {
            return self.apply(action);
        }
        let mut queue = Vec::new();
        match &mut self.mode {
            Mode::Locked(unlock) => {
                unlock.event(&key, &mut queue);
            }
            Mode::Open(ws) => {
                ws.message = None;
                ws.event(&key, &mut queue);
            }
        }
        for action in queue {
            self.apply(action);
        }
    }

    /// A paste from the terminal: text for the field in focus, never keys
    /// (`app::paste`). Outside a field it does nothing.
    pub fn on_paste(&mut self, pasted: &str) {
        self.idle = Duration::ZERO;
        self.sync_clock();
        let lang = self.lang();
        match &mut self.mode {
            Mode::Locked(unlock) => unlock.paste(pasted, lang),
            Mode::Open(ws) => {
                ws.message = None;
                ws.paste(pasted, lang);
            }
        }
    }

    /// Carries out an action.
    pub fn apply(&mut self, action: Action) {
        let lang = self.lang();
        match action {
            Action::Quit => {
                // The decrypted copies go before the terminal is given back.
                if let Some(ws) = self.workspace_mut() {
                    let _ = ws.copies.remove_all();
                }
                self.quit = true;
            }
            Action::Lock => {
                if !self.is_locked() {
                    self.lock(Text::LockedByKey);
                }
            }
            Action::Submit if self.is_locked() => self.unlock(),
            Action::ShowDemo => {
                if let (Some(demo), Mode::Open(ws)) = (&self.settings.demo, &mut self.mode) {
                    ws.push(Popup::Reader(demo.reader(lang)));
                }
            }
            action => match &mut self.mode {
                Mode::Open(ws) => ws.apply(action, lang),
                Mode::Locked(unlock) => {
                    unlock.handle(&action);
                }
            },
        }
    }

    /// Moves a live clock to this moment, in the settings (drawing) and in
    /// the session (the operations stamp ticks with `session.clock.now`).
    /// A new day rebuilds the rows, whose countdowns count in days.
    fn sync_clock(&mut self) {
        let clock = self.settings.clock.refreshed();
        let new_day = clock.today() != self.settings.clock.today();
        self.settings.clock = clock;
        if let Some(ws) = self.workspace_mut() {
            ws.session.clock = clock;
            if new_day {
                ws.refresh();
            }
        }
    }

    /// Drops the session (the decrypted data) and shows the unlock screen,
    /// which remembers the screen and the record under the cursor to come
    /// back to, and says when an open form was dropped.
    fn lock(&mut self, why: Text) {
        let lang = self.lang();
        let resume = self.workspace_mut().map(|ws| Resume {
            screen: ws.screen,
            record: ws.screens.get(ws.screen).selected_record(),
            form_dropped: ws.popups.iter().any(|p| matches!(p, Popup::Form(_))),
            arrangements: Screen::ALL
                .into_iter()
                .map(|s| {
                    let lists = ws.screens.get_mut(s).lists_mut();
                    (s, lists.iter().map(|l| l.arrangement()).collect())
                })
                .collect(),
        });
        let mut notice = why.get(lang).to_string();
        if resume.as_ref().is_some_and(|r| r.form_dropped) {
            notice = format!("{notice}\n{}", Text::FormDropped.get(lang));
        }
        let mut unlock = Unlock::new(UnlockMode::Open, Some(notice));
        unlock.resume = resume;
        self.mode = Mode::Locked(unlock);
    }

    fn unlock(&mut self) {
        let lang = self.lang();
        let Mode::Locked(unlock) = &mut self.mode else {
            return;
        };
        if let Some(problem) = unlock.problem() {
            unlock.failed(problem.get(lang).to_string());
            return;
        }
        if unlock.needs_weak_confirmation(lang) {
            return;
        }
        let pass = unlock.passphrase.value().as_bytes().to_vec();
        let pass = zeroize::Zeroizing::new(pass);
        let s = &self.settings;
        let opened = match unlock.mode {
            UnlockMode::Open => session::open(&s.vault_dir, &pass, s.clock),
            UnlockMode::Create => session::create(&s.vault_dir, &pass, s.create_params, s.clock),
        };
        match opened {
            Ok(session) => {
                let mut ws = open_workspace(session, self.area, &self.settings);
                if let Some(resume) = unlock.resume.take() {
                    ws.resume(&resume, lang);
                }
                // The first run asks the practice's name and e-mail address
                // (DESIGN.md §13.2); Esc leaves them for the settings (P).
                if unlock.mode == UnlockMode::Create {
                    ws.push(Popup::Form(forms::practice::first_run()));
                }
                self.mode = Mode::Open(Box::new(ws));
            }
            Err(e) => unlock.failed(vault_words::open_failed(lang, &e)),
        }
    }

    /// Carries out what a confirmation said yes to (as `y` on it does).
    pub fn apply_confirmed(&mut self, what: Confirmed) {
        let lang = self.lang();
        if let Mode::Open(ws) = &mut self.mode {
            ws.apply_confirmed(what, lang);
        }
    }

    /// The footer commands of whatever has the keys.
    pub fn commands(&self) -> Vec<&'static Binding> {
        match &self.mode {
            Mode::Locked(unlock) => {
                let mut out = Vec::new();
                unlock.commands(&mut out);
                out
            }
            Mode::Open(ws) => ws.commands(),
        }
    }
}

/// The workspace of a freshly unlocked vault; the status line shows the
/// most serious of the session's opening notices.
fn open_workspace(session: Session, area: Rect, settings: &Settings) -> Workspace {
    let notice = session.opening_notices(settings.lang).into_iter().next();
    let mut ws = Workspace::new(session, area, &settings.viewer, settings.lang);
    if notice.is_some() {
        ws.message = notice;
    }
    ws
}

/// At start: the decrypted copies a killed kluis left behind go
/// (`decrypted_copies::remove_leftovers`). A folder that cannot be read is
/// left for the next start; opening a file then says what is wrong.
fn remove_leftover_copies(settings: &Settings) {
    let _ = decrypted_copies::remove_leftovers(&settings.viewer.base);
}
