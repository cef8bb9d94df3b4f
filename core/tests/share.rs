//! Self-assessment by link: round trips with and without a passphrase, the
//! invitation's allow-list, tampering, bad input, size budgets, and that no
//! input makes the decoder panic.

use partnerfit_core::demo::demo;
use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::share::compare::{compare, notable};
use partnerfit_core::share::crypto::{SealEntropy, Stretched, Stretching};
use partnerfit_core::share::envelope::{self, Kind};
use partnerfit_core::share::invitation::{self, InviteEntropy, InviteOptions};
use partnerfit_core::share::records::Verification;
use partnerfit_core::share::response::{self, Draft, SelfRating};
use partnerfit_core::share::ShareError;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{Date, Id, Workspace};
use proptest::prelude::*;

const SITE: &str = "https://partnerfit.example/app/";

fn today() -> Date {
    Date::parse("2026-11-25").unwrap()
}

fn entropy(seed: u8) -> InviteEntropy {
    InviteEntropy {
        id: u64::from(seed) * 7919,
        secret: [seed; 16],
        seal: SealEntropy {
            salt: [seed ^ 0x55; 16],
            nonce: [seed ^ 0xAA; 12],
        },
    }
}

fn northwind() -> Id {
    Id::parse("p-northwind").unwrap()
}

/// Create an invitation for Northwind and keep its record in `ws`.
fn invite(ws: &mut Workspace, options: &InviteOptions, seed: u8) -> String {
    let sent = invitation::create(ws, &northwind(), options, entropy(seed), today(), SITE).unwrap();
    let link = sent.link.clone();
    ws.partner_mut(&northwind())
        .unwrap()
        .self_assessment
        .invitations
        .push(sent);
    link
}

/// How a response attached to `ws` is said to be verified.
fn verification(ws: &Workspace, back: &response::OpenedResponse) -> Verification {
    response::attach(ws, back, today())
        .unwrap()
        .response
        .verification
}

/// A typical, complete answer: every question rated with a sentence of evidence.
fn typical_draft(inv: &invitation::Opened) -> Draft {
    let mut d = Draft {
        name: "Mara Lindqvist, Partner Manager".into(),
        email: "mara@northwind.example".into(),
        answers: [
            "Finance teams lose a week every month chasing invoice approvals after an ERP move.".into(),
            "During the migration design, when the accounts-payable process is redrawn and budget is set.".into(),
            "Invoices approved inside Business Central without e-mail chains, and a clean audit trail.".into(),
        ],
        comments: "We would like to start with two joint accounts in Q1 and review after the first quarter.".into(),
        ..Draft::default()
    };
    for (i, q) in inv
        .invitation
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .enumerate()
    {
        d.ratings.insert(
            q.id.clone(),
            SelfRating {
                score: Some((i % 5) as u8 + 1),
                evidence: format!(
                    "Evidence {i}: 38 of our 52 active clients are mid-market finance teams; we can share the list in the pilot."
                ),
            },
        );
    }
    d
}

#[test]
fn invitation_and_response_round_trip_without_a_passphrase() {
    let mut ws = demo();
    let link = invite(
        &mut ws,
        &InviteOptions {
            include_rules: true,
            contact: "partners@ledgerline.example".into(),
            ..Default::default()
        },
        1,
    );
    assert!(
        link.starts_with("https://partnerfit.example/app/respond/#pf2.ip."),
        "{link}"
    );
    let opened = invitation::open(&link, None, today()).unwrap();
    assert_eq!(opened.invitation.to, "Northwind Integrations");
    assert_eq!(opened.invitation.brief.company, "Ledgerline");
    assert_eq!(
        opened
            .invitation
            .sections
            .iter()
            .map(|s| s.questions.len())
            .sum::<usize>(),
        12
    );
    assert_eq!(opened.invitation.contact, "partners@ledgerline.example");
    assert!(opened
        .invitation
        .rules
        .as_ref()
        .unwrap()
        .title
        .contains("rules of engagement"));

    let draft = typical_draft(&opened);
    let text = response::pack(&opened, &draft, today(), None);
    let back = response::open(
        &invitation::link(SITE, invitation::RESPONSE_PATH, &text),
        None,
    )
    .unwrap();
    let att = response::attach(&ws, &back, today()).unwrap();
    assert_eq!(att.partner, northwind());
    assert_eq!(att.response.verification, Verification::MatchesLink);
    assert_eq!(att.response.respondent, "Mara Lindqvist, Partner Manager");
    assert_eq!(att.response.ratings.len(), 12);
    assert!(!att.late && !att.duplicate);
}

