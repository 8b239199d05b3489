//! Screen 2: people, with their roles and countdown; Enter shows what is
//! kept about one person.

use crate::app::action::Action;
use crate::app::component::{Component, EventState};
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::files::{FilesOwner, FilesView};
use crate::app::forms::form::PeopleIndex;
use crate::app::forms::{corrections, records, rights};
use crate::app::keymap::Scope;
use crate::app::layout;
use crate::app::list::ListView;
use crate::app::popup::Confirm;
use crate::app::removal::erasure_lines;
use crate::app::screen_component::{Cx, ScreenComponent};
use crate::app::sort::SortKey;
use crate::domain::fold;
use crate::domain::id_hash::IdSet;
use crate::domain::retention::{Deadline, Deadlines, deadline_of};
use crate::domain::text::escaped;
use crate::domain::{Dataset, Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::ops::Session;
use crate::ops::rights::export::access_export_with;
use crate::ops::rights::{consent, erase};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub participant: bool,
    pub requester: bool,
    pub deadline: Deadline,
}

/// One line of a person's detail.
#[derive(Debug, Clone)]
pub enum DetailLine {
    Heading(Text),
    Field(Text, String),
    /// The person's own deadline, as a countdown with its date.
    Countdown(Text, Deadline),
    /// A date, written in the coach's date style when drawn.
    DateField(Text, NaiveDate),
    /// A linked record: its text, and its deadline when it has one.
    Item(String, Option<Deadline>),
    /// A linked record whose text has words of the catalogue or dates in
    /// it, and its deadline when it has one.
    Note(Vec<Part>, Option<Deadline>),
    Empty,
}

/// A piece of a detail line: stored text, a word of the catalogue, or a
/// date (written in the date style of `i18n::dates` when drawn).
#[derive(Debug, Clone)]
pub enum Part {
    Stored(String),
    Word(Text),
    Date(NaiveDate),
}

impl Part {
    fn s(text: impl Into<String>) -> Part {
        Part::Stored(text.into())
    }
}

#[derive(Debug, Clone)]
pub struct PersonDetail {
    pub id: Id,
    pub name: String,
    pub lines: Vec<DetailLine>,
    pub scroll: usize,
}

impl PersonDetail {
    pub fn build(data: &Dataset, deadlines: &Deadlines, id: &Id) -> Option<PersonDetail> {
        let p = data.people.get(id)?;
        let mut lines = vec![
            DetailLine::Field(Text::DetailEmail, p.email.clone().unwrap_or_default()),
            DetailLine::Field(Text::DetailPhone, p.phone.clone().unwrap_or_default()),
            DetailLine::Field(
                Text::FieldOrganisation,
                p.organisation.clone().unwrap_or_default(),
            ),
            DetailLine::DateField(Text::DetailCreated, p.created_on),
            DetailLine::Countdown(Text::ColDeadline, deadline_of(deadlines, Kind::Person, id)),
            DetailLine::Field(Text::DetailId, id.to_string()),
            DetailLine::Empty,
            DetailLine::Heading(Text::DetailTrajectories),
        ];
        let section_end = |lines: &mut Vec<DetailLine>, before: usize| {
            if lines.len() == before {
                lines.push(DetailLine::Item(String::from("—"), None));
            }
            lines.push(DetailLine::Empty);
        };
        let n = lines.len();
        for (tid, t) in &data.trajectories {
            if t.participants.contains(id) || t.requester.as_ref() == Some(id) {
                let d = deadline_of(deadlines, Kind::Trajectory, tid);
                lines.push(DetailLine::Item(t.title.clone(), Some(d)));
            }
        }
        section_end(&mut lines, n);
        lines.push(DetailLine::Heading(Text::DetailDocuments));
        let n = lines.len();
        for (did, doc) in &data.documents {
            if doc.participant == *id {
                let d = deadline_of(deadlines, doc.kind.record_kind(), did);
                lines.push(DetailLine::Item(doc.title.clone(), Some(d)));
            }
        }
        section_end(&mut lines, n);
        lines.push(DetailLine::Heading(Text::DetailConsents));
        let n = lines.len();
        // Oldest first, like the export: the ids are random, so their order says nothing.
        for (_, c) in crate::ops::rights::consent::consents_of(data, id) {
            let mut parts = vec![
                Part::s(format!("{} — {} (", c.recipient, c.purpose)),
                Part::Date(c.given_on),
                Part::s(")"),
            ];
            if let Some(w) = c.withdrawn_on {
                parts.extend([
                    Part::s(" ✗ "),
                    Part::Word(Text::Withdrawn),
                    Part::s(" "),
                    Part::Date(w),
                ]);
            }
            lines.push(DetailLine::Note(parts, None));
        }
        for (_, d) in crate::ops::rights::consent::disclosures_of(data, id) {
            let parts = vec![
                Part::s(format!("  → {}: {} (", d.recipient, d.what)),
                Part::Date(d.on),
                Part::s(")"),
            ];
            lines.push(DetailLine::Note(parts, None));
        }
        section_end(&mut lines, n);
        lines.push(DetailLine::Heading(Text::DetailRequests));
        let n = lines.len();
        for r in data
            .subject_requests
            .values()
            .filter(|r| r.person.as_ref() == Some(id))
        {
            let due: Option<NaiveDate> = r
                .handled_on
                .is_none()
                .then(|| crate::domain::requests::due_on(r));
            let mut parts = vec![
                Part::Word(crate::i18n::ui::request_kind(r.kind)),
                Part::s(" ("),
                Part::Date(r.received_on),
                Part::s(")"),
            ];
            match (r.handled_on, &r.extension_reason) {
                (Some(h), _) => parts.extend([Part::s(" ✓ "), Part::Date(h)]),
                (None, Some(_)) => parts.push(Part::s(" +2")),
                (None, None) => {}
            }
            lines.push(DetailLine::Note(parts, due.map(Deadline::On)));
        }
        section_end(&mut lines, n);
        Some(PersonDetail {
            id: id.clone(),
            name: p.name.clone(),
            lines,
            scroll: 0,
        })
    }
}

