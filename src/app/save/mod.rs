//! Saving the form taken from the top of the popup stack, by what it is for:
//! the record forms, the breach forms, the rights forms and the corrections
//! each have their own file. Saving answers with effects (a message, the form back with its
//! problem, a question first) like a screen's action does.

pub mod backup;
pub mod breach;
pub mod corrections;
pub mod files;
pub mod keep_password;
pub mod practice;
pub mod records;
pub mod rights;

use super::effect::Effect;
use super::forms::form::Form;
use super::forms::purpose::FormPurpose;
use super::screen_component::Cx;

/// What the coach allowed in a confirmation before this save.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allowed {
    /// The weak team-report password they chose.
    pub weak_password: bool,
    /// Replacing the file that exists already.
    pub overwrite: bool,
    /// A second person with an e-mail address another person has.
    pub shared_email: bool,
}

pub fn save(form: Form, allowed: Allowed, cx: &mut Cx, out: &mut Vec<Effect>) {
    match form.purpose.clone() {
        FormPurpose::Breach(purpose) => breach::save(form, &purpose, allowed.overwrite, cx, out),
        FormPurpose::Rights(purpose) => rights::save(form, &purpose, allowed.overwrite, cx, out),
        FormPurpose::Correct(purpose) => corrections::save(form, &purpose, cx, out),
        FormPurpose::Files(purpose) => files::save(form, &purpose, allowed.overwrite, cx, out),
        FormPurpose::KeepPassword(password) => keep_password::save(form, &password, cx, out),
        FormPurpose::Backup => backup::save(form, allowed.overwrite, cx, out),
        FormPurpose::Practice => practice::save(form, false, cx, out),
        FormPurpose::PracticeFirstRun => practice::save(form, true, cx, out),
        _ => records::save(form, allowed, cx, out),
    }
}
