//! The forms of the Breaches screen: a new or edited breach, the small
//! forms of the steps that need text (the action plan, the AP decision, the
//! decision about the people affected), the assessment questions and the
//! path of the notification draft. Reading the values back is here too;
//! the rules stay in `ops::breach`.

use super::form::{Field, FieldKind, Form};
use super::purpose::{BreachForm, FormPurpose};
use crate::domain::Id;
use crate::domain::breach::{At, Breach, NotificationKind};
use crate::domain::breach_assessment::Answers;
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::ops::breach::{self, Details, QUESTIONS, QuestionKind};
use chrono::{DateTime, NaiveDateTime, TimeZone};
use serde_json::{Map, Value};
use strum::VariantArray;

/// Field positions of the new and edit forms (the edit form has all).
pub mod details {
    pub const TITLE: usize = 0;
    pub const DISCOVERED: usize = 1;
    pub const DESCRIPTION: usize = 2;
    pub const CAUSE: usize = 3;
    pub const CATEGORIES: usize = 4;
    pub const PEOPLE: usize = 5;
    pub const RECORDS: usize = 6;
    pub const ACTION_PLAN: usize = 7;
    pub const AP_REFERENCE: usize = 8;
    pub const INFORMED_HOW: usize = 9;
    pub const CONTACT: usize = 10;
    pub const MEASURES: usize = 11;
    pub const CONSEQUENCES: usize = 12;
    pub const DELAY: usize = 13;
    // The further questions of the AP's form (DESIGN.md §13.3).
    pub const NOTIFICATION: usize = 14;
    pub const EARLIER_REFERENCE: usize = 15;
    pub const PROCESSOR_INVOLVED: usize = 16;
    pub const PROCESSOR: usize = 17;
    pub const STARTED: usize = 18;
    pub const ENDED: usize = 19;
    pub const ONGOING: usize = 20;
    pub const NATURE: usize = 21;
    pub const SPECIAL: usize = 22;
    pub const SENSITIVE: usize = 23;
    pub const SUBJECT_CATEGORIES: usize = 24;
    pub const SUBJECTS_MIN: usize = 25;
    pub const SUBJECTS_MAX: usize = 26;
    pub const UNINTELLIGIBLE_HOW: usize = 27;
    pub const DAMAGE: usize = 28;
    pub const INFORM_PLANNED: usize = 29;
    pub const INFORMED_TEXT: usize = 30;
    pub const PUBLIC: usize = 31;
    pub const INTERNATIONAL: usize = 32;
    pub const PREVENTIVE: usize = 33;
    pub const REMARKS: usize = 34;
}

/// Field positions of the two decision forms.
pub mod decision {
    /// `DONE`: it was done; `NOT_DONE`: it is not done, with a reason.
    pub const CHOICE: usize = 0;
    pub const DONE: usize = 0;
    pub const NOT_DONE: usize = 1;
    /// The reference (AP) or how (people); shown when it was done.
    pub const DONE_TEXT: usize = 1;
    /// Why not; shown when it is not done.
    pub const REASON: usize = 2;
}

fn form(title: Text, purpose: BreachForm, fields: Vec<Field>) -> Form {
    Form::new(title, FormPurpose::Breach(purpose), fields)
}

/// A moment as the forms show it: `2027-01-15 09:00` (in its own offset).
pub fn moment_text(at: At) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// A typed moment: `YYYY-MM-DD HH:MM` or `DD-MM-YYYY HH:MM` in the offset of
/// `like`, or a full RFC 3339 moment with its own offset.
pub fn parse_moment(v: &str, like: At) -> Option<At> {
    let v = v.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(v) {
        return Some(at);
    }
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%d-%m-%Y %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok())
    .and_then(|naive| like.offset().from_local_datetime(&naive).single())
}

/// An optional approximate count: empty is `None`.
pub fn parse_count(v: &str) -> Result<Option<u64>, Text> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| Text::ProblemBadCount)
}

