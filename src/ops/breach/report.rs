//! The AP notification draft of a breach (`kluis breach report`), in
//! Markdown, and writing it to a file.

use super::{BreachError, BreachResult, Session, get};
use crate::domain::Id;
use crate::domain::breach_report::Report;
use crate::i18n::{Lang, breach_report};
use crate::ops::files::{WriteError, write_private};
use std::path::Path;

/// The AP notification draft of breach `id` in Markdown, made at the
/// clock's now.
pub fn report(s: &Session, id: &Id, lang: Lang) -> BreachResult<String> {
    let b = get(s, id)?;
    let practice = crate::ops::practice::profile(s);
    Ok(breach_report::markdown(
        &Report::of(b, id.as_str(), s.clock.now, &practice),
        lang,
    ))
}

/// A file name for the draft: `datalek-<id>.md` or `breach-<id>.md`.
pub fn report_file_name(id: &Id, lang: Lang) -> String {
    format!("{}-{id}.md", breach_report::file_stem(lang))
}

/// Writes the draft of breach `id` to `path`, readable by its owner only
/// (see [`write_private`]); an existing file only with `overwrite`.
pub fn export_report(
    s: &Session,
    id: &Id,
    lang: Lang,
    path: &Path,
    overwrite: bool,
) -> BreachResult<()> {
    let text = report(s, id, lang)?;
    write_private(path, text.as_bytes(), overwrite).map_err(|e| match e {
        WriteError::Exists => BreachError::FileExists(path.to_path_buf()),
        WriteError::Io(reason) => BreachError::Write {
            path: path.to_path_buf(),
            reason,
        },
    })
}
