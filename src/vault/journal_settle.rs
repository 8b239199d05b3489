//! Settling the journal (`journal`) in the store: what an interrupted
//! change that was written in slices left is undone or finished, and what a
//! committed one listed is taken away.

use super::store::Write;
use super::{Vault, VaultError, journal, parse_record_key, state_key};

impl Vault {
    /// Takes away what committed change `seq` listed on its journal pages:
    /// the records its remove pages name, then the pages.
    pub(super) fn clear_journal(
        &mut self,
        seq: u64,
        undo_pages: u32,
        remove_pages: Vec<journal::Page>,
    ) -> Result<(), VaultError> {
        for page in remove_pages {
            let mut writes: Vec<Write> = page.keys.into_iter().map(|k| (k, None)).collect();
            writes.push((journal::page_key(page.seq, page.n), None));
            self.store.apply(writes)?;
        }
        if undo_pages > 0 {
            self.store.apply(
                (0..undo_pages)
                    .map(|n| (journal::page_key(seq, n), None))
                    .collect(),
            )?;
        }
        Ok(())
    }

    /// Finishes or undoes a change that was written in slices and then
    /// interrupted (DESIGN.md §7, property 7, `journal`): the records on undo pages
    /// of a change that did not commit, and those on remove pages of one
    /// that did, are taken away, then every page. A record with a committed
    /// data key is never taken away, whatever a page says; a page whose MAC
    /// does not hold only goes itself. A vault opened for reading only
    /// keeps everything.
    pub(super) fn settle_journal(&mut self) -> Result<(), VaultError> {
        if self.read_only.is_some() {
            return Ok(());
        }
        let mut pages: Vec<Vec<u8>> = Vec::new();
        let mut doomed: Vec<Vec<u8>> = Vec::new();
        for item in self.store.scan_prefix(journal::PREFIX) {
            let (k, v) = item?;
            let page = journal::Page::read(&k, &v, |seq| state_key(&self.keyring, seq));
            pages.push(k.to_vec());
            let Some(page) = page else { continue };
            let committed = page.seq <= self.head.seq;
            if committed == (page.step == journal::Step::Remove) {
                doomed.extend(
                    page.keys
                        .into_iter()
                        .filter(|k| parse_record_key(k).is_some()),
                );
            }
        }
        if pages.is_empty() {
            return Ok(());
        }
        doomed.sort();
        doomed.dedup();
        if !doomed.is_empty() {
            // Store order, as the index walks it. While any key block fails
            // its check (malformed, damaged, missing, or not the one its
            // marker names), whose records it holds is not known for sure:
            // every record stays (`check` names the block and what has no
            // key), and the pages go, as they must before the next change.
            let (mut index, damaged) = self.key_index()?;
            if !damaged.is_empty() {
                doomed.clear();
            }
            doomed.retain(|k| {
                parse_record_key(k).is_some_and(|(kind, id)| index.take(kind, &id).is_none())
            });
        }
        for slice in doomed.chunks(journal::SLICE_WRITES) {
            self.store
                .apply(slice.iter().map(|k| (k.clone(), None)).collect())?;
        }
        self.store
            .apply(pages.into_iter().map(|k| (k, None)).collect())
    }
}
