//! The labels of a deal's fields, shared by the pipeline's edits and the
//! taking in of CRM exports (`take_in`).

use crate::pipeline::Opportunity;

crate::fields! {
    /// A text of an opportunity.
    pub enum OpportunityText in Opportunity => String {
        Name = "Deal name", Short => name,
        Account = "Company", Short => account,
        Domain = "Company website", Short => domain,
        CrmId = "CRM record id", Short => crm_id,
    }
}

/// Labels of an opportunity's other fields.
pub const AMOUNT: &str = "Amount";
pub const CREATED: &str = "Created on";
pub const CLOSE: &str = "Close date";
pub const PARTNER: &str = "Partner";
pub const EXPECTED_DAYS: &str = "Expected days in stage";
