//! Step 2 of the method: partners, their type and their lifecycle.

use std::collections::{BTreeMap, BTreeSet};

pub mod enablement;
pub mod kind;
pub mod rating;

pub use enablement::{Enablement, EnablementKind};
pub use kind::{BrandSize, PartnerType};
pub use rating::{Rating, Score};

use crate::alignment::PartnerAlignment;
use crate::date::Date;
use crate::id::Id;
use crate::incentives::plan::PartnerIncentives;
use crate::motion::Motion;
use crate::overlap::assessment::PartnerOverlap;
use crate::pilot::{Override, Pilot};
use crate::share::records::SelfAssessment;
use crate::vocabulary;

vocabulary! {
    /// Where a partner is in its lifecycle.
    pub enum Status ("partner status") {
        Candidate = "candidate" / "Candidate",
        Evaluating = "evaluating" / "Evaluating",
        Pilot = "pilot" / "Pilot",
        Active = "active" / "Active",
        Exited = "exited" / "Exited",
    }
}

impl Status {
    /// The usual next step of the lifecycle, if any.
    pub fn next(self) -> Option<Status> {
        match self {
            Status::Candidate => Some(Status::Evaluating),
            Status::Evaluating => Some(Status::Pilot),
            Status::Pilot => Some(Status::Active),
            Status::Active | Status::Exited => None,
        }
    }
}

/// One change of status, with the day it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusChange {
    pub status: Status,
    pub date: Date,
}

/// A partner (or candidate).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    pub id: Id,
    pub name: String,
    pub website: String,
    pub kind: PartnerType,
    /// Every status change, oldest first; never empty.
    pub history: Vec<StatusChange>,
    /// Who on our side owns this partner.
    pub owner: String,
    pub notes: String,
    pub brand: BrandSize,
    /// Archived partners stay in the file but leave lists and rankings.
    pub archived: bool,
    /// Our ratings by criterion id; unrated criteria are absent.
    pub ratings: BTreeMap<Id, Rating>,
    /// Evidence notes for criteria not rated yet.
    pub pending_evidence: BTreeMap<Id, String>,
    pub alignment: PartnerAlignment,
    /// Ids of our ICP disqualifiers that hit this partner's book of business.
    pub disqualifier_hits: BTreeSet<Id>,
    /// Account mapping and overlap judgment (step 4).
    pub overlap: PartnerOverlap,
    /// Rules of engagement (step 5).
    pub motion: Motion,
    /// Incentive plans and pipeline assumptions (step 6).
    pub incentives: PartnerIncentives,
    /// Self-assessment invitations sent and responses received.
    pub self_assessment: SelfAssessment,
    /// Pilots run (step 7), oldest first; the last is the current one.
    pub pilots: Vec<Pilot>,
    /// Why the partner went to pilot or active against a "do not onboard"
    /// verdict.
    pub verdict_override: Option<Override>,
    /// Enablement given (training, calls, certification), oldest first.
    pub enablement: Vec<Enablement>,
}

impl Partner {
    /// A new candidate created on `today`.
    pub fn new(id: Id, name: impl Into<String>, kind: PartnerType, today: Date) -> Partner {
        Partner {
            id,
            name: name.into(),
            website: String::new(),
            kind,
            history: vec![StatusChange {
                status: Status::Candidate,
                date: today,
            }],
            owner: String::new(),
            notes: String::new(),
            brand: BrandSize::Small,
            archived: false,
            ratings: BTreeMap::new(),
            pending_evidence: BTreeMap::new(),
            alignment: PartnerAlignment::default(),
            disqualifier_hits: BTreeSet::new(),
            overlap: PartnerOverlap::default(),
            motion: Motion::default(),
            incentives: PartnerIncentives::default(),
            self_assessment: Default::default(),
            pilots: Vec::new(),
            verdict_override: None,
            enablement: Vec::new(),
        }
    }

