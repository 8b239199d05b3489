//! The one benchmark entry point (DESIGN.md §12):
//!
//! `cargo build --release --bin kluis --example bench`, then
//! `target/release/examples/bench [--sizes 1000,10000]` or
//! `target/release/examples/bench --sizes 1000,10000,100000 --large`
//! (`cargo run --release --example bench` works too once the binary is
//! built; the bench refuses a binary older than the sources).
//!
//! (More than 20 000 people needs `--large` and 14 GiB of available memory.)
//!
//! For each size N (people), in a fresh child process so that memory figures
//! belong to that size alone, it builds an import file of N people, each with
//! one trajectory and 5 documents (7 N records), plus N/10 accepted quotes
//! whose people join the mailing list, N/20 webinar subscribers and N/50
//! contact requests; 28.5 % of the trajectories were completed long ago
//! (spread over five years of deadline months), so they have expired with
//! their people and documents. It then measures:
//! - import: parse, check and plan, write in one change; peak memory; and
//!   `kluis import FILE` as a whole process, its peak against the file;
//!   against the write floor (the values sealed and written in one sled
//!   batch), also in a process of its own for its peak memory;
//! - open: unlock (Argon2id, the real cost), decrypt every record
//!   (`Vault::for_each`), decrypt and decode into a session (`Session::load`),
//!   against the raw floor: a plain sled scan plus AES-256-GCM open of values
//!   of the same number and sizes in a tree of their own;
//! - purge of everything expired, in one change; and `kluis purge
//!   --expired --yes` as a whole process on a copy, with its peak memory;
//! - frame: what every change costs before its frame (the deadline map, and
//!   the Overview built on it), `App::open` on the loaded session, the
//!   other screens' rows built in the coach's first pause (`App::on_idle`,
//!   one screen a step), then 300 keys (lists, filters, screens) each drawn
//!   into a 100×30 `TestBackend`, and which key drew the worst frame (JSON
//!   only);
//! - whole processes of the release binary, each a new
//!   process, unlocked from a password file: the terminal UI from spawn to
//!   its first drawn Overview in a pseudo-terminal of 100×30, with its
//!   resident memory then against the decrypted bytes of the records;
//!   `kluis status` and `kluis check` from spawn to exit with their peak
//!   memory; all against the floor they cannot skip: Argon2id alone, a plain
//!   open of the same sled database and the raw scan floor; and against the
//!   cold floor: Argon2id and the raw scan in a new process, which reads
//!   sled's pages from its files as every `kluis` process must;
//! - size on disk and peak memory.
//!
//! Prints one table with a column per size, the growth exponent between the
//! two largest sizes and over all sizes (time ∝ N^k: k ≈ 0 constant, k ≈ 1
//! linear, k > 1.2 worse than linear), and one JSON line per size.

// A benchmark stops at the first failure: unwrap, expect and panic say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod support;

use kluis::app::screens::overview::Overview;
use kluis::app::{App, Settings};
use kluis::i18n::Lang;
use kluis::ops::import::{self, ImportFile};
use kluis::ops::{Clock, Session, purge};
use kluis::vault::crypto::{self, SecretKey};
use kluis::vault::{KdfParams, Vault};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use serde_json::{Value, json};
use std::path::Path;
use std::time::Duration;
use support::child::Finished;
use support::*;

const PASS: &[u8] = b"bench passphrase";
const NOW: &str = "2026-11-25T09:00:00+01:00";

