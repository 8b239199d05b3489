//! The state of each screen: rows (sorted by deadline) built when the
//! screen is shown after a data change (`app::lazy_rows`), the list state,
//! and the screen's own actions. Drawing reads these; nothing is computed
//! per frame beyond the visible rows.

pub mod breaches;
pub mod inquiries;
pub mod mailing;
pub mod overview;
pub mod people;
pub mod requests;
pub mod team_reports;
pub mod to_delete;
pub mod trajectories;
// Shared by the two-list screens (5 and 7).
pub mod panes;

use super::screen::{Screen, screen_list};
use super::screen_component::ScreenComponent;

macro_rules! screens_struct {
    ($($screen:ident $file:ident $state:ident $name:ident,)*) => {
        /// The state of every screen of the screen list.
        #[derive(Debug, Default)]
        pub struct Screens {
            $(pub $file: $file::$state,)*
        }

        impl Screens {
            pub fn get(&self, screen: Screen) -> &dyn ScreenComponent {
                match screen {
                    $(Screen::$screen => &self.$file,)*
                }
            }

            pub fn get_mut(&mut self, screen: Screen) -> &mut dyn ScreenComponent {
                match screen {
                    $(Screen::$screen => &mut self.$file,)*
                }
            }

            /// Every screen, in tab order.
            pub fn all_mut(&mut self) -> Vec<&mut dyn ScreenComponent> {
                vec![$(&mut self.$file as &mut dyn ScreenComponent,)*]
            }
        }
    };
}
screen_list!(screens_struct);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Scope;

    /// Help shows a screen's scopes, then the general ones: every scope of
    /// the key table must be one of those, or its keys would be in no help.
    #[test]
    fn every_scope_is_in_the_help_of_a_screen() {
        let screens = Screens::default();
        for &scope in Scope::ALL {
            let on_a_screen = Screen::ALL
                .iter()
                .any(|s| screens.get(*s).help_scopes().contains(&scope));
            assert!(
                on_a_screen || Scope::GENERAL.contains(&scope),
                "{scope:?} is in no help"
            );
        }
    }
}