/// Categories typed with commas between them.
pub fn parse_categories(v: &str) -> Vec<String> {
    v.split(',')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

fn count_text(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn detail_fields(d: &Details) -> Vec<Field> {
    vec![
        Field::text(Text::FieldTitle, &d.title),
        Field::text(Text::FieldDiscoveredAt, &moment_text(d.discovered_at))
            .with_hint(Text::DateTimeHint),
        Field::text(Text::FieldDescription, &d.description).with_hint(Text::OptionalHint),
        Field::text(Text::FieldCause, &d.cause).with_hint(Text::OptionalHint),
        Field::text(Text::FieldCategories, &d.data_categories.join(", "))
            .with_hint(Text::CategoriesHint),
        Field::text(Text::FieldApproxPeople, &count_text(d.approx_people))
            .with_hint(Text::CountHint),
        Field::text(Text::FieldApproxRecords, &count_text(d.approx_records))
            .with_hint(Text::CountHint),
    ]
}

/// A new breach discovered (by default) now.
pub fn new_breach(now: At) -> Form {
    form(
        Text::FormNewBreach,
        BreachForm::New,
        detail_fields(&Details::new(now, "")),
    )
}

/// A pick-list of every value of `T` (their labels in `lang`), those in
/// `chosen` already chosen.
fn pick_list<T: VariantArray + PartialEq>(
    label: Text,
    chosen: &[T],
    name: fn(&T, Lang) -> &'static str,
    lang: Lang,
) -> Field {
    let options = T::VARIANTS
        .iter()
        .map(|v| name(v, lang).to_string())
        .collect();
    let at: Vec<usize> = T::VARIANTS
        .iter()
        .enumerate()
        .filter(|(_, v)| chosen.contains(v))
        .map(|(i, _)| i)
        .collect();
    Field::several(label, options, &at)
}

/// The values chosen in a pick-list of every value of `T`.
fn picked<T: VariantArray + Copy>(field: &Field) -> Vec<T> {
    field
        .chosen_options()
        .into_iter()
        .filter_map(|i| T::VARIANTS.get(i).copied())
        .collect()
}

/// Every text of breach `b`, including those of the notification draft;
/// the lists of the AP's form are pick-lists in `lang`.
pub fn edit_breach(id: Id, b: &Breach, lang: Lang) -> Form {
    let d = Details::of(b);
    let mut fields = detail_fields(&d);
    let optional = |label, value: &str| Field::text(label, value).with_hint(Text::OptionalHint);
    fields.extend([
        optional(Text::FieldActionPlan, &d.action_plan),
        optional(Text::FieldApReference, &d.ap_reference),
        optional(Text::FieldInformedHow, &d.people_informed_how),
        optional(Text::FieldContactPerson, &d.notes.contact_person),
        optional(Text::FieldMeasures, &d.notes.measures_taken),
        optional(Text::FieldConsequences, &d.notes.likely_consequences),
        optional(Text::FieldDelayReason, &d.notes.delay_reason),
    ]);
    let f = &d.form;
    let moment = |label, at: Option<At>| {
        Field::text(label, &at.map(moment_text).unwrap_or_default()).with_hint(Text::DateTimeHint)
    };
    fields.extend([
        choice_at(
            Field::choice(
                Text::FieldNotification,
                vec![Text::ChoiceNewNotification, Text::ChoiceFollowUp],
            ),
            usize::from(f.notification == NotificationKind::FollowUp),
        ),
        optional(Text::FieldEarlierReference, &f.earlier_reference),
        yes_no_unanswered(Text::FieldProcessorInvolved, f.processor_involved),
        optional(Text::FieldProcessor, &f.processor),
        moment(Text::FieldStartedAt, d.timeline.started_at),
        moment(Text::FieldEndedAt, d.timeline.ended_at),
        yes_no_unanswered(Text::FieldOngoing, d.timeline.ongoing),
        pick_list(Text::FieldNature, &f.nature, |v, l| v.label(l), lang),
        pick_list(
            Text::FieldSpecialCategories,
            &f.special_categories,
            |v, l| v.label(l),
            lang,
        ),
        pick_list(
            Text::FieldSensitiveData,
            &f.sensitive_data,
            |v, l| v.label(l),
            lang,
        ),
        pick_list(
            Text::FieldSubjectCategories,
            &f.subject_categories,
            |v, l| v.label(l),
            lang,
        ),
        Field::text(Text::FieldSubjectsMin, &count_text(f.subjects_min)).with_hint(Text::CountHint),
        Field::text(Text::FieldSubjectsMax, &count_text(f.subjects_max)).with_hint(Text::CountHint),
        optional(Text::FieldUnintelligibleHow, &f.unintelligible_how),
        pick_list(Text::FieldDamage, &f.damage, |v, l| v.label(l), lang),
        moment(Text::FieldInformPlanned, f.inform_planned_at),
        optional(Text::FieldInformedText, &f.informed_text),
        optional(Text::FieldPublicCommunication, &f.public_communication),
        optional(Text::FieldInternational, &f.international),
        optional(Text::FieldPreventive, &f.preventive_measures),
        optional(Text::FieldRemarks, &f.remarks),
    ]);
    form(Text::FormEditBreach, BreachForm::Edit(id), fields)
}

/// A yes/no question that may be unanswered (`?`, yes, no).
fn yes_no_unanswered(label: Text, v: Option<bool>) -> Field {
    let at = match v {
        None => 0,
        Some(true) => 1,
        Some(false) => 2,
    };
    choice_at(
        Field::choice(
            label,
            vec![Text::Unanswered, Text::ChoiceYes, Text::ChoiceNo],
        ),
        at,
    )
}

fn answered(index: usize) -> Option<bool> {
    match index {
        1 => Some(true),
        2 => Some(false),
        _ => None,
    }
}

/// An optional moment: empty is `None`.
fn parse_optional_moment(v: &str, like: At) -> Result<Option<At>, Text> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    parse_moment(v, like)
        .map(Some)
        .ok_or(Text::ProblemBadMoment)
}

/// The values of a new or edit form over `base`. The discovery moment is
/// kept exactly (offset and seconds) while it still reads as it was
/// prefilled, in whichever date style.
pub fn details_from(form: &Form, mut d: Details) -> Result<Details, Text> {
    use details::*;
    let at = d.discovered_at;
    let typed = parse_moment(form.value(DISCOVERED), at).ok_or(Text::ProblemBadMoment)?;
    if Some(typed) != parse_moment(&moment_text(at), at) {
        d.discovered_at = typed;
    }
    d.title = form.value(TITLE).to_string();
    d.description = form.value(DESCRIPTION).trim().to_string();
    d.cause = form.value(CAUSE).trim().to_string();
    d.data_categories = parse_categories(form.value(CATEGORIES));
    d.approx_people = parse_count(form.value(PEOPLE))?;
    d.approx_records = parse_count(form.value(RECORDS))?;
    if form.fields.len() > DELAY {
        let text = |i: usize| form.value(i).trim().to_string();
        d.action_plan = text(ACTION_PLAN);
        d.ap_reference = text(AP_REFERENCE);
        d.people_informed_how = text(INFORMED_HOW);
        d.notes.contact_person = text(CONTACT);
        d.notes.measures_taken = text(MEASURES);
        d.notes.likely_consequences = text(CONSEQUENCES);
        d.notes.delay_reason = text(DELAY);
    }
    if form.fields.len() > REMARKS {
        let text = |i: usize| form.value(i).trim().to_string();
        let like = d.discovered_at;
        let f = &mut d.form;
        f.notification = if form.field(NOTIFICATION).choice_index() == 1 {
            NotificationKind::FollowUp
        } else {
            NotificationKind::New
        };
        f.earlier_reference = text(EARLIER_REFERENCE);
        f.processor_involved = answered(form.field(PROCESSOR_INVOLVED).choice_index());
        f.processor = text(PROCESSOR);
        d.timeline.started_at = parse_optional_moment(form.value(STARTED), like)?;
        d.timeline.ended_at = parse_optional_moment(form.value(ENDED), like)?;
        d.timeline.ongoing = answered(form.field(ONGOING).choice_index());
        f.nature = picked(form.field(NATURE));
        f.special_categories = picked(form.field(SPECIAL));
        f.sensitive_data = picked(form.field(SENSITIVE));
        f.subject_categories = picked(form.field(SUBJECT_CATEGORIES));
        f.subjects_min = parse_count(form.value(SUBJECTS_MIN))?;
        f.subjects_max = parse_count(form.value(SUBJECTS_MAX))?;
        f.unintelligible_how = text(UNINTELLIGIBLE_HOW);
        f.damage = picked(form.field(DAMAGE));
        f.inform_planned_at = parse_optional_moment(form.value(INFORM_PLANNED), like)?;
        f.informed_text = text(INFORMED_TEXT);
        f.public_communication = text(PUBLIC);
        f.international = text(INTERNATIONAL);
        f.preventive_measures = text(PREVENTIVE);
        f.remarks = text(REMARKS);
    }
    Ok(d)
}

pub fn action_plan(id: Id, plan: &str) -> Form {
    form(
        Text::FormActionPlan,
        BreachForm::ActionPlan(id),
        vec![Field::text(Text::FieldActionPlan, plan)],
    )
}

fn choice_at(mut f: Field, at: usize) -> Field {
    if let FieldKind::Choice { index, options } = &mut f.kind {
        *index = at.min(options.len().saturating_sub(1));
    }
    f
}

/// The AP decision; `recommended` preselects what the assessment advises.
pub fn authority(id: Id, b: &Breach, recommended: Option<bool>) -> Form {
    let choice = Field::choice(
        Text::FieldDecision,
        vec![Text::ChoiceNotified, Text::ChoiceNotNotified],
    );
    form(
        Text::FormAuthority,
        BreachForm::Authority(id),
        vec![
            choice_at(choice, usize::from(recommended == Some(false))),
            Field::text(Text::FieldApReference, &b.checklist.ap_reference)
                .with_hint(Text::OptionalHint)
                .shown_when(decision::CHOICE, decision::DONE),
            Field::text(Text::FieldReason, "").shown_when(decision::CHOICE, decision::NOT_DONE),
        ],
    )
}

/// The decision about the people affected.
pub fn people(id: Id, b: &Breach, recommended: Option<bool>) -> Form {
    let choice = Field::choice(
        Text::FieldDecision,
        vec![Text::ChoiceInformed, Text::ChoiceNotInformed],
    );
    form(
        Text::FormPeople,
        BreachForm::People(id),
        vec![
            choice_at(choice, usize::from(recommended == Some(false))),
            Field::text(Text::FieldInformedHow, &b.checklist.people_informed_how)
                .shown_when(decision::CHOICE, decision::DONE),
            Field::text(Text::FieldReason, "").shown_when(decision::CHOICE, decision::NOT_DONE),
        ],
    )
}

/// The short label of a question in the form (the full question is shown
/// under the fields).
pub fn question_label(field: &str) -> Text {
    match field {
        "confidentiality" => Text::QConfidentiality,
        "integrity" => Text::QIntegrity,
        "availability" => Text::QAvailability,
        "unavailable_for" => Text::QUnavailableFor,
        "unintelligible" => Text::QUnintelligible,
        "recipient_trusted" => Text::QRecipientTrusted,
        "special_categories" => Text::QSpecialCategories,
        "subjects" => Text::QSubjects,
        "identifiable" => Text::QIdentifiable,
        _ => Text::QConsequences,
    }
}

/// The questions of `QUESTIONS`, one field each and in that order. A yes/no
/// or choice starts unanswered (`?`) unless the breach was assessed before;
/// the number of people starts from the breach's estimate.
pub fn assessment(id: Id, b: &Breach, lang: Lang) -> Form {
    let recorded = b.assessment.as_ref().map(breach::answer_values);
    let fields = QUESTIONS
        .iter()
        .map(|q| {
            let label = question_label(q.field);
            let value = recorded.as_ref().and_then(|m| m.get(q.field));
            match q.kind {
                QuestionKind::Count => {
                    let n = match value {
                        Some(Value::Number(n)) => n.to_string(),
                        _ => count_text(b.approx_people),
                    };
                    Field::text(label, &n)
                }
                QuestionKind::YesNo => {
                    let options = [Text::Unanswered, Text::ChoiceYes, Text::ChoiceNo]
                        .map(|t| t.get(lang).to_string())
                        .to_vec();
                    let at = match value {
                        Some(Value::Bool(true)) => 1,
                        Some(Value::Bool(false)) => 2,
                        _ => 0,
                    };
                    names_at(Field::names(label, options), at)
                }
                QuestionKind::Choice(values) => {
                    let mut options = vec![Text::Unanswered.get(lang).to_string()];
                    options.extend(values.iter().map(|v| {
                        breach::choice_label(q.field, v, lang)
                            .unwrap_or(v)
                            .to_string()
                    }));
                    let at = match value {
                        Some(Value::String(s)) => {
                            values.iter().position(|v| v == s).map_or(0, |p| p + 1)
                        }
                        _ => 0,
                    };
                    names_at(Field::names(label, options), at)
                }
            }
        })
        .collect();
    form(Text::FormAssessment, BreachForm::Assess(id), fields)
}

fn names_at(mut f: Field, at: usize) -> Field {
    if let FieldKind::Names { index, options } = &mut f.kind {
        *index = at.min(options.len().saturating_sub(1));
    }
    f
}

/// What keeps the assessment form from giving answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersProblem {
    /// These questions (their short labels) are still unanswered.
    Unanswered(Vec<Text>),
    BadCount,
}

