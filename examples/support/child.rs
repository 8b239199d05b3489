//! The release `kluis` binary run as a new process, as a coach starts it:
//! a command timed from spawn to exit with its peak memory (`wait4`), and
//! the terminal UI in a pseudo-terminal of its own, timed from spawn to its
//! first drawn frame, with its resident memory at that moment.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The release binary beside this example. It is not built from here (a
/// nested cargo sees another environment and rebuilds everything): build it
/// with the example, `cargo build --release --bin kluis --example <bench>`;
/// a binary older than a source file is refused.
pub fn kluis_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("exe");
    let release = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/release/examples/<bench>");
    let bin = release.join("kluis");
    let build = "cargo build --release --bin kluis --example bench";
    let built = std::fs::metadata(&bin)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| panic!("{} is missing: {build}", bin.display()));
    let sources = release.join("../../src");
    if let Some(newer) = newest_file(&sources).filter(|(t, _)| *t > built) {
        panic!(
            "{} is older than {}: {build}",
            bin.display(),
            newer.1.display()
        );
    }
    bin
}

/// The most recently changed file under `dir`, with its time.
fn newest_file(dir: &Path) -> Option<(std::time::SystemTime, PathBuf)> {
    let mut newest = None;
    for e in std::fs::read_dir(dir).ok()?.flatten() {
        let p = e.path();
        let found = match e.metadata() {
            Ok(m) if m.is_dir() => newest_file(&p),
            Ok(m) => m.modified().ok().map(|t| (t, p)),
            Err(_) => None,
        };
        if let Some(f) = found
            && newest
                .as_ref()
                .is_none_or(|n: &(std::time::SystemTime, PathBuf)| f.0 > n.0)
        {
            newest = Some(f);
        }
    }
    newest
}

/// `kluis` on `vault` with the passphrase in `password_file`, a fixed clock,
/// English and no configuration file of the machine's user.
pub fn kluis_on(bin: &Path, vault: &Path, password_file: &Path, now: &str) -> Command {
    let mut c = Command::new(bin);
    for var in [
        "KLUIS_PASSWORD",
        "KLUIS_PASSWORD_FILE",
        "KLUIS_VAULT",
        "LC_ALL",
        "LANGUAGE",
    ] {
        c.env_remove(var);
    }
    c.env("XDG_CONFIG_HOME", vault.with_extension("no-config"))
        .env("LANG", "C")
        .env("KLUIS_NOW", now)
        .env("TERM", "xterm-256color")
        .arg("--vault")
        .arg(vault)
        .arg("--password-file")
        .arg(password_file);
    c
}

/// A finished process: its wall time from spawn to exit and its peak
/// resident memory.
pub struct Finished {
    pub wall: Duration,
    pub peak_mib: f64,
    pub code: i32,
}

/// The argument that makes a benchmark run [`measure_main`] instead.
pub const MEASURE: &str = "--measure-child";

/// Runs `cmd` to its end, output discarded, with its peak memory. A child
/// starts with the memory of the process it was forked from counted in its
/// peak (`ru_maxrss` keeps the copy's high-water mark across `exec`), so
/// it is started from a small process: this example again, with
/// [`MEASURE`], which runs it and reports.
pub fn run_whole(cmd: &Command) -> Finished {
    let mut wrapper = Command::new(std::env::current_exe().expect("exe"));
    wrapper
        .arg(MEASURE)
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapper.env(k, v),
            None => wrapper.env_remove(k),
        };
    }
    let out = wrapper.stderr(Stdio::inherit()).output().expect("measure");
    let line = String::from_utf8_lossy(&out.stdout);
    let mut f = line.split_whitespace().map(|v| v.parse::<f64>().ok());
    let mut next = || f.next().flatten().expect("wall, peak and code");
    Finished {
        wall: Duration::from_secs_f64(next() / 1e9),
        peak_mib: next() / 1024.0,
        code: next() as i32,
    }
}

