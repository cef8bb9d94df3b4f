//! A partner's rules of engagement.

use crate::format::file::leaf::{Text, Whole};
use crate::format::file::{JourneyStageFile, MotionFile, OwnershipFile, RegistrationFile, SlaFile};
use crate::motion::Motion;

pub(super) fn motion(m: &Motion) -> MotionFile {
    MotionFile {
        journey: m
            .journey
            .iter()
            .map(|s| JourneyStageFile {
                name: Text(s.name.clone()),
                we_fit: s.we_fit,
                notes: Text(s.notes.clone()),
            })
            .collect(),
        ownership: m
            .ownership
            .iter()
            .map(|o| OwnershipFile {
                step: o.step,
                lead: o.lead,
                support: o.support,
            })
            .collect(),
        qualified: m.qualified.iter().map(|s| Text(s.clone())).collect(),
        rejected: m.rejected.iter().map(|s| Text(s.clone())).collect(),
        sla: SlaFile {
            first_response_days: m.sla.first_response_days.map(Whole),
            qualification_days: m.sla.qualification_days.map(Whole),
            notes: Text(m.sla.notes.clone()),
        },
        registration: RegistrationFile {
            eligible: Text(m.registration.eligible.clone()),
            protection_days: m.registration.protection_days.map(Whole),
            on_expiry: Text(m.registration.on_expiry.clone()),
            dispute_rule: Text(m.registration.dispute_rule.clone()),
            dispute_owner: Text(m.registration.dispute_owner.clone()),
        },
    }
}
