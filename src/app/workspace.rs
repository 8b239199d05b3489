//! The unlocked app: the session (the decrypted data), the screens, and the
//! popup stack. A key goes to the top popup, or to the screen and then the
//! global keys; what the screen or a saved form asks for comes back as
//! effects, applied here in order. A screen's rows are rebuilt when it is
//! shown after a change, or before that while the coach pauses
//! (`lazy_rows`). Dropping the workspace drops the decrypted data.

use super::action::Action;
use super::component::EventState;
use super::confirmed::Confirmed;
use super::effect::Effect;
use super::files;
use super::forms::form::PeopleIndex;
use super::forms::practice as practice_forms;
use super::forms::purpose::FormPurpose;
use super::keymap::{self, Binding, Scope};
use super::lazy_rows::{LazyRows, Move};
use super::popup::{Asking, Confirm, Popup, Reader};
use super::record_view;
use super::save::{self, Allowed};
use super::screen::Screen;
use super::screen_component::Cx;
use super::screens::Screens;
use super::search::{self, SearchView};
use super::unlock::Resume;
use crate::domain::retention::Deadlines;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::ops::Session;
use crate::ops::decrypted_copies::{DecryptedCopies, ViewerSettings};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::cell::OnceCell;
use std::ffi::OsString;

pub struct Workspace {
    pub session: Session,
    /// The screen shown; its rows are always current (`show` changes it).
    pub screen: Screen,
    pub screens: Screens,
    /// Which screens' rows match the data, and the cursor moves waiting
    /// for those that do not.
    rows: LazyRows,
    /// The deadlines of every record: computed once per change, for the
    /// Overview and the screens rebuilt after it.
    deadlines: Deadlines,
    /// The people to pick from in forms, built when a form first needs
    /// them after a change.
    people: OnceCell<PeopleIndex>,
    pub popups: Vec<Popup>,
    /// The last thing that happened, shown in the status line until the next key.
    pub message: Option<String>,
    /// The decrypted copies open in a viewer: removed when the coach is
    /// done, and all of them when the workspace goes (lock, quit).
    pub copies: DecryptedCopies,
    /// `KLUIS_VIEWER`, instead of the system's viewer.
    viewer: Option<OsString>,
    /// The terminal size.
    area: Rect,
}

impl Workspace {
    pub fn new(session: Session, area: Rect, viewer: &ViewerSettings, lang: Lang) -> Workspace {
        let mut ws = Workspace {
            session,
            screen: Screen::Overview,
            screens: Screens::default(),
            rows: LazyRows::default(),
            deadlines: Deadlines::default(),
            people: OnceCell::new(),
            popups: Vec::new(),
            message: None,
            copies: DecryptedCopies::new(viewer.base.clone()),
            viewer: viewer.command.clone(),
            area,
        };
        ws.set_area(area);
        for screen in ws.screens.all_mut() {
            screen.set_lang(lang);
        }
        ws.refresh();
        ws
    }

    /// Back where the coach was when the vault locked: the screen, the
    /// record under the cursor, the lists' sorts and column cursors, and a
    /// word about a dropped form.
    pub fn resume(&mut self, at: &Resume, lang: Lang) {
        for (screen, arrangements) in &at.arrangements {
            let mut arranged = false;
            for (list, a) in self
                .screens
                .get_mut(*screen)
                .lists_mut()
                .into_iter()
                .zip(arrangements)
            {
                arranged |= list.arrangement() != *a;
                list.arrange(*a);
            }
            // Rows built already go in the order they had, before the
            // cursor finds its record.
            if arranged {
                self.rows.invalidate(*screen);
            }
        }
        self.show(at.screen);
        if let Some((kind, id)) = &at.record {
            self.move_everywhere(&Move::Select(*kind, id.clone()));
        }
        if at.form_dropped {
            self.message = Some(Text::FormDropped.get(lang).to_string());
        }
    }

    /// Once per change of the data: the deadlines, the Overview (and the
    /// count on the To-delete tab) and the rows of the screen shown; the
    /// other screens' rows in the next pause or when they are next shown.
    pub fn refresh(&mut self) {
        self.deadlines = self.session.deadlines();
        self.people = OnceCell::new();
        self.rows.invalidate_all();
        self.build(Screen::Overview);
        self.screens.to_delete.expired = self.screens.overview.status.expired;
        self.build(self.screen);
    }

