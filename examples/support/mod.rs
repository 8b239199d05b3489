//! Helpers shared by the benchmark examples: argument parsing, timing,
//! memory and disk figures, and the purge they time. Each benchmark declares it `pub mod support`, so
//! rustc counts these helpers as the example's interface and does not call
//! the ones another benchmark uses dead code.

pub mod child;

use kluis::ops::Session;
use kluis::ops::purge::{self, Receipt};
use std::path::Path;
use std::time::{Duration, Instant};

/// `--name value` from the command line, parsed, or the default.
pub fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// Peak resident memory of this process so far, in MiB (Linux `VmHWM`).
pub fn peak_rss_mib() -> f64 {
    proc_status_kib("self", "VmHWM:") / 1024.0
}

/// Starts a new peak-memory measurement (Linux: writing 5 to clear_refs
/// resets `VmHWM`).
pub fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Current resident memory, in MiB (Linux `VmRSS`).
pub fn rss_mib() -> f64 {
    proc_status_kib("self", "VmRSS:") / 1024.0
}

/// Processor time this process used so far (user and system, all its
/// threads), in seconds, from Linux `/proc/self/stat` (USER_HZ ticks, 100 a
/// second in Linux's ABI). Beside wall time it shows what a busy machine
/// adds: waiting for a processor is in the one, not in the other.
pub fn cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // The fields after the command name, which is in parentheses:
            // state is the first; utime and stime the 12th and 13th.
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// A field of `/proc/<pid>/status` in KiB (`pid` may be `self`), 0 when
/// it cannot be read.
pub fn proc_status_kib(pid: &str, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
}

/// Total size of the files under `dir`, in bytes.
pub fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => total += dir_size(&p),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Opens a sled database that a handle of this process just dropped: sled's
/// background threads let go of its file lock a moment later.
pub fn open_when_released(config: &sled::Config) -> sled::Db {
    when_released(|| config.open().ok())
}

/// Tries `open` for up to five seconds, until the lock a just-dropped handle
/// held is let go.
pub fn when_released<T>(mut open: impl FnMut() -> Option<T>) -> T {
    (0..500)
        .find_map(|_| {
            open().or_else(|| {
                std::thread::sleep(Duration::from_millis(10));
                None
            })
        })
        .expect("the lock was let go")
}

/// Purges every expired record as `kluis purge --expired --yes` does: the
/// expired rows on the session's deadlines, then one purge of them.
pub fn purge_expired(s: &mut Session) -> Receipt {
    let selection: Vec<_> = purge::expired(s, &s.deadlines())
        .into_iter()
        .map(|e| (e.kind, e.id))
        .collect();
    purge::purge(s, &selection).expect("purge")
}
