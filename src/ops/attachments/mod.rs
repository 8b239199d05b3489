//! Files in documents and team reports (DESIGN.md §13.1), for both front
//! ends: add, list, get (to a writer or to a new private file), remove.
//! Every operation streams: a file is never held whole in memory. A change
//! is all or nothing: the files are stored first, then the record that
//! holds their keys is committed in one change; on any failure the stored
//! files are removed again and the record is as it was.
//!
//! A team report's files need its password: [`team_key`] derives the key
//! once, and [`Owner::TeamReport`] carries it to each operation.
//!
//! Why an operation was refused is `error`; the checks and the opening of a
//! file to add are `source`.

mod error;
mod source;

pub use error::{FileError, FileResult, SourceProblem};
pub use source::detect_type;
pub(crate) use source::{Source, open_sources};

use super::edit::{self, Body, PasswordChoice, Problem, TeamReportInput};
use super::session::Session;
use crate::domain::attachment::{Attachment, FileFacts, FileKey, SealedAttachment, SealedFacts};
use crate::domain::{AnyRecord, Document, DocumentKind, Id, TeamReport};
use crate::vault::VaultError;
use crate::vault::crypto::SecretKey;
use crate::vault::file_store::{self, Sealing};
use crate::vault::team_seal::{self, TeamSealError};
use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

pub use crate::domain::attachment::MAX_FILE_BYTES;

/// A team report's files key, derived from its password once (Argon2id);
/// wiped from memory when dropped.
pub struct TeamKey {
    report: Id,
    key: SecretKey,
}

impl TeamKey {
    /// The files key of a report being made, from the password it was sealed with.
    pub(crate) fn for_new_report(
        report: Id,
        password: &str,
        sealed_body: &str,
    ) -> Result<TeamKey, TeamSealError> {
        Ok(TeamKey {
            report,
            key: team_seal::files_key(password, sealed_body)?,
        })
    }
}

/// Opens a team report's files with its password. A wrong password is
/// `FileError::Seal(TeamSealError::WrongPassword)`.
pub fn team_key(s: &Session, report: &Id, password: &str) -> FileResult<TeamKey> {
    let r = team_report(s, report)?;
    let key = team_seal::files_key(password, &r.sealed_body).map_err(FileError::Seal)?;
    Ok(TeamKey {
        report: report.clone(),
        key,
    })
}

/// Whose files: a document, or a team report with its files key.
#[derive(Clone, Copy)]
pub enum Owner<'a> {
    Document(&'a Id),
    TeamReport(&'a TeamKey),
}

/// One file as listed: its position on its record (from 1) and its facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    pub position: usize,
    pub facts: FileFacts,
}

/// A file of an owner, opened: its facts and how its chunks are sealed.
struct Opened {
    id: Id,
    facts: FileFacts,
    /// Outermost first (see `file_store::Sealing`).
    keys: Vec<FileKey>,
}

