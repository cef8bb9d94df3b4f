//! One module per page, mirroring the method's steps.

pub mod accounts;
pub mod agendas;
pub mod brief;
pub mod compare;
pub mod deals;
pub mod home;
pub mod icp;
pub mod incentives;
pub mod metrics;
pub mod motion;
pub mod not_found;
pub mod overlap;
pub mod partner;
pub mod partners;
pub mod pilot;
pub mod private_answer;
pub mod program;
pub mod respond;
pub mod response_page;
pub mod scorecard;
pub mod self_assessment;
pub mod tier_sheet;
pub mod workspace;
