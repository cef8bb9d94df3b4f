//! A workspace handed over in pieces (page ↔ background worker): every
//! chunk size gives the workspace back, and the lists' parts as the
//! autosave stores them; pieces that are missing, extra, out of order or
//! damaged are refused with what is wrong, never assembled.

use std::sync::Arc;

use partnerfit_core::demo::demo;
use partnerfit_core::format::pieces::{Assembly, Kind, Pieces};
use partnerfit_core::format::stored_encoder::{accounts_part, opportunities_part};
use partnerfit_core::Workspace;

/// The demo with an empty list between its two lists, so the pieces skip it.
fn with_empty_list() -> Workspace {
    let mut ws = demo();
    let mut empty = (*ws.account_lists[0]).clone();
    empty.id = partnerfit_core::Id::parse("empty-list").unwrap();
    empty.accounts.clear();
    ws.account_lists.insert(1, Arc::new(empty));
    ws
}

fn assemble(
    pieces: &[(Kind, String)],
) -> Result<partnerfit_core::format::pieces::Assembled, String> {
    let (first, rest) = pieces.split_first().ok_or("no pieces")?;
    let mut a = Assembly::new(&first.0, &first.1).map_err(|e| e.lines().join("; "))?;
    for (kind, text) in rest {
        a.add(kind, text).map_err(|e| e.lines().join("; "))?;
    }
    a.finish().map_err(|e| e.lines().join("; "))
}

#[test]
fn every_chunk_size_gives_the_workspace_and_its_parts_back() {
    let ws = with_empty_list();
    assert!(!ws.pipeline.opportunities.is_empty(), "the demo has deals");
    for chunk in [1, 2, 3, 7, 4_000] {
        let pieces = Pieces::with_chunk(ws.clone(), chunk);
        let count = pieces.total();
        let all: Vec<(Kind, String)> = pieces.collect();
        assert_eq!(
            all.len(),
            count,
            "chunk {chunk}: total() is the number of pieces"
        );
        assert!(matches!(all[0].0, Kind::Head { .. }));
        let back = assemble(&all).unwrap();
        assert_eq!(back.workspace, ws, "chunk {chunk}");
        for (list, part) in &back.parts {
            assert_eq!(
                part,
                &accounts_part(&list.accounts).unwrap(),
                "chunk {chunk}: the joined chunks are the part the autosave stores"
            );
        }
        assert_eq!(
            back.opportunities,
            opportunities_part(&ws.pipeline.opportunities, &ws).unwrap(),
            "chunk {chunk}: the opportunities' chunks joined are their part"
        );
        assert_eq!(
            partnerfit_core::format::file_len(&back.workspace),
            partnerfit_core::format::save(&back.workspace).len(),
            "chunk {chunk}: what the assembly counted is what the file weighs"
        );
    }
}

/// A change made to the pieces.
type Change = fn(&mut Vec<(Kind, String)>);

/// What assembling gives after `change` is done to the demo's pieces
/// (chunks of 2): `Ok` or the message.
fn check(change: Change, expect: Result<(), &str>) {
    let mut pieces: Vec<(Kind, String)> = Pieces::with_chunk(with_empty_list(), 2).collect();
    change(&mut pieces);
    match (assemble(&pieces), expect) {
        (Ok(_), Ok(())) => {}
        (Err(e), Err(want)) => assert!(e.contains(want), "{e:?} should say {want:?}"),
        (got, want) => panic!("got {:?}, expected {want:?}", got.map(|_| ())),
    }
}

fn last_accounts(p: &[(Kind, String)]) -> usize {
    p.iter()
        .rposition(|(k, _)| matches!(k, Kind::Accounts { .. }))
        .unwrap()
}

#[test]
fn pieces_that_do_not_add_up_are_refused() {
    let rows: Vec<(Change, Result<(), &str>)> = vec![
        (|_| {}, Ok(())),
        (|p| p.swap(0, 1), Err("it must come first")),
        (
            |p| {
                let i = p
                    .iter()
                    .position(|(k, _)| matches!(k, Kind::Accounts { .. }))
                    .unwrap();
                p.remove(i);
            },
            Err("accounts of account list 1 ("),
        ),
        (
            |p| {
                let i = p
                    .iter()
                    .rposition(|(k, _)| *k == Kind::Opportunities)
                    .unwrap();
                p.remove(i);
            },
            Err("opportunities ("),
        ),
        (
            |p| {
                let i = last_accounts(p);
                p.insert(i, p[i].clone());
            },
            Err("no more accounts of account list 3"),
        ),
        (
            |p| {
                let i = last_accounts(p);
                p[i].0 = Kind::Accounts { list: 9 };
            },
            Err("account list 10 (there is none)"),
        ),
        (
            |p| {
                let i = last_accounts(p);
                let half = p[i].1.len() / 2;
                p[i].1.truncate(half);
            },
            Err("the accounts of account list 3 that came cannot be read: EOF"),
        ),
        (
            |p| {
                let i = last_accounts(p);
                p[i].1 = r#"[{"line":1}]"#.into();
            },
            Err("account_lists[2].accounts[0]"),
        ),
        (
            |p| {
                let head = p[0].clone();
                p.insert(1, head);
            },
            Err("expected one head, not two"),
        ),
        (
            |p| {
                if let Kind::Head { accounts, .. } = &mut p[0].0 {
                    accounts.pop();
                }
            },
            Err("it has 3, the pieces announce 2"),
        ),
    ];
    for (change, expect) in rows {
        check(change, expect);
    }
}

/// More accounts and deals than the size memo's threshold: what the
/// assembly counted as the pieces came is remembered, and is what the file
/// weighs.
#[test]
fn a_large_workspace_assembled_counts_its_file_size_right() {
    let mut ws = demo();
    let list = Arc::make_mut(&mut ws.account_lists[0]);
    let first = list.accounts[0].clone();
    list.accounts = (0..1_500)
        .map(|i| {
            let mut a = first.clone();
            a.name = format!("Account \"{i}\" GmbH");
            a.line = i + 2;
            a
        })
        .collect();
    let one = ws.pipeline.opportunities[0].clone();
    Arc::make_mut(&mut ws.pipeline).opportunities = (0..1_200)
        .map(|i| {
            let mut o = (*one).clone();
            o.id = partnerfit_core::Id::parse(&format!("opp-big-{i}")).unwrap();
            o.crm_id = format!("crm-big-{i}");
            o.name = format!("Deal {i}");
            Arc::new(o)
        })
        .collect();
    let back = assemble(&Pieces::with_chunk(ws.clone(), 400).collect::<Vec<_>>()).unwrap();
    assert_eq!(back.workspace, ws);
    assert_eq!(
        partnerfit_core::format::file_len(&back.workspace),
        partnerfit_core::format::save(&back.workspace).len()
    );
}