impl Opened {
    fn sealing<'k>(&self, refs: &'k [&'k FileKey]) -> Sealing<'k> {
        Sealing {
            layers: self.keys.len(),
            keys: refs,
        }
    }
}

/// The files of an owner, opened, in their order.
fn opened(s: &Session, owner: Owner) -> FileResult<Vec<Opened>> {
    match owner {
        Owner::Document(id) => {
            let d = document(s, id)?;
            Ok(d.files
                .iter()
                .map(|a| Opened {
                    id: a.id.clone(),
                    facts: a.facts.clone(),
                    keys: vec![a.key.clone()],
                })
                .collect())
        }
        Owner::TeamReport(team) => {
            let r = team_report(s, &team.report)?;
            r.files
                .iter()
                .map(|a| {
                    let plain = team_seal::open_facts(&team.key, &a.id, &a.sealed)
                        .map_err(FileError::Seal)?;
                    let facts: SealedFacts = serde_json::from_slice(&plain)
                        .map_err(|_| FileError::Seal(TeamSealError::Damaged))?;
                    Ok(Opened {
                        id: a.id.clone(),
                        facts: FileFacts {
                            name: facts.name.clone(),
                            size: a.size,
                            sha256: facts.sha256.clone(),
                            media_type: facts.media_type.clone(),
                            added_on: a.added_on,
                        },
                        keys: vec![a.key.clone(), facts.key.clone()],
                    })
                })
                .collect()
        }
    }
}

/// The files of a document, or of a team report opened with its password.
pub fn list(s: &Session, owner: Owner) -> FileResult<Vec<FileInfo>> {
    Ok(opened(s, owner)?
        .into_iter()
        .enumerate()
        .map(|(i, o)| FileInfo {
            position: i + 1,
            facts: o.facts,
        })
        .collect())
}

/// How many files a team report holds: what shows without its password.
pub fn sealed_count(s: &Session, report: &Id) -> usize {
    s.data.team_reports.get(report).map_or(0, |r| r.files.len())
}

fn fresh_key() -> FileResult<FileKey> {
    let key = SecretKey::random()?;
    Ok(FileKey::from_bytes(*key.bytes()))
}

/// A file id unused by any file of the vault.
fn new_file_id(s: &Session, taken: &BTreeSet<Id>) -> Id {
    let used: BTreeSet<Id> = s.data.file_ids().into_iter().collect();
    loop {
        let id = Id::generate();
        if !used.contains(&id) && !taken.contains(&id) {
            return id;
        }
    }
}

/// What the files added to a record become in it.
pub(crate) enum NewFiles {
    Document(Vec<Attachment>),
    TeamReport(Vec<SealedAttachment>),
}

/// Stores every source (all or none) for `owner`; the caller commits the
/// record that holds them, and removes them with `vault.remove_files` if
/// that fails.
pub(crate) fn store_all(
    s: &Session,
    owner: Owner,
    sources: Vec<Source>,
) -> FileResult<(NewFiles, Vec<Id>)> {
    let mut ids: BTreeSet<Id> = BTreeSet::new();
    let mut docs = Vec::new();
    let mut sealed = Vec::new();
    let result = (|| -> FileResult<()> {
        let of = sources.len();
        for (index, mut src) in sources.into_iter().enumerate() {
            let id = new_file_id(s, &ids);
            ids.insert(id.clone());
            let outer = fresh_key()?;
            let inner = match owner {
                Owner::Document(_) => None,
                Owner::TeamReport(_) => Some(fresh_key()?),
            };
            let keys: Vec<&FileKey> = std::iter::once(&outer).chain(inner.as_ref()).collect();
            let sealing = Sealing {
                layers: keys.len(),
                keys: &keys,
            };
            let stored = s
                .vault
                .store_file(&id, &sealing, &mut src.file, src.size, MAX_FILE_BYTES)
                .map_err(|e| store_error(e, index, of))?;
            let facts = FileFacts {
                name: src.name,
                size: stored.size,
                sha256: team_seal::to_hex(&stored.sha256),
                media_type: detect_type(&stored.head),
                added_on: s.today(),
            };
            match (owner, inner) {
                (Owner::TeamReport(team), Some(inner)) => {
                    let json = Zeroizing::new(
                        serde_json::to_vec(&SealedFacts {
                            name: facts.name,
                            sha256: facts.sha256,
                            media_type: facts.media_type,
                            key: inner,
                        })
                        .map_err(|_| VaultError::Random)?,
                    );
                    let seal =
                        team_seal::seal_facts(&team.key, &id, &json).map_err(FileError::Seal)?;
                    sealed.push(SealedAttachment {
                        id,
                        size: facts.size,
                        added_on: facts.added_on,
                        key: outer,
                        sealed: seal,
                    });
                }
                _ => docs.push(Attachment {
                    id,
                    facts,
                    key: outer,
                }),
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        s.vault.remove_files(&ids);
        return Err(e);
    }
    let files = match owner {
        Owner::Document(_) => NewFiles::Document(docs),
        Owner::TeamReport(_) => NewFiles::TeamReport(sealed),
    };
    Ok((files, ids.into_iter().collect()))
}

fn store_error(e: file_store::FileError, index: usize, of: usize) -> FileError {
    match e {
        file_store::FileError::Source(_) => FileError::Source {
            index,
            of,
            problem: SourceProblem::Unreadable,
        },
        file_store::FileError::TooLarge => FileError::Source {
            index,
            of,
            problem: SourceProblem::TooLarge,
        },
        file_store::FileError::Damaged { chunk, problem } => FileError::Damaged {
            position: index + 1,
            chunk,
            problem,
        },
        file_store::FileError::Output(e) => FileError::Output(e.to_string()),
        file_store::FileError::Vault(v) => FileError::Vault(v),
    }
}

/// Commits `rec` (which holds the files `ids`), removing them on failure.
fn commit_with(
    s: &mut Session,
    action: &str,
    id: &Id,
    rec: AnyRecord,
    ids: &[Id],
) -> FileResult<()> {
    if let Err(e) = s.commit(action, vec![(id.clone(), rec)], vec![]) {
        s.vault.remove_files(ids);
        return Err(e.into());
    }
    Ok(())
}

/// Adds files to a document or a team report, in one change: all of them
/// or none. Returns the record's files afterwards.
pub fn attach(s: &mut Session, owner: Owner, paths: &[PathBuf]) -> FileResult<Vec<FileInfo>> {
    let existing: Vec<String> = list(s, owner)?.into_iter().map(|f| f.facts.name).collect();
    let sources = open_sources(paths, &existing)?;
    let (files, ids) = store_all(s, owner, sources)?;
    match (owner, files) {
        (Owner::Document(id), NewFiles::Document(new)) => {
            let mut d = document(s, id)?.clone();
            d.files.extend(new);
            commit_with(s, "file_attach", id, AnyRecord::Document(d), &ids)?;
        }
        (Owner::TeamReport(team), NewFiles::TeamReport(new)) => {
            let mut r = team_report(s, &team.report)?.clone();
            r.files.extend(new);
            commit_with(
                s,
                "file_attach",
                &team.report,
                AnyRecord::TeamReport(r),
                &ids,
            )?;
        }
        _ => return Err(FileError::UnknownRecord),
    }
    list(s, owner)
}

/// A new document: text, files, or both (DESIGN.md §13.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub trajectory: Id,
    pub participant: Id,
    pub kind: DocumentKind,
    pub title: String,
    pub body: Option<Body>,
    pub files: Vec<PathBuf>,
}

/// Adds a document with its files in one change; returns its id.
pub fn add_document(s: &mut Session, input: &NewDocument) -> FileResult<Id> {
    if input.body.is_none() && input.files.is_empty() {
        return Err(FileError::BodyOrFileRequired);
    }
    let mut doc: Document = edit::new_document(
        s,
        &input.trajectory,
        &input.participant,
        input.kind,
        &input.title,
        input.body.as_ref(),
    )?;
    let sources = open_sources(&input.files, &[])?;
    let id = s.data.new_id();
    let (files, ids) = store_all(s, Owner::Document(&id), sources)?;
    if let NewFiles::Document(new) = files {
        doc.files = new;
    }
    commit_with(s, "document_add", &id, AnyRecord::Document(doc), &ids)?;
    Ok(id)
}

/// A new team report with its files, in one change (DESIGN.md §13.1): the
/// text, files, or both. Returns its id and, for a generated password, that
/// password (to be shown once).
pub fn add_team_report(
    s: &mut Session,
    input: &TeamReportInput,
    choice: &PasswordChoice,
    files: &[PathBuf],
) -> FileResult<(Id, Option<Zeroizing<String>>)> {
    if files.is_empty() && matches!(&input.body, Body::Typed(t) if t.trim().is_empty()) {
        return Err(Problem::TextOrFiles.into());
    }
    let sources = open_sources(files, &[])?;
    let sealed = edit::new_team_report(s, input, choice)?;
    let id = s.data.new_id();
    let key = TeamKey::for_new_report(id.clone(), &sealed.password, &sealed.report.sealed_body)
        .map_err(FileError::Seal)?;
    let (new, ids) = store_all(s, Owner::TeamReport(&key), sources)?;
    let mut report = sealed.report;
    if let NewFiles::TeamReport(new) = new {
        report.files = new;
    }
    commit_with(
        s,
        "team_report_add",
        &id,
        AnyRecord::TeamReport(report),
        &ids,
    )?;
    Ok((id, sealed.shown))
}

/// The file named `name` of `owner`, with its position.
fn find(s: &Session, owner: Owner, name: &str) -> FileResult<(usize, Opened)> {
    opened(s, owner)?
        .into_iter()
        .enumerate()
        .find(|(_, o)| o.facts.name == name)
        .map(|(i, o)| (i + 1, o))
        .ok_or(FileError::UnknownName)
}

/// Streams the file `name` of `owner`, decrypted, into `out`. Each chunk is
/// verified before it is written, but a damaged chunk stops it with the
/// chunks before it written: to write to a file, use [`save_copy`].
pub fn get(s: &Session, owner: Owner, name: &str, out: &mut dyn Write) -> FileResult<FileInfo> {
    let (position, file) = find(s, owner, name)?;
    stream(s, position, &file, out)?;
    Ok(FileInfo {
        position,
        facts: file.facts,
    })
}

fn stream(s: &Session, position: usize, file: &Opened, out: &mut dyn Write) -> FileResult<()> {
    let refs: Vec<&FileKey> = file.keys.iter().collect();
    s.vault
        .read_file(&file.id, &file.sealing(&refs), file.facts.size, out)
        .map_err(|e| store_error(e, position - 1, 1))
}

/// Writes the file `name` of `owner` to `path`, readable by its owner only
/// (0600). Nothing appears at `path` unless every chunk verified: the bytes
/// go to a hidden file beside it first, which is renamed into place. Without
/// `overwrite`, an existing `path` is never replaced.
pub fn save_copy(
    s: &Session,
    owner: Owner,
    name: &str,
    path: &Path,
    overwrite: bool,
) -> FileResult<FileInfo> {
    let (position, file) = find(s, owner, name)?;
    if !overwrite && super::files::exists(path) {
        return Err(FileError::DestinationExists);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = dir.join(format!(".kluis-{}.part", Id::generate()));
    let failed = |e: std::io::Error| FileError::Output(e.to_string());
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut out = opts.open(&temp).map_err(failed)?;
    let written = stream(s, position, &file, &mut out)
        .and_then(|()| out.sync_all().map_err(failed))
        .and_then(|()| place(&temp, path, overwrite));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    Ok(FileInfo {
        position,
        facts: file.facts,
    })
}

/// Moves the verified `temp` (a file written beside `path`) to `path`:
/// never over an existing file unless `overwrite` (a hard link fails when
/// the name is taken, in one step).
pub fn place(temp: &Path, path: &Path, overwrite: bool) -> FileResult<()> {
    let failed = |e: std::io::Error| FileError::Output(e.to_string());
    if overwrite {
        return std::fs::rename(temp, path).map_err(failed);
    }
    match std::fs::hard_link(temp, path) {
        Ok(()) => std::fs::remove_file(temp).map_err(failed),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(FileError::DestinationExists)
        }
        // A file system without hard links: check, then rename.
        Err(_) if !super::files::exists(path) => std::fs::rename(temp, path).map_err(failed),
        Err(_) => Err(FileError::DestinationExists),
    }
}

/// Removes the file `name` from `owner`, in one change. Its key leaves the
/// record and the record's bucket is re-keyed, so the file is gone from
/// older copies of the folder as well (DESIGN.md §7.4).
pub fn detach(s: &mut Session, owner: Owner, name: &str) -> FileResult<FileInfo> {
    let (position, file) = find(s, owner, name)?;
    match owner {
        Owner::Document(id) => {
            let mut d = document(s, id)?.clone();
            d.files.retain(|a| a.id != file.id);
            s.commit(
                "file_detach",
                vec![(id.clone(), AnyRecord::Document(d))],
                vec![],
            )?;
        }
        Owner::TeamReport(team) => {
            let mut r = team_report(s, &team.report)?.clone();
            r.files.retain(|a| a.id != file.id);
            s.commit(
                "file_detach",
                vec![(team.report.clone(), AnyRecord::TeamReport(r))],
                vec![],
            )?;
        }
    }
    Ok(FileInfo {
        position,
        facts: file.facts,
    })
}

/// The document `id`, or `UnknownRecord`.
fn document<'a>(s: &'a Session, id: &Id) -> FileResult<&'a Document> {
    s.data.documents.get(id).ok_or(FileError::UnknownRecord)
}

/// The team report `id`, or `UnknownRecord`.
fn team_report<'a>(s: &'a Session, id: &Id) -> FileResult<&'a TeamReport> {
    s.data.team_reports.get(id).ok_or(FileError::UnknownRecord)
}

#[cfg(test)]
mod tests;
