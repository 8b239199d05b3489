//! kluis: an encrypted terminal case manager for a Dutch coaching practice.
//! See DESIGN.md for the promises, the retention rules and the contracts.

pub mod app;
pub mod cli;
pub mod domain;
pub mod i18n;
pub mod ops;
pub mod panic_guard;
pub mod process_guard;
pub mod ui;
pub mod vault;
