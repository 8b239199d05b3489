//! The information GDPR art. 15(1) and (2) require beside the copy of the
//! data, worded for the person and limited to the records in their export.

use super::complaints::AUTHORITY;
use super::export::{AccessExport, Information, Purpose, Right};
use crate::domain::practice::Practice;
use crate::domain::processing::Processing;
use crate::domain::retention::Rule;
use crate::i18n::Lang;
use crate::i18n::access_info::{self, Info};
use crate::i18n::practice::months;
use crate::i18n::processing::{bases, transfers};

/// The art. 15 information, for the records present in `e`, with the
/// controller, its processors and transfers from the practice profile.
pub(super) fn information(e: &AccessExport, from_others: bool, practice: &Practice) -> Information {
    let t = e.lang;
    let periods = practice.periods();
    let basis = |p: Processing| bases(t, p);
    let mut purposes = vec![Purpose {
        records: "person",
        legal_basis: basis(Processing::Coaching),
        purpose: Info::PurposeContact.get(t).into(),
    }];
    let mut categories = vec![Info::CategoryContact.get(t).to_string()];
    let mut sources: Vec<String> = vec![Info::SourceYou.get(t).into()];
    if from_others {
        sources.push(Info::SourceRequester.get(t).into());
    }
    if !e.trajectories.is_empty() || !e.documents.is_empty() {
        purposes.push(Purpose {
            records: "trajectories",
            legal_basis: basis(Processing::Coaching),
            purpose: Info::PurposeTrajectories.get(t).into(),
        });
        categories.push(Info::CategoryTrajectories.get(t).into());
    }
    if !e.documents.is_empty() {
        categories.push(Info::CategoryDocuments.get(t).into());
        sources.push(Info::SourceCoach.get(t).into());
    }
    if !e.quotes.is_empty() {
        purposes.push(Purpose {
            records: "quotes",
            legal_basis: basis(Processing::Quotes),
            purpose: Info::PurposeQuotes.get(t).into(),
        });
        categories.push(Info::CategoryQuotes.get(t).into());
    }
    if !e.contact_requests.is_empty() {
        purposes.push(Purpose {
            records: "contact_requests",
            legal_basis: basis(Processing::ContactRequests),
            purpose: Info::PurposeContactRequests.get(t).into(),
        });
        categories.push(Info::CategoryContactRequests.get(t).into());
    }
    if !e.subscriptions.is_empty() || e.unsubscribed.is_some() {
        purposes.push(Purpose {
            records: "subscriptions",
            legal_basis: basis(Processing::Newsletter),
            purpose: Info::PurposeNewsletter.get(t).into(),
        });
        categories.push(Info::CategoryNewsletter.get(t).into());
        for sub in &e.subscriptions {
            let src = access_info::subscription_source(t, sub.source);
            if !sources.iter().any(|x| x == src) {
                sources.push(src.into());
            }
        }
    }
    if !e.consents.is_empty() || !e.disclosures.is_empty() {
        purposes.push(Purpose {
            records: "consents",
            legal_basis: basis(Processing::Disclosures),
            purpose: Info::PurposeConsents.get(t).into(),
        });
        categories.push(Info::CategoryConsents.get(t).into());
    }
    if !e.subject_requests.is_empty() || !e.complaints.is_empty() {
        purposes.push(Purpose {
            records: "requests",
            legal_basis: basis(Processing::Requests),
            purpose: Info::PurposeRequests.get(t).into(),
        });
        categories.push(Info::CategoryRequests.get(t).into());
    }

    let mut recipients: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for d in &e.disclosures {
        let key = d.recipient.trim().to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            recipients.push(format!(
                "{}: {}",
                d.recipient.trim(),
                Info::WithYourConsent.get(t)
            ));
        }
    }
    let newsletter = |service: &str| {
        let s = service.to_lowercase();
        ["newsletter", "nieuwsbrief", "mail"]
            .iter()
            .any(|w| s.contains(w))
    };
    for p in &practice.processors {
        let sends_newsletter = newsletter(&p.service);
        if sends_newsletter && e.subscriptions.is_empty() {
            continue;
        }
        let what = if sends_newsletter {
            Info::SendsNewsletter.get(t)
        } else {
            Info::Processes.get(t)
        };
        recipients.push(format!(
            "{} ({}, {}): {what}",
            p.name.trim(),
            p.service.trim(),
            p.country.trim().to_uppercase()
        ));
    }
    if !e.subscriptions.is_empty() && !practice.processors.iter().any(|p| newsletter(&p.service)) {
        recipients.push(Info::UnnamedNewsletterService.get(t).into());
    }
    if e.quotes.iter().any(|q| q.accepted_on.is_some()) {
        recipients.push(Info::TaxAuthority.get(t).into());
    }
    if recipients.is_empty() {
        recipients.push(Info::NoRecipients.get(t).into());
    }

    let rights = vec![
        Right {
            right: "access",
            article: "15",
            text: Info::RightAccess.get(t).into(),
        },
        Right {
            right: "rectification",
            article: "16",
            text: Info::RightRectification.get(t).into(),
        },
        Right {
            right: "erasure",
            article: "17",
            text: Info::RightErasure.get(t).into(),
        },
        Right {
            right: "restriction",
            article: "18",
            text: Info::RightRestriction.get(t).into(),
        },
        Right {
            right: "portability",
            article: "20",
            text: Info::RightPortability.get(t).into(),
        },
        Right {
            right: "objection",
            article: "21",
            text: Info::RightObjection.get(t).into(),
        },
        Right {
            right: "withdraw_consent",
            article: "7(3)",
            text: Info::RightWithdrawConsent.get(t).into(),
        },
    ];
    Information {
        controller: e.information.controller.clone(),
        transfers: transfers(t, practice),
        purposes,
        categories,
        recipients,
        retention: access_info::retention(
            t,
            &months(t, periods.months(Rule::IndividualReport)),
            &months(t, periods.months(Rule::QuestionnaireResult)),
        ),
        sources,
        automated_decisions: Info::NoAutomatedDecisions.get(t).into(),
        rights,
        how_to_use_rights: how_to_use_rights(t, practice),
        complaint: Info::Complaint.get(t).into(),
        complaint_authority: AUTHORITY,
    }
}

/// Whom to contact for the rights: the practice by name and address when
/// the profile has them.
fn how_to_use_rights(t: Lang, p: &Practice) -> String {
    let name = p.name.trim();
    let email = p.email.trim();
    if name.is_empty() || email.is_empty() {
        return Info::ContactThePractice.get(t).into();
    }
    access_info::contact(t, name, email)
}
