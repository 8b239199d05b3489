//! The UI's texts about files with numbers or paths in them (DESIGN.md
//! §13.1), Dutch and English; the fixed ones are in `ui::Text`.

use super::Lang;

/// A file size as people read it: `512 B`, `1,2 MB` (Dutch decimal comma).
pub fn size(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let shown = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    let shown = match lang {
        Lang::Nl => shown.replace('.', ","),
        Lang::En => shown,
    };
    format!("{shown} {}", UNITS[unit])
}

/// The notice of a decrypted copy, while it exists.
pub fn copy_notice(lang: Lang, path: &str) -> Vec<String> {
    match lang {
        Lang::Nl => vec![
            "Het bestand is geopend in de viewer. Een ontsleutelde kopie staat in:".into(),
            path.to_string(),
            "Druk Enter als je klaar bent: dan wordt de kopie verwijderd. Bij vergrendelen en afsluiten gaat hij ook weg.".into(),
        ],
        Lang::En => vec![
            "The file is open in the viewer. A decrypted copy is at:".into(),
            path.to_string(),
            "Press Enter when you are done: the copy is then removed. Locking and quitting remove it too.".into(),
        ],
    }
}

/// The viewer did not start (the copy is removed again).
pub fn viewer_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Nl => {
            format!("De viewer kon niet starten ({why}); de ontsleutelde kopie is weer verwijderd.")
        }
        Lang::En => {
            format!("The viewer could not start ({why}); the decrypted copy was removed again.")
        }
    }
}

/// The private copy could not be made (nothing was left behind).
pub fn copy_failed(lang: Lang, e: &std::io::Error) -> String {
    match lang {
        Lang::Nl => format!(
            "De ontsleutelde kopie kon niet gemaakt worden: {e}. Er is niets achtergebleven."
        ),
        Lang::En => format!("The decrypted copy could not be made: {e}. Nothing was left behind."),
    }
}

/// After files were added.
pub fn attached(lang: Lang, added: usize) -> String {
    match (lang, added) {
        (Lang::Nl, 1) => "1 bestand versleuteld toegevoegd.".into(),
        (Lang::Nl, n) => format!("{n} bestanden versleuteld toegevoegd."),
        (Lang::En, 1) => "1 file added, encrypted.".into(),
        (Lang::En, n) => format!("{n} files added, encrypted."),
    }
}

/// `export person --format zip` without `--out`.
pub fn zip_needs_out(lang: Lang) -> String {
    lang.pick(
        "--format zip schrijft een bestand: geef --out BESTAND.zip",
        "--format zip writes a file: give --out FILE.zip",
    )
    .to_string()
}

/// After `export person --format zip` wrote its archive.
pub fn zip_written(lang: Lang, path: &str, records: usize, files: usize) -> String {
    match lang {
        Lang::Nl => format!(
            "Inzage-export met bestanden geschreven naar {path} ({records} records, {files} bestanden; alleen voor jou leesbaar)"
        ),
        Lang::En => format!(
            "Access export with files written to {path} ({records} records, {files} files; readable by you only)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_both_languages() {
        assert_eq!(size(Lang::Nl, 512), "512 B");
        assert_eq!(size(Lang::Nl, 1_234_567), "1,2 MB");
        assert_eq!(size(Lang::En, 1_234_567), "1.2 MB");
        assert_eq!(size(Lang::En, 45_600), "46 kB");
        assert_eq!(size(Lang::En, 999_999), "1.0 MB");
        assert_eq!(size(Lang::En, 2 * 1024 * 1024 * 1024), "2.1 GB");
    }
}