/// The small process of [`run_whole`]: runs `program args…`, output
/// discarded, waits for it with `wait4` and prints its wall time (ns), its
/// peak resident memory (KiB) and its exit code.
pub fn measure_main(program_and_args: &[String]) {
    let (program, args) = program_and_args.split_first().expect("a program");
    let start = Instant::now();
    #[expect(clippy::zombie_processes, reason = "wait4 below reaps it")]
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn kluis");
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    let mut status: libc::c_int = 0;
    // SAFETY: plain FFI call; `rusage` is plain data, zero is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into the two locals above.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    println!("{} {} {code}", wall.as_nanos(), usage.ru_maxrss);
}

/// The terminal UI at its first frame.
pub struct FirstFrame {
    /// From spawn to the end of the first frame's output.
    pub wall: Duration,
    /// Resident memory of the UI process at that moment (`VmRSS`).
    pub rss_mib: f64,
    /// Its peak resident memory so far (`VmHWM`).
    pub peak_mib: f64,
    /// The text of the frame, escape sequences left out.
    pub text: String,
}

/// Starts `cmd` (the UI) in a new pseudo-terminal of `width` × `height` as
/// its controlling terminal, and waits for its first drawn frame: ratatui
/// ends each frame by hiding or showing the cursor, the first time after the
/// alternate screen was entered. Then reads the child's memory and kills it.
pub fn first_frame(mut cmd: Command, width: u16, height: u16) -> FirstFrame {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let master: OwnedFd =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(name.to_str().expect("pty name"))
        .expect("open pty");
    rustix::termios::tcsetwinsize(
        &slave,
        rustix::termios::Winsize {
            ws_row: height,
            ws_col: width,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    )
    .expect("window size");
    cmd.stdin(Stdio::from(slave.try_clone().expect("pty")))
        .stdout(Stdio::from(slave.try_clone().expect("pty")))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe system calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            rustix::process::setsid()?;
            rustix::process::ioctl_tiocsctty(BorrowedFd::borrow_raw(0))?;
            Ok(())
        });
    }
    let (tx, rx) = mpsc::channel::<(Instant, Vec<u8>)>();
    let mut reader = File::from(master.as_fd().try_clone_to_owned().expect("pty"));
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn kluis");
    drop(cmd); // the parent's copies of the terminal's other end
    let pump = std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        // Ends when the child is gone (EIO) or the receiver is.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let mut out: Vec<u8> = Vec::new();
    let done = loop {
        let Ok((at, chunk)) = rx.recv_timeout(Duration::from_secs(120)) else {
            let _ = child.kill();
            panic!(
                "no first frame; the terminal showed: {}",
                visible_text(&out)
            );
        };
        out.extend_from_slice(&chunk);
        if frame_ended(&out) {
            break at;
        }
    };
    let pid = child.id();
    let rss_mib = super::proc_status_kib(&pid.to_string(), "VmRSS:") / 1024.0;
    let peak_mib = super::proc_status_kib(&pid.to_string(), "VmHWM:") / 1024.0;
    let _ = child.kill();
    let _ = child.wait();
    drop(master);
    let _ = pump.join();
    FirstFrame {
        wall: done - start,
        rss_mib,
        peak_mib,
        text: visible_text(&out),
    }
}

/// Whether `out` holds a whole frame: the cursor hidden or shown after the
/// alternate screen was entered.
fn frame_ended(out: &[u8]) -> bool {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let Some(entered) = find(out, b"\x1b[?1049h") else {
        return false;
    };
    let after = &out[entered..];
    find(after, b"\x1b[?25l").is_some() || find(after, b"\x1b[?25h").is_some()
}

/// The printable text of terminal output, escape sequences left out.
fn visible_text(out: &[u8]) -> String {
    let s = String::from_utf8_lossy(out);
    let mut text = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final byte (@ to ~).
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
                text.push(' ');
            }
        } else if !c.is_control() {
            text.push(c);
        }
    }
    text
}
