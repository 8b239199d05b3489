//! Saving the practice profile's forms through `ops::practice` (DESIGN.md
//! §13.2): the vault's audit log records the change as `practice_set`. A
//! period longer than its rule, or a field that does not read, keeps the
//! form open with the sentence that says why; nothing is stored then.

use crate::app::effect::Effect;
use crate::app::forms::form::Form;
use crate::app::forms::practice as practice_forms;
use crate::app::popup::Reader;
use crate::app::screen_component::Cx;
use crate::domain::practice::Practice;
use crate::i18n::practice as words;
use crate::i18n::ui::Text;
use crate::ops::practice;

/// Saves the settings form (`first_run` false) or the first run's form.
pub fn save(mut form: Form, first_run: bool, cx: &mut Cx, out: &mut Vec<Effect>) {
    let lang = cx.lang;
    let base = practice::profile(cx.session);
    let profile: Result<Practice, String> = if first_run {
        Ok(practice_forms::first_run_profile(&form, base))
    } else {
        practice_forms::profile_from(&form, base).map_err(|u| u.text().get(lang).to_string())
    };
    let stored = profile.and_then(|p| {
        practice::save(cx.session, p.clone())
            .map(|()| p)
            .map_err(|e| e.message(lang))
    });
    match stored {
        Ok(p) => {
            let said = words::saved(lang);
            out.push(Effect::Refresh);
            // What is still empty, in a receipt: the status line is too
            // short for it.
            out.push(match words::missing_note(lang, &p.missing()) {
                Some(note) => Effect::Read(Reader::new(
                    Text::FormPractice.get(lang),
                    format!("{said}\n\n{note}"),
                )),
                None => Effect::Say(said.to_string()),
            });
        }
        Err(problem) => {
            form.problem = Some(problem);
            out.push(Effect::Form(form));
        }
    }
}
