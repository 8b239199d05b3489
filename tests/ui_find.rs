//! Finding things: every filter ignores case and accents, the search across
//! records jumps to the record, and `s` sorts a list by a column.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod snapshots;
    pub mod ui;
    pub mod vault;
}

use common::snapshots::layouts;
use common::{sample::*, ui::*, vault::*};
use kluis::app::Screen;
use kluis::domain::{AnyRecord, Complaint, Id, Kind};
use kluis::i18n::Lang;
use std::path::{Path, PathBuf};

const PEOPLE: &str = r#"{ "people": [
  { "ref": "z", "name": "Zoë Rivier", "email": "zoe@rivier.example", "created_on": "2026-02-01" },
  { "ref": "y", "name": "Emre Yılmaz", "organisation": "Gemeente Ĳsselstein", "created_on": "2026-03-01" },
  { "ref": "a", "name": "Anna de Vries", "created_on": "2026-04-01" },
  { "ref": "j", "name": "Jørgen Æbelø", "organisation": "Łódź Straße", "created_on": "2026-05-01" }
] }"#;

fn accented_vault(dir: &Path) -> PathBuf {
    let vault = dir.join("vault");
    drop(new_session(&vault, NOW));
    import_in_process(&vault, PEOPLE, NOW);
    vault
}

#[test]
fn the_people_filter_ignores_case_and_accents() {
    let dir = tempfile::tempdir().unwrap();
    let vault = accented_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("2/zoe rivier");
    assert!(screen.contains("Zoë Rivier"), "{screen}");
    assert!(!screen.contains("Anna de Vries"), "{screen}");
    let screen = h.step_and_draw("<Esc>/yilmaz");
    assert!(screen.contains("Emre Yılmaz"), "{screen}");
    assert!(!screen.contains("Zoë Rivier"), "{screen}");
    let screen = h.step_and_draw("<Esc>/ijsselstein");
    assert!(screen.contains("Emre Yılmaz"), "{screen}");
    let screen = h.step_and_draw("<Esc>/aebelo lodz");
    assert!(screen.contains("Jørgen Æbelø"), "{screen}");
    let screen = h.step_and_draw("<Esc>/strasse");
    assert!(
        screen.contains("Jørgen Æbelø") && !screen.contains("Anna"),
        "{screen}"
    );
}

/// The record under the cursor of the screen shown.
fn shown(h: &Harness) -> (Screen, Option<(Kind, String)>) {
    let ws = h.app.workspace().unwrap();
    let record = ws.screens.get(ws.screen).selected_record();
    (ws.screen, record.map(|(k, id)| (k, id.to_string())))
}

#[test]
fn the_search_finds_people_by_name_without_case_or_accents_and_opens_them() {
    let dir = tempfile::tempdir().unwrap();
    let vault = accented_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // From another screen, whose own filter hides nobody of interest.
    let screen = h.step_and_draw("3<C-f>");
    assert!(screen.contains("Type a name, e-mail address"), "{screen}");
    let screen = h.step_and_draw("zoe rivier");
    assert!(
        screen.contains("1 record found") && screen.contains("person  Zoë Rivier"),
        "{screen}"
    );
    assert!(screen.contains("zoe@rivier.example"), "{screen}");
    assert!(!screen.contains("Emre"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("People · Zoë Rivier"),
        "the detail: {screen}"
    );
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screen, Screen::People);
    assert!(ws.popups.is_empty());
    // Dotless ı, and the organisation's ligature Ĳ; Esc closes the search.
    let screen = h.step_and_draw("<Esc><C-f>YILMAZ");
    assert!(screen.contains("person  Emre Yılmaz"), "{screen}");
    let screen = h.step_and_draw("<BS><BS><BS><BS><BS><BS>ijssel");
    assert!(screen.contains("Emre Yılmaz"), "{screen}");
    // ø, æ, ł, ß: the letters no decomposition takes apart.
    let screen = h.step_and_draw("<Esc><C-f>jorgen aebelo");
    assert!(screen.contains("person  Jørgen Æbelø"), "{screen}");
    let screen = h.step_and_draw("<Esc><C-f>lodz strasse");
    assert!(screen.contains("Łódź Straße"), "{screen}");
    let screen = h.step_and_draw("<Esc>");
    assert!(!screen.contains("Find:"), "{screen}");
    assert!(h.app.workspace().unwrap().popups.is_empty());
}

