//! `kluis completions`, `kluis man` and `kluis --version` (DESIGN.md
//! §13.5): generated from the one clap definition, so every command is in
//! them, and they are valid for the tool that reads them.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::cli::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn output(args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    run(kluis(&dir.path().join("vault")).args(args))
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Feeds `input` to `program args` and returns its exit status and output.
fn pipe_into(program: &str, args: &[&str], input: &str) -> (bool, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("MANWIDTH", "80")
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn bash_completions_pass_bash_n_and_know_every_command() {
    let r = output(&["completions", "bash"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (ok, said) = pipe_into("bash", &["-n"], &r.stdout);
    assert!(ok, "bash -n refuses the completions: {said}");
    for command in ["purge", "export", "breach", "mailing", "completions", "man"] {
        assert!(r.stdout.contains(command), "{command} not completed");
    }
    assert!(r.stdout.contains("--dry-run"), "options are not completed");
}

#[test]
fn zsh_and_fish_completions_name_the_commands_for_their_shell() {
    let zsh = output(&["completions", "zsh"]);
    assert_eq!(zsh.code, 0, "{}", zsh.stderr);
    assert!(
        zsh.stdout.starts_with("#compdef kluis"),
        "{}",
        &zsh.stdout[..40]
    );
    let fish = output(&["completions", "fish"]);
    assert_eq!(fish.code, 0, "{}", fish.stderr);
    assert!(fish.stdout.contains("complete -c kluis"));
    assert!(fish.stdout.contains("__fish_kluis_using_subcommand purge"));
    if have("zsh") {
        let (ok, said) = pipe_into("zsh", &["-n"], &zsh.stdout);
        assert!(ok, "zsh -n refuses the completions: {said}");
    }
    if have("fish") {
        let (ok, said) = pipe_into("fish", &["--no-execute"], &fish.stdout);
        assert!(ok, "fish refuses the completions: {said}");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let r = output(&["completions", "tcsh"]);
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["tcsh"]);
}

#[test]
fn the_man_page_renders_with_man_and_lists_the_commands() {
    let r = output(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with(".ie") || r.stdout.contains(".TH kluis"));
    if !have("man") {
        eprintln!("man is not installed: only the roff source is checked");
        return;
    }
    let (ok, page) = pipe_into("man", &["-l", "-"], &r.stdout);
    assert!(ok, "man -l refuses the page: {page}");
    for part in ["NAME", "SYNOPSIS", "kluis", "purge", "--vault"] {
        assert!(
            page.contains(part),
            "{part} not on the rendered page:\n{page}"
        );
    }
    assert!(!page.contains(".TH"), "roff left unrendered:\n{page}");
}

#[test]
fn version_prints_the_package_version() {
    let r = output(&["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("kluis {}", env!("CARGO_PKG_VERSION"))
    );
}
