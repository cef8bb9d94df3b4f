//! Lists and maps of records as the sections read them: each item at its
//! place, ids unique within a list, references to records read elsewhere.

use std::collections::{BTreeMap, BTreeSet};

use crate::format::cursor::Place;
use crate::format::file::reader::{Part, ReadJson};
use crate::id::Id;

/// Every item converted, or `None` when one could not be (each one is
/// converted, so that each reports its problems).
fn every<T>(items: impl Iterator<Item = Option<T>>) -> Option<Vec<T>> {
    let mut ok = true;
    let mut out = Vec::with_capacity(items.size_hint().0);
    for item in items {
        match item {
            Some(v) => out.push(v),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// Every item of the list at `at` converted by `read` at its place.
pub(super) fn each<T, U>(
    list: Vec<T>,
    at: &Place,
    mut read: impl FnMut(T, &Place) -> Option<U>,
) -> Option<Vec<U>> {
    every(
        list.into_iter()
            .enumerate()
            .map(|(i, item)| read(item, &at.index(i))),
    )
}

/// Every entry of the map at `at`: its key converted by `key` at the
/// entry's place, and its value.
pub(super) fn entries<K, V: ReadJson>(
    map: Part<BTreeMap<String, V>>,
    at: &Place,
    key: impl Fn(&Place, &str) -> Option<K>,
) -> Option<Vec<(K, V)>> {
    every(map.partial()?.into_iter().map(|e| {
        let k = key(&at.key(&e.key), &e.key);
        let value = e.value.whole();
        Some((k?, value?))
    }))
}

/// How the records of a list are told apart: their id, keyed `key`, and
/// what they are called in messages ([`ids_of!`]).
pub(super) struct Ids<T: ReadJson> {
    pub what: &'static str,
    pub key: &'static str,
    pub id: fn(&T::Partial) -> Option<&Id>,
}

/// The [`Ids`] of records `$record`, told apart by their field `id` and
/// called `$what` in messages.
macro_rules! ids_of {
    ($record:ident, $what:literal) => {
        $crate::format::read::lists::Ids::<$record> {
            what: $what,
            key: $crate::format::file::declare::file_key!($record, id),
            id: |record| record.id.as_partial(),
        }
    };
}
pub(super) use ids_of;

/// Ids of records read elsewhere, that records point at; `None` when they
/// could not be read (then references to them are not checked, to avoid
/// noise).
pub(super) type Known = Option<BTreeSet<Id>>;

/// The ids of the items of a list that could be read; `None` when the list
/// itself could not be.
pub(super) fn ids<T: ReadJson>(list: &Part<Vec<T>>, ids: &Ids<T>) -> Known {
    Some(
        list.as_partial()?
            .iter()
            .filter_map(|item| (ids.id)(item.as_partial()?))
            .cloned()
            .collect(),
    )
}

/// A list of records with ids: every id seen before in the list is
/// reported at `list[i].<key>`, then every item converted by `read` at its
/// place.
pub(super) fn unique<T: ReadJson, U>(
    list: Part<Vec<T>>,
    at: &Place,
    ids: &Ids<T>,
    read: impl FnMut(Part<T>, &Place) -> Option<U>,
) -> Option<Vec<U>> {
    let list = list.partial()?;
    // By the id folded to lower case: ids that differ only in case are
    // refused too (read aloud, typed, or compared by a spreadsheet, they
    // are the same record).
    let mut seen: BTreeMap<String, &Id> = BTreeMap::new();
    for (i, item) in list.iter().enumerate() {
        if let Some(id) = item.as_partial().and_then(ids.id) {
            let first = *seen.entry(id.as_str().to_lowercase()).or_insert(id);
            if !std::ptr::eq(first, id) {
                let what = ids.what;
                at.index(i).key(ids.key).report(if first == id {
                    format!("duplicate {what} id \"{id}\"")
                } else {
                    format!("{what} id \"{id}\" differs from \"{first}\" only in case: ids must differ in more than that")
                });
            }
        }
    }
    each(list, at, read)
}

/// The ids of the list at `at`, each one of `known` (records of `what`).
pub(super) fn ref_list(
    list: Part<Vec<Id>>,
    at: &Place,
    known: &Known,
    what: &str,
) -> Option<Vec<Id>> {
    each(list.partial()?, at, |id, at| {
        let id = id.whole()?;
        check_ref(at, known, &id, what).then_some(id)
    })
}

/// Is `id` one of `known` (a record of `what`)? Reported at `at` if not.
pub(super) fn check_ref(at: &Place, known: &Known, id: &Id, what: &str) -> bool {
    match known {
        Some(known) if !known.contains(id) => {
            not_one_of(at, id.as_str(), what);
            false
        }
        _ => true,
    }
}

/// A map key that names a record of `what`: its id, if it is one of `known`.
pub(super) fn key_ref(at: &Place, known: &Known, key: &str, what: &str) -> Option<Id> {
    match Id::parse(key) {
        Ok(id) => check_ref(at, known, &id, what).then_some(id),
        Err(e) => {
            match known {
                Some(_) => not_one_of(at, key, what),
                None => at.report(e.to_string()),
            }
            None
        }
    }
}

fn not_one_of(at: &Place, key: &str, what: &str) {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    at.report(format!(
        "\"{key}\" is not {article} {what} of this workspace"
    ));
}