impl AnswersProblem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            AnswersProblem::Unanswered(open) => {
                let names: Vec<&str> = open.iter().map(|t| t.get(lang)).collect();
                crate::i18n::ui::answer_every_question(lang, &names.join(", "))
            }
            AnswersProblem::BadCount => Text::ProblemBadCount.get(lang).to_string(),
        }
    }
}

/// The answers of an assessment form, checked like `kluis breach assess`.
pub fn answers(form: &Form) -> Result<Answers, AnswersProblem> {
    let mut values = Map::new();
    let mut open = Vec::new();
    for (q, f) in QUESTIONS.iter().zip(&form.fields) {
        let value = match q.kind {
            QuestionKind::Count => match f.value().trim().parse::<u64>() {
                Ok(n) => Some(Value::from(n)),
                Err(_) if f.value().trim().is_empty() => None,
                Err(_) => return Err(AnswersProblem::BadCount),
            },
            QuestionKind::YesNo => match f.choice_index() {
                1 => Some(Value::Bool(true)),
                2 => Some(Value::Bool(false)),
                _ => None,
            },
            QuestionKind::Choice(vals) => f
                .choice_index()
                .checked_sub(1)
                .and_then(|i| vals.get(i))
                .map(|v| Value::String((*v).to_string())),
        };
        match value {
            Some(v) => {
                values.insert(q.field.to_string(), v);
            }
            None => open.push(question_label(q.field)),
        }
    }
    if !open.is_empty() {
        return Err(AnswersProblem::Unanswered(open));
    }
    breach::answers_from_values(&values).map_err(|_| AnswersProblem::BadCount)
}

