//! Files in documents from the command line (DESIGN.md §13.1): stored
//! encrypted with their names, verified chunk by chunk by `check` and `get`,
//! written only whole and privately, refused clearly when the input is bad,
//! and counted by the receipts of a purge and an erasure.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod attached;
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::attached::*;
use common::cli::*;
use common::files::*;
use common::vault::serial;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The name of the marker file: personal data, like its bytes.
const NAME: &str = "Eindrapport-Zwanenburg-vertrouwelijk.pdf";

/// A vault with a trajectory, closed, and a document holding a marker file
/// of `len` bytes added through the binary; the vault, document id and bytes.
fn vault_with_file(dir: &Path, len: usize) -> (PathBuf, String, Vec<u8>) {
    let vault = dir.join("v");
    let (s, trajectory, person) = vault_with_trajectory(&vault, None);
    drop(s);
    wait_until_released(&vault);
    let src = dir.join(NAME);
    let bytes = marker_file(&src, len);
    let r = run(kluis(&vault)
        .args([
            "document",
            "add",
            "--trajectory",
            trajectory.as_str(),
            "--participant",
            person.as_str(),
            "--kind",
            "individual_report",
            "--title",
            "Eindrapport",
            "--json",
        ])
        .arg("--file")
        .arg(&src));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.json()["id"].as_str().unwrap().to_string();
    fs::remove_file(&src).unwrap();
    (vault, id, bytes)
}

/// Every file under `dir`, read whole.
fn all_bytes(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    snapshot(dir).into_iter().collect()
}

#[test]
fn a_byte_search_of_the_folder_finds_no_run_of_a_file_nor_its_name() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let (vault, id, bytes) = vault_with_file(dir.path(), 3 * CHUNK + 777);
    let out = dir.path().join("terug.pdf");
    let r = run(kluis(&vault)
        .args(["document", "get", &id, "--file", NAME, "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read(&out).unwrap(), bytes, "the file is stored whole");
    fs::remove_file(&out).unwrap();

    let runs: HashSet<&[u8]> = bytes.windows(16).collect();
    for (path, content) in all_bytes(&vault) {
        if let Some(w) = content.windows(16).find(|w| runs.contains(w)) {
            panic!(
                "{} holds a run of the file: {:?}",
                path.display(),
                String::from_utf8_lossy(w)
            );
        }
        for (encoding, needle) in variants(NAME) {
            assert!(
                !contains(&content, &needle),
                "{} holds the file's name ({encoding})",
                path.display()
            );
        }
    }
}

/// Ways to damage a stored file of four chunks (three full, one short).
fn damage(stored: &[u8], how: &str) -> Vec<u8> {
    let chunk = |i: usize| &stored[i * SEALED_CHUNK..((i + 1) * SEALED_CHUNK).min(stored.len())];
    let mut v = stored.to_vec();
    match how {
        "flipped" => v[SEALED_CHUNK + 100] ^= 1,
        "swapped" => {
            v = [chunk(0), chunk(2), chunk(1), chunk(3)].concat();
        }
        "repeated" => {
            v = [chunk(0), chunk(1), chunk(1), chunk(3)].concat();
        }
        "dropped" => {
            v = [chunk(0), chunk(1), chunk(3)].concat();
        }
        "truncated" => {
            v = [chunk(0), chunk(1), chunk(2)].concat();
        }
        "appended" => {
            v = [chunk(0), chunk(1), chunk(2), chunk(3), chunk(1)].concat();
        }
        "last-moved" => {
            // The short last chunk swapped for a full one: every tag is
            // right, only the last-chunk flag tells.
            v = [chunk(0), chunk(1), chunk(3), chunk(2)].concat();
        }
        other => panic!("{other}"),
    }
    v
}

#[test]
fn a_changed_chunk_fails_check_and_get_with_exit_3_and_nothing_written() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let (vault, id, _) = vault_with_file(dir.path(), 3 * CHUNK + 777);
    let stored = stored_files(&vault);
    assert_eq!(stored.len(), 1);
    let original = fs::read(&stored[0]).unwrap();
    assert_eq!(original.len(), 3 * SEALED_CHUNK + 777 + 16);
    for how in [
        "flipped",
        "swapped",
        "repeated",
        "dropped",
        "truncated",
        "appended",
        "last-moved",
    ] {
        fs::write(&stored[0], damage(&original, how)).unwrap();
        let r = run(kluis(&vault).args(["check", "--json"]));
        assert_eq!(r.code, 3, "{how}: check passed: {}", r.stdout);
        let report = r.json();
        let problems = report["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{how}: {problems:?}");
        assert_eq!(problems[0]["id"], id.as_str(), "{how}: names the record");
        let said = problems[0]["problem"].as_str().unwrap();
        assert!(said.starts_with("file 1: chunk "), "{how}: {said}");
        assert!(
            !r.stdout.contains("Zwanenburg"),
            "{how}: the name in {said}"
        );

        let out = dir.path().join("terug.pdf");
        let r = run(kluis(&vault)
            .args(["document", "get", &id, "--file", NAME, "--out"])
            .arg(&out));
        assert_eq!(r.code, 3, "{how}: get passed");
        assert_clean_error(&r, &["damaged", "nothing was written"]);
        assert!(!r.stderr.contains("Zwanenburg"));
        assert!(!out.exists(), "{how}: something was written");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n != "v")
            .collect();
        assert!(leftovers.is_empty(), "{how}: left {leftovers:?}");
    }
    fs::write(&stored[0], &original).unwrap();
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json()["files_checked"], 1);
}