fn import_json(people: usize) -> String {
    let body =
        "Verslag van het gesprek: sterke punten, aandachtspunten en vervolgstappen. ".repeat(6);
    let mut persons = Vec::with_capacity(people);
    let mut trajectories = Vec::with_capacity(people);
    let mut documents = Vec::with_capacity(people * 5);
    let mut quotes = Vec::new();
    let mut subscribers = Vec::new();
    let mut contacts = Vec::new();
    for i in 0..people {
        persons.push(json!({
            "ref": format!("p{i}"), "name": format!("Deelnemer {i}"),
            "email": format!("deelnemer{i}@example.nl"),
            "organisation": format!("Organisatie {}", i % 300), "created_on": "2021-01-01"
        }));
        // 28.5 % completed long ago, in one of 56 months up to 2026-07
        // (expired); the rest completed recently or still running.
        let completed = if i % 1000 < 285 {
            let m = (i % 56) as u32;
            json!(format!("{}-{:02}-15", 2022 + m / 12, m % 12 + 1))
        } else if i % 2 == 0 {
            json!(format!("2026-{}-{:02}", 10 + i % 2, 1 + i % 28))
        } else {
            Value::Null
        };
        trajectories.push(json!({
            "ref": format!("t{i}"), "kind": if i % 3 == 0 { "training" } else { "coaching" },
            "title": format!("Traject {i}"), "participants": [format!("p{i}")],
            "started_on": "2021-06-01", "completed_on": completed
        }));
        for d in 0..5 {
            documents.push(json!({
                "trajectory": format!("t{i}"), "participant": format!("p{i}"),
                "kind": if d == 0 { "questionnaire_result" } else { "individual_report" },
                "title": format!("Rapport {d} van {i}"), "body": body,
                "created_on": "2021-07-01"
            }));
        }
        if i % 10 == 5 {
            quotes.push(json!({
                "requester": format!("p{i}"), "participants": [format!("p{}", i - 1)],
                "amount": "1950.00", "sent_on": "2026-01-05", "accepted_on": "2026-01-20"
            }));
        }
        if i % 20 == 7 {
            subscribers.push(json!({
                "email": format!("webinar{i}@example.nl"), "name": format!("Kijker {i}"),
                "source": "webinar", "evidence": "Webinar Teamdynamiek, 12 mei 2026",
                "subscribed_on": "2026-05-12"
            }));
        }
        if i % 50 == 3 {
            contacts.push(json!({
                "name": format!("Aanvrager {i}"), "email": format!("vraag{i}@example.nl"),
                "message": "Graag een kennismaking.", "received_on": "2026-11-20"
            }));
        }
    }
    json!({"people": persons, "trajectories": trajectories, "documents": documents,
           "quotes": quotes, "subscribers": subscribers, "contact_requests": contacts})
    .to_string()
}

fn key(c: KeyCode) -> KeyEvent {
    let mods = match c {
        KeyCode::Char(ch) if ch.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(c, mods)
}

/// 300 keys through lists, a filter, details and every screen.
fn key_script() -> Vec<KeyEvent> {
    use KeyCode::*;
    let mut round = vec![Char('2')];
    round.extend(std::iter::repeat_n(Char('j'), 10));
    round.extend([PageDown, Char('G'), Char('k'), Char('g')]);
    round.extend([
        Char('/'),
        Char('d'),
        Char('e'),
        Char('e'),
        Char('l'),
        Char('1'),
    ]);
    round.extend([Backspace, Enter, Char('j'), Esc]);
    round.extend([
        Char('3'),
        Char('j'),
        Enter,
        Esc,
        Char('9'),
        Char('j'),
        Char(' '),
    ]);
    round.extend([
        Char('4'),
        Char('5'),
        Char('6'),
        Char('7'),
        Char('8'),
        Char('1'),
    ]);
    round.into_iter().cycle().take(300).map(key).collect()
}

fn percentile(v: &mut [f64], q: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * q).round() as usize]
}

/// The raw floors of reading and writing.
struct RawFloor {
    /// Values read and opened.
    count: usize,
    /// Scanned and opened in this process, which wrote them: sled's pages
    /// at hand.
    scan: Duration,
    /// The same in a process of its own, from spawn to exit: sled opened,
    /// its pages read from the files, as a `kluis` process must. Timed in
    /// the rounds of [`whole_processes`], beside the processes it is the
    /// floor of.
    cold_scan: std::process::Command,
    write: Duration,
    write_alone: Finished,
}

/// The raw floor: as many values of the same sizes as the vault's records,
/// sealed under one key in a plain sled tree (the vault's settings), scanned
/// and opened. Best of three, like the vault's own figure; with the command
/// that does the same in a new process (timed beside the processes it is
/// the floor of). With the time of the write floor, and the write floor
/// again in a process of its own: its peak memory, and its time where no
/// memory freed before is at hand.
fn raw_floor(vault_db: &Path, dir: &Path) -> RawFloor {
    let sizes: Vec<usize> = {
        let db = sled::Config::new().path(vault_db).open().expect("vault db");
        db.scan_prefix(b"r/")
            .map(|r| r.expect("read").1.len())
            .collect()
    };
    let raw_key = SecretKey::random().expect("key");
    let key = raw_key.aead();
    let (_, write) = time(|| write_floor(&key, &sizes, dir));
    let sizes_file = dir.with_extension("sizes");
    let listed: Vec<String> = sizes.iter().map(usize::to_string).collect();
    std::fs::write(&sizes_file, listed.join("\n")).expect("sizes");
    let mut alone = std::process::Command::new(std::env::current_exe().expect("exe"));
    alone
        .arg(WRITE_FLOOR)
        .arg(&sizes_file)
        .arg(dir.with_extension("alone"));
    let floor_process = support::child::run_whole(&alone);
    assert_eq!(
        floor_process.code, 0,
        "the write floor's own process failed"
    );
    let db = open_when_released(&raw_config(dir));
    let mut best = Duration::MAX;
    let mut count = 0;
    for _ in 0..3 {
        let (c, t) = time(|| open_every_value(&db, &key));
        count = c;
        best = best.min(t);
    }
    drop(db);
    let key_file = dir.with_extension("key");
    std::fs::write(&key_file, raw_key.bytes()).expect("key file");
    let mut cold_scan = std::process::Command::new(std::env::current_exe().expect("exe"));
    cold_scan
        .arg(COLD_SCAN)
        .arg(dir)
        .arg(&key_file)
        .arg(count.to_string());
    RawFloor {
        count,
        scan: best,
        cold_scan,
        write,
        write_alone: floor_process,
    }
}

