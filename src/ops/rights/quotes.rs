//! Quotes: make one, accept it (P4: its people join the mailing list unless
//! they unsubscribed before), decline it. Accepting starts the fiscal
//! retention of seven years (P7).

use super::{Refusal, RightsResult, not_in_future, person_exists};
use crate::domain::amount::{self, Amount};
use crate::domain::mailing::{self, JoinOutcome};
use crate::domain::records::{AnyRecord, Quote};
use crate::domain::retention::{Deadline, Deadlines, deadline_of};
use crate::domain::{Dataset, Id, Kind};
use crate::ops::session::Session;
use chrono::NaiveDate;

/// A quote's amount in euros as typed ("2.450,00", "2450.00", "2450"),
/// normalised to two decimals; `None` when it is not one or has more than
/// twelve digits of euros.
pub fn parse_amount(text: &str) -> Option<String> {
    amount::typed(text).filter(|a| Amount::parse(a).is_some_and(|a| a.euros.len() <= 12))
}

/// A new quote as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteDraft {
    pub requester: Id,
    pub participants: Vec<Id>,
    pub amount: String,
    pub sent_on: NaiveDate,
}

/// Checks a draft against the vault and builds the quote. `pending` is a
/// person created in the same change, so not in the vault yet.
pub(crate) fn build(s: &Session, d: &QuoteDraft, pending: Option<&Id>) -> RightsResult<Quote> {
    let exists = |p: &Id| {
        if pending == Some(p) {
            Ok(())
        } else {
            person_exists(s, p)
        }
    };
    exists(&d.requester)?;
    let mut participants: Vec<Id> = Vec::new();
    for p in &d.participants {
        exists(p)?;
        if !participants.contains(p) {
            participants.push(p.clone());
        }
    }
    not_in_future(s, d.sent_on)?;
    Ok(Quote {
        requester: Some(d.requester.clone()),
        requester_organisation: None,
        participants,
        amount: parse_amount(&d.amount).ok_or(Refusal::BadAmount)?,
        sent_on: d.sent_on,
        accepted_on: None,
        declined_on: None,
        restricted: false,
    })
}

/// Records a quote sent to an existing person.
pub fn new_quote(s: &mut Session, d: &QuoteDraft) -> RightsResult<Id> {
    let q = build(s, d, None)?;
    let id = s.data.new_id();
    s.commit(
        "quote_record",
        vec![(id.clone(), AnyRecord::Quote(q))],
        Vec::new(),
    )?;
    Ok(id)
}

fn open_quote(s: &Session, id: &Id, on: NaiveDate) -> RightsResult<Quote> {
    let q = s
        .data
        .quotes
        .get(id)
        .cloned()
        .ok_or(Refusal::UnknownRecord(Kind::Quote))?;
    if q.restricted {
        return Err(Refusal::QuoteRestricted.into());
    }
    if q.accepted_on.is_some() || q.declined_on.is_some() {
        return Err(Refusal::QuoteDecided.into());
    }
    not_in_future(s, on)?;
    if on < q.sent_on {
        return Err(Refusal::DateTooEarly.into());
    }
    Ok(q)
}

/// Whether one person joined the mailing list on acceptance, and why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinResult {
    Added,
    AlreadySubscribed,
    /// Unsubscribed before: not re-added (P9).
    Suppressed,
    NoEmail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    pub person: Id,
    pub name: String,
    pub result: JoinResult,
    /// The new subscriber record, for `Added`.
    pub subscriber: Option<Id>,
}

/// What accepting a quote did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub quote: Id,
    pub accepted_on: NaiveDate,
    /// The requester first, then the participants, each once.
    pub joins: Vec<Join>,
}

impl Acceptance {
    pub fn joined(&self) -> impl Iterator<Item = &Join> {
        self.joins.iter().filter(|j| j.result == JoinResult::Added)
    }

    pub fn not_joined(&self) -> impl Iterator<Item = &Join> {
        self.joins.iter().filter(|j| j.result != JoinResult::Added)
    }
}

