//! `kluis backup` and `kluis restore` (DESIGN.md §13.4): a round trip of
//! records and files, the purge at restore on a later date, the refusal
//! past the destroy-by date, a damaged backup (exit 3, nothing restored) and
//! a backup killed halfway (no file under the name asked for, and nothing
//! left once the next backup ran).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, files::*, fixture::*, vault::*};
use kluis::domain::records::DocumentKind;
use kluis::domain::retention;
use kluis::domain::{Id, Kind};
use kluis::ops::attachments::{self, NewDocument, Owner};
use std::path::{Path, PathBuf};

/// The practice fixture with two documents holding a file each: one in an
/// open trajectory (kept), one in Femke's completed trajectory.
fn vault_with_files(tmp: &Path) -> (PathBuf, Vec<(Id, String, Vec<u8>)>) {
    let vault = tmp.join("v");
    practice_vault(&vault);
    let mut s = open_session(&vault, NOW);
    let mut docs = Vec::new();
    for (title, name, size) in [
        ("Teamtraining één voor Zoë", "verslag-zoe.pdf", 200_000usize),
        (
            "Leiderschapscoaching Femke",
            "eindverslag-femke.docx",
            70_000,
        ),
    ] {
        let t = id_by_label(&s.data, Kind::Trajectory, title);
        let participant = s.data.trajectories[&t].participants[0].clone();
        let bytes: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
        let path = tmp.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let id = attachments::add_document(
            &mut s,
            &NewDocument {
                trajectory: t,
                participant,
                kind: DocumentKind::IndividualReport,
                title: format!("Verslag bij {title}"),
                body: None,
                files: vec![path],
            },
        )
        .unwrap();
        docs.push((id, name.to_string(), bytes));
    }
    drop(s);
    wait_until_released(&vault);
    (vault, docs)
}

fn backup(vault: &Path, out: &Path) -> Run {
    run(kluis(vault).args(["backup", "--json", "--out"]).arg(out))
}

fn restore(backup: &Path, target: &Path, now: &str) -> Run {
    run(kluis(target)
        .env("KLUIS_NOW", now)
        .arg("restore")
        .arg(backup)
        .arg("--yes"))
}

fn file_bytes(vault: &Path, doc: &Id, name: &str) -> Vec<u8> {
    let s = open_session(vault, NOW);
    let mut out = Vec::new();
    attachments::get(&s, Owner::Document(doc), name, &mut out).unwrap();
    out
}

/// Nothing but the folder asked for: no temporary folder or file beside it.
fn only(dir: &Path, names: &[&str]) {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut want: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(found, want);
}

#[test]
fn a_backup_round_trips_records_and_files_and_the_vault_knows_it() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let (vault, docs) = vault_with_files(tmp.path());
    // The fixture holds records expired today; a restore would leave them out.
    let purge = run(kluis(&vault).args(["purge", "--expired", "--yes"]));
    assert_eq!(purge.code, 0, "{}", purge.stderr);
    let file = tmp.path().join("kluis.backup");
    let r = backup(&vault, &file);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let made = r.json();
    assert_eq!(made["destroy_by"], "2027-02-25", "creation + 3 months");
    assert_eq!(made["files"], 2);
    assert_eq!(made["recorded"], true);

    // Encrypted: no personal string of the fixture in the file.
    let raw = std::fs::read(&file).unwrap();
    for s in personal_strings(&fixture_text("practice.json")) {
        for (how, needle) in variants(&s) {
            assert!(!contains(&raw, &needle), "{s:?} ({how}) in the backup");
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let status = run(kluis(&vault).args(["status", "--json"])).json();
    assert_eq!(status["backup"]["last"], "2026-11-25T09:00:00+01:00");
    assert_eq!(status["backup"]["destroy_by"], "2027-02-25");
    let text = run(kluis(&vault).args(["--lang", "nl", "status"]));
    assert!(
        text.stdout
            .contains("Laatste back-up: 25-11-2026 · vernietigen uiterlijk 25-02-2027"),
        "{}",
        text.stdout
    );

    let target = tmp.path().join("restored");
    let r = restore(&file, &target, NOW);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Nothing expired since the backup"),
        "{}",
        r.stdout
    );
    only(
        tmp.path(),
        &[
            "v",
            "restored",
            "kluis.backup",
            "verslag-zoe.pdf",
            "eindverslag-femke.docx",
        ],
    );

    let before = open_session(&vault, NOW).data;
    let after = open_session(&target, NOW);
    assert_eq!(after.data.counts(), before.counts());
    for (kind, id) in before.keys() {
        assert_eq!(
            after.data.get(kind, &id),
            before.get(kind, &id),
            "{kind}/{id}"
        );
    }
    drop(after);
    for (doc, name, bytes) in &docs {
        assert_eq!(&file_bytes(&target, doc, name), bytes, "{name} restored");
    }
    wait_until_released(&target);
    let check = run(kluis(&target).arg("check"));
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
}

