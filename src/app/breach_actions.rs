//! What the keys of the Breaches screen do — open, new, edit, export, tick
//! and undo checklist steps, the assessment — and saving its forms. Every
//! change goes through `ops::breach`, at the session clock's now (the app
//! moves that clock to the moment of the key first).

use super::action::Action;
use super::forms::breach::{self as breach_forms, decision, moment_text};
use super::forms::form::Form;
use super::forms::purpose::{BreachForm, FormPurpose};
use super::popup::{Confirm, Popup};
use super::workspace::Workspace;
use crate::domain::Id;
use crate::domain::breach::ChecklistStep;
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::breach::{self, AuthorityDecision, BreachError, Details, PeopleDecision};
use crate::ops::vault_words;
use std::path::Path;

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

impl Workspace {
    /// Carries out an action of the Breaches screen; false when the action
    /// is not one of its own (moving between screens, help).
    pub(super) fn breach_action(&mut self, action: &Action, lang: Lang) -> bool {
        match action {
            Action::Open => self.breach_open(lang),
            Action::New => {
                let form = breach_forms::new_breach(self.session.clock.now);
                self.push(Popup::Form(form));
            }
            Action::Edit => {
                if let Some((id, b)) = self.selected_breach(lang) {
                    let form = breach_forms::edit_breach(id, b);
                    self.push(Popup::Form(form));
                }
            }
            Action::Export => {
                if let Some((id, _)) = self.selected_breach(lang) {
                    self.push(Popup::Form(breach_forms::export(id, lang)));
                }
            }
            Action::Assess => {
                if let Some((id, b)) = self.selected_breach(lang) {
                    let form = breach_forms::assessment(id, b, lang);
                    self.push(Popup::Form(form));
                }
            }
            Action::Tick => self.breach_tick(lang),
            Action::Untick => self.breach_ask_untick(lang),
            _ => return false,
        }
        true
    }

    /// The breach open or under the cursor; says so when there is none.
    fn selected_breach(&mut self, lang: Lang) -> Option<(Id, &crate::domain::breach::Breach)> {
        let id = self.breaches.selected_id().cloned();
        let found = id.and_then(|id| self.session.data.breaches.get(&id).map(|b| (id, b)));
        if found.is_none() {
            self.message = Some(Text::SelectFirst.get(lang).to_string());
        }
        found
    }

    fn breach_open(&mut self, lang: Lang) {
        match self.breaches.selected_id().cloned() {
            Some(id) => self.breaches.open(&self.session, &id, lang),
            None => self.message = Some(Text::SelectFirst.get(lang).to_string()),
        }
    }

    /// Enter on a step: ticks it now, or opens the form of a step that
    /// needs text (the action plan, the decisions) or answers (the
    /// assessment).
    fn breach_tick(&mut self, lang: Lang) {
        let Some(d) = &self.breaches.detail else {
            return;
        };
        let Some(row) = d.selected().cloned() else {
            return;
        };
        let id = d.id().clone();
        let advice = d.view.recommendation.clone();
        if row.done_at.is_some() {
            self.message = Some(Text::StepAlreadyDone.get(lang).to_string());
            return;
        }
        let Some(b) = self.session.data.breaches.get(&id) else {
            return;
        };
        let form = match row.step {
            ChecklistStep::ActionPlanMade => Some(breach_forms::action_plan(
                id.clone(),
                &b.checklist.action_plan,
            )),
            ChecklistStep::Assessed => Some(breach_forms::assessment(id.clone(), b, lang)),
            ChecklistStep::AuthorityNotified => Some(breach_forms::authority(
                id.clone(),
                b,
                advice.as_ref().map(|a| a.notify_authority),
            )),
            ChecklistStep::PeopleInformed => Some(breach_forms::people(
                id.clone(),
                b,
                advice.as_ref().map(|a| a.inform_subjects),
            )),
            _ => None,
        };
        if let Some(form) = form {
            return self.push(Popup::Form(form));
        }
        let result = breach::tick(&mut self.session, &id, row.step);
        self.message = Some(match result {
            Ok(()) => {
                self.refresh();
                let at = moment_text(self.session.clock.now);
                ui::step_ticked(lang, row.step.label(lang), &at)
            }
            Err(e) => breach_error_text(lang, &e),
        });
    }

