//! The memory 100 undo steps hold on the budget's workspace (500 partners,
//! two lists of 100,000 accounts): under twice the workspace itself, because
//! a kept state shares the account lists and every partner the edit did not
//! touch. Counted with an allocator that tracks live bytes; the figures are
//! printed (run with `--nocapture`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use partnerfit_core::edit::history::History;
use partnerfit_core::edit::{Edit, PartnerEdit, PartnerText, ScorecardEdit};
use partnerfit_core::partner::Score;
use partnerfit_core::Id;

/// Live bytes allocated through the global allocator.
static LIVE: AtomicIsize = AtomicIsize::new(0);

struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

#[test]
fn a_hundred_undo_steps_hold_less_than_the_workspace_twice() {
    let start = live();
    let mut ws = partnerfit_benches::partners_and_accounts(500, 100_000);
    let workspace = live() - start;
    let mut history = History::new(100);
    let ids: Vec<Id> = ws.partners.iter().map(|p| p.id.clone()).collect();
    let criteria: Vec<Id> = ws.scorecard.criteria().map(|(_, c)| c.id.clone()).collect();
    let before = live();
    // A mix of what users do: ratings, notes on many partners, and a
    // cascade now and then (removing a criterion, or a category, rated on
    // every partner): two criteria of each category, then two categories.
    let removable = [0, 3, 6, 9, 1, 4, 7, 10];
    let categories: Vec<Id> = ws.scorecard.category_ids();
    for step in 0..100u64 {
        let i = (step as usize * 37) % ids.len();
        let k = step as usize / 10;
        let edit = match step % 10 {
            9 if k < removable.len() => Edit::Scorecard(ScorecardEdit::RemoveCriterion(
                criteria[removable[k]].clone(),
            )),
            9 => Edit::Scorecard(ScorecardEdit::RemoveCategory(
                categories[k - removable.len()].clone(),
            )),
            5 => Edit::partner(
                &ids[i],
                PartnerEdit::Text(
                    PartnerText::Notes,
                    format!("Called again ({step}).").repeat(4),
                ),
            ),
            // A score the partner does not have (the same one is no step).
            _ => {
                let now = ws
                    .partner(&ids[i])
                    .and_then(|p| p.ratings.get(&criteria[11]));
                let score = now.map_or(1, |r| r.score.get() % 5 + 1);
                Edit::partner(
                    &ids[i],
                    PartnerEdit::Rate(criteria[11].clone(), Score::new(score)),
                )
            }
        };
        // One step each (far apart in time: no grouping).
        history
            .apply(&mut ws, edit, step * 10_000)
            .expect("accepted");
    }
    let held = live() - before;
    println!(
        "workspace: {:.1} MB; 100 undo steps hold {:.1} MB ({:.2}× the workspace); {} steps",
        workspace as f64 / 1e6,
        held as f64 / 1e6,
        held as f64 / workspace as f64,
        history.undo_len()
    );
    assert_eq!(history.undo_len(), 100);
    assert!(
        held < 2 * workspace,
        "{held} bytes held by the history, workspace {workspace}"
    );
}
