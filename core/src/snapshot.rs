//! Snapshots: the workspace as it was before an import, a merge, a reset, a
//! scorecard restore or a snapshot restore, and once a day, kept in the
//! browser so a wrong click can be taken back even after the page is closed.
//!
//! A snapshot is the workspace file, deflated and written in base64 (about
//! a tenth of the file for a typical workspace); restoring one reads it back
//! through the importer, so a snapshot from an older version migrates like
//! any file. The shelf is bounded by [`Limits`]: the oldest go first.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::format::{self, ImportError, MAX_FILE_BYTES};
use crate::workspace::{Summary, Workspace};

/// Why a snapshot was taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Just before a step that replaces or reshapes the workspace, named as
    /// the undo history names it ("import acme.json", "restore the default
    /// scorecard").
    Before(String),
    /// The first snapshot of the day.
    Daily,
}

impl Reason {
    /// For the list of snapshots: "Before: import acme.json".
    pub fn label(&self) -> String {
        match self {
            Reason::Before(step) => format!("Before: {step}"),
            Reason::Daily => "Start of the day".into(),
        }
    }
}

/// What is kept about a snapshot in the list (the workspace is stored apart).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Unique, and sortable by time ("2026-11-30T10:02:03.412").
    pub id: String,
    #[serde(with = "day_text")]
    pub day: Date,
    pub reason: Reason,
    /// "Ledgerline: 5 partners (0 archived), …".
    pub summary: String,
    /// Characters the snapshot takes in storage.
    pub size: usize,
}

/// A date in the list as `YYYY-MM-DD`.
mod day_text {
    use crate::date::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// How many snapshots, and how many characters in all, are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub count: usize,
    pub chars: usize,
}

impl Default for Limits {
    /// 20 snapshots, 2 million characters (browser storage holds about 5
    /// million for the whole site, the workspace included).
    fn default() -> Self {
        Limits {
            count: 20,
            chars: 2_000_000,
        }
    }
}

/// Why a stored snapshot could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("the snapshot is damaged (it is not in the form Partnerfit writes)")]
    Damaged,
    #[error("the snapshot's workspace cannot be read: {}", .0.lines().join("; "))]
    Unreadable(ImportError),
}

/// The stored form of `ws`.
pub fn pack(ws: &Workspace) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(format::save(ws).as_bytes(), 6);
    URL_SAFE_NO_PAD.encode(deflated)
}

/// The workspace of a stored snapshot, read through the importer.
pub fn unpack(text: &str) -> Result<Workspace, SnapshotError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(text.trim())
        .map_err(|_| SnapshotError::Damaged)?;
    let file = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_FILE_BYTES)
        .map_err(|_| SnapshotError::Damaged)?;
    let file = String::from_utf8(file).map_err(|_| SnapshotError::Damaged)?;
    format::load(&file)
        .map(|l| l.workspace)
        .map_err(SnapshotError::Unreadable)
}

/// The list entry of a snapshot of `ws` stored as `packed`.
pub fn meta(id: String, day: Date, reason: Reason, ws: &Workspace, packed: &str) -> Meta {
    let summary: Summary = ws.summary();
    Meta {
        id,
        day,
        reason,
        summary: summary.to_string(),
        size: packed.len(),
    }
}

/// Add `new` to `shelf` (oldest first) and split into what stays and what
/// goes: the newest `limits.count` snapshots whose sizes add up to at most
/// `limits.chars`, the new one always among them unless it alone is over.
pub fn shelve(shelf: &[Meta], new: Meta, limits: Limits) -> (Vec<Meta>, Vec<Meta>) {
    let mut all: Vec<Meta> = shelf.to_vec();
    all.push(new);
    let mut kept = Vec::new();
    let mut gone = Vec::new();
    let mut chars = 0usize;
    for m in all.into_iter().rev() {
        if kept.len() < limits.count && chars + m.size <= limits.chars {
            chars += m.size;
            kept.push(m);
        } else {
            gone.push(m);
        }
    }
    kept.reverse();
    (kept, gone)
}

/// Whether today's daily snapshot is still to be taken.
pub fn daily_due(shelf: &[Meta], today: Date) -> bool {
    !shelf
        .iter()
        .any(|m| m.reason == Reason::Daily && m.day == today)
}

/// "12 KB", "1.4 MB", "2.5 GB": a size for people.
pub fn size_text(chars: usize) -> String {
    if chars < 1_000_000 {
        format!("{} KB", chars.div_ceil(1000))
    } else if chars < 1_000_000_000 {
        format!("{:.1} MB", chars as f64 / 1_000_000.0)
    } else {
        format!("{:.1} GB", chars as f64 / 1_000_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, reason: Reason, size: usize) -> Meta {
        Meta {
            id: id.into(),
            day: Date::parse("2026-11-30").unwrap(),
            reason,
            summary: String::new(),
            size,
        }
    }

    #[test]
    fn a_snapshot_reads_back_as_the_workspace() {
        let ws = crate::demo::demo();
        let packed = pack(&ws);
        assert!(
            packed.len() < format::save(&ws).len() / 2,
            "{}",
            packed.len()
        );
        assert_eq!(unpack(&packed).unwrap(), ws);
        assert_eq!(unpack("not base64 !"), Err(SnapshotError::Damaged));
        assert_eq!(
            unpack(&URL_SAFE_NO_PAD.encode(b"garbage")),
            Err(SnapshotError::Damaged)
        );
    }

    /// Rows: (shelf sizes, new size, limits, kept ids, dropped ids).
    #[test]
    fn the_oldest_go_first() {
        type Row = (
            Vec<(&'static str, usize)>,
            usize,
            Limits,
            Vec<&'static str>,
            Vec<&'static str>,
        );
        let rows: Vec<Row> = vec![
            (
                vec![("a", 10), ("b", 10)],
                10,
                Limits {
                    count: 3,
                    chars: 100,
                },
                vec!["a", "b", "new"],
                vec![],
            ),
            (
                vec![("a", 10), ("b", 10), ("c", 10)],
                10,
                Limits {
                    count: 3,
                    chars: 100,
                },
                vec!["b", "c", "new"],
                vec!["a"],
            ),
            (
                vec![("a", 40), ("b", 40)],
                40,
                Limits {
                    count: 9,
                    chars: 100,
                },
                vec!["b", "new"],
                vec!["a"],
            ),
            (
                vec![("a", 10)],
                500,
                Limits {
                    count: 9,
                    chars: 100,
                },
                vec!["a"],
                vec!["new"],
            ),
        ];
        for (shelf, size, limits, kept, gone) in rows {
            let shelf: Vec<Meta> = shelf
                .iter()
                .map(|(id, s)| m(id, Reason::Before("import a.json".into()), *s))
                .collect();
            let (k, g) = shelve(&shelf, m("new", Reason::Daily, size), limits);
            let ids = |v: &[Meta]| v.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&k), kept);
            assert_eq!(ids(&g), gone);
        }
    }

    #[test]
    fn one_daily_snapshot_a_day() {
        let today = Date::parse("2026-11-30").unwrap();
        assert!(daily_due(
            &[m("a", Reason::Before("merge".into()), 1)],
            today
        ));
        assert!(!daily_due(&[m("a", Reason::Daily, 1)], today));
        assert!(daily_due(&[m("a", Reason::Daily, 1)], today.add_days(1)));
        assert_eq!(size_text(12_345), "13 KB");
        assert_eq!(size_text(1_400_000), "1.4 MB");
        assert_eq!(size_text(296_000_000_000), "296.0 GB");
    }
}
