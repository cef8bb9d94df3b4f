//! The weekly review: what moved since the last one, what is stuck, which
//! next actions are overdue or have no owner.
