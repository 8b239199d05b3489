//! `docs/FORMAT.md` is enough to read a coach's data without kluis: this
//! test opens the vault in `tests/fixtures/vault-format` (the practice
//! fixture imported, then the passphrase changed once, so two audit keys and
//! bucket generation 1) with sled, ring and argon2 alone, following that
//! file step by step, and checks its test vectors. Nothing of `kluis::vault`
//! is used.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::{hkdf, hmac};
use std::collections::BTreeMap;
use std::path::Path;

const PASSPHRASE: &str = "correct horse battery staple";

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes(b[at..at + 4].try_into().unwrap())
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_be_bytes(b[at..at + 8].try_into().unwrap())
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// FORMAT.md §2, seal/open: `nonce [12] | ciphertext | tag [16]`.
fn open(key: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key).ok()?);
    let nonce = Nonce::try_assume_unique_for_key(&sealed[..12]).ok()?;
    let mut buf = sealed[12..].to_vec();
    let n = key
        .open_in_place(nonce, Aad::from(aad), &mut buf)
        .ok()?
        .len();
    buf.truncate(n);
    Some(buf)
}

fn seal_with_nonce(key: &[u8], nonce: [u8; 12], aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key).unwrap());
    let mut buf = plain.to_vec();
    k.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(aad),
        &mut buf,
    )
    .unwrap();
    [&nonce[..], &buf].concat()
}

struct Len32;
impl hkdf::KeyType for Len32 {
    fn len(&self) -> usize {
        32
    }
}

/// FORMAT.md §2, derive.
fn derive(key: &[u8], label: &[u8]) -> Vec<u8> {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"kluis v1").extract(key);
    let mut out = vec![0u8; 32];
    prk.expand(&[label], Len32).unwrap().fill(&mut out).unwrap();
    out
}

fn mac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let k = hmac::Key::new(hmac::HMAC_SHA256, key);
    let mut ctx = hmac::Context::with_key(&k);
    for p in parts {
        ctx.update(p);
    }
    ctx.sign().as_ref().to_vec()
}

fn argon2id(pass: &[u8], salt: &[u8], m: u32, t: u32, p: u32) -> Vec<u8> {
    let params = argon2::Params::new(m, t, p, Some(32)).unwrap();
    let a = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = vec![0u8; 32];
    a.hash_password_into(pass, salt, &mut out).unwrap();
    out
}

/// The keyring's contents (FORMAT.md §3).
struct Keyring {
    committed_seq: u64,
    audit_keys: Vec<(u64, Vec<u8>)>,
    bucket_keys: BTreeMap<(u32, u32), Vec<u8>>,
}

impl Keyring {
    fn audit_key(&self, seq: u64) -> &[u8] {
        &self
            .audit_keys
            .iter()
            .rev()
            .find(|(first, _)| *first <= seq)
            .unwrap()
            .1
    }

    fn state_key(&self, seq: u64) -> Vec<u8> {
        derive(self.audit_key(seq), b"kluis stored state")
    }
}

fn read_keyring(path: &Path) -> Keyring {
    let b = std::fs::read(path).unwrap();
    assert_eq!(&b[..8], b"KLUISKEY");
    assert_eq!(b[8], 3, "format");
    assert_eq!(b[9], 1, "Argon2id");
    let (m, t, p) = (u32_at(&b, 10), u32_at(&b, 14), u32_at(&b, 18));
    let header = &b[..38];
    let pass_key = argon2id(PASSPHRASE.as_bytes(), &b[22..38], m, t, p);
    let root = open(&pass_key, header, &b[38..98]).expect("the root key opens");
    let table = open(
        &derive(&root, b"keyring table"),
        b"kluis keyring table v1",
        &b[98..],
    )
    .expect("the table opens");
    let committed_seq = u64_at(&table, 0);
    let mut at = 8 + 32; // after the suppression key
    let m = u32_at(&table, at) as usize;
    at += 4;
    let mut audit_keys = Vec::new();
    for _ in 0..m {
        audit_keys.push((u64_at(&table, at), table[at + 8..at + 40].to_vec()));
        at += 40;
    }
    let n = u32_at(&table, at) as usize;
    at += 4;
    let mut bucket_keys = BTreeMap::new();
    for _ in 0..n {
        bucket_keys.insert(
            (u32_at(&table, at), u32_at(&table, at + 4)),
            table[at + 8..at + 40].to_vec(),
        );
        at += 40;
    }
    assert_eq!(at, table.len(), "the table is read whole");
    Keyring {
        committed_seq,
        audit_keys,
        bucket_keys,
    }
}

