//! Screen 6: the mailing list, ordered by address, with source and
//! evidence; the unsubscribed addresses only as a count.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::{corrections, rights};
use crate::app::keymap::Scope;
use crate::app::layout;
use crate::app::list::ListView;
use crate::app::popup::Confirm;
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::app::sort::SortKey;
use crate::app::wrap;
use crate::domain::fold;
use crate::domain::records::Subscriber;
use crate::domain::retention::Deadlines;
use crate::domain::{Dataset, Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::Session;
use crate::ops::rights::mailing;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

#[derive(Debug, Default)]
pub struct MailingScreen {
    pub rows: Vec<(Id, Subscriber)>,
    search: Vec<String>,
    pub list: ListView,
    /// How many addresses are on the do-not-add list (keyed hashes only).
    pub suppressed: usize,
    /// A source is sorted and found by the name shown.
    lang: Lang,
    /// The terminal: the summary above the list wraps in its width.
    area: Rect,
}

impl MailingScreen {
    fn rebuild(&mut self, data: &Dataset) {
        let selected = self.selected().map(|(id, _)| id.clone());
        self.rows = mailing::list(data);
        let lang = self.lang;
        self.search = self
            .rows
            .iter()
            .map(|(_, s)| {
                fold::folded(&format!(
                    "{} {} {} {}",
                    s.email,
                    s.name.as_deref().unwrap_or(""),
                    ui::source_name(lang, s.source),
                    ui::evidence(lang, s.source, &s.evidence, s.subscribed_on)
                ))
            })
            .collect();
        self.suppressed = data.suppressions.len();
        self.fit_page();
        self.sort_rows();
        if let Some(id) = selected {
            self.select(&id);
        }
    }

    /// The summary above the list, wrapped in `width` columns: on a narrow
    /// terminal it takes two rows rather than lose its end.
    pub fn summary_lines(&self, width: u16) -> Vec<String> {
        let text = ui::mailing_summary(self.lang, self.rows.len(), self.suppressed);
        wrap::lines(&text, usize::from(width))
    }

    /// The list's page: the rows under the (wrapped) summary.
    fn fit_page(&mut self) {
        let width = layout::Frame::of(self.area).inner().width;
        let above = u16::try_from(self.summary_lines(width).len()).unwrap_or(u16::MAX);
        self.list.set_page(layout::list_rows(self.area, above));
    }

    pub fn selected(&self) -> Option<&(Id, Subscriber)> {
        self.list.selected_row().map(|r| &self.rows[r])
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|(i, _)| i == id) {
            self.list.select_row(pos);
        }
    }

    /// Orders the rows by the column `s` chose (`app::sort`), in the order
    /// of the columns: address, name, source, evidence, since.
    fn sort_rows(&mut self) {
        let (rows, lang) = (&self.rows, self.lang);
        self.list.sort_rows(&self.search, 5, |i, column| {
            let (_, s) = &rows[i];
            match column {
                0 => SortKey::text(&s.email),
                1 => SortKey::text(s.name.as_deref().unwrap_or("")),
                2 => SortKey::text(ui::source_name(lang, s.source)),
                3 => SortKey::text(&ui::evidence(lang, s.source, &s.evidence, s.subscribed_on)),
                _ => SortKey::Date(Some(s.subscribed_on)),
            }
        });
    }
}

impl Component for MailingScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.list.is_filtering() {
            &[Scope::FilterInput]
        } else {
            &[Scope::Mailing, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        let state = self.list.handle(action, &self.search);
        if self.list.take_resort() {
            self.sort_rows();
        }
        state
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        self.list.raw_key(key, &self.search)
    }

    fn enabled(&self, action: &Action) -> bool {
        match action {
            Action::Unsubscribe | Action::Edit => self.selected().is_some(),
            Action::Export => !self.rows.is_empty(),
            _ => true,
        }
    }
}

impl ScreenComponent for MailingScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[Scope::Mailing, Scope::List, Scope::FilterInput]
    }

    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn refresh(&mut self, session: &Session, _deadlines: &Deadlines) {
        self.rebuild(&session.data);
    }

    fn lists_mut(&mut self) -> Vec<&mut ListView> {
        vec![&mut self.list]
    }

    fn set_area(&mut self, area: Rect) {
        self.area = area;
        self.fit_page();
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        match action {
            Action::New => out.push(Effect::Form(rights::new_subscriber(cx.today()))),
            Action::Edit => out.push(match self.selected() {
                Some((id, sub)) => Effect::Form(corrections::subscriber(id.clone(), sub)),
                None => cx.say(Text::SelectFirst),
            }),
            Action::Unsubscribe => out.push(match self.selected() {
                None => cx.say(Text::SelectFirst),
                Some((id, sub)) => Effect::Ask(Confirm {
                    title: Text::ConfirmUnsubscribeTitle.get(cx.lang).into(),
                    lines: vec![
                        sub.email.clone(),
                        String::new(),
                        Text::UnsubscribeExplained.get(cx.lang).into(),
                    ],
                    on_yes: Confirmed::Unsubscribe(id.clone()),
                }),
            }),
            Action::Export if self.rows.is_empty() => out.push(cx.say(Text::NoSubscribers)),
            Action::Export => out.push(Effect::Form(rights::export_mailing())),
            _ => {}
        }
    }

    fn confirmed(&mut self, what: &Confirmed, cx: &mut Cx, out: &mut Vec<Effect>) {
        let Confirmed::Unsubscribe(id) = what else {
            return;
        };
        match mailing::unsubscribe_subscriber(cx.session, id) {
            Ok(_) => {
                let suppressed = cx.session.data.suppressions.len();
                out.push(Effect::Refresh);
                out.push(Effect::Say(ui::unsubscribed(cx.lang, suppressed)));
            }
            Err(e) => out.push(Effect::Say(e.message(cx.lang))),
        }
    }

    fn selected_record(&self) -> Option<(Kind, Id)> {
        self.selected()
            .map(|(id, _)| (Kind::Subscriber, id.clone()))
    }

    fn select_record(&mut self, kind: Kind, id: &Id) {
        if kind == Kind::Subscriber {
            self.select(id);
        }
    }
}
