//! The demo workspace a newcomer sees on first run: a fictional company
//! (Ledgerline), its ICP, and five partner candidates of all three types.

use crate::format;
use crate::workspace::Workspace;

/// The demo as a workspace file (it goes through the same import as any file).
pub const DEMO_FILE: &str = include_str!("demo_workspace.json");

/// The demo workspace.
pub fn demo() -> Workspace {
    format::load(DEMO_FILE)
        .expect("the embedded demo is a valid workspace (tested)")
        .workspace
}
