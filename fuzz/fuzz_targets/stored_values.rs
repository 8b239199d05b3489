//! Every decoder of values stored in sled: records (`decode_record`), bucket
//! markers (`decode_generation`), key blocks (`Block::decode`, `raw_entries`,
//! `count_damaged`, `holds`), audit entries and head, team report hex, and
//! decrypted records (`AnyRecord::decode`, the first byte picks the kind).
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::stored_values(data);
});
