//! `passwd` rotates the keys under the passphrase (DESIGN.md §7): a new root
//! key, a new audit key and a new generation of every bucket key. Whoever
//! keeps the old passphrase and an old copy of the keyring opens nothing
//! written after the change; the audit chain and the suppression list's
//! keyed hashes keep working across it.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, files::*, fixture::*, vault::*};
use kluis::domain::Kind;
use kluis::domain::mailing::normalise_email;
use kluis::domain::records::{AnyRecord, Subscriber, SubscriberSource};
use kluis::ops::rights::{self, Refusal, RightsError};
use kluis::vault::{Vault, VaultError};
use std::fs;
use std::path::Path;

const NEW_PASS: &str = "een heel andere wachtwoordzin";
const LOTTE: &str = "lotte.vandam@example.nl";

fn change_passphrase(vault: &Path, from: &str, to: &str) {
    let mut v = Vault::open(vault, from.as_bytes()).unwrap();
    v.change_passphrase(to.as_bytes(), NOW).unwrap();
}

fn session_with(vault: &Path, pass: &str) -> kluis::ops::Session {
    kluis::ops::Session::load(Vault::open(vault, pass.as_bytes()).unwrap(), clock(NOW)).unwrap()
}

#[test]
fn an_unsubscribed_address_stays_refused_after_passwd() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let mut s = open_session(&vault, NOW);
    rights::mailing::unsubscribe(&mut s, &[LOTTE]).unwrap();
    drop(s);

    change_passphrase(&vault, PASS, NEW_PASS);

    let mut s = session_with(&vault, NEW_PASS);
    assert!(s.is_suppressed(&normalise_email(LOTTE)));
    let again = Subscriber {
        email: LOTTE.to_string(),
        name: None,
        source: SubscriberSource::Webinar,
        evidence: "Webinar, 1 december 2026".to_string(),
        subscribed_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    };
    let r = rights::mailing::subscribe(&mut s, again);
    assert!(
        matches!(r, Err(RightsError::Refused(Refusal::Suppressed))),
        "the unsubscribed address was taken again after passwd: {r:?}"
    );
    assert!(!s.data.subscribers.values().any(|x| x.email == LOTTE));
}

/// The old passphrase's wrapping of the root key (header and sealed root)
/// spliced onto the current keyring's table: what someone who kept an old
/// copy of the keyring and knows the old passphrase can build.
fn splice_old_wrapping(old: &[u8], current: &[u8]) -> Vec<u8> {
    const WRAPPING: usize = 38 + 60;
    let mut out = old[..WRAPPING].to_vec();
    out.extend_from_slice(&current[WRAPPING..]);
    out
}

#[test]
fn the_old_passphrase_and_an_old_keyring_open_nothing_written_after_passwd() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let old_keyring = fs::read(vault.join("keyring")).unwrap();

    change_passphrase(&vault, PASS, NEW_PASS);
    // A record written after the change, in a bucket that existed before.
    let mut s = session_with(&vault, NEW_PASS);
    let (id, person) = s
        .data
        .people
        .iter()
        .next()
        .map(|(id, p)| (id.clone(), p.clone()))
        .unwrap();
    let mut edited = person.clone();
    edited.phone = Some("+31 6 1234 5678".to_string());
    s.commit(
        "update",
        vec![(id.clone(), AnyRecord::Person(edited))],
        Vec::new(),
    )
    .unwrap();
    drop(s);
    wait_until_released(&vault);
    let current = fs::read(vault.join("keyring")).unwrap();

    // 1. The old wrapping does not open the current key table.
    let spliced = tmp.path().join("spliced");
    copy_dir(&vault, &spliced);
    fs::write(
        spliced.join("keyring"),
        splice_old_wrapping(&old_keyring, &current),
    )
    .unwrap();
    match Vault::open(&spliced, PASS.as_bytes()) {
        Err(VaultError::KeyringDamaged { .. }) => {}
        Ok(v) => panic!(
            "the old passphrase opened the current keyring; the new record reads: {}",
            v.get(Kind::Person, &id).is_ok_and(|r| r.is_some())
        ),
        Err(e) => panic!("unexpected: {e}"),
    }

    // 2. The old keyring as it was opens, but reads nothing written after.
    let old = tmp.path().join("old");
    copy_dir(&vault, &old);
    fs::write(old.join("keyring"), &old_keyring).unwrap();
    let v = Vault::open(&old, PASS.as_bytes()).unwrap();
    let mut readable = 0;
    v.for_each(|_, _, r| readable += usize::from(r.is_ok()))
        .unwrap();
    assert_eq!(readable, 0, "records decrypted with the old keyring");
    assert!(v.get(Kind::Person, &id).is_err());
    drop(v);

    // The vault itself reads everything with the new passphrase, and its
    // audit chain verifies across the rotation.
    let r = run(kluis(&vault)
        .env("KLUIS_PASSWORD", NEW_PASS)
        .args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json()["audit_chain"], "ok");
    assert_eq!(r.json()["records_checked"], 25);
    let actions: Vec<String> = Vault::open(&vault, NEW_PASS.as_bytes())
        .unwrap()
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["init", "import", "passphrase changed", "update"]);
}

#[test]
fn passwd_twice_keeps_every_record_and_the_audit_chain() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let before = open_session(&vault, NOW).data;
    change_passphrase(&vault, PASS, NEW_PASS);
    change_passphrase(&vault, NEW_PASS, PASS);
    let s = open_session(&vault, NOW);
    assert!(s.unreadable.is_empty(), "{:?}", s.unreadable);
    assert!(s.data == before, "records changed");
    drop(s);
    let r = run(kluis(&vault).args(["check", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json()["audit_chain"], "ok");
}
