//! A change written in slices (`journal`) stays all or nothing: cut off at
//! any batch, by a store that fails from then on (what a crash leaves on
//! disk), the vault opens again as it was before or as it is after, with no
//! journal left; a page that is not the vault's own, or that names a record
//! with a committed data key, takes nothing away, and while a key block
//! cannot be read no record goes. A failed change's slice neither stops the
//! vault from opening on a full disk nor outlives the next change (one with
//! its sequence number, or a passphrase change that replaces its MAC key).

use super::journal::{self, Page, Step};
use super::store::{Bytes, Entries, SledStore, Store, Write};
use super::{Change, KdfParams, Put, Vault, VaultError, bucket_of, event, record_key, state_key};
use crate::domain::{Id, Kind};
use chrono::NaiveDate;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use zeroize::Zeroizing;

const PASS: &[u8] = b"journal test passphrase";
/// More new records than two slices hold, so a change takes several batches.
const MANY: usize = 2 * journal::SLICE_WRITES + 300;

/// A store that writes `left` more batches and then fails every write, as
/// a process killed at that moment would have left the disk.
struct CutOff {
    inner: SledStore,
    left: Arc<AtomicUsize>,
}

impl Store for CutOff {
    fn get(&self, key: &[u8]) -> Result<Option<Bytes>, VaultError> {
        self.inner.get(key)
    }
    fn scan_prefix<'a>(&'a self, prefix: &[u8]) -> Entries<'a> {
        self.inner.scan_prefix(prefix)
    }
    fn apply(&mut self, writes: Vec<Write>) -> Result<(), VaultError> {
        let left = self.left.load(Ordering::SeqCst);
        if left == 0 {
            return Err(VaultError::DiskFull);
        }
        self.left.store(left - 1, Ordering::SeqCst);
        self.inner.apply(writes)
    }
    fn reopen_if_closed(&mut self) -> Result<(), VaultError> {
        self.inner.reopen_if_closed()
    }
    fn size_on_disk(&self) -> u64 {
        self.inner.size_on_disk()
    }
}

fn open_cut_off(dir: &Path, left: &Arc<AtomicUsize>) -> Result<Vault, VaultError> {
    let left = Arc::clone(left);
    Vault::open_on(dir, PASS, move |inner| Box::new(CutOff { inner, left }))
}

fn id(i: usize) -> Option<Id> {
    // Spread over the id space, as random ids are.
    Id::parse(&format!(
        "{:016x}",
        (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    ))
}

fn people(from: usize, to: usize, deadline: &str) -> Result<Vec<Put<'static>>, VaultError> {
    let deadline = NaiveDate::parse_from_str(deadline, "%Y-%m-%d").ok();
    (from..to)
        .map(|i| {
            Ok(Put {
                kind: Kind::Person,
                id: id(i).ok_or(VaultError::Random)?,
                plaintext: Zeroizing::new(format!("{{\"name\":\"Deelnemer {i}\"}}").into_bytes())
                    .into(),
                bucket: bucket_of(deadline),
            })
        })
        .collect()
}

/// The people `ids` as a change deletes them.
fn persons(ids: impl Iterator<Item = usize>) -> Result<Vec<(Kind, Id)>, VaultError> {
    ids.map(|i| Ok((Kind::Person, id(i).ok_or(VaultError::Random)?)))
        .collect()
}