    fn breach_ask_untick(&mut self, lang: Lang) {
        let Some(d) = &self.breaches.detail else {
            return;
        };
        let Some(row) = d.selected() else {
            return;
        };
        let Some(at) = row.done_at else {
            self.message = Some(Text::StepNotDone.get(lang).to_string());
            return;
        };
        let confirm = Confirm {
            title: Text::ConfirmUntickTitle.get(lang).into(),
            lines: vec![ui::untick_question(
                lang,
                row.step.label(lang),
                &moment_text(at),
            )],
            on_yes: Action::UndoStep(d.id().clone(), row.step),
        };
        self.push(Popup::Confirm(confirm));
    }

    pub(super) fn breach_undo(&mut self, id: &Id, step: ChecklistStep, lang: Lang) {
        self.message = Some(match breach::untick(&mut self.session, id, step) {
            Ok(()) => {
                self.refresh();
                Text::StepUndone.get(lang).to_string()
            }
            Err(e) => breach_error_text(lang, &e),
        });
    }

    /// Writes the draft over an existing file (the coach confirmed), and
    /// closes the export form below the confirmation.
    pub(super) fn breach_overwrite(&mut self, id: &Id, path: &Path, lang: Lang) {
        match breach::export_report(&self.session, id, lang, path, true) {
            Ok(()) => {
                if let Some(Popup::Form(f)) = self.popups.last()
                    && matches!(f.purpose, FormPurpose::Breach(BreachForm::Export(_)))
                {
                    self.popups.pop();
                }
                self.message = Some(ui::draft_written(lang, &path.display().to_string()));
            }
            Err(e) => {
                let problem = breach_error_text(lang, &e);
                match self.popups.last_mut() {
                    Some(Popup::Form(f)) => f.problem = Some(problem),
                    _ => self.message = Some(problem),
                }
            }
        }
    }

    /// Saves a breach form (popped from the stack). A problem puts it back
    /// with the problem shown.
    pub(super) fn submit_breach(&mut self, mut form: Form, purpose: &BreachForm, lang: Lang) {
        let outcome = match purpose {
            BreachForm::Export(id) => return self.export_draft(form, id, lang),
            BreachForm::New => self.save_new_breach(&form, lang),
            BreachForm::Edit(id) => self.save_edited_breach(&form, id, lang),
            BreachForm::ActionPlan(id) => self.save_action_plan(&form, id, lang),
            BreachForm::Authority(id) => self.save_authority(&form, id, lang),
            BreachForm::People(id) => self.save_people(&form, id, lang),
            BreachForm::Assess(id) => self.save_assessment(&form, id, lang),
        };
        match outcome {
            Ok(message) => {
                self.refresh();
                self.message = Some(message);
            }
            Err(problem) => {
                form.problem = Some(problem);
                self.push(Popup::Form(form));
            }
        }
    }

    fn save_new_breach(&mut self, form: &Form, lang: Lang) -> Outcome {
        let base = Details::new(self.session.clock.now, "");
        let d = breach_forms::details_from(form, base).map_err(|t| t.get(lang).to_string())?;
        let id = breach::create(&mut self.session, d).map_err(|e| breach_error_text(lang, &e))?;
        self.breaches.refresh(&self.session);
        self.breaches.open(&self.session, &id, lang);
        let deadline = self
            .session
            .data
            .breaches
            .get(&id)
            .map(|b| moment_text(b.notify_deadline()))
            .unwrap_or_default();
        Ok(ui::breach_registered(lang, &deadline))
    }

