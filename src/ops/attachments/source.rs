//! A file to add: checked (a regular file, not too large, a clean name)
//! and opened without blocking, and its type from its first bytes.

use super::{FileError, FileResult, MAX_FILE_BYTES, SourceProblem};
use crate::domain::attachment::valid_name;
use crate::domain::text;
use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// A file to add, checked and opened.
pub(crate) struct Source {
    pub(super) file: File,
    pub(super) size: u64,
    pub(super) name: String,
}

/// Opens a file to add, or says why it cannot be used. A FIFO is never
/// opened for reading (that would wait for a writer): it is refused from
/// its metadata, and the open does not block should one be put there since.
fn open_source(path: &Path) -> Result<Source, SourceProblem> {
    let shown = path.to_string_lossy();
    if !text::is_clean_line(&shown) {
        return Err(SourceProblem::ControlCharacter);
    }
    let io_problem = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => SourceProblem::Missing,
        _ => SourceProblem::Unreadable,
    };
    let meta = std::fs::metadata(path).map_err(io_problem)?;
    if meta.is_dir() {
        return Err(SourceProblem::Directory);
    }
    if !meta.is_file() {
        return Err(SourceProblem::NotRegular);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(SourceProblem::TooLarge);
    }
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = opts.open(path).map_err(io_problem)?;
    let meta = file.metadata().map_err(io_problem)?;
    if !meta.is_file() {
        return Err(SourceProblem::NotRegular);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().trim().to_string())
        .unwrap_or_default();
    if !valid_name(&name) {
        return Err(SourceProblem::ControlCharacter);
    }
    Ok(Source {
        file,
        size: meta.len(),
        name,
    })
}

/// Opens every file to add, refusing the lot on the first problem, and any
/// name given twice or already on the record.
pub(crate) fn open_sources(paths: &[PathBuf], existing: &[String]) -> FileResult<Vec<Source>> {
    let mut names: BTreeSet<String> = existing.iter().cloned().collect();
    let mut out = Vec::with_capacity(paths.len());
    for (index, path) in paths.iter().enumerate() {
        let source = open_source(path).map_err(|problem| FileError::Source {
            index,
            of: paths.len(),
            problem,
        })?;
        if !names.insert(source.name.clone()) {
            return Err(FileError::DuplicateName);
        }
        out.push(source);
    }
    Ok(out)
}

/// The type of a file from its first bytes: what `infer` recognises, else
/// plain text when it reads as UTF-8, else `application/octet-stream`.
pub fn detect_type(head: &[u8]) -> String {
    if let Some(t) = infer::get(head) {
        return t.mime_type().to_string();
    }
    let text = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A character cut at the end of the first chunk is still text.
        Err(e) => e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    };
    if text && !head.is_empty() && !head.contains(&0) {
        "text/plain".to_string()
    } else {
        "application/octet-stream".to_string()
    }
}
