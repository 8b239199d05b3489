//! Breaches (DESIGN.md section 6). Placeholder until the breach issue lands.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breach {
    pub discovered_at: DateTime<FixedOffset>,
    pub title: String,
    pub description: String,
    pub cause: String,
    pub closed_at: Option<DateTime<FixedOffset>>,
}
