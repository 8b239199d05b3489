//! The vault benchmark (DESIGN.md §7, §12):
//! `cargo run --release --example vault_bench -- --records 100000`
//!
//! Builds a vault of N records of about 1 KiB, then measures unlock, opening
//! and decrypting every record against the raw floor (a plain sled scan plus
//! AES-GCM open of the same number of same-sized values, without vault
//! logic), deleting 10 % of the records including re-keying, changing the
//! passphrase (which rotates every key and re-wraps every data key), size on
//! disk and peak memory. Prints a table and one JSON line.

// A benchmark stops at the first failure: unwrap, expect and panic say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod support;

use kluis::domain::{Id, Kind};
use kluis::vault::crypto::{self, SecretKey};
use kluis::vault::{Change, KdfParams, Put, Vault, event};
use support::*;
use zeroize::Zeroizing;

const PASS: &[u8] = b"bench passphrase";
const NEW_PASS: &[u8] = b"another bench passphrase";

fn payload(i: usize) -> Vec<u8> {
    // About 1 KiB of JSON-like text, different per record.
    let mut s = format!("{{\"title\":\"Rapport {i}\",\"body\":\"");
    while s.len() < 1000 {
        s.push_str("Gesprek over loopbaan, sterke punten en vervolgstappen. ");
    }
    s.push_str("\"}");
    s.into_bytes()
}

/// The same sled settings as the vault's store, so only vault logic differs.
fn raw_config(dir: &std::path::Path) -> sled::Config {
    sled::Config::new()
        .path(dir)
        .cache_capacity(32 * 1024 * 1024)
        .mode(sled::Mode::HighThroughput)
}