#[test]
fn the_search_clears_a_filter_that_hides_the_record_it_jumps_to() {
    let dir = tempfile::tempdir().unwrap();
    let vault = accented_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("2/anna<Enter>");
    // Emre's detail is not what Enter on the search does for... the list:
    // back on the list, the cursor is on him and the filter is gone.
    let screen = h.step_and_draw("<C-f>emre<Enter><Esc>");
    assert!(
        screen.contains("Zoë Rivier") && screen.contains("Anna de Vries"),
        "{screen}"
    );
    let (screen_shown, record) = shown(&h);
    assert_eq!(screen_shown, Screen::People);
    let emre = h
        .app
        .workspace()
        .unwrap()
        .session
        .data
        .people
        .iter()
        .find(|(_, p)| p.name == "Emre Yılmaz")
        .map(|(id, _)| id.to_string());
    assert_eq!(record.map(|r| r.1), emre);
}

#[test]
fn the_search_jumps_to_every_kind_of_record() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 120, 35);
    // A document: its trajectory's documents, the cursor on it.
    let screen = h.step_and_draw("<C-f>eindrapport");
    assert!(
        screen.contains("individual report  Eindrapport Anna"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    let (on, record) = shown(&h);
    assert_eq!(on, Screen::Trajectories);
    assert_eq!(record.expect(&screen).0, Kind::Trajectory);
    let ws = h.app.workspace().unwrap();
    assert_eq!(
        ws.screens.trajectories.selected_document().unwrap().title,
        "Eindrapport Anna"
    );
    // A team report by its organisation; never by what its password guards.
    let screen = h.step_and_draw("<C-f>vertrouwen");
    assert!(screen.contains("Nothing found."), "{screen}");
    let screen = h.step_and_draw("<Esc><C-f>team noord");
    assert!(
        screen.contains("team report  Advies Team Noord"),
        "{screen}"
    );
    h.step_and_draw("<Enter>");
    let (on, _) = shown(&h);
    assert_eq!(on, Screen::TeamReports);
    let ws = h.app.workspace().unwrap();
    assert_eq!(
        ws.screens.team_reports.selected().unwrap().title,
        "Advies Team Noord"
    );
    // A contact request by its e-mail address: its screen, and its detail view.
    let screen = h.step_and_draw("<C-f>FEMKE@");
    assert!(screen.contains("contact request  Femke Mulder"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Contact request: Femke Mulder"), "{screen}");
    let (on, record) = shown(&h);
    assert_eq!(
        (on, record.unwrap().0),
        (Screen::Inquiries, Kind::ContactRequest)
    );
}

#[test]
fn the_search_shows_no_control_characters_of_stored_text() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    // Stored before the checks on input (an older vault): an escape code
    // and a line break in a complaint's summary.
    let mut s = new_session(&vault, NOW);
    let complaint = Complaint {
        person: None,
        summary: "Eva \u{1b}[2J belde over de factuur\nen de btw".into(),
        received_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        handled_on: None,
        referred_to_ap: false,
    };
    let id = Id::parse("00000000000000e1").unwrap();
    s.commit(
        "test_setup",
        vec![(id, AnyRecord::Complaint(complaint))],
        vec![],
    )
    .unwrap();
    drop(s);
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Found by the summary's second line too.
    let screen = h.step_and_draw("<C-f>btw");
    assert!(screen.contains("complaint  Eva "), "{screen}");
    let buffer = h.terminal.backend().buffer().clone();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| !c.symbol().contains('\u{1b}')),
        "{screen}"
    );
}

layouts! {
    on sample_vault;
    search_popup: "2<C-f>an";
    search_hint: "2<C-f>";
}

/// The names down the People list, in the order shown.
fn names_shown(h: &Harness) -> Vec<String> {
    let people = &h.app.workspace().unwrap().screens.people;
    people
        .list
        .visible()
        .iter()
        .map(|&i| people.rows[i].name.clone())
        .collect()
}

#[test]
fn s_sorts_by_the_column_under_the_cursor_then_reversed_then_back() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("2");
    // The screen's own order: by deadline.
    let own = names_shown(&h);
    assert_eq!(
        own,
        ["Anna de Vries", "Carla Smit", "Bram Jansen", "Daan Bakker"]
    );
    let screen = h.step_and_draw("s");
    assert!(screen.contains("Name ▲"), "{screen}");
    assert_eq!(
        names_shown(&h),
        ["Anna de Vries", "Bram Jansen", "Carla Smit", "Daan Bakker"]
    );
    let screen = h.step_and_draw("s");
    assert!(screen.contains("Name ▼"), "{screen}");
    assert_eq!(
        names_shown(&h),
        ["Daan Bakker", "Carla Smit", "Bram Jansen", "Anna de Vries"]
    );
    let screen = h.step_and_draw("s");
    assert!(!screen.contains('▲') && !screen.contains('▼'), "{screen}");
    assert_eq!(names_shown(&h), own);
    // → moves the column cursor: by organisation, no organisation first.
    let screen = h.step_and_draw("<Right>s");
    assert!(screen.contains("Organisation ▲"), "{screen}");
    assert_eq!(
        names_shown(&h),
        ["Carla Smit", "Anna de Vries", "Bram Jansen", "Daan Bakker"]
    );
    // The cursor stays on its person; a filter keeps the order.
    let screen = h.step_and_draw("G<Left>s");
    assert!(screen.contains("Name ▲"), "{screen}");
    let people = &h.app.workspace().unwrap().screens.people;
    let under_cursor = people.selected().unwrap();
    let daan = people
        .rows
        .iter()
        .find(|r| r.name == "Daan Bakker")
        .unwrap();
    assert_eq!(*under_cursor, daan.id);
    h.step_and_draw("s/an<Enter>");
    assert_eq!(
        names_shown(&h),
        ["Daan Bakker", "Bram Jansen", "Anna de Vries"]
    );
}

