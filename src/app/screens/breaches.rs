//! Screen 8: the breach register with the 72-hour clock; Enter shows one
//! breach with its checklist and the recommendation of its assessment.
//! Rows and the detail come from `ops::breach` (the rules live there).

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::breach as breach_forms;
use crate::app::keymap::{self, Scope};
use crate::app::layout;
use crate::app::list::ListView;
use crate::app::popup::Confirm;
use crate::app::save::breach::breach_error_text;
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::app::sort::SortKey;
use crate::domain::breach::{Breach, ChecklistStep};
use crate::domain::fold;
use crate::domain::retention::Deadlines;
use crate::domain::{Id, Kind};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, dates};
use crate::ops::Session;
use crate::ops::breach::{self, BreachRow, Detail, StepRow};
use ratatui::crossterm::event::KeyEvent;

/// One breach opened: its detail at the last change of the data, and the
/// checklist step under the cursor.
#[derive(Debug, Clone)]
pub struct BreachDetail {
    pub view: Detail,
    /// The language the recommendation's reasons are in.
    pub lang: Lang,
    /// Index into `view.steps`.
    pub cursor: usize,
}

impl BreachDetail {
    pub fn build(s: &Session, id: &Id, lang: Lang) -> Option<BreachDetail> {
        breach::detail(s, id).ok().map(|view| {
            let cursor = view
                .next_step
                .and_then(|n| view.steps.iter().position(|r| r.step == n))
                .unwrap_or(0);
            BreachDetail { view, lang, cursor }
        })
    }

    pub fn id(&self) -> &Id {
        &self.view.id
    }

    pub fn selected(&self) -> Option<&StepRow> {
        self.view.steps.get(self.cursor)
    }

    pub fn selected_step(&self) -> Option<ChecklistStep> {
        self.selected().map(|r| r.step)
    }

    fn handle(&mut self, action: &Action) -> EventState {
        let last = self.view.steps.len().saturating_sub(1);
        self.cursor = match action {
            Action::Up => self.cursor.saturating_sub(1),
            Action::Down => (self.cursor + 1).min(last),
            Action::First => 0,
            Action::Last => last,
            _ => return EventState::NotConsumed,
        };
        EventState::Consumed
    }
}

#[derive(Debug, Default)]
pub struct BreachesScreen {
    /// In the order of `ops::breach::list`: running clocks first.
    pub rows: Vec<BreachRow>,
    search: Vec<String>,
    pub list: ListView,
    pub detail: Option<BreachDetail>,
}

impl BreachesScreen {
    fn rebuild(&mut self, s: &Session) {
        let selected = self.selected_id().cloned();
        self.rows = breach::list(s);
        self.search = self
            .rows
            .iter()
            .map(|r| fold::folded(&format!("{} {}", r.title, r.id)))
            .collect();
        self.sort_rows();
        if let Some(id) = selected {
            self.select(&id);
        }
        if let Some(d) = self.detail.take() {
            self.detail = BreachDetail::build(s, d.id(), d.lang).map(|mut new| {
                new.cursor = d.cursor.min(new.view.steps.len().saturating_sub(1));
                new
            });
        }
    }

    /// Opens the detail of breach `id` (and puts the list cursor on it).
    pub fn open(&mut self, s: &Session, id: &Id, lang: Lang) {
        self.select(id);
        self.detail = BreachDetail::build(s, id, lang);
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|r| r.id == *id) {
            self.list.select_row(pos);
        }
    }

    /// The breach open in the detail, or under the list cursor.
    pub fn selected_id(&self) -> Option<&Id> {
        match &self.detail {
            Some(d) => Some(d.id()),
            None => self.list.selected_row().map(|r| &self.rows[r].id),
        }
    }

    pub fn search(&self) -> &[String] {
        &self.search
    }

    /// Orders the rows by the column `s` chose (`app::sort`), in the order
    /// of the columns: clock, title, discovered, risk, next step.
    fn sort_rows(&mut self) {
        let rows = &self.rows;
        self.list.sort_rows(&self.search, 5, |i, column| {
            let r = &rows[i];
            match column {
                0 => SortKey::Number(r.hours_left),
                1 => SortKey::text(&r.title),
                2 => SortKey::Date(Some(r.discovered_at.date_naive())),
                3 => SortKey::Number(r.risk.map_or(-1, |risk| risk as i64)),
                _ => SortKey::Number(r.next_step.map_or(i64::MAX, |step| step as i64)),
            }
        });
    }
}

impl Component for BreachesScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.list.is_filtering() {
            &[Scope::FilterInput]
        } else if self.detail.is_some() {
            &[Scope::BreachDetail]
        } else {
            &[Scope::Breaches, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        if let Some(d) = &mut self.detail {
            if *action == Action::Back {
                self.detail = None;
                return EventState::Consumed;
            }
            return d.handle(action);
        }
        let state = self.list.handle(action, &self.search);
        if self.list.take_resort() {
            self.sort_rows();
        }
        state
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        if self.detail.is_some() {
            return EventState::NotConsumed;
        }
        self.list.raw_key(key, &self.search)
    }

    fn enabled(&self, action: &Action) -> bool {
        let step = self.detail.as_ref().and_then(BreachDetail::selected);
        match action {
            Action::Tick => step.is_some_and(|r| r.done_at.is_none()),
            Action::Untick => step.is_some_and(|r| r.done_at.is_some()),
            Action::Open | Action::Edit | Action::Export => self.selected_id().is_some(),
            _ => true,
        }
    }
}

