//! Screen 8 (Breaches) driven by keys on a fixed clock, and its snapshots
//! at 100×30. The sample vault holds one open breach, discovered
//! 2026-11-24 10:00 (the clock says 2026-11-25 09:00).

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::popup::Popup;
use kluis::domain::Id;
use kluis::domain::breach::ChecklistStep;
use kluis::i18n::Lang;
use kluis::ops::{Clock, breach};

fn laptop() -> Id {
    Id::parse("0000000000000033").unwrap()
}

fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// Answers the ten questions: confidentiality yes, integrity no,
/// availability no, unavailable not at all, not encrypted, no trusted
/// recipient, sensitive data yes, 12 people, identifiable yes, limited.
const HIGH_RISK_ANSWERS: &str = "<Right><Tab><Right><Right><Tab><Right><Right><Tab><Right><Tab>\
<Right><Right><Tab><Right><Right><Tab><Right><Tab>12<Tab><Right><Tab><Right><Right>";

#[test]
fn the_list_shows_the_clock_risk_and_next_step() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8");
    assert!(screen.contains("Breaches · 1"), "{screen}");
    assert!(screen.contains("49 h 00 min left"), "{screen}");
    assert!(screen.contains("Laptop kwijt in de trein"), "{screen}");
    assert!(screen.contains("not assessed"), "{screen}");
    assert!(screen.contains("Cyber expert contacted"), "{screen}");
    assert!(!screen.contains("This screen is coming"), "{screen}");
    // The clock runs with the frame's now: three days later it is overdue.
    h.app.settings.clock = Clock::parse("2026-11-27T11:30:00+01:00").unwrap();
    let screen = h.draw();
    assert!(screen.contains("1 h 30 min overdue"), "{screen}");
}

#[test]
fn a_new_breach_starts_its_clock_at_the_discovery() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8n");
    assert!(
        screen.contains("New breach") && screen.contains("2026-11-25 09:00"),
        "the discovery defaults to now: {screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("A breach needs a title"), "{screen}");
    let keys = "USB-stick kwijt<Tab><BS><BS><BS><BS><BS>07:30<Tab>Stick met offertes\
<Tab>Uit tas gevallen<Tab>offertes, namen<Tab>5<Tab>x<Enter>";
    let screen = h.step_and_draw(keys);
    assert!(screen.contains("A count is a whole number"), "{screen}");
    let screen = h.step_and_draw("<BS>20<Enter>");
    assert!(
        screen.contains("Breach registered. Notify the AP by 2026-11-28 07:30"),
        "{screen}"
    );
    // The detail of the new breach is open, its clock running.
    assert!(
        screen.contains("Breaches · USB-stick kwijt") && screen.contains("70 h 30 min left"),
        "{screen}"
    );
    let ws = h.app.workspace().unwrap();
    let (_, b) = ws
        .session
        .data
        .breaches
        .iter()
        .find(|(_, b)| b.title == "USB-stick kwijt")
        .unwrap();
    assert_eq!(b.discovered_at, at("2026-11-25T07:30:00+01:00"));
    assert_eq!(b.data_categories, vec!["offertes", "namen"]);
    assert_eq!((b.approx_people, b.approx_records), (Some(5), Some(20)));
    assert_eq!(b.cause, "Uit tas gevallen");
    // It is in the vault.
    drop(h);
    assert_eq!(open_session(&vault, NOW).data.breaches.len(), 2);
}

#[test]
fn enter_ticks_the_step_at_the_time_of_the_key() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8<Enter>");
    assert!(
        screen.contains("▸ [ ] Cyber expert contacted"),
        "the cursor starts on the next step: {screen}"
    );
    // Time passes while the screen is open: the tick gets the time of the
    // key, not of the unlock.
    h.app.settings.clock = Clock::parse("2026-11-25T10:17:00+01:00").unwrap();
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("Ticked at 2026-11-25 10:17: Cyber expert contacted."),
        "{screen}"
    );
    assert!(screen.contains("[x] Cyber expert contacted"), "{screen}");
    let ws = h.app.workspace().unwrap();
    assert_eq!(
        ws.session.data.breaches[&laptop()].done_at(ChecklistStep::ExpertContacted),
        Some(at("2026-11-25T10:17:00+01:00"))
    );
    // Enter again says it is done; u undoes it after a confirmation.
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("This step is done already"), "{screen}");
    let screen = h.step_and_draw("u");
    assert!(screen.contains("Undo this step?"), "{screen}");
    let screen = h.step_and_draw("y");
    assert!(screen.contains("Step undone."), "{screen}");
    let ws = h.app.workspace().unwrap();
    assert!(!ws.session.data.breaches[&laptop()].is_done(ChecklistStep::ExpertContacted));
}

