//! The command-line grammar (clap). Usage errors exit with code 2.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "kluis",
    version,
    about = "Encrypted case manager for a coaching practice, with retention deadlines built in"
)]
pub struct Cli {
    /// The vault folder (default: KLUIS_VAULT, else the platform data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub vault: Option<PathBuf>,
    /// Language of the interface: nl or en (default: from config.toml, else LANG)
    #[arg(long, global = true, value_parser = ["nl", "en"])]
    pub lang: Option<String>,
    /// Read the passphrase from the first line of FILE
    #[arg(long, global = true, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Read the settings from FILE instead of config.toml in the platform config folder
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty vault
    Init {
        /// The practice's name, for the practice profile (asked on a terminal when not given)
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// The practice's e-mail address, for the practice profile (asked on a terminal when not given)
        #[arg(long, value_name = "EMAIL")]
        email: Option<String>,
    },
    /// A fresh vault with fictional demo data, opened in the UI
    Demo {
        /// Only create the vault and print where it is
        #[arg(long)]
        no_tui: bool,
    },
    /// Change the passphrase (prompts when no file is given)
    Passwd {
        #[arg(long, value_name = "FILE")]
        new_password_file: Option<PathBuf>,
    },
    /// Import records from a JSON file, or people or subscribers from a CSV; all or nothing
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[command(flatten)]
        csv: CsvArgs,
    },
    /// Counts, expired records, upcoming deadlines, open requests and breaches
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Delete expired records for good (crypto-shredded), in one change
    Purge {
        /// Every record whose retention deadline has come
        #[arg(long)]
        expired: bool,
        /// Only list what would go
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Decrypt every record and verify the audit chain
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Shell completions for bash, zsh or fish, on standard output
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: CompletionShell,
    },
    /// The manual page (roff) on standard output: `kluis man | man -l -`
    Man,
    /// The configuration in effect, and where config.toml is read from
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Access export (GDPR art. 15 and 20): everything about one person
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Erasure request (GDPR art. 17): a person and what exists only through them
    Erase {
        #[command(subcommand)]
        what: EraseWhat,
    },
    /// The mailing list: CSV for the newsletter tool, unsubscribe
    Mailing {
        #[command(subcommand)]
        action: MailingAction,
    },
    /// Documents with their files: add, attach, list, get, detach
    Document {
        #[command(subcommand)]
        command: Box<super::document::DocumentCommand>,
    },
    /// Disclosures to third parties, only against an active consent (P6)
    Disclosure {
        #[command(subcommand)]
        command: super::disclosure::DisclosureCommand,
    },
    /// Data breaches: the register, the risk assessment, the AP notification draft
    Breach {
        #[command(subcommand)]
        command: Box<super::breach::BreachCommand>,
    },
    /// The record of processing activities (GDPR art. 30(1)), from the rules kluis enforces
    Register {
        #[arg(long, value_enum, default_value_t = RegisterFormat::Md)]
        format: RegisterFormat,
    },
    /// The practice's privacy statement, from the rules kluis enforces and the practice profile
    Statement {
        #[arg(long, value_enum, default_value_t = StatementFormat::Md)]
        format: StatementFormat,
    },
    /// The practice profile: name, contact details, processors, shorter retention periods
    Practice {
        #[command(subcommand)]
        command: super::practice::PracticeCommand,
    },
    /// One encrypted backup file, readable with the vault's passphrase, with a destroy-by date
    Backup {
        /// The backup file to write (mode 0600)
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Restore a backup into a new folder (--vault DIR), without what expired since
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// The coming deadline days as an iCalendar file (no personal data)
    Calendar {
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// How many days ahead (default 90)
        #[arg(long, value_name = "N")]
        days: Option<u32>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the configuration in effect, as a config.toml would write it
    Show,
    /// Print where config.toml is read from
    Path,
}

/// The shells `kluis completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Every record about a person, with purposes, retention, rights and the AP's details
    Person {
        /// The person's id, or their e-mail address
        #[arg(value_name = "ID|EMAIL")]
        person: String,
        /// json (machine-readable), md (readable Markdown), or zip (both and
        /// the person's files; needs --out)
        #[arg(long, value_enum, default_value_t = ExportFormatArg::Md)]
        format: ExportFormatArg,
        /// Write to FILE (mode 0600) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
        /// Replace other people's names found in the texts without asking
        #[arg(long, conflicts_with = "keep_names")]
        redact_names: bool,
        /// Leave other people's names found in the texts as they are
        #[arg(long)]
        keep_names: bool,
    },
}

/// How to read a CSV import (DESIGN.md §13.5).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CsvArgs {
    /// What the CSV holds (default: subscribers when --source is given, else people)
    #[arg(long = "as", value_enum, value_name = "WHAT")]
    pub records: Option<CsvRecordsArg>,
    /// A column the header names differently: COLUMN=FIELD (email, name, first_name,
    /// infix, last_name, phone, organisation, date, ignore); may be repeated
    #[arg(long, value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// Subscribers: where the whole file's consent was given
    #[arg(long, value_enum)]
    pub source: Option<SourceArg>,
    /// Subscribers: the evidence of that consent, for the whole file
    #[arg(long, value_name = "TEXT")]
    pub evidence: Option<String>,
}

impl CsvArgs {
    pub fn given(&self) -> bool {
        self.records.is_some()
            || !self.map.is_empty()
            || self.source.is_some()
            || self.evidence.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvRecordsArg {
    People,
    Subscribers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    Webinar,
    Ebook,
    Quote,
    Manual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegisterFormat {
    Md,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatementFormat {
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Json,
    Md,
    /// export.json, export.md and the person's files under files/ (DESIGN.md §13.1).
    Zip,
}

#[derive(Debug, Subcommand)]
pub enum EraseWhat {
    /// Remove a person and what exists only through them, in one change
    Person {
        /// The person's id, or their e-mail address
        #[arg(value_name = "ID|EMAIL")]
        person: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum MailingAction {
    /// CSV for the newsletter tool: email,name,source,subscribed_on
    Export {
        /// Write to FILE (mode 0600) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Remove addresses from the list; only a keyed hash is kept so they are not re-added
    Unsubscribe {
        #[arg(value_name = "EMAIL", required = true)]
        emails: Vec<String>,
    },
}
