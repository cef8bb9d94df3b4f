//! Who an account is to its owner: a customer, an open opportunity, a prospect.

use crate::vocabulary;

vocabulary! {
    /// The population an account belongs to in its owner's CRM.
    pub enum Population ("population") {
        Customer = "customer" / "Customers",
        OpenOpportunity = "open_opportunity" / "Open opportunities",
        Prospect = "prospect" / "Prospects",
    }
}

impl Population {
    /// `n` accounts of this population in words: "1 customer", "10 open
    /// opportunities".
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Population::Customer => ("customer", "customers"),
            Population::OpenOpportunity => ("open opportunity", "open opportunities"),
            Population::Prospect => ("prospect", "prospects"),
        };
        crate::words::count(n, one, many)
    }

    /// Read a CRM status / lifecycle stage / type value, as exported by
    /// HubSpot (lifecycle stage), Salesforce (account type) or Pipedrive.
    pub fn from_status(text: &str) -> Option<Population> {
        let t = text.trim().to_lowercase();
        let t = t.replace(['_', '-'], " ");
        let has = |words: &[&str]| words.iter().any(|w| t == *w || t.contains(w));
        if t.is_empty() {
            None
        } else if has(&[
            "customer",
            "client",
            "closed won",
            "won",
            "active account",
            "evangelist",
            "existing",
        ]) {
            Some(Population::Customer)
        } else if has(&[
            "opportunit",
            "open deal",
            "negotiation",
            "proposal",
            "pipeline",
            "sales qualified",
            "salesqualified",
            "sql",
            "in progress",
        ]) {
            Some(Population::OpenOpportunity)
        } else if has(&[
            "prospect",
            "lead",
            "subscriber",
            "marketing qualified",
            "mql",
            "target",
            "cold",
            "new",
        ]) {
            Some(Population::Prospect)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Population::{self, *};

    #[test]
    fn crm_statuses() {
        for (status, expected) in [
            ("Customer", Some(Customer)),
            ("customer", Some(Customer)),
            ("Closed Won", Some(Customer)),
            ("Customer - Direct", Some(Customer)),
            ("opportunity", Some(OpenOpportunity)),
            ("Sales Qualified Lead", Some(OpenOpportunity)),
            ("salesqualifiedlead", Some(OpenOpportunity)),
            ("marketingqualifiedlead", Some(Prospect)),
            ("lead", Some(Prospect)),
            ("Marketing Qualified Lead", Some(Prospect)),
            ("Prospect", Some(Prospect)),
            ("subscriber", Some(Prospect)),
            ("", None),
            ("Partner", None),
        ] {
            assert_eq!(Population::from_status(status), expected, "{status}");
        }
    }
}
