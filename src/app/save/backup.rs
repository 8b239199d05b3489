//! Saving the backup form of the Overview: `ops::backup` writes the file
//! (DESIGN.md §13.4). A file that exists is replaced only after the coach
//! confirms it, as for exports.

use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::backup::FILE;
use crate::app::forms::form::Form;
use crate::app::popup::Confirm;
use crate::app::screen_component::Cx;
use crate::i18n::backup as words;
use crate::i18n::ui::Text;
use crate::ops::backup::{self, BackupError};

pub fn save(mut form: Form, overwrite: bool, cx: &mut Cx, out: &mut Vec<Effect>) {
    let lang = cx.lang;
    let Some(path) = form.path(FILE) else {
        form.problem = Some(Text::ProblemFileRequired.get(lang).to_string());
        out.push(Effect::Form(form));
        return;
    };
    let shown = path.display().to_string();
    match backup::backup(cx.session, &path, overwrite) {
        Ok(made) => {
            let mut said = words::written(lang, &shown, made.records, made.files, made.destroy_by);
            if !made.recorded {
                said = format!("{said} {}", words::not_recorded(lang));
            }
            out.push(Effect::Refresh);
            out.push(Effect::Say(said));
        }
        Err(BackupError::Exists) => {
            form.problem = None;
            out.push(Effect::Form(form));
            out.push(Effect::Ask(Confirm {
                title: Text::FileExistsTitle.get(lang).into(),
                lines: vec![Text::FileExists.get(lang).into()],
                on_yes: Confirmed::OverwriteFile,
            }));
        }
        Err(BackupError::NoFileName) => {
            form.problem = Some(words::needs_file_name(lang).to_string());
            out.push(Effect::Form(form));
        }
        Err(BackupError::Io(why)) => {
            form.problem = Some(words::write_failed(lang, &shown, &why));
            out.push(Effect::Form(form));
        }
        Err(BackupError::Vault(e)) => {
            form.problem = Some(crate::ops::vault_words::sentence(lang, &e));
            out.push(Effect::Form(form));
        }
    }
}
