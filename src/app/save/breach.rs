//! Saving the forms of the Breaches screen through `ops::breach`, at the
//! session clock's now (the app moves that clock to the moment of the key
//! first). A problem keeps the form open with the problem shown.

use crate::app::confirmed::Confirmed;
use crate::app::effect::Effect;
use crate::app::forms::breach::{self as breach_forms, decision};
use crate::app::forms::form::Form;
use crate::app::forms::purpose::BreachForm;
use crate::app::popup::Confirm;
use crate::app::screen_component::Cx;
use crate::domain::breach::ChecklistStep;
use crate::domain::{Id, Kind};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, dates};
use crate::ops::breach::{self, AuthorityDecision, BreachError, Details, PeopleDecision};
use crate::ops::vault_words;

/// The sentence for a refused breach operation: never entered content.
pub fn breach_error_text(lang: Lang, e: &BreachError) -> String {
    match e {
        BreachError::CannotClose(steps) => {
            let names: Vec<&str> = steps.iter().map(|s| s.label(lang)).collect();
            ui::close_needs(lang, &names.join(", "))
        }
        BreachError::NeedsReason(_) => Text::ProblemReasonRequired.get(lang).to_string(),
        BreachError::NotAssessed => Text::NotAssessedHint.get(lang).to_string(),
        BreachError::Vault(v) => vault_words::vault_failed(lang, v),
        e => e.message(lang),
    }
}

/// A form's outcome: a message, or the problem to show in the form.
type Outcome = Result<String, String>;

/// Saves a breach form taken from the top of the stack. `overwrite` is set
/// after the coach confirmed replacing the notification draft's file.
pub fn save(
    mut form: Form,
    purpose: &BreachForm,
    overwrite: bool,
    cx: &mut Cx,
    out: &mut Vec<Effect>,
) {
    let mut fx = vec![Effect::Refresh];
    let outcome = match purpose {
        BreachForm::Export(id) => return export_draft(form, id, overwrite, cx, out),
        BreachForm::New => save_new_breach(&form, cx, &mut fx),
        BreachForm::Edit(id) => save_edited_breach(&form, id, cx),
        BreachForm::ActionPlan(id) => save_action_plan(&form, id, cx),
        BreachForm::Authority(id) => save_authority(&form, id, cx),
        BreachForm::People(id) => save_people(&form, id, cx),
        BreachForm::Assess(id) => save_assessment(&form, id, cx),
    };
    match outcome {
        Ok(message) => {
            out.extend(fx);
            out.push(Effect::Say(message));
        }
        Err(problem) => {
            form.problem = Some(problem);
            out.push(Effect::Form(form));
        }
    }
}

fn save_new_breach(form: &Form, cx: &mut Cx, fx: &mut Vec<Effect>) -> Outcome {
    let lang = cx.lang;
    let base = Details::new(cx.session.clock.now, "");
    let d = breach_forms::details_from(form, base).map_err(|t| t.get(lang).to_string())?;
    let id = breach::create(cx.session, d).map_err(|e| breach_error_text(lang, &e))?;
    let deadline = cx
        .session
        .data
        .breaches
        .get(&id)
        .map(|b| dates::moment(lang, b.notify_deadline()))
        .unwrap_or_default();
    fx.push(Effect::Open(Kind::Breach, id));
    Ok(ui::breach_registered(lang, &deadline))
}

fn save_edited_breach(form: &Form, id: &Id, cx: &mut Cx) -> Outcome {
    let lang = cx.lang;
    let b = breach::get(cx.session, id).map_err(|e| breach_error_text(lang, &e))?;
    let d =
        breach_forms::details_from(form, Details::of(b)).map_err(|t| t.get(lang).to_string())?;
    breach::update(cx.session, id, d).map_err(|e| breach_error_text(lang, &e))?;
    Ok(Text::Saved.get(lang).to_string())
}