#[test]
fn a_restore_on_a_later_day_leaves_out_what_expired_since_before_writing_it() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let (vault, docs) = vault_with_files(tmp.path());
    let later = "2027-02-20T09:00:00+01:00";
    let today = clock(later).today();
    // What expires between the backup and the restore, by the vault's rules.
    let s = open_session(&vault, NOW);
    let deadlines = retention::deadlines(&s.data);
    let expiring: Vec<(Kind, Id)> = retention::expired(&deadlines, today)
        .into_iter()
        .map(|d| (d.kind, d.id))
        .filter(|(k, id)| !retention::deadline_of(&deadlines, *k, id).is_expired(s.today()))
        .collect();
    assert!(
        !expiring.is_empty(),
        "the fixture has records expiring before {later}"
    );
    let gone_names: Vec<String> = expiring
        .iter()
        .filter(|(k, _)| *k == Kind::Person)
        .map(|(k, id)| s.data.label(*k, id))
        .collect();
    drop(s);
    wait_until_released(&vault);

    let file = tmp.path().join("b.kluis");
    assert_eq!(backup(&vault, &file).code, 0);
    let target = tmp.path().join("r");
    for (lang, words) in [
        ("en", "Left out, expired since the backup"),
        ("nl", "Weggelaten, want verlopen"),
    ] {
        let r = run(kluis(&target)
            .env("KLUIS_NOW", later)
            .args(["--lang", lang, "restore"])
            .arg(&file)
            .arg("--yes"));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains(words), "{}", r.stdout);
        assert!(
            r.stdout.contains("person"),
            "kinds and counts: {}",
            r.stdout
        );
        for n in &gone_names {
            assert!(!r.stdout.contains(n.as_str()), "the receipt names {n}");
        }
        let after = open_session(&target, later);
        assert!(
            kluis::ops::purge::expired(&after, &after.deadlines()).is_empty(),
            "nothing expired is shown after a restore"
        );
        for (k, id) in &expiring {
            assert!(after.data.get(*k, id).is_none(), "{k}/{id} came back");
        }
        // Femke's document and its file expired: its bytes were never written.
        let femke = &docs[1].0;
        assert!(!after.data.documents.contains_key(femke));
        assert!(!target.join("db/files").join(femke.as_str()).exists());
        drop(after);
        wait_until_released(&target);
        let db = snapshot(&target);
        for n in &gone_names {
            for (how, needle) in variants(n) {
                assert!(
                    !db.values().any(|v| contains(v, &needle)),
                    "{n} ({how}) on disk"
                );
            }
        }
        std::fs::remove_dir_all(&target).unwrap();
    }
}

#[test]
fn a_backup_past_its_destroy_by_date_is_refused_before_the_passphrase() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    practice_vault(&vault);
    wait_until_released(&vault);
    let file = tmp.path().join("b.kluis");
    assert_eq!(backup(&vault, &file).code, 0);
    let target = tmp.path().join("r");
    let r = restore(&file, &target, "2027-02-26T09:00:00+01:00");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_clean_error(&r, &["destroyed by 2027-02-25", "not restored"]);
    let r = run(kluis(&target)
        .env("KLUIS_NOW", "2027-02-26T09:00:00+01:00")
        .env_remove("KLUIS_PASSWORD")
        .args(["--lang", "nl", "restore"])
        .arg(&file)
        .arg("--yes"));
    assert_eq!(
        r.code, 2,
        "refused without asking a passphrase: {}",
        r.stderr
    );
    assert_clean_error(&r, &["uiterlijk 25-02-2027 vernietigd"]);
    assert!(!target.exists());
    // On the day itself it is still restored.
    assert_eq!(restore(&file, &target, "2027-02-25T09:00:00+01:00").code, 0);
}

#[test]
fn a_damaged_or_cut_backup_restores_nothing_with_exit_3() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let (vault, _) = vault_with_files(tmp.path());
    let file = tmp.path().join("b.kluis");
    assert_eq!(backup(&vault, &file).code, 0);
    let good = std::fs::read(&file).unwrap();
    let target = tmp.path().join("r");
    let bad = tmp.path().join("bad.kluis");
    let mut flipped_late = good.clone();
    let at = good.len() - 100;
    flipped_late[at] ^= 1;
    let mut flipped_early = good.clone();
    flipped_early[400] ^= 1;
    let cut = good[..good.len() / 2].to_vec();
    let mut extended = good.clone();
    extended.extend_from_slice(b"x");
    for (what, bytes) in [
        ("a byte near the end", flipped_late),
        ("a byte in the header", flipped_early),
        ("cut in half", cut),
        ("a byte added", extended),
    ] {
        std::fs::write(&bad, &bytes).unwrap();
        let r = restore(&bad, &target, NOW);
        assert_eq!(r.code, 3, "{what}: {}", r.stderr);
        assert_clean_error(&r, &["damaged", "nothing was restored"]);
        assert!(!target.exists(), "{what}: the target was made");
        only(
            tmp.path(),
            &[
                "v",
                "b.kluis",
                "bad.kluis",
                "verslag-zoe.pdf",
                "eindverslag-femke.docx",
            ],
        );
    }
    // In Dutch, what is damaged is said in Dutch too.
    std::fs::write(&bad, &good[..good.len() / 2]).unwrap();
    let r = run(kluis(&target)
        .args(["--lang", "nl", "restore"])
        .arg(&bad)
        .arg("--yes"));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_clean_error(&r, &["beschadigd of veranderd (", "er is niets teruggezet"]);
    for english in ["ends early", "damaged", "frame", "missing"] {
        assert!(!r.stderr.contains(english), "{english:?} in {}", r.stderr);
    }
    assert!(!target.exists());
    let r = run(kluis(&target)
        .env("KLUIS_PASSWORD", WRONG)
        .arg("restore")
        .arg(&file)
        .arg("--yes"));
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(!target.exists());
    let r = run(kluis(&target)
        .arg("restore")
        .arg(tmp.path().join("verslag-zoe.pdf"))
        .arg("--yes"));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_clean_error(&r, &["not a kluis backup"]);
}