#[derive(Debug, Default)]
pub struct PeopleScreen {
    pub rows: Vec<PersonRow>,
    search: Vec<String>,
    pub list: ListView,
    pub detail: Option<PersonDetail>,
}

/// The people to pick from in forms: ids with names, sorted by name.
pub fn people_index(data: &Dataset) -> PeopleIndex {
    let mut index: Vec<(Id, String)> = data
        .people
        .iter()
        .map(|(id, p)| (id.clone(), p.name.clone()))
        .collect();
    index.sort_by(|a, b| a.1.cmp(&b.1));
    Rc::new(index)
}

impl PeopleScreen {
    fn rebuild(&mut self, data: &Dataset, deadlines: &Deadlines) {
        let mut participants: IdSet<&Id> = IdSet::default();
        let mut requesters: IdSet<&Id> = IdSet::default();
        for t in data.trajectories.values() {
            participants.extend(t.participants.iter());
            requesters.extend(t.requester.iter());
        }
        for q in data.quotes.values() {
            requesters.extend(q.requester.iter());
        }
        let selected = self.selected().cloned();
        // Each row with what its filter searches: name, organisation, e-mail.
        let mut rows: Vec<(PersonRow, String)> = data
            .people
            .iter()
            .map(|(id, p)| {
                let row = PersonRow {
                    id: id.clone(),
                    name: p.name.clone(),
                    organisation: p.organisation.clone().unwrap_or_default(),
                    participant: participants.contains(id),
                    requester: requesters.contains(id),
                    deadline: deadline_of(deadlines, Kind::Person, id),
                };
                let email = p.email.as_deref().unwrap_or("");
                let search = fold::folded_joined(&[&row.name, &row.organisation, email]);
                (row, search)
            })
            .collect();
        // Unstable is enough: no two rows have the same id.
        rows.sort_unstable_by(|(a, _), (b, _)| {
            (a.deadline, &a.name, &a.id).cmp(&(b.deadline, &b.name, &b.id))
        });
        (self.rows, self.search) = rows.into_iter().unzip();
        self.sort_rows();
        if let Some(id) = selected {
            self.select(&id);
        }
        if let Some(d) = &self.detail {
            let scroll = d.scroll;
            self.detail = PersonDetail::build(data, deadlines, &d.id).map(|mut d| {
                d.scroll = scroll.min(d.lines.len());
                d
            });
        }
    }

    pub fn selected(&self) -> Option<&Id> {
        if let Some(d) = &self.detail {
            return Some(&d.id);
        }
        self.list.selected_row().map(|r| &self.rows[r].id)
    }

    pub fn select(&mut self, id: &Id) {
        if let Some(pos) = self.rows.iter().position(|r| r.id == *id) {
            self.list.select_row(pos);
        }
    }

    pub fn search(&self) -> &[String] {
        &self.search
    }

    /// Orders the rows by the column `s` chose (`app::sort`).
    fn sort_rows(&mut self) {
        let rows = &self.rows;
        self.list
            .sort_rows(&self.search, 4, |r, column| person_key(&rows[r], column));
    }
}

