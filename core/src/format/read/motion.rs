//! A partner's rules of engagement: one ownership entry per sales step.

use super::texts;
use crate::format::cursor::Place;
use crate::format::file::declare::file_key;
use crate::format::file::motion::partial;
use crate::format::file::reader::PartialOf;
use crate::format::file::{JourneyStageFile, MotionFile, OwnershipFile, RegistrationFile, SlaFile};
use crate::motion::{DealRegistration, JourneyStage, Motion, Ownership, Sla, Step};
use crate::vocab::Vocabulary;

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
        Some(list.into_iter().map(self::ownership).collect())
    });
    Some(Motion {
        journey: journey.whole()?.into_iter().map(stage).collect(),
        ownership: ownership?,
        qualified: texts(qualified)?,
        rejected: texts(rejected)?,
        sla: sla.whole().map(self::sla)?,
        registration: registration.whole().map(self::registration)?,
    })
}

fn stage(s: JourneyStageFile) -> JourneyStage {
    let JourneyStageFile {
        name,
        we_fit,
        notes,
    } = s;
    JourneyStage {
        name: name.0,
        we_fit,
        notes: notes.0,
    }
}

fn ownership(o: OwnershipFile) -> Ownership {
    let OwnershipFile {
        step,
        lead,
        support,
    } = o;
    Ownership {
        step,
        lead,
        support,
    }
}

fn sla(s: SlaFile) -> Sla {
    let SlaFile {
        first_response_days,
        qualification_days,
        notes,
    } = s;
    Sla {
        first_response_days: first_response_days.map(|d| d.0),
        qualification_days: qualification_days.map(|d| d.0),
        notes: notes.0,
    }
}

fn registration(r: RegistrationFile) -> DealRegistration {
    let RegistrationFile {
        eligible,
        protection_days,
        on_expiry,
        dispute_rule,
        dispute_owner,
    } = r;
    DealRegistration {
        eligible: eligible.0,
        protection_days: protection_days.map(|d| d.0),
        on_expiry: on_expiry.0,
        dispute_rule: dispute_rule.0,
        dispute_owner: dispute_owner.0,
    }
}
