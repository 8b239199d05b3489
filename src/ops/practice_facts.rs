//! What the record of processing and the privacy statement are made from,
//! gathered from a session: the profile, the periods it keeps, today's
//! counts, the recipients of disclosures and the vault's own protection.

use super::practice::profile;
use super::session::Session;
use crate::domain::processing::{Facts, Security};
use std::collections::BTreeSet;

/// Calls `f` with the facts of `s` today.
pub fn with_facts<R>(s: &Session, f: impl FnOnce(&Facts) -> R) -> R {
    let practice = profile(s);
    let kdf = s.vault.kdf_params();
    let recipients: BTreeSet<String> = s
        .data
        .disclosures
        .values()
        .map(|d| d.recipient.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    let facts = Facts {
        practice: &practice,
        periods: s.data.periods(),
        counts: s.data.counts(),
        disclosure_recipients: recipients.into_iter().collect(),
        security: Security {
            kdf_memory_kib: kdf.memory_kib,
            kdf_iterations: kdf.iterations,
            kdf_parallelism: kdf.parallelism,
        },
        today: s.today(),
    };
    f(&facts)
}
