//! Screens 5–7 and a person's rights, driven by keys on a fixed clock and
//! drawn into a `TestBackend`.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::screens::panes::Pane;
use kluis::i18n::Lang;

fn rights() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    (dir, vault)
}

#[test]
fn accepting_a_quote_shows_who_joined_the_mailing_list_and_why_not() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("5<Right>");
    assert!(screen.contains("▸ Quotes · 2"), "{screen}");
    let screen = h.step_and_draw("a");
    assert!(
        screen.contains("Accept the quote") && screen.contains("2026-11-25"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Quote accepted"), "{screen}");
    assert!(screen.contains("+ Eva Visser"), "{screen}");
    assert!(
        screen.contains("Bram Jansen: unsubscribed before, not added again"),
        "{screen}"
    );
    assert!(
        screen.contains("Anna de Vries: already on the list"),
        "{screen}"
    );
    assert!(screen.contains("Carla Smit: no e-mail address"), "{screen}");
    assert!(screen.contains("until 2033-11-25"), "{screen}");
    let ws = h.app.workspace().unwrap();
    assert!(
        ws.session
            .data
            .subscribers
            .values()
            .any(|s| s.email == "eva@example.nl")
    );
    // A decided quote cannot be accepted again.
    h.step_and_draw("<Esc>");
    let screen = h.step_and_draw("ga");
    assert!(screen.contains("accepted 2026-09-15"), "{screen}");
    assert!(
        screen.contains("This quote is accepted, declined or restricted already."),
        "{screen}"
    );
}

#[test]
fn unsubscribing_removes_the_subscriber_and_counts_one_more_suppression() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("6");
    assert!(
        screen.contains("3 subscribers · 2 unsubscribed addresses"),
        "{screen}"
    );
    let screen = h.step_and_draw("/lotte<Enter>u");
    assert!(
        screen.contains("Unsubscribe?") && screen.contains("lotte@example.nl"),
        "{screen}"
    );
    let screen = h.step_and_draw("n");
    assert!(
        screen.contains("lotte@example.nl"),
        "cancel keeps it: {screen}"
    );
    let screen = h.step_and_draw("uy");
    assert!(
        screen.contains("Unsubscribed. 3 addresses are on the do-not-add list."),
        "{screen}"
    );
    let screen = h.step_and_draw("<Esc>");
    assert!(!screen.contains("lotte@example.nl"), "{screen}");
    assert!(
        screen.contains("2 subscribers · 3 unsubscribed addresses"),
        "{screen}"
    );
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.session.data.subscribers.len(), 2);
    assert_eq!(ws.session.data.suppressions.len(), 3);
}

#[test]
fn a_suppressed_address_is_refused_unless_new_explicit_consent() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("6n");
    let screen = h.step_and_draw("bram@jansen.example<Tab>Bram<Tab><Tab>webinar 3 juni<Enter>");
    assert!(
        screen.contains("This address unsubscribed before and is not re-added"),
        "{screen}"
    );
    assert!(
        screen.contains("Add a subscriber"),
        "the form stays open: {screen}"
    );
    // Manual source with evidence: new explicit consent.
    let screen = h.step_and_draw("<Up><Right><Right><Enter>");
    assert!(screen.contains("Subscriber added."), "{screen}");
    let screen = h.step_and_draw("");
    assert!(
        screen.contains("4 subscribers · 1 unsubscribed address,"),
        "{screen}"
    );
}

