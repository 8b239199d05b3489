//! Saving the forms about a record's files (DESIGN.md §13.1): the team
//! report's password before its files, files to add, where a copy goes.
//! A problem keeps the form open with the problem shown.

use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::files::{FilesOwner, FilesView};
use crate::app::forms::form::Form;
use crate::app::forms::purpose::FilesForm;
use crate::app::popup::Confirm;
use crate::app::screen_component::Cx;
use crate::domain::Kind;
use crate::domain::text::escaped;
use crate::i18n::files as file_words;
use crate::i18n::files_ui as words;
use crate::i18n::ui::Text;
use crate::ops::attachments::{self, FileError};
use crate::ops::edit::TeamSealError;
use std::rc::Rc;

pub fn save(
    mut form: Form,
    purpose: &FilesForm,
    overwrite: bool,
    cx: &mut Cx,
    out: &mut Vec<Effect>,
) {
    let lang = cx.lang;
    let s = &mut *cx.session;
    let failed = match purpose {
        FilesForm::TeamReportPassword(id) => {
            let shown = attachments::team_key(s, id, form.value(0)).and_then(|key| {
                let owner = FilesOwner::TeamReport(id.clone(), Rc::new(key));
                let title = s.data.label(Kind::TeamReport, id);
                FilesView::new(escaped(&title).into_owned(), vec![(owner, title)], s)
            });
            match shown {
                Ok(view) => return out.push(Effect::Files(view)),
                Err(e) => {
                    if matches!(e, FileError::Seal(TeamSealError::WrongPassword)) {
                        form.clear_passwords();
                    }
                    e.message(lang)
                }
            }
        }
        FilesForm::Attach(owner) => {
            let paths = form.paths(0);
            if paths.is_empty() {
                Text::PathsRequired.get(lang).to_string()
            } else {
                match attachments::attach(s, owner.owner(), &paths) {
                    Ok(_) => {
                        out.push(Effect::Refresh);
                        return out.push(Effect::Say(words::attached(lang, paths.len())));
                    }
                    Err(e) => e.message(lang),
                }
            }
        }
        FilesForm::SaveCopy { owner, name } => {
            let Some(path) = form.path(0) else {
                form.problem = Some(Text::ProblemPathRequired.get(lang).to_string());
                return out.push(Effect::Form(form));
            };
            match attachments::save_copy(s, owner.owner(), name, &path, overwrite) {
                Ok(_) => {
                    let shown = path.display().to_string();
                    return out.push(Effect::Say(file_words::written(lang, &escaped(&shown))));
                }
                Err(FileError::DestinationExists) if !overwrite => {
                    form.problem = None;
                    out.push(Effect::Form(form));
                    return out.push(Effect::Ask(Confirm {
                        title: Text::FileExistsTitle.get(lang).into(),
                        lines: vec![Text::FileExists.get(lang).into()],
                        on_yes: Confirmed::OverwriteFile,
                    }));
                }
                Err(e) => e.message(lang),
            }
        }
    };
    form.problem = Some(failed);
    out.push(Effect::Form(form));
}
