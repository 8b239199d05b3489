//! Tests of the file operations (compiled only for tests).
use super::*;
use crate::domain::TrajectoryKind;
use crate::i18n::Lang;
use crate::ops::Clock;
use crate::ops::edit::{self, PasswordChoice, PersonInput, TeamReportInput, TrajectoryInput};
use crate::vault::file_store::CHUNK_LEN as CHUNK;
use crate::vault::{KdfParams, Vault};

const NOW: &str = "2026-11-25T09:00:00+01:00";

fn session(dir: &Path) -> Session {
    let clock = Clock::parse(NOW).unwrap();
    let vault = Vault::create(&dir.join("v"), b"pw", KdfParams::FOR_TESTS, &clock.stamp()).unwrap();
    Session::load(vault, clock).unwrap()
}

/// A session with one person in one trajectory; their ids.
fn with_trajectory(dir: &Path) -> (Session, Id, Id) {
    let mut s = session(dir);
    let person = edit::add_person(
        &mut s,
        &PersonInput {
            name: "Anna".into(),
            ..PersonInput::default()
        },
    )
    .unwrap();
    let t = edit::start_trajectory(
        &mut s,
        &TrajectoryInput {
            kind: TrajectoryKind::Coaching,
            title: "Coaching".into(),
            participants: vec![person.clone()],
            requester: None,
            started_on: None,
        },
    )
    .unwrap();
    (s, t, person)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn new_doc(t: &Id, p: &Id, files: Vec<PathBuf>) -> NewDocument {
    NewDocument {
        trajectory: t.clone(),
        participant: p.clone(),
        kind: DocumentKind::IndividualReport,
        title: "Eindrapport".into(),
        body: None,
        files,
    }
}

/// Bytes of several chunks, none like another.
fn big(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 65536) as u8).collect()
}

#[test]
fn a_document_of_files_only_keeps_them_whole_with_their_facts() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, t, p) = with_trajectory(dir.path());
    let pdf = write(dir.path(), "eindrapport.pdf", b"%PDF-1.7\n1 0 obj\n");
    let data = big(3 * CHUNK + 123);
    let bin = write(dir.path(), "scores.bin", &data);
    let empty = write(dir.path(), "leeg.txt", b"");
    let id = add_document(&mut s, &new_doc(&t, &p, vec![pdf, bin, empty])).unwrap();

    let files = list(&s, Owner::Document(&id)).unwrap();
    let names: Vec<_> = files.iter().map(|f| f.facts.name.as_str()).collect();
    assert_eq!(names, ["eindrapport.pdf", "scores.bin", "leeg.txt"]);
    assert_eq!(files[0].facts.media_type, "application/pdf");
    assert_eq!(files[1].facts.size, data.len() as u64);
    assert_eq!(files[1].position, 2);
    let sha = ring::digest::digest(&ring::digest::SHA256, &data);
    assert_eq!(files[1].facts.sha256, team_seal::to_hex(sha.as_ref()));
    assert_eq!(files[0].facts.added_on.to_string(), "2026-11-25");

    let mut out = Vec::new();
    get(&s, Owner::Document(&id), "scores.bin", &mut out).unwrap();
    assert_eq!(out, data);
    let mut out = Vec::new();
    get(&s, Owner::Document(&id), "leeg.txt", &mut out).unwrap();
    assert!(out.is_empty());

    // After a reopen, from the vault.
    let vault_dir = s.vault.dir().to_path_buf();
    drop(s);
    let s = crate::ops::session::open(&vault_dir, b"pw", Clock::parse(NOW).unwrap()).unwrap();
    let copy = dir.path().join("copy.bin");
    save_copy(&s, Owner::Document(&id), "scores.bin", &copy, false).unwrap();
    assert_eq!(std::fs::read(&copy).unwrap(), data);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(matches!(
        save_copy(&s, Owner::Document(&id), "scores.bin", &copy, false),
        Err(FileError::DestinationExists)
    ));
}