/// The argument that runs [`cold_scan`] in a process of its own.
const COLD_SCAN: &str = "--cold-scan";

/// A process that opens the raw tree, reads every value and opens it: all
/// `expected` of them.
fn cold_scan(dir: &Path, key_file: &Path, expected: usize) {
    let bytes = std::fs::read(key_file).expect("key file");
    let key = SecretKey::from_slice(&bytes).expect("a key").aead();
    let db = open_when_released(&raw_config(dir));
    assert_eq!(
        open_every_value(&db, &key),
        expected,
        "every raw value opens"
    );
}

/// The raw scan: every value of the raw tree read and opened; how many
/// opened.
fn open_every_value(db: &sled::Db, key: &ring::aead::LessSafeKey) -> usize {
    db.scan_prefix(b"r/")
        .filter(|r| {
            let (_, v) = r.as_ref().expect("raw read");
            crypto::open(key, b"raw", v).is_some()
        })
        .count()
}

/// The plain sled tree of the raw floor: the vault's settings.
fn raw_config(dir: &Path) -> sled::Config {
    sled::Config::new()
        .path(dir)
        .cache_capacity(32 * 1024 * 1024)
        .mode(sled::Mode::HighThroughput)
}

/// The argument that runs [`write_floor`] alone, in a process of its own.
const WRITE_FLOOR: &str = "--write-floor";

/// Values per batch of the write floor: what the vault writes per slice.
const FLOOR_SLICE: usize = 2048;

/// The write floor: values of `sizes` sealed (random keys, like record
/// ids) and written in key order, in batches of the vault's slice size: the
/// cheapest way found to put them in sled (one batch of them all is slower,
/// and needs gigabytes at 100 000 people).
fn write_floor(key: &ring::aead::LessSafeKey, sizes: &[usize], dir: &Path) {
    let db = raw_config(dir).open().expect("raw sled");
    let mut values: Vec<(String, usize)> = sizes
        .iter()
        .map(|len| (format!("r/{:016x}", fastrand::u64(..)), *len))
        .collect();
    values.sort_unstable();
    for slice in values.chunks(FLOOR_SLICE) {
        let mut batch = sled::Batch::default();
        for (k, len) in slice {
            // record value = 5 header bytes + nonce + ciphertext + tag
            let plain = vec![b'x'; len.saturating_sub(5 + crypto::SEAL_OVERHEAD)];
            let sealed = crypto::seal(key, b"raw", &plain).expect("seal");
            batch.insert(k.as_bytes(), sealed);
        }
        db.apply_batch(batch).expect("raw batch");
        db.flush().expect("flush");
    }
}

