//! Reusable pieces of the interface.

pub mod account_lists;
pub mod brief_view;
pub mod charts;
pub mod currency;
pub mod deal_import;
pub mod deal_row;
pub mod dropzone;
pub mod enablement;
pub mod fields;
pub mod history;
pub mod icp_evidence;
pub mod import;
pub mod list_editor;
pub mod list_import;
pub mod metric_charts;
pub mod nav;
pub mod one_pager_view;
pub mod pareto;
pub mod partner_route;
pub mod private_compare;
pub mod psi_file;
pub mod psi_outcome;
pub mod rating;
pub mod response_import;
pub mod status;
pub mod verdict;
