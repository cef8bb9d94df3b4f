//! Reading CRM exports: encoding ([`super::encoding`]: UTF-16 with a BOM,
//! UTF-8 with or without BOM, else Windows-1252), delimiter (comma,
//! semicolon, tab), header row, and records with their line numbers, using
//! the `csv` crate.
//!
//! Rules:
//! - A file over [`MAX_CSV_BYTES`] is refused before it is read; so is one
//!   with a zero byte (binary data) outside UTF-16, where the offset of the
//!   first zero byte — or, in UTF-16, of the first NUL character — is named.
//! - A record of more than [`MAX_COLUMNS`] fields refuses the file, naming
//!   its line, before the header is looked for (checking a header costs
//!   time per column).
//! - A quote that opens a cell and is never closed would make the rest of
//!   the file one cell: that record is left out and reported at the line
//!   of the quote.
//! - Messages that list headers list at most 20 ([`list_headers`]).

pub use super::encoding::{decode, decode_windows_1252, EncodingError};

/// A CSV file read into text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// "UTF-8", "UTF-8 with BOM", "UTF-16 LE with BOM", "UTF-16 BE with
    /// BOM" or "Windows-1252".
    pub encoding: &'static str,
    pub delimiter: u8,
    /// 1-based line number of the header row.
    pub header_line: usize,
    pub headers: Vec<String>,
    /// Records after the header: (1-based line number where the record starts, cells).
    pub rows: Vec<(usize, Vec<String>)>,
    /// Records that could not be used, with why.
    pub bad: Vec<BadRow>,
}

/// A record that was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Why a file could not be read as a CSV at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the file is empty")]
    Empty,
    #[error("this is not a CSV file: it contains binary data (a zero byte at offset {0}); export the list as CSV from your CRM")]
    Binary(usize),
    #[error("this is not a CSV file: no line has two or more columns separated by commas, semicolons or tabs")]
    NoColumns,
    #[error("the file is {bytes} bytes; the limit is {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    #[error(transparent)]
    Encoding(#[from] EncodingError),
    #[error("line {line} has {} columns and a CSV may have at most {}: this is not a CRM export of accounts or deals (check the delimiter, or export fewer columns)", crate::money::group_digits(*columns as u64), crate::money::group_digits(*limit as u64))]
    TooManyColumns {
        line: usize,
        columns: usize,
        limit: usize,
    },
}

/// Largest CSV accepted (50 MB: several hundred thousand accounts).
pub const MAX_CSV_BYTES: usize = 50 * 1000 * 1000;

/// Most columns a record may have. CRM exports stay well below (a HubSpot
/// export of every company property is a few hundred); a wider record is
/// refused before any work that grows with the number of columns (header
/// detection, column mapping, messages).
pub const MAX_COLUMNS: usize = 1_000;

/// How many headers a message lists before "and N more".
const LISTED_HEADERS: usize = 20;

/// Headers for a message: the first 20, each cut to 40 characters, then
/// "and N more", so a message stays short whatever the file holds.
pub fn list_headers(headers: &[String]) -> String {
    let mut s = headers
        .iter()
        .take(LISTED_HEADERS)
        .map(|h| crate::words::excerpt(h))
        .collect::<Vec<_>>()
        .join(", ");
    if headers.len() > LISTED_HEADERS {
        s.push_str(&format!(
            " and {} more",
            crate::money::group_digits((headers.len() - LISTED_HEADERS) as u64)
        ));
    }
    s
}

