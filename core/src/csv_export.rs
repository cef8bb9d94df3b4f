//! Writing CSV files that people open in a spreadsheet or import into a CRM.
//! Every CSV the app and the command line write goes through [`write`].
//!
//! Rules:
//! - **Formula injection**: a cell starting with `=`, `+`, `-`, `@`, a tab
//!   or a carriage return is written with a single quote `'` before it (the
//!   OWASP recommendation), so a spreadsheet shows it as text instead of
//!   running it as a formula. Reading the file back gives the cell with that
//!   quote; nothing else changes.
//! - **Layout**: UTF-8 without a BOM, a header row, then one row per record,
//!   every row as wide as the header (the column count is part of the
//!   type), quoting as the `csv` crate does (quotes, commas and line breaks
//!   inside a cell are kept), lines ending in `\n`.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: with a leading `'` when it would start a formula.
pub fn escape(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A CSV file of `N` columns: the header, then the rows, every cell escaped.
pub fn write<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing into memory cannot fail, and every row has N cells.
    let written = "a CSV written into memory";
    let mut record = |cells: &mut dyn Iterator<Item = &str>| {
        for c in cells {
            w.write_field(escape(c).as_bytes()).expect(written);
        }
        w.write_record(None::<&[u8]>).expect(written);
    };
    record(&mut header.iter().copied());
    for row in rows {
        record(&mut row.iter().map(String::as_str));
    }
    w.into_inner().expect(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cell written alone in a file, read back with the `csv` crate.
    fn check(cell: &str, read_back: &str) {
        let bytes = write(["Cell", "Next"], [[cell.to_owned(), "after".to_owned()]]);
        let mut r = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1, "{cell:?}");
        assert_eq!(&rows[0][0], read_back, "{cell:?}");
        assert_eq!(&rows[0][1], "after", "{cell:?}");
    }

    #[test]
    fn formulas_are_written_as_text() {
        check("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")");
        check("+1", "'+1");
        check("-2", "'-2");
        check("@SUM(A1)", "'@SUM(A1)");
        check("\tx", "'\tx");
        check("\rx", "'\rx");
        check("Acme GmbH", "Acme GmbH");
        check("", "");
        check("1", "1");
        check("a=b", "a=b");
        check(" =1+1", " =1+1");
        check("Say \"hi\", then\nleave", "Say \"hi\", then\nleave");
        check("<script>alert(1)</script>", "<script>alert(1)</script>");
        check("'quoted", "'quoted");
    }

    #[test]
    fn layout() {
        let bytes = write(
            ["Name", "Notes"],
            [["Acme".into(), "a, b".into()], ["=1".into(), "".into()]],
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "Name,Notes\nAcme,\"a, b\"\n'=1,\n"
        );
    }
}
