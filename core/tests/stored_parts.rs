//! A workspace stored in parts (localStorage head + IndexedDB parts): it
//! reads back whole; an ordinary edit writes no part; a changed list writes
//! exactly its own; a missing part is named; below the size it stays whole.

use std::collections::HashMap;

use partnerfit_core::demo::demo;
use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::format::stored::parts_of;
use partnerfit_core::format::stored::{self, decode_with_parts};
use partnerfit_core::format::stored_encoder::{parts_reusable, Encoded, StoredEncoder};
use partnerfit_core::format::ImportError;
use partnerfit_core::partner::Score;
use partnerfit_core::{Id, Workspace};

/// Keys k1, k2, … in the order they are handed out.
fn keys() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("k{n}")
    }
}

/// What storage holds after writing `encoded` over `store`.
fn write(store: &mut HashMap<String, String>, encoded: &Encoded) {
    for p in &encoded.new_parts {
        assert!(
            !store.contains_key(&p.key),
            "a part is never overwritten: {}",
            p.key
        );
        store.insert(p.key.clone(), p.json.to_string());
    }
}

fn reads_back(head: &str, store: &HashMap<String, String>, ws: &Workspace) {
    let back = decode_with_parts(head, store).expect("the head reads back with its parts");
    assert_eq!(&back.loaded.workspace, ws);
}

fn rated(ws: &Workspace, score: u8) -> Workspace {
    let mut ws = ws.clone();
    let rate = PartnerEdit::Rate(Id::parse("buyer_access").unwrap(), Score::new(score));
    ws.apply(Edit::partner(&Id::parse("p-atlas").unwrap(), rate))
        .unwrap();
    ws
}

#[test]
fn split_workspace_reads_back_and_writes_only_what_changed() {
    let ws = demo();
    assert_eq!(ws.account_lists.len(), 2, "the demo has two lists");
    let (mut encoder, mut next, mut store) = (StoredEncoder::default(), keys(), HashMap::new());

    // Split (any size is over 0): one part per list and one for the deals.
    let first = encoder.encode(&ws, 1, 0, &mut next).unwrap();
    let names: Vec<&str> = first.new_parts.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(names, ["k1", "k2", "k3"]);
    assert_eq!(parts_of(&first.head), first.keys);
    let head: serde_json::Value = serde_json::from_str(&first.head).unwrap();
    let ws_head = &head["workspace"];
    for list in ws_head["account_lists"].as_array().unwrap() {
        assert_eq!(
            list["accounts"],
            serde_json::json!([]),
            "no account is in the head"
        );
    }
    assert_eq!(
        ws_head["pipeline"]["opportunities"],
        serde_json::json!([]),
        "no deal is in the head"
    );
    write(&mut store, &first);
    reads_back(&first.head, &store, &ws);
    assert_eq!(stored::revision_of(&first.head), Some(1));

    // An edit that touches no list or deal: a new head, no new part.
    let edited = rated(&ws, 2);
    let second = encoder.encode(&edited, 2, 0, &mut next).unwrap();
    assert_eq!(second.new_parts, []);
    assert_eq!(second.keys, first.keys);
    reads_back(&second.head, &store, &edited);

    // A list removed: the head names one list fewer, still no new part.
    let mut fewer = edited.clone();
    fewer
        .apply(Edit::RemoveList(ws.account_lists[0].id.clone()))
        .unwrap();
    let third = encoder.encode(&fewer, 3, 0, &mut next).unwrap();
    assert_eq!(third.new_parts, []);
    assert_eq!(third.keys.as_ref().unwrap().accounts, ["k2"]);
    reads_back(&third.head, &store, &fewer);

    // The list added back (a new import): only its part is new.
    let mut again = fewer.clone();
    again
        .apply(Edit::AddList(ws.account_lists[0].clone()))
        .unwrap();
    let fourth = encoder.encode(&again, 4, 0, &mut next).unwrap();
    let names: Vec<&str> = fourth.new_parts.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        names,
        ["k4"],
        "only the re-added list is a new part; the unchanged one keeps k2"
    );
    assert_eq!(fourth.keys.as_ref().unwrap().accounts, ["k2", "k4"]);
    write(&mut store, &fourth);
    reads_back(&fourth.head, &store, &again);
}

