//! `kluis document add|attach|list|get|detach` (DESIGN.md §13.1, contract):
//! documents with their files. A thin layer over `ops::attachments`; a
//! damaged file exits 3, refused input 2, a failure 1.

use super::failure::{CmdResult, EXIT_ERROR, EXIT_INTEGRITY, EXIT_USAGE, Failure};
use super::out::Out;
use super::{Context, confirm, open};
use crate::domain::retention;
use crate::domain::text::escaped;
use crate::domain::{DocumentKind, Id};
use crate::i18n::files::{self as words, FileText};
use crate::ops::Session;
use crate::ops::attachments::{self, FileError, FileInfo, NewDocument, Owner};
use crate::ops::edit::{Body, EditError, Problem};
use clap::{Subcommand, ValueEnum};
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// A new document with a text, files, or both
    Add {
        #[arg(long, value_name = "ID")]
        trajectory: String,
        /// The participant's id or e-mail address
        #[arg(long, value_name = "ID|EMAIL")]
        participant: String,
        #[arg(long, value_enum)]
        kind: DocumentKindArg,
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// The document's text, from a UTF-8 file
        #[arg(long, value_name = "FILE")]
        text_file: Option<PathBuf>,
        /// A file to hold (any type, at most 2 GiB); may be given more than once
        #[arg(long = "file", value_name = "PATH")]
        files: Vec<PathBuf>,
        /// Print {"id": "…"}
        #[arg(long)]
        json: bool,
    },
    /// Add files to a document, all or none
    Attach {
        #[arg(value_name = "DOCUMENT-ID")]
        document: String,
        #[arg(long = "file", value_name = "PATH", required = true)]
        files: Vec<PathBuf>,
    },
    /// Every document with its files: name, size, SHA-256, type
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write a file of a document (mode 0600), only once every chunk verified
    Get {
        #[arg(value_name = "DOCUMENT-ID")]
        document: String,
        /// The file's name; without it, every file goes into the folder --out
        #[arg(long = "file", value_name = "NAME")]
        file: Option<String>,
        /// Where to write: a new file, or a folder
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Replace a file that exists at PATH
        #[arg(long)]
        force: bool,
    },
    /// Remove a file from a document, for good
    Detach {
        #[arg(value_name = "DOCUMENT-ID")]
        document: String,
        #[arg(long = "file", value_name = "NAME")]
        file: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum DocumentKindArg {
    IndividualReport,
    QuestionnaireResult,
}

impl DocumentKindArg {
    fn kind(self) -> DocumentKind {
        match self {
            DocumentKindArg::IndividualReport => DocumentKind::IndividualReport,
            DocumentKindArg::QuestionnaireResult => DocumentKind::QuestionnaireResult,
        }
    }
}

/// The exit code and sentence of a failed file operation.
pub fn file_failure(ctx: &Context, e: FileError) -> Failure {
    if let FileError::Vault(v) = e {
        return Failure::from(v);
    }
    let code = if e.is_damage() {
        EXIT_INTEGRITY
    } else if e.is_refusal() {
        EXIT_USAGE
    } else {
        EXIT_ERROR
    };
    Failure::new(code, e.message(ctx.lang))
}

pub fn run(ctx: &Context, command: DocumentCommand) -> CmdResult {
    let fail = |e: FileError| file_failure(ctx, e);
    match command {
        DocumentCommand::Add {
            trajectory,
            participant,
            kind,
            title,
            text_file,
            files,
            json,
        } => {
            let mut s = open::session(ctx)?;
            let input = NewDocument {
                trajectory: known(&s, &trajectory).map_err(fail)?,
                participant: s
                    .data
                    .find_person(&participant)
                    .ok_or(FileError::Edit(EditError::Invalid(Problem::UnknownPerson)))
                    .map_err(fail)?,
                kind: kind.kind(),
                title,
                body: text_file.map(Body::File),
                files,
            };
            let id = attachments::add_document(&mut s, &input).map_err(fail)?;
            let mut out = ctx.stdout();
            if json {
                out.json(&json!({ "id": id }))?;
            } else {
                writeln!(out, "{id}")?;
            }
            Ok(())
        }
        DocumentCommand::Attach { document, files } => {
            let mut s = open::session(ctx)?;
            let id = document_id(&s, &document).map_err(fail)?;
            let now = attachments::attach(&mut s, Owner::Document(&id), &files).map_err(fail)?;
            let mut out = ctx.stdout();
            for f in &now {
                print_file(&mut out, f)?;
            }
            Ok(())
        }
        DocumentCommand::List { json } => list(ctx, json),
        DocumentCommand::Get {
            document,
            file,
            out,
            force,
        } => {
            let s = open::session(ctx)?;
            let id = document_id(&s, &document).map_err(fail)?;
            let names: Vec<String> = match &file {
                Some(name) => vec![name.clone()],
                None => attachments::list(&s, Owner::Document(&id))
                    .map_err(fail)?
                    .into_iter()
                    .map(|f| f.facts.name)
                    .collect(),
            };
            let into_folder = file.is_none() || out.is_dir();
            if into_folder {
                make_folder(ctx, &out)?;
            }
            let mut err = ctx.stderr();
            for name in &names {
                let path = if into_folder {
                    out.join(safe_file_name(name))
                } else {
                    out.clone()
                };
                attachments::save_copy(&s, Owner::Document(&id), name, &path, force)
                    .map_err(fail)?;
                writeln!(
                    err,
                    "{}",
                    words::written(ctx.lang, &path.display().to_string())
                )?;
            }
            Ok(())
        }
        DocumentCommand::Detach {
            document,
            file,
            yes,
        } => {
            let mut s = open::session(ctx)?;
            let id = document_id(&s, &document).map_err(fail)?;
            if !yes {
                // Refuses an unknown name before asking.
                let files = attachments::list(&s, Owner::Document(&id)).map_err(fail)?;
                let f = files
                    .iter()
                    .find(|f| f.facts.name == file)
                    .ok_or(FileError::UnknownName)
                    .map_err(fail)?;
                let question = words::confirm_detach(ctx.lang, f.position);
                confirm::ask(ctx, &mut ctx.stdout(), &question)?;
            }
            let gone = attachments::detach(&mut s, Owner::Document(&id), &file).map_err(fail)?;
            writeln!(ctx.stderr(), "{}", words::detached(ctx.lang, gone.position))?;
            Ok(())
        }
    }
}

/// A record id that the vault holds.
fn known(s: &Session, id: &str) -> Result<Id, FileError> {
    Id::parse(id.trim())
        .filter(|id| s.data.trajectories.contains_key(id))
        .ok_or(FileError::UnknownRecord)
}

fn document_id(s: &Session, id: &str) -> Result<Id, FileError> {
    Id::parse(id.trim())
        .filter(|id| s.data.documents.contains_key(id))
        .ok_or(FileError::UnknownRecord)
}

/// A stored name as a file name in a folder: never a path elsewhere.
fn safe_file_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if c == '/' || c == '\\' { '_' } else { c })
        .collect();
    match clean.as_str() {
        "" | "." | ".." => "file".to_string(),
        _ => clean,
    }
}

