//! Tampering (DESIGN.md §7, property 3): every flipped byte of every
//! stored value is found by `kluis check`, which names what it hit; the other
//! records still open; the program and its UI still start. A damaged keyring
//! file gives a clear error, never a panic.
//!
//! The vault is small (a few dozen records, their key blocks, the bucket
//! generation markers, several audit entries and the audit head). Values are
//! changed with sled directly while the vault is closed, and put back before
//! the next one.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod raw;
    pub mod vault;
}

use common::{
    cli::kluis_std as kluis,
    files::{copy_dir, wait_until_released},
    raw::{put_raw, raw_db},
    vault::{FAST, NOW, PASS, clock, expired_selection, open_session, serial},
};
use kluis::app::{Action, App, Screen, Settings};
use kluis::domain::{Dataset, Id, Kind};
use kluis::i18n::Lang;
use kluis::ops::{Session, import, purge};
use kluis::vault::Vault;
use kluis::vault::key_block;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NAMES: [&str; 10] = [
    "Anna de Vries",
    "Bram Jansen",
    "Carla Smit",
    "Daan Bakker",
    "Eva Visser",
    "Finn Mulder",
    "Greet de Boer",
    "Hugo Bos",
    "Iris Dekker",
    "Joost Brouwer",
];

/// Two imports and a purge: 10 people in several deadline months, records of
/// most kinds, buckets re-keyed once (generation 1), four audit entries.
fn build(dir: &Path) -> PathBuf {
    let vault = dir.join("vault");
    let v = Vault::create(&vault, PASS.as_bytes(), FAST, NOW).unwrap();
    let mut s = Session::load(v, clock(NOW)).unwrap();
    let completed = [
        Some("2025-03-01"),
        Some("2026-10-15"),
        Some("2026-11-01"),
        None,
        Some("2026-09-30"),
    ];
    let mut people = Vec::new();
    let mut trajectories = Vec::new();
    let mut documents = Vec::new();
    for (i, name) in NAMES.iter().enumerate() {
        people.push(json!({"ref": format!("p{i}"), "name": name,
            "email": format!("persoon{i}@example.nl"), "organisation": "Gemeente Utrecht",
            "created_on": "2025-01-01"}));
        if i < 8 {
            trajectories.push(json!({"ref": format!("t{i}"), "kind": "coaching",
                "title": format!("Loopbaancoaching {name}"), "participants": [format!("p{i}")],
                "requester": format!("p{}", (i + 1) % 10),
                "started_on": "2025-01-10", "completed_on": completed[i % 5]}));
            documents.push(
                json!({"trajectory": format!("t{i}"), "participant": format!("p{i}"),
                "kind": if i % 2 == 0 { "individual_report" } else { "questionnaire_result" },
                "title": format!("Eindrapport {name}"), "body": "Vertrouwelijk verslag.",
                "created_on": "2025-02-01"}),
            );
        }
    }
    let first = json!({
        "people": people, "trajectories": trajectories, "documents": documents,
        "quotes": [{"requester": "p8", "participants": ["p9"], "amount": "2450.00",
                    "sent_on": "2026-01-05", "accepted_on": "2026-01-10"},
                   {"requester": "p9", "amount": "500.00", "sent_on": "2024-01-05",
                    "declined_on": "2024-02-01"}],
        "contact_requests": [{"name": "Karin Vos", "email": "karin@example.nl",
                              "message": "Graag contact over teamcoaching.",
                              "received_on": "2026-11-20"},
                             {"name": "Lotte Peters", "message": "Oude vraag.",
                              "received_on": "2025-05-01"}],
        "subscribers": [{"email": "webinar@example.nl", "name": "Mila Hendriks",
                         "source": "webinar", "evidence": "Webinar Teamdynamiek, 12 mei 2026",
                         "subscribed_on": "2026-05-12"}],
        "subject_requests": [{"person": "p3", "kind": "access", "received_on": "2026-11-10"}],
        "team_reports": [{"organisation": "Gemeente Utrecht", "team": "Team Noord",
                          "title": "Advies Team Noord", "body": "Vertrouwen herstellen.",
                          "delivered_on": "2025-06-01", "password": "team-noord-wachtwoord-2025"}]
    });
    let plan = import::plan(&s, &import::parse(&first.to_string()).unwrap()).unwrap();
    import::apply(&mut s, plan).unwrap();
    let second = json!({
        "people": [{"ref": "q", "name": "Noor Dijkstra", "created_on": "2026-11-01"}],
        "trajectories": [{"ref": "u", "kind": "training", "title": "Training Noor",
                          "participants": ["q"], "started_on": "2026-10-01",
                          "completed_on": "2026-11-01"}],
        "documents": [{"trajectory": "u", "participant": "q", "kind": "individual_report",
                       "title": "Verslag Noor", "body": "Tekst.", "created_on": "2026-11-02"}]
    });
    let plan = import::plan(&s, &import::parse(&second.to_string()).unwrap()).unwrap();
    import::apply(&mut s, plan).unwrap();
    let expired = expired_selection(&s);
    let receipt = purge::purge(&mut s, &expired).unwrap();
    assert!(receipt.total > 0, "the purge removed nothing");
    drop(s);
    wait_until_released(&vault);
    vault
}

