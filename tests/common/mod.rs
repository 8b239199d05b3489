//! Shared helpers for the vault and command-line tests: vaults with a cheap
//! KDF, the `kluis` binary with a clean environment, byte searches of a vault
//! folder, and the personal data of the practice fixture.
#![allow(dead_code)]

use assert_cmd::Command;
use kluis::domain::{Dataset, Id, Kind};
use kluis::ops::{Clock, Session};
use kluis::vault::{KdfParams, Vault};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub const PASS: &str = "correct horse battery staple";
pub const WRONG: &str = "correct horse battery stapler";
/// The moment of the fixture's expectations (DESIGN.md §8 example).
pub const NOW: &str = "2026-11-25T09:00:00+01:00";

/// A fast KDF for vaults made in-process; the binary reads the parameters
/// from the keyring header, so it opens these quickly too.
pub const FAST: KdfParams = KdfParams {
    memory_kib: 1024,
    iterations: 1,
    parallelism: 1,
};

/// Runs the tests of one file one at a time. A test process that spawns
/// children while another thread closes a vault can hand the vault's locks
/// (flock on `db/`, sled's lock on `db/db`) to a child between its fork and
/// its exec, so a reopen right after a close would see the vault in use.
/// Every test that opens vaults in-process or runs the binary takes this.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture_text(name: &str) -> String {
    fs::read_to_string(fixture(name)).unwrap()
}

pub fn clock(now: &str) -> Clock {
    Clock::parse(now).unwrap()
}

/// Creates an empty vault at `dir` (in-process, fast KDF) and closes it.
pub fn new_vault(dir: &Path) {
    let v = Vault::create(dir, PASS.as_bytes(), FAST, NOW).unwrap();
    drop(v);
}

pub fn open_session(dir: &Path, now: &str) -> Session {
    let v = Vault::open(dir, PASS.as_bytes()).unwrap();
    Session::load(v, clock(now)).unwrap()
}

/// Imports `json` in-process, as `kluis import` does.
pub fn import_in_process(dir: &Path, json: &str, now: &str) {
    let mut s = open_session(dir, now);
    let file = kluis::ops::import::parse(json).unwrap();
    let plan = kluis::ops::import::plan(&s, &file).unwrap();
    kluis::ops::import::apply(&mut s, plan).unwrap();
}

/// A vault at `dir` holding the practice fixture, imported at `NOW`.
pub fn practice_vault(dir: &Path) {
    new_vault(dir);
    import_in_process(dir, &fixture_text("practice.json"), NOW);
}

/// The `kluis` binary on `vault`, with a clean environment: English, the
/// fixed clock, the right passphrase in `KLUIS_PASSWORD`.
pub fn kluis_std(vault: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kluis"));
    for var in [
        "KLUIS_PASSWORD",
        "KLUIS_PASSWORD_FILE",
        "KLUIS_VAULT",
        "KLUIS_NOW",
        "LANG",
        "LC_ALL",
        "LANGUAGE",
    ] {
        c.env_remove(var);
    }
    c.env("LANG", "C")
        .env("KLUIS_NOW", NOW)
        .env("KLUIS_PASSWORD", PASS)
        .arg("--vault")
        .arg(vault);
    c
}

pub fn kluis(vault: &Path) -> Command {
    Command::from_std(kluis_std(vault))
}

/// The output of a finished run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }
}

pub fn run(c: &mut Command) -> Run {
    let out = c.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[track_caller]
pub fn assert_same_files(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    what: &str,
) {
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(before), names(after), "{what}: files differ");
    for (p, b) in before {
        assert!(after[p] == *b, "{what}: {} changed", p.display());
    }
}

pub fn copy_dir(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).unwrap();
    for e in fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            fs::copy(e.path(), &to).unwrap();
        }
    }
}