#[cfg(unix)]
#[test]
fn a_backup_killed_halfway_leaves_no_file_under_its_name_and_the_next_clears_its_part() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    practice_vault(&vault);
    {
        let mut s = open_session(&vault, NOW);
        let t = id_by_label(&s.data, Kind::Trajectory, "Teamtraining één voor Zoë");
        let participant = s.data.trajectories[&t].participants[0].clone();
        let big = tmp.path().join("groot.bin");
        let mut f = std::fs::File::create(&big).unwrap();
        let block: Vec<u8> = (0..1024 * 1024).map(|i| (i % 253) as u8).collect();
        for _ in 0..48 {
            std::io::Write::write_all(&mut f, &block).unwrap();
        }
        drop(f);
        attachments::add_document(
            &mut s,
            &NewDocument {
                trajectory: t,
                participant,
                kind: DocumentKind::IndividualReport,
                title: "Groot verslag".into(),
                body: None,
                files: vec![big.clone()],
            },
        )
        .unwrap();
        std::fs::remove_file(big).unwrap();
    }
    wait_until_released(&vault);
    let out_dir = tmp.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let file = out_dir.join("b.kluis");
    let mut child = kluis_std(&vault)
        .args(["backup", "--out"])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it writes, then stop it where it is and look.
    let part = loop {
        let found = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.metadata().is_ok_and(|m| m.len() > 0));
        if let Some(p) = found {
            break p;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the backup ended before it wrote"
        );
        std::thread::sleep(std::time::Duration::from_micros(200));
    };
    let pid = child.id().to_string();
    let stopped = std::process::Command::new("kill")
        .args(["-STOP", &pid])
        .status()
        .unwrap();
    assert!(stopped.success());
    assert_ne!(part, file, "it writes under another name first");
    assert!(!file.exists(), "a half backup under the final name");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        !file.exists(),
        "a killed backup left a file under the final name"
    );
    assert!(
        part.exists(),
        "the killed backup's part is the test's subject"
    );
    // The next backup, under another name, is whole, restores, and takes
    // away what the killed one left.
    wait_until_released(&vault);
    let next = out_dir.join("b2.kluis");
    assert_eq!(backup(&vault, &next).code, 0);
    only(&out_dir, &["b2.kluis"]);
    let target = tmp.path().join("r");
    let r = restore(&next, &target, NOW);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("(3 files)") || r.stdout.contains("(1 files)"),
        "{}",
        r.stdout
    );
}

#[test]
fn the_practices_backup_period_sets_the_destroy_by_date() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    practice_vault(&vault);
    wait_until_released(&vault);
    let profile = tmp.path().join("profiel.json");
    for (months, lang, words) in [
        ("0", "en", "a backup is kept from 1 to 12 months"),
        ("13", "nl", "een back-up wordt 1 tot 12 maanden bewaard"),
    ] {
        std::fs::write(&profile, format!("{{\"backup_months\": {months}}}")).unwrap();
        let r = run(kluis(&vault)
            .args(["--lang", lang, "practice", "set", "--file"])
            .arg(&profile));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_clean_error(&r, &["backup_months", words]);
    }
    std::fs::write(&profile, "{\"backup_months\": 1}").unwrap();
    let r = run(kluis(&vault)
        .args(["practice", "set", "--file"])
        .arg(&profile));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = run(kluis(&vault).args(["--lang", "nl", "practice", "show"]));
    assert!(shown.stdout.contains("1 maand"), "{}", shown.stdout);

    let file = tmp.path().join("b.kluis");
    let made = backup(&vault, &file);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert_eq!(
        made.json()["destroy_by"],
        "2026-12-25",
        "creation + 1 month"
    );
    let status = run(kluis(&vault).args(["status", "--json"])).json();
    assert_eq!(status["backup"]["destroy_by"], "2026-12-25");
    let target = tmp.path().join("r");
    let r = restore(&file, &target, "2026-12-26T09:00:00+01:00");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_clean_error(&r, &["destroyed by 2026-12-25"]);
    assert!(!target.exists());
}