fn change(puts: Vec<Put<'static>>, deletes: Vec<(Kind, Id)>) -> Change<'static> {
    Change {
        puts,
        deletes,
        audit: event("2026-12-03T10:00:00+01:00", "test"),
    }
}

/// A vault of 100 people (in two deadline months) in `dir`.
fn base(dir: &Path) -> Result<(), VaultError> {
    let mut v = Vault::create(dir, PASS, KdfParams::FOR_TESTS, "2026-12-01T09:00:00+01:00")?;
    let mut puts = people(0, 50, "2027-01-31")?;
    puts.extend(people(50, 100, "2027-03-31")?);
    v.apply(change(puts, Vec::new()))
}

/// `base`, and `MANY` people more (ids from 100, in a third month).
fn base_and_many(dir: &Path) -> Result<(), VaultError> {
    base(dir)?;
    let mut v = Vault::open(dir, PASS)?;
    v.apply(change(people(100, 100 + MANY, "2027-02-28")?, Vec::new()))
}

/// What a vault holds, as the tests compare it: the people that open, the
/// problems `check` finds, and whether journal pages or values of records
/// without a data key are left in the store.
#[derive(Debug, PartialEq, Eq)]
struct State {
    people: usize,
    problems: usize,
    journal_pages: usize,
    stored_records: usize,
}

fn state(dir: &Path) -> Result<State, VaultError> {
    state_with(dir, PASS)
}

fn state_with(dir: &Path, passphrase: &[u8]) -> Result<State, VaultError> {
    let v = Vault::open(dir, passphrase)?;
    let report = v.check(|_, _| Ok(()))?;
    Ok(State {
        people: report.records_checked,
        problems: report.problems.len() + usize::from(!report.audit_chain_ok),
        journal_pages: v.store.scan_prefix(journal::PREFIX).count(),
        stored_records: v.store.scan_prefix(b"r/").count(),
    })
}

fn settled(people: usize) -> State {
    State {
        people,
        problems: 0,
        journal_pages: 0,
        stored_records: people,
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn io(e: std::io::Error) -> VaultError {
    VaultError::io("copy", Path::new("test vault"), e)
}

/// Runs `make` (a change) on a copy of `base_dir` cut off after every
/// possible number of batches, and checks each outcome: the change's error
/// means the vault is as it was, its success that it is as after.
fn cut_off_everywhere(
    base_dir: &Path,
    make: impl Fn() -> Result<Change<'static>, VaultError>,
    before: usize,
    after: usize,
) -> Result<usize, VaultError> {
    let scratch = tempfile::tempdir().map_err(io)?;
    let whole = scratch.path().join("whole");
    copy_dir(base_dir, &whole).map_err(io)?;
    let left = Arc::new(AtomicUsize::new(usize::MAX));
    {
        let mut v = open_cut_off(&whole, &left)?;
        v.apply(make()?)?;
    }
    let batches = usize::MAX - left.load(Ordering::SeqCst);
    assert_eq!(state(&whole)?, settled(after));
    for cut in 0..batches {
        let dir = scratch.path().join(format!("cut{cut}"));
        copy_dir(base_dir, &dir).map_err(io)?;
        let left = Arc::new(AtomicUsize::new(cut));
        let done = {
            let mut v = open_cut_off(&dir, &left)?;
            v.apply(make()?).is_ok()
        };
        let want = if done { after } else { before };
        assert_eq!(
            state(&dir)?,
            settled(want),
            "cut off after {cut} of {batches} batches"
        );
    }
    Ok(batches)
}

#[test]
fn an_import_cut_off_at_any_batch_is_all_or_nothing() -> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base(dir.path())?;
    let import = || Ok(change(people(100, 100 + MANY, "2027-02-28")?, Vec::new()));
    let batches = cut_off_everywhere(dir.path(), import, 100, 100 + MANY)?;
    // Three slices, the commit, and the undo pages taken away.
    assert_eq!(batches, 5);
    Ok(())
}

#[test]
fn a_purge_cut_off_at_any_batch_is_all_or_nothing() -> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base_and_many(dir.path())?;
    // A whole deadline month, and a few records of one that stays.
    let purge = || {
        let deletes = persons((0..10).chain(100..100 + MANY))?;
        Ok(change(Vec::new(), deletes))
    };
    let batches = cut_off_everywhere(dir.path(), purge, 100 + MANY, 90)?;
    // The commit, and three remove pages with their records taken away.
    assert_eq!(batches, 4);
    Ok(())
}

#[test]
fn a_change_that_failed_partway_leaves_nothing_in_the_way_of_the_next() -> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base(dir.path())?;
    let import = || people(100, 100 + MANY, "2027-02-28");
    // The first slice is written, then every write fails: also the undo.
    let left = Arc::new(AtomicUsize::new(1));
    {
        let mut v = open_cut_off(dir.path(), &left)?;
        assert!(v.apply(change(import()?, Vec::new())).is_err());
        assert_eq!(v.store.scan_prefix(journal::PREFIX).count(), 1);
        // The disk has room again; the vault stayed open (the UI), and the
        // next change, another one, has the sequence number of the failed
        // one: the failed one's slice must not pass for part of it.
        left.store(usize::MAX, Ordering::SeqCst);
        v.apply(change(people(100, 110, "2027-02-28")?, Vec::new()))?;
    }
    assert_eq!(state(dir.path())?, settled(110));
    Ok(())
}

