//! What the keys of a record's files do: open one (a text previewed in
//! kluis, anything else decrypted to a private copy for the system's
//! viewer), add files, save a copy elsewhere, remove one after a
//! confirmation. The workspace calls these with what they need.

use super::{CopyNotice, FilesOwner, FilesView};
use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::form::{Field, Form};
use crate::app::forms::purpose::{FilesForm, FormPurpose};
use crate::app::popup::{Confirm, Reader};
use crate::domain::text::escaped;
use crate::domain::text_preview::{PREVIEW_BYTES, text_preview};
use crate::i18n::Lang;
use crate::i18n::files as file_words;
use crate::i18n::files_ui as words;
use crate::i18n::ui::Text;
use crate::ops::Session;
use crate::ops::attachments::{self, FileError};
use crate::ops::decrypted_copies::DecryptedCopies;
use crate::ops::viewer;
use std::ffi::OsStr;
use std::io::Write;

/// Enter on a file: a plain-text file is previewed in kluis; any other
/// goes to a private decrypted copy, opened in the viewer, and the notice
/// of that copy stays on screen until the coach is done with it.
pub fn open(
    view: &FilesView,
    s: &Session,
    copies: &mut DecryptedCopies,
    command: Option<&OsStr>,
    lang: Lang,
) -> Vec<Effect> {
    let Some(row) = view.selected_row() else {
        return vec![Effect::Say(Text::SelectFirst.get(lang).to_string())];
    };
    let Some((owner, _)) = view.owners.get(row.owner) else {
        return Vec::new();
    };
    let facts = &row.info.facts;
    if facts.media_type.starts_with("text/") {
        let mut head = Head::default();
        if let Err(e) = attachments::get(s, owner.owner(), &facts.name, &mut head) {
            return vec![Effect::Say(e.message(lang))];
        }
        let whole = head.seen <= PREVIEW_BYTES as u64;
        if let Some(text) = text_preview(&head.bytes, whole) {
            return vec![Effect::Read(Reader::new(escaped(&facts.name), text))];
        }
    }
    let copy = copies.create(&facts.name, |file| {
        attachments::get(s, owner.owner(), &facts.name, file)
            .map(|_| ())
            .map_err(CopyFailed::File)
    });
    let path = match copy {
        Ok(path) => path,
        Err(CopyFailed::File(e)) => return vec![Effect::Say(e.message(lang))],
        Err(CopyFailed::Io(e)) => return vec![Effect::Say(words::copy_failed(lang, &e))],
    };
    if let Err(why) = viewer::start(command, &path) {
        let _ = copies.remove(&path);
        return vec![Effect::Say(words::viewer_failed(lang, &why))];
    }
    vec![Effect::Copy(CopyNotice { path })]
}

/// Why a decrypted copy could not be made.
enum CopyFailed {
    File(FileError),
    Io(std::io::Error),
}

impl From<std::io::Error> for CopyFailed {
    fn from(e: std::io::Error) -> CopyFailed {
        CopyFailed::Io(e)
    }
}

/// The first `PREVIEW_BYTES` of a file streamed through it; the rest is
/// counted, not kept (the whole file still verifies).
#[derive(Default)]
struct Head {
    bytes: Vec<u8>,
    seen: u64,
}

impl Write for Head {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = PREVIEW_BYTES.saturating_sub(self.bytes.len());
        self.bytes.extend_from_slice(&buf[..room.min(buf.len())]);
        self.seen += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `a`: the form that adds files to the record.
pub fn attach_form(view: &FilesView, lang: Lang) -> Effect {
    match view.target() {
        Some(owner) => Effect::Form(attach_files(owner.clone())),
        None => Effect::Say(Text::SelectFirst.get(lang).to_string()),
    }
}

/// The form that adds files to `owner`: one path field that takes
/// dropped files.
pub fn attach_files(owner: FilesOwner) -> Form {
    Form::new(
        Text::FormAttachFiles,
        FormPurpose::Files(FilesForm::Attach(owner)),
        vec![Field::path(Text::FieldFiles, "").with_hint(Text::FilesHint)],
    )
    .with_note(Text::AttachFilesNote)
}

/// `s`: where to save a copy of the selected file (the home folder and
/// its name to begin with).
pub fn save_form(view: &FilesView, lang: Lang) -> Effect {
    let Some(row) = view.selected_row() else {
        return Effect::Say(Text::SelectFirst.get(lang).to_string());
    };
    let Some((owner, _)) = view.owners.get(row.owner) else {
        return Effect::Say(Text::SelectFirst.get(lang).to_string());
    };
    let name = &row.info.facts.name;
    Effect::Form(
        Form::new(
            Text::FormSaveCopy,
            FormPurpose::Files(FilesForm::SaveCopy {
                owner: owner.clone(),
                name: name.clone(),
            }),
            vec![Field::path(Text::FieldPath, &format!("~/{name}"))],
        )
        .with_note(Text::SaveCopyNote),
    )
}

/// `d`: asks before the selected file is removed for good.
pub fn ask_detach(view: &FilesView, lang: Lang) -> Effect {
    let Some(row) = view.selected_row() else {
        return Effect::Say(Text::SelectFirst.get(lang).to_string());
    };
    let Some((owner, _)) = view.owners.get(row.owner) else {
        return Effect::Say(Text::SelectFirst.get(lang).to_string());
    };
    Effect::Ask(Confirm {
        title: Text::DetachTitle.get(lang).to_string(),
        lines: vec![
            escaped(&row.info.facts.name).into_owned(),
            Text::DetachNote.get(lang).to_string(),
        ],
        on_yes: Confirmed::DetachFile(owner.clone(), row.info.facts.name.clone()),
    })
}

/// Removes a file the coach confirmed.
pub fn detach(owner: &FilesOwner, name: &str, s: &mut Session, lang: Lang) -> Vec<Effect> {
    match attachments::detach(s, owner.owner(), name) {
        Ok(info) => vec![
            Effect::Refresh,
            Effect::Say(file_words::detached(lang, info.position)),
        ],
        Err(e) => vec![Effect::Say(e.message(lang))],
    }
}

/// The password form in front of a team report's files.
pub fn team_password(report: crate::domain::Id) -> Form {
    Form::new(
        Text::FormTeamReportFiles,
        FormPurpose::Files(FilesForm::TeamReportPassword(report)),
        vec![Field::secret(Text::FieldPassword)],
    )
}
