//! The command-line grammar (clap). Usage errors exit with code 2.

use clap::{Parser, Subcommand};
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
    /// Language of the interface: nl or en (default: from LANG)
    #[arg(long, global = true, value_parser = ["nl", "en"])]
    pub lang: Option<String>,
    /// Read the passphrase from the first line of FILE
    #[arg(long, global = true, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty vault
    Init,
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
    /// Import records from a JSON file; all or nothing
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
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
    /// Data breaches: the register, the risk assessment, the AP notification draft
    Breach {
        #[command(subcommand)]
        command: Box<super::breach::BreachCommand>,
    },
}