/// What a person's cell sorts by, in the order of the columns: name,
/// organisation, roles, deadline.
fn person_key(r: &PersonRow, column: usize) -> SortKey {
    match column {
        0 => SortKey::text(&r.name),
        1 => SortKey::text(&r.organisation),
        2 => SortKey::Number(i64::from(r.participant) * 2 + i64::from(r.requester)),
        _ => SortKey::Deadline(r.deadline),
    }
}

impl Component for PeopleScreen {
    fn scopes(&self) -> &'static [Scope] {
        if self.list.is_filtering() {
            &[Scope::FilterInput]
        } else if self.detail.is_some() {
            &[Scope::PersonDetail]
        } else {
            &[Scope::People, Scope::List]
        }
    }

    fn handle(&mut self, action: &Action) -> EventState {
        if let Some(d) = &mut self.detail {
            match action {
                Action::Back => self.detail = None,
                Action::Up => d.scroll = d.scroll.saturating_sub(1),
                Action::Down => d.scroll = (d.scroll + 1).min(d.lines.len().saturating_sub(1)),
                _ => return EventState::NotConsumed,
            }
            return EventState::Consumed;
        }
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
            Action::Open
            | Action::Edit
            | Action::Delete
            | Action::Export
            | Action::StartTrajectory => self.selected().is_some(),
            _ => true,
        }
    }
}

impl ScreenComponent for PeopleScreen {
    fn help_scopes(&self) -> &'static [Scope] {
        &[
            Scope::People,
            Scope::PersonDetail,
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
        self.list.set_page(layout::list_rows(area, 0));
    }

    fn act(&mut self, action: &Action, cx: &mut Cx, out: &mut Vec<Effect>) {
        let today = cx.today();
        let selected = self.selected().cloned();
        match action {
            Action::Files => out.push(match &selected {
                Some(id) => person_files(id, cx),
                None => cx.say(Text::SelectFirst),
            }),
            Action::Open => {
                if let Some(id) = selected {
                    self.detail = PersonDetail::build(&cx.session.data, cx.deadlines, &id);
                }
            }
            Action::New => out.push(Effect::Form(records::new_person())),
            Action::Edit => {
                if let Some((id, p)) =
                    selected.and_then(|id| cx.session.data.people.get(&id).map(|p| (id, p)))
                {
                    out.push(Effect::Form(records::edit_person(id, p)));
                }
            }
            Action::StartTrajectory => out.push(Effect::Form(records::start_trajectory(
                cx.people(),
                selected.as_ref(),
                today,
            ))),
            Action::Delete => self.ask_erase(cx, out),
            Action::Export => out.push(match selected {
                Some(id) => access_export_form(id, cx),
                None => cx.say(Text::SelectFirst),
            }),
            Action::RecordConsent => {
                if let Some(id) = selected {
                    out.push(Effect::Form(rights::new_consent(id, today)));
                }
            }
            Action::WithdrawConsent => self.ask_withdraw(cx, out),
            Action::CorrectConsent => self.correct_consent(cx, out),
            Action::RecordDisclosure => self.record_disclosure(cx, out),
            Action::RecordRequest => out.push(Effect::Form(rights::new_request(
                cx.people(),
                selected.as_ref(),
                today,
            ))),
            _ => {}
        }
    }

    fn confirmed(&mut self, what: &Confirmed, cx: &mut Cx, out: &mut Vec<Effect>) {
        let Confirmed::Erase(id) = what else {
            return;
        };
        match erase::erase(cx.session, id) {
            Ok(receipt) => {
                self.detail = None;
                let text = erasure_lines(cx.lang, &receipt, false).join("\n");
                out.push(Effect::Refresh);
                out.push(Effect::Read(crate::app::popup::Reader::new(
                    Text::ErasedTitle.get(cx.lang),
                    text,
                )));
            }
            Err(e) => out.push(Effect::Say(e.message(cx.lang))),
        }
    }

    fn selected_record(&self) -> Option<(Kind, Id)> {
        self.selected().map(|id| (Kind::Person, id.clone()))
    }

    fn select_record(&mut self, kind: Kind, id: &Id) {
        if kind == Kind::Person {
            self.select(id);
        }
    }

    fn open_record(
        &mut self,
        kind: Kind,
        id: &Id,
        session: &Session,
        deadlines: &Deadlines,
        _lang: Lang,
    ) {
        if kind == Kind::Person && self.detail.is_none() {
            self.detail = PersonDetail::build(&session.data, deadlines, id);
        }
    }

    fn close_detail(&mut self) {
        self.detail = None;
    }
}

