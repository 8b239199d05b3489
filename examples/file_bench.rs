//! Files in the vault (DESIGN.md §13.1), measured:
//!
//! `cargo run --release --example file_bench -- --mib 512 [--rounds 3] [--unlock-gib 5]`
//!
//! - add and get of a file of N MiB (`ops::attachments::add_document`, then
//!   `save_copy` to a new file), against the raw floor measured in the same
//!   run: the same bytes read from the same file, sealed with AES-256-GCM in
//!   chunks of the same size and written to a plain file, synced; then
//!   read back from it, opened and written to a new file, synced. Rounds
//!   alternate floor and kluis; the medians are compared.
//! - the processor time of each (`/proc/self/stat`): on a busy machine the
//!   wall times include waiting for a processor, these do not.
//! - the peak memory growth of each, in a child process of its own
//!   (`VmHWM` at the end less `VmRSS` before the work).
//! - unlock (`ops::session::open`: Argon2id, every record decrypted) of two
//!   vaults of the same 2000 people and trajectories and ten or so
//!   documents: of text in one, each holding a file of N MiB in the other
//!   (`--unlock-gib` GiB in all); opened in turns, medians of the rounds.

// A benchmark stops at the first failure: unwrap, expect and panic say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod support;

use kluis::domain::{DocumentKind, Id, TrajectoryKind};
use kluis::ops::attachments::{self, NewDocument, Owner};
use kluis::ops::edit::{self, Body, PersonInput, TrajectoryInput};
use kluis::ops::{Clock, Session, session};
use kluis::vault::KdfParams;
use kluis::vault::crypto::SecretKey;
use kluis::vault::file_store::CHUNK_LEN;
use ring::aead::{Aad, Nonce};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::*;

const PASS: &[u8] = b"bench passphrase";
const NOW: &str = "2026-11-25T09:00:00+01:00";

fn clock() -> Clock {
    Clock::parse(NOW).unwrap()
}

/// A file of `mib` MiB of pseudo-random bytes (so nothing compresses or
/// is sparse).
fn make_source(path: &Path, mib: usize) {
    let mut f = std::fs::File::create(path).unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut block = vec![0u8; 1024 * 1024];
    for _ in 0..mib {
        rng.fill(&mut block);
        f.write_all(&block).unwrap();
    }
    f.sync_all().unwrap();
}

/// A vault with `people` people, each in one trajectory with one text
/// document; the id of the first trajectory and its participant.
fn make_vault(dir: &Path, people: usize) -> (Id, Id) {
    let mut s =
        session::create(dir, PASS, KdfParams::VAULT, clock()).expect("create the bench vault");
    let mut first = None;
    for i in 0..people {
        let p = edit::add_person(
            &mut s,
            &PersonInput {
                name: format!("Deelnemer {i}"),
                ..PersonInput::default()
            },
        )
        .unwrap();
        let t = edit::start_trajectory(
            &mut s,
            &TrajectoryInput {
                kind: TrajectoryKind::Coaching,
                title: format!("Traject {i}"),
                participants: vec![p.clone()],
                requester: None,
                started_on: None,
            },
        )
        .unwrap();
        first.get_or_insert((t, p));
    }
    first.unwrap()
}

/// What one phase took: wall time, processor time (seconds), peak memory
/// growth (MiB).
struct Measured {
    wall: Duration,
    cpu: f64,
    growth: f64,
}

/// The phases, each run in a child process so its memory is its own.
fn child(phase: &str, args: &[&str]) -> Measured {
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("--phase")
        .arg(phase)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{phase}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut parts = text.split_whitespace().map(|p| p.parse::<f64>().unwrap());
    let mut next = || parts.next().unwrap();
    Measured {
        wall: Duration::from_secs_f64(next()),
        growth: next(),
        cpu: next(),
    }
}

/// Prints what a phase measured: `seconds growth_mib cpu_seconds`.
fn report(start: Instant, before_rss: f64, before_cpu: f64) {
    println!(
        "{} {} {}",
        start.elapsed().as_secs_f64(),
        peak_rss_mib() - before_rss,
        cpu_secs() - before_cpu
    );
}

fn nonce(i: u64, last: bool) -> Nonce {
    let mut n = [0u8; 12];
    n[..8].copy_from_slice(&i.to_be_bytes());
    n[11] = u8::from(last);
    Nonce::assume_unique_for_key(n)
}

