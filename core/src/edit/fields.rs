//! The editable fields of a record, declared in one table each: a field's
//! editor label (the one home of those words: the editor shows it, refusals
//! name it), where it is in the record, and, for texts, how long it may be.
//!
//! `fields! { /// doc  pub enum MotionText in Motion => String { SlaNotes = "SLA notes", Long => sla.notes, … } }`
//! gives the enum with `ALL`, `label()`, `get(&record)`, `slot(&mut record)`
//! and, when every field names a [`TextKind`](super::TextKind), `kind()`.

use super::check::{self, TextKind};
use super::{Applied, EditError};

/// Declares a table of fields (see the module doc).
#[macro_export]
macro_rules! fields {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $record:ty => $value:ty {
            $( $(#[$vmeta:meta])* $variant:ident = $label:expr, $kind:ident => $($path:ident).+ ),+ $(,)?
        }
    ) => {
        $crate::fields! {
            $(#[$meta])*
            pub enum $name in $record => $value {
                $( $(#[$vmeta])* $variant = $label => $($path).+ ),+
            }
        }

        impl $name {
            /// How long the text may be.
            pub fn kind(self) -> $crate::edit::TextKind {
                match self { $( $name::$variant => $crate::edit::TextKind::$kind ),+ }
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $record:ty => $value:ty {
            $( $(#[$vmeta:meta])* $variant:ident = $label:expr => $($path:ident).+ ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            /// Every field, in the editor's order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The editor's label (also the field's name in messages).
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $label ),+ }
            }

            /// The field's value in `record`.
            pub fn get(self, record: &$record) -> &$value {
                match self { $( $name::$variant => &record.$($path).+ ),+ }
            }

            /// The field's place in `record`, to change it.
            pub fn slot(self, record: &mut $record) -> &mut $value {
                match self { $( $name::$variant => &mut record.$($path).+ ),+ }
            }
        }
    };
}

/// Put `text` in a text field labelled `label` after the reader's check;
/// what was done, grouped by `key` while typing.
pub(crate) fn set_text(
    slot: &mut String,
    text: String,
    label: &str,
    kind: TextKind,
    key: String,
) -> Result<Applied, EditError> {
    check::text(|| label.to_owned(), &text, kind)?;
    *slot = text;
    Ok(Applied::keyed(
        format!("edit {}", label.to_lowercase()),
        key,
    ))
}

/// Put `items` in a list of texts labelled `label` (each line of `kind`).
pub(crate) fn set_lines(
    slot: &mut Vec<String>,
    items: Vec<String>,
    label: &str,
    kind: TextKind,
    key: String,
) -> Result<Applied, EditError> {
    check::lines(label, &items, kind)?;
    *slot = items;
    Ok(Applied::keyed(
        format!("edit {}", label.to_lowercase()),
        key,
    ))
}

crate::fields! {
    /// One of the three alignment questions, and its answer.
    pub enum Question in crate::alignment::Answers => String {
        Problem = crate::alignment::QUESTIONS[0], Long => problem,
        Urgency = crate::alignment::QUESTIONS[1], Long => urgency,
        Success = crate::alignment::QUESTIONS[2], Long => success_90_days,
    }
}

#[cfg(test)]
mod tests {
    use super::Question;
    use crate::alignment::{Answers, QUESTIONS};

    #[test]
    fn a_table_reads_and_writes_its_fields() {
        let mut a = Answers::default();
        *Question::Urgency.slot(&mut a) = "Year end".into();
        assert_eq!(a.urgency, "Year end");
        assert_eq!(Question::Urgency.get(&a), "Year end");
        let labels: Vec<&str> = Question::ALL.iter().map(|q| q.label()).collect();
        assert_eq!(labels, QUESTIONS);
    }
}
