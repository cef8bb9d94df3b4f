//! Step 7 of the method: the 60-day pilot that proves a partner before it
//! is expanded ("if the pilot does not produce movement, do not expand").
//!
//! A pilot has dates (60 days by default), an owner on each side, 20–50
//! pilot accounts picked from the account mapping (kept apart from the
//! 25-account map of step 4), two joint plays, targets, weekly reviews and,
//! at the end, a decision: expand (the partner becomes active), reset (a
//! new pilot with the fixes listed) or exit. A partner's pilots are kept
//! oldest first; the last one is the current one.
//!
//! Its deals are the pipeline's opportunities attributed to the partner
//! ([`crate::pipeline`]); how it is going is [`evaluate`].

pub mod evaluate;
pub mod recommend;
pub mod review;

use std::collections::BTreeMap;

use crate::date::Date;
use crate::id::Id;
use crate::pipeline::Stage;
use crate::vocabulary;

/// A pilot's length when the user does not choose another.
pub const DEFAULT_DAYS: i64 = 60;
/// The pilot account list the method asks for: 20 to 50 accounts.
pub const ACCOUNTS_MIN: usize = 20;
pub const ACCOUNTS_MAX: usize = 50;
/// The joint plays a pilot runs.
pub const PLAYS: usize = 2;

vocabulary! {
    /// Where a pilot account was picked from in the account mapping.
    pub enum AccountSource ("pilot account source") {
        Shared = "shared" / "Shared account",
        Greenfield = "greenfield" / "Greenfield",
        AccountMap = "account_map" / "Account map",
    }
}

/// One account the pilot works on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PilotAccount {
    pub name: String,
    /// Website or domain, as the CRM export wrote it.
    pub domain: String,
    pub source: AccountSource,
}

/// A joint play: what both sides do together on some pilot accounts.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Play {
    pub name: String,
    /// What starts it ("a shared customer opens a finance-ops project").
    pub trigger: String,
    pub outcome: String,
    pub our_owner: String,
    pub partner_owner: String,
    /// Names of the pilot accounts it targets.
    pub accounts: Vec<String>,
}

/// What the pilot must produce within its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Targets {
    /// Qualified opportunities created.
    pub qualified: u16,
    /// Opportunities that moved forward at least one stage.
    pub progressed: u16,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            qualified: 5,
            progressed: 3,
        }
    }
}

/// A weekly review as recorded: its day, notes, and the stage of every
/// pilot deal it saw, so the next review shows what moved since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub date: Date,
    pub notes: String,
    /// Opportunity id → the stage it stood in.
    pub seen: BTreeMap<Id, Stage>,
}

vocabulary! {
    /// How a pilot ends.
    pub enum Decision ("pilot decision") {
        Expand = "expand" / "Expand",
        Reset = "reset" / "Reset",
        Exit = "exit" / "Exit",
    }
}

/// The decision recorded at the end of a pilot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    pub decision: Decision,
    pub date: Date,
    pub reason: String,
}

/// One pilot of a partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pilot {
    pub start: Date,
    pub end: Date,
    pub our_owner: String,
    pub partner_owner: String,
    pub accounts: Vec<PilotAccount>,
    pub plays: Vec<Play>,
    pub targets: Targets,
    /// What a reset asked this pilot to fix (empty for a first pilot).
    pub fixes: Vec<String>,
    /// Oldest first.
    pub reviews: Vec<Review>,
    pub decided: Option<Decided>,
}

impl Pilot {
    /// A pilot starting on `start`, 60 days long, with two empty plays.
    pub fn new(start: Date) -> Pilot {
        Pilot {
            start,
            end: start.add_days(DEFAULT_DAYS),
            our_owner: String::new(),
            partner_owner: String::new(),
            accounts: Vec::new(),
            plays: vec![Play::default(); PLAYS],
            targets: Targets::default(),
            fixes: Vec::new(),
            reviews: Vec::new(),
            decided: None,
        }
    }

    /// Its length in days.
    pub fn days(&self) -> i64 {
        self.start.days_until(self.end).max(1)
    }

    /// The pilot's day on `today`: 1 on its start, clamped to 0 before it
    /// and to its length after it.
    pub fn day(&self, today: Date) -> i64 {
        (self.start.days_until(today) + 1).clamp(0, self.days())
    }

    /// A warning when the pilot accounts are fewer than 20 or more than 50.
    pub fn accounts_warning(&self) -> Option<String> {
        let n = self.accounts.len();
        if n < ACCOUNTS_MIN {
            Some(format!(
                "{} picked: a pilot needs {ACCOUNTS_MIN} to {ACCOUNTS_MAX} accounts to show movement",
                crate::words::count(n, "account", "accounts")
            ))
        } else if n > ACCOUNTS_MAX {
            Some(format!(
                "{n} accounts picked: more than {ACCOUNTS_MAX} spreads a 60-day pilot too thin"
            ))
        } else {
            None
        }
    }
}

/// Why a partner whose verdict is "do not onboard" was moved to pilot or
/// active anyway: recorded, and shown wherever the partner appears.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub date: Date,
    pub reason: String,
}

/// For each deal, the pilot account it is on (its index in `accounts`),
/// found by the account mapping's matching: the deal's company and website
/// against the pilot accounts' names and websites.
pub fn accounts_of_deals(
    psl: &crate::overlap::normalize::Psl,
    accounts: &[PilotAccount],
    deals: &[std::sync::Arc<crate::pipeline::Opportunity>],
) -> Vec<Option<usize>> {
    let companies = deals
        .iter()
        .map(|o| (o.account.as_str(), o.domain.as_str()));
    let accounts = accounts
        .iter()
        .map(|a| (a.name.as_str(), a.domain.as_str()));
    accounts_of_companies(psl, accounts, companies)
}

/// [`accounts_of_deals`] for the pilot's accounts and the deals' companies
/// as (name, website): what the web app's background worker receives.
pub fn accounts_of_companies<'a>(
    psl: &crate::overlap::normalize::Psl,
    accounts: impl IntoIterator<Item = (&'a str, &'a str)>,
    companies: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Option<usize>> {
    use crate::overlap::account::Account;
    use crate::overlap::population::Population;
    let accounts: Vec<Account> = accounts
        .into_iter()
        .enumerate()
        .map(|(i, (name, domain))| {
            Account::for_matching(i + 1, name, domain, "", Population::Customer)
        })
        .collect();
    crate::pipeline::link::link_companies(psl, companies, &accounts)
        .into_iter()
        .map(|l| l.map(|l| l.account))
        .collect()
}