/// The floor of an add: read, seal each chunk, write it to a plain file,
/// sync it.
fn floor_add(src: &Path, stored: &Path) {
    let key = SecretKey::from_bytes([9; 32]).aead();
    let mut out = std::fs::File::create(stored).unwrap();
    let mut f = std::fs::File::open(src).unwrap();
    let mut buf = vec![0u8; CHUNK_LEN + 16];
    let mut i = 0u64;
    loop {
        let n = read_full(&mut f, &mut buf[..CHUNK_LEN]);
        if n == 0 {
            break;
        }
        let tag = key
            .seal_in_place_separate_tag(nonce(i, n < CHUNK_LEN), Aad::from(b"f"), &mut buf[..n])
            .unwrap();
        buf[n..n + 16].copy_from_slice(tag.as_ref());
        out.write_all(&buf[..n + 16]).unwrap();
        i += 1;
    }
    out.sync_all().unwrap();
}

/// The floor of a get: read each chunk from the plain file, open it, write
/// it out, sync.
fn floor_get(stored: &Path, out: &Path) {
    let key = SecretKey::from_bytes([9; 32]).aead();
    let mut from = std::fs::File::open(stored).unwrap();
    let mut f = std::fs::File::create(out).unwrap();
    let mut buf = vec![0u8; CHUNK_LEN + 16];
    let mut i = 0u64;
    loop {
        let n = read_full(&mut from, &mut buf);
        if n == 0 {
            break;
        }
        let last = n < CHUNK_LEN + 16;
        let plain = key
            .open_in_place(nonce(i, last), Aad::from(b"f"), &mut buf[..n])
            .unwrap();
        f.write_all(plain).unwrap();
        i += 1;
    }
    f.sync_all().unwrap();
}

fn read_full(f: &mut std::fs::File, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]).unwrap() {
            0 => break,
            k => n += k,
        }
    }
    n
}

fn open(vault: &Path) -> Session {
    (0..500)
        .find_map(|_| {
            session::open(vault, PASS, clock()).ok().or_else(|| {
                std::thread::sleep(Duration::from_millis(10));
                None
            })
        })
        .expect("the vault opens")
}

