//! Files in the UI (DESIGN.md §13.1), driven by keys on a fixed clock: a
//! document's and a team report's files listed with name, size and type;
//! opened in a stand-in viewer through a private decrypted copy that goes
//! when the coach is done, on lock, on quit, and at the next start after a
//! kill; a text file previewed inside kluis, escaped; files added through
//! a pasted (dropped) path, saved elsewhere (0600, never over a file
//! without asking), and removed after a confirmation.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::App;
use kluis::app::popup::Popup;
use kluis::domain::Kind;
use kluis::i18n::Lang;
use kluis::ops::attachments::{self, Owner};
use kluis::ops::decrypted_copies::ViewerSettings;
use ratatui::layout::Rect;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nrapport-van-anna-markering\n%%EOF\n";

/// A vault with two files on Anna's final report, a stand-in viewer that
/// writes the path it was given to `seen`, and the copies' folder.
struct Setup {
    dir: tempfile::TempDir,
    vault: PathBuf,
    viewer: ViewerSettings,
    seen: PathBuf,
}

fn setup() -> Setup {
    let (dir, vault) = sample();
    let pdf = dir.path().join("Eindrapport Anna.pdf");
    std::fs::write(&pdf, PDF).unwrap();
    let txt = dir.path().join("notities.txt");
    std::fs::write(&txt, "Gesprek 1\n\tdoelen\u{1b}]0;titel\u{7}\n").unwrap();
    let mut s = open_session(&vault, NOW);
    let doc = id_by_label(&s.data, Kind::IndividualReport, "Eindrapport Anna");
    attachments::attach(&mut s, Owner::Document(&doc), &[pdf, txt]).unwrap();
    drop(s);
    let seen = dir.path().join("seen");
    let script = dir.path().join("viewer.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{}.tmp' && mv '{0}.tmp' '{0}'\n",
            seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
    let viewer = ViewerSettings {
        base: dir.path().join("run").join("kluis"),
        command: Some(script.into_os_string()),
    };
    Setup {
        dir,
        vault,
        viewer,
        seen,
    }
}

fn harness(s: &Setup, lang: Lang, width: u16, height: u16) -> Harness {
    let mut settings = settings(&s.vault, lang);
    settings.viewer = s.viewer.clone();
    let app = App::open(
        settings,
        open_session(&s.vault, NOW),
        Rect::new(0, 0, width, height),
    );
    Harness::with(app, width, height)
}

/// The path the stand-in viewer was given.
fn viewed(s: &Setup) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !s.seen.exists() {
        assert!(Instant::now() < deadline, "the viewer was not started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let path = PathBuf::from(std::fs::read_to_string(&s.seen).unwrap());
    std::fs::remove_file(&s.seen).unwrap();
    path
}

/// Every file under `folder`, the lock files left out.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else if p.file_name().is_some_and(|n| n != ".lock") {
            out.push(p);
        }
    }
    out
}

/// Screen 3, Anna's trajectory, her final report, its files.
fn open_files(h: &mut Harness) -> String {
    h.step_and_draw("3/Loopbaancoaching<Enter><Enter>/Eindrapport<Enter>f")
}

fn mode(p: &Path) -> u32 {
    p.metadata().unwrap().permissions().mode() & 0o777
}

#[test]
fn a_document_lists_its_files_with_name_size_and_type() {
    let s = setup();
    let mut h = harness(&s, Lang::En, 100, 30);
    let screen = open_files(&mut h);
    assert!(screen.contains("Eindrapport Anna.pdf"), "{screen}");
    assert!(screen.contains("application/pdf"), "{screen}");
    assert!(screen.contains("notities.txt"), "{screen}");
    assert!(screen.contains("text/plain"), "{screen}");
    assert!(screen.contains(&format!("{} B", PDF.len())), "{screen}");
    assert!(
        screen.contains("save a copy"),
        "the footer comes from the key table: {screen}"
    );
    drop(h);
    let mut h = harness(&s, Lang::Nl, 100, 30);
    let screen = open_files(&mut h);
    assert!(screen.contains("Grootte"), "{screen}");
    assert!(screen.contains("kopie opslaan"), "{screen}");
}

