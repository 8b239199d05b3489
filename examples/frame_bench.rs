//! Time from a key press to a finished frame, with 10 000 people and 50 000
//! documents in a vault: 1 000 key presses through lists, filters and screen
//! changes, each drawn into a `TestBackend` at 100×30.
//!
//! `cargo run --release --example frame_bench`
//!
//! Prints a table and one JSON line; also the resident memory of the process.

// A benchmark stops at the first failure: unwrap, expect and panic say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Duration as Days, NaiveDate};
use kluis::app::{App, Settings};
use kluis::domain::{AnyRecord, Document, DocumentKind, Person, Trajectory, TrajectoryKind};
use kluis::i18n::Lang;
use kluis::ops::{Clock, Session};
use kluis::vault::{KdfParams, Vault};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::time::{Duration, Instant};

const PEOPLE: usize = 10_000;
const DOCUMENTS_PER_TRAJECTORY: usize = 5;
const KEYS: usize = 1_000;
const BUDGET_MS: f64 = 16.0;

fn build_vault(dir: &std::path::Path, clock: Clock) -> Session {
    // Key stretching plays no part in frame times; keep setup quick.
    let vault = Vault::create(
        &dir.join("vault"),
        b"bench",
        KdfParams::FOR_TESTS,
        &clock.stamp(),
    )
    .unwrap();
    let mut s = Session::load(vault, clock).unwrap();
    let base = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let first = [
        "Anna", "Bram", "Carla", "Daan", "Eva", "Finn", "Greet", "Hugo", "Iris", "Joost",
    ];
    let last = [
        "de Vries", "Jansen", "Smit", "Bakker", "Visser", "Mulder", "de Boer", "Bos",
    ];
    let mut puts = Vec::with_capacity(PEOPLE * (2 + DOCUMENTS_PER_TRAJECTORY));
    for i in 0..PEOPLE {
        let person = s.data.new_id();
        let name = format!(
            "{} {} {i}",
            first[i % first.len()],
            last[(i / 7) % last.len()]
        );
        puts.push((
            person.clone(),
            AnyRecord::Person(Person {
                name: name.clone(),
                email: Some(format!("p{i}@example.nl")),
                phone: None,
                organisation: Some(format!("Organisatie {}", i % 300)),
                created_on: base,
            }),
        ));
        let trajectory = s.data.new_id();
        let started = base + Days::days(rng.i64(0..600));
        let completed = rng.bool().then(|| started + Days::days(rng.i64(10..200)));
        puts.push((
            trajectory.clone(),
            AnyRecord::Trajectory(Trajectory {
                kind: if i % 3 == 0 {
                    TrajectoryKind::Training
                } else {
                    TrajectoryKind::Coaching
                },
                title: format!("Traject {name}"),
                participants: vec![person.clone()],
                requester: None,
                started_on: Some(started),
                completed_on: completed,
            }),
        ));
        for j in 0..DOCUMENTS_PER_TRAJECTORY {
            puts.push((
                s.data.new_id(),
                AnyRecord::Document(Document {
                    trajectory: trajectory.clone(),
                    participant: person.clone(),
                    kind: if j % 2 == 0 {
                        DocumentKind::IndividualReport
                    } else {
                        DocumentKind::QuestionnaireResult
                    },
                    title: format!("Rapport {j} {name}"),
                    body: "Een tekst van enige lengte over het traject. ".repeat(20),
                    created_on: started,
                    files: Vec::new(),
                }),
            ));
        }
        // Reserve the ids just handed out, so `new_id` keeps them unique.
        if puts.len() >= 20_000 {
            s.commit("bench_setup", std::mem::take(&mut puts), vec![])
                .unwrap();
        }
    }
    s.commit("bench_setup", puts, vec![]).unwrap();
    s
}