#[test]
fn a_page_takes_away_only_records_without_a_committed_data_key() -> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base(dir.path())?;
    {
        let mut v = Vault::open(dir.path(), PASS)?;
        let seq = v.head.seq;
        let keys = (0..10)
            .map(|i| Ok(record_key(Kind::Person, &id(i).ok_or(VaultError::Random)?)))
            .collect::<Result<Vec<_>, VaultError>>()?;
        let page = |seq, n, step| Page {
            seq,
            n,
            step,
            keys: keys.clone(),
        };
        // Pages with valid MACs, of the next change (not committed) and of
        // the last one (committed), that name records with committed keys;
        // and a page that is not this vault's.
        let writes = vec![
            page(seq + 1, 0, Step::Undo).write(&state_key(&v.keyring, seq + 1)),
            page(seq, 0, Step::Remove).write(&state_key(&v.keyring, seq)),
            page(seq + 1, 1, Step::Undo).write(&super::SecretKey::from_bytes([1; 32])),
        ];
        v.store.apply(writes)?;
    }
    assert_eq!(state(dir.path())?, settled(100));
    Ok(())
}

/// A failed import's first slice and its undo page, left in `dir`'s store
/// as a process killed right after it would leave them.
fn leave_a_slice(dir: &Path) -> Result<(), VaultError> {
    let left = Arc::new(AtomicUsize::new(1));
    let mut v = open_cut_off(dir, &left)?;
    assert!(
        v.apply(change(people(100, 100 + MANY, "2027-02-28")?, Vec::new()))
            .is_err()
    );
    assert_eq!(v.store.scan_prefix(journal::PREFIX).count(), 1);
    Ok(())
}

#[test]
fn a_passphrase_change_after_a_failed_change_settles_its_slice_first() -> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base(dir.path())?;
    leave_a_slice(dir.path())?;
    {
        // Opened on a disk that takes no writes: the slice cannot go yet,
        // and the vault opens all the same.
        let left = Arc::new(AtomicUsize::new(0));
        let mut v = open_cut_off(dir.path(), &left)?;
        assert_eq!(v.store.scan_prefix(journal::PREFIX).count(), 1);
        // Room again: the rotation replaces the audit key the slice's page
        // is MACed under, so the slice must go before it.
        left.store(usize::MAX, Ordering::SeqCst);
        v.change_passphrase(b"a new passphrase", "2026-12-03T11:00:00+01:00")?;
    }
    assert_eq!(state_with(dir.path(), b"a new passphrase")?, settled(100));
    Ok(())
}

#[test]
fn a_page_that_is_not_the_vaults_own_removes_nothing() -> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base(dir.path())?;
    {
        let mut v = Vault::open(dir.path(), PASS)?;
        let seq = v.head.seq + 1;
        // Values without a data key, as an interrupted change leaves them:
        // the one thing a page may take away.
        let keys = |from: usize| {
            (from..from + 5)
                .map(|i| Ok(record_key(Kind::Person, &id(i).ok_or(VaultError::Random)?)))
                .collect::<Result<Vec<_>, VaultError>>()
        };
        let (theirs, ours) = (keys(1000)?, keys(2000)?);
        let mut writes: Vec<Write> = theirs
            .iter()
            .chain(&ours)
            .map(|k| (k.clone(), Some(vec![1, 0, 0, 0, 0, 9, 9, 9])))
            .collect();
        let page = |n, keys: &Vec<Vec<u8>>| Page {
            seq,
            n,
            step: Step::Undo,
            keys: keys.clone(),
        };
        writes.push(page(0, &theirs).write(&super::SecretKey::from_bytes([1; 32])));
        writes.push(page(1, &ours).write(&state_key(&v.keyring, seq)));
        v.store.apply(writes)?;
    }
    let after = state(dir.path())?;
    // The five the foreign page names stay (and `check` names them); the
    // five on the vault's own page are gone; no page is left.
    assert_eq!(
        (after.people, after.stored_records, after.journal_pages),
        (105, 105, 0)
    );
    assert_eq!(after.problems, 5);
    Ok(())
}