/// The byte offset of a quote that opens a cell and is never closed (the
/// `csv` crate then reads the rest of the file as that one cell), by the
/// crate's own grammar: a quote is special only at the start of a cell,
/// `""` inside quotes is a quote. Jumps from quote to quote (most exports
/// have few).
fn unclosed_quote(bytes: &[u8], delimiter: u8) -> Option<usize> {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'"', &bytes[i..]) {
        let open = i + p;
        // A cell starts at the start of the file, after a delimiter or a
        // line break (after a closing quote comes no quote: that is `""`).
        let at_start =
            open == 0 || matches!(bytes[open - 1], b'\n' | b'\r') || bytes[open - 1] == delimiter;
        i = open + 1;
        if !at_start {
            continue;
        }
        loop {
            let Some(p) = memchr::memchr(b'"', &bytes[i..]) else {
                return Some(open);
            };
            let q = i + p;
            i = q + 1;
            if bytes.get(q + 1) == Some(&b'"') {
                i += 1;
            } else {
                break;
            }
        }
    }
    None
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The delimiter giving the most consistent multi-column records over the
/// first lines.
fn detect_delimiter(text: &str) -> Option<u8> {
    let mut best: Option<(u8, usize)> = None;
    for d in [b',', b';', b'\t'] {
        let mut counts: Vec<usize> = Vec::new();
        for rec in reader(text, d).records().take(50) {
            match rec {
                Ok(r) if r.iter().any(|c| !c.trim().is_empty()) => counts.push(r.len()),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        if counts.is_empty() {
            continue;
        }
        // The most frequent width, and how many records have it.
        let mut freq = std::collections::BTreeMap::new();
        for c in &counts {
            *freq.entry(*c).or_insert(0usize) += 1;
        }
        let (width, n) = freq
            .into_iter()
            .max_by_key(|(w, n)| (*n, *w))
            .unwrap_or((0, 0));
        if width < 2 {
            continue;
        }
        let score = n * width;
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((d, score));
        }
    }
    best.map(|(d, _)| d)
}

/// A CSV file's shape as [`stream_csv`] reports it: a [`Table`] without its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    /// As [`Table::encoding`].
    pub encoding: &'static str,
    pub delimiter: u8,
    /// 1-based line number of the header row.
    pub header_line: usize,
    pub headers: Vec<String>,
    /// Records that could not be used, with why, by line.
    pub bad: Vec<BadRow>,
}

/// Read a CSV export. Bad records are listed in [`Table::bad`] and skipped.
/// `is_header` tells whether a record looks like the header row (checked on
/// the first records, so title lines above the header are skipped).
pub fn read_csv(bytes: &[u8], is_header: impl Fn(&[String]) -> bool) -> Result<Table, CsvError> {
    let mut rows = Vec::new();
    let shape = stream_csv(
        bytes,
        is_header,
        |headers| (0..headers.len()).collect(),
        |line, cells| rows.push((line, cells.iter().map(|c| (*c).to_owned()).collect())),
    )?;
    Ok(Table {
        encoding: shape.encoding,
        delimiter: shape.delimiter,
        header_line: shape.header_line,
        headers: shape.headers,
        rows,
        bad: shape.bad,
    })
}

/// How many of the first records may hold the header row.
const HEADER_SEARCH: usize = 10;