impl PeopleScreen {
    /// `d` on a person: the erasure, after a confirmation that lists what
    /// goes and what stays, and why.
    fn ask_erase(&self, cx: &Cx, out: &mut Vec<Effect>) {
        let Some(person) = self.selected().cloned() else {
            return out.push(cx.say(Text::SelectFirst));
        };
        out.push(match erase::plan_erasure(cx.session, &person) {
            Ok(plan) => Effect::Ask(Confirm {
                title: format!(
                    "{} {}",
                    Text::ConfirmEraseTitle.get(cx.lang),
                    cx.session.data.label(Kind::Person, &person)
                ),
                lines: erasure_lines(cx.lang, &plan.receipt, true),
                on_yes: Confirmed::Erase(person),
            }),
            Err(e) => Effect::Say(e.message(cx.lang)),
        });
    }

    /// `C`: the correction form of the person's one consent, or first the
    /// question which one.
    fn correct_consent(&self, cx: &Cx, out: &mut Vec<Effect>) {
        let Some(person) = self.selected().cloned() else {
            return out.push(cx.say(Text::SelectFirst));
        };
        let mut all = consent::consents_of(&cx.session.data, &person);
        out.push(match all.len() {
            0 => cx.say(Text::NoConsents),
            1 => {
                let (id, c) = all.remove(0);
                Effect::Form(corrections::consent(id, &c))
            }
            _ => Effect::Form(corrections::pick_consent(
                all.into_iter()
                    .map(|(id, c)| (id, consent_text(&c, cx.lang)))
                    .collect(),
            )),
        });
    }

    /// `v`: a disclosure, against one of the person's active consents (P6);
    /// without one, the coach is told to record the consent first.
    fn record_disclosure(&self, cx: &Cx, out: &mut Vec<Effect>) {
        let Some(person) = self.selected().cloned() else {
            return out.push(cx.say(Text::SelectFirst));
        };
        let active: Vec<(String, String)> = consent::consents_of(&cx.session.data, &person)
            .into_iter()
            .filter(|(_, c)| consent::is_active(c))
            .map(|(_, c)| (c.recipient.clone(), consent_text(&c, cx.lang)))
            .collect();
        if active.is_empty() {
            return out.push(cx.say(Text::NoConsentToDisclose));
        }
        out.push(Effect::Form(rights::new_disclosure(
            person,
            active,
            cx.today(),
        )));
    }

    fn ask_withdraw(&self, cx: &Cx, out: &mut Vec<Effect>) {
        let Some(person) = self.selected().cloned() else {
            return out.push(cx.say(Text::SelectFirst));
        };
        let active: Vec<(Id, String)> = consent::consents_of(&cx.session.data, &person)
            .into_iter()
            .filter(|(_, c)| consent::is_active(c))
            .map(|(id, c)| (id, consent_text(&c, cx.lang)))
            .collect();
        if active.is_empty() {
            return out.push(cx.say(Text::NoActiveConsents));
        }
        out.push(Effect::Form(rights::withdraw_consent(active, cx.today())));
    }
}

/// A consent as a choice names it: recipient, purpose and date.
fn consent_text(c: &crate::domain::Consent, lang: crate::i18n::Lang) -> String {
    let given = crate::i18n::dates::date(lang, c.given_on);
    format!("{} — {} ({given})", c.recipient, c.purpose)
}

/// `f` in a person's detail: the files of every document about them.
fn person_files(person: &Id, cx: &Cx) -> Effect {
    let data = &cx.session.data;
    let mut owners: Vec<(FilesOwner, String)> = data
        .documents
        .iter()
        .filter(|(_, d)| d.participant == *person)
        .map(|(id, d)| (FilesOwner::Document(id.clone()), d.title.clone()))
        .collect();
    if owners.is_empty() {
        return cx.say(Text::PersonHasNoDocuments);
    }
    owners.sort_by(|a, b| a.1.cmp(&b.1));
    let name = data.label(Kind::Person, person);
    match FilesView::new(escaped(&name).into_owned(), owners, cx.session) {
        Ok(view) => Effect::Files(view),
        Err(e) => Effect::Say(e.message(cx.lang)),
    }
}

/// The access export form of `person`, listing the names of other people
/// its titles and texts hold (found by building the export, which writes
/// nothing), so the coach decides on them before the file is written.
fn access_export_form(person: Id, cx: &Cx) -> Effect {
    match access_export_with(cx.session, &person, cx.lang, false) {
        Ok(e) => {
            let names: Vec<String> = e
                .other_names
                .iter()
                .map(|n| escaped(n).into_owned())
                .collect();
            Effect::Form(rights::access_export(person, &names, cx.lang))
        }
        Err(e) => Effect::Say(e.message(cx.lang)),
    }
}
