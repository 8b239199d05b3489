//! Why a file operation was refused, and its words (`i18n::files`); a
//! sentence says which file by its position, never by its name.

use crate::i18n::Lang;
use crate::i18n::files::{self as words, FileText};
use crate::ops::edit::{EditError, Problem};
use crate::vault::VaultError;
use crate::vault::team_seal::TeamSealError;

/// Why a file to add cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceProblem {
    Missing,
    Unreadable,
    Directory,
    /// A FIFO, a device or a socket.
    NotRegular,
    TooLarge,
    /// The path holds a control character.
    ControlCharacter,
}

impl SourceProblem {
    /// What is wrong, in the English of an import's refusal.
    pub fn words(self) -> &'static str {
        match self {
            SourceProblem::Missing => "the file does not exist",
            SourceProblem::Unreadable => "the file cannot be read",
            SourceProblem::Directory => "a folder, not a file",
            SourceProblem::NotRegular => "not a regular file (a pipe or a device)",
            SourceProblem::TooLarge => "the file is larger than 2 GiB",
            SourceProblem::ControlCharacter => "the path holds a control character",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file at `index` of the paths given cannot be added (`of` given).
    #[error("file {index} of {of} cannot be added: {problem:?}")]
    Source {
        index: usize,
        of: usize,
        problem: SourceProblem,
    },
    #[error("the record already has a file of that name")]
    DuplicateName,
    #[error("no such document or team report")]
    UnknownRecord,
    #[error("the record has no file of that name")]
    UnknownName,
    #[error("a file exists at the destination")]
    DestinationExists,
    /// A document needs a text or a file.
    #[error("a document needs a text or a file")]
    BodyOrFileRequired,
    /// File `position` (from 1) of its record does not verify.
    #[error("file {position} is damaged: chunk {chunk} {problem}")]
    Damaged {
        position: usize,
        chunk: u64,
        problem: &'static str,
    },
    /// Writing the decrypted file failed (the operating system's words).
    #[error("writing the file failed: {0}")]
    Output(String),
    #[error("{0}")]
    Seal(TeamSealError),
    #[error(transparent)]
    Edit(EditError),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<EditError> for FileError {
    fn from(e: EditError) -> FileError {
        FileError::Edit(e)
    }
}

impl From<Problem> for FileError {
    fn from(p: Problem) -> FileError {
        FileError::Edit(EditError::Invalid(p))
    }
}

impl FileError {
    /// Whether the stored file is damaged (`kluis` exits 3 then).
    pub fn is_damage(&self) -> bool {
        matches!(self, FileError::Damaged { .. })
    }

    /// Whether the input was refused (exit 2 on the command line) rather
    /// than something failing (exit 1).
    pub fn is_refusal(&self) -> bool {
        match self {
            FileError::Source { problem, .. } => {
                !matches!(problem, SourceProblem::Missing | SourceProblem::Unreadable)
            }
            FileError::DuplicateName
            | FileError::UnknownName
            | FileError::UnknownRecord
            | FileError::DestinationExists
            | FileError::BodyOrFileRequired => true,
            FileError::Edit(EditError::Invalid(_) | EditError::WeakPassword { .. }) => true,
            _ => false,
        }
    }

    /// One sentence in the coach's language; never a file's name.
    pub fn message(&self, lang: Lang) -> String {
        let fixed = |t: FileText| t.get(lang).to_string();
        match self {
            FileError::Source { index, of, problem } => {
                let text = match problem {
                    SourceProblem::Missing => FileText::SourceMissing,
                    SourceProblem::Unreadable => FileText::SourceUnreadable,
                    SourceProblem::Directory => FileText::SourceDirectory,
                    SourceProblem::NotRegular => FileText::SourceNotRegular,
                    SourceProblem::TooLarge => FileText::SourceTooLarge,
                    SourceProblem::ControlCharacter => FileText::SourceControlCharacter,
                };
                format!("{}{}", words::which_of(lang, *index, *of), text.get(lang))
            }
            FileError::DuplicateName => fixed(FileText::DuplicateName),
            FileError::UnknownRecord => fixed(FileText::UnknownRecord),
            FileError::UnknownName => fixed(FileText::UnknownName),
            FileError::DestinationExists => fixed(FileText::DestinationExists),
            FileError::BodyOrFileRequired => fixed(FileText::BodyOrFileRequired),
            FileError::Damaged {
                position, chunk, ..
            } => words::damaged(lang, *position, *chunk),
            FileError::Output(reason) => format!("{}: {reason}", FileText::NotWritten.get(lang)),
            FileError::Seal(e) => EditError::Seal(e.clone()).message(lang),
            FileError::Edit(e) => e.message(lang),
            FileError::Vault(e) => crate::ops::vault_words::vault_failed(lang, e),
        }
    }
}

pub type FileResult<T> = Result<T, FileError>;