#[test]
fn the_action_plan_step_asks_for_its_text() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8<Enter>jj<Enter>");
    assert!(screen.contains("Action plan"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Describe the action plan."), "{screen}");
    let screen = h.step_and_draw("Wachtwoorden wijzigen<Enter>");
    assert!(screen.contains("Ticked at 2026-11-25 09:00"), "{screen}");
    assert!(
        screen.contains("plan: Wachtwoorden wijzigen"),
        "the plan shows under its step: {screen}"
    );
    let b = &h.app.workspace().unwrap().session.data.breaches[&laptop()];
    assert_eq!(b.checklist.action_plan, "Wachtwoorden wijzigen");
    assert!(b.is_done(ChecklistStep::ActionPlanMade));
}

#[test]
fn the_assessment_shows_the_recommendation_with_its_reasons() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8<Enter>a");
    assert!(
        screen.contains("Risk assessment") && screen.contains("Answer every question to see the"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("Answer every question; still open:"),
        "{screen}"
    );
    let screen = h.step_and_draw(HIGH_RISK_ANSWERS);
    assert!(
        screen.contains("high risk") && screen.contains("AP: notify within 72 hours"),
        "the recommendation beside the questions: {screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Assessment saved: high risk."), "{screen}");
    assert!(
        screen.contains("Recommendation") && screen.contains("People affected: inform them"),
        "{screen}"
    );
    assert!(screen.contains("[x] Risk assessed"), "{screen}");
    let b = &h.app.workspace().unwrap().session.data.breaches[&laptop()];
    let a = b.assessment.unwrap();
    assert!(a.confidentiality && a.special_categories && !a.integrity);
    assert_eq!(a.subjects, 12);
    // The list shows the risk too.
    let screen = h.step_and_draw("<Esc>");
    assert!(screen.contains("high risk"), "{screen}");
}

#[test]
fn the_decisions_record_a_reference_or_a_reason_and_closing_needs_them() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Closing first is refused with what is missing.
    let screen = h.step_and_draw("8<Enter>G<Enter>");
    assert!(
        screen.contains("It can be closed only after: Risk assessed"),
        "{screen}"
    );
    // The AP: notified with a reference; the clock stops.
    let screen = h.step_and_draw("kkk<Enter>");
    assert!(screen.contains("Notifying the AP"), "{screen}");
    let screen = h.step_and_draw("<Tab>AP-2026-0042<Enter>");
    assert!(screen.contains("Decision recorded."), "{screen}");
    assert!(screen.contains("reference: AP-2026-0042"), "{screen}");
    assert!(screen.contains("done"), "the clock stopped: {screen}");
    // The people: not informed, which needs a reason.
    let screen = h.step_and_draw("j<Enter><Right><Tab><Enter>");
    assert!(screen.contains("Write down why not."), "{screen}");
    let screen = h.step_and_draw("Versleutelde schijf<Enter>");
    assert!(screen.contains("not: Versleutelde schijf"), "{screen}");
    let b = &h.app.workspace().unwrap().session.data.breaches[&laptop()];
    assert_eq!(b.checklist.ap_reference, "AP-2026-0042");
    assert_eq!(
        b.checklist.people_not_informed.as_ref().unwrap().reason,
        "Versleutelde schijf"
    );
}

