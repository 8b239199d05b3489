//! How long each record of an access export is kept, in words and, once
//! known, the day: the periods of the retention table as the privacy
//! statement words them (`practice::period`), the practice's shortenings
//! included.

use super::export::Retention;
use crate::domain::records::Quote;
use crate::domain::retention::{Deadline, Deadlines, Periods, Rule};
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::access_export::Kept;
use crate::i18n::practice::period;
use chrono::NaiveDate;

pub(super) struct Rules<'a> {
    t: Lang,
    /// The practice's periods (the table, shortened where its profile says).
    periods: Periods,
    deadlines: &'a Deadlines,
}

/// The rule of a record whose clock starts when its trajectory ends.
fn completion_rule(kind: Kind) -> Rule {
    match kind {
        Kind::IndividualReport => Rule::IndividualReport,
        Kind::QuestionnaireResult => Rule::QuestionnaireResult,
        _ => Rule::Trajectory,
    }
}

impl<'a> Rules<'a> {
    pub(super) fn new(t: Lang, periods: Periods, deadlines: &'a Deadlines) -> Rules<'a> {
        Rules {
            t,
            periods,
            deadlines,
        }
    }

    fn deadline(&self, kind: Kind, id: &Id) -> Option<NaiveDate> {
        self.deadlines
            .get(&(kind, id.clone()))
            .and_then(|d| d.date())
    }

    /// The period of `rule` as the privacy statement words it, with a note
    /// when its clock has not started.
    pub(super) fn period(&self, kind: Kind, id: &Id, rule: Rule, started: bool) -> Retention {
        let t = self.t;
        let mut rule = period(t, rule, self.periods.months(rule));
        if !started {
            rule.push_str(Kept::NotStarted.get(t));
        }
        Retention {
            rule,
            deadline: self.deadline(kind, id),
        }
    }

    pub(super) fn after_completion(&self, kind: Kind, id: &Id, completed: bool) -> Retention {
        self.period(kind, id, completion_rule(kind), completed)
    }

    pub(super) fn person(&self, id: &Id) -> Retention {
        let t = self.t;
        let d = self.deadlines.get(&(Kind::Person, id.clone())).copied();
        let mut rule = Kept::AsLongAsNeeded.get(t).to_string();
        if d == Some(Deadline::Open) {
            rule.push_str(Kept::NoDateYet.get(t));
        }
        Retention {
            rule,
            deadline: d.and_then(|d| d.date()),
        }
    }

    pub(super) fn quote(&self, id: &Id, q: &Quote) -> Retention {
        let rule = if q.accepted_on.is_some() {
            Rule::QuoteAccepted
        } else if q.declined_on.is_some() {
            Rule::QuoteDeclined
        } else {
            Rule::QuoteOpen
        };
        self.period(Kind::Quote, id, rule, true)
    }

    pub(super) fn contact(&self, id: &Id) -> Retention {
        self.period(Kind::ContactRequest, id, Rule::ContactRequest, true)
    }

    pub(super) fn subscription(&self) -> Retention {
        Retention {
            rule: Kept::UntilUnsubscribed.get(self.t).to_string(),
            deadline: None,
        }
    }

    pub(super) fn with_person(&self, kind: Kind, id: &Id) -> Retention {
        Retention {
            rule: Kept::WithYourDetails.get(self.t).to_string(),
            deadline: self.deadline(kind, id),
        }
    }
}