fn kind_name(code: u8) -> &'static str {
    [
        "person",
        "trajectory",
        "individual_report",
        "questionnaire_result",
        "team_report",
        "contact_request",
        "quote",
        "subscriber",
        "suppression",
        "consent",
        "disclosure",
        "subject_request",
        "complaint",
        "breach",
    ][usize::from(code)]
}

#[test]
fn the_fixture_vault_reads_with_format_md_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-format");
    let dir = tmp.path().join("vault");
    std::fs::create_dir_all(dir.join("db/blobs")).unwrap();
    std::fs::copy(fixture.join("keyring"), dir.join("keyring")).unwrap();
    for entry in std::fs::read_dir(fixture.join("db")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), dir.join("db").join(entry.file_name())).unwrap();
        }
    }
    let ring = read_keyring(&dir.join("keyring"));
    assert_eq!(ring.audit_keys.len(), 2, "one rotation");
    let db = sled::Config::new().path(dir.join("db")).open().unwrap();

    // §5.1–2: the chain, and the marker MACs it records.
    let mut prev = vec![0u8; 32];
    let mut markers: BTreeMap<u32, Vec<u8>> = BTreeMap::new();
    let mut seq = 0u64;
    for item in db.scan_prefix(b"a/") {
        let (k, v) = item.unwrap();
        seq += 1;
        assert_eq!(&k[..], format!("a/{seq:016x}").as_bytes());
        assert_eq!(v[0], 2, "entry version");
        let len = u32_at(&v, 33) as usize;
        let (state, body) = (&v[37..37 + len], &v[37 + len..]);
        let want = mac(
            ring.audit_key(seq),
            &[
                b"entry v2",
                &prev,
                &seq.to_be_bytes(),
                &v[33..37],
                state,
                body,
            ],
        );
        assert_eq!(v[1..33], want[..], "entry {seq}");
        serde_json::from_slice::<serde_json::Value>(body).unwrap();
        for c in state.chunks_exact(36) {
            if c[4..] == [0; 32] {
                markers.remove(&u32_at(c, 0));
            } else {
                markers.insert(u32_at(c, 0), c[4..].to_vec());
            }
        }
        prev = v[1..33].to_vec();
    }
    let head = db.get(b"m/audit_head").unwrap().unwrap();
    assert_eq!(u64_at(&head, 1), seq);
    assert_eq!(head[9..41], prev[..]);
    let head_mac = mac(ring.audit_key(seq), &[b"head", &head[1..9], &head[9..41]]);
    assert_eq!(head[41..73], head_mac[..]);
    assert_eq!(ring.committed_seq, seq);

    // §5.3: markers.
    let mut block_written: BTreeMap<(u32, u8), u64> = BTreeMap::new();
    let mut generation: BTreeMap<u32, u32> = BTreeMap::new();
    for item in db.scan_prefix(b"g/") {
        let (k, v) = item.unwrap();
        let bucket = u32::from_str_radix(std::str::from_utf8(&k[2..]).unwrap(), 16).unwrap();
        assert_eq!((v[0], v.len()), (2, 173));
        assert_eq!(v[141..], markers[&bucket][..], "the chain names it");
        let want = mac(
            &ring.state_key(u64_at(&v, 5)),
            &[b"kluis marker v2", &bucket.to_be_bytes(), &v[..141]],
        );
        assert_eq!(v[141..], want[..]);
        generation.insert(bucket, u32_at(&v, 1));
        for shard in 0..16u8 {
            let w = u64_at(&v, 13 + usize::from(shard) * 8);
            if w != 0 {
                block_written.insert((bucket, shard), w);
            }
        }
    }
    assert_eq!(generation.len(), markers.len());
    assert!(
        generation.values().all(|g| *g == 1),
        "re-keyed by the rotation"
    );

    // §5.4: key blocks, and the data keys in them.
    let mut data_keys: BTreeMap<(String, String), (u32, Vec<u8>)> = BTreeMap::new();
    let mut blocks = 0;
    for item in db.scan_prefix(b"k/") {
        let (k, v) = item.unwrap();
        let name = std::str::from_utf8(&k[2..]).unwrap();
        let (b, s) = name.split_once('/').unwrap();
        let (bucket, shard) = (
            u32::from_str_radix(b, 16).unwrap(),
            u8::from_str_radix(s, 16).unwrap(),
        );
        assert_eq!(v[0], 2, "block version");
        let (g, written) = (u32_at(&v, 1), u64_at(&v, 5));
        assert_eq!(g, generation[&bucket]);
        assert_eq!(
            written,
            block_written[&(bucket, shard)],
            "the marker names it"
        );
        let entries = &v[13..v.len() - 32];
        let want = mac(
            &ring.state_key(written),
            &[
                b"kluis key block v2",
                &bucket.to_be_bytes(),
                &[shard],
                &v[1..13],
                entries,
            ],
        );
        assert_eq!(v[v.len() - 32..], want[..]);
        let bucket_key = &ring.bucket_keys[&(bucket, g)];
        for e in entries.chunks_exact(69) {
            let kind = kind_name(e[0]);
            let id = hex(&e[1..9]);
            let aad = [
                format!("kluis data key v1/{kind}/{id}/").as_bytes(),
                &bucket.to_be_bytes(),
                &g.to_be_bytes(),
            ]
            .concat();
            let dk = open(bucket_key, &aad, &e[9..]).expect("a data key opens");
            data_keys.insert((kind.to_string(), id), (bucket, dk));
        }
        blocks += 1;
    }
    assert_eq!(blocks, block_written.len());

    // §5.5: records.
    let mut records = 0;
    let mut names = Vec::new();
    for item in db.scan_prefix(b"r/") {
        let (k, v) = item.unwrap();
        let key = std::str::from_utf8(&k[2..]).unwrap();
        let (kind, id) = key.split_once('/').unwrap();
        assert_eq!(v[0], 1);
        let (bucket, dk) = &data_keys[&(kind.to_string(), id.to_string())];
        assert_eq!(u32_at(&v, 1), *bucket);
        let aad = format!("kluis record v1/{kind}/{id}");
        let plain = open(dk, aad.as_bytes(), &v[5..]).expect("a record opens");
        let json: serde_json::Value = serde_json::from_slice(&plain).unwrap();
        if kind == "person" {
            names.push(json["name"].as_str().unwrap().to_string());
        }
        records += 1;
    }
    assert_eq!(records, data_keys.len());
    assert!(records >= 20, "{records} records");
    assert!(names.contains(&"Anna de Vries".to_string()), "{names:?}");
}

