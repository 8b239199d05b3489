//! Creating, re-keying and failing to open a vault (DESIGN.md §7, §8): `init` never
//! overwrites, `passwd` re-encrypts no record, and a newer, damaged,
//! missing or read-only vault gives one clear sentence, never a panic and
//! never personal data.

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
use kluis::vault::keyring::{self, Keyring};
use kluis::vault::{KdfParams, Vault, VaultError};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The stored records, byte for byte (their data keys are re-wrapped by a
/// passphrase change, see `tests/vault_rotation.rs`).
fn raw_records(vault: &Path) -> BTreeMap<Vec<u8>, Vec<u8>> {
    let db = raw_db(vault);
    let out = db
        .iter()
        .map(|r| r.unwrap())
        .filter(|(k, _)| k.starts_with(b"r/"))
        .map(|(k, v)| (k.to_vec(), v.to_vec()))
        .collect();
    drop(db);
    out
}

#[test]
fn init_creates_a_real_vault_and_refuses_to_touch_an_existing_one() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("nieuw").join("kluis");
    let r = run(kluis(&vault).arg("init"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut top: Vec<_> = fs::read_dir(&vault)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    top.sort();
    assert_eq!(top, ["db", "keyring"]);
    // The binary uses the real key derivation.
    let bytes = fs::read(vault.join("keyring")).unwrap();
    let (params, _) = keyring::parse(&vault.join("keyring"), &bytes).unwrap();
    assert_eq!(params, KdfParams::VAULT);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&vault).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the vault folder is private: {mode:o}");
    }

    let before = snapshot(&vault);
    let r = run(kluis(&vault).arg("init").env("KLUIS_PASSWORD", WRONG));
    assert_ne!(r.code, 0);
    assert_clean_error(&r, &["already exists", "nothing was changed"]);
    assert_same_files(&before, &snapshot(&vault), "init on an empty vault");

    // A vault with records: refused, and every record still there.
    let full = tmp.path().join("full");
    practice_vault(&full);
    let before = snapshot(&full);
    let r = run(kluis(&full).arg("init"));
    assert_ne!(r.code, 0);
    assert_clean_error(&r, &["already exists"]);
    assert_same_files(&before, &snapshot(&full), "init on a full vault");
    assert_eq!(total(&full), 25);

    // A folder with other files in it is not made into a vault.
    let other = tmp.path().join("papers");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("notes.txt"), "boodschappen").unwrap();
    let r = run(kluis(&other).arg("init"));
    assert_ne!(r.code, 0);
    assert_clean_error(&r, &["not an empty folder"]);
    let left: Vec<_> = fs::read_dir(&other).unwrap().collect();
    assert_eq!(
        left.len(),
        1,
        "init wrote into a folder that is not a vault"
    );
}