fn main() {
    let n: usize = arg("--records", 100_000);
    let months: u32 = arg("--months", 60);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("vault");

    // Build, in batches of 10 000 records per change.
    let (ids, build) = time(|| {
        let mut v = Vault::create(&dir, PASS, KdfParams::VAULT, "bench").expect("create");
        let mut ids = Vec::with_capacity(n);
        let mut i = 0;
        while i < n {
            let end = (i + 10_000).min(n);
            let mut puts = Vec::with_capacity(end - i);
            for j in i..end {
                let id = Id::generate();
                ids.push(id.clone());
                puts.push(Put {
                    kind: Kind::IndividualReport,
                    id,
                    plaintext: Zeroizing::new(payload(j)).into(),
                    // Deadlines spread over `months` months.
                    bucket: 2027 * 12 + (j as u32 % months),
                });
            }
            v.apply(Change {
                puts,
                deletes: Vec::new(),
                audit: event("bench", "build"),
            })
            .expect("build");
            i = end;
        }
        ids
    });

    // The key derivation alone, to tell it apart from opening the store.
    let (_, kdf) = time(|| KdfParams::VAULT.derive(PASS, &[0u8; 16]).expect("kdf"));
    reset_peak_rss();
    let (vault, unlock) = time(|| Vault::open(&dir, PASS).expect("open"));
    // Each read is measured five times and the fastest run counts, for vault
    // and floor alike, so neither pays for a cold cache or a busy machine.
    let read_vault = || {
        time(|| {
            let mut count = 0usize;
            let mut bytes = 0usize;
            vault
                .for_each(|_, _, r| {
                    if let Ok((p, _)) = r {
                        count += 1;
                        bytes += p.len();
                    }
                })
                .expect("scan");
            (count, bytes)
        })
    };
    let ((count, bytes), mut read_all) = read_vault();
    for _ in 0..4 {
        read_all = read_all.min(read_vault().1);
    }
    assert_eq!(count, n, "every record decrypts");
    let size = dir_size(&dir);
    let read_peak = peak_rss_mib();
    drop(vault);

    // The raw floor: the same number of same-sized sealed values under the
    // same key names in a plain sled tree, scanned and opened with one key.
    let raw_dir = tmp.path().join("raw");
    let key = SecretKey::random().expect("key").aead();
    {
        let db = raw_config(&raw_dir).open().expect("raw sled");
        for chunk in (0..n).collect::<Vec<_>>().chunks(10_000) {
            let mut batch = sled::Batch::default();
            for &i in chunk {
                let sealed = crypto::seal(&key, b"raw", &payload(i)).expect("seal");
                // The same key names as the vault's records (random ids, so
                // the same insertion order and tree shape), the same sizes.
                let name = format!("r/{}/{}", Kind::IndividualReport.name(), ids[i]);
                batch.insert(name.as_bytes(), sealed);
            }
            db.apply_batch(batch).expect("raw batch");
        }
        db.flush().expect("flush");
    }
    let db = open_when_released(&raw_config(&raw_dir));
    let read_raw = || {
        time(|| {
            let mut c = 0usize;
            for item in db.scan_prefix(b"r/") {
                let (_, v) = item.expect("raw read");
                if crypto::open(&key, b"raw", &v).is_some() {
                    c += 1;
                }
            }
            c
        })
    };
    let (raw_count, mut raw) = read_raw();
    for _ in 0..4 {
        raw = raw.min(read_raw().1);
    }
    assert_eq!(raw_count, n);
    drop(db);

    // passwd on all N records: a new root key and a new generation of every
    // bucket key, which re-wraps every data key.
    let mut vault = Vault::open(&dir, PASS).expect("open");
    let (_, passwd) = time(|| vault.change_passphrase(NEW_PASS, "bench").expect("passwd"));
    drop(vault);
    let vault = Vault::open(&dir, NEW_PASS).expect("open after passwd");
    let mut after_passwd = 0usize;
    vault
        .for_each(|_, _, r| after_passwd += r.is_ok() as usize)
        .expect("scan");
    assert_eq!(after_passwd, n, "every record reads after passwd");
    drop(vault);

    // Delete 10 %, spread over every bucket: the worst case, every bucket is
    // re-keyed and the data keys of the other 90 % are re-wrapped.
    let mut vault = Vault::open(&dir, NEW_PASS).expect("open");
    let doomed: Vec<(Kind, Id)> = ids
        .iter()
        .step_by(10)
        .map(|id| (Kind::IndividualReport, id.clone()))
        .collect();
    let deleted = doomed.len();
    let (_, delete) = time(|| {
        vault
            .apply(Change {
                puts: Vec::new(),
                deletes: doomed,
                audit: event("bench", "purge"),
            })
            .expect("delete")
    });
    // The common case: a whole deadline month expires and its key is dropped.
    let month: Vec<(Kind, Id)> = ids
        .iter()
        .enumerate()
        .filter(|(j, _)| *j % 10 != 0 && *j as u32 % months == 1)
        .map(|(_, id)| (Kind::IndividualReport, id.clone()))
        .collect();
    let month_n = month.len();
    let (_, delete_month) = time(|| {
        vault
            .apply(Change {
                puts: Vec::new(),
                deletes: month,
                audit: event("bench", "purge"),
            })
            .expect("delete month")
    });
    let (left, _) = time(|| {
        let mut c = 0usize;
        vault
            .for_each(|_, _, r| c += r.is_ok() as usize)
            .expect("scan");
        c
    });
    assert_eq!(left, n - deleted - month_n);
    let peak = peak_rss_mib();
    let ratio = ms(read_all) / ms(raw).max(1e-9);

    println!(
        "vault_bench: {n} records of ~{} B, deadlines over {months} months",
        bytes / n.max(1)
    );
    println!("{:<46} {:>12}", "measure", "value");
    println!("{:<46} {:>9.0} ms", "build (batches of 10 000)", ms(build));
    println!(
        "{:<46} {:>9.0} ms",
        "unlock (Argon2id 64 MiB, t=2, p=1)",
        ms(unlock)
    );
    println!("{:<46} {:>9.0} ms", "  of which Argon2id alone", ms(kdf));
    println!(
        "{:<46} {:>9.0} ms",
        "open and decrypt every record",
        ms(read_all)
    );
    println!(
        "{:<46} {:>9.0} ms",
        "raw floor: sled scan + AES-GCM open",
        ms(raw)
    );
    println!(
        "{:<46} {:>9.2} x",
        "ratio vault / floor (target <= 1.5)", ratio
    );
    println!(
        "{:<46} {:>9.0} ms",
        format!("delete {deleted} spread (re-key all buckets)"),
        ms(delete)
    );
    println!(
        "{:<46} {:>9.0} ms",
        format!("delete {month_n} = one whole month"),
        ms(delete_month)
    );
    println!(
        "{:<46} {:>9.0} ms",
        format!("passwd at {n} records (rotate every key)"),
        ms(passwd)
    );
    println!(
        "{:<46} {:>9.2} x",
        "passwd / Argon2id alone",
        ms(passwd) / ms(kdf).max(1e-9)
    );
    println!(
        "{:<46} {:>9.1} MiB",
        "size on disk",
        size as f64 / 1048576.0
    );
    println!(
        "{:<46} {:>9.1} MiB",
        "peak memory: unlock + read all", read_peak
    );
    println!("{:<46} {:>9.1} MiB", "peak memory: whole run (VmHWM)", peak);
    println!(
        "{{\"bench\":\"vault\",\"records\":{n},\"build_ms\":{:.0},\"unlock_ms\":{:.1},\"kdf_ms\":{:.1},\"read_all_ms\":{:.1},\"raw_floor_ms\":{:.1},\"ratio\":{:.3},\"delete_spread\":{deleted},\"delete_spread_ms\":{:.1},\"delete_month\":{month_n},\"delete_month_ms\":{:.1},\"passwd_ms\":{:.1},\"disk_bytes\":{size},\"read_peak_rss_mib\":{:.1},\"peak_rss_mib\":{:.1}}}",
        ms(build),
        ms(unlock),
        ms(kdf),
        ms(read_all),
        ms(raw),
        ratio,
        ms(delete),
        ms(delete_month),
        ms(passwd),
        read_peak,
        peak
    );
}
