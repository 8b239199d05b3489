//! The import file: `ops::import::parse`, then `import::plan` against a
//! session on an empty vault (created once in a temporary folder; planning
//! writes nothing).
#![no_main]

#[path = "../checks.rs"]
mod checks;

use kluis::ops::{Clock, Session};
use kluis::vault::{KdfParams, Vault};
use libfuzzer_sys::fuzz_target;

const FAST: KdfParams = KdfParams {
    memory_kib: 1024,
    iterations: 1,
    parallelism: 1,
};

thread_local! {
    static SESSION: Session = {
        let dir = tempfile::tempdir().expect("temp dir").keep();
        let clock = Clock::parse("2026-11-25T09:00:00+01:00").expect("clock");
        let vault = Vault::create(&dir.join("vault"), b"fuzz", FAST, &clock.stamp())
            .expect("vault");
        Session::load(vault, clock).expect("session")
    };
}

fuzz_target!(|data: &[u8]| {
    SESSION.with(|s| checks::import_file(s, data));
});
