//! The one way a catalogue of fixed texts is written: an enum whose
//! variants each hold a Dutch and an English text, and `get(lang)` that
//! picks one. `cli::Said` and `ui::Text` are made with it.

/// `catalogue! { /// doc  enum Name;  Variant => "nl", "en"; ... }`
macro_rules! catalogue {
    ($(#[$doc:meta])* enum $ty:ident; $($name:ident => $nl:expr, $en:expr;)*) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $ty { $($name),* }

        impl $ty {
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                match self { $($ty::$name => lang.pick($nl, $en)),* }
            }
        }
    };
}
