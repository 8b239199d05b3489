//! Files stream (DESIGN.md §13.1): adding and getting a 1 GiB file raises
//! the process's peak memory by less than 64 MiB over the same commands on a
//! 1 MiB file. Measured of the child process, from `VmHWM` in
//! `/proc/<pid>/status` (Linux only).

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
use common::cli::{kluis, kluis_std, run};
use common::files::wait_until_released;
use common::vault::serial;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

const MIB: u64 = 1024 * 1024;

/// The peak resident memory of `kluis args…` on `vault` in KiB, sampled
/// from `/proc/<pid>/status` until it ends (VmHWM only grows).
fn peak_kib(vault: &Path, args: &[&str]) -> u64 {
    let mut child = kluis_std(vault)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = fs::read_to_string(&status)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kib);
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(peak > 0, "no memory figure read");
    peak
}

/// Peak memory of adding a file of `size` bytes (sparse, so it takes no
/// room) to a new document, and of getting it back.
fn add_and_get(dir: &Path, size: u64) -> (u64, u64) {
    let vault = dir.join(format!("v{size}"));
    let (s, trajectory, person) = vault_with_trajectory(&vault, None);
    drop(s);
    wait_until_released(&vault);
    let src = dir.join(format!("bron{size}.bin"));
    fs::File::create(&src).unwrap().set_len(size).unwrap();
    let src_arg = src.display().to_string();
    let add = peak_kib(
        &vault,
        &[
            "document",
            "add",
            "--trajectory",
            trajectory.as_str(),
            "--participant",
            person.as_str(),
            "--kind",
            "individual_report",
            "--title",
            "Groot",
            "--file",
            &src_arg,
        ],
    );
    let r = run(kluis(&vault).args(["document", "list", "--json"]));
    let doc = r.json()["documents"][0]["id"].as_str().unwrap().to_string();
    let name = format!("bron{size}.bin");
    let out = dir.join(format!("terug{size}.bin"));
    let out_arg = out.display().to_string();
    let get = peak_kib(
        &vault,
        &["document", "get", &doc, "--file", &name, "--out", &out_arg],
    );
    assert_eq!(fs::metadata(&out).unwrap().len(), size);
    fs::remove_file(&out).unwrap();
    fs::remove_dir_all(&vault).unwrap();
    (add, get)
}

#[cfg(target_os = "linux")]
#[test]
fn adding_and_getting_a_gibibyte_keeps_peak_memory_growth_under_64_mib() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let (small_add, small_get) = add_and_get(dir.path(), MIB);
    let (big_add, big_get) = add_and_get(dir.path(), 1024 * MIB);
    println!(
        "peak memory: add {small_add} → {big_add} KiB, get {small_get} → {big_get} KiB (1 MiB → 1 GiB)"
    );
    let limit = 64 * 1024;
    assert!(
        big_add.saturating_sub(small_add) < limit,
        "add grew by {} KiB",
        big_add - small_add
    );
    assert!(
        big_get.saturating_sub(small_get) < limit,
        "get grew by {} KiB",
        big_get - small_get
    );
}
