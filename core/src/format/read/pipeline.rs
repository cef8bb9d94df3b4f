//! The pipeline: opportunity ids unique, CRM ids unique, a deal's partner is
//! a partner of this workspace and a direct deal names none, stage history
//! never empty and in date order.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::converted;
use super::lists::{check_ref, each, ids_of, unique, Ids, Known};
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::pipeline::partial;
use crate::format::file::reader::{Part, PartialOf};
use crate::format::file::{
    ExportTakenFile, NextActionFile, OpportunityFile, PipelineFile, StageEntryFile,
};
use crate::format::file_form::{file_form, FromFile};
use crate::pipeline::{Attribution, ExportTaken, NextAction, Opportunity, Pipeline, StageEntry};

file_form! {
    // Written field by field (the pipeline in `write.rs`); read below.
    Opportunity => OpportunityFile {
        id, crm_id, name, account, domain, partner, partner_text, source, attribution,
        r#type: kind, amount_minor: amount, created, close, stage_history: history,
        qualified, next_actions,
    }
    StageEntry = StageEntryFile { stage, date }
    NextAction = NextActionFile { text, owner, due, done }
    ExportTaken = ExportTakenFile { date, file_name, created, updated, unchanged }
}

const IDS: Ids<OpportunityFile> = ids_of!(OpportunityFile, "opportunity");

pub(super) fn pipeline(
    p: PartialOf<PipelineFile>,
    at: &Place,
    partners: &Known,
) -> Option<Pipeline> {
    let partial::PipelineFile {
        expected_days,
        opportunities,
        imports,
    } = p;
    let at_opps = at.key(file_key!(PipelineFile, opportunities));
    let opportunities = self::opportunities(opportunities, &at_opps, partners);
    Some(Pipeline {
        expected_days: expected_days
            .whole()?
            .into_iter()
            .map(|(stage, days)| (stage, days.0))
            .collect(),
        opportunities: opportunities?,
        imports: converted(imports)?,
    })
}

/// Opportunities (`at`: where they are): ids and CRM ids unique among them.
pub(super) fn opportunities(
    list: Part<Vec<OpportunityFile>>,
    at: &Place,
    partners: &Known,
) -> Option<Vec<Arc<Opportunity>>> {
    let mut crm_ids = BTreeSet::new();
    unique(list, at, &IDS, |o, at| {
        opportunity(o.partial()?, at, partners, &mut crm_ids).map(Arc::new)
    })
}

fn opportunity(
    p: PartialOf<OpportunityFile>,
    at: &Place,
    partners: &Known,
    crm_ids: &mut BTreeSet<String>,
) -> Option<Opportunity> {
    let partial::OpportunityFile {
        id,
        crm_id,
        name,
        account,
        domain,
        partner,
        partner_text,
        source,
        attribution,
        r#type,
        amount_minor,
        created,
        close,
        stage_history,
        qualified,
        next_actions,
    } = p;
    let crm_id: Option<String> = converted(crm_id);
    if let Some(crm) = &crm_id {
        if !crm.is_empty() && !crm_ids.insert(crm.clone()) {
            at.key(file_key!(OpportunityFile, crm_id)).report(format!(
                "duplicate CRM id \"{crm}\": a deal is in the pipeline once"
            ));
        }
    }
    let partner = partner.whole().and_then(|partner| match partner {
        Some(id) => check_ref(
            &at.key(file_key!(OpportunityFile, partner)),
            partners,
            &id,
            "partner",
        )
        .then_some(Some(id)),
        None => Some(None),
    });
    let attribution = attribution.whole();
    if let (Some(Some(_)), Some(Attribution::Direct)) = (&partner, attribution) {
        at.key(file_key!(OpportunityFile, partner))
            .report("a direct deal names no partner (make it partner-sourced or -influenced)");
    }
    let history_at = at.key(file_key!(OpportunityFile, stage_history));
    let history = stage_history.whole().and_then(|list| {
        if list.is_empty() {
            history_at.report("needs at least one stage (the stage the deal was first seen in)");
            return None;
        }
        if list.windows(2).any(|w| w[1].date < w[0].date) {
            history_at.report("stages must be in date order, oldest first");
            return None;
        }
        Some(Vec::from_file(list))
    });
    let next_actions = next_actions.partial().and_then(|list| {
        each(
            list,
            &at.key(file_key!(OpportunityFile, next_actions)),
            |a, _| converted(a),
        )
    });
    Some(Opportunity {
        id: id.whole()?,
        crm_id: crm_id?,
        name: converted(name)?,
        account: converted(account)?,
        domain: converted(domain)?,
        partner: partner?,
        partner_text: converted(partner_text)?,
        source: converted(source)?,
        attribution: attribution?,
        kind: r#type.whole()?,
        amount: amount_minor.whole()?,
        created: created.whole()?,
        close: close.whole()?,
        history: history?,
        qualified: qualified.whole()?,
        next_actions: next_actions?,
    })
}