    fn save_edited_breach(&mut self, form: &Form, id: &Id, lang: Lang) -> Outcome {
        let b = breach::get(&self.session, id).map_err(|e| breach_error_text(lang, &e))?;
        let d = breach_forms::details_from(form, Details::of(b))
            .map_err(|t| t.get(lang).to_string())?;
        breach::update(&mut self.session, id, d).map_err(|e| breach_error_text(lang, &e))?;
        Ok(Text::Saved.get(lang).to_string())
    }

    fn save_action_plan(&mut self, form: &Form, id: &Id, lang: Lang) -> Outcome {
        let plan = form.value(0).trim();
        if plan.is_empty() {
            return Err(Text::ProblemActionPlanRequired.get(lang).to_string());
        }
        let err = |e: BreachError| breach_error_text(lang, &e);
        let mut d = Details::of(breach::get(&self.session, id).map_err(err)?);
        d.action_plan = plan.to_string();
        breach::update(&mut self.session, id, d).map_err(err)?;
        let step = ChecklistStep::ActionPlanMade;
        breach::tick(&mut self.session, id, step).map_err(err)?;
        let at = moment_text(self.session.clock.now);
        Ok(ui::step_ticked(lang, step.label(lang), &at))
    }

    fn save_authority(&mut self, form: &Form, id: &Id, lang: Lang) -> Outcome {
        let d = if form.field(decision::CHOICE).choice_index() == 0 {
            AuthorityDecision::Notified {
                reference: form.value(decision::DONE_TEXT).to_string(),
            }
        } else {
            AuthorityDecision::NotNotified {
                reason: form.value(decision::REASON).to_string(),
            }
        };
        breach::decide_authority(&mut self.session, id, d)
            .map_err(|e| breach_error_text(lang, &e))?;
        Ok(Text::DecisionSaved.get(lang).to_string())
    }

    fn save_people(&mut self, form: &Form, id: &Id, lang: Lang) -> Outcome {
        let d = if form.field(decision::CHOICE).choice_index() == 0 {
            PeopleDecision::Informed {
                how: form.value(decision::DONE_TEXT).to_string(),
            }
        } else {
            PeopleDecision::NotInformed {
                reason: form.value(decision::REASON).to_string(),
            }
        };
        breach::decide_people(&mut self.session, id, d).map_err(|e| breach_error_text(lang, &e))?;
        Ok(Text::DecisionSaved.get(lang).to_string())
    }

    fn save_assessment(&mut self, form: &Form, id: &Id, lang: Lang) -> Outcome {
        let answers = breach_forms::answers(form).map_err(|p| p.text(lang))?;
        let a = breach::record_assessment(&mut self.session, id, answers)
            .map_err(|e| breach_error_text(lang, &e))?;
        Ok(format!(
            "{} {}.",
            Text::AssessmentSaved.get(lang),
            a.risk.label(lang)
        ))
    }

    /// Writes the draft (0600); an existing file is replaced only after a
    /// confirmation, with the form kept below it.
    fn export_draft(&mut self, mut form: Form, id: &Id, lang: Lang) {
        let Some(path) = form.path(0) else {
            form.problem = Some(Text::ProblemPathRequired.get(lang).to_string());
            return self.push(Popup::Form(form));
        };
        match breach::export_report(&self.session, id, lang, &path, false) {
            Ok(()) => {
                self.message = Some(ui::draft_written(lang, &path.display().to_string()));
            }
            Err(BreachError::FileExists(_)) => {
                form.problem = None;
                self.push(Popup::Form(form));
                self.push(Popup::Confirm(Confirm {
                    title: Text::ConfirmOverwriteTitle.get(lang).into(),
                    lines: vec![ui::overwrite_question(lang, &path.display().to_string())],
                    on_yes: Action::OverwriteReport(id.clone(), path),
                }));
            }
            Err(e) => {
                form.problem = Some(breach_error_text(lang, &e));
                self.push(Popup::Form(form));
            }
        }
    }
}