#[test]
fn passwd_changes_the_passphrase_and_not_the_records() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let data = open_session(&vault, NOW).data;
    let stored = raw_records(&vault);
    let new_pass = "een heel andere wachtwoordzin met één trema";
    let new_file = tmp.path().join("new.txt");
    fs::write(&new_file, format!("{new_pass}\nsecond line is ignored\n")).unwrap();

    // An empty new passphrase is refused and changes nothing.
    let empty = tmp.path().join("empty.txt");
    fs::write(&empty, "\n").unwrap();
    let before = snapshot(&vault);
    let r = run(kluis(&vault)
        .arg("passwd")
        .arg("--new-password-file")
        .arg(&empty));
    assert_ne!(r.code, 0);
    assert_clean_error(&r, &["empty"]);
    assert_same_files(&before, &snapshot(&vault), "passwd with an empty file");

    let r = run(kluis(&vault)
        .arg("passwd")
        .arg("--new-password-file")
        .arg(&new_file));
    assert_eq!(r.code, 0, "{}", r.stderr);

    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 4, "the old passphrase still opens the vault");
    assert_clean_error(&r, &["wrong passphrase"]);
    let r = run(kluis(&vault)
        .env("KLUIS_PASSWORD", new_pass)
        .args(["status", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["counts"]["person"], 7);

    // Not re-encrypted: every stored record is byte-identical.
    assert!(
        raw_records(&vault) == stored,
        "passwd rewrote stored records"
    );
    assert!(matches!(
        Vault::open(&vault, PASS.as_bytes()),
        Err(VaultError::WrongPassphrase(_))
    ));
    let v = Vault::open(&vault, new_pass.as_bytes()).unwrap();
    let s = kluis::ops::Session::load(v, clock(NOW)).unwrap();
    assert!(s.unreadable.is_empty());
    assert!(s.data == data, "records changed");
    drop(s);
    // The new wrapping uses the real key derivation.
    let ring = Keyring::open(&vault.join("keyring"), new_pass.as_bytes(), &vault).unwrap();
    drop(ring);
    let bytes = fs::read(vault.join("keyring")).unwrap();
    assert_eq!(
        keyring::parse(&vault.join("keyring"), &bytes).unwrap().0,
        KdfParams::VAULT
    );
}

#[test]
fn a_keyring_of_a_newer_format_is_refused_with_a_clear_message() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let path = vault.join("keyring");
    let mut bytes = fs::read(&path).unwrap();
    assert_eq!(&bytes[..8], b"KLUISKEY");
    assert_eq!(bytes[8], keyring::FORMAT);
    bytes[8] += 1;
    fs::write(&path, &bytes).unwrap();
    let before = snapshot(&vault);

    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_clean_error(&r, &["newer kluis", "update kluis"]);
    assert!(r.stdout.is_empty());
    assert_same_files(&before, &snapshot(&vault), "newer format");
    assert!(matches!(
        Vault::open(&vault, PASS.as_bytes()),
        Err(VaultError::NewerFormat { found, .. }) if found == keyring::FORMAT + 1
    ));
}

#[test]
fn a_damaged_keyring_gives_a_clear_message_and_no_panic() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let path = vault.join("keyring");
    let good = fs::read(&path).unwrap();
    let mut garbage = vec![0u8; 300];
    for (i, b) in garbage.iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(151).wrapping_add(7);
    }
    let with = |at: usize, v: &[u8]| {
        let mut b = good.clone();
        b[at..at + v.len()].copy_from_slice(v);
        b
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "not a kluis keyring"),
        ("garbage", garbage, "not a kluis keyring"),
        ("magic only", b"KLUISKEY".to_vec(), "truncated"),
        ("cut in the header", good[..30].to_vec(), "truncated"),
        ("cut in the root key", good[..60].to_vec(), "truncated"),
        (
            "cut in the key table",
            good[..good.len() - 5].to_vec(),
            "key table",
        ),
        ("format 0", with(8, &[0]), "unknown format"),
        ("unknown kdf", with(9, &[7]), "unknown key derivation"),
        (
            "absurd memory",
            with(10, &u32::MAX.to_be_bytes()),
            "out of range",
        ),
        (
            "no iterations",
            with(14, &0u32.to_be_bytes()),
            "out of range",
        ),
    ];
    for (what, bytes, reason) in cases {
        fs::write(&path, &bytes).unwrap();
        let r = run(kluis(&vault).args(["status", "--json"]));
        assert_eq!(r.code, 1, "{what}: {}", r.stderr);
        assert_clean_error(&r, &["keyring", "damaged", reason, "backup"]);
        assert_eq!(fs::read(&path).unwrap(), bytes, "{what}: keyring rewritten");
    }
    fs::write(&path, &good).unwrap();
    // A leftover temporary keyring from an interrupted rewrite is harmless.
    fs::write(vault.join("keyring.tmp"), b"half a keyring").unwrap();
    assert_eq!(total(&vault), 25);
    assert!(!vault.join("keyring.tmp").exists());
}