/// Everything measured at one size; run in its own process.
fn one(people: usize, bin: &Path) -> Value {
    let clock = Clock::parse(NOW).expect("clock");
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("vault");
    let json = import_json(people);

    // Import.
    let vault = Vault::create(&dir, PASS, KdfParams::VAULT, &clock.stamp()).expect("create");
    let mut s = Session::load(vault, clock).expect("load");
    reset_peak_rss();
    let (file, parse) = time(|| import::parse(&json).expect("parse"));
    let file: ImportFile = file;
    let (plan, check) = time(|| import::plan(&s, &file).expect("plan"));
    let records = plan.records.len();
    let (_, write) = time(|| import::apply(&mut s, plan).expect("apply"));
    let import_peak = peak_rss_mib();
    drop(file);
    let import_file_mib = json.len() as f64 / 1048576.0;
    let import_process = import_process(bin, tmp.path(), json);
    drop(s);
    std::thread::sleep(Duration::from_millis(200));

    // Open. Argon2id alone, for comparison with the whole unlock.
    let (_, kdf) = time(|| KdfParams::VAULT.derive(PASS, &[0u8; 16]).expect("kdf"));
    reset_peak_rss();
    let (vault, unlock) = time(|| Vault::open(&dir, PASS).expect("open"));
    let mut decrypt = Duration::MAX;
    let mut decrypted_bytes = 0;
    for _ in 0..3 {
        let ((n, bytes), t) = time(|| {
            let (mut n, mut bytes) = (0usize, 0usize);
            vault
                .for_each(|_, _, r| {
                    if let Ok((plain, _)) = r {
                        n += 1;
                        bytes += plain.len();
                    }
                })
                .expect("scan");
            (n, bytes)
        });
        assert_eq!(n, records, "every record decrypts");
        decrypt = decrypt.min(t);
        decrypted_bytes = bytes;
    }
    // Best of three too, each on a vault whose pages were read once before,
    // as the floor's are.
    let mut vault = Some(vault);
    let (_, load) = best_of(3, || {
        let vault = vault.take().unwrap_or_else(|| {
            let v = reopen(&dir);
            v.for_each(|_, _, _| {}).expect("scan");
            v
        });
        let (s, t) = time(|| Session::load(vault, clock).expect("load"));
        assert_eq!(s.data.len(), records);
        ((), t)
    });
    let load_peak = peak_rss_mib();
    std::thread::sleep(Duration::from_millis(200));
    let raw = raw_floor(&dir.join("db"), &tmp.path().join("raw"));
    let (floor, write_floor, write_floor_alone) = (raw.scan, raw.write, raw.write_alone);
    assert_eq!(raw.count, records);
    let decrypted_mib = decrypted_bytes as f64 / 1048576.0;
    let floors = ProcessFloors {
        warm_scan: floor,
        cold_scan: raw.cold_scan,
    };
    let procs = whole_processes(bin, &dir, tmp.path(), floors, decrypted_mib);
    let purge_process = purge_process(bin, &dir, tmp.path());

    // Purge.
    let vault = Vault::open(&dir, PASS).expect("open");
    let mut s = Session::load(vault, clock).expect("load");
    let (receipt, purge_time) = time(|| purge_expired(&mut s));
    assert!(purge::expired(&s, &s.deadlines()).is_empty());

    // What every change costs before its frame: the deadline map, and the
    // Overview built on it (best of three; the last backup read once).
    let (deadlines, deadlines_time) = best_of(3, || time(|| s.deadlines()));
    let (_, overview_time) = best_of(3, || time(|| Overview::build(&s, &deadlines)));
    drop(deadlines);

    // Frames.
    let (w, h) = (100, 30);
    let settings = Settings::new(Lang::En, clock, dir.clone());
    let (mut app, app_open) = time(|| App::open(settings, s, Rect::new(0, 0, w, h)));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| kluis::ui::draw(&app, f))
        .expect("first frame");
    // The coach's first pause: the other screens' rows, one screen a step
    // (`App::on_idle`); a key pressed meanwhile waits at most one step.
    let mut idle_steps = Vec::new();
    loop {
        let (worked, t) = time(|| app.on_idle());
        if !worked {
            break;
        }
        idle_steps.push(ms(t));
    }
    let keys = key_script();
    let mut frames: Vec<f64> = keys
        .iter()
        .map(|k| {
            let (_, t) = time(|| {
                app.on_key(*k);
                terminal.draw(|f| kluis::ui::draw(&app, f)).expect("draw");
            });
            ms(t)
        })
        .collect();
    // Which key drew the worst frame: its place in the script and the key.
    let worst_at = (0..frames.len())
        .max_by(|a, b| frames[*a].total_cmp(&frames[*b]))
        .expect("a key");
    let worst_key = format!("{worst_at}: {:?}", keys[worst_at].code);
    let frame_median = percentile(&mut frames, 0.5);
    let frame_p99 = percentile(&mut frames, 0.99);
    let frame_worst = percentile(&mut frames, 1.0);
    drop(app);
    std::thread::sleep(Duration::from_millis(200));

    json!({
        "people": people, "records": records,
        "import_parse_ms": ms(parse), "import_plan_ms": ms(check), "import_write_ms": ms(write),
        "import_ms": ms(parse + check + write), "import_peak_mib": import_peak,
        "import_file_mib": import_file_mib, "import_process_ms": ms(import_process.wall),
        "import_process_peak_mib": import_process.peak_mib,
        "import_peak_per_file": import_process.peak_mib / import_file_mib.max(1e-9),
        "write_floor_peak_mib": write_floor_alone.peak_mib,
        "write_floor_alone_ms": ms(write_floor_alone.wall),
        "write_ratio_alone": ms(write) / ms(write_floor_alone.wall).max(1e-9),
        "unlock_ms": ms(unlock), "decrypt_all_ms": ms(decrypt), "session_load_ms": ms(load),
        "raw_floor_ms": ms(floor), "decrypt_ratio": ms(decrypt) / ms(floor).max(1e-9),
        "load_ratio": ms(load) / ms(floor).max(1e-9),
        "open_peak_mib": load_peak, "kdf_ms": ms(kdf),
        "write_floor_ms": ms(write_floor), "write_ratio": ms(write) / ms(write_floor).max(1e-9),
        "purged": receipt.total, "purge_ms": ms(purge_time),
        "purge_process_ms": ms(purge_process.wall),
        "purge_process_peak_mib": purge_process.peak_mib,
        "decrypted_mib": decrypted_mib,
        "app_open_ms": ms(app_open), "frame_median_ms": frame_median,
        "frame_p99_ms": frame_p99, "frame_worst_ms": frame_worst,
        "idle_rows_ms": idle_steps.iter().sum::<f64>(),
        "idle_step_worst_ms": idle_steps.iter().copied().fold(0.0, f64::max),
        "frame_worst_key": worst_key,
        "deadlines_ms": ms(deadlines_time), "overview_ms": ms(overview_time),
        "disk_mib": dir_size(&dir) as f64 / 1048576.0, "peak_mib": peak_rss_mib(),
    })
    .as_object()
    .expect("object")
    .clone()
    .into_iter()
    .chain(procs.into_iter().map(|(k, v)| (k.to_string(), v)))
    .collect()
}

