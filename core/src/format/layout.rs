//! The text layout of a workspace file: indented JSON, except that a record
//! in a list nested inside a partner or an account list (an account, a
//! status change, a decision, a criterion, a plan) is written on one line.
//! Account lists hold up to 100,000 rows; fully indented, each account took
//! eleven lines and about 310 bytes, so a workspace with two large lists was
//! over the import limit and its export could not be imported again.

use std::io;

use serde_json::ser::Formatter;

/// An object in an array at this depth or deeper is written on one line.
/// Depth 1 is the file; 5 is an account in `account_lists[i].accounts`.
const RECORD_DEPTH: usize = 5;
pub(crate) const INDENT: &[u8] = b"  ";

/// Indented JSON with one line per nested record.
#[derive(Default)]
pub struct Layout {
    /// For each open container, outermost first: is it an array?
    open: Vec<bool>,
    /// The depth of the record being written on one line.
    record: Option<usize>,
    /// Whether the innermost open container has an item yet (a container
    /// just closed is an item of its parent).
    has_value: bool,
}

impl Layout {
    fn indented(&self) -> bool {
        self.record.is_none()
    }

    fn indent<W: ?Sized + io::Write>(w: &mut W, n: usize) -> io::Result<()> {
        (0..n).try_for_each(|_| w.write_all(INDENT))
    }

    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, array: bool) -> io::Result<()> {
        let in_array = self.open.last() == Some(&true);
        self.open.push(array);
        if self.record.is_none() && !array && in_array && self.open.len() >= RECORD_DEPTH {
            self.record = Some(self.open.len());
        }
        self.has_value = false;
        w.write_all(if array { b"[" } else { b"{" })
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        let depth = self.open.len();
        let array = self.open.pop().unwrap_or(false);
        if self.indented() && self.has_value {
            w.write_all(b"\n")?;
            Self::indent(w, depth - 1)?;
        }
        if self.record == Some(depth) {
            self.record = None;
        }
        self.has_value = true;
        w.write_all(if array { b"]" } else { b"}" })
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.has_value = true;
        if !first {
            w.write_all(b",")?;
        }
        if self.indented() {
            w.write_all(b"\n")?;
            Self::indent(w, self.open.len())?;
        }
        Ok(())
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, true)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, false)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.indented() { b": " } else { b":" })
    }
}

/// Write `value` in the file layout.
pub fn write<W: io::Write, T: serde::Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Layout::default());
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// Write `value` as an item of an array at `depth` (the array's place in
/// the file, the file being depth 1, its containers above it objects): the
/// same text the file holds for it there, without the line break and
/// indentation before it.
pub fn write_in_array<W: io::Write, T: serde::Serialize + ?Sized>(
    out: W,
    value: &T,
    depth: usize,
) -> io::Result<()> {
    let mut open = vec![false; depth.saturating_sub(1)];
    open.push(true);
    let layout = Layout {
        open,
        record: None,
        has_value: true,
    };
    let mut ser = serde_json::Serializer::with_formatter(out, layout);
    value.serialize(&mut ser).map_err(io::Error::other)
}
