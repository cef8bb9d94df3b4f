//! An account list checked as the file reader checks it, a slice at a time.
//!
//! Adding a list (`Edit::AddList`) checks every account as an import of the
//! workspace file would, so the workspace never holds what it could not read
//! back; for 100,000 accounts that is a quarter of a second in the browser.
//! [`ListChecker`] does the same check in steps the shell drives between
//! frames, and hands back a [`CheckedList`], which `Edit::AddCheckedList`
//! adds without checking again. Only a checker makes one: its field is
//! private.
//!
//! Rule: a step checks the accounts `[done, done + n)` as the reader checks
//! element `i` of `account_lists[index].accounts`. When a step finds a
//! problem, the whole list is checked again at once so the messages name
//! each account by its place in the list (failures are rare, so the long
//! check happens only then).

use std::sync::Arc;

use serde_json::Value;

use super::file_form::ToFile;
use super::{read, ImportError};
use crate::overlap::account::{Account, AccountList};

/// A list whose every account passed the reader's checks.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedList(Arc<AccountList>);

impl CheckedList {
    /// Check `list` in one go (as `index`-th list of the workspace).
    pub fn check(list: Arc<AccountList>, index: usize) -> Result<CheckedList, ImportError> {
        let mut c = ListChecker::new(list, index);
        while !c.step(usize::MAX)? {}
        Ok(c.finish().expect("every account was checked"))
    }

    pub fn list(&self) -> &Arc<AccountList> {
        &self.0
    }

    pub fn into_list(self) -> Arc<AccountList> {
        self.0
    }
}

/// Checks a list's accounts a step at a time.
#[derive(Debug)]
pub struct ListChecker {
    list: Arc<AccountList>,
    /// The list's place among the workspace's lists, for messages.
    index: usize,
    done: usize,
}

impl ListChecker {
    pub fn new(list: Arc<AccountList>, index: usize) -> ListChecker {
        ListChecker {
            list,
            index,
            done: 0,
        }
    }

    /// Accounts checked so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.list.accounts.len())
    }

    /// Check the next `n` accounts (at least one); `Ok(true)` once every
    /// account is checked.
    pub fn step(&mut self, n: usize) -> Result<bool, ImportError> {
        let all = &self.list.accounts;
        let end = self.done.saturating_add(n.max(1)).min(all.len());
        let path = || format!("account_lists[{}].accounts", self.index);
        if checked_value(&all[self.done..end], path()).is_err() {
            // Again, whole, for messages that count from the list's start.
            checked_value(all, path())?;
        }
        self.done = end;
        Ok(self.done == all.len())
    }

    /// The checked list, once every account is checked.
    pub fn finish(self) -> Option<CheckedList> {
        (self.done == self.list.accounts.len()).then_some(CheckedList(self.list))
    }
}

/// `accounts` in their file form, checked as the reader checks the list at
/// `path`: what adding a list, the checker and the autosave's parts share.
pub(crate) fn checked_value(accounts: &[Account], path: String) -> Result<Value, ImportError> {
    let value = accounts_value(accounts);
    read::check_accounts(&value, path).map_err(ImportError::Invalid)?;
    Ok(value)
}

/// `accounts` in their file form, unchecked.
pub(crate) fn accounts_value(accounts: &[Account]) -> Value {
    let files: Vec<_> = accounts.iter().map(ToFile::to_file).collect();
    serde_json::to_value(files).expect("account file types always serialize")
}