/// `kluis import FILE` as a coach runs it, a new process on a new vault
/// (`kluis init` first): its peak memory against the file's size. Argon2id
/// (64 MiB) is part of it, as in every process that unlocks the vault.
fn import_process(bin: &Path, tmp: &Path, json: String) -> Finished {
    let file = tmp.join("import.json");
    std::fs::write(&file, json).expect("import file");
    let vault = tmp.join("import-vault");
    let password_file = tmp.join("import-password");
    std::fs::write(&password_file, [PASS, b"\n"].concat()).expect("password file");
    let kluis = |args: &[&str]| {
        let mut c = support::child::kluis_on(bin, &vault, &password_file, NOW);
        c.args(args);
        c
    };
    let init = support::child::run_whole(&kluis(&[
        "init",
        "--name",
        "Bench",
        "--email",
        "b@example.nl",
    ]));
    assert_eq!(init.code, 0, "kluis init failed");
    let mut import = kluis(&["import"]);
    import.arg(&file);
    let done = support::child::run_whole(&import);
    assert_eq!(done.code, 0, "kluis import failed");
    std::fs::remove_dir_all(&vault).expect("remove the import vault");
    std::fs::remove_file(&file).expect("remove the import file");
    done
}

/// The time of the quickest of `n` runs of `f`, with its result.
fn best_of<T>(n: usize, mut f: impl FnMut() -> (T, Duration)) -> (T, Duration) {
    (0..n)
        .map(|_| f())
        .min_by_key(|(_, t)| *t)
        .expect("at least one run")
}

