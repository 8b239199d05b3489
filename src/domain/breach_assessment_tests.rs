//! The assessment rules against the EDPB's examples (Guidelines 01/2021)
//! and risk factors (9/2022). Compiled only for tests (see the `#[path]`
//! module in `breach_assessment.rs`).

#[cfg(test)]
use super::*;

fn base() -> Answers {
    Answers::neutral()
}

/// An availability-only breach.
fn outage_for(d: Unavailable) -> Answers {
    Answers {
        confidentiality: false,
        availability: true,
        unavailable_for: d,
        ..base()
    }
}

fn outcome(a: &Answers) -> (Risk, bool, bool) {
    let r = assess(a);
    assert!(r.register, "every breach goes in the register");
    (r.risk, r.notify_authority, r.inform_subjects)
}

const NONE: (Risk, bool, bool) = (Risk::None, false, false);
const NOTIFY: (Risk, bool, bool) = (Risk::Risk, true, false);
const BOTH: (Risk, bool, bool) = (Risk::High, true, true);

// ---- The EDPB Guidelines 01/2021 examples, as reconstructed. ----

/// Case 01: a small company's systems encrypted by ransomware; a recent
/// backup restored everything within hours; no sign of exfiltration.
/// EDPB: document internally; no notification, no communication.
#[test]
fn edpb_case_01_ransomware_with_backup_no_exfiltration() {
    let a = Answers {
        integrity: false,
        subjects: 40,
        consequences: Consequences::Limited,
        ..outage_for(Unavailable::Hours)
    };
    assert_eq!(outcome(&a), NONE);
    assert_eq!(evaluate(&a).decisive, Finding::OutageShort);
}

/// Case 02: ransomware on an agricultural company's computer, no backup;
/// the data was rebuilt by hand over several days; no exfiltration.
/// EDPB: notify the SA; no communication to the people.
#[test]
fn edpb_case_02_ransomware_without_backup() {
    let a = Answers {
        subjects: 60,
        ..outage_for(Unavailable::Days)
    };
    assert_eq!(outcome(&a), NOTIFY);
    assert_eq!(evaluate(&a).decisive, Finding::OutageDays);
}

/// Case 03: ransomware in a hospital; backup, but restoring took days and
/// care was delayed; health data. EDPB: notify and communicate.
#[test]
fn edpb_case_03_ransomware_with_backup_hospital() {
    let a = Answers {
        special_categories: true,
        subjects: 5_000,
        consequences: Consequences::Severe,
        ..outage_for(Unavailable::Days)
    };
    assert_eq!(outcome(&a), BOTH);
}

