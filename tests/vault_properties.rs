//! The storage properties of DESIGN.md §7, one test each:
//! no plaintext on disk, tamper detection, wrong passphrase, one process at
//! a time, crypto-shredding (also after a bucket change).

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod raw;
    pub mod vault;
}

use common::{cli::*, files::*, fixture::*, raw::*, vault::*};
use kluis::domain::{AnyRecord, Id, Kind};
use kluis::vault::keyring::Keyring;
use kluis::vault::{Problem, Vault, VaultError};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn check_in_process(dir: &Path) -> kluis::vault::CheckReport {
    let v = Vault::open(dir, PASS.as_bytes()).unwrap();
    v.check(AnyRecord::validate).unwrap()
}

fn named(problems: &[Problem]) -> BTreeSet<(String, String)> {
    problems
        .iter()
        .map(|p| (p.kind.clone(), p.id.clone()))
        .collect()
}

fn json_named(check: &serde_json::Value) -> BTreeSet<(String, String)> {
    check["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap().to_string(),
                p["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(kind: Kind, id: &Id) -> (String, String) {
    (kind.name().to_string(), id.to_string())
}

// ---------------------------------------------------------------------------
// 7.1 Nothing personal is stored in plaintext.

#[test]
fn a_byte_search_of_the_vault_folder_finds_no_entered_text() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    new_vault(&vault);
    let r = run(kluis(&vault).arg("import").arg(fixture("practice.json")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let generated = generated_passwords(&r.stdout);
    assert_eq!(generated.len(), 1, "{}", r.stdout);
    // Open and close it once more, so whatever a later run writes is there too.
    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);

    // 7.8: the folder holds exactly `keyring` and `db/`.
    let mut top: Vec<String> = fs::read_dir(&vault)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["db", "keyring"]);

    let text = fixture_text("practice.json");
    let mut needles = personal_strings(&text);
    // Pieces of the long text, in case it is stored in chunks.
    let long = needles
        .iter()
        .find(|s| s.len() > 3000)
        .expect("the fixture has a long text")
        .clone();
    let chars: Vec<char> = long.chars().collect();
    for start in (0..chars.len().saturating_sub(24)).step_by(150) {
        needles.push(chars[start..start + 24].iter().collect());
    }
    for must in [
        "Zoë Ĳsselmeer-Çelik",
        "Ĳsselmeer",
        "Çelik",
        "één",
        "zoe.ijsselmeer@example.nl",
        "Eindrapport Anna",
    ] {
        assert!(
            needles.iter().any(|n| n.contains(must)),
            "fixture lacks {must}"
        );
        needles.push(must.to_string());
    }

    // The search works: it finds every needle in the fixture itself and an
    // UTF-16 form where one was planted.
    let fixture_bytes = text.as_bytes();
    for n in &needles {
        assert!(contains(fixture_bytes, n.as_bytes()), "control: {n}");
    }
    needles.extend(generated);
    let planted: Vec<u8> = [b"xx".as_slice(), &variants("Zoë Ĳsselmeer-Çelik")[3].1].concat();
    assert!(contains(&planted, &variants("Zoë Ĳsselmeer-Çelik")[3].1));

    let files = snapshot(&vault);
    assert!(files.len() >= 2);
    let mut checked = 0;
    for n in &needles {
        for (how, bytes) in variants(n) {
            if bytes.len() < 4 {
                continue;
            }
            for (path, content) in &files {
                assert!(
                    !contains(content, &bytes),
                    "{n:?} ({how}) found in plaintext in {}",
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} searches");
}

// ---------------------------------------------------------------------------
// 7.3 Any flipped bit is detected, and names its record; the others open.

#[test]
fn a_flipped_byte_is_named_by_check_and_the_other_records_still_open() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let before = open_session(&vault, NOW).data;
    let doc = id_by_label(&before, Kind::IndividualReport, "Eindrapport Anna");
    let key = record_key(Kind::IndividualReport, &doc);
    let mut rest = before.clone();
    assert!(rest.remove(Kind::IndividualReport, &doc));

    // Every part of the stored value: version, nonce, ciphertext, tag.
    let len = raw_db(&vault).get(&key).unwrap().unwrap().len();
    assert!(len > 3000);
    for at in [0, 1, 12, 13, len / 2, len - 17, len - 1] {
        let original = flip_byte(&vault, &key, at);
        let report = check_in_process(&vault);
        assert_eq!(
            named(&report.problems),
            BTreeSet::from([pair(Kind::IndividualReport, &doc)]),
            "byte {at}: {:?}",
            report.problems
        );
        assert!(report.audit_chain_ok);
        let s = open_session(&vault, NOW);
        assert_eq!(s.unreadable.len(), 1, "byte {at}");
        assert!(s.data == rest, "byte {at}: the other records changed");
        drop(s);
        put_raw(&vault, &key, &original);
    }
    // A flipped bit in its wrapped data key (nonce, ciphertext, tag) is
    // found as well, and names only that record.
    let block = key_block_of(&raw_db(&vault), Kind::IndividualReport, &doc);
    for at in [0, 12, 30, 59] {
        let original = edit_key_block(&vault, &block, |b| {
            b.entries
                .get_mut(&(Kind::IndividualReport, doc.clone()))
                .unwrap()[at] ^= 0x01;
        });
        // The block's MAC no longer matches either: it is named too.
        let report = check_in_process(&vault);
        assert_eq!(
            named(&report.problems),
            BTreeSet::from([pair(Kind::IndividualReport, &doc), block_problem(&block)]),
            "key byte {at}: {:?}",
            report.problems
        );
        put_raw(&vault, &block, &original);
    }
    assert!(check_in_process(&vault).problems.is_empty());

    // The command line, on a flipped bit in the ciphertext.
    flip_byte(&vault, &key, len / 2);
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 3, "{} {}", r.stdout, r.stderr);
    let j = r.json();
    assert_eq!(j["ok"], false);
    assert_eq!(j["audit_chain"], "ok");
    assert_eq!(j["records_checked"], 25);
    assert_eq!(
        json_named(&j),
        BTreeSet::from([pair(Kind::IndividualReport, &doc)])
    );
    assert!(
        !j["problems"][0]["problem"].as_str().unwrap().is_empty(),
        "{j}"
    );
    assert_clean_error(&r, &[]);
    for s in personal_needles() {
        assert!(!r.stdout.contains(&s), "{s:?} in check output");
    }

    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["counts"]["individual_report"], 1);
    assert_eq!(j["counts"]["person"], 7);
    assert_eq!(j["counts"]["questionnaire_result"], 2);
    assert!(r.stderr.contains("could not be read"), "{}", r.stderr);
    assert_clean_error(&r, &[]);
    let s = open_session(&vault, NOW);
    assert_eq!(s.unreadable.len(), 1);
    assert_eq!(s.unreadable[0].id, doc.to_string());
    assert!(s.data == rest);
}

// ---------------------------------------------------------------------------
// 7.3 A ciphertext is bound to its kind and id: swaps and moves are detected.

#[test]
fn swapped_or_moved_values_are_detected_and_both_ids_named() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let data = open_session(&vault, NOW).data;
    let anna = id_by_label(&data, Kind::Person, "Anna de Vries");
    let bram = id_by_label(&data, Kind::Person, "Bram Jansen");
    let (ka, kb) = (
        record_key(Kind::Person, &anna),
        record_key(Kind::Person, &bram),
    );

    // Swap the two stored records.
    let db = raw_db(&vault);
    let (va, vb) = (db.get(&ka).unwrap().unwrap(), db.get(&kb).unwrap().unwrap());
    db.insert(&ka, vb.clone()).unwrap();
    db.insert(&kb, va.clone()).unwrap();
    db.flush().unwrap();
    drop(db);
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 3, "{}", r.stdout);
    assert_eq!(
        json_named(&r.json()),
        BTreeSet::from([pair(Kind::Person, &anna), pair(Kind::Person, &bram)])
    );
    assert_clean_error(&r, &[]);
    let s = open_session(&vault, NOW);
    assert_eq!(s.unreadable.len(), 2);
    assert!(!s.data.people.contains_key(&anna) && !s.data.people.contains_key(&bram));
    assert_eq!(s.data.people.len(), 5);
    drop(s);
    put_raw(&vault, &ka, &va);
    put_raw(&vault, &kb, &vb);
    assert!(check_in_process(&vault).problems.is_empty());

    // Swap their wrapped data keys.
    let db = raw_db(&vault);
    let (ba, bb) = (
        key_block_of(&db, Kind::Person, &anna),
        key_block_of(&db, Kind::Person, &bram),
    );
    let sealed = |block: &[u8], id: &Id| {
        let v = db.get(block).unwrap().unwrap();
        kluis::vault::key_block::Block::decode(&v).unwrap().entries[&(Kind::Person, id.clone())]
            .clone()
    };
    let (sa, sb) = (sealed(&ba, &anna), sealed(&bb, &bram));
    drop(db);
    let orig_a = edit_key_block(&vault, &ba, |b| {
        b.entries.insert((Kind::Person, anna.clone()), sb.clone());
    });
    let orig_b = edit_key_block(&vault, &bb, |b| {
        b.entries.insert((Kind::Person, bram.clone()), sa.clone());
    });
    assert_eq!(
        named(&check_in_process(&vault).problems),
        BTreeSet::from([
            pair(Kind::Person, &anna),
            pair(Kind::Person, &bram),
            block_problem(&ba),
            block_problem(&bb),
        ])
    );
    put_raw(&vault, &bb, &orig_b);
    put_raw(&vault, &ba, &orig_a);
    assert!(check_in_process(&vault).problems.is_empty());

    // Move a record with its data key to another id (in the same key block)
    // and to another kind.
    let mut other = anna.as_str().to_string();
    let last = if other.ends_with('0') { "1" } else { "0" };
    other.replace_range(15.., last);
    let other = Id::parse(&other).unwrap();
    for (kind, id) in [(Kind::Person, &other), (Kind::Trajectory, &anna)] {
        put_raw(&vault, &record_key(kind, id), &va);
        let original = edit_key_block(&vault, &ba, |b| {
            b.entries.insert((kind, id.clone()), sa.clone());
        });
        let report = check_in_process(&vault);
        assert_eq!(
            named(&report.problems),
            BTreeSet::from([pair(kind, id), block_problem(&ba)]),
            "{:?}",
            report.problems
        );
        put_raw(&vault, &ba, &original);
        raw_db(&vault).remove(record_key(kind, id)).unwrap();
    }
    assert!(check_in_process(&vault).problems.is_empty());
}