/// The page-table snapshots sled keeps in `db/`, by file name.
fn sled_snapshots(vault: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(vault.join("db"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("snap."))
        .collect();
    names.sort();
    names
}

#[test]
fn a_snapshot_left_unfinished_by_a_killed_process_does_not_lock_the_vault() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let snaps = sled_snapshots(&vault);
    assert_eq!(snaps.len(), 1, "{snaps:?}");
    let db = vault.join("db");
    let good = fs::read(db.join(&snaps[0])).unwrap();

    // sled writes `snap.<lsn>.generating` and renames it when complete; a
    // kill in between leaves half a file with a newer name than the real one.
    let unfinished = db.join("snap.00000000FFFFFFFF.generating");
    fs::write(&unfinished, &good[..good.len() / 2]).unwrap();
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(r#""ok":true"#), "{}", r.stdout);
    assert!(!unfinished.exists(), "the unfinished snapshot is left");
    assert_eq!(total(&vault), 25);

    // A damaged snapshot that sled did finish: a clear sentence, exit 1,
    // and the folder as it was, for a restore or a closer look.
    let snaps = sled_snapshots(&vault);
    let real = db.join(&snaps[snaps.len() - 1]);
    let good = fs::read(&real).unwrap();
    fs::write(&real, &good[..good.len() / 2]).unwrap();
    let before = snapshot(&vault);
    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_clean_error(&r, &["vault database", "damaged", "backup"]);
    assert_same_files(&before, &snapshot(&vault), "opening a damaged database");
    fs::write(&real, &good).unwrap();
    assert_eq!(total(&vault), 25);
}

#[test]
fn a_database_that_lost_its_newest_changes_is_noticed_and_keeps_every_key() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    // Two ways a database ends up older than its keyring: sled's log damaged
    // partway (sled then recovers it as if the rest had been a torn write),
    // and the database folder alone put back from an older copy.
    let damaged = tmp.path().join("damaged");
    practice_vault(&damaged);
    let keyring_bytes = fs::read(damaged.join("keyring")).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(damaged.join("db").join("db"))
        .unwrap()
        .set_len(4096)
        .unwrap();

    let older = tmp.path().join("older");
    new_vault(&older);
    let early_db = tmp.path().join("early-db");
    copy_dir(&older.join("db"), &early_db);
    import_in_process(&older, &fixture_text("practice.json"), NOW);
    fs::remove_dir_all(older.join("db")).unwrap();
    copy_dir(&early_db, &older.join("db"));

    for vault in [&damaged, &older] {
        let keyring_before = fs::read(vault.join("keyring")).unwrap();
        let r = run(kluis(vault).args(["check", "--json"]));
        assert_eq!(r.code, 3, "{}", r.stdout);
        let report = r.json();
        assert_eq!(report["ok"], false);
        let problems = report["problems"].as_array().unwrap();
        assert!(
            problems.iter().any(|p| p["kind"] == "vault"
                && p["problem"]
                    .as_str()
                    .unwrap()
                    .contains("later changes are missing")),
            "{report}"
        );
        // Nothing is written to it, and no key is destroyed: the keys of
        // the missing records are what a restored database needs.
        let r = run(kluis(vault).arg("import").arg(fixture("rights.json")));
        assert_eq!(r.code, 1, "{}", r.stdout);
        assert_clean_error(&r, &["missing changes", "nothing was changed", "backup"]);
        assert_eq!(fs::read(vault.join("keyring")).unwrap(), keyring_before);
        // Read-only commands still show what is there, with a warning.
        let r = run(kluis(vault).args(["status", "--json"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stderr.contains("missing changes"), "{}", r.stderr);
    }
    assert_eq!(fs::read(damaged.join("keyring")).unwrap(), keyring_bytes);
}

/// Writes the vault's keyring the way format 1 stored it (no committed audit
/// sequence number in the key table), as vaults made before 2026-11-25 have,
/// or format 2 (that number, and the suppression and audit keys derived from
/// the root key), as vaults made before 2026-12-01 have.
fn rewrite_keyring_as(vault: &Path, format: u8) {
    use kluis::vault::crypto;
    let ring = Keyring::open(&vault.join("keyring"), PASS.as_bytes(), vault).unwrap();
    let bytes = fs::read(vault.join("keyring")).unwrap();
    let (params, _) = keyring::parse(&vault.join("keyring"), &bytes).unwrap();
    let salt = [7u8; 16];
    let mut header = b"KLUISKEY".to_vec();
    header.push(format);
    header.push(kluis::vault::kdf::KDF_ARGON2ID);
    for n in [params.memory_kib, params.iterations, params.parallelism] {
        header.extend_from_slice(&n.to_be_bytes());
    }
    header.extend_from_slice(&salt);
    let pass_key = params.derive(PASS.as_bytes(), &salt).unwrap();
    let sealed_root = crypto::seal(&pass_key.aead(), &header, ring.root().bytes()).unwrap();
    let entries: Vec<_> = ring
        .buckets()
        .iter()
        .flat_map(|(b, gens)| gens.iter().map(move |(g, k)| (*b, *g, k)))
        .collect();
    let mut table = Vec::new();
    if format == 2 {
        table.extend_from_slice(&ring.committed_seq().to_be_bytes());
    }
    table.extend_from_slice(&(entries.len() as u32).to_be_bytes());
    for (b, g, k) in entries {
        table.extend_from_slice(&b.to_be_bytes());
        table.extend_from_slice(&g.to_be_bytes());
        table.extend_from_slice(k.bytes());
    }
    let table_key = ring.root().derive(b"keyring table").aead();
    let sealed_table = crypto::seal(&table_key, b"kluis keyring table v1", &table).unwrap();
    let mut out = header;
    out.extend_from_slice(&sealed_root);
    out.extend_from_slice(&sealed_table);
    fs::write(vault.join("keyring"), out).unwrap();
}

#[test]
fn a_keyring_of_format_2_opens_checks_clean_and_survives_passwd() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let before = open_session(&vault, NOW).data;
    rewrite_keyring_as(&vault, 2);
    assert_eq!(fs::read(vault.join("keyring")).unwrap()[8], 2);

    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    let new_file = tmp.path().join("new.txt");
    fs::write(&new_file, "een nieuwe wachtwoordzin\n").unwrap();
    let r = run(kluis(&vault)
        .arg("passwd")
        .arg("--new-password-file")
        .arg(&new_file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read(vault.join("keyring")).unwrap()[8], keyring::FORMAT);
    let r = run(kluis(&vault)
        .env("KLUIS_PASSWORD", "een nieuwe wachtwoordzin")
        .args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json()["records_checked"], before.len());
    assert_eq!(r.json()["audit_chain"], "ok");
}

#[test]
fn a_keyring_of_format_1_opens_and_is_written_as_the_current_format() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let before = open_session(&vault, NOW).data;
    rewrite_keyring_as(&vault, 1);
    assert_eq!(fs::read(vault.join("keyring")).unwrap()[8], 1);

    // It opens with every record, and check is clean: format 1 knew no
    // committed change, so nothing looks missing.
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json()["records_checked"], before.len());
    // The first change writes format 2, which opens again with the same
    // passphrase, and now knows the last committed change.
    let r = run(kluis(&vault).args(["purge", "--expired", "--yes"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read(vault.join("keyring")).unwrap()[8], keyring::FORMAT);
    let ring = Keyring::open(&vault.join("keyring"), PASS.as_bytes(), &vault).unwrap();
    assert!(ring.committed_seq() > 0);
    assert_eq!(total(&vault), before.len() - 10);
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn every_truncation_or_flipped_bit_of_the_keyring_is_refused_without_panic() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let path = vault.join("keyring");
    let good = fs::read(&path).unwrap();
    for len in 0..good.len() {
        fs::write(&path, &good[..len]).unwrap();
        match Vault::open(&vault, PASS.as_bytes()) {
            Err(VaultError::KeyringDamaged { .. }) => {}
            Err(e) => panic!("cut at {len}: unexpected {e}"),
            Ok(_) => panic!("cut at {len}: opened"),
        }
    }
    for at in 0..good.len() {
        for bit in [0x01u8, 0x80] {
            let mut b = good.clone();
            b[at] ^= bit;
            fs::write(&path, &b).unwrap();
            match Vault::open(&vault, PASS.as_bytes()) {
                Err(
                    VaultError::KeyringDamaged { .. }
                    | VaultError::WrongPassphrase(_)
                    | VaultError::NewerFormat { .. },
                ) => {}
                Err(e) => panic!("bit {bit:#x} of byte {at}: unexpected {e}"),
                Ok(_) => panic!("bit {bit:#x} of byte {at}: a changed keyring opened"),
            }
        }
    }
    fs::write(&path, &good).unwrap();
    assert_eq!(total(&vault), 25);
}

#[test]
fn a_missing_vault_gives_a_clear_message() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("bestaat-niet");
    for args in [
        vec!["status"],
        vec!["check", "--json"],
        vec!["purge", "--expired", "--yes"],
        vec!["passwd"],
    ] {
        let r = run(kluis(&missing).args(&args));
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert_clean_error(&r, &["no vault at", "bestaat-niet", "kluis init"]);
    }
    assert!(
        !missing.exists(),
        "a command other than init created the folder"
    );

    // KLUIS_VAULT is used when --vault is not given.
    let mut c = kluis_bin(&tmp.path().join("home"));
    c.env("KLUIS_PASSWORD", PASS)
        .env("KLUIS_VAULT", tmp.path().join("elders"))
        .arg("status");
    let r = run(&mut assert_cmd::Command::from_std(c));
    assert_eq!(r.code, 1);
    assert_clean_error(&r, &["no vault at", "elders"]);

    // An empty folder, or a keyring without its database, is no vault either.
    let empty = tmp.path().join("leeg");
    fs::create_dir(&empty).unwrap();
    let r = run(kluis(&empty).arg("status"));
    assert_eq!(r.code, 1);
    assert_clean_error(&r, &["no vault at"]);
    let half = tmp.path().join("half");
    practice_vault(&half);
    fs::rename(half.join("db"), tmp.path().join("db-elders")).unwrap();
    let r = run(kluis(&half).arg("status"));
    assert_eq!(r.code, 1);
    assert_clean_error(&r, &["no vault at"]);
}

/// A vault error reaches a Dutch coach in Dutch on the command line too.
#[test]
fn a_missing_vault_is_worded_in_the_coachs_language() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("bestaat-niet");
    let r = run(kluis(&missing).args(["--lang", "nl", "status"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_clean_error(&r, &["Er is geen kluis in", "bestaat-niet", "kluis init"]);
    assert!(!r.stderr.contains("no vault at"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_read_only_vault_folder_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let set_mode = |dir_mode: u32, file_mode: u32| {
        for (p, _) in snapshot(&vault) {
            fs::set_permissions(vault.join(p), fs::Permissions::from_mode(file_mode)).unwrap();
        }
        fs::set_permissions(vault.join("db"), fs::Permissions::from_mode(dir_mode)).unwrap();
        fs::set_permissions(&vault, fs::Permissions::from_mode(dir_mode)).unwrap();
    };
    set_mode(0o500, 0o400);
    // Root (or a file system without permissions) ignores the modes.
    let probe = vault.join("probe");
    if fs::write(&probe, b"x").is_ok() {
        let _ = fs::remove_file(&probe);
        set_mode(0o700, 0o600);
        eprintln!("skipped: permissions do not apply to this user");
        return;
    }
    let before = snapshot(&vault);
    for args in [
        vec!["status", "--json"],
        vec!["purge", "--expired", "--yes"],
        vec!["import", fixture("practice.json").to_str().unwrap()],
    ] {
        let r = run(kluis(&vault).args(&args));
        assert_ne!(r.code, 0, "{args:?} succeeded on a read-only vault");
        assert_ne!(r.code, 101, "{args:?} panicked");
        eprintln!("{args:?}: {} {}", r.code, r.stderr.trim());
        assert_clean_error(&r, &["vault"]);
        assert_same_files(&before, &snapshot(&vault), "read-only vault");
    }
    set_mode(0o700, 0o600);
    assert_eq!(total(&vault), 25);
}

#[test]
fn a_reopen_in_the_same_process_waits_for_the_database_lock_to_be_let_go() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    // sled's background threads can hold its lock file (`db/db`) for a moment
    // after a vault was closed, longer on a busy machine; a reopen right then
    // (unlocking the UI, or the next step of a test) must wait for it rather
    // than fail. The vault's own lock on `db/` already keeps other processes
    // out. This file lock stands in for the lingering threads.
    let lingering = fs::File::open(vault.join("db").join("db")).unwrap();
    lingering.lock().unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(lingering);
    });
    let opened = Vault::open(&vault, PASS.as_bytes());
    release.join().unwrap();
    let v = opened.unwrap_or_else(|e| panic!("reopen failed: {e}"));
    let s = kluis::ops::Session::load(v, clock(NOW)).unwrap();
    assert_eq!(s.data.len(), 25);
}