/// [`read_csv`] without a table: once the header is known, `columns` names
/// the columns wanted, and `row` gets each row's line and those cells,
/// trimmed ("" for a column the row lacks), as the row is read. Only one
/// record is held at a time (and the first ten, until the header is known),
/// so a large export is never a table of strings. The rows, the bad rows and
/// every error are those of [`read_csv`]; `row` may have been called before
/// an error.
pub fn stream_csv(
    bytes: &[u8],
    is_header: impl Fn(&[String]) -> bool,
    columns: impl FnOnce(&[String]) -> Vec<usize>,
    row: impl FnMut(usize, &[&str]),
) -> Result<Shape, CsvError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_CSV_BYTES,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(CsvError::Empty);
    }
    if !super::encoding::is_utf16(bytes) {
        if let Some(i) = bytes.iter().position(|b| *b == 0) {
            return Err(CsvError::Binary(i));
        }
    }
    let (text, encoding) = decode(bytes)?;
    if let Some(i) = text.find('\0') {
        // Only UTF-16 gets here: its code units are two bytes each, after the BOM.
        let offset = 2 + 2 * text[..i].encode_utf16().count();
        return Err(CsvError::Binary(offset));
    }
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let delimiter = detect_delimiter(&text).ok_or(CsvError::NoColumns)?;
    let mut rows = Rows {
        is_header,
        columns: Some(columns),
        row,
        first: Vec::new(),
        header: None,
        long: Vec::new(),
    };
    let mut bad = Vec::new();
    let mut rdr = reader(&text, delimiter);
    // The record read, and the one before it: a record is used once the
    // next one is read, as the last one may be the rest of the file after
    // a quote never closed (left out below).
    let (mut rec, mut pending) = (csv::StringRecord::new(), csv::StringRecord::new());
    let mut pending_line: Option<usize> = None;
    let bytes = text.as_bytes();
    // Line numbers are counted here: the csv crate counts a record that
    // follows "\r\n" from the "\n" it has not consumed yet.
    let (mut counted_to, mut line_at) = (0usize, 1usize);
    let mut line_of = |byte: usize| -> usize {
        // A record never starts with a line break: skip the ones before it
        // (skipped blank lines, or the "\n" of a "\r\n").
        let mut b = byte.min(bytes.len());
        while b < bytes.len() && matches!(bytes[b], b'\n' | b'\r') {
            b += 1;
        }
        if b >= counted_to {
            // A line ends at "\n", "\r\n" or a "\r" alone (old Mac files).
            let seg = &bytes[counted_to..b];
            line_at += memchr::memchr_iter(b'\n', seg).count()
                + memchr::memchr_iter(b'\r', seg)
                    .filter(|&i| bytes.get(counted_to + i + 1) != Some(&b'\n'))
                    .count();
            counted_to = b;
        }
        line_at
    };
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {
                if rec.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let line = line_of(rec.position().map_or(0, |p| p.byte() as usize));
                if rec.len() > MAX_COLUMNS {
                    return Err(CsvError::TooManyColumns {
                        line,
                        columns: rec.len(),
                        limit: MAX_COLUMNS,
                    });
                }
                if let Some(l) = pending_line.replace(line) {
                    rows.take(l, &pending);
                }
                std::mem::swap(&mut rec, &mut pending);
            }
            Ok(false) => break,
            Err(e) => {
                let line = line_of(e.position().map_or(usize::MAX, |p| p.byte() as usize));
                bad.push(BadRow {
                    line,
                    reason: format!("unreadable record: {e}"),
                });
                // The csv reader cannot resume inside a broken quote: stop.
                break;
            }
        }
    }
    // A quote never closed swallowed the rest of the file into one cell:
    // that record is not read, and the line of the quote is reported.
    if let Some(q) = unclosed_quote(bytes, delimiter) {
        let line = line_of(q);
        if pending_line.is_some_and(|l| l <= line) {
            pending_line = None;
        }
        bad.push(BadRow {
            line,
            reason: "a quote opened on this line is never closed: the rest of the file would be one cell; check the quotes on this line".into(),
        });
    }
    if let Some(l) = pending_line {
        rows.take(l, &pending);
    }
    if rows.header.is_none() {
        rows.decide();
    }
    let Some(Some((header_line, headers, _))) = rows.header else {
        return Err(CsvError::NoColumns);
    };
    bad.extend(rows.long);
    bad.sort_by_key(|b| b.line);
    Ok(Shape {
        encoding,
        delimiter,
        header_line,
        headers,
        bad,
    })
}

/// A header row: its line, its cells and the columns wanted.
type Header = (usize, Vec<String>, Vec<usize>);

/// The records of [`stream_csv`] after the last one is known not to be cut
/// off: the first ones held until the header is found, then rows.
struct Rows<H, C, R> {
    is_header: H,
    columns: Option<C>,
    row: R,
    /// The first records (cells trimmed), until the header is known.
    first: Vec<(usize, Vec<String>)>,
    /// Once known: the header, or `None` when the file has no header of
    /// two columns or more.
    header: Option<Option<Header>>,
    /// Rows longer than the header.
    long: Vec<BadRow>,
}