fn save_action_plan(form: &Form, id: &Id, cx: &mut Cx) -> Outcome {
    let lang = cx.lang;
    let plan = form.value(0).trim();
    if plan.is_empty() {
        return Err(Text::ProblemActionPlanRequired.get(lang).to_string());
    }
    let err = |e: BreachError| breach_error_text(lang, &e);
    let mut d = Details::of(breach::get(cx.session, id).map_err(err)?);
    d.action_plan = plan.to_string();
    breach::update(cx.session, id, d).map_err(err)?;
    let step = ChecklistStep::ActionPlanMade;
    breach::tick(cx.session, id, step).map_err(err)?;
    let at = dates::moment(lang, cx.session.clock.now);
    Ok(ui::step_ticked(lang, step.label(lang), &at))
}

fn save_authority(form: &Form, id: &Id, cx: &mut Cx) -> Outcome {
    let d = if form.field(decision::CHOICE).choice_index() == decision::DONE {
        AuthorityDecision::Notified {
            reference: form.value(decision::DONE_TEXT).to_string(),
        }
    } else {
        AuthorityDecision::NotNotified {
            reason: form.value(decision::REASON).to_string(),
        }
    };
    breach::decide_authority(cx.session, id, d).map_err(|e| breach_error_text(cx.lang, &e))?;
    Ok(Text::DecisionSaved.get(cx.lang).to_string())
}

fn save_people(form: &Form, id: &Id, cx: &mut Cx) -> Outcome {
    let d = if form.field(decision::CHOICE).choice_index() == decision::DONE {
        PeopleDecision::Informed {
            how: form.value(decision::DONE_TEXT).to_string(),
        }
    } else {
        PeopleDecision::NotInformed {
            reason: form.value(decision::REASON).to_string(),
        }
    };
    breach::decide_people(cx.session, id, d).map_err(|e| breach_error_text(cx.lang, &e))?;
    Ok(Text::DecisionSaved.get(cx.lang).to_string())
}

fn save_assessment(form: &Form, id: &Id, cx: &mut Cx) -> Outcome {
    let lang = cx.lang;
    let answers = breach_forms::answers(form).map_err(|p| p.text(lang))?;
    let a = breach::record_assessment(cx.session, id, answers)
        .map_err(|e| breach_error_text(lang, &e))?;
    Ok(format!(
        "{} {}.",
        Text::AssessmentSaved.get(lang),
        a.risk.label(lang)
    ))
}

/// Writes the draft (0600); an existing file is replaced only after a
/// confirmation, with the form kept below it.
fn export_draft(mut form: Form, id: &Id, overwrite: bool, cx: &mut Cx, out: &mut Vec<Effect>) {
    let lang = cx.lang;
    let Some(path) = form.path(0) else {
        form.problem = Some(Text::ProblemPathRequired.get(lang).to_string());
        return out.push(Effect::Form(form));
    };
    match breach::export_report(cx.session, id, lang, &path, overwrite) {
        Ok(()) => {
            let said = ui::draft_written(lang, &path.display().to_string());
            // The draft names the practice: say what it still lacks, in a
            // receipt (the status line is too short for it).
            let profile = crate::ops::practice::profile(cx.session);
            out.push(
                match crate::i18n::practice::missing_note(lang, &profile.missing()) {
                    Some(note) => Effect::Read(crate::app::popup::Reader::new(
                        Text::DraftWrittenTitle.get(lang),
                        format!("{said}\n\n{note}"),
                    )),
                    None => Effect::Say(said),
                },
            );
        }
        Err(BreachError::FileExists(_)) => {
            form.problem = None;
            out.push(Effect::Form(form));
            out.push(Effect::Ask(Confirm {
                title: Text::ConfirmOverwriteTitle.get(lang).into(),
                lines: vec![ui::overwrite_question(lang, &path.display().to_string())],
                on_yes: Confirmed::OverwriteFile,
            }));
        }
        Err(e) => {
            form.problem = Some(breach_error_text(lang, &e));
            out.push(Effect::Form(form));
        }
    }
}