#[test]
fn an_opened_file_is_a_private_copy_that_goes_when_the_coach_is_done() {
    let s = setup();
    let mut h = harness(&s, Lang::En, 100, 30);
    open_files(&mut h);
    let screen = h.step_and_draw("<Enter>");
    let copy = viewed(&s);
    assert!(copy.starts_with(&s.viewer.base), "{}", copy.display());
    assert_eq!(copy.file_name().unwrap(), "Eindrapport Anna.pdf");
    assert_eq!(std::fs::read(&copy).unwrap(), PDF);
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(&s.viewer.base), 0o700);
    assert_eq!(mode(copy.parent().unwrap()), 0o700);
    // The screen says where the copy is, until it is gone.
    let flat: String = screen.split_whitespace().collect();
    let path: String = copy.to_string_lossy().split_whitespace().collect();
    assert!(flat.contains(&path), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(!copy.exists());
    assert!(files_under(&s.viewer.base).is_empty());
    assert!(
        screen.contains("The decrypted copy was removed."),
        "{screen}"
    );
    assert!(matches!(
        h.app.workspace().unwrap().popups.last(),
        Some(Popup::Files(_))
    ));
}

#[test]
fn the_copy_goes_on_lock_by_key_and_when_idle_and_on_quit() {
    let s = setup();
    let mut h = harness(&s, Lang::En, 100, 30);
    open_files(&mut h);
    h.step_and_draw("<Enter>");
    let copy = viewed(&s);
    assert!(copy.exists());
    h.step_and_draw("<C-l>");
    assert!(h.app.is_locked());
    assert!(!copy.exists(), "Ctrl-l removes the copy");

    h.step_and_draw(&format!("{PASS}<Enter>"));
    open_files(&mut h);
    h.step_and_draw("<Enter>");
    let copy = viewed(&s);
    h.app.tick(kluis::app::IDLE_LOCK);
    assert!(h.app.is_locked());
    assert!(!copy.exists(), "the idle lock removes the copy");

    h.step_and_draw(&format!("{PASS}<Enter>"));
    open_files(&mut h);
    h.step_and_draw("<Enter>");
    let copy = viewed(&s);
    h.step_and_draw("<C-c>");
    assert!(h.app.should_quit());
    assert!(!copy.exists(), "quitting removes the copy");
    assert!(files_under(&s.viewer.base).is_empty());
}

#[test]
fn a_copy_left_by_a_killed_kluis_goes_at_the_next_start() {
    let s = setup();
    // What a kluis killed while a copy was open leaves: its folder, a copy,
    // and a lock file nobody holds any more.
    let left = s.viewer.base.join("00000000000000aa");
    std::fs::create_dir_all(left.join("1")).unwrap();
    std::fs::write(left.join(".lock"), b"").unwrap();
    std::fs::write(left.join("1").join("Eindrapport Anna.pdf"), PDF).unwrap();
    let h = harness(&s, Lang::En, 100, 30);
    assert!(!left.exists(), "the leftover is removed at start");
    drop(h);
    let locked = App::locked(
        {
            let mut settings = settings(&s.vault, Lang::En);
            settings.viewer = s.viewer.clone();
            settings
        },
        Rect::new(0, 0, 80, 24),
    );
    assert!(locked.is_locked());
}

#[test]
fn a_text_file_is_previewed_in_kluis_escaped_and_without_a_copy() {
    let s = setup();
    let mut h = harness(&s, Lang::En, 100, 30);
    open_files(&mut h);
    let screen = h.step_and_draw("j<Enter>");
    assert!(screen.contains("Gesprek 1"), "{screen}");
    assert!(screen.contains("\\u{1b}]0;titel\\u{7}"), "{screen}");
    assert!(!s.seen.exists(), "no viewer for a text file");
    assert!(files_under(&s.viewer.base).is_empty(), "no decrypted copy");
}

