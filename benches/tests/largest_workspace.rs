//! The largest workspace the account-mapping budget speaks of (our 100,000
//! accounts and a partner's 100,000) exports to a file that imports again.

use partnerfit_core::format;

#[test]
fn two_lists_of_100k_accounts_export_and_import_again() {
    let ws = partnerfit_benches::workspace_with_accounts(100_000);
    let text = format::save(&ws);
    assert!(
        text.len() < format::MAX_FILE_BYTES,
        "{} bytes, limit {}",
        text.len(),
        format::MAX_FILE_BYTES
    );
    assert_eq!(format::check_size(&ws), Ok(text.len()));
    let back = format::load(&text)
        .expect("the export imports again")
        .workspace;
    assert_eq!(back, ws);
}