/// Case 04: ransomware on a public transport company's server without
/// backup, and the data (identity and financial data of thousands of
/// customers) was exfiltrated. EDPB: notify and communicate.
#[test]
fn edpb_case_04_ransomware_without_backup_with_exfiltration() {
    let a = Answers {
        confidentiality: true,
        availability: true,
        unavailable_for: Unavailable::Permanent,
        special_categories: true,
        subjects: 5_000,
        consequences: Consequences::Significant,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

/// Case 05: malicious code on a job site copied the application forms
/// (identity, contact, CV data) of about 200 applicants. The EDPB sees a
/// high risk of identity fraud and phishing: notify and communicate.
#[test]
fn edpb_case_05_exfiltration_of_job_application_data() {
    let a = Answers {
        subjects: 213,
        consequences: Consequences::Significant,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

/// Case 06: SQL injection on a recipe site exfiltrated passwords hashed
/// with a strong salted algorithm; the key and salts were not
/// compromised. EDPB: document; no notification, no communication.
#[test]
fn edpb_case_06_exfiltration_of_hashed_passwords() {
    let a = Answers {
        unintelligible: true,
        subjects: 1_200,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
    assert_eq!(evaluate(&a).decisive, Finding::Unintelligible);
}

/// Case 07: credential stuffing on a bank's website; some accounts were
/// entered and their financial data seen. EDPB: notify and communicate.
#[test]
fn edpb_case_07_credential_stuffing_on_banking_website() {
    let a = Answers {
        special_categories: true, // financial data
        subjects: 2_000,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
    assert_eq!(evaluate(&a).decisive, Finding::SpecialCategories);
}

/// Case 08: a leaving employee copied the customer list (contact and
/// business data) to use at a competitor. EDPB: notify the SA; no
/// communication to the customers.
#[test]
fn edpb_case_08_exfiltration_of_business_data_by_employee() {
    let a = Answers {
        subjects: 500,
        ..base()
    };
    assert_eq!(outcome(&a), NOTIFY);
    assert_eq!(evaluate(&a).decisive, Finding::LimitedExposure);
}

/// Case 09: an insurance agent could see data of other customers through
/// a badly set up spreadsheet; bound by secrecy, he reported it and
/// deleted it. EDPB: document; no notification, no communication.
#[test]
fn edpb_case_09_accidental_transmission_to_trusted_third_party() {
    let a = Answers {
        recipient_trusted: true,
        subjects: 24,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
    assert_eq!(evaluate(&a).decisive, Finding::TrustedRecipient);
}

/// Case 10: two tablets stolen in a burglary; strongly encrypted, key not
/// on them, and a backup was restored. EDPB: document only.
#[test]
fn edpb_case_10_stolen_device_with_encrypted_data() {
    let a = Answers {
        availability: true,
        unavailable_for: Unavailable::Hours,
        unintelligible: true,
        special_categories: true,
        subjects: 300,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
    assert_eq!(evaluate(&a).decisive, Finding::Unintelligible);
}

/// Case 11: a notebook without encryption or password, with names,
/// addresses and dates of birth of over 100 000 customers, was stolen;
/// no backup. EDPB: notify and communicate (identity fraud).
#[test]
fn edpb_case_11_stolen_device_with_unencrypted_data() {
    let a = Answers {
        availability: true,
        unavailable_for: Unavailable::Permanent,
        subjects: 100_000,
        consequences: Consequences::Significant,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

/// Case 12: a paper logbook with identity and health data of patients of
/// a rehabilitation centre was stolen. EDPB: notify and communicate.
#[test]
fn edpb_case_12_stolen_paper_files_with_health_data() {
    let a = Answers {
        availability: true,
        unavailable_for: Unavailable::Permanent,
        special_categories: true,
        subjects: 60,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

/// Case 13: two shoe orders were mixed up, so two customers each got the
/// other's packing slip (name, address, what was bought). Low risk.
/// EDPB (as we read it): document; no notification, no communication.
#[test]
fn edpb_case_13_snail_mail_mistake() {
    let a = Answers {
        subjects: 2,
        consequences: Consequences::Negligible,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
    assert_eq!(evaluate(&a).decisive, Finding::NegligibleExposure);
}

/// Case 14: a job-seekers' office mailed a file with the names, addresses
/// and social security numbers of over 60 000 job seekers to all of them.
/// EDPB: notify and communicate.
#[test]
fn edpb_case_14_highly_confidential_data_sent_by_mail_by_mistake() {
    let a = Answers {
        special_categories: true, // national ID numbers
        subjects: 60_000,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

/// Case 15: a course's participant list (names, e-mail, food preferences;
/// two noted a lactose intolerance) went to 15 former participants, who
/// were asked to delete it. Health data, but hardly harmful.
/// EDPB (as we read it): notify the SA; no communication.
#[test]
fn edpb_case_15_personal_data_sent_by_mail_by_mistake() {
    let a = Answers {
        special_categories: true,
        subjects: 15,
        consequences: Consequences::Negligible,
        ..base()
    };
    assert_eq!(outcome(&a), NOTIFY);
    assert_eq!(evaluate(&a).decisive, Finding::SpecialButNegligible);
}

/// Case 16: an enveloping machine put two customers' car insurance
/// letters (name, address, registration, rates, date of birth) in one
/// envelope. EDPB (as we read it): notify the SA; no communication.
#[test]
fn edpb_case_16_postal_mail_mistake() {
    let a = Answers {
        subjects: 1,
        ..base()
    };
    assert_eq!(outcome(&a), NOTIFY);
}

/// Case 17: someone posing as a customer had a telecom company change
/// the customer's e-mail address and so got their invoices; the data
/// enables further fraud. EDPB: notify and communicate.
#[test]
fn edpb_case_17_identity_theft() {
    let a = Answers {
        subjects: 1,
        consequences: Consequences::Significant,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
    assert_eq!(
        evaluate(&a).decisive,
        Finding::SeriousConsequences(Consequences::Significant)
    );
}

/// Case 18: forwarding rules set up by an attacker in a retailer's
/// mailboxes sent mails with invoices and bank details to an outside
/// address for months. EDPB: notify and communicate.
#[test]
fn edpb_case_18_email_exfiltration() {
    let a = Answers {
        special_categories: true, // financial data
        subjects: 400,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

// ---- Each rule on its own. ----

#[test]
fn no_kind_given_is_no_risk() {
    let a = Answers {
        confidentiality: false,
        special_categories: true,
        consequences: Consequences::Severe,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
    assert_eq!(evaluate(&a).decisive, Finding::NoKind);
}

#[test]
fn nobody_affected_is_no_risk() {
    let a = Answers {
        subjects: 0,
        special_categories: true,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
    assert_eq!(evaluate(&a).decisive, Finding::NobodyAffected);
}

#[test]
fn unintelligible_data_outweighs_special_categories_and_severity() {
    let a = Answers {
        unintelligible: true,
        integrity: true,
        special_categories: true,
        consequences: Consequences::Severe,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
}

#[test]
fn trusted_recipient_covers_confidentiality_not_integrity() {
    let conf = Answers {
        recipient_trusted: true,
        special_categories: true,
        ..base()
    };
    assert_eq!(outcome(&conf), NONE);
    let altered = Answers {
        integrity: true,
        ..conf
    };
    assert_eq!(outcome(&altered), BOTH);
}

#[test]
fn integrity_counts_like_confidentiality() {
    for special in [false, true] {
        for c in [
            Consequences::Negligible,
            Consequences::Limited,
            Consequences::Significant,
            Consequences::Severe,
        ] {
            let conf = Answers {
                special_categories: special,
                consequences: c,
                ..base()
            };
            let integ = Answers {
                confidentiality: false,
                integrity: true,
                ..conf
            };
            assert_eq!(outcome(&conf), outcome(&integ), "{special} {c:?}");
        }
    }
}

#[test]
fn special_categories_mean_high_risk() {
    let a = Answers {
        special_categories: true,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

#[test]
fn significant_or_severe_consequences_mean_high_risk() {
    for c in [Consequences::Significant, Consequences::Severe] {
        let a = Answers {
            consequences: c,
            ..base()
        };
        assert_eq!(outcome(&a), BOTH);
        assert_eq!(evaluate(&a).decisive, Finding::SeriousConsequences(c));
    }
}

#[test]
fn limited_exposure_is_a_risk() {
    assert_eq!(outcome(&base()), NOTIFY);
}

#[test]
fn negligible_consequences_mean_no_notification() {
    let a = Answers {
        consequences: Consequences::Negligible,
        ..base()
    };
    assert_eq!(outcome(&a), NONE);
    let b = Answers {
        consequences: Consequences::Negligible,
        ..outage_for(Unavailable::Days)
    };
    assert_eq!(outcome(&b), NONE);
    assert_eq!(evaluate(&b).decisive, Finding::OutageNegligible);
}

#[test]
fn special_categories_with_negligible_consequences_stay_a_risk() {
    let a = Answers {
        special_categories: true,
        consequences: Consequences::Negligible,
        ..base()
    };
    assert_eq!(outcome(&a), NOTIFY);
}

#[test]
fn not_identifiable_lowers_a_level_from_the_kind_of_data() {
    let special = Answers {
        special_categories: true,
        identifiable: false,
        ..base()
    };
    assert_eq!(outcome(&special), NOTIFY);
    assert_eq!(
        evaluate(&special).decisive,
        Finding::NotIdentifiable(Risk::Risk)
    );
    let ordinary = Answers {
        identifiable: false,
        ..base()
    };
    assert_eq!(outcome(&ordinary), NONE);
}

#[test]
fn not_identifiable_does_not_lower_the_coachs_judgement() {
    let a = Answers {
        identifiable: false,
        consequences: Consequences::Severe,
        ..base()
    };
    assert_eq!(outcome(&a), BOTH);
}

#[test]
fn availability_hours_is_not_notifiable() {
    assert_eq!(outcome(&outage_for(Unavailable::Hours)), NONE);
    // Marked as an availability breach without a duration: a moment.
    assert_eq!(outcome(&outage_for(Unavailable::None)), NONE);
}

#[test]
fn availability_days_is_a_risk() {
    assert_eq!(outcome(&outage_for(Unavailable::Days)), NOTIFY);
}

#[test]
fn availability_permanent_is_at_least_a_risk() {
    for c in [Consequences::Negligible, Consequences::Limited] {
        let a = Answers {
            consequences: c,
            ..outage_for(Unavailable::Permanent)
        };
        assert_eq!(outcome(&a), NOTIFY, "{c:?}");
        assert_eq!(evaluate(&a).decisive, Finding::OutagePermanent);
    }
    let severe = Answers {
        consequences: Consequences::Severe,
        ..outage_for(Unavailable::Permanent)
    };
    assert_eq!(outcome(&severe), BOTH);
}

#[test]
fn availability_with_serious_consequences_is_high_whatever_the_duration() {
    for d in [Unavailable::Hours, Unavailable::Days] {
        let a = Answers {
            consequences: Consequences::Significant,
            ..outage_for(d)
        };
        assert_eq!(outcome(&a), BOTH, "{d:?}");
    }
}

#[test]
fn special_categories_alone_do_not_raise_an_outage() {
    let a = Answers {
        special_categories: true,
        ..outage_for(Unavailable::Days)
    };
    assert_eq!(outcome(&a), NOTIFY);
}

#[test]
fn unavailable_for_counts_even_without_the_availability_flag() {
    let a = Answers {
        confidentiality: false,
        availability: false,
        unavailable_for: Unavailable::Days,
        ..base()
    };
    assert_eq!(outcome(&a), NOTIFY);
}

#[test]
fn the_highest_part_decides_and_confidentiality_wins_ties() {
    // Encrypted laptop stolen without backup: exposure is covered, the
    // loss is not.
    let a = Answers {
        unintelligible: true,
        availability: true,
        unavailable_for: Unavailable::Permanent,
        ..base()
    };
    let ev = evaluate(&a);
    assert_eq!(ev.risk, Risk::Risk);
    assert_eq!(ev.decisive, Finding::OutagePermanent);
    assert_eq!(
        ev.findings,
        vec![Finding::Unintelligible, Finding::OutagePermanent]
    );
    let tie = Answers {
        availability: true,
        unavailable_for: Unavailable::Days,
        ..base()
    };
    assert_eq!(evaluate(&tie).decisive, Finding::LimitedExposure);
}

#[test]
fn findings_are_not_repeated() {
    let a = Answers {
        availability: true,
        unavailable_for: Unavailable::Days,
        consequences: Consequences::Severe,
        ..base()
    };
    let ev = evaluate(&a);
    let serious = Finding::SeriousConsequences(Consequences::Severe);
    assert_eq!(ev.findings.iter().filter(|f| **f == serious).count(), 1);
}

// ---- The parser. ----

const GOOD: &str = r#"{
  "confidentiality": true,
  "integrity": false,
  "availability": false,
  "unavailable_for": "none",
  "unintelligible": false,
  "recipient_trusted": false,
  "special_categories": false,
  "subjects": 12,
  "identifiable": true,
  "consequences": "limited"
}"#;

fn with(field: &str, value: &str) -> String {
    let mut v: Value = serde_json::from_str(GOOD).unwrap();
    v[field] = serde_json::from_str(value).unwrap();
    v.to_string()
}

fn without(field: &str) -> String {
    let mut v: Value = serde_json::from_str(GOOD).unwrap();
    v.as_object_mut().unwrap().remove(field);
    v.to_string()
}

#[test]
fn parses_the_contract_example() {
    assert_eq!(parse_answers(GOOD).unwrap(), base());
    // And the answers round-trip with the same field names.
    let back: Value = serde_json::to_value(base()).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(GOOD).unwrap());
}

#[test]
fn negative_subjects_names_the_field_and_what_it_must_be() {
    let e = parse_answers(&with("subjects", "-3")).unwrap_err();
    assert_eq!(e.field(), Some("subjects"));
    let m = e.to_string();
    assert!(m.contains("`subjects`"), "{m}");
    assert!(m.contains("non-negative whole number"), "{m}");
    assert!(m.contains("-3"), "{m}");
}

#[test]
fn fractional_or_textual_subjects_are_refused() {
    for v in ["2.5", "\"12\"", "null", "1e30"] {
        let e = parse_answers(&with("subjects", v)).unwrap_err();
        assert!(
            matches!(
                e,
                AnswerError::NotACount {
                    field: "subjects",
                    ..
                }
            ),
            "{v}"
        );
    }
}

#[test]
fn wrong_type_names_the_field() {
    let e = parse_answers(&with("integrity", "\"no\"")).unwrap_err();
    assert_eq!(e.field(), Some("integrity"));
    assert_eq!(
        e.to_string(),
        "The field `integrity` must be true or false, not \"no\"."
    );
}

#[test]
fn unknown_value_names_the_field_and_the_choices() {
    let e = parse_answers(&with("unavailable_for", "\"weeks\"")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The field `unavailable_for` must be one of none, hours, days, permanent, not \"weeks\"."
    );
    let e = parse_answers(&with("consequences", "3")).unwrap_err();
    assert_eq!(e.field(), Some("consequences"));
    assert!(
        e.to_string()
            .contains("negligible, limited, significant, severe")
    );
}

#[test]
fn missing_field_is_named() {
    let e = parse_answers(&without("identifiable")).unwrap_err();
    assert_eq!(e, AnswerError::Missing("identifiable"));
    assert_eq!(
        e.to_string(),
        "The field `identifiable` is missing from the assessment answers."
    );
}

#[test]
fn unknown_field_is_named_before_a_missing_one() {
    // A typo: `subject` instead of `subjects`.
    let mut v: Value = serde_json::from_str(&without("subjects")).unwrap();
    v["subject"] = Value::from(4);
    let e = parse_answers(&v.to_string()).unwrap_err();
    assert_eq!(e, AnswerError::Unknown("subject".into()));
    assert!(e.to_string().starts_with("Unknown field `subject`"));
}

#[test]
fn not_json_or_not_an_object_is_explained() {
    let e = parse_answers("{\"confidentiality\": tru").unwrap_err();
    assert!(matches!(e, AnswerError::Syntax(_)));
    assert!(e.to_string().contains("line 1"), "{e}");
    assert_eq!(
        parse_answers("[1, 2]").unwrap_err(),
        AnswerError::NotAnObject
    );
    assert_eq!(parse_answers("").unwrap_err().field(), None);
}

#[test]
fn long_values_are_not_echoed_in_full() {
    let long = format!("\"{}\"", "x".repeat(200));
    let e = parse_answers(&with("integrity", &long)).unwrap_err();
    assert!(e.to_string().ends_with("not a string."), "{e}");
}
