//! Screen 3: trajectories with their documents. Enter shows a trajectory's
//! documents; completing a trajectory starts their clock.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::files::{FilesOwner, FilesView};
use crate::app::forms::{corrections, records};
use crate::app::keymap::Scope;
use crate::app::layout::{self, TRAJECTORY_INFO_ROWS};
use crate::app::list::ListView;
use crate::app::popup::Reader;
use crate::app::removal;
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::app::sort::SortKey;
use crate::domain::fold;
use crate::domain::id_hash::{IdMap, id_map};
use crate::domain::retention::{Deadline, Deadlines, deadline_of};
use crate::domain::text::escaped;
use crate::domain::{Dataset, Id, Kind, TrajectoryKind};
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::ops::Session;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

#[derive(Debug, Clone)]
pub struct TrajectoryRow {
    pub id: Id,
    pub title: String,
    pub kind: TrajectoryKind,
    pub participants: String,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub documents: usize,
    pub deadline: Deadline,
}

#[derive(Debug, Clone)]
pub struct DocumentRow {
    pub id: Id,
    pub kind: Kind,
    pub title: String,
    pub participant: String,
    pub created_on: NaiveDate,
    pub deadline: Deadline,
}

/// The documents of one trajectory, shown under its details: built when
/// it opens, not for every trajectory.
#[derive(Debug, Clone)]
pub struct TrajectoryDetail {
    pub id: Id,
    pub list: ListView,
    /// Sorted by deadline then title.
    documents: Vec<DocumentRow>,
    search: Vec<String>,
}

#[derive(Debug, Default)]
pub struct TrajectoriesScreen {
    pub rows: Vec<TrajectoryRow>,
    search: Vec<String>,
    pub list: ListView,
    pub detail: Option<TrajectoryDetail>,
    detail_page: usize,
    /// The documents of each trajectory, from the pass that counts them:
    /// opening a trajectory then reads its own, not every document (half a
    /// million of them at 100 000 people, 10 ms for every Enter).
    documents: IdMap<Id, Vec<Id>>,
}

/// A person's name, or a dash for one who is not there (erased).
fn name_of<'d>(data: &'d Dataset, id: &Id) -> &'d str {
    data.people.get(id).map_or("—", |p| p.name.as_str())
}

/// The documents of trajectory `id` among `ids`, sorted by deadline then
/// title.
fn documents_of(data: &Dataset, deadlines: &Deadlines, id: &Id, ids: &[Id]) -> Vec<DocumentRow> {
    let mut docs: Vec<DocumentRow> = ids
        .iter()
        .filter_map(|doc| Some((doc, data.documents.get(doc)?)))
        .filter(|(_, d)| d.trajectory == *id)
        .map(|(doc, d)| {
            let kind = d.kind.record_kind();
            DocumentRow {
                id: doc.clone(),
                kind,
                title: d.title.clone(),
                participant: name_of(data, &d.participant).to_string(),
                created_on: d.created_on,
                deadline: deadline_of(deadlines, kind, doc),
            }
        })
        .collect();
    docs.sort_by(|a, b| (a.deadline, &a.title, &a.id).cmp(&(b.deadline, &b.title, &b.id)));
    docs
}

impl TrajectoriesScreen {
    fn rebuild(&mut self, data: &Dataset, deadlines: &Deadlines) {
        let name = |id: &Id| name_of(data, id);
        let mut documents: IdMap<Id, Vec<Id>> = id_map(data.trajectories.len());
        for (doc, d) in &data.documents {
            documents
                .entry(d.trajectory.clone())
                .or_default()
                .push(doc.clone());
        }
        self.documents = documents;
        let selected = self.list.selected_row().map(|r| self.rows[r].id.clone());
        self.rows = data
            .trajectories
            .iter()
            .map(|(id, t)| TrajectoryRow {
                id: id.clone(),
                title: t.title.clone(),
                kind: t.kind,
                participants: t
                    .participants
                    .iter()
                    .map(&name)
                    .collect::<Vec<_>>()
                    .join(", "),
                started_on: t.started_on,
                completed_on: t.completed_on,
                documents: self.documents.get(id).map_or(0, Vec::len),
                deadline: deadline_of(deadlines, Kind::Trajectory, id),
            })
            .collect();
        self.rows
            .sort_by(|a, b| (a.deadline, &a.title, &a.id).cmp(&(b.deadline, &b.title, &b.id)));
        self.search = self
            .rows
            .iter()
            .map(|r| fold::folded_joined(&[&r.title, &r.participants, &format!("{:?}", r.kind)]))
            .collect();
        self.sort_rows();
        if let Some(id) = selected {
            self.select(&id);
        }
        if let Some(detail) = self.detail.take()
            && data.trajectories.contains_key(&detail.id)
        {
            self.open_detail(detail.id.clone(), data, deadlines);
            if let Some(d) = &mut self.detail {
                d.list = detail.list;
            }
            self.sort_documents();
        }
    }

