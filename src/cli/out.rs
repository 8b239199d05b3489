//! Standard output and standard error of the commands. Every write can
//! fail, and says how: a reader that went away (`kluis status | head -c 10`)
//! is `OutError::Closed`, which ends the command quietly; anything else (a
//! full device) is one sentence and exit 1. Never `print!`, which panics.
//!
//! Use it with `write!`/`writeln!`: `writeln!(out, "{} {n}", label)?`.
//! Stored text goes through `domain::text::escaped` first; JSON goes through
//! [`Out::json`], which escapes what JSON itself leaves raw.

use super::failure::Failure;
use crate::domain::text;
use crate::i18n::Lang;
use crate::i18n::cli::Said;
use std::fmt;
use std::io::{self, Write};

/// Which stream a write went to, for the sentence when it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Why a write did not reach its reader.
#[derive(Debug)]
pub enum OutError {
    /// The reader closed the pipe (EPIPE): nobody is left to tell.
    Closed,
    /// The write failed, for example because the device is full.
    Failed {
        stream: Stream,
        lang: Lang,
        error: io::Error,
    },
}

impl OutError {
    /// One sentence for a failed write, in the coach's language.
    pub fn message(&self) -> String {
        let OutError::Failed {
            stream,
            lang,
            error,
        } = self
        else {
            return String::new();
        };
        let t = *lang;
        let what = match stream {
            Stream::Stdout => Said::CouldNotWriteStdout.get(t),
            Stream::Stderr => Said::CouldNotWriteStderr.get(t),
        };
        let why = match error.kind() {
            io::ErrorKind::StorageFull => Said::TheDeviceIsFull.get(t),
            _ => Said::WriteError.get(t),
        };
        format!("{what}: {why} ({error})")
    }
}

impl From<OutError> for Failure {
    fn from(e: OutError) -> Failure {
        match e {
            OutError::Closed => Failure::output_closed(),
            OutError::Failed { .. } => Failure::error(e.message()),
        }
    }
}

enum Sink {
    Stdout(io::StdoutLock<'static>),
    Stderr(io::StderrLock<'static>),
}

/// A locked standard stream whose writes return [`OutError`].
pub struct Out {
    sink: Sink,
    lang: Lang,
}

impl Out {
    pub fn stdout(lang: Lang) -> Out {
        Out {
            sink: Sink::Stdout(io::stdout().lock()),
            lang,
        }
    }

    pub fn stderr(lang: Lang) -> Out {
        Out {
            sink: Sink::Stderr(io::stderr().lock()),
            lang,
        }
    }

    fn stream(&self) -> Stream {
        match self.sink {
            Sink::Stdout(_) => Stream::Stdout,
            Sink::Stderr(_) => Stream::Stderr,
        }
    }

    fn io(&mut self) -> &mut dyn Write {
        match &mut self.sink {
            Sink::Stdout(w) => w,
            Sink::Stderr(w) => w,
        }
    }

    fn failed(&self, error: io::Error) -> OutError {
        if error.kind() == io::ErrorKind::BrokenPipe {
            return OutError::Closed;
        }
        OutError::Failed {
            stream: self.stream(),
            lang: self.lang,
            error,
        }
    }

    /// What `write!` and `writeln!` call. Standard output is line
    /// buffered, so a whole line reaches the reader (or fails) here.
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<(), OutError> {
        let r = self.io().write_fmt(args);
        r.map_err(|e| self.failed(e))
    }

    /// Writes `bytes` and flushes them.
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), OutError> {
        let w = self.io();
        let r = w.write_all(bytes).and_then(|()| w.flush());
        r.map_err(|e| self.failed(e))
    }

    /// Makes sure everything written so far has reached the reader: before a
    /// change commits that must not happen unless the reader has it.
    pub fn flush(&mut self) -> Result<(), OutError> {
        let r = self.io().flush();
        r.map_err(|e| self.failed(e))
    }

    /// A multi-line text (Markdown, CSV) with its stored control characters
    /// escaped (`text::escaped_text`), flushed.
    pub fn text(&mut self, s: &str) -> Result<(), OutError> {
        self.bytes(text::escaped_text(s).as_bytes())
    }

    /// JSON rendered elsewhere (a pretty-printed export): the characters
    /// JSON allows raw are written as `\uXXXX`, flushed.
    pub fn json_text(&mut self, json: &str) -> Result<(), OutError> {
        let mut safe = Vec::with_capacity(json.len());
        // invariant: into a Vec there is no I/O to fail.
        let _ = escape_raw_controls(&mut safe, json);
        self.bytes(&safe)
    }

    /// One JSON value on one line. JSON escapes C0 controls itself; DEL, C1
    /// and the bidirectional controls are escaped as `\uXXXX` too, so the
    /// line is safe on a terminal and parses to the same value.
    pub fn json(&mut self, value: &serde_json::Value) -> Result<(), OutError> {
        let mut line = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut line, TerminalSafe);
        // invariant: a serde_json::Value always serialises, and into a Vec
        // there is no I/O to fail.
        let _ = serde::Serialize::serialize(value, &mut ser);
        line.push(b'\n');
        self.bytes(&line)
    }
}

/// serde_json's compact format, with the characters of
/// `text::is_control` that JSON allows raw written as `\uXXXX`.
struct TerminalSafe;

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        escape_raw_controls(w, fragment)
    }
}

/// Writes `json` with every control character escaped as `\uXXXX`, except
/// the line breaks and tabs that can only be whitespace between tokens:
/// inside a string serde_json has escaped them already.
fn escape_raw_controls<W: ?Sized + Write>(w: &mut W, json: &str) -> io::Result<()> {
    let mut start = 0;
    for (i, c) in json.char_indices() {
        if text::is_control(c) && !matches!(c, '\n' | '\t' | '\r') {
            w.write_all(&json.as_bytes()[start..i])?;
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = i + c.len_utf8();
        }
    }
    w.write_all(&json.as_bytes()[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe_json(v: &serde_json::Value) -> String {
        let mut line = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut line, TerminalSafe);
        serde::Serialize::serialize(v, &mut ser).unwrap();
        String::from_utf8(line).unwrap()
    }

    #[test]
    fn json_leaves_no_control_character_raw_and_parses_back_the_same() {
        let v = serde_json::json!({"label": "a\u{1b}[2J\r\n\u{7f}\u{9b}\u{202e}é€ z"});
        let s = safe_json(&v);
        assert!(!s.chars().any(text::is_control), "{s:?}");
        assert!(s.contains(r"\u007f\u009b\u202e"), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }

    #[test]
    fn a_closed_pipe_and_a_full_device_are_told_apart() {
        let out = Out::stdout(Lang::En);
        assert!(matches!(
            out.failed(io::Error::from(io::ErrorKind::BrokenPipe)),
            OutError::Closed
        ));
        let full = out.failed(io::Error::from(io::ErrorKind::StorageFull));
        assert!(
            full.message()
                .starts_with("could not write to standard output: the device is full")
        );
        assert_eq!(Failure::from(full).code, super::super::failure::EXIT_ERROR);
    }
}
