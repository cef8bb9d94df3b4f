//! One module per subcommand. Each returns the exit code, or a message for
//! exit code 2 (cannot run: unreadable file, bad arguments).

pub mod add_deals;
pub mod add_list;
pub mod calendar;
pub mod incentives;
pub mod invite;
pub mod metrics;
pub mod migrate;
pub mod motion;
pub mod overlap;
pub mod pilot;
pub mod program;
pub mod psi;
pub mod report;
pub mod response;
pub mod schema;
pub mod validate;