/// The browser stretches a passphrase off the page's thread and brings the
/// key in: an invitation sealed with it, and the partner's response sealed
/// with the key that opened it, open with the passphrase alone; a key
/// stretched for another salt opens nothing and seals nothing by mistake.
#[test]
fn keys_stretched_elsewhere_seal_and_open_like_the_passphrase() {
    let pass = "river otter 42";
    let e = entropy(5);
    let mut ws = demo();
    let stretched = Stretched::derive(pass, Stretching::new_link(e.seal.salt));
    let options = InviteOptions {
        passphrase: Some(pass.into()),
        stretched: Some(stretched.clone()),
        ..Default::default()
    };
    let sent = invitation::create(&ws, &northwind(), &options, e, today(), SITE).unwrap();
    // Same salt, count and nonce: the same link as the passphrase writes.
    let by_passphrase = InviteOptions {
        stretched: None,
        ..options.clone()
    };
    let again = invitation::create(&ws, &northwind(), &by_passphrase, e, today(), SITE).unwrap();
    assert_eq!(sent.link, again.link);
    ws.apply(Edit::Partner(
        northwind(),
        PartnerEdit::Invite(sent.clone()),
    ))
    .unwrap();

    let found = envelope::stretching(&sent.link).unwrap().unwrap();
    assert_eq!(found, stretched.stretching);
    assert_eq!(
        envelope::stretching(&invite(&mut demo(), &InviteOptions::default(), 6)),
        Ok(None)
    );
    let opened = invitation::open(&sent.link, Some((&stretched).into()), today()).unwrap();
    let other = Stretched::derive(
        pass,
        Stretching {
            salt: [0; 16],
            ..found
        },
    );
    assert_eq!(
        invitation::open(&sent.link, Some((&other).into()), today()),
        Err(ShareError::WrongPassphrase)
    );

    let fresh = SealEntropy {
        salt: [9; 16],
        nonce: [8; 12],
    };
    let text = response::pack(
        &opened,
        &typical_draft(&opened),
        today(),
        Some(((&stretched).into(), fresh)),
    );
    assert_eq!(
        envelope::stretching(&text),
        Ok(Some(found)),
        "the key's own salt"
    );
    let back = response::open(&text, Some(pass.into())).unwrap();
    assert_eq!(verification(&ws, &back), Verification::Verified);

    // A key for another salt given to `create` is not used: the passphrase
    // is stretched for the invitation's own salt.
    let mismatched = InviteOptions {
        stretched: Some(other),
        ..options
    };
    let third = invitation::create(&demo(), &northwind(), &mismatched, e, today(), SITE).unwrap();
    assert_eq!(third.link, again.link);
}

#[test]
fn round_trip_with_a_passphrase_and_wrong_passphrases_are_named() {
    let mut ws = demo();
    let options = InviteOptions {
        passphrase: Some("river otter 42".into()),
        ..Default::default()
    };
    let link = invite(&mut ws, &options, 2);
    assert!(link.contains("#pf2.ie."), "{link}");
    assert_eq!(
        invitation::open(&link, None, today()),
        Err(ShareError::NeedsPassphrase)
    );
    assert_eq!(
        invitation::open(&link, Some("river otter 43".into()), today()),
        Err(ShareError::WrongPassphrase)
    );
    let opened = invitation::open(&link, Some("river otter 42".into()), today()).unwrap();
    assert!(opened.sealed);
    let text = response::pack(
        &opened,
        &typical_draft(&opened),
        today(),
        Some((
            "river otter 42".into(),
            SealEntropy {
                salt: [3; 16],
                nonce: [4; 12],
            },
        )),
    );
    assert!(text.starts_with("pf1.re."));
    assert_eq!(
        response::open(&text, None),
        Err(ShareError::NeedsPassphrase)
    );
    let back = response::open(&text, Some("river otter 42".into())).unwrap();
    assert_eq!(verification(&ws, &back), Verification::Verified);
}

/// Fill every internal field of the workspace with a marker string.
fn marked_workspace() -> Workspace {
    let mut ws = demo();
    ws.profile.answers.problem = "MARKER-our-problem".into();
    ws.profile.answers.urgency = "MARKER-our-urgency".into();
    ws.profile.answers.success_90_days = "MARKER-our-success".into();
    for c in &mut ws.scorecard.categories {
        c.weight = 0.987_654_3;
        for q in &mut c.criteria {
            q.weight = 0.876_543_2;
        }
    }
    for gates in ws.scorecard.gates.values_mut() {
        for g in gates.values_mut() {
            *g = 3.271_93;
        }
    }
    for (k, p) in ws.partners.iter_mut().enumerate() {
        let p = std::sync::Arc::make_mut(p);
        if p.id.as_str() != "p-northwind" {
            p.name = format!("MARKER-other-partner-{k}");
        }
        p.owner = "MARKER-owner".into();
        p.notes = "MARKER-notes".into();
        p.website = "https://marker-partner-website.example".into();
        for r in p.ratings.values_mut() {
            r.evidence = "MARKER-evidence".into();
        }
        p.pending_evidence
            .values_mut()
            .for_each(|e| *e = "MARKER-pending".into());
        p.alignment.answers.problem = "MARKER-their-problem".into();
        p.overlap.notes = "MARKER-overlap-notes".into();
        for m in &mut p.overlap.mapped {
            m.name = "MARKER-mapped-account".into();
            m.relationships = "MARKER-relationships".into();
        }
        for plan in &mut p.incentives.plans {
            plan.name = "MARKER-plan".into();
        }
        for r in &mut p.self_assessment.responses {
            r.comments = "MARKER-earlier-response".into();
        }
    }
    for list in &mut ws.account_lists {
        let list = std::sync::Arc::make_mut(list);
        list.source = "MARKER-list.csv".into();
        for a in &mut list.accounts {
            a.name = "MARKER-account".into();
            a.domain = "marker-account.example".into();
        }
    }
    ws
}