    pub fn set_pages(&mut self, list: usize, detail: usize) {
        self.list.set_page(list);
        self.detail_page = detail;
        if let Some(d) = &mut self.detail {
            d.list.set_page(detail);
        }
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|r| r.id == *id) {
            self.list.select_row(pos);
        }
    }

    /// Puts the cursor on document `id` in the open detail, if it is there.
    fn select_document(&mut self, id: &Id) {
        let Some(d) = &mut self.detail else {
            return;
        };
        if let Some(pos) = d.documents.iter().position(|doc| doc.id == *id) {
            d.list.select_row(pos);
        }
    }

    /// The trajectory under the cursor (or open in the detail).
    pub fn selected(&self) -> Option<&TrajectoryRow> {
        match &self.detail {
            Some(d) => self.rows.iter().find(|r| r.id == d.id),
            None => self.list.selected_row().map(|r| &self.rows[r]),
        }
    }

    /// The document under the cursor in the detail.
    pub fn selected_document(&self) -> Option<&DocumentRow> {
        let d = self.detail.as_ref()?;
        d.documents.get(d.list.selected_row()?)
    }

    pub fn detail_documents(&self) -> &[DocumentRow] {
        self.detail.as_ref().map_or(&[], |d| d.documents.as_slice())
    }

    /// Shows the documents of trajectory `id`.
    pub fn open_detail(&mut self, id: Id, data: &Dataset, deadlines: &Deadlines) {
        let ids = self.documents.get(&id).map_or(&[][..], Vec::as_slice);
        let documents = documents_of(data, deadlines, &id, ids);
        let search: Vec<String> = documents
            .iter()
            .map(|d| fold::folded_joined(&[&d.title, &d.participant]))
            .collect();
        let mut list = ListView::default();
        list.set_page(self.detail_page);
        list.refilter(&search);
        self.detail = Some(TrajectoryDetail {
            id,
            list,
            documents,
            search,
        });
        self.sort_documents();
    }

    /// Orders the trajectories by the column `s` chose (`app::sort`), in the
    /// order of the columns: title, kind, participants, documents, status,
    /// deadline.
    fn sort_rows(&mut self) {
        let rows = &self.rows;
        self.list.sort_rows(&self.search, 6, |i, column| {
            let r = &rows[i];
            match column {
                0 => SortKey::text(&r.title),
                1 => SortKey::Number(i64::from(r.kind == TrajectoryKind::Training)),
                2 => SortKey::text(&r.participants),
                3 => SortKey::Number(i64::try_from(r.documents).unwrap_or(i64::MAX)),
                4 => SortKey::Date(r.completed_on),
                _ => SortKey::Deadline(r.deadline),
            }
        });
    }

    /// Orders the open trajectory's documents by their column `s` chose:
    /// title, kind, participant, created, deadline.
    fn sort_documents(&mut self) {
        let Some(d) = &mut self.detail else {
            return;
        };
        let docs = &d.documents;
        d.list.sort_rows(&d.search, 5, |i, column| {
            let r = &docs[i];
            match column {
                0 => SortKey::text(&r.title),
                1 => SortKey::Number(r.kind as i64),
                2 => SortKey::text(&r.participant),
                3 => SortKey::Date(Some(r.created_on)),
                _ => SortKey::Deadline(r.deadline),
            }
        });
    }

    pub fn search(&self) -> &[String] {
        &self.search
    }

    fn filtering(&self) -> bool {
        match &self.detail {
            Some(d) => d.list.is_filtering(),
            None => self.list.is_filtering(),
        }
    }
}

impl Component for TrajectoriesScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.filtering() {
            &[Scope::FilterInput]
        } else if self.detail.is_some() {
            &[Scope::TrajectoryDetail, Scope::List]
        } else {
            &[Scope::Trajectories, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        if let Some(d) = &mut self.detail {
            let state = d.list.handle(action, &d.search);
            if d.list.take_resort() {
                self.sort_documents();
            }
            if !state.is_consumed() && *action == Action::Back {
                self.detail = None;
                return EventState::Consumed;
            }
            return state;
        }
        // Enter opens the detail in `act`, which has the data.
        let state = self.list.handle(action, &self.search);
        if self.list.take_resort() {
            self.sort_rows();
        }
        state
    }

    fn raw_key(&mut self, key: &KeyEvent) -> EventState {
        match &mut self.detail {
            Some(d) => d.list.raw_key(key, &d.search),
            None => self.list.raw_key(key, &self.search),
        }
    }

    fn enabled(&self, action: &Action) -> bool {
        let row = self.selected();
        match action {
            // `c` on a completed trajectory corrects its completion date;
            // the footer offers it only for a running one.
            Action::Complete => row.is_some_and(|r| r.completed_on.is_none()),
            Action::Attach | Action::Delete | Action::Open | Action::Edit => match &self.detail {
                Some(_) if matches!(action, Action::Open | Action::Delete | Action::Edit) => {
                    self.selected_document().is_some()
                }
                _ => row.is_some(),
            },
            _ => true,
        }
    }
}

