//! How a command ends when it does not succeed: one sentence for stderr and
//! the exit code of DESIGN.md §8.

use crate::i18n::Lang;
use crate::ops::vault_words;
use crate::vault::VaultError;

pub const EXIT_ERROR: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_INTEGRITY: i32 = 3;
pub const EXIT_WRONG_PASSPHRASE: i32 = 4;
pub const EXIT_IN_USE: i32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: i32,
    /// The sentence, in the command's language; for a vault error, which
    /// is raised without one, in English.
    pub message: String,
    /// A vault error's Dutch sentence (see [`Failure::said`]).
    pub dutch: Option<String>,
}

impl Failure {
    pub fn new(code: i32, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
            dutch: None,
        }
    }

    pub fn error(message: impl Into<String>) -> Failure {
        Failure::new(EXIT_ERROR, message)
    }

    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::new(EXIT_USAGE, message)
    }

    /// The sentence for stderr in `lang`.
    pub fn said(&self, lang: Lang) -> &str {
        match (&self.dutch, lang) {
            (Some(nl), Lang::Nl) => nl,
            _ => &self.message,
        }
    }

    /// The reader of standard output went away (`kluis status | head`): the
    /// command ends here, with exit 0 and no sentence, as `cat` would.
    pub fn output_closed() -> Failure {
        Failure::new(0, String::new())
    }
}

impl From<VaultError> for Failure {
    fn from(e: VaultError) -> Failure {
        let code = match e {
            VaultError::WrongPassphrase(_) => EXIT_WRONG_PASSPHRASE,
            VaultError::InUse(_) => EXIT_IN_USE,
            _ => EXIT_ERROR,
        };
        Failure {
            code,
            message: vault_words::sentence(Lang::En, &e),
            dutch: Some(vault_words::sentence(Lang::Nl, &e)),
        }
    }
}

pub type CmdResult = Result<(), Failure>;