/// sled can let go of its lock file a moment after an in-process vault is
/// dropped; waits until another process (the binary) could take it.
pub fn wait_until_released(vault: &Path) {
    let db = vault.join("db").join("db");
    for _ in 0..500 {
        if fs::File::open(&db).unwrap().try_lock().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the vault stayed locked after it was dropped");
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The encodings a careless store could leave a string in.
pub fn variants(s: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut push = |name: &str, b: Vec<u8>| {
        if !out.iter().any(|(_, x)| *x == b) {
            out.push((name.to_string(), b));
        }
    };
    push("utf-8", s.as_bytes().to_vec());
    push("lowercase", s.to_lowercase().into_bytes());
    push("uppercase", s.to_uppercase().into_bytes());
    push(
        "utf-16le",
        s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect(),
    );
    push(
        "utf-16be",
        s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect(),
    );
    // Decomposed (NFD) forms of the diacritics the fixture uses.
    let nfd: String = s
        .chars()
        .flat_map(|c| match c {
            'ë' => vec!['e', '\u{308}'],
            'é' => vec!['e', '\u{301}'],
            'Ç' => vec!['C', '\u{327}'],
            'ö' => vec!['o', '\u{308}'],
            c => vec![c],
        })
        .collect();
    push("nfd", nfd.into_bytes());
    // Folded to ASCII, as a search index might.
    let ascii: String = s
        .chars()
        .flat_map(|c| match c {
            'ë' | 'é' => "e".chars().collect::<Vec<_>>(),
            'ö' | 'ó' => vec!['o'],
            'Ç' => vec!['C'],
            'Ĳ' => vec!['I', 'J'],
            'ĳ' => vec!['i', 'j'],
            c => vec![c],
        })
        .collect();
    push("ascii", ascii.clone().into_bytes());
    push("ascii lowercase", ascii.to_lowercase().into_bytes());
    // JSON with \u escapes.
    let escaped = serde_json::to_string(s)
        .unwrap()
        .chars()
        .flat_map(|c| {
            if c.is_ascii() {
                vec![c]
            } else {
                let mut buf = [0u16; 2];
                c.encode_utf16(&mut buf)
                    .iter()
                    .flat_map(|u| format!("\\u{u:04x}").chars().collect::<Vec<_>>())
                    .collect()
            }
        })
        .collect::<String>();
    push(
        "json-escaped",
        escaped.trim_matches('"').as_bytes().to_vec(),
    );
    out
}

/// The values of the fixture that are personal, with their field name:
/// names, e-mails, phones, organisations, teams, titles, texts, evidence
/// and passwords.
pub fn personal_fields(json: &str) -> Vec<(String, String)> {
    const FIELDS: [&str; 10] = [
        "name",
        "email",
        "phone",
        "organisation",
        "team",
        "title",
        "body",
        "message",
        "evidence",
        "password",
    ];
    fn walk(v: &serde_json::Value, key: Option<&str>, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    walk(v, Some(k), out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, key, out)),
            serde_json::Value::String(s) => {
                if let Some(k) = key.filter(|k| FIELDS.contains(k)) {
                    let pair = (k.to_string(), s.clone());
                    if !out.contains(&pair) {
                        out.push(pair);
                    }
                }
            }
            _ => {}
        }
    }
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = Vec::new();
    walk(&v, None, &mut out);
    out
}

pub fn personal_strings(json: &str) -> Vec<String> {
    let mut out: Vec<String> = personal_fields(json).into_iter().map(|(_, v)| v).collect();
    out.dedup();
    out
}

