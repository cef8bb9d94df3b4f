//! Reading CRM exports: encoding (UTF-8 with or without BOM, else
//! Windows-1252), delimiter (comma, semicolon, tab), header row, and records
//! with their line numbers, using the `csv` crate.

use std::borrow::Cow;

/// A CSV file read into text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// "UTF-8", "UTF-8 with BOM" or "Windows-1252".
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
}

/// Largest CSV accepted (50 MB: several hundred thousand accounts).
pub const MAX_CSV_BYTES: usize = 50 * 1000 * 1000;

/// Windows-1252 bytes 0x80–0x9F (the WHATWG Encoding Standard's table;
/// bytes it leaves undefined map to the C1 control of the same value).
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// Decode Windows-1252 (the usual encoding of CSVs saved by Excel on Windows).
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Decode bytes: UTF-8 (BOM stripped) when valid, else Windows-1252.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), "UTF-8 with BOM");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), "UTF-8"),
        Err(_) => (Cow::Owned(decode_windows_1252(bytes)), "Windows-1252"),
    }
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

/// Read a CSV export. Bad records are listed in [`Table::bad`] and skipped.
/// `is_header` tells whether a record looks like the header row (checked on
/// the first records, so title lines above the header are skipped).
pub fn read_csv(bytes: &[u8], is_header: impl Fn(&[String]) -> bool) -> Result<Table, CsvError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_CSV_BYTES,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(CsvError::Empty);
    }
    if let Some(i) = bytes.iter().position(|b| *b == 0) {
        return Err(CsvError::Binary(i));
    }
    let (text, encoding) = decode(bytes);
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
            line_at += bytes[counted_to..b].iter().filter(|c| **c == b'\n').count();
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

#[cfg(test)]
mod tests {
    use super::*;

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
        // A title line above the header, a short row (padded), a long row (bad).
        check(
            b"Report: Accounts\nCompany Name,Website,Type\nAcme,acme.com\nBeta,beta.io,Customer,extra\n\nGamma,g.com,Prospect\n",
            b',', "UTF-8", &["Company Name", "Website", "Type"],
            &[(3, &["Acme", "acme.com", ""]), (6, &["Gamma", "g.com", "Prospect"])],
            &["line 4: has 4 fields, the header has 3"],
        );
    }

    #[test]
    fn windows_1252_matches_the_reference() {
        let all: Vec<u8> = (0..=255).collect();
        let (reference, _, _) = encoding_rs::WINDOWS_1252.decode(&all);
        assert_eq!(decode_windows_1252(&all), reference);
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