#[test]
fn nothing_internal_goes_into_an_invitation() {
    let ws = marked_workspace();
    let id = Id::parse("inv-allowlist").unwrap();
    for include_rules in [false, true] {
        let options = InviteOptions {
            include_rules,
            ..Default::default()
        };
        let inv =
            invitation::build(&ws, &northwind(), &options, id.clone(), &[9; 16], today()).unwrap();
        let json = serde_json::to_string(&inv).unwrap();
        for needle in [
            "MARKER",
            "marker",
            "0.98765",
            "0.87654",
            "3.27193",
            "Ledgerline uses",
            "weight",
            "gate",
        ] {
            assert!(
                !json.contains(needle),
                "{needle} leaked (rules: {include_rules}):\n{json}"
            );
        }
        // What is meant to go in does.
        assert!(json.contains("Northwind Integrations") && json.contains("Ledgerline"));
        // What travels is shorter (defaults left out): check the link's own
        // JSON, and what the partner's page makes of it.
        let sent =
            invitation::create(&ws, &northwind(), &options, entropy(5), today(), SITE).unwrap();
        let wire = envelope::parse(&envelope::extract(&sent.link).unwrap())
            .and_then(|e| e.open(None))
            .unwrap();
        let wire = String::from_utf8(wire).unwrap();
        let opened = invitation::open(&sent.link, None, today()).unwrap();
        let decoded = serde_json::to_string(&opened.invitation).unwrap();
        for text in [&wire, &decoded] {
            for needle in ["MARKER", "marker", "0.98765", "0.87654", "3.27193"] {
                assert!(!text.contains(needle), "{needle} leaked:\n{text}");
            }
        }
    }
}

#[test]
fn a_tampered_response_is_flagged_and_a_foreign_one_refused() {
    let mut ws = demo();
    let link_a = invite(&mut ws, &InviteOptions::default(), 11);
    let link_b = invite(&mut ws, &InviteOptions::default(), 12);
    let a = invitation::open(&link_a, None, today()).unwrap();
    let b = invitation::open(&link_b, None, today()).unwrap();
    let text = response::pack(&a, &typical_draft(&a), today(), None);

    // Unpack, change the JSON, pack again with the original tag (an attacker
    // without the secret cannot make a new one).
    let tamper = |f: &dyn Fn(&mut serde_json::Value)| {
        let env = envelope::parse(&text).unwrap();
        let plain = env.open(None).unwrap();
        let (tag, json) = plain.split_at(32);
        let mut v: serde_json::Value = serde_json::from_slice(json).unwrap();
        f(&mut v);
        let mut out = tag.to_vec();
        out.extend(serde_json::to_vec(&v).unwrap());
        envelope::pack(Kind::Response, &out, None)
    };
    let other_id = b.id.to_string();
    for (what, altered) in [
        (
            "a changed score",
            tamper(&|v| v["ratings"]["icp_density"]["score"] = 5.into()),
        ),
        (
            "a changed name",
            tamper(&|v| v["name"] = "Someone else".into()),
        ),
        (
            "the id of another invitation",
            tamper(&|v| v["invitation"] = other_id.clone().into()),
        ),
    ] {
        let opened = response::open(&altered, None).unwrap();
        let att = response::attach(&ws, &opened, today()).unwrap();
        assert_eq!(att.response.verification, Verification::Altered, "{what}");
    }
    let foreign = tamper(&|v| v["invitation"] = "inv-notours".into());
    let opened = response::open(&foreign, None).unwrap();
    assert_eq!(
        response::attach(&ws, &opened, today()),
        Err(ShareError::UnknownInvitation("inv-notours".into()))
    );
    // The original still verifies, and importing it twice is noticed.
    let good = response::open(&text, None).unwrap();
    let att = response::attach(&ws, &good, today()).unwrap();
    assert_eq!(att.response.verification, Verification::MatchesLink);
    ws.partner_mut(&northwind())
        .unwrap()
        .self_assessment
        .responses
        .push(att.response);
    assert!(response::attach(&ws, &good, today()).unwrap().duplicate);
}

#[test]
fn bad_links_get_specific_messages() {
    let mut ws = demo();
    let options = InviteOptions {
        expires: Some(Date::parse("2026-12-01").unwrap()),
        ..Default::default()
    };
    let link = invite(&mut ws, &options, 21);
    let fragment = link.split_once('#').unwrap().1;
    let later = Date::parse("2026-12-02").unwrap();
    let cases: Vec<(&str, String, ShareError)> = vec![
        (
            "truncated",
            link[..link.len() - 10].to_owned(),
            ShareError::Truncated,
        ),
        (
            "newer version",
            format!("{SITE}respond/#pf3{}", &fragment[3..]),
            ShareError::NewerVersion(3),
        ),
        (
            "not ours",
            format!("{SITE}respond/#hello"),
            ShareError::NotPartnerfit,
        ),
        ("empty", "   ".into(), ShareError::Empty),
    ];
    for (what, input, expected) in cases {
        assert_eq!(
            invitation::open(&input, None, today()),
            Err(expected),
            "{what}"
        );
    }
    assert_eq!(
        invitation::open(&link, None, later),
        Err(ShareError::Expired {
            on: "2026-12-01".into(),
            from: "Ledgerline".into()
        })
    );
    let message = invitation::open(&link, None, later)
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "This invitation expired on 2026-12-01. Ask Ledgerline for a new one."
    );
    // A response opened as an invitation, and the other way round.
    let opened = invitation::open(&link, None, today()).unwrap();
    let resp = response::pack(&opened, &typical_draft(&opened), today(), None);
    assert!(matches!(
        invitation::open(&resp, None, today()),
        Err(ShareError::WrongKind { .. })
    ));
    assert!(matches!(
        response::open(&link, None),
        Err(ShareError::WrongKind { .. })
    ));
    // Garbled: a character changed in the middle.
    let mut garbled = resp.clone().into_bytes();
    let mid = garbled.len() / 2;
    garbled[mid] = if garbled[mid] == b'A' { b'B' } else { b'A' };
    let garbled = String::from_utf8(garbled).unwrap();
    match response::open(&garbled, None) {
        Err(ShareError::Damaged(_) | ShareError::Truncated | ShareError::Invalid { .. }) => {}
        Ok(r) => assert_eq!(
            response::attach(&ws, &r, today())
                .unwrap()
                .response
                .verification,
            Verification::Altered
        ),
        Err(e) => panic!("unexpected: {e}"),
    }
}