#[test]
fn the_csv_export_is_private_and_asks_before_replacing_a_file() {
    let (dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let out = dir.path().join("lijst.csv");
    let screen = h.step_and_draw(&format!("6x{}<Enter>", out.display()));
    assert!(screen.contains("3 addresses written to"), "{screen}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.starts_with("email,name,source,subscribed_on\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::write(&out, "old").unwrap();
    let screen = h.step_and_draw(&format!("x{}<Enter>", out.display()));
    assert!(
        screen.contains("File exists") && screen.contains("Replace it?"),
        "{screen}"
    );
    let screen = h.step_and_draw("n");
    assert!(screen.contains("Export the mailing list"), "{screen}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    let screen = h.step_and_draw("<Enter>y");
    assert!(screen.contains("3 addresses written to"), "{screen}");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("email,"));
}

#[test]
fn extending_a_request_shows_the_new_due_date_once_only() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("7");
    assert!(screen.contains("2026-12-01  6 d"), "{screen}");
    // Bram's rectification is second (due 2026-12-01).
    let screen = h.step_and_draw("j+");
    assert!(screen.contains("Extend the request"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("The reason must not be empty."), "{screen}");
    let screen = h.step_and_draw("complex dossier<Enter>");
    assert!(
        screen.contains("Extended by two months. Answer by 2027-02-01 (68 d)."),
        "{screen}"
    );
    assert!(
        screen.contains("2027-02-01") && screen.contains("+2 mo: complex"),
        "{screen}"
    );
    let screen = h.step_and_draw("/bram<Enter>+");
    assert!(
        screen.contains("This request was extended already"),
        "{screen}"
    );
    // The overdue request of Anna: the first month has passed.
    let screen = h.step_and_draw("<Esc>g+");
    assert!(screen.contains("Extend the request"), "{screen}");
    let screen = h.step_and_draw("te laat<Enter>");
    assert!(
        screen.contains("An extension must be announced"),
        "{screen}"
    );
}

#[test]
fn requests_and_complaints_are_recorded_and_handled() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("7n");
    assert!(screen.contains("Record a request"), "{screen}");
    let screen = h.step_and_draw("eva<Tab><Right><Right><Enter>");
    assert!(
        screen.contains("Request recorded. Answer by 2026-12-25 (30 d)."),
        "{screen}"
    );
    assert!(
        screen.contains("Eva Visser") && screen.contains("erasure"),
        "{screen}"
    );
    let screen = h.step_and_draw("h<Enter>");
    assert!(screen.contains("Marked handled."), "{screen}");
    // The complaints, with the AP's details on the screen.
    let screen = h.step_and_draw("<Right>");
    assert!(screen.contains("▸ Complaints · 2"), "{screen}");
    assert!(
        screen.contains("Autoriteit Persoonsgegevens")
            && screen.contains("088 - 1805 250")
            && screen.contains("autoriteitpersoonsgegevens.nl"),
        "{screen}"
    );
    let screen = h.step_and_draw("n<Tab>Toon van de mail<C-s>");
    assert!(screen.contains("Complaint recorded."), "{screen}");
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screens.requests.focus, Pane::Bottom);
    let id = ws.screens.requests.selected_complaint().unwrap().id.clone();
    let screen = h.step_and_draw("a");
    assert!(screen.contains("Marked as referred to the AP."), "{screen}");
    h.step_and_draw("h<Enter>");
    let c = &h.app.workspace().unwrap().session.data.complaints[&id];
    assert!(c.referred_to_ap && c.handled_on == Some(d("2026-11-25")));
}

#[test]
fn a_contact_request_becomes_a_person_and_a_quote_and_is_deleted() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("5n");
    assert!(screen.contains("never joins the mailing list"), "{screen}");
    let screen = h.step_and_draw("Sanne Vos<Tab>sanne@example.nl<Tab><Tab>Coaching?<C-s>");
    assert!(screen.contains("Contact request recorded."), "{screen}");
    let screen = h.step_and_draw("f<Enter>");
    assert!(
        screen.contains("First contact recorded. To be deleted on 2026-12-25 (30 d)."),
        "{screen}"
    );
    let screen = h.step_and_draw("cVos Advies<Tab><Tab><Tab>950<Enter>");
    assert!(screen.contains("Person and quote made"), "{screen}");
    assert!(!screen.contains("sanne@example.nl"), "{screen}");
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screens.inquiries.focus, Pane::Bottom);
    let q = ws.screens.inquiries.selected_quote().unwrap();
    assert_eq!(q.row.label, "Sanne Vos");
    assert_eq!(q.row.amount, "950.00");
    assert!(
        !ws.session
            .data
            .subscribers
            .values()
            .any(|s| s.email == "sanne@example.nl"),
        "a contact request never joins the mailing list"
    );
    // A new quote for an existing person, declined.
    let screen = h.step_and_draw("ncarla<Tab><Tab><Tab>abc<Enter>");
    assert!(screen.contains("The amount must be in euros"), "{screen}");
    let screen = h.step_and_draw("<BS><BS><BS>300<Enter>");
    assert!(screen.contains("Quote recorded."), "{screen}");
    let screen = h.step_and_draw("r<Enter>");
    assert!(
        screen.contains("Quote declined. To be deleted on 2027-11-25 (365 d)."),
        "{screen}"
    );
}