#[test]
fn a_changed_or_removed_audit_entry_breaks_the_chain() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let db = raw_db(&vault);
    let entries: Vec<(Vec<u8>, Vec<u8>)> = db
        .scan_prefix(b"a/")
        .map(|r| r.unwrap())
        .map(|(k, v)| (k.to_vec(), v.to_vec()))
        .collect();
    assert!(entries.len() >= 2, "init and import");
    drop(db);
    let (k0, v0) = &entries[0];
    flip_byte(&vault, k0, v0.len() - 2);
    let report = check_in_process(&vault);
    assert!(!report.audit_chain_ok);
    assert!(report.problems.iter().any(|p| p.kind == "audit"));
    put_raw(&vault, k0, v0);
    // Cutting the last entry off is found too.
    let (kl, vl) = entries.last().unwrap();
    raw_db(&vault).remove(kl).unwrap();
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 3);
    assert_eq!(r.json()["audit_chain"], "broken");
    put_raw(&vault, kl, vl);
    assert!(check_in_process(&vault).audit_chain_ok);
}

// ---------------------------------------------------------------------------
// 7.2 The vault opens only with its passphrase, and a wrong one harms nothing.

#[test]
fn a_wrong_passphrase_gives_exit_4_and_changes_no_byte() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let wrong_file = tmp.path().join("wrong.txt");
    fs::write(&wrong_file, format!("{WRONG}\n")).unwrap();
    let before = snapshot(&vault);

    let attempts: Vec<(&str, assert_cmd::Command)> = vec![
        ("status, KLUIS_PASSWORD", {
            let mut c = kluis(&vault);
            c.env("KLUIS_PASSWORD", WRONG).args(["status", "--json"]);
            c
        }),
        ("purge --yes, --password-file", {
            let mut c = kluis(&vault);
            c.arg("--password-file")
                .arg(&wrong_file)
                .args(["purge", "--expired", "--yes"]);
            c
        }),
        ("import, KLUIS_PASSWORD_FILE over KLUIS_PASSWORD", {
            let mut c = kluis(&vault);
            c.env("KLUIS_PASSWORD_FILE", &wrong_file)
                .arg("import")
                .arg(fixture("practice.json"));
            c
        }),
        ("passwd", {
            let mut c = kluis(&vault);
            c.env("KLUIS_PASSWORD", WRONG)
                .arg("passwd")
                .arg("--new-password-file")
                .arg(&wrong_file);
            c
        }),
        ("check", {
            let mut c = kluis(&vault);
            c.env("KLUIS_PASSWORD", WRONG).arg("check");
            c
        }),
    ];
    for (what, mut c) in attempts {
        let r = run(&mut c);
        assert_eq!(r.code, 4, "{what}: {} {}", r.stdout, r.stderr);
        assert_clean_error(&r, &["wrong passphrase", "nothing was changed"]);
        assert!(r.stdout.trim().is_empty(), "{what}: {}", r.stdout);
        assert_same_files(&before, &snapshot(&vault), what);
    }
    assert!(matches!(
        Vault::open(&vault, WRONG.as_bytes()),
        Err(VaultError::WrongPassphrase(_))
    ));
    assert_same_files(&before, &snapshot(&vault), "in-process open");
    // The right one still opens everything.
    assert_eq!(total(&vault), 25);
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
}