/// Where the notification draft goes; the file name is suggested.
pub fn export(id: Id, lang: Lang) -> Form {
    let name = breach::report_file_name(&id, lang);
    form(
        Text::FormExportDraft,
        BreachForm::Export(id),
        vec![Field::text(Text::FieldPath, &name)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::app::component::Component;
    use crate::domain::breach_assessment::{Consequences, Unavailable};

    fn at(s: &str) -> At {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn moments_read_in_the_offset_of_the_clock() {
        let now = at("2027-01-15T09:00:00+01:00");
        assert_eq!(moment_text(now), "2027-01-15 09:00");
        assert_eq!(
            parse_moment("2027-01-14 22:30", now),
            Some(at("2027-01-14T22:30:00+01:00"))
        );
        assert_eq!(
            parse_moment("2027-01-14T21:30:00Z", now),
            Some(at("2027-01-14T21:30:00Z"))
        );
        assert_eq!(
            parse_moment("14-01-2027 22:30", now),
            Some(at("2027-01-14T22:30:00+01:00"))
        );
        assert_eq!(parse_moment("14-01-2027", now), None);
        assert_eq!(parse_count(" 12 "), Ok(Some(12)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("-1"), Err(Text::ProblemBadCount));
        assert_eq!(parse_categories("a, ,b ,"), vec!["a", "b"]);
    }

    #[test]
    fn the_edit_form_round_trips_every_question_of_the_ap_form() {
        use crate::app::input::TextInput;
        use crate::domain::breach::{
            Damage, Nature, SensitiveData, SpecialCategory, SubjectCategory,
        };
        let mut b = Breach::new(at("2027-01-15T09:00:00+01:00"), "t");
        let f = &mut b.form;
        f.notification = NotificationKind::FollowUp;
        f.earlier_reference = "AP-1".into();
        f.processor_involved = Some(true);
        f.processor = "Laposta".into();
        f.nature = vec![Nature::Read, Nature::Stolen];
        f.special_categories = vec![SpecialCategory::Health];
        f.sensitive_data = vec![SensitiveData::CoachingContent];
        f.subject_categories = vec![SubjectCategory::Participants];
        f.subjects_min = Some(3);
        f.subjects_max = Some(9);
        f.unintelligible_how = "AES".into();
        f.damage = vec![Damage::Immaterial];
        f.inform_planned_at = Some(at("2027-01-16T10:00:00+01:00"));
        f.informed_text = "Beste".into();
        f.public_communication = "Website".into();
        f.international = "België".into();
        f.preventive_measures = "Versleutelen".into();
        f.remarks = "Aangifte".into();
        b.timeline.started_at = Some(at("2027-01-14T22:00:00+01:00"));
        b.timeline.ongoing = Some(false);
        let id = Id::parse("0123456789abcdef").unwrap();
        let mut form = edit_breach(id, &b, Lang::En);
        assert_eq!(
            form.field(details::NATURE).chosen_names(),
            ["reading (seen)", "theft"]
        );
        let back = details_from(&form, Details::of(&b)).unwrap();
        assert_eq!(back.form, *b.form);
        assert_eq!(back.timeline, b.timeline);

        // Picked anew with the keys' actions (the options in the order of
        // the enum: read, copied, altered, deleted, destroyed, stolen,
        // lost, other), and an unanswered question.
        let pick = |form: &mut Form, field: usize, steps: &[usize]| {
            form.focus = field;
            for n in steps {
                for _ in 0..*n {
                    form.handle(&Action::NextChoice);
                }
                form.handle(&Action::TogglePick);
            }
        };
        pick(&mut form, details::NATURE, &[0, 3, 2, 1]);
        pick(&mut form, details::DAMAGE, &[1]);
        assert!(form.changed);
        form.fields[details::ENDED].input = TextInput::with("2027-01-15 08:00");
        form.fields[details::ONGOING].kind = yes_no_unanswered(Text::FieldOngoing, None).kind;
        let back = details_from(&form, Details::of(&b)).unwrap();
        assert_eq!(back.form.nature, [Nature::Deleted, Nature::Lost]);
        assert_eq!(back.form.damage, [Damage::Material, Damage::Immaterial]);
        assert_eq!(
            back.timeline.ended_at,
            Some(at("2027-01-15T08:00:00+01:00"))
        );
        assert_eq!(back.timeline.ongoing, None);
    }

    #[test]
    fn every_question_has_its_own_label() {
        let labels: Vec<Text> = QUESTIONS.iter().map(|q| question_label(q.field)).collect();
        for (i, l) in labels.iter().enumerate() {
            assert!(!labels[i + 1..].contains(l), "{l:?} twice");
        }
    }

    #[test]
    fn the_assessment_form_round_trips_recorded_answers() {
        let mut b = Breach::new(at("2027-01-15T09:00:00+01:00"), "t");
        b.approx_people = Some(7);
        let id = Id::parse("0123456789abcdef").unwrap();
        let fresh = assessment(id.clone(), &b, Lang::En);
        assert_eq!(fresh.value(7), "7");
        match answers(&fresh) {
            Err(AnswersProblem::Unanswered(open)) => assert_eq!(open.len(), 9),
            other => panic!("{other:?}"),
        }
        let a = Answers {
            confidentiality: true,
            integrity: false,
            availability: true,
            unavailable_for: Unavailable::Days,
            unintelligible: false,
            recipient_trusted: false,
            special_categories: true,
            subjects: 30,
            identifiable: true,
            consequences: Consequences::Significant,
        };
        b.assessment = Some(a);
        let filled = assessment(id, &b, Lang::Nl);
        assert_eq!(answers(&filled), Ok(a));
    }
}
