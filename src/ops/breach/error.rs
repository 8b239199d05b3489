//! Why a breach operation was refused; nothing changed. The sentences are
//! the catalogue's (`i18n::breach_errors`).

use super::step_key;
use crate::domain::Id;
use crate::domain::breach::{At, ChecklistStep};
use crate::i18n::Lang;
use crate::i18n::breach_errors::{self as words, BreachText, Late};
use crate::vault::VaultError;
use chrono::SecondsFormat;
use std::fmt;
use std::path::PathBuf;

/// Why a breach operation was refused; nothing changed.
#[derive(Debug)]
pub enum BreachError {
    /// No breach with this id.
    NotFound(Id),
    /// The title is empty.
    EmptyTitle,
    /// A control character in a field (an escape code anywhere, a line
    /// break in the title, a category, the contact person or the AP's
    /// reference).
    ControlCharacter,
    /// A time (discovery, a step) lies after the clock's now.
    InFuture {
        what: When,
        now: At,
    },
    /// The end of the breach lies before its start.
    EndsBeforeStart,
    /// The fewest people affected is more than the most.
    RangeReversed,
    /// Declining a step needs a reason.
    NeedsReason(ChecklistStep),
    /// Only the AP and the people steps can be declined.
    CannotDecline(ChecklistStep),
    /// The assessment step is done by answering the questions.
    NotAssessed,
    /// A decision not to contradicts a step already done.
    AlreadyDone(ChecklistStep),
    /// Closing needs these steps first.
    CannotClose(Vec<ChecklistStep>),
    /// The report file exists and overwriting was not asked for.
    FileExists(PathBuf),
    /// Writing the report file failed.
    Write {
        path: PathBuf,
        reason: String,
    },
    Vault(VaultError),
}

/// Which time an `InFuture` error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Discovery,
    Step(ChecklistStep),
}

impl From<VaultError> for BreachError {
    fn from(e: VaultError) -> Self {
        BreachError::Vault(e)
    }
}

fn stamp(t: At) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

impl BreachError {
    /// One sentence: what is wrong and what to do.
    pub fn message(&self, lang: Lang) -> String {
        use BreachError::*;
        let fixed = |t: BreachText| t.get(lang).to_string();
        match self {
            NotFound(id) => words::not_found(lang, id.as_str()),
            EmptyTitle => fixed(BreachText::EmptyTitle),
            ControlCharacter => fixed(BreachText::ControlCharacter),
            InFuture { what, now } => {
                let what = match what {
                    When::Discovery => Late::Discovery,
                    When::Step(s) => Late::Step(step_key(*s)),
                };
                words::in_future(lang, what, &stamp(*now))
            }
            EndsBeforeStart => fixed(BreachText::EndsBeforeStart),
            RangeReversed => fixed(BreachText::RangeReversed),
            NeedsReason(s) => words::needs_reason(lang, step_key(*s)),
            CannotDecline(s) => words::cannot_decline(lang, step_key(*s)),
            NotAssessed => fixed(BreachText::NotAssessed),
            AlreadyDone(s) => words::already_done(lang, step_key(*s)),
            CannotClose(missing) => {
                let keys: Vec<&str> = missing.iter().map(|s| step_key(*s)).collect();
                words::cannot_close(lang, &keys)
            }
            FileExists(p) => words::file_exists(lang, &p.display().to_string()),
            Write { path, reason } => {
                words::write_failed(lang, &path.display().to_string(), reason)
            }
            Vault(e) => e.to_string(),
        }
    }
}

impl fmt::Display for BreachError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BreachError {}

pub type BreachResult<T> = Result<T, BreachError>;
