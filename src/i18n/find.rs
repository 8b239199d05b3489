//! The texts of finding things with numbers or names in them: the question
//! about a shared e-mail address, the search across records, the sorted
//! column (fixed texts are in `ui::Text`).

use super::Lang;

/// The lines of the question before a second person gets the e-mail
/// address of `name` (`id`); `keys` are those of save anyway, open the
/// existing person, and back to the form.
pub fn shared_email_question(lang: Lang, name: &str, id: &str, keys: [String; 3]) -> Vec<String> {
    let [save, open, back] = keys;
    match lang {
        Lang::Nl => vec![
            format!("{name} heeft dit e-mailadres al."),
            format!(
                "Id {id}: bij twee personen met één adres vragen export en wissen op de opdrachtregel het id."
            ),
            format!("{save} toch opslaan · {open} {name} openen · {back} terug naar het formulier"),
        ],
        Lang::En => vec![
            format!("{name} has this e-mail address already."),
            format!(
                "Id {id}: with two people at one address, export and erase on the command line need the id."
            ),
            format!("{save} save anyway · {open} open {name} · {back} back to the form"),
        ],
    }
}

/// How many records the search found.
pub fn found(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 gegeven gevonden".to_string(),
        (Lang::Nl, n) => format!("{n} gegevens gevonden"),
        (Lang::En, 1) => "1 record found".to_string(),
        (Lang::En, n) => format!("{n} records found"),
    }
}