impl ScreenComponent for TrajectoriesScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[
            Scope::Trajectories,
            Scope::TrajectoryDetail,
            Scope::List,
            Scope::FilterInput,
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
        self.set_pages(
            layout::list_rows(area, 0),
            layout::list_rows(area, TRAJECTORY_INFO_ROWS + 1),
        );
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        match action {
            Action::Open if self.detail.is_none() => {
                if let Some(r) = self.list.selected_row() {
                    let id = self.rows[r].id.clone();
                    self.open_detail(id, &cx.session.data, cx.deadlines);
                }
            }
            Action::Open => {
                let Some(doc) = self.selected_document() else {
                    return;
                };
                if let Some(d) = cx.session.data.documents.get(&doc.id) {
                    let title = format!("{} — {}", d.title, doc.participant);
                    out.push(Effect::Read(Reader::new(title, d.body.clone())));
                }
            }
            Action::New => out.push(Effect::Form(records::start_trajectory(
                cx.people(),
                None,
                cx.today(),
            ))),
            Action::Attach => self.attach(cx, out),
            Action::Files => out.push(match self.selected_document() {
                Some(doc) => {
                    let owner = FilesOwner::Document(doc.id.clone());
                    let title = escaped(&doc.title).into_owned();
                    match FilesView::new(title, vec![(owner, doc.title.clone())], cx.session) {
                        Ok(view) => Effect::Files(view),
                        Err(e) => Effect::Say(e.message(cx.lang)),
                    }
                }
                None => cx.say(Text::SelectFirst),
            }),
            Action::Complete => out.push(match self.selected() {
                None => cx.say(Text::SelectFirst),
                // A completed trajectory: its completion date is corrected
                // in the trajectory's form, the date in focus.
                Some(r) if r.completed_on.is_some() => match self.edit_form(&r.id, cx, true) {
                    Some(form) => Effect::Form(form),
                    None => cx.say(Text::SelectFirst),
                },
                Some(r) => Effect::Form(records::complete(r.id.clone(), cx.today())),
            }),
            Action::Edit => {
                let form = match &self.detail {
                    Some(_) => self.document_form(cx),
                    None => self
                        .selected()
                        .and_then(|r| self.edit_form(&r.id, cx, false)),
                };
                out.push(match form {
                    Some(form) => Effect::Form(form),
                    None => cx.say(Text::SelectFirst),
                });
            }
            Action::Delete => {
                let record = match &self.detail {
                    Some(_) => self.selected_document().map(|d| (d.kind, d.id.clone())),
                    None => self.selected().map(|r| (Kind::Trajectory, r.id.clone())),
                };
                removal::ask_delete(record, cx, out);
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
        self.selected().map(|t| (Kind::Trajectory, t.id.clone()))
    }

    /// A new trajectory: the list, with the cursor on it.
    fn select_record(&mut self, kind: Kind, id: &Id) {
        match kind {
            Kind::Trajectory => self.select(id),
            Kind::IndividualReport | Kind::QuestionnaireResult => self.select_document(id),
            _ => {}
        }
    }

    /// A document attached: the documents of its trajectory.
    fn open_record(
        &mut self,
        kind: Kind,
        id: &Id,
        session: &Session,
        deadlines: &Deadlines,
        _lang: Lang,
    ) {
        if kind == Kind::Trajectory && self.detail.is_none() {
            self.open_detail(id.clone(), &session.data, deadlines);
        }
    }

    fn close_detail(&mut self) {
        self.detail = None;
    }
}

impl TrajectoriesScreen {
    /// The correction form of trajectory `id`.
    fn edit_form(
        &self,
        id: &Id,
        cx: &Cx,
        at_completion: bool,
    ) -> Option<crate::app::forms::form::Form> {
        let t = cx.session.data.trajectories.get(id)?;
        Some(corrections::trajectory(
            id.clone(),
            t,
            cx.people(),
            at_completion,
        ))
    }

    /// The correction form of the document under the cursor in the detail.
    fn document_form(&self, cx: &Cx) -> Option<crate::app::forms::form::Form> {
        let row = self.selected_document()?;
        let d = cx.session.data.documents.get(&row.id)?;
        let t = cx.session.data.trajectories.get(&d.trajectory)?;
        Some(corrections::document(
            row.id.clone(),
            d,
            participant_names(cx, &t.participants),
        ))
    }

    fn attach(&self, cx: &Cx, out: &mut Vec<Effect>) {
        let Some(row) = self.selected() else {
            return out.push(cx.say(Text::SelectFirst));
        };
        let Some(t) = cx.session.data.trajectories.get(&row.id) else {
            return;
        };
        if t.participants.is_empty() {
            return out.push(cx.say(Text::ProblemNoParticipants));
        }
        let participants = participant_names(cx, &t.participants);
        out.push(Effect::Form(records::attach(row.id.clone(), participants)));
    }
}

/// Participants with their names, for the choice of a document form.
fn participant_names(cx: &Cx, participants: &[Id]) -> Vec<(Id, String)> {
    let people = &cx.session.data.people;
    participants
        .iter()
        .map(|p| {
            (
                p.clone(),
                people
                    .get(p)
                    .map_or_else(|| p.to_string(), |p| p.name.clone()),
            )
        })
        .collect()
}
