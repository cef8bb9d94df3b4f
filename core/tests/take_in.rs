//! Taking a CRM export in a slice at a time (`edit::take_in::TakingIn`)
//! ends where taking it in whole ends, and never over an edit made
//! meanwhile.

use std::sync::Arc;

use partnerfit_core::demo::demo;
use partnerfit_core::edit::pipeline::{OpportunityEdit, PipelineEdit};
use partnerfit_core::edit::take_in::TakingIn;
use partnerfit_core::edit::{Edit, PartnerEdit};
use partnerfit_core::format;
use partnerfit_core::pipeline::import::{prepare, read_rows, DealRow};
use partnerfit_core::{Date, Workspace};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The rows of a deals fixture, read with `ws`'s partners and currency.
fn rows(ws: &Workspace, file: &str) -> Vec<DealRow> {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/deals/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    rows_of(ws, &bytes)
}

/// A HubSpot export of `n` deals; `later` moves every third one a stage on.
fn generated(n: usize, later: bool) -> Vec<u8> {
    let mut csv = String::from("Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Deal Type,Associated Company,Pipeline,Deal Source,Partner\n");
    for i in 0..n {
        let stage = if later && i % 3 == 0 {
            "qualifiedtobuy"
        } else {
            "appointmentscheduled"
        };
        csv.push_str(&format!(
            "{},Deal {i},{stage},\"{}.00\",2026-01-05 09:15,2026-03-01,newbusiness,Company {i},Sales Pipeline,Web,\n",
            3_000_000 + i,
            1_000 + i
        ));
    }
    csv.into_bytes()
}

fn rows_of(ws: &Workspace, bytes: &[u8]) -> Vec<DealRow> {
    let prepared = prepare(bytes).unwrap();
    let partners: Vec<_> = ws
        .partners
        .iter()
        .map(|p| (p.id.clone(), p.name.clone(), p.website.clone()))
        .collect();
    read_rows(&prepared, &prepared.mapping, ws.profile.currency, &partners)
        .unwrap()
        .rows
}

/// `file` taken into `ws` in steps of `slice`, then applied: the summary,
/// or the refusal in words.
fn sliced(
    ws: &mut Workspace,
    rows: &[DealRow],
    file: &str,
    slice: usize,
) -> Result<String, String> {
    let before = ws.clone();
    let mut taking =
        TakingIn::new(&before, rows, day("2026-10-05"), file, 7).map_err(|e| e.to_string())?;
    let mut last = (0, 0);
    while taking.step(slice).map_err(|e| e.to_string())? {
        let now = taking.progress();
        assert!(now.0 > last.0 && now.0 <= now.1, "{now:?} after {last:?}");
        last = now;
    }
    let taken = taking.finish().map_err(|e| e.to_string())?;
    ws.apply(Edit::Pipeline(PipelineEdit::TakeIn(Box::new(taken))))
        .map(|a| a.summary)
        .map_err(|e| e.to_string())
}

/// Rows: (files taken one after the other, slice).
#[test]
fn taken_in_slices_ends_where_taken_in_whole_ends() {
    let rows_of = [
        (&["hubspot-week1.csv"][..], 1),
        (&["hubspot-week1.csv", "hubspot-week3.csv"][..], 3),
        (&["salesforce.csv", "salesforce.csv"][..], 1000),
        (&["pipedrive.csv"][..], 2),
    ];
    for (files, slice) in rows_of {
        let (mut whole, mut in_slices) = (demo(), demo());
        for file in files {
            let rows = rows(&whole, file);
            let edit = Edit::Pipeline(PipelineEdit::Import {
                rows: Arc::new(rows.clone()),
                date: day("2026-10-05"),
                file_name: file.to_string(),
                entropy: 7,
            });
            let expected = whole
                .apply(edit)
                .map(|a| a.summary)
                .map_err(|e| e.to_string());
            let got = sliced(&mut in_slices, &rows, file, slice);
            assert_eq!(got, expected, "{files:?}, {file}, slices of {slice}");
            assert_eq!(in_slices, whole, "{files:?}, {file}, slices of {slice}");
            // What the slices counted is what the file weighs.
            assert_eq!(
                format::file_len(&in_slices),
                format::save(&in_slices).len(),
                "{files:?}"
            );
        }
    }
}