#[test]
fn dropped_files_are_added_through_the_path_field() {
    let s = setup();
    let one = s.dir.path().join("Uitslag 360 graden.pdf");
    std::fs::write(&one, PDF).unwrap();
    let two = s.dir.path().join("bijlage.docx");
    std::fs::write(&two, b"PK\x03\x04 word").unwrap();
    let mut h = harness(&s, Lang::En, 100, 30);
    open_files(&mut h);
    h.step_and_draw("a");
    // A terminal pastes dropped files as quoted paths, or as file:// URLs.
    let url = format!("file://{}", two.display());
    let screen = h.paste_and_draw(&format!("'{}' {url}", one.display()));
    assert!(screen.contains("bijlage.docx"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("2 files added, encrypted."), "{screen}");
    assert!(
        screen.contains("Uitslag 360 graden.pdf"),
        "listed: {screen}"
    );
    assert!(screen.contains("bijlage.docx"), "listed: {screen}");
    drop(h);
    let s2 = open_session(&s.vault, NOW);
    let doc = id_by_label(&s2.data, Kind::IndividualReport, "Eindrapport Anna");
    assert_eq!(
        attachments::list(&s2, Owner::Document(&doc)).unwrap().len(),
        4
    );
}

#[test]
fn a_missing_dropped_file_is_one_sentence_and_adds_nothing() {
    let s = setup();
    let mut h = harness(&s, Lang::Nl, 100, 30);
    open_files(&mut h);
    h.step_and_draw("a");
    h.paste_and_draw(&format!("'{}'", s.dir.path().join("weg.pdf").display()));
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("bestaat niet"), "{screen}");
    assert!(matches!(
        h.app.workspace().unwrap().popups.last(),
        Some(Popup::Form(_))
    ));
}

#[test]
fn a_copy_is_saved_0600_and_an_existing_file_is_replaced_only_when_asked() {
    let s = setup();
    let out = s.dir.path().join("kopie.pdf");
    let mut h = harness(&s, Lang::En, 100, 30);
    open_files(&mut h);
    h.step_and_draw("s");
    // The field holds ~/<name>: replace it with the destination.
    for _ in 0..40 {
        h.step_and_draw("<BS>");
    }
    h.paste_and_draw(&out.to_string_lossy());
    let screen = h.step_and_draw("<Enter>");
    assert_eq!(std::fs::read(&out).unwrap(), PDF);
    assert_eq!(mode(&out), 0o600);
    assert!(screen.contains("Written to"), "{screen}");

    std::fs::write(&out, b"older").unwrap();
    h.step_and_draw("s");
    for _ in 0..40 {
        h.step_and_draw("<BS>");
    }
    h.paste_and_draw(&out.to_string_lossy());
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("That file exists already"), "{screen}");
    h.step_and_draw("n");
    assert_eq!(std::fs::read(&out).unwrap(), b"older", "no is no");
    h.step_and_draw("<Enter>y");
    assert_eq!(std::fs::read(&out).unwrap(), PDF);
}

#[test]
fn a_file_is_removed_only_after_a_confirmation() {
    let s = setup();
    let mut h = harness(&s, Lang::En, 100, 30);
    open_files(&mut h);
    let screen = h.step_and_draw("d");
    assert!(screen.contains("Remove the file?"), "{screen}");
    let screen = h.step_and_draw("n");
    assert!(screen.contains("Eindrapport Anna.pdf"), "{screen}");
    h.step_and_draw("d");
    let screen = h.step_and_draw("y");
    assert!(screen.contains("File 1 was removed for good"), "{screen}");
    assert!(!screen.contains("Eindrapport Anna.pdf"), "{screen}");
    assert!(screen.contains("notities.txt"), "{screen}");
}

#[test]
fn a_team_reports_files_need_its_password() {
    let s = setup();
    let report_file = s.dir.path().join("advies.pdf");
    std::fs::write(&report_file, PDF).unwrap();
    let mut h = harness(&s, Lang::En, 100, 30);
    let screen = h.step_and_draw("4/Noord<Enter>f");
    assert!(screen.contains("Password"), "{screen}");
    let screen = h.step_and_draw("wrong<Enter>");
    assert!(
        matches!(
            h.app.workspace().unwrap().popups.last(),
            Some(Popup::Form(_))
        ),
        "{screen}"
    );
    h.step_and_draw(&format!("{TEAM_PASSWORD}<Enter>"));
    let screen = h.step_and_draw("a");
    assert!(screen.contains("Add files"), "{screen}");
    h.paste_and_draw(&report_file.to_string_lossy());
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("advies.pdf"), "{screen}");
    assert!(screen.contains("1 file added"), "{screen}");
    // Closed and opened again, the password is asked again.
    h.step_and_draw("<Esc>f");
    let screen = h.step_and_draw(&format!("{TEAM_PASSWORD}<Enter>"));
    assert!(screen.contains("advies.pdf"), "{screen}");
}