#[test]
fn partner_text_survives_the_round_trip_as_written() {
    let mut ws = demo();
    let link = invite(&mut ws, &InviteOptions::default(), 31);
    let opened = invitation::open(&link, None, today()).unwrap();
    let mut draft = typical_draft(&opened);
    let nasty = [
        "<img src=x onerror=alert(1)>",
        "<script>alert('x')</script>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
        "{{7*7}} ${7*7} &amp; &lt;",
    ];
    draft.name = nasty[0].into();
    draft.comments = nasty.join(" | ");
    draft.ratings.get_mut("icp_density").unwrap().evidence = nasty[1].into();
    let back = response::open(&response::pack(&opened, &draft, today(), None), None).unwrap();
    let att = response::attach(&ws, &back, today()).unwrap();
    assert_eq!(att.response.respondent, nasty[0]);
    assert_eq!(att.response.comments, nasty.join(" | "));
    assert_eq!(
        att.response.ratings[&Id::parse("icp_density").unwrap()].evidence,
        nasty[1]
    );
}

#[test]
fn the_comparison_calls_out_large_gaps() {
    let ws = demo();
    let p = ws.partner(&northwind()).unwrap();
    let r = &p.self_assessment.responses[0];
    let rows = compare(&ws.scorecard, p, r);
    assert_eq!(rows.len(), 12);
    let gaps: Vec<String> = notable(&rows).iter().filter_map(|r| r.gap_text()).collect();
    assert_eq!(gaps, ["They rate \u{201c}Willingness to use deal registration or a basic tracking process\u{201d} 2, we rate it 4."].map(String::from).to_vec(), "{rows:#?}");
    // A rating they gave and we did not: no gap, both shown.
    let mut p2 = p.clone();
    p2.ratings.remove(&Id::parse("icp_density").unwrap());
    let row = compare(&ws.scorecard, &p2, r)
        .into_iter()
        .find(|x| x.criterion.as_str() == "icp_density")
        .unwrap();
    assert_eq!((row.ours, row.theirs, row.gap), (None, Some(5), None));
}

#[test]
fn edited_wording_travels_and_default_wording_is_filled_in() {
    let mut ws = demo();
    ws.scorecard.categories[0].criteria[0].text = "How many of your clients match our ICP?".into();
    ws.scorecard.categories[1].name = "Go-to-market".into();
    let link = invite(&mut ws, &InviteOptions::default(), 51);
    let opened = invitation::open(&link, None, today()).unwrap();
    let s = &opened.invitation.sections;
    assert_eq!(
        s[0].questions[0].text,
        "How many of your clients match our ICP?"
    );
    assert_eq!(
        s[0].questions[1].text,
        ws.scorecard.categories[0].criteria[1].text
    );
    assert_eq!(s[1].name, "Go-to-market");
    assert_eq!(s[0].name, ws.scorecard.categories[0].name);
    assert_eq!(
        opened.invitation.alignment[0],
        partnerfit_core::alignment::QUESTIONS[0]
    );
}

/// Default wording is left out of links (in format 2, the whole default
/// scorecard is) and filled in from this table when opened: changing it
/// changes how every link already sent reads. If this snapshot must change,
/// bump the link format version.
#[test]
fn default_wording_is_part_of_link_format_1() {
    let s = partnerfit_core::scorecard::Scorecard::default();
    let text: Vec<String> = s
        .criteria()
        .map(|(c, q)| format!("{} | {} | {} | {}", c.id, c.name, q.id, q.text))
        .collect();
    insta::assert_snapshot!(text.join("\n"));
}

#[test]
fn size_budgets_hold_on_a_realistic_questionnaire() {
    let mut ws = demo();
    let link = invite(
        &mut ws,
        &InviteOptions {
            contact: "partners@ledgerline.example".into(),
            ..Default::default()
        },
        41,
    );
    let with_rules = invitation::create(
        &ws,
        &northwind(),
        &InviteOptions {
            include_rules: true,
            ..Default::default()
        },
        entropy(42),
        today(),
        SITE,
    )
    .unwrap()
    .link;
    let opened = invitation::open(&link, None, today()).unwrap();
    let reply = invitation::link(
        SITE,
        invitation::RESPONSE_PATH,
        &response::pack(&opened, &typical_draft(&opened), today(), None),
    );
    println!("invitation link: {} characters (with the rules of engagement: {}); response link: {} characters", link.len(), with_rules.len(), reply.len());
    assert!(
        link.len() <= 2_000,
        "invitation link is {} characters",
        link.len()
    );
    assert!(
        reply.len() <= response::LINK_BUDGET,
        "response link is {} characters",
        reply.len()
    );
}

/// The site of the default-length measurements.
const DEMO_SITE: &str = "https://example.com/partnerfit/";