impl<H, C, R> Rows<H, C, R>
where
    H: Fn(&[String]) -> bool,
    C: FnOnce(&[String]) -> Vec<usize>,
    R: FnMut(usize, &[&str]),
{
    fn take(&mut self, line: usize, rec: &csv::StringRecord) {
        match &self.header {
            None => {
                self.first
                    .push((line, rec.iter().map(|c| c.trim().to_owned()).collect()));
                if self.first.len() == HEADER_SEARCH {
                    self.decide();
                }
            }
            Some(Some((_, headers, wanted))) => emit(
                &mut self.row,
                &mut self.long,
                headers.len(),
                wanted,
                line,
                rec.len(),
                |i| rec.get(i).map_or("", str::trim),
            ),
            Some(None) => {}
        }
    }

    /// The header is the first of the first records that looks like one,
    /// else the first; the records after it are rows.
    fn decide(&mut self) {
        let first = std::mem::take(&mut self.first);
        let header_idx = first
            .iter()
            .take(HEADER_SEARCH)
            .position(|(_, r)| (self.is_header)(r))
            .unwrap_or(0);
        let mut records = first.into_iter().skip(header_idx);
        let header = match (records.next(), self.columns.take()) {
            (Some((line, headers)), Some(columns)) if headers.len() >= 2 => {
                let wanted = columns(&headers);
                for (l, cells) in records {
                    emit(
                        &mut self.row,
                        &mut self.long,
                        headers.len(),
                        &wanted,
                        l,
                        cells.len(),
                        |i| cells.get(i).map_or("", String::as_str),
                    );
                }
                Some((line, headers, wanted))
            }
            _ => None,
        };
        self.header = Some(header);
    }
}