/// Runs one phase in this (child) process and prints what it measured.
fn run_phase(phase: &str, args: &[String]) {
    let before = rss_mib();
    reset_peak_rss();
    let cpu = cpu_secs();
    let start = Instant::now();
    match phase {
        "floor-add" => floor_add(Path::new(&args[0]), Path::new(&args[1])),
        "floor-get" => floor_get(Path::new(&args[0]), Path::new(&args[1])),
        "add" => {
            let mut s = open(Path::new(&args[0]));
            let t = Id::parse(&args[2]).unwrap();
            let p = Id::parse(&args[3]).unwrap();
            // The unlock (Argon2id's memory) is not part of the add.
            let before = rss_mib();
            reset_peak_rss();
            let cpu = cpu_secs();
            let start = Instant::now();
            attachments::add_document(
                &mut s,
                &NewDocument {
                    trajectory: t,
                    participant: p,
                    kind: DocumentKind::IndividualReport,
                    title: "Rapport".into(),
                    body: None,
                    files: vec![PathBuf::from(&args[1])],
                },
            )
            .unwrap();
            report(start, before, cpu);
            return;
        }
        "get" => {
            let s = open(Path::new(&args[0]));
            let (doc, _) = s
                .data
                .documents
                .iter()
                .find(|(_, d)| !d.files.is_empty())
                .unwrap();
            let name = s.data.documents[doc].files[0].facts.name.clone();
            let before = rss_mib();
            reset_peak_rss();
            let cpu = cpu_secs();
            let start = Instant::now();
            attachments::save_copy(&s, Owner::Document(doc), &name, Path::new(&args[1]), true)
                .unwrap();
            report(start, before, cpu);
            return;
        }
        "unlock" => {
            let mut times: Vec<Duration> = (0..5)
                .map(|_| {
                    let (s, t) = time(|| open(Path::new(&args[0])));
                    drop(s);
                    t
                })
                .collect();
            times.sort();
            println!(
                "{} {} {}",
                times[2].as_secs_f64(),
                peak_rss_mib() - before,
                (cpu_secs() - cpu) / 5.0
            );
            return;
        }
        other => panic!("unknown phase {other}"),
    }
    report(start, before, cpu);
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn median_f64(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn max(v: &[f64]) -> f64 {
    v.iter().cloned().fold(0.0, f64::max)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--phase") {
        run_phase(&args[i + 1], &args[i + 2..]);
        return;
    }
    let mib: usize = arg("--mib", 512);
    let rounds: usize = arg("--rounds", 3);
    let unlock_gib: f64 = arg("--unlock-gib", 5.0);
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let src = w.join("bron.bin");
    make_source(&src, mib);
    let template = w.join("template");
    let (t, p) = make_vault(&template, 1);
    let s = |p: &Path| p.display().to_string();

    // Floor add, floor get, kluis add, kluis get: what each round measured.
    let mut runs: [Vec<Measured>; 4] = Default::default();
    for round in 0..rounds {
        let stored = w.join(format!("floor{round}.bin"));
        let out = w.join("uit.bin");
        runs[0].push(child("floor-add", &[&s(&src), &s(&stored)]));
        runs[1].push(child("floor-get", &[&s(&stored), &s(&out)]));
        std::fs::remove_file(&stored).unwrap();
        std::fs::remove_file(&out).unwrap();

        let vault = w.join(format!("vault{round}"));
        copy_dir(&template, &vault);
        runs[2].push(child(
            "add",
            &[&s(&vault), &s(&src), t.as_str(), p.as_str()],
        ));
        runs[3].push(child("get", &[&s(&vault), &s(&out)]));
        std::fs::remove_dir_all(&vault).unwrap();
        std::fs::remove_file(&out).unwrap();
    }
    let wall = |r: &[Measured]| median(r.iter().map(|m| m.wall).collect());
    let cpu = |r: &[Measured]| median_f64(r.iter().map(|m| m.cpu).collect());
    let peak = |r: &[Measured]| max(&r.iter().map(|m| m.growth).collect::<Vec<_>>());
    let rate = |d: Duration| mib as f64 / d.as_secs_f64();
    println!(
        "file of {mib} MiB, chunks of {} KiB, medians of {rounds} alternating rounds",
        CHUNK_LEN / 1024
    );
    println!(
        "{:<5} {:>9} {:>9} {:>6} {:>10} {:>10} {:>9} {:>9} {:>9}",
        "",
        "floor ms",
        "kluis ms",
        "ratio",
        "kluis MB/s",
        "floor cpu",
        "kluis cpu",
        "cpu ratio",
        "peak MiB"
    );
    let mut ratios = Vec::new();
    for (name, floor, kluis) in [("add", &runs[0], &runs[2]), ("get", &runs[1], &runs[3])] {
        let ratio = wall(kluis).as_secs_f64() / wall(floor).as_secs_f64();
        ratios.push(ratio);
        println!(
            "{name:<5} {:>9.0} {:>9.0} {ratio:>6.2} {:>10.0} {:>10.0} {:>9.0} {:>9.2} {:>9.1}",
            ms(wall(floor)),
            ms(wall(kluis)),
            rate(wall(kluis)),
            cpu(floor) * 1000.0,
            cpu(kluis) * 1000.0,
            cpu(kluis) / cpu(floor),
            peak(kluis)
        );
    }
    println!(
        "peak memory growth of the floor: add {:.1} MiB, get {:.1} MiB",
        peak(&runs[0]),
        peak(&runs[1])
    );

    // Unlock without and with files: two vaults of the same records, ten
    // documents of text in one, ten of files in the other, opened in turns.
    let plain = w.join("unlock");
    let (t, p) = make_vault(&plain, 2000);
    let with = w.join("unlock-files");
    copy_dir(&plain, &with);
    let files = ((unlock_gib * 1024.0) / mib.max(1) as f64).ceil() as usize;
    for (vault, file) in [(&plain, None), (&with, Some(&src))] {
        let mut s = open(vault);
        for _ in 0..files {
            attachments::add_document(
                &mut s,
                &NewDocument {
                    trajectory: t.clone(),
                    participant: p.clone(),
                    kind: DocumentKind::IndividualReport,
                    title: "Rapport".into(),
                    body: file.is_none().then(|| Body::Typed("Rapport".into())),
                    files: file.into_iter().cloned().collect(),
                },
            )
            .unwrap();
        }
    }
    let (mut opens_plain, mut opens_with) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(5) {
        opens_plain.push(child("unlock", &[&s(&plain)]));
        opens_with.push(child("unlock", &[&s(&with)]));
    }
    let stored = dir_size(&with.join("db").join("files")) as f64 / (1024.0 * 1024.0 * 1024.0);
    let unlock_ratio = wall(&opens_with).as_secs_f64() / wall(&opens_plain).as_secs_f64();
    println!(
        "unlock of 2000 people + 2000 trajectories + {files} documents (medians of {} alternating rounds of 5): {:.0} ms ({:.0} ms cpu) without files, {:.0} ms ({:.0} ms cpu) with a file in each ({stored:.2} GiB stored): ratio {unlock_ratio:.3}",
        opens_plain.len(),
        ms(wall(&opens_plain)),
        cpu(&opens_plain) * 1000.0,
        ms(wall(&opens_with)),
        cpu(&opens_with) * 1000.0,
    );
    println!(
        "{{\"mib\":{mib},\"add_ratio\":{:.3},\"get_ratio\":{:.3},\"add_peak_mib\":{:.1},\"get_peak_mib\":{:.1},\"unlock_ratio\":{:.3},\"unlock_gib\":{stored:.2}}}",
        ratios[0],
        ratios[1],
        peak(&runs[2]),
        peak(&runs[3]),
        unlock_ratio
    );
}

fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}
