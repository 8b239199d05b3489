//! The operations both front ends use: open a session, import, purge,
//! status. Rules come from `domain`, storage from `vault`.

pub mod attachments;
pub mod backup;
pub mod breach;
pub mod breach_demo;
pub mod breach_register;
pub mod calendar;
pub mod clock;
pub mod correct;
pub mod csv_import;
pub mod decrypted_copies;
pub mod demo;
pub mod edit;
pub mod file_check;
pub mod files;
pub mod import;
pub mod json_problem;
pub mod practice;
pub mod practice_facts;
pub mod purge;
pub mod rights;
pub mod session;
pub mod shared_email;
pub mod status;
pub mod strength;
pub mod vault_words;
pub mod viewer;

pub use clock::Clock;
pub use session::Session;
