//! Reading the first line of a password file without trusting the file: at
//! most 64 KiB is read (so `/dev/zero` ends), a UTF-8 byte order mark is not
//! part of the passphrase, and a pipe or FIFO is read with a time limit: one
//! nobody writes to is refused instead of waiting for ever. The bytes live in
//! one preallocated buffer that is wiped when dropped and never grows.

use super::failure::Failure;
use super::passphrase::Secret;
use crate::domain::text::escaped;
use crate::i18n::Lang;
use crate::i18n::cli::{PasswordFile, password_file};
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::Path;
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

/// The most a password file may hold before its first line ends.
pub const MAX_LEN: usize = 64 * 1024;
/// How long a FIFO may go without anybody opening it for writing.
const NO_WRITER_LIMIT: Duration = Duration::from_secs(2);
/// How long a pipe or FIFO may take to deliver its first line.
const READ_LIMIT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(20);
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn read_first_line(path: &Path, lang: Lang) -> Result<Secret, Failure> {
    let said = Said { path, lang };
    let is_fifo = is_fifo(path).map_err(|e| said.could_not(e))?;
    let mut buf = Buffer::new();
    if is_fifo {
        read_pipe(&said, &mut buf)?;
    } else {
        let mut f = File::open(path).map_err(|e| said.could_not(e))?;
        buf.fill_from(|b| f.read(b))
            .map_err(|e| said.could_not(e))?;
    }
    buf.first_line(&said)
}

/// The password file a sentence is about, and its language.
struct Said<'a> {
    path: &'a Path,
    lang: Lang,
}

impl Said<'_> {
    fn failure(&self, problem: PasswordFile) -> Failure {
        let path = self.path.display().to_string();
        Failure::error(password_file(self.lang, &escaped(&path), &problem))
    }

    fn could_not(&self, e: std::io::Error) -> Failure {
        self.failure(PasswordFile::Unreadable(e.to_string()))
    }
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::FileTypeExt;
    Ok(std::fs::metadata(path)?.file_type().is_fifo())
}

#[cfg(not(unix))]
fn is_fifo(_: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// A pipe or FIFO, opened without blocking. Reading one that has no writer
/// gives end-of-file at once, one with a writer that has not written yet
/// "would block"; so no writer for `NO_WRITER_LIMIT` is refused, and a writer
/// gets `READ_LIMIT` for the first line.
fn read_pipe(said: &Said, buf: &mut Buffer) -> Result<(), Failure> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let mut f = opts.open(said.path).map_err(|e| said.could_not(e))?;
    let start = Instant::now();
    let mut writer_seen = false;
    loop {
        match buf.read_once(|b| f.read(b)) {
            Ok(0) if !writer_seen => {
                if start.elapsed() >= NO_WRITER_LIMIT {
                    return Err(said.failure(PasswordFile::NoWriter));
                }
            }
            // End of file, or the buffer is full.
            Ok(0) => return Ok(()),
            Ok(_) => {
                writer_seen = true;
                if buf.has_line() {
                    return Ok(());
                }
                continue;
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => writer_seen = true,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(said.could_not(e)),
        }
        if start.elapsed() >= READ_LIMIT {
            return Err(said.failure(PasswordFile::NoLine {
                seconds: READ_LIMIT.as_secs(),
            }));
        }
        std::thread::sleep(POLL);
    }
}

/// `MAX_LEN + 1` bytes allocated once: one more than a passphrase may take,
/// to tell a full file from one that is too long.
struct Buffer {
    bytes: Zeroizing<Vec<u8>>,
    len: usize,
}

impl Buffer {
    fn new() -> Buffer {
        Buffer {
            bytes: Zeroizing::new(vec![0u8; MAX_LEN + 1]),
            len: 0,
        }
    }

    fn has_line(&self) -> bool {
        self.bytes[..self.len].contains(&b'\n')
    }

    /// One read into the free space; 0 also when it is full.
    fn read_once(
        &mut self,
        mut read: impl FnMut(&mut [u8]) -> std::io::Result<usize>,
    ) -> std::io::Result<usize> {
        if self.len == self.bytes.len() {
            return Ok(0);
        }
        let n = read(&mut self.bytes[self.len..])?;
        self.len += n;
        Ok(n)
    }

    /// Reads until end of file, the first line's end, or the buffer is full.
    fn fill_from(
        &mut self,
        mut read: impl FnMut(&mut [u8]) -> std::io::Result<usize>,
    ) -> std::io::Result<()> {
        loop {
            match self.read_once(&mut read) {
                Ok(0) => return Ok(()),
                Ok(_) if self.has_line() => return Ok(()),
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// The first line, without a byte order mark and line ending.
    fn first_line(mut self, said: &Said) -> Result<Secret, Failure> {
        let data = &self.bytes[..self.len];
        let Some(end) = data.iter().position(|&b| b == b'\n').or_else(|| {
            // A last line without a newline is whole only if the file ended.
            (self.len <= MAX_LEN).then_some(self.len)
        }) else {
            return Err(said.failure(PasswordFile::TooLong));
        };
        let start = if data.starts_with(BOM) { BOM.len() } else { 0 };
        let end = if end > start && data[end - 1] == b'\r' {
            end - 1
        } else {
            end
        }
        .max(start);
        if start == end {
            return Err(said.failure(PasswordFile::Empty));
        }
        // Moved to the front in place, then the rest wiped; the vector is
        // handed to the string as it is, without a copy.
        self.bytes.copy_within(start..end, 0);
        let line_len = end - start;
        self.bytes[line_len..].fill(0);
        self.bytes.truncate(line_len);
        let bytes = std::mem::take(&mut *self.bytes);
        match String::from_utf8(bytes) {
            Ok(s) => Ok(Zeroizing::new(s)),
            Err(e) => {
                drop(Zeroizing::new(e.into_bytes()));
                Err(said.failure(PasswordFile::NotUtf8))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(bytes: &[u8]) -> Result<String, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        std::fs::write(&path, bytes).unwrap();
        read_first_line(&path, Lang::En)
            .map(|s| s.to_string())
            .map_err(|f| f.message)
    }

    #[test]
    fn the_refusals_are_worded_in_dutch_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        std::fs::write(&path, b"\n").unwrap();
        let f = read_first_line(&path, Lang::Nl).unwrap_err();
        assert!(
            f.message
                .contains("is leeg; zet de wachtwoordzin op de eerste regel"),
            "{}",
            f.message
        );
        let f = read_first_line(&dir.path().join("nowhere"), Lang::Nl).unwrap_err();
        assert!(
            f.message.starts_with("kon het wachtwoordzinbestand"),
            "{}",
            f.message
        );
    }

    #[test]
    fn a_byte_order_mark_and_the_line_ending_are_not_part_of_the_passphrase() {
        assert_eq!(line_of(b"\xEF\xBB\xBFgeheim\r\nrest").unwrap(), "geheim");
        assert_eq!(line_of(b"geheim").unwrap(), "geheim");
        assert!(line_of(b"\xEF\xBB\xBF\n").unwrap_err().contains("empty"));
        assert!(line_of(b"\xff\xfe\n").unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn at_most_64_kib_is_read() {
        let mut long = vec![b'a'; MAX_LEN];
        assert_eq!(line_of(&long).unwrap().len(), MAX_LEN);
        long.push(b'a');
        assert!(line_of(&long).unwrap_err().contains("64 KiB"));
        long.push(b'\n');
        assert!(line_of(&long).unwrap_err().contains("64 KiB"));
    }
}