    /// Shows `screen`, rebuilding its rows if the data changed since they
    /// were built.
    pub fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.build(screen);
    }

    /// While the coach does nothing: rebuilds the rows of one screen whose
    /// rows wait, so that showing it later costs no more than a frame
    /// (`cli::tui` asks between keys). Whether there was one.
    pub fn build_one_waiting(&mut self) -> bool {
        self.waiting_screen().inspect(|s| self.build(*s)).is_some()
    }

    /// Whether a screen's rows wait for `build_one_waiting`.
    pub fn has_waiting_rows(&self) -> bool {
        self.waiting_screen().is_some()
    }

    fn waiting_screen(&self) -> Option<Screen> {
        Screen::ALL.into_iter().find(|s| !self.rows.is_current(*s))
    }

    /// Rebuilds `screen`'s rows unless they are current, then makes the
    /// cursor moves that waited for them.
    fn build(&mut self, screen: Screen) {
        if self.rows.is_current(screen) {
            return;
        }
        self.screens
            .get_mut(screen)
            .refresh(&self.session, &self.deadlines);
        for m in self.rows.built(screen) {
            self.make_move(screen, &m);
        }
    }

    /// A cursor move asked of every screen: made now on the screens whose
    /// rows are current, kept for the others until they are rebuilt.
    fn move_everywhere(&mut self, m: &Move) {
        for screen in Screen::ALL {
            if self.rows.is_current(screen) {
                self.make_move(screen, m);
            } else {
                self.rows.wait(screen, m.clone());
            }
        }
    }

    fn make_move(&mut self, screen: Screen, m: &Move) {
        let s = self.screens.get_mut(screen);
        match m {
            Move::Select(kind, id) => s.select_record(*kind, id),
            Move::Open(kind, id, lang) => {
                s.open_record(*kind, id, &self.session, &self.deadlines, *lang);
            }
        }
    }

    /// Tells the lists how many rows fit.
    pub fn set_area(&mut self, area: Rect) {
        self.area = area;
        for p in &mut self.popups {
            p.fit(area);
        }
        for screen in self.screens.all_mut() {
            screen.set_area(area);
        }
    }

    /// Opens a popup on top of the stack.
    pub fn push(&mut self, mut popup: Popup) {
        popup.fit(self.area);
        self.popups.push(popup);
    }

    /// A key: the top popup first, then the screen, then the global keys.
    pub fn event(&mut self, key: &KeyEvent, queue: &mut Vec<Action>) -> EventState {
        if let Some(top) = self.popups.last_mut() {
            top.event(key, queue);
            // Popups are modal.
            return EventState::Consumed;
        }
        if self
            .screens
            .get_mut(self.screen)
            .event(key, queue)
            .is_consumed()
        {
            return EventState::Consumed;
        }
        match keymap::resolve(&[Scope::Global], key) {
            Some(a) => {
                queue.push(a);
                EventState::Consumed
            }
            None => EventState::NotConsumed,
        }
    }

    /// A paste (`app::paste`): into the field in focus of the top popup's
    /// form. A screen has no field for it: a paste there does nothing.
    pub fn paste(&mut self, pasted: &str, lang: Lang) {
        if let Some(top) = self.popups.last_mut() {
            top.paste(pasted, lang);
        }
    }

    /// The footer: the top popup's commands, or the screen's and the global ones.
    pub fn commands(&self) -> Vec<&'static Binding> {
        let mut out = Vec::new();
        if let Some(top) = self.popups.last() {
            top.commands(&mut out);
            return out;
        }
        let screen = self.screens.get(self.screen);
        screen.commands(&mut out);
        // While a filter is typed every key is typing: `q` and `?` are
        // letters of the filter then, not commands.
        if !screen.scopes().contains(&Scope::FilterInput) {
            out.extend(keymap::bindings(Scope::Global).filter(|b| b.footer));
        }
        out
    }

    /// Carries out an action (Lock and Quit are the app's).
    pub fn apply(&mut self, action: Action, lang: Lang) {
        if !self.popups.is_empty() {
            return self.apply_to_popup(action, lang);
        }
        let screen = self.screens.get_mut(self.screen);
        if screen.handle(&action).is_consumed() {
            return;
        }
        match action {
            Action::GoTo(s) => self.show(s),
            Action::NextScreen => self.show(self.screen.next()),
            Action::PrevScreen => self.show(self.screen.prev()),
            Action::ShowRecord => {
                let shown = self.screens.get(self.screen).selected_record();
                match shown
                    .and_then(|(kind, id)| record_view::reader(&self.session, lang, kind, &id))
                {
                    Some(reader) => self.push(Popup::Reader(reader)),
                    None => self.message = Some(Text::SelectFirst.get(lang).to_string()),
                }
            }
            Action::Help => {
                let help = help(lang, &self.help_scopes());
                self.push(Popup::Help(help));
            }
            Action::Search => self.push(Popup::Search(SearchView::new(&self.session.data, lang))),
            Action::Practice => {
                let profile = crate::ops::practice::profile(&self.session);
                self.push(Popup::Form(practice_forms::settings(&profile)));
            }
            action => {
                let mut out = Vec::new();
                let shown = self.screen;
                let (screens, mut cx) = self.parts(lang);
                screens.get_mut(shown).act(&action, &mut cx, &mut out);
                self.run(out, lang);
            }
        }
    }

    /// The scopes the help shows, in order: the open popup's, the screen's
    /// (those it listens to now first), then the general ones.
    pub fn help_scopes(&self) -> Vec<Scope> {
        let screen = self.screens.get(self.screen);
        let popup = self.popups.last().map_or(&[][..], Popup::scopes);
        let mut out: Vec<Scope> = Vec::new();
        for scope in [popup, screen.scopes(), screen.help_scopes(), Scope::GENERAL].concat() {
            if !out.contains(&scope) {
                out.push(scope);
            }
        }
        out
    }

    /// Carries out what the coach said yes to, on the screen that asked.
    pub fn apply_confirmed(&mut self, what: Confirmed, lang: Lang) {
        let allowed = match what {
            Confirmed::DiscardForm => {
                if matches!(self.popups.last(), Some(Popup::Form(_))) {
                    self.popups.pop();
                }
                return;
            }
            Confirmed::AcceptWeakPassword => Allowed {
                weak_password: true,
                ..Allowed::default()
            },
            Confirmed::OverwriteFile => Allowed {
                overwrite: true,
                ..Allowed::default()
            },
            Confirmed::SaveSharedEmail(_) => Allowed {
                shared_email: true,
                ..Allowed::default()
            },
            Confirmed::DetachFile(owner, name) => {
                let effects = files::actions::detach(&owner, &name, &mut self.session, lang);
                return self.run(effects, lang);
            }
            what => {
                let mut out = Vec::new();
                let shown = self.screen;
                let (screens, mut cx) = self.parts(lang);
                screens.get_mut(shown).confirmed(&what, &mut cx, &mut out);
                return self.run(out, lang);
            }
        };
        self.save(allowed, lang);
    }

    fn apply_to_popup(&mut self, action: Action, lang: Lang) {
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        if top.handle(&action).is_consumed() {
            return;
        }
        if let Popup::Files(view) = top {
            let effects = match action {
                Action::Open => files::actions::open(
                    view,
                    &self.session,
                    &mut self.copies,
                    self.viewer.as_deref(),
                    lang,
                ),
                Action::Attach => vec![files::actions::attach_form(view, lang)],
                Action::Export => vec![files::actions::save_form(view, lang)],
                Action::Delete => vec![files::actions::ask_detach(view, lang)],
                _ => Vec::new(),
            };
            if !effects.is_empty() {
                return self.run(effects, lang);
            }
        }
        if let Popup::Copy(notice) = top
            && matches!(action, Action::Back | Action::Cancel)
        {
            let copy = notice.path.clone();
            self.popups.pop();
            self.message = Some(match self.copies.remove(&copy) {
                Ok(()) => Text::CopyRemoved.get(lang).to_string(),
                Err(e) => crate::i18n::files_ui::copy_failed(lang, &e),
            });
            return;
        }
        if let (Action::Open, Popup::Search(view)) = (&action, &*top) {
            let Some(hit) = view.chosen() else {
                return;
            };
            let effects = search::jump(hit, &self.session, lang);
            self.popups.pop();
            return self.run(effects, lang);
        }
        if let (Action::OpenExisting, Popup::Confirm(c)) = (&action, &*top)
            && let Confirmed::SaveSharedEmail(holder) = &c.confirm.on_yes
        {
            // Instead of the form: the question and the form under it go.
            let holder = holder.clone();
            self.popups.truncate(self.popups.len().saturating_sub(2));
            return self.run(open_person(holder), lang);
        }
        match action {
            Action::Confirm => {
                if let Some(Popup::Confirm(a)) = self.popups.pop() {
                    self.apply_confirmed(a.confirm.on_yes, lang);
                }
            }
            Action::Cancel | Action::Back => match top {
                // A password shown once does not go with one key.
                Popup::Form(f) if matches!(f.purpose, FormPurpose::KeepPassword(_)) => {
                    f.problem = Some(Text::KeepPasswordFirst.get(lang).into());
                }
                // A changed form asks first: Esc by mistake loses nothing.
                Popup::Form(f) if f.changed => {
                    let confirm = Confirm {
                        title: Text::DiscardTitle.get(lang).into(),
                        lines: vec![Text::DiscardQuestion.get(lang).into()],
                        on_yes: Confirmed::DiscardForm,
                    };
                    self.push(Popup::Confirm(Asking::new(confirm)));
                }
                _ => drop(self.popups.pop()),
            },
            Action::Submit => self.save(Allowed::default(), lang),
            _ => {}
        }
    }

    /// Saves the form on top of the stack.
    fn save(&mut self, allowed: Allowed, lang: Lang) {
        let Some(Popup::Form(form)) = self.popups.pop() else {
            return;
        };
        let mut out = Vec::new();
        save::save(form, allowed, &mut self.parts(lang).1, &mut out);
        self.run(out, lang);
    }

    /// The screens, and what their actions may use.
    fn parts(&mut self, lang: Lang) -> (&mut Screens, Cx<'_>) {
        let cx = Cx::new(&mut self.session, lang, &self.deadlines, &self.people);
        (&mut self.screens, cx)
    }

    /// Applies effects in order.
    fn run(&mut self, effects: Vec<Effect>, lang: Lang) {
        for effect in effects {
            match effect {
                Effect::Say(text) => self.message = Some(text),
                Effect::Form(mut form) => {
                    form.localise(lang);
                    self.push(Popup::Form(form));
                }
                Effect::Read(reader) => self.push(Popup::Reader(reader)),
                Effect::Ask(confirm) => self.push(Popup::Confirm(Asking::new(confirm))),
                Effect::GoTo(screen) => self.show(screen),
                Effect::Refresh => {
                    self.refresh();
                    for p in &mut self.popups {
                        if let Popup::Files(view) = p
                            && let Err(e) = view.relist(&self.session)
                        {
                            self.message = Some(e.message(lang));
                        }
                    }
                }
                Effect::Files(view) => self.push(Popup::Files(view)),
                Effect::Copy(notice) => self.push(Popup::Copy(notice)),
                Effect::Select(kind, id) => self.move_everywhere(&Move::Select(kind, id)),
                Effect::Open(kind, id) => self.move_everywhere(&Move::Open(kind, id, lang)),
                Effect::CloseDetail(screen) => self.screens.get_mut(screen).close_detail(),
            }
        }
    }
}

/// The effects that show person `id`'s detail on the People screen.
fn open_person(id: Id) -> Vec<Effect> {
    vec![
        Effect::GoTo(Screen::People),
        Effect::CloseDetail(Screen::People),
        Effect::Select(Kind::Person, id.clone()),
        Effect::Open(Kind::Person, id),
    ]
}

/// The help popup for `scopes`, generated from the live key table.
fn help(lang: Lang, scopes: &[Scope]) -> Reader {
    let mut text = String::new();
    for (title, keys, what) in keymap::help_lines(lang, scopes) {
        if let Some(t) = title {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&t);
            text.push('\n');
        }
        text.push_str(&format!("  {keys:<22} {what}\n"));
    }
    Reader::new(Text::HelpTitle.get(lang), text)
}
