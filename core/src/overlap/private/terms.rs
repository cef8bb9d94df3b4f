//! The words of a private comparison: its mode and its steps.

crate::vocabulary! {
    /// How much a comparison reveals, chosen by the company that starts it.
    pub enum Mode ("comparison mode") {
        /// The number of shared accounts per pair of populations, nothing about which.
        Counts = "counts" / "Counts only",
        /// Also which of its own accounts are shared, for each side.
        Accounts = "accounts" / "Shared accounts",
    }
}

crate::vocabulary! {
    /// The three files of a comparison.
    pub enum Step ("comparison step") {
        Request = "request" / "request",
        Answer = "answer" / "answer",
        Result = "result" / "result",
    }
}