fn make_folder(ctx: &Context, dir: &Path) -> Result<(), Failure> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
        .map_err(|e| Failure::error(format!("{}: {e}", FileText::NotWritten.get(ctx.lang))))
}

fn print_file(out: &mut Out, f: &FileInfo) -> Result<(), super::out::OutError> {
    writeln!(
        out,
        "  {}. {}  {} B  {}  sha256 {}  {}",
        f.position,
        escaped(&f.facts.name),
        f.facts.size,
        escaped(&f.facts.media_type),
        f.facts.sha256,
        f.facts.added_on
    )
}

fn list(ctx: &Context, json: bool) -> CmdResult {
    let s = open::session(ctx)?;
    let deadlines = s.deadlines();
    let mut rows = Vec::new();
    let mut out = ctx.stdout();
    for (id, d) in &s.data.documents {
        let kind = d.kind.record_kind();
        let deadline = retention::deadline_of(&deadlines, kind, id).date();
        let files = attachments::list(&s, Owner::Document(id)).map_err(|e| file_failure(ctx, e))?;
        if json {
            rows.push(json!({
                "id": id,
                "kind": kind.name(),
                "title": d.title,
                "trajectory": d.trajectory,
                "participant": d.participant,
                "deadline": deadline,
                "files": files.iter().map(|f| json!({
                    "name": f.facts.name,
                    "size": f.facts.size,
                    "sha256": f.facts.sha256,
                    "type": f.facts.media_type,
                    "added_on": f.facts.added_on,
                })).collect::<Vec<_>>(),
            }));
            continue;
        }
        writeln!(
            out,
            "{id}  {}  {}  {}",
            kind.name(),
            escaped(&d.title),
            deadline.map_or_else(|| "—".to_string(), |d| d.to_string())
        )?;
        for f in &files {
            print_file(&mut out, f)?;
        }
    }
    if json {
        out.json(&json!({ "documents": rows }))?;
    }
    Ok(())
}
