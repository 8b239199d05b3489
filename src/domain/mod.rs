//! Pure rules: types, retention, mailing list, breach assessment. No I/O.

pub mod amount;
pub mod attachment;
pub mod breach;
pub mod breach_assessment;
pub mod breach_report;
pub mod calendar;
pub mod dataset;
pub mod deadline_days;
pub mod fold;
pub mod id;
pub mod id_hash;
pub mod kind;
pub mod mailing;
pub mod practice;
pub mod processing;
pub mod records;
pub mod removal;
pub mod requests;
pub mod retention;
pub mod text;
pub mod text_preview;

pub use dataset::Dataset;
pub use id::Id;
pub use kind::Kind;
pub use records::*;
pub use retention::{Deadline, Due};
