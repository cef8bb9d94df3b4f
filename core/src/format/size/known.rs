//! What lists' accounts and pipelines' opportunities add to the file,
//! remembered for the list or pipeline they were counted for.
//!
//! The rule that makes remembering sound: an entry is keyed by the
//! allocation of the `Arc` it was counted for, and holds a `Weak` to it.
//! While that `Weak` lives, the allocation is not reused, and the value
//! behind it cannot change: `Arc::get_mut` refuses (there is a weak
//! pointer), and `Arc::make_mut` moves the value to a new allocation,
//! leaving the entry's `Weak` dead. An entry whose `Weak` is dead is
//! dropped. So a remembered count is always the count of what is behind
//! the pointer, and the answers are those of counting afresh.
//!
//! Only lists and pipelines of [`WORTH`] records or more are remembered:
//! the rest cost less to count than to look up.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use super::Records;
use crate::overlap::account::AccountList;
use crate::pipeline::Pipeline;

/// Records below which a list or pipeline is counted every time.
const WORTH: usize = 1_000;

/// Counts for the lists and pipelines alive, by allocation.
struct Known<T> {
    entries: Vec<(Weak<T>, usize)>,
}

impl<T> Known<T> {
    const fn new() -> Self {
        Known {
            entries: Vec::new(),
        }
    }

    fn get(&mut self, of: &Arc<T>) -> Option<usize> {
        self.entries.retain(|(w, _)| w.strong_count() > 0);
        self.entries
            .iter()
            .find(|(w, _)| std::ptr::eq(w.as_ptr(), Arc::as_ptr(of)))
            .map(|(_, n)| *n)
    }

    fn put(&mut self, of: &Arc<T>, n: usize) {
        self.entries
            .retain(|(w, _)| w.strong_count() > 0 && !std::ptr::eq(w.as_ptr(), Arc::as_ptr(of)));
        self.entries.push((Arc::downgrade(of), n));
    }
}

thread_local! {
    static LISTS: RefCell<Known<AccountList>> = const { RefCell::new(Known::new()) };
    static PIPELINES: RefCell<Known<Pipeline>> = const { RefCell::new(Known::new()) };
}

fn remembered<T>(
    known: &'static std::thread::LocalKey<RefCell<Known<T>>>,
    of: &Arc<T>,
    records: usize,
    count: impl FnOnce(&T) -> usize,
) -> usize {
    if records < WORTH {
        return count(of);
    }
    if let Some(n) = known.with_borrow_mut(|k| k.get(of)) {
        return n;
    }
    let n = count(of);
    known.with_borrow_mut(|k| k.put(of, n));
    n
}

/// What `list`'s accounts add to the file beyond an empty `[]`.
pub(crate) fn accounts_len(list: &Arc<AccountList>) -> usize {
    remembered(&LISTS, list, list.accounts.len(), super::accounts_len)
}

/// What `pipeline`'s opportunities add to the file beyond an empty `[]`.
pub(crate) fn opportunities_len(pipeline: &Arc<Pipeline>) -> usize {
    remembered(
        &PIPELINES,
        pipeline,
        pipeline.opportunities.len(),
        super::opportunities_len,
    )
}

/// `list`'s accounts were counted as they were built (`records`, every
/// account of it).
pub(crate) fn remember_accounts(list: &Arc<AccountList>, records: Records) {
    debug_assert_eq!(records.n, list.accounts.len());
    if records.n >= WORTH {
        LISTS.with_borrow_mut(|k| k.put(list, records.accounts_len()));
    }
}

/// `pipeline`'s opportunities were counted as they were built.
pub(crate) fn remember_opportunities(pipeline: &Arc<Pipeline>, records: Records) {
    debug_assert_eq!(records.n, pipeline.opportunities.len());
    if records.n >= WORTH {
        PIPELINES.with_borrow_mut(|k| k.put(pipeline, records.opportunities_len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo;
    use crate::format;

    /// A list of the demo's, grown to `n` accounts.
    fn list_of(n: usize) -> Arc<AccountList> {
        let ws = demo();
        let mut list = (*ws.account_lists[0]).clone();
        let first = list.accounts[0].clone();
        list.accounts = (0..n)
            .map(|i| {
                let mut a = first.clone();
                a.name = format!("Account {i}");
                a.line = i + 2;
                a
            })
            .collect();
        Arc::new(list)
    }

    #[test]
    fn a_list_changed_after_its_count_is_counted_again() {
        let mut ws = demo();
        ws.account_lists = vec![list_of(WORTH)];
        let before = format::file_len(&ws);
        assert_eq!(before, format::save(&ws).len());
        // The only strong pointer: `make_mut` changes the list where it is
        // unless the remembered count's weak pointer moves it.
        let list = Arc::make_mut(&mut ws.account_lists[0]);
        list.accounts[0]
            .name
            .push_str(" and a much longer name than before");
        let after = format::file_len(&ws);
        assert_eq!(after, format::save(&ws).len());
        assert!(after > before);
    }

    #[test]
    fn a_pipeline_changed_after_its_count_is_counted_again() {
        let mut ws = demo();
        let one = Arc::clone(&ws.pipeline.opportunities[0]);
        let pipeline = Arc::make_mut(&mut ws.pipeline);
        pipeline.opportunities = (0..WORTH)
            .map(|i| {
                let mut o = (*one).clone();
                o.id = crate::Id::parse(&format!("opp-{i}")).expect("valid id");
                o.crm_id = format!("crm-{i}");
                Arc::new(o)
            })
            .collect();
        let before = format::file_len(&ws);
        assert_eq!(before, format::save(&ws).len());
        let pipeline = Arc::make_mut(&mut ws.pipeline);
        Arc::make_mut(&mut pipeline.opportunities[0]).name = "A renamed deal".repeat(5);
        let after = format::file_len(&ws);
        assert_eq!(after, format::save(&ws).len());
        assert!(after > before);
    }

    #[test]
    fn counts_made_while_building_are_the_counts() {
        let list = list_of(WORTH + 1);
        let mut records = Records::default();
        records.add_accounts(&list.accounts);
        remember_accounts(&list, records);
        assert_eq!(accounts_len(&list), super::super::accounts_len(&list));
    }
}