    /// The current pilot (the last one), if any.
    pub fn pilot(&self) -> Option<&Pilot> {
        self.pilots.last()
    }

    /// The current status in words for lists, with the override when the
    /// partner goes ahead against a "do not onboard" verdict ("Pilot —
    /// against the verdict: board mandate").
    pub fn status_text(&self) -> String {
        let status = crate::vocab::Vocabulary::label(self.status());
        match &self.verdict_override {
            Some(o) => format!("{status} \u{2014} against the verdict: {}", o.reason),
            None => status.to_owned(),
        }
    }

    /// The current status (the last change).
    pub fn status(&self) -> Status {
        self.history
            .last()
            .map(|c| c.status)
            .unwrap_or(Status::Candidate)
    }

    /// Since when the partner is in its current status.
    pub fn status_since(&self) -> Option<Date> {
        self.history.last().map(|c| c.date)
    }

    /// Move to `status` on `today`; no-op if already there. The history stays
    /// in date order even if the caller's clock went backwards.
    pub fn set_status(&mut self, status: Status, today: Date) {
        if self.status() != status {
            let date = self.status_since().map_or(today, |last| last.max(today));
            self.history.push(StatusChange { status, date });
        }
    }

    /// Set or clear (None) the rating of a criterion, keeping its evidence note.
    pub fn rate(&mut self, criterion: &Id, score: Option<Score>) {
        match score {
            Some(score) => {
                let evidence = self
                    .ratings
                    .get(criterion)
                    .map(|r| r.evidence.clone())
                    .or_else(|| self.pending_evidence.remove(criterion))
                    .unwrap_or_default();
                self.ratings
                    .insert(criterion.clone(), Rating { score, evidence });
            }
            None => {
                if let Some(r) = self.ratings.remove(criterion) {
                    if !r.evidence.is_empty() {
                        self.pending_evidence.insert(criterion.clone(), r.evidence);
                    }
                }
            }
        }
    }

    /// The evidence note of a criterion, rated or not.
    pub fn evidence(&self, criterion: &Id) -> &str {
        self.ratings
            .get(criterion)
            .map(|r| r.evidence.as_str())
            .or_else(|| self.pending_evidence.get(criterion).map(String::as_str))
            .unwrap_or("")
    }

    /// Set the evidence note of a criterion, rated or not.
    pub fn set_evidence(&mut self, criterion: &Id, text: String) {
        if let Some(r) = self.ratings.get_mut(criterion) {
            r.evidence = text;
        } else if text.is_empty() {
            self.pending_evidence.remove(criterion);
        } else {
            self.pending_evidence.insert(criterion.clone(), text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-25").unwrap()
    }

    #[test]
    fn lifecycle_records_dates() {
        let mut p = Partner::new(
            Id::parse("p-1").unwrap(),
            "Acme",
            PartnerType::Referral,
            today(),
        );
        p.set_status(Status::Evaluating, today().add_days(3));
        p.set_status(Status::Evaluating, today().add_days(4));
        assert_eq!(p.status(), Status::Evaluating);
        assert_eq!(p.history.len(), 2);
        assert_eq!(p.status_since(), Some(today().add_days(3)));
    }

    #[test]
    fn clearing_a_rating_keeps_its_evidence() {
        let c = Id::parse("icp_density").unwrap();
        let mut p = Partner::new(
            Id::parse("p-1").unwrap(),
            "Acme",
            PartnerType::Referral,
            today(),
        );
        p.set_evidence(&c, "Six logistics clients".into());
        p.rate(&c, Score::new(4));
        assert_eq!(p.evidence(&c), "Six logistics clients");
        p.rate(&c, None);
        assert!(p.ratings.is_empty());
        assert_eq!(p.evidence(&c), "Six logistics clients");
    }

    #[test]
    fn score_range() {
        assert!(Score::new(0).is_none());
        assert!(Score::new(1).is_some());
        assert!(Score::new(5).is_some());
        assert!(Score::new(6).is_none());
    }
}