#[test]
fn s_sorts_dates_as_dates_and_the_documents_of_a_trajectory() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    // Completed: running first, then by completion date (shown as
    // 31-03-2026, 10-11-2026: as text these would sort the other way round).
    let screen = h.step_and_draw("3>>>>s");
    assert!(screen.contains("Afgerond ▲"), "{screen}");
    let ws = h.app.workspace().unwrap();
    let t = &ws.screens.trajectories;
    let titles: Vec<&str> = t
        .list
        .visible()
        .iter()
        .map(|&i| t.rows[i].title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Coaching Bram",
            "Loopbaancoaching Anna",
            "Teamtraining Daan"
        ]
    );
    // A trajectory's documents sort by their own columns.
    let screen = h.step_and_draw("<Enter>ss");
    assert!(screen.contains("Titel ▼"), "{screen}");
    let ws = h.app.workspace().unwrap();
    let titles: Vec<String> = ws
        .screens
        .trajectories
        .detail_documents()
        .iter()
        .map(|d| d.title.clone())
        .collect();
    let shown: Vec<&str> = ws
        .screens
        .trajectories
        .detail
        .as_ref()
        .unwrap()
        .list
        .visible()
        .iter()
        .map(|&i| titles[i].as_str())
        .collect();
    assert_eq!(shown, ["Uitslag vragenlijst Anna", "Eindrapport Anna"]);
}

layouts! {
    on sample_vault;
    people_sorted_by_organisation: "2>s";
    trajectories_sorted_descending: "3ss";
}

#[test]
fn on_a_two_list_screen_the_column_cursor_moves_with_angle_brackets() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 120, 35);
    // ← and → switch between the lists here; < and > move the column cursor.
    let screen = h.step_and_draw("5<Right>>>s");
    assert!(screen.contains("Amount ▲"), "{screen}");
    let amounts = |h: &Harness| -> Vec<f64> {
        let s = &h.app.workspace().unwrap().screens.inquiries;
        let list = &s.lists.bottom;
        list.visible()
            .iter()
            .map(|&i| s.quotes[i].row.amount.parse().unwrap())
            .collect()
    };
    let up = amounts(&h);
    assert!(
        up.len() > 1 && up.windows(2).all(|w| w[0] <= w[1]),
        "{up:?}"
    );
    h.step_and_draw("s");
    let down = amounts(&h);
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
}

/// Opening a trajectory lists exactly its documents, for every trajectory:
/// the screen keeps each trajectory's documents from the pass that counts
/// them, instead of reading every document on Enter.
#[test]
fn each_trajectory_opens_with_exactly_its_documents() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("3");
    let ws = h.app.workspace().unwrap();
    let data = &ws.session.data;
    let mut expected: Vec<(Id, Vec<Id>)> = data
        .trajectories
        .keys()
        .map(|t| {
            let mut docs: Vec<Id> = data
                .documents
                .iter()
                .filter(|(_, d)| d.trajectory == *t)
                .map(|(id, _)| id.clone())
                .collect();
            docs.sort();
            (t.clone(), docs)
        })
        .collect();
    assert!(
        expected.iter().filter(|(_, docs)| !docs.is_empty()).count() >= 2,
        "the sample has trajectories with documents"
    );
    let rows = ws.screens.trajectories.rows.len();
    let mut seen = Vec::new();
    for i in 0..rows {
        h.step_and_draw(&format!("g{}<Enter>", "j".repeat(i)));
        let t = &h.app.workspace().unwrap().screens.trajectories;
        let opened = t.detail.as_ref().expect("a trajectory is open").id.clone();
        let mut docs: Vec<Id> = t.detail_documents().iter().map(|d| d.id.clone()).collect();
        docs.sort();
        seen.push((opened, docs));
        h.step_and_draw("<Esc>");
    }
    seen.sort();
    expected.sort();
    assert_eq!(seen, expected);
}
