//! Screen 1: what needs attention now.

use crate::domain::breach::Breach;
use crate::ops::Session;
use crate::ops::status::{self, Status};

#[derive(Debug, Clone)]
pub struct Overview {
    pub status: Status,
    /// Open breaches, the one whose 72-hour clock ends first at the top.
    pub breaches: Vec<Breach>,
}

impl Overview {
    pub fn build(session: &Session) -> Overview {
        let mut breaches: Vec<Breach> = session
            .data
            .breaches
            .values()
            .filter(|b| b.is_open())
            .cloned()
            .collect();
        breaches.sort_by_key(Breach::notify_deadline);
        Overview {
            status: status::status(session),
            breaches,
        }
    }
}
