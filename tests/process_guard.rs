//! `process_guard::harden` takes `KLUIS_PASSWORD` out of the environment, so
//! nothing the program starts inherits the passphrase (issue 13, L11). It
//! changes the process, so it runs in a child: this test binary started
//! again for the one test below, with the variable set.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

const CHILD: &str = "KLUIS_TEST_HARDEN_CHILD";

#[test]
fn the_passphrase_leaves_the_environment_once_read() {
    if std::env::var_os(CHILD).is_some() {
        // The child: the only test running, so nothing else touches the
        // environment while `harden` changes it.
        let taken = kluis::process_guard::harden();
        assert_eq!(taken.as_deref().map(String::as_str), Some("geheim"));
        assert!(std::env::var_os("KLUIS_PASSWORD").is_none());
        let inherited = Command::new("env").output().unwrap().stdout;
        assert!(!String::from_utf8_lossy(&inherited).contains("KLUIS_PASSWORD"));
        return;
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "the_passphrase_leaves_the_environment_once_read"])
        .env(CHILD, "1")
        .env("KLUIS_PASSWORD", "geheim")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
}
