//! The terminal UI.

pub mod terminal;