impl ScreenComponent for BreachesScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[
            Scope::Breaches,
            Scope::BreachDetail,
            Scope::List,
            Scope::FilterInput,
        ]
    }

    fn refresh(&mut self, session: &Session, _deadlines: &Deadlines) {
        self.rebuild(session);
    }

    fn lists_mut(&mut self) -> Vec<&mut ListView> {
        vec![&mut self.list]
    }

    fn set_area(&mut self, area: ratatui::layout::Rect) {
        self.list.set_page(layout::list_rows(area, 0));
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        let lang = cx.lang;
        match action {
            Action::Open => match self.selected_id().cloned() {
                Some(id) => self.open(cx.session, &id, lang),
                None => out.push(cx.say(Text::SelectFirst)),
            },
            Action::New => out.push(Effect::Form(breach_forms::new_breach(cx.session.clock.now))),
            Action::Edit => {
                if let Some((id, b)) = self.selected_breach(cx, out) {
                    out.push(Effect::Form(breach_forms::edit_breach(id, b, lang)));
                }
            }
            Action::Export => {
                if let Some((id, _)) = self.selected_breach(cx, out) {
                    out.push(Effect::Form(breach_forms::export(id, lang)));
                }
            }
            Action::Assess => {
                if let Some((id, b)) = self.selected_breach(cx, out) {
                    out.push(Effect::Form(breach_forms::assessment(id, b, lang)));
                }
            }
            Action::Tick => self.tick(cx, out),
            Action::Untick => self.ask_untick(cx, out),
            _ => {}
        }
    }

    fn confirmed(&mut self, what: &Confirmed, cx: &mut Cx, out: &mut Vec<Effect>) {
        let Confirmed::UndoStep(id, step) = what else {
            return;
        };
        match breach::untick(cx.session, id, *step) {
            Ok(()) => {
                out.push(Effect::Refresh);
                out.push(cx.say(Text::StepUndone));
            }
            Err(e) => out.push(Effect::Say(breach_error_text(cx.lang, &e))),
        }
    }

    /// A new breach: its detail, with the cursor on it in the list.
    fn open_record(
        &mut self,
        kind: Kind,
        id: &Id,
        session: &Session,
        _deadlines: &Deadlines,
        lang: Lang,
    ) {
        if kind == Kind::Breach {
            self.open(session, id, lang);
        }
    }

    fn close_detail(&mut self) {
        self.detail = None;
    }
}

impl BreachesScreen {
    /// The breach open or under the cursor; says so when there is none.
    fn selected_breach<'a>(&self, cx: &'a Cx, out: &mut Vec<Effect>) -> Option<(Id, &'a Breach)> {
        let id = self.selected_id().cloned();
        let found = id.and_then(|id| cx.session.data.breaches.get(&id).map(|b| (id, b)));
        if found.is_none() {
            out.push(cx.say(Text::SelectFirst));
        }
        found
    }

    /// Enter on a step: ticks it now, or opens the form of a step that
    /// needs text (the action plan, the decisions) or answers (the
    /// assessment).
    fn tick(&mut self, cx: &mut Cx, out: &mut Vec<Effect>) {
        let lang = cx.lang;
        let Some(d) = &self.detail else {
            return;
        };
        let Some(row) = d.selected().cloned() else {
            return;
        };
        let id = d.id().clone();
        let advice = d.view.recommendation.clone();
        if row.done_at.is_some() {
            let key = keymap::key_for(Scope::BreachDetail, &Action::Untick);
            return out.push(Effect::Say(ui::step_already_done(lang, &key)));
        }
        let Some(b) = cx.session.data.breaches.get(&id) else {
            return;
        };
        let form = match row.step {
            ChecklistStep::ActionPlanMade => Some(breach_forms::action_plan(
                id.clone(),
                &b.checklist.action_plan,
            )),
            ChecklistStep::Assessed => Some(breach_forms::assessment(id.clone(), b, lang)),
            ChecklistStep::AuthorityNotified => Some(breach_forms::authority(
                id.clone(),
                b,
                advice.as_ref().map(|a| a.notify_authority),
            )),
            ChecklistStep::PeopleInformed => Some(breach_forms::people(
                id.clone(),
                b,
                advice.as_ref().map(|a| a.inform_subjects),
            )),
            _ => None,
        };
        if let Some(form) = form {
            return out.push(Effect::Form(form));
        }
        match breach::tick(cx.session, &id, row.step) {
            Ok(()) => {
                let at = dates::moment(lang, cx.session.clock.now);
                out.push(Effect::Refresh);
                out.push(Effect::Say(ui::step_ticked(
                    lang,
                    row.step.label(lang),
                    &at,
                )));
            }
            Err(e) => out.push(Effect::Say(breach_error_text(lang, &e))),
        }
    }

    fn ask_untick(&self, cx: &Cx, out: &mut Vec<Effect>) {
        let lang = cx.lang;
        let Some(d) = &self.detail else {
            return;
        };
        let Some(row) = d.selected() else {
            return;
        };
        let Some(at) = row.done_at else {
            return out.push(cx.say(Text::StepNotDone));
        };
        out.push(Effect::Ask(Confirm {
            title: Text::ConfirmUntickTitle.get(lang).into(),
            lines: vec![ui::untick_question(
                lang,
                row.step.label(lang),
                &dates::moment(lang, at),
            )],
            on_yes: Confirmed::UndoStep(d.id().clone(), row.step),
        }));
    }
}