/// The invitation a new user makes with the default choices (the one-pager
/// included, no passphrase, no contact, no expiry) fits the 2,000 characters
/// the app warns about, for every demo partner, and so does the protected
/// one. Before link format 2 Northwind's was 2,355 (2,419 protected).
#[test]
fn default_invitation_links_fit_in_2000_characters() {
    let ws = demo();
    let mut lengths = Vec::new();
    for (k, p) in ws.partners.iter().enumerate() {
        for passphrase in [None, Some("river otter 42")] {
            let options = InviteOptions {
                include_rules: true,
                passphrase: passphrase.map(String::from),
                ..Default::default()
            };
            let link =
                invitation::create(&ws, &p.id, &options, entropy(k as u8), today(), DEMO_SITE)
                    .unwrap()
                    .link;
            lengths.push(format!(
                "{} {}: {}",
                p.id,
                if passphrase.is_some() {
                    "protected"
                } else {
                    "plain"
                },
                link.len()
            ));
            assert!(
                link.len() < 2_000,
                "{} ({passphrase:?}): {} characters",
                p.id,
                link.len()
            );
        }
    }
    println!("{}", lengths.join("\n"));
}

/// What the partner's page shows is what the workbench lays out, for every
/// demo partner and the choices that change an invitation.
#[test]
fn the_partner_sees_what_we_build() {
    let base = demo();
    let mut edited = demo();
    edited.scorecard.categories[0].criteria[0].text =
        "How many of your clients match our ICP?".into();
    edited.scorecard.categories[1].name = "Go-to-market".into();
    edited.scorecard.categories[3].criteria.pop();
    let mut nameless = demo();
    nameless.profile.name = "  ".into();
    let all_options = [
        InviteOptions::default(),
        InviteOptions {
            include_rules: true,
            ..Default::default()
        },
        InviteOptions {
            include_rules: true,
            contact: " partners@ledgerline.example ".into(),
            expires: Some(Date::parse("2026-12-31").unwrap()),
            passphrase: Some("river otter 42".into()),
            stretched: None,
        },
    ];
    for (what, ws) in [
        ("demo", &base),
        ("edited wording", &edited),
        ("no company name", &nameless),
    ] {
        for p in &ws.partners {
            for options in &all_options {
                let e = entropy(7);
                let sent = invitation::create(ws, &p.id, options, e, today(), DEMO_SITE).unwrap();
                let pass = options.passphrase.as_deref();
                let opened = invitation::open(&sent.link, pass.map(Into::into), today()).unwrap();
                let built =
                    invitation::build(ws, &p.id, options, sent.id.clone(), &e.secret, today())
                        .unwrap();
                assert_eq!(opened.invitation, built, "{what}, {}, {options:?}", p.id);
            }
        }
    }
}

/// Links already sent keep opening: links written by link format 1, saved
/// before format 2 existed, read as they did then (the same invitation the
/// workbench builds today), and their response verifies.
#[test]
fn links_written_in_format_1_still_open() {
    let fixture = include_str!("fixtures/share/format-1-links.txt");
    let links: std::collections::HashMap<&str, &str> = fixture
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split_once(' ').unwrap())
        .collect();
    let mut edited = demo();
    edited.scorecard.categories[0].criteria[0].text =
        "How many of your clients match our ICP?".into();
    edited.scorecard.categories[1].name = "Go-to-market".into();
    let plain = InviteOptions {
        include_rules: true,
        contact: "partners@ledgerline.example".into(),
        ..Default::default()
    };
    let protected = InviteOptions {
        include_rules: true,
        passphrase: Some("river otter 42".into()),
        ..Default::default()
    };
    let mut ws = demo();
    for (name, workspace, options, seed) in [
        ("invitation-plain", demo(), &plain, 61),
        ("invitation-protected", demo(), &protected, 62),
        (
            "invitation-edited-wording",
            edited,
            &InviteOptions::default(),
            63,
        ),
    ] {
        let link = links[name];
        assert!(link.contains("#pf1.i"), "{name}: not a format 1 link");
        let opened = invitation::open(link, options.passphrase.as_deref().map(Into::into), today())
            .unwrap_or_else(|e| panic!("{name}: {e} ({:?})", e.detail()));
        let mut built = invitation::build(
            &workspace,
            &northwind(),
            options,
            opened.id.clone(),
            &entropy(seed).secret,
            today(),
        )
        .unwrap();
        // These links were written before the brief stated the budget
        // floor's amount: they carry the line as it was then.
        built.brief.not_a_fit[0] =
            "Budget floor: Annual budget under 15,000 EUR for AP automation".into();
        assert_eq!(opened.invitation, built, "{name}");
        // Recreated with the same entropy, the invitation has the same id
        // and secret, so the format 1 response below verifies against it.
        if name == "invitation-plain" {
            invite(&mut ws, options, seed);
            let record = &ws
                .partner(&northwind())
                .unwrap()
                .self_assessment
                .invitations;
            assert_eq!(record.last().unwrap().id, opened.id);
        }
    }
    let reply = response::open(links["response-plain"], None).unwrap();
    let att = response::attach(&ws, &reply, today()).unwrap();
    assert_eq!(att.response.verification, Verification::MatchesLink);
    assert_eq!(att.response.respondent, "Mara Lindqvist");
}

/// `data` of an envelope text, and the text with other data (its header's
/// length adjusted), to make damaged links.
fn data_of(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    let b64 = text.rsplit_once('.').unwrap().1;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(b64)
        .unwrap()
}

