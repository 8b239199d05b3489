//! Enter on a list without a detail screen of its own opens the record in a
//! detail view with every field and its full text, scrollable
//! (`app::record_view`), driven by keys on a fixed clock.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::popup::Popup;
use kluis::i18n::Lang;
use kluis::ops::rights::inquiries;

fn rights() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    (dir, vault)
}

#[test]
fn a_contact_requests_whole_message_is_read_and_scrolled() {
    let (_dir, vault) = rights();
    let lines: Vec<String> = (1..=40)
        .map(|i| format!("Regel {i} van het bericht, met een lange zin die de breedte van het venster ruim overschrijdt."))
        .collect();
    let mut s = open_session(&vault, NOW);
    inquiries::record_contact_request(
        &mut s,
        &inquiries::ContactInput {
            name: "Sanne Vos".into(),
            email: "sanne@example.nl".into(),
            phone: String::new(),
            message: lines.join("\n"),
        },
        d("2026-11-24"),
    )
    .unwrap();
    drop(s);
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("5/sanne<Enter><Enter>");
    assert!(screen.contains("Contact request: Sanne Vos"), "{screen}");
    assert!(
        screen.contains("sanne@example.nl") && screen.contains("Regel 1 van het bericht"),
        "{screen}"
    );
    assert!(!screen.contains("Regel 40 "), "{screen}");
    let screen = h.step_and_draw("G");
    assert!(
        screen.contains("Regel 40 van het bericht") && screen.contains("ruim overschrijdt."),
        "the last line, wrapped, in full: {screen}"
    );
    assert!(screen.contains("Deadline"), "{screen}");
    let screen = h.step_and_draw("<Esc>");
    assert!(h.app.workspace().unwrap().popups.is_empty(), "{screen}");
}

#[test]
fn a_complaints_summary_and_a_subscriber_show_in_dutch() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("7<Right>/inzage<Enter><Enter>");
    assert!(
        screen.contains("Klacht: Antwoord op inzage te laat"),
        "{screen}"
    );
    assert!(
        screen.contains("Samenvatting")
            && screen.contains("Anna de Vries")
            && screen.contains("Doorverwezen naar AP"),
        "{screen}"
    );
    h.step_and_draw("<Esc>");
    let screen = h.step_and_draw("6/piet<Enter><Enter>");
    assert!(
        screen.contains("Bewijs") && screen.contains("mail van 2026-06-02: wil de nieuwsbrief"),
        "{screen}"
    );
}

#[test]
fn enter_on_the_to_delete_screen_shows_the_expired_record() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("9");
    let screen = h.step_and_draw("<Enter>");
    let Some(Popup::Reader(r)) = h.app.workspace().unwrap().popups.last() else {
        panic!("a detail view: {screen}");
    };
    assert!(r.text.contains("overdue"), "{}", r.text.as_str());
    // Nothing was marked or deleted by the Enter.
    h.step_and_draw("<Esc>");
    assert!(
        h.app
            .workspace()
            .unwrap()
            .screens
            .to_delete
            .marked
            .is_empty()
    );
}

#[test]
fn an_open_requests_view_says_when_the_answer_is_due() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("7<Enter>");
    // In the view (not the list's header): the due date, day first, and
    // how far off it is.
    let due = screen
        .lines()
        .find(|l| l.contains("│ Uiterlijk"))
        .unwrap_or_default();
    assert!(due.contains("20-11-2026 (5 d over tijd)"), "{screen}");
}