/// The files of Anna's trajectory's documents whose title is `title`.
fn files_of_document(vault: &Path, title: &str) -> Vec<String> {
    let s = open_session(vault, NOW);
    let (id, _) = s
        .data
        .documents
        .iter()
        .find(|(_, d)| d.title == title)
        .unwrap_or_else(|| panic!("no document {title:?}"));
    let listed = attachments::list(&s, Owner::Document(id)).unwrap();
    listed.into_iter().map(|f| f.facts.name).collect()
}

#[test]
fn a_new_document_of_a_dropped_file_needs_no_text() {
    let s = setup();
    let pdf = s.dir.path().join("Intake verslag.pdf");
    std::fs::write(&pdf, PDF).unwrap();
    let mut h = harness(&s, Lang::En, 100, 30);
    h.step_and_draw("3/Loopbaancoaching<Enter><Enter>");
    let screen = h.step_and_draw("a<Tab><Tab>Intake<Tab><Tab>");
    assert!(screen.contains("drop them here or type a path"), "{screen}");
    let screen = h.paste_and_draw(&format!("'{}'", pdf.display()));
    assert!(screen.contains("Intake verslag.pdf"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Document attached."), "{screen}");
    drop(h);
    assert_eq!(
        files_of_document(&s.vault, "Intake"),
        ["Intake verslag.pdf"]
    );
}

#[test]
fn the_new_document_form_completes_a_path_with_tab_and_takes_text_and_file() {
    let s = setup();
    std::fs::write(s.dir.path().join("Uitslag vragenlijst.pdf"), PDF).unwrap();
    let mut h = harness(&s, Lang::Nl, 100, 30);
    h.step_and_draw("3/Loopbaancoaching<Enter><Enter>");
    let typed = format!("{}/Uitslag v", s.dir.path().display());
    let screen = h.step_and_draw(&format!(
        "a<Right><Tab><Tab>Uitslag<Tab>Samenvatting<Tab>{typed}<Tab>"
    ));
    assert!(screen.contains("Uitslag vragenlijst.pdf"), "{screen}");
    // Nothing more to complete: Tab goes on to the next field (after the
    // last one, the first).
    h.step_and_draw("<Tab>");
    match h.app.workspace().unwrap().popups.last() {
        Some(Popup::Form(f)) => assert_eq!(f.focus, 0),
        _ => panic!("the form is gone"),
    }
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Document toegevoegd."), "{screen}");
    drop(h);
    assert_eq!(
        files_of_document(&s.vault, "Uitslag"),
        ["Uitslag vragenlijst.pdf"]
    );
    let s2 = open_session(&s.vault, NOW);
    let doc = s2.data.documents.values().find(|d| d.title == "Uitslag");
    assert_eq!(doc.unwrap().body, "Samenvatting");
}

#[test]
fn a_new_team_report_holds_its_files_under_its_password() {
    let s = setup();
    let pdf = s.dir.path().join("advies west.pdf");
    std::fs::write(&pdf, PDF).unwrap();
    let mut h = harness(&s, Lang::En, 100, 30);
    let screen = h.step_and_draw("4n");
    assert!(screen.contains("drop them here or type a path"), "{screen}");
    h.step_and_draw("Gemeente Zeist<Tab>Team West<Tab>Advies West<Tab><Tab><Tab>");
    h.paste_and_draw(&pdf.to_string_lossy());
    let own = "kraan-Fiets-7-wolk-Tegel-zon-Boom";
    let screen = h.step_and_draw(&format!("<Tab><Right><Tab>{own}<Enter>"));
    assert!(screen.contains("Team report sealed and saved."), "{screen}");
    drop(h);
    let s2 = open_session(&s.vault, NOW);
    let (id, _) = (s2.data.team_reports.iter())
        .find(|(_, r)| r.title == "Advies West")
        .unwrap();
    assert_eq!(attachments::sealed_count(&s2, id), 1);
    let key = attachments::team_key(&s2, id, own).unwrap();
    let listed = attachments::list(&s2, Owner::TeamReport(&key)).unwrap();
    assert_eq!(listed[0].facts.name, "advies west.pdf");
}

#[test]
fn a_new_document_without_text_or_files_is_refused_in_the_coachs_language() {
    let s = setup();
    let mut h = harness(&s, Lang::Nl, 100, 30);
    h.step_and_draw("3/Loopbaancoaching<Enter><Enter>");
    let screen = h.step_and_draw("a<Tab><Tab>Leeg<Enter>");
    assert!(
        screen.contains("Typ de tekst, geef bestanden, of allebei."),
        "{screen}"
    );
}
