//! Step 5 of the method: GTM fit made real with motion design — one page of
//! rules of engagement per partner, with its gaps called out.

use crate::vocab::Vocabulary as _;
use crate::vocabulary;

pub mod one_pager;

vocabulary! {
    /// A step of the joint sale.
    pub enum Step ("sales step") {
        Discovery = "discovery" / "Discovery",
        Demo = "demo" / "Demo",
        Proposal = "proposal" / "Proposal",
        Implementation = "implementation" / "Implementation",
        Renewal = "renewal" / "Renewal",
    }
}

vocabulary! {
    /// Who does a step.
    pub enum Party ("party") {
        Undecided = "undecided" / "Not decided",
        Us = "us" / "We",
        Partner = "partner" / "Partner",
        Joint = "joint" / "Jointly",
    }
}

/// Who leads and who supports one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ownership {
    pub step: Step,
    pub lead: Party,
    pub support: Party,
}

/// One stage of the partner's customer journey.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JourneyStage {
    pub name: String,
    /// Our product naturally supports the partner's process here.
    pub we_fit: bool,
    pub notes: String,
}

/// Response service levels for partner-submitted opportunities.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sla {
    /// First response, in business days.
    pub first_response_days: Option<u16>,
    /// Accept or reject as qualified, in business days.
    pub qualification_days: Option<u16>,
    pub notes: String,
}

/// Deal registration and conflict rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealRegistration {
    /// What can be registered.
    pub eligible: String,
    /// How long a registration protects the partner, in days.
    pub protection_days: Option<u16>,
    /// What happens when the protection expires.
    pub on_expiry: String,
    /// How direct-versus-partner disputes are resolved.
    pub dispute_rule: String,
    /// Who decides disputes.
    pub dispute_owner: String,
}

/// The rules of engagement with one partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Motion {
    pub journey: Vec<JourneyStage>,
    /// One entry per [`Step`], in order.
    pub ownership: Vec<Ownership>,
    /// What "qualified" means (criteria tied to the ICP).
    pub qualified: Vec<String>,
    /// What gets rejected.
    pub rejected: Vec<String>,
    pub sla: Sla,
    pub registration: DealRegistration,
}

impl Default for Motion {
    fn default() -> Self {
        use crate::vocab::Vocabulary;
        Motion {
            journey: Vec::new(),
            ownership: Step::ALL
                .iter()
                .map(|s| Ownership {
                    step: *s,
                    lead: Party::Undecided,
                    support: Party::Undecided,
                })
                .collect(),
            qualified: Vec::new(),
            rejected: Vec::new(),
            sla: Sla::default(),
            registration: DealRegistration::default(),
        }
    }
}

/// Something the one-pager lacks, and why it matters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MotionGap {
    pub part: &'static str,
    pub message: String,
}

impl Motion {
    /// Whether anything of the rules of engagement has been written or
    /// decided (an untouched motion is not worth sending to a partner).
    pub fn is_drafted(&self) -> bool {
        *self != Motion::default()
    }

    /// What is missing, in the words the one-pager shows.
    pub fn gaps(&self) -> Vec<MotionGap> {
        let mut out = Vec::new();
        let mut gap = |part, message: String| out.push(MotionGap { part, message });
        if self.journey.is_empty() {
            gap(
                "journey",
                "No customer journey yet: map the partner's stages before deciding where we fit."
                    .into(),
            );
        } else if !self.journey.iter().any(|s| s.we_fit) {
            gap("journey", "No stage where our product naturally supports their process: the motion has no natural entry.".into());
        }
        for o in &self.ownership {
            if o.lead == Party::Undecided {
                gap(
                    "ownership",
                    format!(
                        "Nobody leads {}: decide who owns it.",
                        o.step.label().to_lowercase()
                    ),
                );
            }
        }
        if !self.qualified.iter().any(|q| !q.trim().is_empty()) {
            gap("qualified", "No definition of \u{201c}qualified\u{201d}: partners will send anything that gets them paid.".into());
        }
        if !self.rejected.iter().any(|q| !q.trim().is_empty()) {
            gap(
                "rejected",
                "No rejection rules: say what gets rejected.".into(),
            );
        }
        if self.sla.first_response_days.is_none() {
            gap(
                "sla",
                "No response SLA for partner-submitted opportunities: partners feel ignored."
                    .into(),
            );
        }
        let r = &self.registration;
        if r.eligible.trim().is_empty() {
            gap("registration", "No rule for what can be registered.".into());
        }
        if r.protection_days.is_none() {
            gap(
                "registration",
                "No protection period for registered deals.".into(),
            );
        }
        if r.on_expiry.trim().is_empty() {
            gap(
                "registration",
                "No rule for what happens when a registration expires.".into(),
            );
        }
        if r.dispute_rule.trim().is_empty() {
            gap(
                "registration",
                "No dispute rule: ambiguity creates conflict.".into(),
            );
        }
        if r.dispute_owner.trim().is_empty() {
            gap(
                "registration",
                "Nobody owns disputes between direct and partner teams.".into(),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_motion_lists_every_gap() {
        let gaps = Motion::default().gaps();
        let texts: Vec<&str> = gaps.iter().map(|g| g.message.as_str()).collect();
        assert!(texts.contains(&"No dispute rule: ambiguity creates conflict."));
        assert_eq!(gaps.iter().filter(|g| g.part == "ownership").count(), 5);
        assert_eq!(gaps.len(), 14);
    }

    #[test]
    fn a_complete_motion_has_no_gap() {
        let mut m = Motion::default();
        m.journey.push(JourneyStage {
            name: "Migration kickoff".into(),
            we_fit: true,
            notes: String::new(),
        });
        for o in &mut m.ownership {
            o.lead = Party::Partner;
        }
        m.qualified
            .push("ICP industry and 100–1,000 employees".into());
        m.rejected.push("Public sector".into());
        m.sla.first_response_days = Some(1);
        m.registration = DealRegistration {
            eligible: "Named ICP accounts with a pain trigger".into(),
            protection_days: Some(90),
            on_expiry: "Reverts to open".into(),
            dispute_rule: "First registered, with evidence of a meeting, wins".into(),
            dispute_owner: "Head of partnerships".into(),
        };
        assert_eq!(m.gaps(), vec![]);
    }
}
