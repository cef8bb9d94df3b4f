//! Domain → file types (current version). The records that are written
//! field by field are declared with their section's reader (`read/*.rs`,
//! `file_form!`); written by hand here: the workspace, a partner (its
//! ratings and evidence), an account list (its owner and population) and
//! the overlap as measured, the pipeline (its shared opportunities).

use std::sync::Arc;

use super::file::leaf::Whole;
use super::file::{
    AccountFile, AccountListFile, FormatTag, FormatVersion, MeasuredFile, OpportunityFile,
    PartnerFile, PipelineFile, PopulationSourceKind, WorkspaceFile,
};
use super::file_form::ToFile;
use crate::overlap::account::{AccountList, ListOwner, PopulationSource};
use crate::overlap::assessment::Measured;
use crate::partner::Partner;
use crate::pipeline::{Opportunity, Pipeline};
use crate::workspace::Workspace;

/// The file form of a workspace.
pub fn to_file(ws: &Workspace) -> WorkspaceFile {
    file(ws, true, true)
}

/// The file form with every account list's accounts left out (their size is
/// counted without copying them: `format::size`).
pub(crate) fn to_file_without_accounts(ws: &Workspace) -> WorkspaceFile {
    file(ws, false, true)
}

/// The file form with the accounts and the pipeline's opportunities left
/// out: the records of which a workspace holds 100,000, written, counted
/// and checked apart (`format::size`, the autosave's encoder).
pub(crate) fn to_file_without_records(ws: &Workspace) -> WorkspaceFile {
    file(ws, false, false)
}

/// The file form of some opportunities.
pub(crate) fn opportunities(o: &[Arc<Opportunity>]) -> Vec<OpportunityFile> {
    o.iter().map(|o| (**o).to_file()).collect()
}

/// The file form of a list's accounts.
pub(crate) fn accounts(l: &AccountList) -> Vec<AccountFile> {
    l.accounts.to_file()
}

fn file(ws: &Workspace, with_accounts: bool, with_opportunities: bool) -> WorkspaceFile {
    WorkspaceFile {
        format: FormatTag,
        format_version: FormatVersion,
        profile: ws.profile.to_file(),
        icp: ws.icp.to_file(),
        scorecard: ws.scorecard.to_file(),
        partners: ws.partners.iter().map(|p| partner(p)).collect(),
        account_lists: ws
            .account_lists
            .iter()
            .map(|l| account_list(l, with_accounts))
            .collect(),
        pipeline: pipeline(&ws.pipeline, with_opportunities),
        program: ws.program.to_file(),
    }
}

/// Ratings and evidence are written apart: a score per rated criterion,
/// evidence per criterion that has some (rated or not).
fn partner(p: &Partner) -> PartnerFile {
    PartnerFile {
        id: p.id.clone(),
        name: p.name.to_file(),
        website: p.website.to_file(),
        r#type: p.kind,
        status_history: p.history.to_file(),
        owner: p.owner.to_file(),
        notes: p.notes.to_file(),
        brand_size: p.brand,
        archived: p.archived,
        ratings: p
            .ratings
            .iter()
            .map(|(id, r)| (id.to_string(), r.score))
            .collect(),
        evidence: p
            .ratings
            .iter()
            .map(|(id, r)| (id, &r.evidence))
            .chain(&p.pending_evidence)
            .filter(|(_, text)| !text.is_empty())
            .map(|(id, text)| (id.to_string(), text.to_file()))
            .collect(),
        alignment: p.alignment.to_file(),
        disqualifier_hits: p.disqualifier_hits.iter().cloned().collect(),
        overlap: p.overlap.to_file(),
        motion: p.motion.to_file(),
        incentives: p.incentives.to_file(),
        self_assessment: p.self_assessment.to_file(),
        pilots: p.pilots.to_file(),
        verdict_override: p.verdict_override.to_file(),
        enablement: p.enablement.to_file(),
    }
}

/// The opportunities are shared (`Arc`) in the workspace.
fn pipeline(p: &Pipeline, with_opportunities: bool) -> PipelineFile {
    PipelineFile {
        expected_days: p
            .expected_days
            .iter()
            .map(|(stage, days)| (*stage, Whole(*days)))
            .collect(),
        opportunities: if with_opportunities {
            opportunities(&p.opportunities)
        } else {
            Vec::new()
        },
        imports: p.imports.to_file(),
    }
}

fn account_list(l: &AccountList, with_accounts: bool) -> AccountListFile {
    let (population_source, population) = match l.population {
        PopulationSource::StatusColumn { fallback } => {
            (PopulationSourceKind::StatusColumn, fallback)
        }
        PopulationSource::Fixed(p) => (PopulationSourceKind::Fixed, p),
    };
    AccountListFile {
        id: l.id.clone(),
        partner: match &l.owner {
            ListOwner::Ours => None,
            ListOwner::Partner(id) => Some(id.clone()),
        },
        source: l.source.to_file(),
        imported: l.imported,
        population_source,
        population,
        accounts: if with_accounts {
            accounts(l)
        } else {
            Vec::new()
        },
    }
}

/// The measured figures are written beside the measurement's date, method
/// and lists.
impl ToFile<MeasuredFile> for Measured {
    fn to_file(&self) -> MeasuredFile {
        let Measured {
            date,
            method,
            ours_lists,
            theirs_lists,
            figures,
        } = self;
        MeasuredFile {
            date: *date,
            method: *method,
            ours_lists: ours_lists.clone(),
            theirs_lists: theirs_lists.clone(),
            cells: figures.cells.to_file(),
            greenfield: figures.greenfield.to_file(),
            theirs_total: figures.theirs_total.to_file(),
            ours_total: figures.ours_total.to_file(),
            matches: figures.matches.to_file(),
            confirmed: figures.confirmed.to_file(),
        }
    }
}