/// The test vectors of FORMAT.md §7.
#[test]
fn the_test_vectors_of_format_md_hold() {
    let salt = [0u8; 16];
    let key1 = [1u8; 32];
    let state = derive(&key1, b"kluis stored state");
    let mut marker = vec![2u8];
    marker.extend_from_slice(&1u32.to_be_bytes());
    marker.extend_from_slice(&5u64.to_be_bytes());
    for shard in 0..16 {
        let w: u64 = if shard == 0xa { 5 } else { 0 };
        marker.extend_from_slice(&w.to_be_bytes());
    }
    let bucket: u32 = 2027 * 12 + 3;
    let vectors = [
        (
            "argon2id",
            hex(&argon2id(PASSPHRASE.as_bytes(), &salt, 1024, 1, 1)),
        ),
        ("keyring table", hex(&derive(&key1, b"keyring table"))),
        ("kluis stored state", hex(&state)),
        (
            "marker mac",
            hex(&mac(
                &state,
                &[b"kluis marker v2", &bucket.to_be_bytes(), &marker],
            )),
        ),
        (
            "record seal",
            hex(&seal_with_nonce(
                &[2u8; 32],
                [3u8; 12],
                b"kluis record v1/person/00112233445566ff",
                br#"{"name":"Test"}"#,
            )),
        ),
    ];
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md"))
        .unwrap();
    let missing: Vec<String> = vectors
        .iter()
        .map(|(name, value)| format!("- {name}: `{value}`"))
        .filter(|line| !doc.contains(line.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "FORMAT.md lacks\n{}",
        missing.join("\n")
    );
}