#[test]
fn get_writes_privately_never_over_a_file_and_into_a_folder_for_all() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let (vault, id, bytes) = vault_with_file(dir.path(), 1000);
    let second = dir.path().join("bijlage.txt");
    fs::write(&second, "tweede bestand").unwrap();
    let r = run(kluis(&vault)
        .args(["document", "attach", &id, "--file"])
        .arg(&second));
    assert_eq!(r.code, 0, "{}", r.stderr);

    let out = dir.path().join("terug.pdf");
    fs::write(&out, "al hier").unwrap();
    let r = run(kluis(&vault)
        .args(["document", "get", &id, "--file", NAME, "--out"])
        .arg(&out));
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["exists at that place already", "--force"]);
    assert_eq!(fs::read(&out).unwrap(), b"al hier");
    let r = run(kluis(&vault)
        .args(["document", "get", &id, "--file", NAME, "--force", "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read(&out).unwrap(), bytes);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    let folder = dir.path().join("alles");
    let r = run(kluis(&vault)
        .args(["document", "get", &id, "--out"])
        .arg(&folder));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read(folder.join(NAME)).unwrap(), bytes);
    assert_eq!(
        fs::read(folder.join("bijlage.txt")).unwrap(),
        b"tweede bestand"
    );

    let r = run(kluis(&vault).args(["document", "list", "--json"]));
    let docs = r.json()["documents"].as_array().unwrap().clone();
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    for field in [
        "id",
        "kind",
        "title",
        "trajectory",
        "participant",
        "deadline",
    ] {
        assert!(doc.get(field).is_some(), "no {field} in {doc}");
    }
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["name"], NAME);
    assert_eq!(files[0]["size"], 1000);
    assert_eq!(files[1]["type"], "text/plain");
    assert_eq!(files[1]["sha256"].as_str().unwrap().len(), 64);

    let r = run(kluis(&vault).args(["document", "detach", &id, "--file", "bijlage.txt"]));
    assert_eq!(r.code, 2, "detach without --yes and without a terminal");
    let r = run(kluis(&vault).args(["document", "detach", &id, "--file", "bijlage.txt", "--yes"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(stored_files(&vault).len(), 1);
}

#[test]
fn bad_input_gets_one_sentence_and_changes_nothing() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let (vault, id, _) = vault_with_file(dir.path(), 100);
    let listed = || run(kluis(&vault).args(["document", "list", "--json"])).stdout;
    let before = listed();
    let stored = stored_files(&vault);

    let fifo = dir.path().join("pijp");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = dir.path().join("te-groot.bin");
    fs::File::create(&huge)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024 + 1)
        .unwrap();
    let escape = dir.path().join("rapport\u{1b}[2J.pdf");
    fs::write(&escape, "x").unwrap();
    let same_name = dir.path().join("ander");
    fs::create_dir(&same_name).unwrap();
    fs::write(same_name.join(NAME), "een ander bestand, dezelfde naam").unwrap();
    let cases: [(PathBuf, i32, &str); 7] = [
        (dir.path().join("bestaat-niet.pdf"), 1, "does not exist"),
        (dir.path().to_path_buf(), 2, "a folder"),
        (fifo, 2, "not a regular file"),
        (PathBuf::from("/dev/null"), 2, "not a regular file"),
        (huge, 2, "2 gib"),
        (escape, 2, "control character"),
        (same_name.join(NAME), 2, "of that name already"),
    ];
    for (path, code, says) in cases {
        for lang in ["en", "nl"] {
            let r = run(kluis(&vault)
                .args(["--lang", lang, "document", "attach", &id, "--file"])
                .arg(&path));
            assert_eq!(r.code, code, "{says} ({lang}): {}", r.stderr);
            if lang == "en" {
                assert_clean_error(&r, &[says, "nothing was changed"]);
            } else {
                assert_clean_error(&r, &["er is niets veranderd"]);
            }
            assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
        }
        assert_eq!(listed(), before, "{says}: the vault changed");
        assert_eq!(stored_files(&vault), stored, "{says}: a file was left");
    }
}

#[test]
fn purge_and_erasure_receipts_count_the_files() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    for command in ["purge", "erase"] {
        let vault = dir.path().join(command);
        let (mut s, trajectory, person) = vault_with_trajectory(&vault, Some("2026-02-01"));
        let a = dir.path().join("a.pdf");
        let b = dir.path().join("b.docx");
        fs::write(&a, "%PDF-1.7").unwrap();
        fs::write(&b, "woord").unwrap();
        kluis::ops::attachments::add_document(
            &mut s,
            &kluis::ops::attachments::NewDocument {
                trajectory,
                participant: person,
                kind: kluis::domain::DocumentKind::IndividualReport,
                title: "Eindrapport".into(),
                body: None,
                files: vec![a, b],
            },
        )
        .unwrap();
        drop(s);
        wait_until_released(&vault);
        assert_eq!(stored_files(&vault).len(), 2);
        let r = match command {
            "purge" => run(kluis(&vault).args(["purge", "--expired", "--yes", "--json"])),
            _ => run(kluis(&vault).args(["erase", "person", "anna@example.nl", "--yes", "--json"])),
        };
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.json()["deleted"]["files"], 2, "{command}: {}", r.stdout);
        assert!(stored_files(&vault).is_empty(), "{command}: files left");
        let r = match command {
            "purge" => run(kluis(&vault).args(["purge", "--expired", "--yes"])),
            _ => run(kluis(&vault).args(["check"])),
        };
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
}