// ---------------------------------------------------------------------------
// 7.6 One process at a time.

#[test]
fn a_second_process_gets_exit_5_while_the_vault_is_open() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let held = Vault::open(&vault, PASS.as_bytes()).unwrap();
    // Even in the same process a second opener is turned away.
    assert!(matches!(
        Vault::open(&vault, PASS.as_bytes()),
        Err(VaultError::InUse(_))
    ));
    for args in [
        vec!["status", "--json"],
        vec!["check"],
        vec!["purge", "--expired", "--yes"],
        vec!["import", fixture("practice.json").to_str().unwrap()],
    ] {
        let r = run(kluis(&vault).args(&args));
        assert_eq!(r.code, 5, "{args:?}: {} {}", r.stdout, r.stderr);
        assert_clean_error(&r, &["in use by another kluis process"]);
    }
    drop(held);
    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.json()["counts"]["person"],
        7,
        "nothing was imported or purged"
    );
    assert_eq!(total(&vault), 25);
}

// ---------------------------------------------------------------------------
// 7.4 Crypto-shredding.

/// Every key in a keyring file, whatever its bucket or generation.
fn all_keys(ring: &Keyring) -> Vec<[u8; 32]> {
    ring.buckets()
        .values()
        .flat_map(|gens| gens.values().map(|k| *k.bytes()))
        .collect()
}