/// Opening the vault's database as the vault does (its settings), once the
/// last handle has let go of it; the time of the open that succeeded.
fn sled_open(db: &Path) -> Duration {
    let config = sled::Config::new()
        .path(db)
        .cache_capacity(32 * 1024 * 1024)
        .mode(sled::Mode::HighThroughput)
        .flush_every_ms(None);
    loop {
        let (opened, t) = time(|| config.open());
        if opened.is_ok() {
            return t;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// What the floors of a whole `kluis` process are made of, besides what
/// [`whole_processes`] times in its rounds.
struct ProcessFloors {
    /// The raw scan with sled's pages at hand (in this process).
    warm_scan: Duration,
    /// A process of its own that opens the raw tree and reads it from its
    /// files: what a new process cannot skip.
    cold_scan: std::process::Command,
}

/// `kluis purge --expired --yes` as a whole process, on a copy of the vault
/// (the purge in this process comes after): its time and peak memory.
fn purge_process(bin: &Path, vault: &Path, tmp: &Path) -> Finished {
    let copy = tmp.join("purge-vault");
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(vault)
        .arg(&copy)
        .status()
        .expect("cp");
    assert!(copied.success(), "the vault was not copied");
    let mut purge = support::child::kluis_on(bin, &copy, &tmp.join("password"), NOW);
    purge.args(["purge", "--expired", "--yes"]);
    let done = support::child::run_whole(&purge);
    assert_eq!(done.code, 0, "kluis purge failed");
    std::fs::remove_dir_all(&copy).expect("remove the copy");
    done
}

/// Opens the vault again once this process's last handle has let go of it.
fn reopen(dir: &Path) -> Vault {
    when_released(|| Vault::open(dir, PASS).ok())
}

/// Rounds of [`whole_processes`].
const ROUNDS: usize = 5;

/// One round of [`whole_processes`]: the floors' parts, then the processes.
struct Round {
    kdf: Duration,
    open: Duration,
    cold_scan: Duration,
    status: Finished,
    check: Finished,
    frame: support::child::FirstFrame,
}

/// The release binary as a coach starts it, each run a new process:
/// `kluis status`, `kluis check` and the terminal UI up to its first drawn
/// Overview, unlocked from a password file. Their floor is what none of
/// them can skip: Argon2id, opening sled, and the raw scan with its pages
/// at hand (the warm floor); and Argon2id with the raw scan in a new
/// process, which reads sled's pages from its files as these processes do
/// (the cold floor). All but the warm scan are timed in the same
/// [`ROUNDS`] rounds: each ratio is the median of the rounds' own ratios.
fn whole_processes(
    bin: &Path,
    vault: &Path,
    tmp: &Path,
    floors: ProcessFloors,
    decrypted_mib: f64,
) -> Vec<(&'static str, Value)> {
    let password_file = tmp.join("password");
    std::fs::write(&password_file, [PASS, b"\n"].concat()).expect("password file");
    let kluis = |args: &[&str]| {
        let mut c = support::child::kluis_on(bin, vault, &password_file, NOW);
        c.args(args);
        c
    };
    let whole = |args: &[&str]| {
        let done = support::child::run_whole(&kluis(args));
        assert_eq!(done.code, 0, "kluis {args:?} failed");
        done
    };
    let first_frame = || {
        let f = support::child::first_frame(kluis(&[]), 100, 30);
        assert!(
            f.text.contains("Overview"),
            "the first frame is not the Overview: {}",
            f.text
        );
        f
    };
    // Each round times every floor part and every process once, one after
    // the other: a figure and its floor taken minutes apart would differ by
    // this machine's drift, which is more than the margins measured here.
    // Each ratio is the median of the rounds' ratios, every round's figure
    // against that round's floor; each time is the quickest round's. The
    // warm scan is the one figure from before (`raw_floor`): the raw tree
    // is opened in this process for it, which the cold scan's process
    // needs let go.
    let rounds: Vec<Round> = (0..ROUNDS)
        .map(|_| {
            let kdf = time(|| KdfParams::VAULT.derive(PASS, &[0u8; 16]).expect("kdf")).1;
            let open = sled_open(&vault.join("db"));
            let cold = support::child::run_whole(&floors.cold_scan);
            assert_eq!(cold.code, 0, "the cold scan's own process failed");
            Round {
                kdf,
                open,
                cold_scan: cold.wall,
                status: whole(&["status"]),
                check: whole(&["check"]),
                frame: first_frame(),
            }
        })
        .collect();
    let quickest =
        |part: fn(&Round) -> Duration| rounds.iter().map(part).min().expect("at least one round");
    let median_ratio = |figure: fn(&Round) -> Duration, floor: &dyn Fn(&Round) -> Duration| {
        let mut r: Vec<f64> = rounds
            .iter()
            .map(|round| ms(figure(round)) / ms(floor(round)).max(1e-9))
            .collect();
        percentile(&mut r, 0.5)
    };
    let quickest_of = |part: fn(&Round) -> Duration| {
        rounds
            .iter()
            .min_by_key(|round| part(round))
            .expect("at least one round")
    };
    let (kdf, open) = (quickest(|r| r.kdf), quickest(|r| r.open));
    let status = &quickest_of(|r| r.status.wall).status;
    let check = &quickest_of(|r| r.check.wall).check;
    let frame = &quickest_of(|r| r.frame.wall).frame;
    let cold_scan = quickest(|r| r.cold_scan);
    // A round's floors: Argon2id, sled's open and the warm scan; Argon2id
    // and the cold scan.
    let warm = &|r: &Round| r.kdf + r.open + floors.warm_scan;
    let cold = &|r: &Round| r.kdf + r.cold_scan;
    vec![
        ("process_kdf_ms", json!(ms(kdf))),
        ("sled_open_ms", json!(ms(open))),
        ("process_floor_ms", json!(ms(kdf + open + floors.warm_scan))),
        ("process_cold_scan_ms", json!(ms(cold_scan))),
        ("process_cold_floor_ms", json!(ms(kdf + cold_scan))),
        ("first_frame_ms", json!(ms(frame.wall))),
        (
            "first_frame_ratio",
            json!(median_ratio(|r| r.frame.wall, warm)),
        ),
        (
            "first_frame_cold_ratio",
            json!(median_ratio(|r| r.frame.wall, cold)),
        ),
        (
            "status_cold_ratio",
            json!(median_ratio(|r| r.status.wall, cold)),
        ),
        (
            "check_cold_ratio",
            json!(median_ratio(|r| r.check.wall, cold)),
        ),
        ("ui_rss_mib", json!(frame.rss_mib)),
        ("ui_peak_mib", json!(frame.peak_mib)),
        ("ui_budget_mib", json!(2.0 * decrypted_mib + 64.0)),
        (
            "ui_rss_per_decrypted",
            json!(frame.rss_mib / decrypted_mib.max(1e-9)),
        ),
        ("status_ms", json!(ms(status.wall))),
        ("status_ratio", json!(median_ratio(|r| r.status.wall, warm))),
        ("status_peak_mib", json!(status.peak_mib)),
        ("check_ms", json!(ms(check.wall))),
        ("check_ratio", json!(median_ratio(|r| r.check.wall, warm))),
        ("check_peak_mib", json!(check.peak_mib)),
    ]
}

/// Least-squares slope of ln(y) against ln(x).
fn exponent(points: &[(f64, f64)]) -> Option<f64> {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter(|(x, y)| *x > 0.0 && *y > 0.0)
        .map(|(x, y)| (x.ln(), y.ln()))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let n = pts.len() as f64;
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

fn growth(k: Option<f64>) -> &'static str {
    match k {
        None => "",
        Some(k) if k < 0.25 => "constant",
        Some(k) if k < 0.85 => "sublinear",
        Some(k) if k <= 1.2 => "linear",
        Some(_) => "WORSE than linear",
    }
}

/// More than 20 000 people only with `--large`, and only when the machine
/// has room for it (`MemAvailable` of at least 14 GiB).
fn refuse_large_without_room(sizes: &[usize], large: bool) {
    if sizes.iter().all(|n| *n <= 20_000) {
        return;
    }
    assert!(large, "more than 20 000 people needs --large");
    let available_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemAvailable:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1048576.0);
    assert!(
        available_gib >= 14.0,
        "only {available_gib:.1} GiB available; the large run needs 14"
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(support::child::MEASURE) {
        return support::child::measure_main(&args[2..]);
    }
    if args.get(1).map(String::as_str) == Some(COLD_SCAN) {
        let expected = args[4].parse().expect("a count");
        return cold_scan(Path::new(&args[2]), Path::new(&args[3]), expected);
    }
    if args.get(1).map(String::as_str) == Some(WRITE_FLOOR) {
        let sizes: Vec<usize> = std::fs::read_to_string(&args[2])
            .expect("sizes")
            .lines()
            .map(|l| l.parse().expect("a size"))
            .collect();
        let key = SecretKey::random().expect("key").aead();
        return write_floor(&key, &sizes, Path::new(&args[3]));
    }
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let n: usize = args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .expect("--one N");
        let bin: String = arg("--bin", String::new());
        println!("{}", one(n, Path::new(&bin)));
        return;
    }
    let sizes: Vec<usize> = arg("--sizes", "1000,10000".to_string())
        .split(',')
        .filter_map(|s| s.trim().replace('_', "").parse().ok())
        .collect();
    assert!(!sizes.is_empty(), "--sizes 1000,10000,100000");
    refuse_large_without_room(&sizes, args.iter().any(|a| a == "--large"));
    let exe = std::env::current_exe().expect("exe");
    let bin = support::child::kluis_binary();

    let mut results: Vec<Value> = Vec::new();
    for &n in &sizes {
        eprintln!("bench: {n} people ...");
        let out = std::process::Command::new(&exe)
            .args(["--one", &n.to_string()])
            .arg("--bin")
            .arg(&bin)
            .output()
            .expect("child");
        assert!(
            out.status.success(),
            "the run at {n} people failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8_lossy(&out.stdout);
        let v: Value = serde_json::from_str(line.trim()).expect("child JSON");
        println!("{v}");
        results.push(v);
    }

    let rows: &[(&str, &str, &str)] = &[
        ("records", "records", ""),
        ("import: parse JSON", "import_parse_ms", "ms"),
        ("import: check and plan", "import_plan_ms", "ms"),
        ("import: write in one change", "import_write_ms", "ms"),
        (
            "import: raw write floor (seal + sled slices)",
            "write_floor_ms",
            "ms",
        ),
        ("import: ratio write / write floor", "write_ratio", "x"),
        (
            "import: raw write floor, own process",
            "write_floor_alone_ms",
            "ms",
        ),
        (
            "import: ratio write / floor in own process",
            "write_ratio_alone",
            "x",
        ),
        ("import: total", "import_ms", "ms"),
        ("import: peak memory", "import_peak_mib", "MiB"),
        ("import: size of the JSON file", "import_file_mib", "MiB"),
        (
            "import: kluis import, whole process",
            "import_process_ms",
            "ms",
        ),
        (
            "import: kluis import, peak memory",
            "import_process_peak_mib",
            "MiB",
        ),
        (
            "import: ratio kluis import peak / file",
            "import_peak_per_file",
            "x",
        ),
        (
            "import: raw write floor alone, peak memory",
            "write_floor_peak_mib",
            "MiB",
        ),
        ("open: Argon2id alone (64 MiB, t=2)", "kdf_ms", "ms"),
        (
            "open: unlock (Argon2id, keyring, sled open)",
            "unlock_ms",
            "ms",
        ),
        ("open: decrypt every record", "decrypt_all_ms", "ms"),
        (
            "open: raw floor (sled scan + AES-GCM)",
            "raw_floor_ms",
            "ms",
        ),
        ("open: ratio decrypt / floor", "decrypt_ratio", "x"),
        (
            "open: decrypt and decode (Session::load)",
            "session_load_ms",
            "ms",
        ),
        ("open: ratio Session::load / floor", "load_ratio", "x"),
        ("open: peak memory", "open_peak_mib", "MiB"),
        ("purge: records removed", "purged", ""),
        ("purge: time (one change)", "purge_ms", "ms"),
        (
            "purge: kluis purge --expired --yes, whole process",
            "purge_process_ms",
            "ms",
        ),
        (
            "purge: kluis purge, peak memory",
            "purge_process_peak_mib",
            "MiB",
        ),
        (
            "frame: App::open (the Overview's rows)",
            "app_open_ms",
            "ms",
        ),
        ("frame: deadlines of every record", "deadlines_ms", "ms"),
        ("frame: Overview built on them", "overview_ms", "ms"),
        (
            "frame: other screens' rows, built in the first pause",
            "idle_rows_ms",
            "ms",
        ),
        (
            "frame: one screen of that (a key waits at most)",
            "idle_step_worst_ms",
            "ms",
        ),
        ("frame: key + draw, median", "frame_median_ms", "ms"),
        ("frame: key + draw, p99", "frame_p99_ms", "ms"),
        ("frame: key + draw, worst", "frame_worst_ms", "ms"),
        (
            "process: Argon2id alone, in the rounds",
            "process_kdf_ms",
            "ms",
        ),
        ("process: sled open alone", "sled_open_ms", "ms"),
        (
            "process: floor (Argon2id + sled open + raw)",
            "process_floor_ms",
            "ms",
        ),
        ("process: first frame of the UI", "first_frame_ms", "ms"),
        (
            "process: ratio first frame / floor",
            "first_frame_ratio",
            "x",
        ),
        ("process: kluis status", "status_ms", "ms"),
        ("process: ratio status / floor", "status_ratio", "x"),
        ("process: kluis check", "check_ms", "ms"),
        ("process: ratio check / floor", "check_ratio", "x"),
        (
            "process: raw scan in a process of its own",
            "process_cold_scan_ms",
            "ms",
        ),
        (
            "process: floor, cold (Argon2id + own raw scan process)",
            "process_cold_floor_ms",
            "ms",
        ),
        (
            "process: ratio first frame / cold floor",
            "first_frame_cold_ratio",
            "x",
        ),
        (
            "process: ratio status / cold floor",
            "status_cold_ratio",
            "x",
        ),
        ("process: ratio check / cold floor", "check_cold_ratio", "x"),
        (
            "memory: decrypted bytes of the records",
            "decrypted_mib",
            "MiB",
        ),
        ("memory: UI resident at first frame", "ui_rss_mib", "MiB"),
        ("memory: UI peak at first frame", "ui_peak_mib", "MiB"),
        (
            "memory: UI budget (2 x decrypted + 64)",
            "ui_budget_mib",
            "MiB",
        ),
        (
            "memory: ratio UI resident / decrypted",
            "ui_rss_per_decrypted",
            "x",
        ),
        ("memory: kluis status peak", "status_peak_mib", "MiB"),
        ("memory: kluis check peak", "check_peak_mib", "MiB"),
        ("size on disk", "disk_mib", "MiB"),
        ("peak memory, whole run", "peak_mib", "MiB"),
    ];
    println!();
    print!("{:<46}", "people");
    for n in &sizes {
        print!(" {:>10}", n);
    }
    println!(" {:>7} {:>7}  growth", "k last", "k all");
    for &(label, field, unit) in rows {
        let label = if unit.is_empty() {
            label.to_string()
        } else {
            format!("{label} ({unit})")
        };
        print!("{label:<46}");
        let mut points = Vec::new();
        for (n, r) in sizes.iter().zip(&results) {
            let v = r[field].as_f64().unwrap_or(0.0);
            points.push((*n as f64, v));
            if v >= 100.0 || v == v.trunc() {
                print!(" {v:>10.0}");
            } else {
                print!(" {v:>10.2}");
            }
        }
        let last = (points.len() >= 2)
            .then(|| exponent(&points[points.len() - 2..]))
            .flatten();
        let all = exponent(&points);
        let show = |k: Option<f64>| k.map_or(String::new(), |k| format!("{k:.2}"));
        println!(" {:>7} {:>7}  {}", show(last), show(all), growth(last));
    }
    println!();
    println!(
        "k: growth exponent, time or memory ∝ people^k, between the two largest sizes (k last) and fitted over all sizes (k all)."
    );
}
