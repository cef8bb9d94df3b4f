//! Generated agendas on the demo workspace: the weekly pipeline review (what
//! moved, what is new, what is stuck, next actions) and a partner's
//! quarterly business review, revenue first.

use partnerfit_core::demo::demo;
use partnerfit_core::edit::{Edit, OpportunityEdit, OpportunityText, PipelineEdit};
use partnerfit_core::program::agenda::{qbr, weekly};
use partnerfit_core::{Date, Id};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn weekly_review_of_the_demo() {
    insta::assert_snapshot!(weekly(&demo(), day("2026-11-30")).to_markdown());
}

#[test]
fn qbr_with_kestrel_puts_revenue_first() {
    let ws = demo();
    let kestrel = ws.partner(&Id::parse("p-kestrel").unwrap()).unwrap();
    let agenda = qbr(&ws, kestrel, day("2026-10-15"));
    let headings: Vec<&str> = agenda.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Revenue outcomes, 2026-07-17 – 2026-10-15",
            "Plays",
            "Next quarter's commitments"
        ]
    );
    insta::assert_snapshot!(agenda.to_markdown());
}

#[test]
fn qbr_with_northwind_lists_its_plays_and_open_work() {
    let ws = demo();
    let northwind = ws.partner(&Id::parse("p-northwind").unwrap()).unwrap();
    insta::assert_snapshot!(qbr(&ws, northwind, day("2026-11-30")).to_markdown());
}

/// What a CRM or a partner typed is shown as written in Markdown, never as
/// markup.
#[test]
fn deal_names_are_escaped_in_markdown() {
    let mut ws = demo();
    let deal = ws.pipeline.opportunities[0].id.clone();
    ws.apply(Edit::Pipeline(PipelineEdit::Opportunity(
        deal,
        OpportunityEdit::Text(
            OpportunityText::Name,
            "**Big** <script>x</script> [link](javascript:alert(1))".into(),
        ),
    )))
    .unwrap();
    let text = weekly(&ws, day("2026-11-30")).to_markdown();
    assert!(
        text.contains(r"\*\*Big\*\* \<script\>x\</script\> \[link\](javascript:alert(1))"),
        "{text}"
    );
}