#[test]
fn an_import_reads_files_beside_it_and_a_missing_one_refuses_it_all() {
    // A record with files may leave out its text (DESIGN.md §13.1).
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v");
    common::vault::new_vault(&vault);
    let folder = dir.path().join("uitvoer");
    fs::create_dir_all(folder.join("rapporten")).unwrap();
    fs::write(folder.join("rapporten/eind.pdf"), "%PDF-1.7 eindrapport").unwrap();
    fs::write(folder.join("advies.docx"), "teamadvies").unwrap();
    let import = |files: &str| {
        format!(
            r#"{{"people": [{{"ref": "p1", "name": "Anna", "created_on": "2026-01-05"}}],
             "trajectories": [{{"ref": "t1", "kind": "coaching", "title": "Coaching",
                               "participants": ["p1"], "started_on": "2026-01-10"}}],
             "documents": [{{"trajectory": "t1", "participant": "p1", "kind": "individual_report",
                            "title": "Eindrapport", "files": {files}}}],
             "team_reports": [{{"organisation": "Gemeente", "team": "Noord", "title": "Advies",
                               "delivered_on": "2026-06-01",
                               "password": "kraan-Fiets-7-wolk-Tegel-zon-Boom",
                               "files": ["advies.docx"]}}]}}"#
        )
    };
    let nothing = folder.join("leeg.json");
    fs::write(&nothing, import("[]")).unwrap();
    let r = run(kluis(&vault).arg("import").arg(&nothing));
    assert_eq!(r.code, 1, "a document without text or files: {}", r.stdout);
    assert_clean_error(&r, &["documents[0].body", "is missing"]);
    let bad = folder.join("fout.json");
    fs::write(
        &bad,
        import(r#"["rapporten/eind.pdf", "rapporten/weg.pdf"]"#),
    )
    .unwrap();
    let r = run(kluis(&vault)
        .arg("import")
        .arg(&bad)
        .current_dir(dir.path()));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_clean_error(&r, &["documents[0].files[1]", "does not exist"]);
    assert!(
        stored_files(&vault).is_empty(),
        "a file of a refused import stayed"
    );
    let r = run(kluis(&vault).args(["document", "list", "--json"]));
    assert_eq!(r.json()["documents"], serde_json::json!([]));

    let good = folder.join("goed.json");
    fs::write(&good, import(r#"["rapporten/eind.pdf"]"#)).unwrap();
    let r = run(kluis(&vault)
        .arg("import")
        .arg(&good)
        .current_dir(dir.path()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(kluis(&vault).args(["document", "list", "--json"]));
    let files = r.json()["documents"][0]["files"].clone();
    assert_eq!(files[0]["name"], "eind.pdf");
    assert_eq!(files[0]["type"], "application/pdf");
    assert_eq!(
        stored_files(&vault).len(),
        2,
        "the document's and the report's"
    );
    let s = common::vault::open_session(&vault, common::vault::NOW);
    let (report, _) = s.data.team_reports.iter().next().unwrap();
    let key =
        kluis::ops::attachments::team_key(&s, report, "kraan-Fiets-7-wolk-Tegel-zon-Boom").unwrap();
    let listed =
        kluis::ops::attachments::list(&s, kluis::ops::attachments::Owner::TeamReport(&key))
            .unwrap();
    assert_eq!(listed[0].facts.name, "advies.docx");
}

/// `c` run under a limit of `bytes` on the size of any file it writes, with
/// SIGXFSZ ignored: a write past the limit fails as on a disk that filled up
/// meanwhile (POSIX `ulimit -f` counts blocks of 512 bytes).
fn with_file_size_limit(c: &std::process::Command, bytes: u64) -> assert_cmd::Command {
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {} && exec \"$0\" \"$@\"",
            bytes / 512
        ))
        .arg(c.get_program())
        .args(c.get_args());
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    assert_cmd::Command::from_std(sh)
}

#[test]
fn a_disk_that_fills_halfway_through_an_add_says_so_and_changes_nothing() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let (vault, id, _) = vault_with_file(dir.path(), 100);
    let listed = || run(kluis(&vault).args(["document", "list", "--json"])).stdout;
    let before = listed();
    let stored = stored_files(&vault);
    let big = dir.path().join("groot.pdf");
    marker_file(&big, 8 * 1024 * 1024);
    let doc = &serde_json::from_str::<serde_json::Value>(&before).unwrap()["documents"][0];
    let (trajectory, person) = (doc["trajectory"].as_str(), doc["participant"].as_str());
    let add = [
        "document",
        "add",
        "--trajectory",
        trajectory.unwrap(),
        "--participant",
        person.unwrap(),
        "--kind",
        "individual_report",
        "--title",
        "Tussenrapport",
        "--file",
    ];
    let attach = ["document", "attach", &id, "--file"];
    for (lang, says, command) in [
        ("en", "the disk that holds the vault is full", &add[..]),
        ("nl", "de schijf met de kluis is vol", &add[..]),
        ("en", "the disk that holds the vault is full", &attach[..]),
        ("nl", "de schijf met de kluis is vol", &attach[..]),
    ] {
        let mut c = kluis_std(&vault);
        c.args(["--lang", lang]).args(command).arg(&big);
        let r = run(&mut with_file_size_limit(&c, 4 * 1024 * 1024));
        assert!(r.code == 1 || r.code == 2, "exit {}: {}", r.code, r.stderr);
        assert_clean_error(&r, &[says]);
        assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
        assert_eq!(stored_files(&vault), stored, "a part of the file was left");
        assert_eq!(listed(), before, "the vault changed");
    }
    let r = run(kluis(&vault).arg("check"));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}
