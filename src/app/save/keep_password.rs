//! Closing a generated team-report password shown once: its last group
//! typed back (case, dashes and spaces do not matter, as the generated
//! alphabet has one case), or the password saved to a new file readable by
//! the coach only. Anything else keeps it on screen and says why.

use crate::app::effect::Effect;
use crate::app::forms::form::Form;
use crate::app::forms::records::keep_password::{LAST_GROUP, SAVE_TO};
use crate::app::screen_component::Cx;
use crate::domain::text;
use crate::i18n::ui::{self, Text};
use crate::ops::files::{self, WriteError};
use zeroize::Zeroizing;

pub fn save(mut form: Form, password: &str, cx: &mut Cx, out: &mut Vec<Effect>) {
    let lang = cx.lang;
    let typed = form.value(LAST_GROUP).trim();
    let problem = if !typed.is_empty() {
        if is_last_group(typed, password) {
            return out.push(cx.say(Text::PasswordKept));
        }
        Text::LastGroupWrong.get(lang).to_string()
    } else if let Some(path) = form.path(SAVE_TO) {
        let line = Zeroizing::new(format!("{password}\n"));
        match files::write_private(&path, line.as_bytes(), false) {
            Ok(()) => {
                let shown = text::escaped(&path.to_string_lossy()).into_owned();
                return out.push(Effect::Say(ui::password_saved(lang, &shown)));
            }
            Err(WriteError::Exists) => Text::FileExistsChooseNew.get(lang).to_string(),
            Err(WriteError::Io(why)) => ui::write_failed(lang, &why),
        }
    } else {
        Text::KeepPasswordFirst.get(lang).to_string()
    };
    form.problem = Some(problem);
    out.push(Effect::Form(form));
}

/// Whether `typed` is the last group of `password`, in any case and with
/// or without dashes and spaces.
fn is_last_group(typed: &str, password: &str) -> bool {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let last = password.rsplit('-').next().unwrap_or(password);
    !last.is_empty() && plain(typed) == plain(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_group_counts_in_any_case_with_or_without_dashes() {
        let p = "abcde-fghjk-mnpqr-stuvw-xyz23";
        assert!(is_last_group("xyz23", p));
        assert!(is_last_group(" XYZ23 ", p));
        assert!(is_last_group("-xyz-23", p));
        assert!(!is_last_group("stuvw", p));
        assert!(!is_last_group("xyz2", p));
    }
}
