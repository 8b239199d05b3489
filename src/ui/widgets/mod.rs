//! Drawing helpers shared by every screen.

pub mod clock_gauge;
pub mod columns;
pub mod ellipsis;
pub mod wrapped;