fn db_entries(vault: &Path) -> Vec<(Vec<u8>, Vec<u8>)> {
    let db = raw_db(vault);
    let out = db
        .iter()
        .map(|r| {
            let (k, v) = r.unwrap();
            (k.to_vec(), v.to_vec())
        })
        .collect();
    drop(db);
    wait_until_released(vault);
    out
}

fn put(vault: &Path, key: &[u8], value: &[u8]) {
    put_raw(vault, key, value);
    wait_until_released(vault);
}

/// What `check` may name for a damaged value: (kind, id) pairs. `must` holds
/// the names one of which it has to report.
struct Expect {
    must: BTreeSet<(String, String)>,
}

fn name(kind: &str, id: &str) -> (String, String) {
    (kind.to_string(), id.to_string())
}

/// The records whose data keys a key block holds.
fn block_records(value: &[u8]) -> Vec<(Kind, Id)> {
    key_block::raw_entries(value)
        .map(|(_, entries)| {
            entries
                .filter_map(|(n, _)| key_block::expand_name(&n))
                .collect()
        })
        .unwrap_or_default()
}

fn expect_for(key: &[u8], entries: &[(Vec<u8>, Vec<u8>)]) -> Expect {
    let k = String::from_utf8_lossy(key).into_owned();
    let mut must = BTreeSet::new();
    if let Some(rest) = k.strip_prefix("r/") {
        let (kind, id) = rest.split_once('/').unwrap();
        must.insert(name(kind, id));
    } else if let Some(rest) = k.strip_prefix("k/") {
        must.insert(name("key block", rest));
        let value = &entries.iter().find(|(ek, _)| ek == key).unwrap().1;
        for (kind, id) in block_records(value) {
            must.insert(name(kind.name(), id.as_str()));
        }
    } else if let Some(bucket) = k.strip_prefix("g/") {
        // A damaged generation marker: the records of that bucket.
        let prefix = format!("k/{bucket}/");
        for (ek, ev) in entries {
            if ek.starts_with(prefix.as_bytes()) {
                for (kind, id) in block_records(ev) {
                    must.insert(name(kind.name(), id.as_str()));
                }
            }
        }
    } else if let Some(seq) = k.strip_prefix("a/") {
        let seq = u64::from_str_radix(seq, 16).unwrap();
        must.insert(name("audit", &seq.to_string()));
    } else if k == "m/audit_head" {
        must.insert(name("audit", "0"));
    } else {
        panic!("unexpected store key {k}");
    }
    Expect { must }
}

fn run(c: &mut Command) -> Output {
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "the program panicked: {stderr}"
    );
    out
}

fn assert_no_personal_data(text: &str, data: &Dataset) {
    for p in data.people.values() {
        assert!(!text.contains(&p.name), "output names a person: {text}");
    }
    for t in data.trajectories.values() {
        assert!(!text.contains(&t.title), "output shows a title: {text}");
    }
}