#[test]
fn a_reader_seeds_the_encoder_so_the_next_save_writes_no_part() {
    let ws = demo();
    let mut store = HashMap::new();
    let first = StoredEncoder::default()
        .encode(&ws, 1, 0, &mut keys())
        .unwrap();
    write(&mut store, &first);
    assert!(parts_reusable(&first.head));
    let back = decode_with_parts(&first.head, &store)
        .unwrap()
        .loaded
        .workspace;
    let keys_read = parts_of(&first.head).unwrap();
    let mut encoder = StoredEncoder::from_parts(&back, &keys_read, &store);
    let next = encoder
        .encode(&rated(&back, 5), 2, 0, &mut || unreachable!("no new key"))
        .unwrap();
    assert_eq!(next.new_parts, []);
}

#[test]
fn below_the_size_the_workspace_stays_whole_and_parts_are_let_go() {
    let ws = demo();
    let mut encoder = StoredEncoder::default();
    let split = encoder.encode(&ws, 1, 0, &mut keys()).unwrap();
    assert!(split.keys.is_some());
    let whole = encoder
        .encode(&ws, 2, usize::MAX, &mut || unreachable!())
        .unwrap();
    assert_eq!((whole.keys, whole.new_parts), (None, vec![]));
    assert_eq!(parts_of(&whole.head), None);
    assert_eq!(stored::decode(&whole.head).unwrap().loaded.workspace, ws);
    assert_eq!(
        whole.head,
        stored::encode_checked(&ws, 2).unwrap(),
        "the same text as the plain encoder"
    );
    // Split again later: the parts are written anew (the old ones were dropped).
    let again = encoder.encode(&ws, 3, 0, &mut keys()).unwrap();
    assert_eq!(again.new_parts.len(), 3);
}

#[test]
fn a_missing_or_damaged_part_is_named_and_nothing_is_read() {
    let ws = demo();
    let first = StoredEncoder::default()
        .encode(&ws, 1, 0, &mut keys())
        .unwrap();
    let mut full = HashMap::new();
    write(&mut full, &first);
    let check = |drop: &str, damage: Option<&str>, expected: &str| {
        let mut store = full.clone();
        match damage {
            Some(text) => store.insert(drop.into(), text.into()),
            None => store.remove(drop),
        };
        let err = decode_with_parts(&first.head, &store).unwrap_err();
        assert!(
            matches!(
                err,
                ImportError::PartMissing { .. } | ImportError::PartUnreadable { .. }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains(expected), "{drop}: {err}");
    };
    check("k2", None, "the accounts of account list 2 of the saved workspace are missing from the browser's database (IndexedDB)");
    check(
        "k3",
        None,
        "the opportunities of the saved workspace are missing",
    );
    check("k1", Some("[{\"name\":"), "the accounts of account list 1 of the saved workspace in the browser's database (IndexedDB) cannot be read");
    // A part that is JSON but not accounts is refused by the reader, by path.
    let mut store = full.clone();
    store.insert("k1".into(), "[{\"name\": 7}]".into());
    let err = decode_with_parts(&first.head, &store).unwrap_err();
    assert!(
        err.to_string().contains("account_lists[0].accounts[0]"),
        "{err}"
    );
}

/// A list's part made beforehand (the web app's worker makes it while it
/// builds an imported list) is what the save stores: the same text as an
/// encoder that serialises the list itself, for whole and split storage. A
/// primed text for another list object is not used for this one.
#[test]
fn a_primed_part_is_stored_as_the_encoder_would_write_it() {
    use partnerfit_core::format::stored_encoder::accounts_part;
    let ws = demo();
    for split_above in [0, usize::MAX] {
        let plain = StoredEncoder::default()
            .encode(&ws, 1, split_above, &mut keys())
            .unwrap();
        let mut primed = StoredEncoder::default();
        for list in &ws.account_lists {
            primed.prime(list.clone(), accounts_part(&list.accounts).unwrap());
        }
        assert_eq!(
            primed.encode(&ws, 1, split_above, &mut keys()).unwrap(),
            plain
        );
    }

    // Primed, then the list changes before the save: the changed list is
    // serialised afresh, the primed text is not stored for it.
    let mut primed = StoredEncoder::default();
    let list = ws.account_lists[0].clone();
    primed.prime(list.clone(), accounts_part(&list.accounts).unwrap());
    let mut changed = ws.clone();
    let mut shorter = (*list).clone();
    shorter.accounts.pop();
    changed.account_lists[0] = std::sync::Arc::new(shorter);
    let mut store = HashMap::new();
    let encoded = primed.encode(&changed, 1, 0, &mut keys()).unwrap();
    write(&mut store, &encoded);
    reads_back(&encoded.head, &store, &changed);
}
