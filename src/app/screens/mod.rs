//! The state of each screen: rows precomputed once per data change (sorted
//! by deadline), and the list state. Drawing reads these; nothing is
//! computed per frame beyond the visible rows.

pub mod breaches;
pub mod overview;
pub mod people;
pub mod team_reports;
pub mod to_delete;
pub mod trajectories;
// Screens 5–7 (DESIGN.md §5, §10).
pub mod inquiries;
pub mod mailing;
pub mod panes;
pub mod requests;