/// The app starts on the vault and draws every screen.
fn start_app(vault: &Path, s: Session) {
    let settings = Settings::new(Lang::En, clock(NOW), vault.to_path_buf());
    let mut app = App::open(settings, s, Rect::new(0, 0, 100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    for screen in Screen::ALL {
        app.apply(Action::GoTo(screen));
        terminal.draw(|f| kluis::ui::draw(&app, f)).unwrap();
    }
    drop(app);
    wait_until_released(vault);
}

#[test]
fn every_flipped_byte_of_every_stored_value_is_found_and_contained() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = build(tmp.path());
    let original = open_session(&vault, NOW);
    let all: BTreeSet<(Kind, Id)> = original.data.keys().into_iter().collect();
    let data = original.data.clone();
    drop(original);
    wait_until_released(&vault);
    assert!(all.len() >= 30, "only {} records", all.len());

    let entries = db_entries(&vault);
    let mut seen = BTreeSet::new();
    for (k, _) in &entries {
        seen.insert(String::from_utf8_lossy(&k[..2]).into_owned());
    }
    assert_eq!(
        seen,
        ["a/", "g/", "k/", "m/", "r/"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        "the vault holds every kind of stored value"
    );

    let seed: u64 = std::env::var("KLUIS_TAMPER_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!(
        "tamper test: {} stored values, seed {seed} (replay with KLUIS_TAMPER_SEED={seed})",
        entries.len()
    );
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut cases = 0;
    for (key, value) in &entries {
        let shown = String::from_utf8_lossy(key).into_owned();
        let expect = expect_for(key, &entries);
        // One byte in each field: the format version, the fixed header after
        // it (bucket, generation, MAC or sequence number), the rest (sealed
        // data), and for key blocks also the name of one entry.
        let mut positions = vec![0, rng.usize(1..value.len().min(5))];
        if value.len() > 5 {
            positions.push(rng.usize(5..value.len()));
        }
        if shown.starts_with("k/") && value.len() >= 5 + 69 {
            let entry = rng.usize(0..(value.len() - 5) / 69);
            positions.push(5 + entry * 69 + rng.usize(0..9));
        }
        for at in positions {
            let mut bad = value.clone();
            bad[at] ^= 1 << rng.u8(0..8);
            put(&vault, key, &bad);

            let out = run(kluis(&vault).args(["check", "--json"]));
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                out.status.code(),
                Some(3),
                "{shown} byte {at} (seed {seed}): check did not exit 3; stdout {stdout}, stderr {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let report: Value = serde_json::from_str(stdout.trim()).unwrap();
            assert_eq!(report["ok"], json!(false));
            assert_no_personal_data(&stdout, &data);
            assert_no_personal_data(&String::from_utf8_lossy(&out.stderr), &data);
            let named: BTreeSet<(String, String)> = report["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| name(p["kind"].as_str().unwrap(), p["id"].as_str().unwrap()))
                .collect();
            assert!(
                named.iter().any(|n| expect.must.contains(n)),
                "{shown} byte {at}: check names {named:?}, none of {:?}",
                expect.must
            );
            // Only what was hit is blamed: a real record is named only when
            // its own value, key block or bucket marker was damaged.
            for (kind, id) in &named {
                // A key block is named as it is stored, and only when hit.
                let real = kind == "key block"
                    || Kind::from_name(kind)
                        .zip(Id::parse(id))
                        .is_some_and(|k| all.contains(&k));
                assert!(
                    !real || expect.must.contains(&(kind.clone(), id.clone())),
                    "{shown} byte {at}: check blames {kind}/{id}, which was not damaged"
                );
            }
            if shown.starts_with("a/") || shown.starts_with("m/") {
                assert_eq!(report["audit_chain"], json!("broken"), "{shown}");
            }

            // Every record that was not hit still opens, unchanged.
            let s = open_session(&vault, NOW);
            for (kind, id) in &all {
                let hit = expect.must.contains(&name(kind.name(), id.as_str()));
                match s.data.get(*kind, id) {
                    Some(rec) => assert_eq!(Some(rec), data.get(*kind, id)),
                    None => assert!(hit, "{shown} byte {at}: {kind}/{id} no longer opens"),
                }
            }
            for p in &s.unreadable {
                assert!(
                    expect.must.contains(&name(&p.kind, &p.id))
                        || !all
                            .iter()
                            .any(|(k, i)| k.name() == p.kind && i.as_str() == p.id),
                    "{shown} byte {at}: {}/{} unreadable",
                    p.kind,
                    p.id
                );
            }
            // The program and its UI still start.
            start_app(&vault, s);
            let out = run(kluis(&vault).args(["status"]));
            assert_eq!(out.status.code(), Some(0), "{shown} byte {at}: status");

            put(&vault, key, value);
            cases += 1;
        }
    }
    // Everything put back: the vault is whole again.
    let out = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    println!("tamper test: {cases} damaged values, each found and contained");
}

#[test]
fn every_flipped_or_cut_byte_of_the_keyring_is_a_clear_error() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let v = Vault::create(&vault, PASS.as_bytes(), FAST, NOW).unwrap();
    let mut s = Session::load(v, clock(NOW)).unwrap();
    let file = json!({"people": [{"ref": "a", "name": "Anna de Vries", "created_on": "2026-01-01"}],
        "trajectories": [{"ref": "t", "kind": "coaching", "title": "Coaching Anna",
            "participants": ["a"], "completed_on": "2026-11-20"}]});
    let plan = import::plan(&s, &import::parse(&file.to_string()).unwrap()).unwrap();
    import::apply(&mut s, plan).unwrap();
    drop(s);
    wait_until_released(&vault);

    let path = vault.join("keyring");
    let original = fs::read(&path).unwrap();
    let check = |what: String, bytes: &[u8]| {
        fs::write(&path, bytes).unwrap();
        let out = run(kluis(&vault).args(["status", "--json"]));
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            code == Some(1) || code == Some(4),
            "{what}: exit {code:?}, stderr {stderr}"
        );
        assert!(
            stderr.starts_with("kluis: ") && stderr.trim().lines().count() == 1,
            "{what}: not one clear sentence: {stderr}"
        );
        assert!(!stderr.contains("Anna"), "{what}: {stderr}");
        code
    };
    let (mut wrong_pass, mut damaged) = (0, 0);
    // A flipped bit at every position (the lowest one: it keeps damaged key
    // derivation parameters within what a laptop can compute quickly).
    for at in 0..original.len() {
        let mut bad = original.clone();
        bad[at] ^= 1;
        match check(format!("bit flipped at byte {at}"), &bad) {
            Some(4) => wrong_pass += 1,
            _ => damaged += 1,
        }
    }
    // Cut at every length, and grown by a byte.
    for len in 0..original.len() {
        check(format!("cut to {len} bytes"), &original[..len]);
    }
    let mut longer = original.clone();
    longer.push(0);
    check("one byte longer".to_string(), &longer);

    fs::write(&path, &original).unwrap();
    let out = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(out.status.code(), Some(0), "the vault is whole again");
    println!(
        "keyring: {} bytes; flips: {wrong_pass} read as a wrong passphrase (exit 4), {damaged} as a damaged keyring (exit 1)",
        original.len()
    );
}

/// A limit, stated in docs/security.md: the vault cannot tell that its whole
/// folder was put back to an older copy. Keyring and database belong
/// together, so the old copy is a consistent vault: `check` passes and
/// records deleted since then are readable again. (Crypto-shredding protects
/// against old copies of the database under the current keyring, not against
/// an old keyring kept alongside.) If rollback detection is ever added, this
/// test fails and the document must change with it.
#[test]
fn a_folder_rolled_back_to_an_older_copy_opens_as_that_copy() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let v = Vault::create(&vault, PASS.as_bytes(), FAST, NOW).unwrap();
    let mut s = Session::load(v, clock(NOW)).unwrap();
    let file = json!({"people": [{"ref": "a", "name": "Anna de Vries", "created_on": "2026-01-01"}],
        "trajectories": [{"ref": "t", "kind": "coaching", "title": "Coaching Anna",
            "participants": ["a"], "completed_on": "2025-01-01"}]});
    let plan = import::plan(&s, &import::parse(&file.to_string()).unwrap()).unwrap();
    import::apply(&mut s, plan).unwrap();
    drop(s);
    wait_until_released(&vault);
    let backup = tmp.path().join("backup");
    copy_dir(&vault, &backup);

    let out = run(kluis(&vault).args(["purge", "--expired", "--yes"]));
    assert_eq!(out.status.code(), Some(0));
    assert!(
        open_session(&vault, NOW).data.is_empty(),
        "the purge removed both"
    );
    wait_until_released(&vault);

    fs::remove_dir_all(&vault).unwrap();
    copy_dir(&backup, &vault);
    let out = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(out.status.code(), Some(0), "the old copy passes check");
    let s = open_session(&vault, NOW);
    assert_eq!(s.data.len(), 2, "the purged records are back");
}