#[test]
fn a_record_deleted_and_written_in_one_change_is_written() -> Result<(), VaultError> {
    for many in [10, MANY] {
        let dir = tempfile::tempdir().map_err(io)?;
        base(dir.path())?;
        {
            let mut v = Vault::open(dir.path(), PASS)?;
            let mut puts = people(100, 100 + many, "2027-02-28")?;
            puts.extend(people(0, 5, "2027-05-31")?);
            let deletes = persons(0..5)?;
            v.apply(change(puts, deletes))?;
            let kept = id(0).ok_or(VaultError::Random)?;
            assert!(v.get(Kind::Person, &kept)?.is_some(), "{many} new records");
        }
        assert_eq!(
            state(dir.path())?,
            settled(100 + many),
            "{many} new records"
        );
    }
    Ok(())
}

#[test]
fn with_a_key_block_that_cannot_be_read_every_record_stays() -> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base(dir.path())?;
    leave_a_slice(dir.path())?;
    {
        // A key block damaged on disk (its MAC), the vault closed.
        let mut db = SledStore::open(&dir.path().join(super::DB_DIR))?;
        let (k, v) = db.scan_prefix(b"k/").next().ok_or(VaultError::Random)??;
        let mut damaged = v.to_vec();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        db.apply(vec![(k.to_vec(), Some(damaged))])?;
    }
    let after = state(dir.path())?;
    // Whose data keys that block held is unknown, so the slice's records
    // stay (`check` names them and the block); the page goes.
    assert_eq!(after.journal_pages, 0);
    assert_eq!(after.stored_records, 100 + journal::SLICE_WRITES);
    Ok(())
}

#[test]
fn a_change_with_new_rewritten_and_deleted_records_cut_off_anywhere_is_all_or_nothing()
-> Result<(), VaultError> {
    let dir = tempfile::tempdir().map_err(io)?;
    base_and_many(dir.path())?;
    // New records (in slices before the commit), records rewritten into
    // another month (in the commit batch) and deletions (on remove pages):
    // undo and remove pages of one change, numbered on from each other.
    let mixed = || {
        let mut puts = people(10_000, 10_000 + MANY, "2027-04-30")?;
        puts.extend(people(0, 50, "2027-05-31")?);
        let deletes = persons(100..100 + MANY - 7)?;
        Ok(change(puts, deletes))
    };
    let batches = cut_off_everywhere(dir.path(), mixed, 100 + MANY, 107 + MANY)?;
    // Three slices, the commit, three remove pages, the undo pages.
    assert_eq!(batches, 8);
    Ok(())
}

#[test]
fn a_record_deleted_and_written_beside_thousands_of_deletions_is_written() -> Result<(), VaultError>
{
    let dir = tempfile::tempdir().map_err(io)?;
    base_and_many(dir.path())?;
    {
        let mut v = Vault::open(dir.path(), PASS)?;
        // Enough deletions for remove pages; five of them written as well.
        let deletes = persons((0..5).chain(100..100 + MANY))?;
        v.apply(change(people(0, 5, "2027-05-31")?, deletes))?;
        let kept = id(0).ok_or(VaultError::Random)?;
        assert!(v.get(Kind::Person, &kept)?.is_some());
    }
    assert_eq!(state(dir.path())?, settled(100));
    Ok(())
}