/// One row of `len` cells (`cell(i)`, trimmed) under a header of `width`
/// columns: longer than the header with something in the extra cells, it
/// is bad; else `row` gets the `wanted` cells ("" beyond the row's end).
fn emit<'c>(
    row: &mut impl FnMut(usize, &[&str]),
    long: &mut Vec<BadRow>,
    width: usize,
    wanted: &[usize],
    line: usize,
    len: usize,
    cell: impl Fn(usize) -> &'c str,
) {
    if len > width && !(width..len).all(|i| cell(i).is_empty()) {
        long.push(BadRow {
            line,
            reason: format!("has {len} fields, the header has {width}"),
        });
        return;
    }
    let cell = |i: usize| if i < width && i < len { cell(i) } else { "" };
    // A few columns (as matching wants) without an allocation per row.
    const INLINE: usize = 8;
    if wanted.len() <= INLINE {
        let mut cells = [""; INLINE];
        for (c, &i) in cells.iter_mut().zip(wanted) {
            *c = cell(i);
        }
        row(line, &cells[..wanted.len()]);
    } else {
        let cells: Vec<&str> = wanted.iter().map(|&i| cell(i)).collect();
        row(line, &cells);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte scan [`unclosed_quote`] replaced, as its oracle.
    /// (Was:) the byte offset of a quote that opens a cell and is never closed (the
    /// `csv` crate then reads the rest of the file as that one cell), by the
    /// crate's own grammar: a quote is special only at the start of a cell,
    /// `""` inside quotes is a quote.
    fn unclosed_quote_bytewise(bytes: &[u8], delimiter: u8) -> Option<usize> {
        let (mut at_start, mut open) = (true, None::<usize>);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if open.is_some() {
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        open = None;
                    }
                }
            } else if b == b'"' && at_start {
                open = Some(i);
            } else {
                at_start = b == delimiter || b == b'\n' || b == b'\r';
            }
            i += 1;
        }
        open
    }

    /// [`read_csv`] as it was before [`stream_csv`] (every record held,
    /// then the header looked for), as the streamed reading's oracle.
    fn read_csv_whole(
        bytes: &[u8],
        is_header: impl Fn(&[String]) -> bool,
    ) -> Result<Table, CsvError> {
        if bytes.len() > MAX_CSV_BYTES {
            return Err(CsvError::TooLarge {
                bytes: bytes.len(),
                limit: MAX_CSV_BYTES,
            });
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(CsvError::Empty);
        }
        if !crate::overlap::encoding::is_utf16(bytes) {
            if let Some(i) = bytes.iter().position(|b| *b == 0) {
                return Err(CsvError::Binary(i));
            }
        }
        let (text, encoding) = decode(bytes)?;
        if let Some(i) = text.find('\0') {
            // Only UTF-16 gets here: its code units are two bytes each, after the BOM.
            let offset = 2 + 2 * text[..i].encode_utf16().count();
            return Err(CsvError::Binary(offset));
        }
        if text.trim().is_empty() {
            return Err(CsvError::Empty);
        }
        let delimiter = detect_delimiter(&text).ok_or(CsvError::NoColumns)?;
        let mut records: Vec<(usize, Vec<String>)> = Vec::new();
        let mut bad = Vec::new();
        let mut rdr = reader(&text, delimiter);
        let mut rec = csv::StringRecord::new();
        let bytes = text.as_bytes();
        // Line numbers are counted here: the csv crate counts a record that
        // follows "\r\n" from the "\n" it has not consumed yet.
        let (mut counted_to, mut line_at) = (0usize, 1usize);
        let mut line_of = |byte: usize| -> usize {
            // A record never starts with a line break: skip the ones before it
            // (skipped blank lines, or the "\n" of a "\r\n").
            let mut b = byte.min(bytes.len());
            while b < bytes.len() && matches!(bytes[b], b'\n' | b'\r') {
                b += 1;
            }
            if b >= counted_to {
                // A line ends at "\n", "\r\n" or a "\r" alone (old Mac files).
                line_at += (counted_to..b)
                    .filter(|&i| {
                        bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                    })
                    .count();
                counted_to = b;
            }
            line_at
        };
        loop {
            match rdr.read_record(&mut rec) {
                Ok(true) => {
                    if rec.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    let line = line_of(rec.position().map_or(0, |p| p.byte() as usize));
                    if rec.len() > MAX_COLUMNS {
                        return Err(CsvError::TooManyColumns {
                            line,
                            columns: rec.len(),
                            limit: MAX_COLUMNS,
                        });
                    }
                    records.push((line, rec.iter().map(|c| c.trim().to_owned()).collect()));
                }
                Ok(false) => break,
                Err(e) => {
                    let line = line_of(e.position().map_or(usize::MAX, |p| p.byte() as usize));
                    bad.push(BadRow {
                        line,
                        reason: format!("unreadable record: {e}"),
                    });
                    // The csv reader cannot resume inside a broken quote: stop.
                    break;
                }
            }
        }
        // A quote never closed swallowed the rest of the file into one cell:
        // that record is not read, and the line of the quote is reported.
        if let Some(q) = unclosed_quote_bytewise(bytes, delimiter) {
            let line = line_of(q);
            if records.last().is_some_and(|(l, _)| *l <= line) {
                records.pop();
            }
            bad.push(BadRow {
                line,
                reason: "a quote opened on this line is never closed: the rest of the file would be one cell; check the quotes on this line".into(),
            });
        }
        // The header is the first of the first records that looks like one, else the first.
        let header_idx = records
            .iter()
            .take(10)
            .position(|(_, r)| is_header(r))
            .unwrap_or(0);
        let Some((header_line, headers)) = records.get(header_idx).cloned() else {
            return Err(CsvError::NoColumns);
        };
        if headers.len() < 2 {
            return Err(CsvError::NoColumns);
        }
        let mut rows = Vec::with_capacity(records.len().saturating_sub(header_idx + 1));
        for (line, mut cells) in records.into_iter().skip(header_idx + 1) {
            if cells.len() > headers.len() {
                if cells[headers.len()..].iter().all(|c| c.is_empty()) {
                    cells.truncate(headers.len());
                } else {
                    bad.push(BadRow {
                        line,
                        reason: format!(
                            "has {} fields, the header has {}",
                            cells.len(),
                            headers.len()
                        ),
                    });
                    continue;
                }
            }
            cells.resize(headers.len(), String::new());
            rows.push((line, cells));
        }
        bad.sort_by_key(|b| b.line);
        Ok(Table {
            encoding,
            delimiter,
            header_line,
            headers,
            rows,
            bad,
        })
    }

    proptest::proptest! {
        /// Streamed or whole, the same table, bad rows and errors: title
        /// lines, headers late or missing, short, long and blank rows, quotes
        /// (closed, escaped, never closed), line endings of every kind.
        #[test]
        fn streamed_as_whole(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Name", "Company name", "Domain", "Website", "Report", "Acme", "x", "",
                " ", ",", ",", ";", "\t", "\"", "\"\"", "\n", "\n", "\r\n", "\r", "é",
            ]), 0..80),
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                read_csv(text.as_bytes(), any_header),
                read_csv_whole(text.as_bytes(), any_header)
            );
        }

        #[test]
        fn unclosed_quote_as_the_bytewise_scan(
            text in proptest::collection::vec(proptest::sample::select(b"a,;\t\"\n\r ".to_vec()), 0..60),
            delimiter in proptest::sample::select(b",;\t".to_vec()),
        ) {
            proptest::prop_assert_eq!(
                unclosed_quote(&text, delimiter),
                unclosed_quote_bytewise(&text, delimiter)
            );
        }
    }

    fn any_header(r: &[String]) -> bool {
        r.iter()
            .any(|c| c.eq_ignore_ascii_case("name") || c.eq_ignore_ascii_case("company name"))
    }

    fn check(
        bytes: &[u8],
        delimiter: u8,
        encoding: &str,
        headers: &[&str],
        rows: &[(usize, &[&str])],
        bad: &[&str],
    ) {
        let t = read_csv(bytes, any_header).unwrap();
        assert_eq!(t.delimiter, delimiter);
        assert_eq!(t.encoding, encoding);
        assert_eq!(t.headers, headers);
        let got: Vec<(usize, Vec<&str>)> = t
            .rows
            .iter()
            .map(|(l, r)| (*l, r.iter().map(String::as_str).collect()))
            .collect();
        let want: Vec<(usize, Vec<&str>)> = rows.iter().map(|(l, r)| (*l, r.to_vec())).collect();
        assert_eq!(got, want);
        let bad_got: Vec<String> = t.bad.iter().map(|b| b.to_string()).collect();
        assert_eq!(bad_got, bad);
    }

    #[test]
    fn delimiters_encodings_quotes_and_line_numbers() {
        check(
            b"Name,Domain\nAcme,acme.com\n",
            b',',
            "UTF-8",
            &["Name", "Domain"],
            &[(2, &["Acme", "acme.com"])],
            &[],
        );
        check(
            b"\xEF\xBB\xBFName;Domain\r\nM\xC3\xBCller;mueller.de\r\n",
            b';',
            "UTF-8 with BOM",
            &["Name", "Domain"],
            &[(2, &["Müller", "mueller.de"])],
            &[],
        );
        check(
            b"Name\tDomain\nM\xFCller\tmueller.de\n",
            b'\t',
            "Windows-1252",
            &["Name", "Domain"],
            &[(2, &["Müller", "mueller.de"])],
            &[],
        );
        // An embedded newline: the next record starts on line 4.
        check(
            b"Name,Notes\n\"Acme\",\"two\nlines\"\nBeta,x\n",
            b',',
            "UTF-8",
            &["Name", "Notes"],
            &[(2, &["Acme", "two\nlines"]), (4, &["Beta", "x"])],
            &[],
        );
        // Lines ending in a carriage return alone.
        check(
            b"Name,Domain\rAcme,acme.com\r\rBeta,\"b\rc\"\rGamma,g.com\r",
            b',',
            "UTF-8",
            &["Name", "Domain"],
            &[
                (2, &["Acme", "acme.com"]),
                (4, &["Beta", "b\rc"]),
                (6, &["Gamma", "g.com"]),
            ],
            &[],
        );
        // A quote never closed: the record holding it is left out.
        check(
            b"Name,Notes\nAcme,\"ok \"\"x\"\"\"\nBeta,\"open\nGamma,x\n",
            b',',
            "UTF-8",
            &["Name", "Notes"],
            &[(2, &["Acme", "ok \"x\""])],
            &["line 3: a quote opened on this line is never closed: the rest of the file would be one cell; check the quotes on this line"],
        );
        // A title line above the header, a short row (padded), a long row (bad).
        check(
            b"Report: Accounts\nCompany Name,Website,Type\nAcme,acme.com\nBeta,beta.io,Customer,extra\n\nGamma,g.com,Prospect\n",
            b',', "UTF-8", &["Company Name", "Website", "Type"],
            &[(3, &["Acme", "acme.com", ""]), (6, &["Gamma", "g.com", "Prospect"])],
            &["line 4: has 4 fields, the header has 3"],
        );
    }

    #[test]
    fn excel_unicode_text_is_utf16_with_tabs() {
        let text = "Name\tDomain\r\nMüller 🦀\tmueller.de\r\n";
        for (big_endian, encoding) in [(false, "UTF-16 LE with BOM"), (true, "UTF-16 BE with BOM")]
        {
            check(
                &crate::overlap::encoding::encode_utf16(text, big_endian),
                b'\t',
                encoding,
                &["Name", "Domain"],
                &[(2, &["Müller 🦀", "mueller.de"])],
                &[],
            );
        }
        // A NUL character in UTF-16 text is binary data: named by its byte
        // offset (BOM 2 + "Name," 10).
        let nul = crate::overlap::encoding::encode_utf16("Name,\0x\nA,b\n", false);
        assert_eq!(read_csv(&nul, any_header), Err(CsvError::Binary(12)));
        let bom_only = crate::overlap::encoding::encode_utf16("", false);
        assert_eq!(read_csv(&bom_only, any_header), Err(CsvError::Empty));
    }

    #[test]
    fn records_wider_than_the_limit_are_refused_by_line() {
        let wide = |columns: usize| -> Vec<u8> {
            let mut s = String::from("Report\nName,Domain\nAcme,acme.com\n");
            s.push_str(&vec!["x"; columns].join(","));
            s.push('\n');
            s.into_bytes()
        };
        // The limit itself is a width like any other (a long row, reported).
        let t = read_csv(&wide(MAX_COLUMNS), any_header).unwrap();
        assert_eq!(t.bad.len(), 1);
        let e = read_csv(&wide(MAX_COLUMNS + 1), any_header).unwrap_err();
        assert_eq!(
            e,
            CsvError::TooManyColumns {
                line: 4,
                columns: MAX_COLUMNS + 1,
                limit: MAX_COLUMNS
            }
        );
        assert_eq!(e.to_string(), "line 4 has 1,001 columns and a CSV may have at most 1,000: this is not a CRM export of accounts or deals (check the delimiter, or export fewer columns)");
    }

    #[test]
    fn header_lists_are_bounded() {
        let hs = |n: usize| -> Vec<String> { (1..=n).map(|i| format!("h{i}")).collect() };
        assert_eq!(list_headers(&hs(2)), "h1, h2");
        let twenty = list_headers(&hs(20));
        assert!(twenty.ends_with("h19, h20"), "{twenty}");
        assert_eq!(list_headers(&hs(1_000)), format!("{twenty} and 980 more"));
        let long = vec!["y".repeat(10_000), "z".into()];
        assert_eq!(list_headers(&long), format!("{}…, z", "y".repeat(40)));
    }

    #[test]
    fn files_that_are_not_csv() {
        assert_eq!(read_csv(b"", any_header), Err(CsvError::Empty));
        assert!(matches!(
            read_csv(b"PK\x03\x04\x00\x00binary", any_header),
            Err(CsvError::Binary(4))
        ));
        assert_eq!(
            read_csv(b"just one column\nof words\n", any_header),
            Err(CsvError::NoColumns)
        );
    }
}