/// More deals than the size memo's threshold: what the slices counted is
/// remembered, and is what the file weighs, for new deals and for updates.
#[test]
fn a_large_export_taken_in_slices_counts_the_file_size_right() {
    let (mut whole, mut in_slices) = (demo(), demo());
    for (later, date) in [(false, "2026-10-05"), (true, "2026-10-19")] {
        let rows = rows_of(&whole, &generated(1_500, later));
        let edit = Edit::Pipeline(PipelineEdit::Import {
            rows: Arc::new(rows.clone()),
            date: day(date),
            file_name: "large.csv".into(),
            entropy: 7,
        });
        whole.apply(edit).unwrap();
        let before = in_slices.clone();
        let mut taking = TakingIn::new(&before, &rows, day(date), "large.csv", 7).unwrap();
        while taking.step(97).unwrap() {}
        let taken = taking.finish().unwrap();
        in_slices
            .apply(Edit::Pipeline(PipelineEdit::TakeIn(Box::new(taken))))
            .unwrap();
        assert_eq!(in_slices, whole, "later: {later}");
        assert!(in_slices.pipeline.opportunities.len() > 1_500);
        assert_eq!(
            format::file_len(&in_slices),
            format::save(&in_slices).len(),
            "later: {later}"
        );
    }
}

#[test]
fn an_edit_made_meanwhile_is_never_lost() {
    let ws = demo();
    let rows = rows(&ws, "hubspot-week1.csv");
    let named = rows
        .iter()
        .find_map(|r| r.partner.clone())
        .expect("the export names a partner of the demo");
    let taken = || {
        TakingIn::new(&ws, &rows, day("2026-10-05"), "week1.csv", 7)
            .unwrap()
            .finish()
            .unwrap()
    };
    // A deal renamed while the export was being taken in.
    let mut renamed = ws.clone();
    let deal = renamed.pipeline.opportunities[0].id.clone();
    let rename = OpportunityEdit::Text(
        partnerfit_core::edit::pipeline::OpportunityText::Name,
        "Renamed meanwhile".into(),
    );
    renamed
        .apply(Edit::Pipeline(PipelineEdit::Opportunity(deal, rename)))
        .unwrap();
    let kept = renamed.clone();
    let err = renamed
        .apply(Edit::Pipeline(PipelineEdit::TakeIn(Box::new(taken()))))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Deals: the deals changed while week1.csv was being taken in: take it in again"
    );
    assert_eq!(renamed, kept);
    // A partner the rows name removed meanwhile (no deal named it yet, so
    // the pipeline is the one the rows were taken into).
    let mut bare = ws.clone();
    bare.pipeline = Default::default();
    let taken_bare = TakingIn::new(&bare, &rows, day("2026-10-05"), "week1.csv", 7)
        .unwrap()
        .finish()
        .unwrap();
    bare.apply(Edit::RemovePartner(named.clone())).unwrap();
    let kept = bare.clone();
    let err = bare
        .apply(Edit::Pipeline(PipelineEdit::TakeIn(Box::new(taken_bare))))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("Partner: \"{named}\" is no longer in this workspace")
    );
    assert_eq!(bare, kept);
    // An edit elsewhere (a partner's notes) does not stop it.
    let mut noted = ws.clone();
    let first = noted.partners[0].id.clone();
    noted
        .apply(Edit::partner(
            &first,
            PartnerEdit::Text(
                partnerfit_core::edit::partner::PartnerText::Notes,
                "Called today.".into(),
            ),
        ))
        .unwrap();
    let summary = noted
        .apply(Edit::Pipeline(PipelineEdit::TakeIn(Box::new(taken()))))
        .unwrap()
        .summary;
    assert!(
        summary.starts_with("take in week1.csv — new: "),
        "{summary}"
    );
}

/// Rows: (what is wrong with the first row, the refusal).
#[test]
fn a_row_the_reader_would_refuse_stops_it_by_its_line() {
    let ws = demo();
    let rows = rows(&ws, "hubspot-week1.csv");
    type Spoil = fn(&mut DealRow);
    let cases: [(Spoil, &str); 2] = [
        (|r| r.name = "x".repeat(1_000), "Deal name"),
        (|r| r.account = "y".repeat(1_000), "Company"),
    ];
    for (spoil, field) in cases {
        let mut bad = rows.clone();
        spoil(&mut bad[1]);
        let line = bad[1].line;
        let mut taking = TakingIn::new(&ws, &bad, day("2026-10-05"), "bad.csv", 7).unwrap();
        let err = loop {
            match taking.step(1) {
                Ok(true) => continue,
                Ok(false) => panic!("{field}: taken in"),
                Err(e) => break e.to_string(),
            }
        };
        assert!(err.starts_with(&format!("line {line}: {field}")), "{err}");
    }
}
