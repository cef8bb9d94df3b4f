//! Lists of rows edited in place: a committee, worked examples, journey
//! stages, mapped accounts, tier tables. One edit type serves them all, so
//! the app has one list editor.

use super::{Applied, EditError};

/// A change to one list of rows. Row numbers are 0-based here and 1-based
/// in messages.
#[derive(Clone, Debug, PartialEq)]
pub enum RowEdit<R> {
    /// Append a row.
    Add(R),
    /// Replace row `i`.
    Set(usize, R),
    /// Remove row `i`.
    Remove(usize),
    /// Move row `from` to position `to` (the rows between shift by one).
    Move { from: usize, to: usize },
}

/// A row type: what it is called, and the reader's checks on one row.
pub trait Row: Clone {
    /// What one row is called in messages ("committee member").
    const WHAT: &'static str;
    /// The reader's checks on this row (`number` is 1-based, for messages).
    fn check(&self, number: usize) -> Result<(), EditError>;
    /// A short name for the row in an undo label ("CFO"); may be empty.
    fn title(&self) -> String;
}

impl<R: Row> RowEdit<R> {
    /// Carry the edit out on `rows`; refused edits leave them unchanged.
    /// Returns what was done, in words ("remove committee member 2 (CFO)").
    pub fn apply_to(self, rows: &mut Vec<R>) -> Result<String, EditError> {
        let what = R::WHAT;
        let named = |n: usize, r: &R| {
            let t = r.title();
            if t.trim().is_empty() {
                format!("{what} {n}")
            } else {
                format!("{what} {n} ({})", t.trim())
            }
        };
        let missing = |i: usize| EditError::NoRow {
            what,
            number: i + 1,
        };
        match self {
            RowEdit::Add(r) => {
                super::check::room(what, rows.len())?;
                r.check(rows.len() + 1)?;
                rows.push(r);
                Ok(format!("add {what} {}", rows.len()))
            }
            RowEdit::Set(i, r) => {
                let slot = rows.get_mut(i).ok_or_else(|| missing(i))?;
                r.check(i + 1)?;
                let label = format!("change {}", named(i + 1, &r));
                *slot = r;
                Ok(label)
            }
            RowEdit::Remove(i) => {
                if i >= rows.len() {
                    return Err(missing(i));
                }
                let r = rows.remove(i);
                Ok(format!("remove {}", named(i + 1, &r)))
            }
            RowEdit::Move { from, to } => {
                if from >= rows.len() {
                    return Err(missing(from));
                }
                if to >= rows.len() {
                    return Err(missing(to));
                }
                let r = rows.remove(from);
                let label = format!("move {} to place {}", named(from + 1, &r), to + 1);
                rows.insert(to, r);
                Ok(label)
            }
        }
    }

    /// The row this edit targets, for grouping keystrokes into one undo step.
    pub(crate) fn target(&self) -> Option<usize> {
        match self {
            RowEdit::Set(i, _) => Some(*i),
            _ => None,
        }
    }
}

/// Carry out `edit` on `rows` of the area `area` (a key prefix): typing in
/// one row's fields groups into one undo step.
pub(crate) fn applied<R: Row>(
    edit: RowEdit<R>,
    rows: &mut Vec<R>,
    area: &str,
) -> Result<Applied, EditError> {
    let key = edit.target().map(|i| format!("{area}:{i}"));
    let done = Applied::plain(edit.apply_to(rows)?);
    Ok(match key {
        Some(k) => done.with_key(k),
        None => done,
    })
}

/// Declares a row type's fields, labelled with the row's number as the
/// editor shows them (`#` stands for it), and its [`Row`] impl from the same
/// table: what one row is called, which field names it, the texts the
/// reader checks (with how long each may be) and any other check.
#[macro_export]
macro_rules! row_fields {
    (
        $(#[$meta:meta])*
        pub enum $name:ident for $row:ty as $what:literal, titled $title:ident {
            $( $variant:ident = $label:literal $(($kind:ident => $text:ident))? ),+ $(,)?
        }
        $(also $extra:path)?
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// The editor's label in row `number` (1-based).
            pub fn label(self, number: usize) -> String {
                let template: &str = match self { $( $name::$variant => $label ),+ };
                template.replace('#', &number.to_string())
            }
        }

        impl $crate::edit::rows::Row for $row {
            const WHAT: &'static str = $what;
            fn check(&self, n: usize) -> Result<(), $crate::edit::EditError> {
                $( $(
                    $crate::edit::check::text(
                        || $name::$variant.label(n),
                        &self.$text,
                        $crate::edit::TextKind::$kind,
                    )?;
                )? )+
                $( $extra(self, n)?; )?
                Ok(())
            }
            fn title(&self) -> String {
                $crate::words::excerpt(&self.$title)
            }
        }
    };
}