#[test]
fn export_writes_the_draft_privately_and_asks_before_overwriting() {
    let (dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8x");
    assert!(
        screen.contains("Export the notification draft")
            && screen.contains("breach-0000000000000033.md"),
        "{screen}"
    );
    let path = dir.path().join("melding.md");
    let clear = "<BS>".repeat(30);
    let screen = h.step_and_draw(&format!("{clear}{}<Enter>", path.display()));
    assert!(screen.contains("Draft written to"), "{screen}");
    let text = std::fs::read_to_string(&path).unwrap();
    let ws = h.app.workspace().unwrap();
    assert_eq!(
        text,
        breach::report(&ws.session, &laptop(), Lang::En).unwrap()
    );
    assert!(text.contains("Laptop kwijt in de trein"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Again to the same file: a confirmation; `n` goes back to the form.
    std::fs::write(&path, "old").unwrap();
    h.step_and_draw(&format!("<Enter>x{clear}{}<Enter>", path.display()));
    let screen = h.step_and_draw("");
    assert!(screen.contains("Overwrite the file?"), "{screen}");
    let screen = h.step_and_draw("n");
    assert!(screen.contains("Export the notification draft"), "{screen}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    let screen = h.step_and_draw("<Enter>y");
    assert!(screen.contains("Draft written to"), "{screen}");
    // The form closed too; what is open is the receipt, which names the
    // profile's empty fields.
    let popups = &h.app.workspace().unwrap().popups;
    assert!(
        !popups
            .iter()
            .any(|p| matches!(p, kluis::app::popup::Popup::Form(_))),
        "the form closed too"
    );
    assert!(screen.contains("Not yet filled in"), "{screen}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn edit_changes_the_texts_of_the_draft() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8e");
    assert!(screen.contains("Edit breach"), "{screen}");
    let keys = " (NS)<Tab><Tab>Laptop in tas<Tab>Tas bleef liggen\
<Tab><Tab><Tab><Tab><Tab><Tab><Tab>Coach<Enter>";
    let screen = h.step_and_draw(keys);
    assert!(screen.contains("Saved."), "{screen}");
    let b = &h.app.workspace().unwrap().session.data.breaches[&laptop()];
    assert_eq!(b.title, "Laptop kwijt in de trein (NS)");
    assert_eq!(b.description, "Laptop in tas");
    assert_eq!(b.cause, "Tas bleef liggen");
    assert_eq!(b.notes.contact_person, "Coach");
    assert_eq!(b.discovered_at, at("2026-11-24T10:00:00+01:00"));
}

#[test]
fn esc_closes_forms_and_the_detail() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("8<Enter>a");
    assert!(matches!(
        h.app.workspace().unwrap().popups.last(),
        Some(Popup::Form(_))
    ));
    h.step_and_draw("<Esc>");
    assert!(h.app.workspace().unwrap().popups.is_empty());
    let screen = h.step_and_draw("<Esc>");
    assert!(h.app.workspace().unwrap().screens.breaches.detail.is_none());
    assert!(screen.contains("Breaches · 1"), "{screen}");
}

#[test]
fn without_colour_the_clock_and_the_checklist_read_as_text() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.app.settings.color = false;
    h.app.settings.clock = Clock::parse("2026-11-27T12:00:00+01:00").unwrap();
    for (keys, text) in [
        ("8", "2 h 00 min overdue"),
        ("<Enter><Enter>", "[x] Cyber expert contacted"),
        ("a", "Risk assessment"),
    ] {
        let screen = h.step_and_draw(keys);
        assert!(screen.contains(text), "{screen}");
        for cell in h.terminal.backend().buffer().content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "{screen}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "{screen}");
        }
    }
}

fn snap(keys: &str) -> String {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw(keys)
}

#[test]
fn snapshot_list() {
    insta::assert_snapshot!("s8_breaches", snap("8"));
}

#[test]
fn snapshot_detail() {
    insta::assert_snapshot!(
        "s8_breach_detail",
        snap("8<Enter><Enter>jj<Enter>Wachtwoorden wijzigen<Enter>")
    );
}

#[test]
fn snapshot_assessment() {
    insta::assert_snapshot!(
        "s8_assessment_form",
        snap(&format!("8<Enter>a{HIGH_RISK_ANSWERS}"))
    );
}

#[test]
fn snapshot_assessed_detail_in_dutch() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw(&format!("8<Enter>a{HIGH_RISK_ANSWERS}<Enter>"));
    insta::assert_snapshot!("s8_nl_assessed_detail", screen);
}
