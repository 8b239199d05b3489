//! The files of a vault folder: their bytes, copies, searches in them, and
//! sled's lock on them.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

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
