//! The demo's secrets inside the UI: `kluis demo` prints its passphrase and
//! the generated team-report passwords before the UI starts, where the
//! alternate screen hides them until quitting. The UI shows them at start
//! and again on `Ctrl-d` (the key table), and the unlock screen shows the
//! passphrase: the demo vault holds fictional data only.

use super::popup::Reader;
use crate::domain::text;
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use zeroize::Zeroizing;

#[derive(Clone)]
pub struct Demo {
    pub passphrase: Zeroizing<String>,
    /// Team report title and its generated password.
    pub passwords: Vec<(String, Zeroizing<String>)>,
}

/// Never prints a secret.
impl std::fmt::Debug for Demo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Demo { .. }")
    }
}

impl Demo {
    /// The passphrase and the passwords to read.
    pub fn reader(&self, lang: Lang) -> Reader {
        let mut t = String::new();
        t.push_str(Text::DemoIntro.get(lang));
        t.push_str("\n\n");
        t.push_str(&format!(
            "{}  {}\n",
            Text::Passphrase.get(lang),
            self.passphrase.as_str()
        ));
        if !self.passwords.is_empty() {
            t.push('\n');
            t.push_str(Text::DemoPasswords.get(lang));
            t.push('\n');
            for (title, password) in &self.passwords {
                t.push_str(&format!(
                    "  {}  {}\n",
                    password.as_str(),
                    text::escaped(title)
                ));
            }
        }
        let mut r = Reader::new(Text::DemoTitle.get(lang), t);
        r.secret = true;
        r
    }
}
