//! A partner's rules of engagement: one ownership entry per sales step.

use super::converted;
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::motion::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{JourneyStageFile, MotionFile, OwnershipFile, RegistrationFile, SlaFile};
use crate::format::file_form::{file_form, FromFile};
use crate::motion::{DealRegistration, JourneyStage, Motion, Ownership, Sla, Step};
use crate::vocab::Vocabulary;

file_form! {
    // Written field by field; read below (ownership).
    Motion => MotionFile { journey, ownership, qualified, rejected, sla, registration }
    JourneyStage = JourneyStageFile { name, we_fit, notes }
    Ownership = OwnershipFile { step, lead, support }
    Sla = SlaFile { first_response_days, qualification_days, notes }
    DealRegistration = RegistrationFile {
        eligible, protection_days, on_expiry, dispute_rule, dispute_owner,
    }
}

pub(super) fn motion(p: PartialOf<MotionFile>, at: &Place) -> Option<Motion> {
    let partial::MotionFile {
        journey,
        ownership,
        qualified,
        rejected,
        sla,
        registration,
    } = p;
    let ownership = ownership.whole().and_then(|list| {
        let steps: Vec<Step> = list.iter().map(|o| o.step).collect();
        if steps != Step::ALL {
            let keys: Vec<&str> = Step::ALL.iter().map(|s| s.key()).collect();
            at.key(file_key!(MotionFile, ownership)).report(format!(
                "needs one entry per step, in order: {}",
                keys.join(", ")
            ));
            return None;
        }
        Some(Vec::from_file(list))
    });
    Some(Motion {
        journey: converted(journey)?,
        ownership: ownership?,
        qualified: converted(qualified)?,
        rejected: converted(rejected)?,
        sla: converted(sla)?,
        registration: converted(registration)?,
    })
}