/// Accepts a quote on `on` and applies P4 in the same change: the requester
/// and each participant with an e-mail address join the mailing list with
/// the quote as evidence, unless they are on it already or unsubscribed
/// before.
pub fn accept_quote(s: &mut Session, quote_id: &Id, on: NaiveDate) -> RightsResult<Acceptance> {
    let mut q = open_quote(s, quote_id, on)?;
    q.accepted_on = Some(on);
    // Plan on a view in which the quote is accepted; nothing changes until
    // the one commit below.
    // The rule reads quotes, people and subscribers only.
    let mut view = Dataset {
        people: s.data.people.clone(),
        quotes: s.data.quotes.clone(),
        subscribers: s.data.subscribers.clone(),
        ..Dataset::default()
    };
    view.quotes.insert(quote_id.clone(), q.clone());
    let outcomes = mailing::join_on_acceptance(&view, quote_id, on, &|e| s.is_suppressed(e));
    let mut puts = vec![(quote_id.clone(), AnyRecord::Quote(q))];
    let mut joins = Vec::with_capacity(outcomes.len());
    let name_of = |p: &Id| {
        s.data
            .people
            .get(p)
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    for o in outcomes {
        let (person, result, subscriber) = match o {
            JoinOutcome::Added { person, subscriber } => {
                let id = loop {
                    let id = s.data.new_id();
                    if !view.contains_id(&id) {
                        break id;
                    }
                };
                view.insert(id.clone(), AnyRecord::Subscriber(subscriber.clone()));
                puts.push((id.clone(), AnyRecord::Subscriber(subscriber)));
                (person, JoinResult::Added, Some(id))
            }
            JoinOutcome::AlreadySubscribed { person } => {
                (person, JoinResult::AlreadySubscribed, None)
            }
            JoinOutcome::Suppressed { person } => (person, JoinResult::Suppressed, None),
            JoinOutcome::NoEmail { person } => (person, JoinResult::NoEmail, None),
        };
        joins.push(Join {
            name: name_of(&person),
            person,
            result,
            subscriber,
        });
    }
    s.commit("quote_accept", puts, Vec::new())?;
    Ok(Acceptance {
        quote: quote_id.clone(),
        accepted_on: on,
        joins,
    })
}

/// Declines a quote on `on`; from then its 12-month retention runs.
pub fn decline_quote(s: &mut Session, quote_id: &Id, on: NaiveDate) -> RightsResult<()> {
    let mut q = open_quote(s, quote_id, on)?;
    q.declined_on = Some(on);
    s.commit(
        "quote_decline",
        vec![(quote_id.clone(), AnyRecord::Quote(q))],
        Vec::new(),
    )?;
    Ok(())
}

/// Where a quote stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteState {
    Open,
    Accepted(NaiveDate),
    Declined(NaiveDate),
}

/// One line of the quotes screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    pub id: Id,
    pub requester: Option<Id>,
    /// The requester's name, or their organisation once they were erased.
    pub label: String,
    pub participants: Vec<Id>,
    pub amount: String,
    pub sent_on: NaiveDate,
    pub state: QuoteState,
    pub restricted: bool,
    pub deadline: Deadline,
}

pub fn quote_state(q: &Quote) -> QuoteState {
    match (q.accepted_on, q.declined_on) {
        (Some(a), _) => QuoteState::Accepted(a),
        (None, Some(d)) => QuoteState::Declined(d),
        (None, None) => QuoteState::Open,
    }
}

/// Every quote, by `deadlines` (computed once for this change): soonest
/// deadline first (a decided quote's date, then the open ones), then by
/// label, then by id. Screen 5 shows these rows in this order.
pub fn list(s: &Session, deadlines: &Deadlines) -> Vec<QuoteRow> {
    let mut rows: Vec<QuoteRow> = s
        .data
        .quotes
        .iter()
        .map(|(id, q)| QuoteRow {
            id: id.clone(),
            requester: q.requester.clone(),
            label: s.data.label(Kind::Quote, id),
            participants: q.participants.clone(),
            amount: q.amount.clone(),
            sent_on: q.sent_on,
            state: quote_state(q),
            restricted: q.restricted,
            deadline: deadline_of(deadlines, Kind::Quote, id),
        })
        .collect();
    rows.sort_by(|a, b| (a.deadline, &a.label, &a.id).cmp(&(b.deadline, &b.label, &b.id)));
    rows
}
