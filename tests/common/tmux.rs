//! kluis in a terminal of its own: a tmux server on a private socket,
//! driven with keystrokes and read back from the screen (end-to-end tests).

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::cli::{kluis_bin, shell_line};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when the test ends.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "kluis"]).stdout)
            .into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "kluis"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("waited in vain for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the screen no longer shows `text` (a popup closed).
    pub fn wait_without(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("waited in vain for {text:?} to go; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the screen shows `text` and has stopped changing.
    pub fn settled_on(&self, text: &str) -> String {
        let mut screen = self.wait_for(text);
        loop {
            std::thread::sleep(Duration::from_millis(40));
            let again = self.screen();
            if again == screen {
                return screen;
            }
            screen = again;
        }
    }

    pub fn session_alive(&self) -> bool {
        self.run(&["has-session", "-t", "kluis"]).status.success()
    }

    /// A tmux server of our own, not started yet.
    pub fn server() -> Tmux {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::SeqCst);
        Tmux {
            socket: format!("kluis-test-{}-{n}", std::process::id()),
        }
    }

    /// A tmux server of our own with kluis on `vault` in a `width`×`height`
    /// window, in English without colour.
    pub fn start(vault: &Path, password_file: &Path, width: u16, height: u16) -> Tmux {
        let tmux = Tmux::server();
        tmux.run_kluis(&Tmux::kluis(vault, password_file), width, height);
        tmux
    }

    /// kluis on `vault` with a clean environment (`kluis_bin`), English
    /// without colour: to add to before `run_kluis`.
    pub fn kluis(vault: &Path, password_file: &Path) -> Command {
        let mut kluis = kluis_bin(&vault.with_extension("home"));
        kluis
            .env("NO_COLOR", "1")
            .arg("--vault")
            .arg(vault)
            .arg("--password-file")
            .arg(password_file);
        kluis
    }

    /// Starts `kluis` in this server's session, in a `width`×`height`
    /// window.
    pub fn run_kluis(&self, kluis: &Command, width: u16, height: u16) {
        let command = shell_line(kluis);
        let (w, h) = (width.to_string(), height.to_string());
        let started = self.run(&[
            "new-session",
            "-d",
            "-s",
            "kluis",
            "-x",
            &w,
            "-y",
            &h,
            &command,
        ]);
        assert!(
            started.status.success(),
            "{}",
            String::from_utf8_lossy(&started.stderr)
        );
    }

    /// The process id of kluis (the one process of the window: its shell
    /// `exec`s the command line).
    pub fn kluis_pid(&self) -> u32 {
        let out = self.run(&["display-message", "-p", "-t", "kluis", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }

    /// Sends `q` and waits until kluis has quit.
    pub fn quit(&self) {
        self.keys(&["q"]);
        self.wait_until_gone();
    }

    /// Waits until kluis has ended (and with it the tmux session).
    pub fn wait_until_gone(&self) {
        let start = Instant::now();
        while self.session_alive() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "kluis did not end"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Whether tmux is here. Without it a test is skipped with a message, and
/// fails on CI, where `.ci/run` installs it.
pub fn tmux_here() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is not installed: .ci/run installs it on CI"
        );
        eprintln!(
            "skipped: tmux is not installed (locally: apt-get install tmux; .ci/run installs it)"
        );
    }
    found
}
