//! Where an autosave's time goes with a workspace of 24,000 accounts
//! (`cargo run --release -p partnerfit-benches --example profile_save`).
use partnerfit_core::format::{self, stored};
use std::time::Instant;

fn main() {
    let ws = partnerfit_benches::workspace_with_accounts(12_000);
    let t = Instant::now();
    let value = format::to_value(&ws);
    println!("to_value {:?}", t.elapsed());
    let t = Instant::now();
    let _ = format::read::read_workspace(&value).unwrap();
    println!("validate {:?}", t.elapsed());
    let t = Instant::now();
    let text = value.to_string();
    println!("to_string {:?} ({} bytes)", t.elapsed(), text.len());
    let stored_text = stored::encode(&ws, 1);
    let t = Instant::now();
    let _ = stored::revision_of(&stored_text);
    println!("revision_of {:?}", t.elapsed());
    let t = Instant::now();
    let copy = ws.clone();
    println!("clone {:?}", t.elapsed());
    let t = Instant::now();
    let same = copy == ws;
    println!("compare {:?} {same}", t.elapsed());
    let t = Instant::now();
    let _ = stored::encode_checked(&ws, 2).unwrap();
    println!("encode_checked {:?}", t.elapsed());
}