/// Pieces of personal data that must never reach an error message: every
/// personal string of the fixture, the parts of names and the local parts
/// of e-mail addresses.
pub fn personal_needles() -> Vec<String> {
    let fields = personal_fields(&fixture_text("practice.json"));
    let mut out: Vec<String> = Vec::new();
    for (k, v) in &fields {
        out.push(v.clone());
        match k.as_str() {
            "name" => out.extend(
                v.split([' ', '-'])
                    .filter(|p| p.chars().count() >= 4)
                    .map(str::to_string),
            ),
            "email" => out.extend(v.split('@').next().map(str::to_string)),
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

/// An error message: one sentence, no panic, no personal data.
#[track_caller]
pub fn assert_clean_error(r: &Run, must_contain: &[&str]) {
    assert!(
        !r.stderr.trim().is_empty(),
        "no message on stderr (exit {})",
        r.code
    );
    for bad in [
        "panicked",
        "internal error",
        "RUST_BACKTRACE",
        "stack backtrace",
    ] {
        assert!(!r.stderr.contains(bad), "panic text in {:?}", r.stderr);
    }
    let lower = r.stderr.to_lowercase();
    for s in personal_needles() {
        assert!(
            !lower.contains(&s.to_lowercase()),
            "personal data {s:?} in the error {:?}",
            r.stderr
        );
    }
    for want in must_contain {
        assert!(
            lower.contains(&want.to_lowercase()),
            "{want:?} not in the error {:?}",
            r.stderr
        );
    }
}

/// Number of records in the vault, by kind, read in-process.
pub fn counts(dir: &Path) -> BTreeMap<Kind, usize> {
    open_session(dir, NOW).data.counts()
}

pub fn total(dir: &Path) -> usize {
    counts(dir).values().sum()
}

/// The id of the record of `kind` whose label is `label`.
pub fn id_by_label(ds: &Dataset, kind: Kind, label: &str) -> Id {
    ds.keys()
        .into_iter()
        .find(|(k, id)| *k == kind && ds.label(*k, id) == label)
        .unwrap_or_else(|| panic!("no {kind} labelled {label:?}"))
        .1
}

/// Opens the vault's sled database directly (the vault must be closed).
/// Like the vault itself, it waits a moment for sled's lock file, which a
/// just-closed handle's background threads may still hold.
pub fn raw_db(vault: &Path) -> sled::Db {
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::open(vault.join("db")) {
            Ok(db) => return db,
            Err(e) if std::time::Instant::now() < give_up => {
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => panic!("cannot open the database directly: {e}"),
        }
    }
}

pub fn record_key(kind: Kind, id: &Id) -> Vec<u8> {
    kluis::vault::record_key(kind, id)
}

/// The team-report passwords an import printed: 5 groups of 5 symbols.
pub fn generated_passwords(stdout: &str) -> Vec<String> {
    const ALPHABET: &str = "abcdefghijkmnpqrstuvwxyz23456789";
    stdout
        .split_whitespace()
        .filter(|t| {
            let groups: Vec<&str> = t.split('-').collect();
            groups.len() == 5
                && groups
                    .iter()
                    .all(|g| g.len() == 5 && g.chars().all(|c| ALPHABET.contains(c)))
        })
        .map(str::to_string)
        .collect()
}

/// Flips one bit of the stored value under `key` (the vault must be closed)
/// and returns the original value.
pub fn flip_byte(vault: &Path, key: &[u8], at: usize) -> Vec<u8> {
    edit_raw(vault, key, |v| v[at] ^= 0x01)
}

pub fn put_raw(vault: &Path, key: &[u8], value: &[u8]) {
    let db = raw_db(vault);
    db.insert(key, value).unwrap();
    db.flush().unwrap();
}

/// The key of the block (`vault::key_block`) that holds a record's wrapped
/// data key.
pub fn key_block_of(db: &sled::Db, kind: Kind, id: &Id) -> Vec<u8> {
    db.scan_prefix(b"k/")
        .map(|r| r.unwrap())
        .find(|(_, v)| kluis::vault::key_block::holds(v, kind, id))
        .unwrap_or_else(|| panic!("no data key for {kind}/{id}"))
        .0
        .to_vec()
}

/// Changes a key block with `f` (the vault must be closed); returns the
/// original value.
pub fn edit_key_block(
    vault: &Path,
    block: &[u8],
    f: impl FnOnce(&mut kluis::vault::key_block::Block),
) -> Vec<u8> {
    edit_raw(vault, block, |v| {
        let mut b = kluis::vault::key_block::Block::decode(v).unwrap();
        f(&mut b);
        *v = b.encode();
    })
}

/// The bucket a stored record says it is in.
pub fn stored_bucket(db: &sled::Db, kind: Kind, id: &Id) -> u32 {
    let v = db
        .get(record_key(kind, id))
        .unwrap()
        .expect("record present");
    kluis::vault::record_value::decode_record(&v).unwrap().0
}

/// Changes the stored value under `key` with `f` (the vault must be closed)
/// and returns the original value.
pub fn edit_raw(vault: &Path, key: &[u8], f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let db = raw_db(vault);
    let original = db.get(key).unwrap().expect("key present").to_vec();
    let mut v = original.clone();
    f(&mut v);
    db.insert(key, v).unwrap();
    db.flush().unwrap();
    original
}
