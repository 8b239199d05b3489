//! Why a rights operation was refused. A refusal carries no content (no
//! names, addresses or text), so it can be shown and logged safely; both
//! front ends word it through `RightsError::message`. The refusals and
//! their sentences are the catalogue's (`i18n::rights_refusals`).

use crate::i18n::Lang;
pub use crate::i18n::rights_refusals::{Field, Refusal};
use crate::vault::VaultError;

#[derive(Debug, thiserror::Error)]
pub enum RightsError {
    #[error("{}", .0.message(Lang::En))]
    Refused(Refusal),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<Refusal> for RightsError {
    fn from(r: Refusal) -> RightsError {
        RightsError::Refused(r)
    }
}

impl RightsError {
    /// One sentence in the interface language, starting with a capital
    /// and ending with a full stop (the command line prints the refusal's
    /// own `message` after `kluis: `).
    pub fn message(&self, lang: Lang) -> String {
        let m = match self {
            RightsError::Refused(r) => r.message(lang),
            RightsError::Vault(e) => crate::ops::vault_words::vault_failed(lang, e),
        };
        let mut chars = m.chars();
        let mut out: String = match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        if !out.ends_with('.') {
            out.push('.');
        }
        out
    }

    pub fn refusal(&self) -> Option<Refusal> {
        match self {
            RightsError::Refused(r) => Some(*r),
            RightsError::Vault(_) => None,
        }
    }
}

pub type RightsResult<T> = Result<T, RightsError>;
