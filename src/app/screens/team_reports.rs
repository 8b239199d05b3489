//! Screen 4: team reports. Their bodies stay sealed; Enter asks for the
//! report's own password.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::{corrections, records};
use crate::app::keymap::Scope;
use crate::app::layout;
use crate::app::list::ListView;
use crate::app::removal;
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::app::sort::SortKey;
use crate::domain::fold;
use crate::domain::retention::{Deadline, Deadlines, deadline_of};
use crate::domain::{Dataset, Id, Kind};
use crate::i18n::ui::Text;
use crate::ops::Session;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

#[derive(Debug, Clone)]
pub struct TeamReportRow {
    pub id: Id,
    pub organisation: String,
    pub team: String,
    pub title: String,
    pub delivered_on: NaiveDate,
    pub deadline: Deadline,
}

#[derive(Debug, Default)]
pub struct TeamReportsScreen {
    pub rows: Vec<TeamReportRow>,
    search: Vec<String>,
    pub list: ListView,
}

impl TeamReportsScreen {
    fn rebuild(&mut self, data: &Dataset, deadlines: &Deadlines) {
        let selected = self.selected().map(|r| r.id.clone());
        self.rows = data
            .team_reports
            .iter()
            .map(|(id, r)| TeamReportRow {
                id: id.clone(),
                organisation: r.organisation.clone(),
                team: r.team.clone(),
                title: r.title.clone(),
                delivered_on: r.delivered_on,
                deadline: deadline_of(deadlines, Kind::TeamReport, id),
            })
            .collect();
        self.rows
            .sort_by(|a, b| (a.deadline, &a.title, &a.id).cmp(&(b.deadline, &b.title, &b.id)));
        self.search = self
            .rows
            .iter()
            .map(|r| fold::folded(&format!("{} {} {}", r.organisation, r.team, r.title)))
            .collect();
        self.sort_rows();
        if let Some(id) = selected {
            self.select(&id);
        }
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|r| r.id == *id) {
            self.list.select_row(pos);
        }
    }

    pub fn selected(&self) -> Option<&TeamReportRow> {
        self.list.selected_row().map(|r| &self.rows[r])
    }

    /// Orders the rows by the column `s` chose (`app::sort`), in the order
    /// of the columns: title, organisation, team, delivered, deadline.
    fn sort_rows(&mut self) {
        let rows = &self.rows;
        self.list.sort_rows(&self.search, 5, |i, column| {
            let r = &rows[i];
            match column {
                0 => SortKey::text(&r.title),
                1 => SortKey::text(&r.organisation),
                2 => SortKey::text(&r.team),
                3 => SortKey::Date(Some(r.delivered_on)),
                _ => SortKey::Deadline(r.deadline),
            }
        });
    }
}

impl Component for TeamReportsScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.list.is_filtering() {
            &[Scope::FilterInput]
        } else {
            &[Scope::TeamReports, Scope::List]
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
            Action::Open | Action::Delete | Action::Edit => self.selected().is_some(),
            _ => true,
        }
    }
}

impl ScreenComponent for TeamReportsScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[
            Scope::TeamReports,
            Scope::List,
            Scope::FilterInput,
            Scope::Unseal,
            Scope::Files,
            Scope::DecryptedCopy,
        ]
    }

    fn refresh(&mut self, session: &Session, deadlines: &Deadlines) {
        self.rebuild(&session.data, deadlines);
    }

    fn lists_mut(&mut self) -> Vec<&mut ListView> {
        vec![&mut self.list]
    }

    fn set_area(&mut self, area: Rect) {
        self.list.set_page(layout::list_rows(area, 0));
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        let selected = self.selected().map(|r| r.id.clone());
        match action {
            Action::Files => out.push(match &selected {
                Some(id) => Effect::Form(crate::app::files::actions::team_password(id.clone())),
                None => cx.say(Text::SelectFirst),
            }),
            Action::Open => out.push(match selected {
                Some(id) => Effect::Form(records::open_team_report(id)),
                None => cx.say(Text::SelectFirst),
            }),
            Action::New => out.push(Effect::Form(records::new_team_report(cx.today()))),
            Action::Edit => out.push(
                match selected.and_then(|id| cx.session.data.team_reports.get(&id).map(|r| (id, r)))
                {
                    Some((id, r)) => Effect::Form(corrections::team_report(id, r)),
                    None => cx.say(Text::SelectFirst),
                },
            ),
            Action::Delete => {
                removal::ask_delete(selected.map(|id| (Kind::TeamReport, id)), cx, out);
            }
            _ => {}
        }
    }

    fn confirmed(&mut self, what: &Confirmed, cx: &mut Cx, out: &mut Vec<Effect>) {
        if let Confirmed::DeleteRecords(selection) = what {
            removal::delete(selection, cx, out);
        }
    }

    fn selected_record(&self) -> Option<(Kind, Id)> {
        self.selected().map(|r| (Kind::TeamReport, r.id.clone()))
    }

    fn select_record(&mut self, kind: Kind, id: &Id) {
        if kind == Kind::TeamReport {
            self.select(id);
        }
    }
}