#[test]
fn bad_sources_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, t, p) = with_trajectory(dir.path());
    let ok = write(dir.path(), "rapport.pdf", b"%PDF-1.4");
    let before = s.data.clone();
    let cases: Vec<(PathBuf, SourceProblem)> = vec![
        (dir.path().join("bestaat-niet.pdf"), SourceProblem::Missing),
        (dir.path().to_path_buf(), SourceProblem::Directory),
        (PathBuf::from("/dev/null"), SourceProblem::NotRegular),
        (
            write(dir.path(), "a\u{1b}[31m.pdf", b"x"),
            SourceProblem::ControlCharacter,
        ),
    ];
    for (path, want) in cases {
        let err = add_document(&mut s, &new_doc(&t, &p, vec![ok.clone(), path])).unwrap_err();
        match err {
            FileError::Source { index, of, problem } => {
                assert_eq!((index, of, problem), (1, 2, want));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(s.data, before);
    }
    let twice = add_document(&mut s, &new_doc(&t, &p, vec![ok.clone(), ok.clone()]));
    assert!(matches!(twice, Err(FileError::DuplicateName)));
    assert!(matches!(
        add_document(&mut s, &new_doc(&t, &p, vec![])),
        Err(FileError::BodyOrFileRequired)
    ));
    assert_eq!(s.data, before);
    let stored = s.vault.dir().join("db").join("files");
    assert_eq!(std::fs::read_dir(&stored).map_or(0, |d| d.count()), 0);

    let id = add_document(&mut s, &new_doc(&t, &p, vec![ok.clone()])).unwrap();
    let again = attach(&mut s, Owner::Document(&id), &[ok]);
    assert!(matches!(again, Err(FileError::DuplicateName)));
    for lang in [Lang::Nl, Lang::En] {
        let msg = FileError::Source {
            index: 0,
            of: 1,
            problem: SourceProblem::NotRegular,
        }
        .message(lang);
        assert!(!msg.contains("rapport"), "{msg}");
    }
}

#[test]
fn detach_removes_the_stored_file_and_delete_takes_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, t, p) = with_trajectory(dir.path());
    let a = write(dir.path(), "a.txt", b"eerste");
    let b = write(dir.path(), "b.txt", b"tweede");
    let id = add_document(&mut s, &new_doc(&t, &p, vec![a])).unwrap();
    attach(&mut s, Owner::Document(&id), &[b]).unwrap();
    let stored = s.vault.dir().join("db").join("files");
    assert_eq!(std::fs::read_dir(&stored).unwrap().count(), 2);
    let gone = detach(&mut s, Owner::Document(&id), "a.txt").unwrap();
    assert_eq!(gone.position, 1);
    assert_eq!(std::fs::read_dir(&stored).unwrap().count(), 1);
    assert!(matches!(
        detach(&mut s, Owner::Document(&id), "a.txt"),
        Err(FileError::UnknownName)
    ));
    let kind = crate::domain::Kind::IndividualReport;
    edit::delete(&mut s, &[(kind, id)]).unwrap();
    assert_eq!(std::fs::read_dir(&stored).unwrap().count(), 0);
}

#[test]
fn a_team_reports_files_need_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let (report, password) = edit::add_team_report(
        &mut s,
        &TeamReportInput {
            organisation: "Gemeente".into(),
            team: "Noord".into(),
            title: "Advies".into(),
            delivered_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            body: Body::Typed("Advies over vertrouwen.".into()),
        },
        &PasswordChoice::Generated,
    )
    .unwrap();
    let password = password.unwrap();
    assert!(matches!(
        team_key(&s, &report, "fout"),
        Err(FileError::Seal(TeamSealError::WrongPassword))
    ));
    let key = team_key(&s, &report, &password).unwrap();
    let data = big(CHUNK + 5);
    let f = write(dir.path(), "teamadvies.docx", &data);
    attach(&mut s, Owner::TeamReport(&key), &[f]).unwrap();
    assert_eq!(sealed_count(&s, &report), 1);
    let r = &s.data.team_reports[&report];
    assert!(!serde_json::to_string(r).unwrap().contains("teamadvies"));

    let key = team_key(&s, &report, &password).unwrap();
    let files = list(&s, Owner::TeamReport(&key)).unwrap();
    assert_eq!(files[0].facts.name, "teamadvies.docx");
    let mut out = Vec::new();
    get(&s, Owner::TeamReport(&key), "teamadvies.docx", &mut out).unwrap();
    assert_eq!(out, data);
    detach(&mut s, Owner::TeamReport(&key), "teamadvies.docx").unwrap();
    assert_eq!(sealed_count(&s, &report), 0);
}

#[test]
fn types_come_from_the_content() {
    assert_eq!(detect_type(b"%PDF-1.7"), "application/pdf");
    assert_eq!(detect_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "image/png");
    assert_eq!(
        detect_type("Verslag van één gesprek".as_bytes()),
        "text/plain"
    );
    // A character cut at the end of the first chunk is still text.
    assert_eq!(detect_type(&"é".as_bytes()[..1]), "text/plain");
    assert_eq!(detect_type(&[0, 1, 2, 0xff]), "application/octet-stream");
    assert_eq!(detect_type(b""), "application/octet-stream");
}

#[test]
fn files_of_whole_chunks_and_one_byte_more_come_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, t, p) = with_trajectory(dir.path());
    let sizes = [1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK];
    let paths: Vec<PathBuf> = sizes
        .iter()
        .map(|&n| write(dir.path(), &format!("f{n}.bin"), &big(n)))
        .collect();
    let id = add_document(&mut s, &new_doc(&t, &p, paths)).unwrap();
    for n in sizes {
        let mut out = Vec::new();
        get(&s, Owner::Document(&id), &format!("f{n}.bin"), &mut out).unwrap();
        assert_eq!(out, big(n), "{n} bytes");
        let sha = ring::digest::digest(&ring::digest::SHA256, &big(n));
        let facts = list(&s, Owner::Document(&id)).unwrap();
        let f = facts.iter().find(|f| f.facts.size == n as u64).unwrap();
        assert_eq!(f.facts.sha256, team_seal::to_hex(sha.as_ref()), "{n} bytes");
    }
}
