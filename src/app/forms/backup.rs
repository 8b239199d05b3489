//! The form of a backup from the Overview (DESIGN.md §13.4): where to write it.

use super::form::{Field, Form};
use super::purpose::FormPurpose;
use crate::i18n::ui::Text;

pub const FILE: usize = 0;

pub fn backup() -> Form {
    Form::new(
        Text::FormBackup,
        FormPurpose::Backup,
        vec![Field::path(Text::FieldPath, "").with_hint(Text::NewFileHint)],
    )
    .with_note(Text::BackupNote)
}
