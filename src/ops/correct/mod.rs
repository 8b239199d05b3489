//! Correcting the records the coach made (P8: "inzage, aanpassing of
//! vernietiging"). Each correction is one change with one audit entry,
//! through `Session::commit`. A correction that moves a record's deadline
//! (a completion date, a delivery date, a date of receipt) moves the record
//! to the bucket of its new deadline month in the same change, and the
//! bucket it leaves is re-keyed (DESIGN.md §7), so no copy of it stays
//! readable in the old month once it is purged. The receipt says from when
//! to when the deadline moved.
//!
//! A correction starts from the stored record and changes only the fields
//! the form shows, so whatever else the record holds stays as it is.

pub mod records;
pub mod rights;

use super::session::Session;
use crate::domain::records::AnyRecord;
use crate::domain::retention::{Deadline, deadline_of};
use crate::domain::{Id, Kind};
use crate::vault::VaultError;

/// What a correction did to the record's deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrected {
    pub kind: Kind,
    pub id: Id,
    /// The deadline before the correction.
    pub before: Deadline,
    /// The deadline after it.
    pub after: Deadline,
}

impl Corrected {
    /// From when to when the deadline moved; `None` when it stayed.
    pub fn moved(&self) -> Option<(Deadline, Deadline)> {
        (self.before != self.after).then_some((self.before, self.after))
    }
}

/// Writes the corrected `record` in place of the stored one (of kind
/// `old_kind`: a document that changes kind changes its key) as one
/// change named `action`.
pub(crate) fn commit(
    s: &mut Session,
    action: &str,
    id: &Id,
    old_kind: Kind,
    record: AnyRecord,
) -> Result<Corrected, VaultError> {
    let before = deadline_of(&s.deadlines(), old_kind, id);
    let kind = record.kind();
    let deletes = if kind == old_kind {
        Vec::new()
    } else {
        vec![(old_kind, id.clone())]
    };
    s.commit(action, vec![(id.clone(), record)], deletes)?;
    let after = deadline_of(&s.deadlines(), kind, id);
    Ok(Corrected {
        kind,
        id: id.clone(),
        before,
        after,
    })
}
