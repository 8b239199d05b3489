//! People who share an e-mail address. A second person with a known
//! address is not refused (the import format of DESIGN.md §9 allows it),
//! but the coach is told: `export person` and `erase person` then need the
//! person's id instead of the address.

use super::import::PersonIn;
use crate::domain::mailing::normalise_email;
use crate::domain::{Dataset, Id};
use std::collections::HashMap;

/// The people of an import file whose address another person has: their
/// position in `people`, and the person in the vault who has it (`None`
/// when it is an earlier person of the same file).
pub fn in_import(ds: &Dataset, people: &[PersonIn]) -> Vec<(usize, Option<Id>)> {
    let mut known: HashMap<String, Option<Id>> = HashMap::new();
    for (id, p) in &ds.people {
        if let Some(e) = &p.email {
            known
                .entry(normalise_email(e))
                .or_insert_with(|| Some(id.clone()));
        }
    }
    let mut out = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let Some(e) = p
            .email
            .as_deref()
            .map(normalise_email)
            .filter(|e| !e.is_empty())
        else {
            continue;
        };
        match known.get(&e) {
            Some(existing) => out.push((i, existing.clone())),
            None => drop(known.insert(e, None)),
        }
    }
    out
}

/// The person other than `except` who has address `email` already (the
/// UI asks before a second person gets it); `None` for no address.
pub fn holder(ds: &Dataset, email: &str, except: Option<&Id>) -> Option<Id> {
    let email = normalise_email(email);
    if email.is_empty() {
        return None;
    }
    ds.people
        .iter()
        .filter(|(id, _)| Some(*id) != except)
        .find(|(_, p)| p.email.as_deref().map(normalise_email) == Some(email.clone()))
        .map(|(id, _)| id.clone())
}
