//! kluis: an encrypted terminal case manager for a Dutch coaching practice.
//! See DESIGN.md for the promises, the retention rules and the contracts.

pub mod domain;
pub mod i18n;
