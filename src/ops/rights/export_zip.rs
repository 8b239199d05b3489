//! `kluis export person … --format zip` (DESIGN.md §13.1): the access
//! export and the person's own files in one ZIP, for the participant.
//! `export.json` and `export.md` are the access export; `files/` holds
//! every file of the documents about the person, each streamed from the
//! vault into the archive chunk by chunk, never whole in memory.
//!
//! The archive is written to a hidden 0600 file beside `path` and moved
//! into place only when every file verified and the archive is complete,
//! so a damaged file leaves nothing at `path`; an existing `path` is
//! replaced only with `overwrite`.

use super::export::{AccessExport, ExportFormat};
use crate::domain::Id;
use crate::ops::Session;
use crate::ops::attachments::{self, FileError, FileResult, Owner};
use crate::ops::decrypted_copies::safe_name;
use chrono::{Datelike, Timelike};
use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// What went into the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipReceipt {
    pub files: usize,
}

/// Writes `export` and the files of `person`'s documents to `path`.
pub fn write_zip(
    s: &Session,
    export: &AccessExport,
    person: &Id,
    path: &Path,
    overwrite: bool,
) -> FileResult<ZipReceipt> {
    if !overwrite && crate::ops::files::exists(path) {
        return Err(FileError::DestinationExists);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = dir.join(format!(".kluis-{}.zip.part", Id::generate()));
    let written = write_archive(s, export, person, &temp)
        .and_then(|receipt| attachments::place(&temp, path, overwrite).map(|()| receipt));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

fn write_archive(
    s: &Session,
    export: &AccessExport,
    person: &Id,
    temp: &Path,
) -> FileResult<ZipReceipt> {
    let failed = |e: &dyn std::fmt::Display| FileError::Output(e.to_string());
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts.open(temp).map_err(|e| failed(&e))?;
    let mut zip = ZipWriter::new(file);
    let now = s.clock.now;
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        u8::try_from(now.month()).unwrap_or(1),
        u8::try_from(now.day()).unwrap_or(1),
        u8::try_from(now.hour()).unwrap_or(0),
        u8::try_from(now.minute()).unwrap_or(0),
        u8::try_from(now.second()).unwrap_or(0),
    )
    .unwrap_or_default();
    let text = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o600);
    for (name, format) in [
        ("export.json", ExportFormat::Json),
        ("export.md", ExportFormat::Markdown),
    ] {
        zip.start_file(name, text).map_err(|e| failed(&e))?;
        zip.write_all(export.render(format).as_bytes())
            .map_err(|e| failed(&e))?;
    }
    let mut documents: Vec<(&Id, &str)> = s
        .data
        .documents
        .iter()
        .filter(|(_, d)| d.participant == *person)
        .map(|(id, d)| (id, d.title.as_str()))
        .collect();
    documents.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
    let mut taken = BTreeSet::new();
    let mut files = 0;
    for (doc, _) in documents {
        for info in attachments::list(s, Owner::Document(doc))? {
            let name = &info.facts.name;
            let entry = format!("files/{}", unique(&safe_name(name), &mut taken));
            // Files are compressed already (PDF, Word, images): stored as they are.
            let stored = text
                .compression_method(CompressionMethod::Stored)
                .large_file(info.facts.size >= u64::from(u32::MAX));
            zip.start_file(entry, stored).map_err(|e| failed(&e))?;
            attachments::get(s, Owner::Document(doc), name, &mut zip)?;
            files += 1;
        }
    }
    let file = zip.finish().map_err(|e| failed(&e))?;
    file.sync_all().map_err(|e| failed(&e))?;
    Ok(ZipReceipt { files })
}

/// `name`, or `name (2).ext`, `name (3).ext`… when two documents hold a
/// file of the same name.
fn unique(name: &str, taken: &mut BTreeSet<String>) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => name.split_at(i),
        _ => (name, ""),
    };
    let mut candidate = name.to_string();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{stem} ({n}){ext}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_the_archive_are_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(unique("rapport.pdf", &mut taken), "rapport.pdf");
        assert_eq!(unique("rapport.pdf", &mut taken), "rapport (2).pdf");
        assert_eq!(unique("rapport.pdf", &mut taken), "rapport (3).pdf");
        assert_eq!(unique("notes", &mut taken), "notes");
        assert_eq!(unique("notes", &mut taken), "notes (2)");
    }
}
