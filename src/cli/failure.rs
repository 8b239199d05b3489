//! How a command ends when it does not succeed: one sentence for stderr and
//! the exit code of DESIGN.md §8.

use crate::vault::VaultError;

pub const EXIT_ERROR: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_INTEGRITY: i32 = 3;
pub const EXIT_WRONG_PASSPHRASE: i32 = 4;
pub const EXIT_IN_USE: i32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn error(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_ERROR,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }

    /// The reader of standard output went away (`kluis status | head`): the
    /// command ends here, with exit 0 and no sentence, as `cat` would.
    pub fn output_closed() -> Failure {
        Failure {
            code: 0,
            message: String::new(),
        }
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
            message: e.to_string(),
        }
    }
}

pub type CmdResult = Result<(), Failure>;
