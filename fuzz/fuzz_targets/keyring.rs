//! The keyring file's structure (`keyring::parse`) and its decrypted bucket
//! key table (`keyring::decode_table`). Key derivation is not run: damaged
//! parameters are rejected by `parse` before any work is done.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::keyring(data);
});