/// The keys an old keyring had for `bucket`; none of them may be left in
/// the current keyring, under any bucket or generation.
#[track_caller]
fn assert_bucket_keys_destroyed(old: &Keyring, current: &Keyring, bucket: u32, what: &str) {
    let old_keys: Vec<[u8; 32]> = old
        .buckets()
        .get(&bucket)
        .unwrap_or_else(|| panic!("control: the old keyring has no bucket {bucket}"))
        .values()
        .map(|k| *k.bytes())
        .collect();
    assert!(!old_keys.is_empty());
    let now = all_keys(current);
    for k in &old_keys {
        assert!(
            !now.contains(k),
            "{what}: the key of bucket {bucket} survives in the current keyring"
        );
    }
}

/// The old folder's database with the current keyring file.
fn old_db_with_current_keyring(old: &Path, current: &Path, into: &Path) {
    copy_dir(&old.join("db"), &into.join("db"));
    fs::copy(current.join("keyring"), into.join("keyring")).unwrap();
}

#[test]
fn purged_records_cannot_be_decrypted_from_a_copy_taken_before() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let copy = tmp.path().join("copy");
    practice_vault(&vault);
    let s = open_session(&vault, NOW);
    let before = s.data.clone();
    let expired: Vec<(Kind, Id)> = kluis::ops::purge::expired(&s, &s.deadlines())
        .into_iter()
        .map(|e| (e.kind, e.id))
        .collect();
    drop(s);
    assert_eq!(expired.len(), 10);
    copy_dir(&vault, &copy);

    let r = run(kluis(&vault).args(["purge", "--expired", "--yes", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["deleted"]["total"], 10);

    let combo = tmp.path().join("combo");
    old_db_with_current_keyring(&copy, &vault, &combo);
    let current_ring = Keyring::open(&vault.join("keyring"), PASS.as_bytes(), &vault).unwrap();
    let old_ring = Keyring::open(&copy.join("keyring"), PASS.as_bytes(), &copy).unwrap();
    let old_db = raw_db(&copy);
    let mut deleted_buckets = BTreeSet::new();
    for (kind, id) in &expired {
        let bucket = stored_bucket(&old_db, *kind, id);
        deleted_buckets.insert(bucket);
        assert_bucket_keys_destroyed(&old_ring, &current_ring, bucket, &format!("{kind}/{id}"));
    }

    // The vault itself, on the old database with the current keyring.
    let v = Vault::open(&combo, PASS.as_bytes()).unwrap();
    let mut kept_elsewhere = 0;
    for (kind, id) in before.keys() {
        let got = v.get(kind, &id);
        if expired.contains(&(kind, id.clone())) {
            assert!(got.is_err(), "{kind}/{id} decrypted from the old copy");
            continue;
        }
        if !deleted_buckets.contains(&stored_bucket(&old_db, kind, &id)) {
            // A bucket the purge did not touch: still readable.
            let plain = got.unwrap().expect("present");
            let rec = AnyRecord::decode(kind, &plain).unwrap();
            assert!(rec == before.get(kind, &id).unwrap());
            kept_elsewhere += 1;
        }
    }
    assert_eq!(kept_elsewhere, 15, "the fixture keeps 15 records elsewhere");
    let report = v.check(AnyRecord::validate).unwrap();
    let named_now = named(&report.problems);
    for (kind, id) in &expired {
        assert!(
            named_now.contains(&pair(*kind, id)),
            "check does not report {kind}/{id} as undecryptable"
        );
    }
    drop(v);
    drop(old_db);

    // Control: the copy with its own keyring is a full backup of them.
    let v = Vault::open(&copy, PASS.as_bytes()).unwrap();
    for (kind, id) in &expired {
        assert!(
            matches!(v.get(*kind, id), Ok(Some(_))),
            "control: {kind}/{id}"
        );
    }
    drop(v);

    // And the vault itself holds exactly the records that stay, all readable.
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json()["records_checked"], 15);
}

