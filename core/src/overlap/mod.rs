//! Step 4 of the method: account mapping and ICP overlap. Import CRM exports,
//! normalise and match accounts, count the overlap, and judge it.

pub mod account;
pub mod analysis;
pub mod assessment;
pub mod cells;
pub mod columns;
pub mod country;
pub mod csv_import;
pub mod encoding;
pub mod export;
pub mod figures;
pub mod icp_fit;
pub mod import;
pub mod matching;
pub mod normalize;
pub mod population;
pub mod private;
