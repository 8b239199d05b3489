//! Passphrases as they arrive (DESIGN.md §7, §8): Unicode normalisation
//! (and a vault made before it still opens, once, with the raw bytes), a
//! byte order mark in a password file, a file without end, a FIFO nobody
//! writes to; and the process the passphrase lives in dumps no core.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, fixture::*, vault::*};
use kluis::vault::kdf::SALT_LEN;
use kluis::vault::keyring::Keyring;
use kluis::vault::{Vault, VaultError, crypto};
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

const NFC: &str = "geheime caf\u{e9} wachtwoordzin";
const NFD: &str = "geheime cafe\u{301} wachtwoordzin";

#[test]
fn a_decomposed_passphrase_opens_a_vault_made_with_the_composed_one() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    drop(Vault::create(&vault, NFC.as_bytes(), FAST, NOW).unwrap());
    drop(Vault::open(&vault, NFD.as_bytes()).unwrap());
    drop(Vault::open(&vault, NFC.as_bytes()).unwrap());
    assert!(matches!(
        Vault::open(&vault, "geheime cafe wachtwoordzin".as_bytes()),
        Err(VaultError::WrongPassphrase(_))
    ));
}

/// The root key wrapped under `passphrase` exactly as given, the way kluis
/// wrapped it before it normalised passphrases.
fn wrap_root_under_raw(vault: &Path, passphrase: &str) {
    let path = vault.join("keyring");
    let ring = Keyring::open(&path, PASS.as_bytes(), vault).unwrap();
    let mut bytes = fs::read(&path).unwrap();
    let (params, _) = kluis::vault::keyring::parse(&path, &bytes).unwrap();
    let header_len = 22 + SALT_LEN;
    let pass_key = params
        .derive(passphrase.as_bytes(), &bytes[22..header_len])
        .unwrap();
    let sealed = crypto::seal(&pass_key.aead(), &bytes[..header_len], ring.root().bytes()).unwrap();
    bytes[header_len..header_len + sealed.len()].copy_from_slice(&sealed);
    fs::write(&path, bytes).unwrap();
}

#[test]
fn a_vault_made_with_a_decomposed_passphrase_opens_with_it_once_and_then_with_either() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    wrap_root_under_raw(&vault, NFD);
    let before = fs::read(vault.join("keyring")).unwrap();

    let s = kluis::ops::Session::load(Vault::open(&vault, NFD.as_bytes()).unwrap(), clock(NOW))
        .unwrap();
    assert_eq!(s.data.len(), 25);
    drop(s);
    assert_ne!(
        fs::read(vault.join("keyring")).unwrap(),
        before,
        "the keyring was not re-wrapped under the normalised passphrase"
    );
    drop(Vault::open(&vault, NFC.as_bytes()).unwrap());
    drop(Vault::open(&vault, NFD.as_bytes()).unwrap());
}

#[test]
fn a_byte_order_mark_in_the_password_file_is_not_part_of_the_passphrase() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let file = tmp.path().join("pw.txt");
    fs::write(&file, format!("\u{feff}{PASS}\r\n")).unwrap();
    let r = run(kluis(&vault)
        .env_remove("KLUIS_PASSWORD")
        .arg("--password-file")
        .arg(&file)
        .arg("init"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Typed (here: from the environment) without the mark, it opens.
    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_password_file_without_end_is_refused_after_64_kib() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    new_vault(&vault);
    let long = tmp.path().join("long.txt");
    fs::write(&long, vec![b'x'; 100 * 1024]).unwrap();
    let mut files = vec![long.clone()];
    if Path::new("/dev/zero").exists() {
        files.push("/dev/zero".into());
    }
    for file in files {
        let r = run(kluis(&vault)
            .arg("--password-file")
            .arg(&file)
            .args(["status", "--json"]));
        assert_eq!(r.code, 1, "{}: {}", file.display(), r.stderr);
        assert_clean_error(&r, &["64 KiB"]);
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

/// Runs `c`, killing it after `limit`; `None` when it had to be killed.
fn run_with_limit(c: &mut std::process::Command, limit: Duration) -> Option<Run> {
    let mut child = c
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            let out = child.wait_with_output().unwrap();
            return Some(Run {
                code: out.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            });
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[cfg(unix)]
#[test]
fn a_fifo_nobody_writes_to_is_refused_and_one_with_a_writer_is_read() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    new_vault(&vault);
    let fifo = tmp.path().join("pw.fifo");
    mkfifo(&fifo);
    let mut c = kluis_std(&vault);
    c.arg("--password-file")
        .arg(&fifo)
        .args(["status", "--json"]);
    let r = run_with_limit(&mut c, Duration::from_secs(10))
        .expect("kluis waited for ever on a FIFO without a writer");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_clean_error(&r, &["nobody writes"]);

    // A writer that opens the FIFO and writes the passphrase: read.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(&fifo, format!("{PASS}\n")))
    };
    let mut c = kluis_std(&vault);
    c.arg("--password-file")
        .arg(&fifo)
        .args(["status", "--json"]);
    let r = run_with_limit(&mut c, Duration::from_secs(10)).expect("kluis hung");
    assert_eq!(r.code, 0, "{}", r.stderr);
    writer.join().unwrap().unwrap();
}

/// While kluis waits for a writer's first line, its limits are read from
/// /proc: no core file, whatever the shell allowed.
#[cfg(target_os = "linux")]
#[test]
fn kluis_runs_without_core_dumps() {
    use std::io::Write;
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    new_vault(&vault);
    let fifo = tmp.path().join("pw.fifo");
    mkfifo(&fifo);
    let mut child = kluis_std(&vault)
        .arg("--password-file")
        .arg(&fifo)
        .args(["status", "--json"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Opening for writing waits until kluis has the FIFO open.
    let mut writer = fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    let limits = fs::read_to_string(format!("/proc/{}/limits", child.id())).unwrap();
    writer.write_all(format!("{PASS}\n").as_bytes()).unwrap();
    drop(writer);
    assert!(child.wait().unwrap().success());
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "{core}");
}

#[test]
fn a_weak_new_passphrase_from_the_environment_is_used_with_a_warning_in_dutch() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    let r = run(kluis(&vault)
        .env("KLUIS_PASSWORD", "kort")
        .env("LANG", "nl_NL.UTF-8")
        .arg("init"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("Deze wachtwoordzin is zwak: ongeveer 13 bits."),
        "{}",
        r.stderr
    );
    // A strong one says nothing.
    let file = tmp.path().join("nieuw.txt");
    fs::write(&file, "de fietsbel van oom Kees zingt in juni\n").unwrap();
    let r = run(kluis(&vault)
        .env("KLUIS_PASSWORD", "kort")
        .args(["passwd", "--new-password-file"])
        .arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("weak"), "{}", r.stderr);
}