#[test]
fn a_record_that_changed_bucket_is_not_recoverable_after_its_purge() {
    let _serial = serial();
    use kluis::domain::records::*;
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let early = tmp.path().join("early");
    new_vault(&vault);
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();

    // An open trajectory: it, its document and its participant have no
    // deadline yet (bucket 0), beside a subscriber who stays there for good.
    let mut s = open_session(&vault, "2026-02-01T10:00:00+01:00");
    let (p, t, doc, sub) = (
        s.data.new_id(),
        Id::parse("00000000000000aa").unwrap(),
        Id::parse("00000000000000bb").unwrap(),
        Id::parse("00000000000000cc").unwrap(),
    );
    let mut traj = Trajectory {
        kind: TrajectoryKind::Coaching,
        title: "Loopbaancoaching Zoë".into(),
        participants: vec![p.clone()],
        requester: None,
        started_on: Some(d("2026-01-10")),
        completed_on: None,
    };
    s.commit(
        "add",
        vec![
            (
                p.clone(),
                AnyRecord::Person(Person {
                    name: "Zoë Ĳsselmeer-Çelik".into(),
                    email: None,
                    phone: None,
                    organisation: None,
                    created_on: d("2026-01-05"),
                }),
            ),
            (t.clone(), AnyRecord::Trajectory(traj.clone())),
            (
                doc.clone(),
                AnyRecord::Document(Document {
                    trajectory: t.clone(),
                    participant: p.clone(),
                    kind: DocumentKind::IndividualReport,
                    title: "Eindrapport Zoë".into(),
                    body: "Vertrouwelijk: één gesprek over de burn-out.".into(),
                    created_on: d("2026-01-30"),
                    files: Vec::new(),
                }),
            ),
            (
                sub.clone(),
                AnyRecord::Subscriber(Subscriber {
                    email: "lotte.vandam@example.nl".into(),
                    name: None,
                    source: SubscriberSource::Webinar,
                    evidence: "Webinar Teamdynamiek".into(),
                    subscribed_on: d("2026-01-20"),
                }),
            ),
        ],
        vec![],
    )
    .unwrap();
    drop(s);
    copy_dir(&vault, &early);
    {
        let db = raw_db(&early);
        assert_eq!(stored_bucket(&db, Kind::IndividualReport, &doc), 0);
    }

    // The trajectory is completed: its document moves to the May bucket.
    let mut s = open_session(&vault, "2026-03-31T17:00:00+02:00");
    traj.completed_on = Some(d("2026-03-31"));
    s.commit(
        "update",
        vec![(t.clone(), AnyRecord::Trajectory(traj))],
        vec![],
    )
    .unwrap();
    drop(s);
    // Purged once expired, by the command line.
    let r = run(kluis(&vault)
        .env("KLUIS_NOW", "2026-06-02T09:00:00+02:00")
        .args(["purge", "--expired", "--yes", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["deleted"]["total"], 3, "{}", r.stdout);
    let s = open_session(&vault, NOW);
    assert_eq!(s.data.len(), 1, "only the subscriber stays");
    drop(s);

    // The early copy still holds the document's data key, wrapped by the
    // bucket-0 key of that time. Bucket 0 still exists (the subscriber), so
    // only a re-key when the document left it makes that key useless.
    let current_ring = Keyring::open(&vault.join("keyring"), PASS.as_bytes(), &vault).unwrap();
    let old_ring = Keyring::open(&early.join("keyring"), PASS.as_bytes(), &early).unwrap();
    assert!(current_ring.buckets().contains_key(&0));
    let old_db = raw_db(&early);
    for (kind, id) in [
        (Kind::IndividualReport, &doc),
        (Kind::Trajectory, &t),
        (Kind::Person, &p),
    ] {
        assert_eq!(stored_bucket(&old_db, kind, id), 0);
    }
    assert_bucket_keys_destroyed(&old_ring, &current_ring, 0, "the document's old bucket");
    drop(old_db);
    let combo = tmp.path().join("combo");
    old_db_with_current_keyring(&early, &vault, &combo);
    let v = Vault::open(&combo, PASS.as_bytes()).unwrap();
    assert!(v.get(Kind::IndividualReport, &doc).is_err());
    assert!(v.get(Kind::Trajectory, &t).is_err());
}