#[test]
fn erasure_confirmation_lists_what_goes_and_what_stays_and_why() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 40);
    let screen = h.step_and_draw("2/anna<Enter><Enter>");
    assert!(
        screen.contains("Arbodienst — voortgang (2026-02-01)")
            && screen.contains("UWV — verslag (2026-01-20) ✗ withdrawn 2026-03-01"),
        "{screen}"
    );
    assert!(screen.contains("erasure (2026-10-20)"), "{screen}");
    let screen = h.step_and_draw("d");
    assert!(
        screen.contains("Erase this person? Anna de Vries"),
        "{screen}"
    );
    assert!(screen.contains("This goes, in one change"), "{screen}");
    assert!(screen.contains("This stays, and why:"), "{screen}");
    assert!(screen.contains("log of requests"), "{screen}");
    assert!(screen.contains("quote of another requester"), "{screen}");
    assert!(screen.contains("keyed hash"), "{screen}");
    let screen = h.step_and_draw("n");
    assert!(
        screen.contains("People · Anna de Vries"),
        "cancelled: {screen}"
    );
    let screen = h.step_and_draw("dy");
    assert!(
        screen.contains("Erased") && screen.contains("This has gone"),
        "{screen}"
    );
    let ws = h.app.workspace().unwrap();
    assert!(
        !ws.session
            .data
            .people
            .values()
            .any(|p| p.name == "Anna de Vries")
    );
    assert!(ws.session.data.consents.is_empty());
    let screen = h.step_and_draw("<Esc>7");
    assert!(screen.contains("[person erased]"), "{screen}");
    assert!(
        screen.contains("done 2026-11-25"),
        "the erasure request: {screen}"
    );
}

#[test]
fn access_export_writes_a_private_file_in_the_chosen_format() {
    let (dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let md = dir.path().join("anna.md");
    let screen = h.step_and_draw("2/daan<Enter>x");
    assert!(
        screen.contains("Access export") && screen.contains("Markdown"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Type the path of the file."), "{screen}");
    let screen = h.step_and_draw(&format!("<Tab>{}<Enter>", md.display()));
    // Daan has an open access request: the receipt reminds of it.
    assert!(screen.contains("Access export written"), "{screen}");
    assert!(screen.contains("An access request is open"), "{screen}");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("Daan Bakker"), "{text}");
    assert!(text.contains("Autoriteit Persoonsgegevens"), "{text}");
    let json = dir.path().join("daan.json");
    let screen = h.step_and_draw(&format!("<Esc>x<Right><Tab>{}<Enter>", json.display()));
    assert!(screen.contains("Access export written"), "{screen}");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(value["format"], "kluis-access-export");
}

#[test]
fn consents_are_recorded_and_withdrawn_in_the_person_detail() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("2/bram<Enter><Enter>w");
    assert!(
        screen.contains("This person has no active consent to withdraw."),
        "{screen}"
    );
    let screen = h.step_and_draw("cGGD Utrecht<Tab>onderzoek<Enter>");
    assert!(screen.contains("Consent recorded."), "{screen}");
    assert!(
        screen.contains("GGD Utrecht — onderzoek (2026-11-25)"),
        "{screen}"
    );
    let screen = h.step_and_draw("w<Enter>");
    assert!(screen.contains("Consent withdrawn."), "{screen}");
    assert!(screen.contains("✗ withdrawn 2026-11-25"), "{screen}");
    let screen = h.step_and_draw("r<Enter>");
    assert!(screen.contains("Request recorded."), "{screen}");
    assert!(screen.contains("access (2026-11-25)"), "{screen}");
}