fn with_data(text: &str, bytes: &[u8]) -> String {
    use base64::Engine as _;
    let (head, _) = text.rsplit_once('.').unwrap();
    let (head, _) = head.rsplit_once('.').unwrap();
    format!(
        "{head}.{}.{}",
        bytes.len(),
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// One damaged link: the error it must give, compared by kind and message.
fn check(what: &str, got: Result<(), ShareError>, expected: &ShareError) {
    match &got {
        Err(e)
            if std::mem::discriminant(e) == std::mem::discriminant(expected)
                && e.to_string() == expected.to_string() => {}
        _ => panic!("{what}: got {got:?}, expected {expected:?}"),
    }
}

/// A protected link that is damaged says so at once: no passphrase is asked
/// for a link that cannot open anyway.
#[test]
fn a_damaged_protected_link_is_named_before_the_passphrase() {
    let mut ws = demo();
    let options = InviteOptions {
        include_rules: true,
        passphrase: Some("river otter 42".into()),
        ..Default::default()
    };
    let link = invite(&mut ws, &options, 71);
    let (site, text) = link.split_once('#').unwrap();
    let opened = invitation::open(&link, Some("river otter 42".into()), today()).unwrap();
    let reply = response::pack(
        &opened,
        &typical_draft(&opened),
        today(),
        Some(("river otter 42".into(), entropy(72).seal)),
    );
    let sealed = data_of(text);
    let mut weak = sealed.clone();
    weak[..4].copy_from_slice(&1_000u32.to_be_bytes());
    let dot = text.find('.').unwrap();
    let damaged = ShareError::Damaged(String::new());
    for (target, what, input, expected) in [
        (
            "invitation",
            "cut off by 40 characters",
            link[..link.len() - 40].to_owned(),
            ShareError::Truncated,
        ),
        (
            "invitation",
            "cut off in its length",
            format!("{site}#{}", &text[..10]),
            ShareError::Truncated,
        ),
        (
            "invitation",
            "cut off after its header",
            format!("{site}#{}", &text[..7]),
            ShareError::Truncated,
        ),
        (
            "invitation",
            "too short for a sealed payload",
            with_data(text, &sealed[..40]),
            ShareError::Truncated,
        ),
        (
            "invitation",
            "an impossible key-derivation cost",
            with_data(text, &weak),
            ShareError::Iterations(1_000),
        ),
        (
            "invitation",
            "a character no link has",
            format!("{}~{}", &link[..link.len() - 30], &link[link.len() - 29..]),
            ShareError::BadCharacter {
                position: text.len() - 30 - text.rsplit_once('.').unwrap().0.len(),
                character: '~',
            },
        ),
        (
            "invitation",
            "longer than its header says",
            format!("{link}AAAA"),
            damaged.clone(),
        ),
        (
            "invitation",
            "a changed header",
            format!("{}.iq{}", &text[..dot], &text[dot + 3..]),
            ShareError::BadHeader("iq".into()),
        ),
        (
            "response",
            "cut off by 40 characters",
            reply[..reply.len() - 40].to_owned(),
            ShareError::Truncated,
        ),
        (
            "response",
            "too short for a sealed payload",
            with_data(&reply, &data_of(&reply)[..20]),
            ShareError::Truncated,
        ),
        (
            "response",
            "longer than its header says",
            format!("{reply}AAAA"),
            damaged,
        ),
    ] {
        let got = match target {
            "invitation" => invitation::open(&input, None, today()).map(|_| ()),
            _ => response::open(&input, None).map(|_| ()),
        };
        check(&format!("{target}, {what}"), got, &expected);
    }
}

/// Every link problem is told in plain words; what the parser, the base64
/// decoder or the decompressor said is only in the detail.
#[test]
fn link_errors_speak_plainly_and_keep_the_detail() {
    let pack_invitation = |json: &str| envelope::pack(Kind::Invitation, json.as_bytes(), None);
    let mut ws = demo();
    let link = invite(&mut ws, &InviteOptions::default(), 81);
    let damaged_invitation =
        "The link is damaged: part of the invitation is missing or changed. Ask for a new link.";
    let secret = "\"secret\":\"AQEBAQEBAQEBAQEBAQEBAQ\"";
    let brief = "\"brief\":{\"company\":\"Ledgerline\"}";
    // (input, message, words the detail holds)
    let rows: Vec<(String, &str, &str)> = vec![
        (pack_invitation("{\"to\":\"x\"}"), damaged_invitation, "missing field `id`"),
        (pack_invitation("[1,2]"), damaged_invitation, "invalid type"),
        (pack_invitation("{\"id\":"), damaged_invitation, "EOF"),
        (
            pack_invitation(&format!("{{\"id\":\"Not an id\",{secret},\"created\":\"2026-11-25\",\"to\":\"x\",{brief}}}")),
            damaged_invitation,
            "id:",
        ),
        (
            pack_invitation(&format!("{{\"id\":\"inv-1\",\"secret\":\"AQ\",\"created\":\"2026-11-25\",\"to\":\"x\",{brief}}}")),
            damaged_invitation,
            "secret",
        ),
        (
            pack_invitation(&format!("{{\"id\":\"inv-1\",{secret},\"created\":\"2026-13-45\",\"to\":\"x\",{brief}}}")),
            damaged_invitation,
            "created",
        ),
        (
            pack_invitation(&format!("{{\"id\":\"inv-1\",{secret},\"created\":\"2026-11-25\",\"to\":\"x\",{brief},\"sections\":[]}}")),
            damaged_invitation,
            "0 questions",
        ),
        (
            pack_invitation(&format!("{{\"id\":\"inv-1\",{secret},\"created\":\"2026-11-25\",\"to\":\"x\",{brief},\"alignment\":[\"Why?\"]}}")),
            damaged_invitation,
            "alignment: 1 question, 3 expected",
        ),
        (
            pack_invitation(&format!("{{\"id\":\"inv-1\",{secret},\"created\":\"2026-11-25\",\"to\":\"x\",{brief},\"motion\":{{\"own\":\"uuz\"}}}}")),
            damaged_invitation,
            "motion.own",
        ),
        (
            link.replacen("#pf2.", "#pf7.", 1),
            "This link was made by a newer version of Partnerfit than this page. Open it with an up-to-date Partnerfit, or ask whoever sent it where to open it.",
            "link format 7",
        ),
        (
            format!("{link}AB"),
            "The link is damaged: part of it is missing or changed. Ask whoever sent it for a new link.",
            "header announces",
        ),
        (
            format!("{}=", &link[..link.len() - 1]),
            "The link is damaged: it contains a character no Partnerfit link has, perhaps added by an e-mail program or an edit. Copy the whole link again, or ask whoever sent it for a new one.",
            "U+003D",
        ),
        (
            "{\"format\": \"partnerfit-share\", \"format_version\": 1".into(),
            "This file is not a Partnerfit invitation or response, or it was changed. Choose the .json file Partnerfit made, or paste the link instead.",
            "not valid JSON",
        ),
        (
            "{\"format\": \"something else\"}".into(),
            "This file is not a Partnerfit invitation or response, or it was changed. Choose the .json file Partnerfit made, or paste the link instead.",
            "\"format\"",
        ),
    ];
    for (input, message, detail) in &rows {
        let e = invitation::open(input, None, today()).unwrap_err();
        assert_eq!(e.to_string(), *message, "{input}");
        let d = e.detail().unwrap_or_default();
        assert!(d.contains(detail), "{input}: detail {d:?} lacks {detail:?}");
    }
    // A response with the wrong content: the response's own words.
    let mut bad = vec![0u8; 32];
    bad.extend_from_slice(b"{\"invitation\":\"inv-1\"}");
    let e = response::open(&envelope::pack(Kind::Response, &bad, None), None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The response is damaged: part of it is missing or changed. Ask the partner to send it again."
    );
    assert!(e.detail().unwrap().contains("missing field `submitted`"));
    // No message of any kind carries a parser's or decoder's words.
    let technical = [
        "`",
        "line ",
        "column",
        "base64",
        "JSON",
        "EOF",
        "invalid type",
        "U+",
        "header",
        "format 7",
        "inflate",
    ];
    for (input, _, _) in &rows {
        let message = invitation::open(input, None, today())
            .unwrap_err()
            .to_string();
        for word in technical {
            assert!(!message.contains(word), "{word:?} in {message:?}");
        }
    }
    // Plain messages need no detail.
    for e in [
        ShareError::Truncated,
        ShareError::Empty,
        ShareError::NeedsPassphrase,
        ShareError::WrongPassphrase,
        ShareError::NotPartnerfit,
    ] {
        assert_eq!(e.detail(), None, "{e:?}");
    }
}

/// What is still open counts questions in words that agree with the count.
#[test]
fn what_is_missing_is_counted_in_correct_plurals() {
    let mut ws = demo();
    let link = invite(&mut ws, &InviteOptions::default(), 91);
    let opened = invitation::open(&link, None, today()).unwrap();
    let full = typical_draft(&opened);
    let ids: Vec<String> = full.ratings.keys().cloned().collect();
    for (unrated, expected) in [
        (0, vec![]),
        (1, vec!["1 question without a rating"]),
        (2, vec!["2 questions without a rating"]),
    ] {
        let mut d = full.clone();
        for id in &ids[..unrated] {
            d.ratings.remove(id);
        }
        assert_eq!(response::missing(&opened, &d), expected, "{unrated}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// No text makes the decoders panic.
    #[test]
    fn decoding_any_text_never_panics(s in ".{0,400}") {
        let _ = invitation::open(&s, Some("x".into()), today());
        let _ = response::open(&s, None);
        let _ = invitation::open(&format!("pf1.ip.{}.{}", s.len(), s), None, today());
        let _ = invitation::open(&format!("pf2.ie.{}.{}", s.len(), s), Some("x".into()), today());
    }

    /// No declared length, however large, makes the decoders panic (the
    /// header's `declared / 3 * 4` once overflowed on `usize::MAX`).
    #[test]
    fn any_declared_length_never_panics(
        declared in prop_oneof![any::<u64>(), Just(u64::MAX), (u64::MAX - 8)..=u64::MAX, 0..4096u64],
        mode in prop_oneof![Just("ip"), Just("ie"), Just("rp"), Just("re")],
        data in "[A-Za-z0-9_-]{0,64}",
    ) {
        let text = format!("pf1.{mode}.{declared}.{data}");
        let _ = invitation::open(&text, Some("x".into()), today());
        let _ = response::open(&text, Some("x".into()));
    }

    /// No byte string packed as an envelope makes the decoders panic.
    #[test]
    fn decoding_any_payload_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600), kind in 0..2u8) {
        let kind = if kind == 0 { Kind::Invitation } else { Kind::Response };
        let text = envelope::pack(kind, &bytes, None);
        let _ = invitation::open(&text, None, today());
        let _ = response::open(&text, None);
    }
}

/// What a tag proves depends on the invitation: sealed, only a passphrase
/// holder could have made the response; unsealed, anyone holding the link.
/// Revoked invitations refuse their responses; lateness is judged by the
/// day we receive, not the day the partner wrote; adopted evidence says
/// how it was verified.
#[test]
fn verification_says_what_the_tag_proves_and_revoking_refuses() {
    let mut ws = demo();
    let options = InviteOptions {
        expires: Some(Date::parse("2026-11-30").unwrap()),
        ..Default::default()
    };
    let link = invite(&mut ws, &options, 21);
    let opened = invitation::open(&link, None, today()).unwrap();
    // Written "on" the 25th, as the partner's clock says.
    let text = response::pack(&opened, &typical_draft(&opened), today(), None);
    let back = response::open(&text, None).unwrap();
    let on = |d: &str| response::attach(&ws, &back, Date::parse(d).unwrap()).unwrap();
    for (received, late) in [
        ("2026-11-26", false),
        ("2026-11-30", false),
        ("2026-12-01", true),
    ] {
        assert_eq!(on(received).late, late, "received {received}");
    }
    let att = on("2026-11-26");
    assert_eq!(att.response.verification, Verification::MatchesLink);
    assert!(att
        .response
        .verification
        .label()
        .contains("anyone holding the invitation link"));

    // Adopted, the evidence keeps who, when, and what verification proved.
    let criterion = Id::parse("icp_density").unwrap();
    let adopted = att.response.adopted(&criterion).unwrap();
    assert_eq!(adopted.score, att.response.ratings[&criterion].score);
    for part in [
        "Self-assessed by Mara Lindqvist, Partner Manager",
        "sent 2026-11-25, received 2026-11-26",
        "not verified: matches the link, which anyone holding it could have made",
    ] {
        assert!(
            adopted.evidence.contains(part),
            "{part:?} in {:?}",
            adopted.evidence
        );
    }
    assert_eq!(att.response.adopted(&Id::parse("no_such").unwrap()), None);

    // Revoked: refused from then on, by attach and by the edit alike.
    let inv = ws
        .partner(&northwind())
        .unwrap()
        .self_assessment
        .invitations
        .last()
        .unwrap()
        .id
        .clone();
    ws.apply(Edit::partner(
        &northwind(),
        PartnerEdit::Revoke(inv.clone(), today()),
    ))
    .unwrap();
    assert_eq!(
        response::attach(&ws, &back, today()),
        Err(ShareError::Revoked {
            invitation: inv.to_string(),
            on: "2026-11-25".into()
        })
    );
    let refused = ws.apply(Edit::partner(
        &northwind(),
        PartnerEdit::Respond(att.response),
    ));
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("revoked on 2026-11-25"));
    assert!(ws
        .apply(Edit::partner(
            &northwind(),
            PartnerEdit::Revoke(inv, today())
        ))
        .unwrap_err()
        .to_string()
        .contains("already revoked"));
}

/// Nothing is created that the reader would refuse, and no short
/// passphrase seals a link.
#[test]
fn invitations_check_the_contact_and_the_passphrase_first() {
    use partnerfit_core::share::invitation::InviteError;
    use partnerfit_core::share::passphrase::PassphraseError;
    let ws = demo();
    let create = |contact: &str, passphrase: Option<&str>| {
        let options = InviteOptions {
            contact: contact.into(),
            passphrase: passphrase.map(str::to_owned),
            ..Default::default()
        };
        invitation::create(&ws, &northwind(), &options, entropy(3), today(), SITE).map(|_| ())
    };
    let long = "x".repeat(partnerfit_core::format::limits::SHORT_TEXT + 1);
    for (contact, passphrase, expected) in [
        ("partners@ledgerline.example", None, Ok(())),
        ("partners@ledgerline.example", Some("twelve chars"), Ok(())),
        (
            "",
            Some("short"),
            Err(InviteError::Passphrase(PassphraseError::TooShort {
                chars: 5,
            })),
        ),
        (
            long.as_str(),
            None,
            Err(InviteError::Contact(
                partnerfit_core::share::records::ContactError::TooLong {
                    chars: long.len(),
                    max: long.len() - 1,
                },
            )),
        ),
        (
            "a@b.example\u{1b}[2K",
            None,
            Err(InviteError::Contact(
                partnerfit_core::share::records::ContactError::Control {
                    at: 12,
                    code: "U+001B".into(),
                },
            )),
        ),
    ] {
        assert_eq!(
            create(contact, passphrase),
            expected,
            "{contact:?} {passphrase:?}"
        );
    }
    assert_eq!(
        invitation::create(
            &ws,
            &Id::parse("p-gone").unwrap(),
            &InviteOptions::default(),
            entropy(3),
            today(),
            SITE
        )
        .map(|_| ()),
        Err(InviteError::UnknownPartner("p-gone".into()))
    );
}

/// Files written before version 7 called a response to an unsealed
/// invitation verified: they load saying it only matches the link.
#[test]
fn older_files_no_longer_call_unsealed_responses_verified() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/workspace-v6.json"
    ))
    .unwrap();
    let ws = partnerfit_core::format::load(&text).unwrap().workspace;
    let responses: Vec<Verification> = ws
        .partners
        .iter()
        .flat_map(|p| p.self_assessment.responses.iter().map(|r| r.verification))
        .collect();
    assert_eq!(responses, [Verification::MatchesLink]);
}
