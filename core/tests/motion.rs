//! The rules-of-engagement one-pager: what a partner receives, checked on the
//! demo workspace (snapshot) and for what must never be on it.

use partnerfit_core::demo::demo;
use partnerfit_core::motion::one_pager::one_pager;
use partnerfit_core::Id;

fn pager_of(id: &str) -> String {
    let ws = demo();
    let p = ws.partner(&Id::parse(id).unwrap()).unwrap();
    one_pager(&ws.profile.name, &p.name, &p.motion).to_markdown()
}

#[test]
fn northwind_one_pager() {
    insta::assert_snapshot!(pager_of("p-northwind"));
}

#[test]
fn the_one_pager_carries_no_internal_scores() {
    for id in ["p-northwind", "p-brightpath", "p-kestrel"] {
        let text = pager_of(id).to_lowercase();
        for internal in ["score", "verdict", "overlap", "weight", "rank", "/5"] {
            assert!(!text.contains(internal), "{id}: {internal:?} in\n{text}");
        }
    }
}

#[test]
fn an_undesigned_motion_prints_to_agree_not_blanks() {
    let text = pager_of("p-brightpath");
    assert!(
        text.contains("## Customer journey\n\nTo agree.\n"),
        "{text}"
    );
    assert!(text.contains("- **Disputes:** To agree.\n"), "{text}");
}
