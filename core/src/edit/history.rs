//! Undo and redo: every applied edit is a step that can be taken back.
//!
//! A step keeps the whole workspace as it was before the edit. That costs
//! little: a workspace shares its partners and account lists (`Arc`), so a
//! kept state is the profile, the ICP and the scorecard (a few kilobytes),
//! one pointer per partner and per list, and the earlier version of what the
//! edit changed; 200,000 accounts are never copied. Undoing swaps the kept
//! state with the current one, which becomes the redo step, so undo and redo
//! are the same operation in opposite directions.
//!
//! Typing in one field is one step, not one per keystroke: an edit with the
//! same [`Applied::key`] as the last step, within [`GROUP_MS`] of it, joins
//! that step (the state before the first keystroke is kept); a sticky one
//! (another tab's saves) joins it whenever it comes. An edit that changed
//! nothing is not a step.
//!
//! The shell may keep one value of its own beside the workspace (`T`: where
//! the workspace came from, say): each step keeps it too, and undo and redo
//! bring it back with the workspace.

use std::collections::VecDeque;

use super::{Applied, Edit, EditError};
use crate::workspace::Workspace;

/// How many steps are kept by default (the oldest go first).
pub const LIMIT: usize = 200;

/// Edits of one field closer together than this (milliseconds) are one step.
pub const GROUP_MS: u64 = 1_500;

/// One step: what it did, and the workspace (with the shell's value) on
/// its other side.
#[derive(Clone, Debug)]
struct Step<T> {
    summary: String,
    state: Workspace,
    beside: T,
    key: Option<String>,
    at_ms: u64,
}

/// The undo and redo stacks of one editing session.
#[derive(Clone, Debug)]
pub struct History<T = ()> {
    undo: VecDeque<Step<T>>,
    redo: Vec<Step<T>>,
    limit: usize,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::new(LIMIT)
    }
}

impl History<()> {
    /// Apply `edit` to `ws` (at `now_ms`, for grouping keystrokes) and
    /// remember the state before it. A refused edit leaves both unchanged.
    pub fn apply(
        &mut self,
        ws: &mut Workspace,
        edit: Edit,
        now_ms: u64,
    ) -> Result<Applied, EditError> {
        self.apply_beside(ws, &mut (), None, edit, now_ms)
    }

    /// Take back the last step; its summary, or `None` when there is none.
    pub fn undo(&mut self, ws: &mut Workspace) -> Option<String> {
        self.undo_beside(ws, &mut ())
    }

    /// Do again the last step undone; its summary, or `None`.
    pub fn redo(&mut self, ws: &mut Workspace) -> Option<String> {
        self.redo_beside(ws, &mut ())
    }
}

impl<T> History<T> {
    /// An empty history keeping at most `limit` steps.
    pub fn new(limit: usize) -> History<T> {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }
}

impl<T: Clone + PartialEq> History<T> {
    /// [`apply`](History::apply) with the shell's value: `beside` is kept
    /// with the state before the edit, then becomes `next` if given. An
    /// edit that changes neither is not a step; one that changes `beside`
    /// never joins the step before it.
    pub fn apply_beside(
        &mut self,
        ws: &mut Workspace,
        beside: &mut T,
        next: Option<T>,
        edit: Edit,
        now_ms: u64,
    ) -> Result<Applied, EditError> {
        let before = ws.clone();
        let applied = ws.apply(edit)?;
        let moved = next.as_ref().is_some_and(|n| n != beside);
        // An edit that changed nothing (the status it already had, the
        // default scorecard restored on the default) is not a step.
        if !moved && *ws == before {
            return Ok(applied);
        }
        let was = match next {
            Some(n) => std::mem::replace(beside, n),
            None => beside.clone(),
        };
        let joins = !moved
            && self.redo.is_empty()
            && applied.key.is_some()
            && self.undo.back().is_some_and(|last| {
                last.key == applied.key
                    && (applied.sticky || now_ms.saturating_sub(last.at_ms) <= GROUP_MS)
            });
        match self.undo.back_mut() {
            Some(last) if joins => {
                last.at_ms = now_ms;
                last.summary.clone_from(&applied.summary);
            }
            _ => {
                self.redo.clear();
                self.undo.push_back(Step {
                    summary: applied.summary.clone(),
                    state: before,
                    beside: was,
                    key: applied.key.clone(),
                    at_ms: now_ms,
                });
                if self.undo.len() > self.limit {
                    self.undo.pop_front();
                }
            }
        }
        Ok(applied)
    }

    /// Take back the last step, workspace and shell value; its summary, or
    /// `None` when there is none.
    pub fn undo_beside(&mut self, ws: &mut Workspace, beside: &mut T) -> Option<String> {
        let step = self.undo.pop_back()?;
        let summary = step.summary.clone();
        self.redo.push(swap(step, ws, beside));
        Some(summary)
    }

    /// Do again the last step undone, workspace and shell value; its
    /// summary, or `None`.
    pub fn redo_beside(&mut self, ws: &mut Workspace, beside: &mut T) -> Option<String> {
        let step = self.redo.pop()?;
        let summary = step.summary.clone();
        self.undo.push_back(swap(step, ws, beside));
        Some(summary)
    }

    /// What "Undo" would take back.
    pub fn undo_summary(&self) -> Option<&str> {
        self.undo.back().map(|s| s.summary.as_str())
    }

    /// What "Redo" would do again.
    pub fn redo_summary(&self) -> Option<&str> {
        self.redo.last().map(|s| s.summary.as_str())
    }

    /// Steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// The states the history keeps, oldest first (to measure what it holds).
    pub fn states(&self) -> impl Iterator<Item = &Workspace> {
        self.undo.iter().chain(self.redo.iter()).map(|s| &s.state)
    }

    /// Forget every step.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// Put the step's state in `ws` and `beside`; the step now holds what
/// they held.
fn swap<T>(step: Step<T>, ws: &mut Workspace, beside: &mut T) -> Step<T> {
    let other = std::mem::replace(ws, step.state);
    Step {
        summary: step.summary,
        state: other,
        beside: std::mem::replace(beside, step.beside),
        key: None,
        at_ms: 0,
    }
}