fn key(c: KeyCode) -> KeyEvent {
    let mods = match c {
        KeyCode::Char(ch) if ch.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(c, mods)
}

/// The key script: (what, key), cycling through screens, lists and filters.
fn script() -> Vec<(&'static str, KeyEvent)> {
    use KeyCode::*;
    let mut round: Vec<(&str, KeyCode)> = vec![("screen", Char('2'))];
    round.extend(std::iter::repeat_n(("move", Char('j')), 25));
    round.extend([
        ("move", PageDown),
        ("move", Char('G')),
        ("move", Char('k')),
        ("move", Char('g')),
    ]);
    round.extend([
        ("filter", Char('/')),
        ("filter", Char('a')),
        ("filter", Char('n')),
        ("filter", Char('n')),
        ("filter", Char('a')),
        ("filter", Char(' ')),
        ("filter", Char('1')),
    ]);
    round.extend([
        ("filter", Backspace),
        ("filter", Backspace),
        ("filter", Enter),
        ("move", Char('j')),
        ("filter", Esc),
    ]);
    round.extend([
        ("screen", Char('3')),
        ("move", Char('j')),
        ("move", Char('j')),
        ("open", Enter),
        ("move", Char('j')),
        ("open", Enter),
        ("open", Esc),
        ("open", Esc),
    ]);
    round.extend(std::iter::repeat_n(("move", Down), 10));
    round.extend([
        ("screen", Char('9')),
        ("move", Char('j')),
        ("move", Char(' ')),
        ("move", PageDown),
        ("screen", Tab),
        ("screen", Char('1')),
        ("screen", Char('4')),
    ]);
    round
        .into_iter()
        .cycle()
        .take(KEYS)
        .map(|(what, c)| (what, key(c)))
        .collect()
}

fn memory_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Stats {
    n: usize,
    median: f64,
    p99: f64,
    worst: f64,
}

fn stats(mut v: Vec<f64>) -> Stats {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    Stats {
        n: v.len(),
        median: at(0.5),
        p99: at(0.99),
        worst: *v.last().unwrap_or(&0.0),
    }
}

fn main() {
    let clock = Clock::parse("2026-11-25T09:00:00+01:00").unwrap();
    let args: Vec<String> = std::env::args().collect();
    // The vault is built in a child process, so the memory figures below are
    // those of the UI alone.
    if args.get(1).map(String::as_str) == Some("--setup") {
        build_vault(std::path::Path::new(&args[2]), clock);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .arg("--setup")
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let setup = t.elapsed();
    let t = Instant::now();
    let vault = Vault::open(&dir.path().join("vault"), b"bench").unwrap();
    let session = Session::load(vault, clock).unwrap();
    let load = t.elapsed();
    let (people, documents) = (session.data.people.len(), session.data.documents.len());

    let mut settings = Settings::new(Lang::En, clock, dir.path().join("vault"));
    settings.color = true;
    let (w, h) = (100, 30);
    let t = Instant::now();
    let mut app = App::open(settings, session, Rect::new(0, 0, w, h));
    let open = t.elapsed();
    let t = Instant::now();
    if let Some(ws) = app.workspace_mut() {
        ws.refresh();
    }
    let change = t.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| kluis::ui::draw(&app, f)).unwrap();

    let mut all = Vec::with_capacity(KEYS);
    let mut by_kind: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    for (what, k) in script() {
        let t = Instant::now();
        app.on_key(k);
        terminal.draw(|f| kluis::ui::draw(&app, f)).unwrap();
        let took = ms(t.elapsed());
        all.push(took);
        by_kind.entry(what).or_default().push(took);
    }

    println!("kluis frame bench: {people} people, {documents} documents, {w}x{h}, {KEYS} keys");
    println!(
        "building the vault (child process): {:.1} s",
        setup.as_secs_f64()
    );
    println!("decrypting all records (Session::load): {:.0} ms", ms(load));
    println!("first rows of every screen (App::open): {:.0} ms", ms(open));
    println!(
        "rows rebuilt after a data change (Workspace::refresh): {:.0} ms",
        ms(change)
    );
    println!();
    println!(
        "{:<10} {:>6} {:>10} {:>10} {:>10}",
        "keys", "n", "median ms", "p99 ms", "worst ms"
    );
    for (what, v) in &by_kind {
        let s = stats(v.clone());
        println!(
            "{:<10} {:>6} {:>10.3} {:>10.3} {:>10.3}",
            what, s.n, s.median, s.p99, s.worst
        );
    }
    let s = stats(all);
    println!(
        "{:<10} {:>6} {:>10.3} {:>10.3} {:>10.3}",
        "all", s.n, s.median, s.p99, s.worst
    );
    let hwm = memory_kib("VmHWM:").unwrap_or(0);
    let rss = memory_kib("VmRSS:").unwrap_or(0);
    println!();
    println!(
        "resident memory: peak {} MiB, now {} MiB",
        hwm / 1024,
        rss / 1024
    );
    println!(
        "every frame under {BUDGET_MS} ms: {}",
        if s.worst < BUDGET_MS { "yes" } else { "NO" }
    );
    println!(
        "{{\"bench\":\"frame\",\"people\":{people},\"documents\":{documents},\"keys\":{},\"median_ms\":{:.3},\"p99_ms\":{:.3},\"worst_ms\":{:.3},\"open_ms\":{:.1},\"change_ms\":{:.1},\"vm_hwm_kib\":{hwm},\"vm_rss_kib\":{rss},\"under_16ms\":{}}}",
        s.n,
        s.median,
        s.p99,
        s.worst,
        ms(open),
        ms(change),
        s.worst < BUDGET_MS
    );
}
