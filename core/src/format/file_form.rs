//! How domain values and the file's values convert: [`ToFile`] (the writer)
//! and [`FromFile`] (the reader, once what was read has been checked), for
//! leaves and containers here, and for a record field by field with
//! [`file_form!`], which declares its fields once for both directions.

use std::collections::BTreeMap;

use super::file::leaf::{Cells, Counts, Secret, Text, Threshold, Weight, Whole};
use super::file::SpanFile;
use crate::date::Date;
use crate::icp::Span;
use crate::id::Id;
use crate::money::{Currency, Money};
use crate::partner::Score;
use crate::program::ClockTime;
use crate::rate::Rate;
use crate::share::records::SECRET_LEN;
use crate::vocab::Vocabulary;

/// The form of a domain value in the file (`F`).
pub trait ToFile<F> {
    fn to_file(&self) -> F;
}

/// A domain value from its form in the file (`F`), read and checked.
pub trait FromFile<F>: Sized {
    fn from_file(file: F) -> Self;
}

/// Leaves, both ways: `[generics] Domain => File: |domain| file, |file| domain;`.
macro_rules! leaf_forms {
    ($( [$($params:tt)*] $domain:ty => $file:ty: |$d:ident| $to:expr, |$f:ident| $from:expr; )*) => {
        $(
            impl<$($params)*> ToFile<$file> for $domain {
                fn to_file(&self) -> $file {
                    let $d = self;
                    $to
                }
            }
            impl<$($params)*> FromFile<$file> for $domain {
                fn from_file($f: $file) -> Self {
                    $from
                }
            }
        )*
    };
}

leaf_forms! {
    // Written as they are.
    [T: Vocabulary] T => T: |v| *v, |v| v;
    [] bool => bool: |v| *v, |v| v;
    [] Id => Id: |v| v.clone(), |v| v;
    [] Date => Date: |v| *v, |v| v;
    [] ClockTime => ClockTime: |v| *v, |v| v;
    [] Currency => Currency: |v| *v, |v| v;
    [] Rate => Rate: |v| *v, |v| v;
    [] Money => Money: |v| *v, |v| v;
    [] Score => Score: |v| *v, |v| v;
    [] [u8; SECRET_LEN] => Secret: |s| Secret(*s), |s| s.0;
    [const MAX: usize] String => Text<MAX>: |s| Text(s.clone()), |t| t.0;
    [] f64 => Weight: |w| Weight(*w), |w| w.0;
    [] f64 => Threshold: |t| Threshold(*t), |t| t.0;
    // Whole numbers within the file's bounds: as they are, employee counts,
    // amounts in minor units, lines and counts of accounts.
    [T: Copy, const MIN: i64, const MAX: i64] T => Whole<T, MIN, MAX>: |n| Whole(*n), |n| n.0;
    [const MIN: i64, const MAX: i64] u32 => Whole<i64, MIN, MAX>:
        |n| Whole(i64::from(*n)), |n| n.0 as u32;
    [const MIN: i64, const MAX: i64] Money => Whole<i64, MIN, MAX>:
        |m| Whole(m.minor()), |n| Money(n.0);
    [const MIN: i64, const MAX: i64] usize => Whole<u64, MIN, MAX>:
        |n| Whole(*n as u64), |n| n.0 as usize;
    [] [usize; 3] => Counts: |c| Counts(c.map(|n| n as u64)), |c| c.0.map(|n| n as usize);
    [] [[usize; 3]; 3] => Cells:
        |c| Cells(c.map(|r| r.map(|n| n as u64))), |c| c.0.map(|r| r.map(|n| n as usize));
}

/// Ids that key a map are written as text (the reader parses each key, to
/// report one that is not an id).
impl ToFile<String> for Id {
    fn to_file(&self) -> String {
        self.to_string()
    }
}

// Containers, item by item.

impl<D: ToFile<F>, F> ToFile<Option<F>> for Option<D> {
    fn to_file(&self) -> Option<F> {
        self.as_ref().map(D::to_file)
    }
}

impl<D: FromFile<F>, F> FromFile<Option<F>> for Option<D> {
    fn from_file(file: Option<F>) -> Self {
        file.map(D::from_file)
    }
}

impl<D: ToFile<F>, F> ToFile<Vec<F>> for Vec<D> {
    fn to_file(&self) -> Vec<F> {
        self.iter().map(D::to_file).collect()
    }
}

impl<D: FromFile<F>, F> FromFile<Vec<F>> for Vec<D> {
    fn from_file(file: Vec<F>) -> Self {
        file.into_iter().map(D::from_file).collect()
    }
}

/// Keys are written in their file form too; the reader reads them itself.
impl<K: ToFile<KF>, KF: Ord, D: ToFile<F>, F> ToFile<BTreeMap<KF, F>> for BTreeMap<K, D> {
    fn to_file(&self) -> BTreeMap<KF, F> {
        self.iter()
            .map(|(k, v)| (k.to_file(), v.to_file()))
            .collect()
    }
}

impl<K: Ord, D: FromFile<F>, F> FromFile<BTreeMap<K, F>> for BTreeMap<K, D> {
    fn from_file(file: BTreeMap<K, F>) -> Self {
        file.into_iter()
            .map(|(k, v)| (k, D::from_file(v)))
            .collect()
    }
}

impl<D: ToFile<F>, F> ToFile<SpanFile<F>> for Span<D> {
    fn to_file(&self) -> SpanFile<F> {
        SpanFile {
            min: self.min.to_file(),
            max: self.max.to_file(),
        }
    }
}

impl<D: FromFile<F>, F> FromFile<SpanFile<F>> for Span<D> {
    fn from_file(file: SpanFile<F>) -> Self {
        Span {
            min: FromFile::from_file(file.min),
            max: FromFile::from_file(file.max),
        }
    }
}

/// Declares how domain records convert to the file's records and back,
/// field by field, each field through its own [`ToFile`] and [`FromFile`]:
///
/// - `Domain = DomainFile { a, b: c }`: both ways; the file's field `a` is
///   the domain's `a`, the file's `b` the domain's `c`;
/// - `Domain => DomainFile { … }`: written only (the reader reads it by
///   hand, to check what lies between its fields);
/// - `enum Domain = DomainFile { A, B: C }`: a choice whose variants each
///   hold one value, both ways.
///
/// Every field of both records is named: a field added to either is a
/// compile error here until it is converted.
macro_rules! file_form {
    () => {};
    ($domain:ident = $file:ident { $($fields:tt)* } $($rest:tt)*) => {
        $crate::format::file_form::file_form!(@pairs both $domain $file [] $($fields)*);
        $crate::format::file_form::file_form!($($rest)*);
    };
    ($domain:ident => $file:ident { $($fields:tt)* } $($rest:tt)*) => {
        $crate::format::file_form::file_form!(@pairs written $domain $file [] $($fields)*);
        $crate::format::file_form::file_form!($($rest)*);
    };
    (enum $domain:ident = $file:ident { $($variants:tt)* } $($rest:tt)*) => {
        $crate::format::file_form::file_form!(@pairs choice $domain $file [] $($variants)*);
        $crate::format::file_form::file_form!($($rest)*);
    };
    // The fields as (file, domain) pairs…
    (@pairs $kind:ident $domain:ident $file:ident [$($pairs:tt)*] $f:ident : $d:ident $(, $($more:tt)*)?) => {
        $crate::format::file_form::file_form!(@pairs $kind $domain $file [$($pairs)* ($f $d)] $($($more)*)?);
    };
    (@pairs $kind:ident $domain:ident $file:ident [$($pairs:tt)*] $f:ident $(, $($more:tt)*)?) => {
        $crate::format::file_form::file_form!(@pairs $kind $domain $file [$($pairs)* ($f $f)] $($($more)*)?);
    };
    // …then the conversions.
    (@pairs both $domain:ident $file:ident [$(($f:ident $d:ident))*]) => {
        $crate::format::file_form::file_form!(@pairs written $domain $file [$(($f $d))*]);
        impl $crate::format::file_form::FromFile<$file> for $domain {
            fn from_file(file: $file) -> Self {
                let $file { $($f),* } = file;
                $domain { $($d: $crate::format::file_form::FromFile::from_file($f)),* }
            }
        }
    };
    (@pairs written $domain:ident $file:ident [$(($f:ident $d:ident))*]) => {
        impl $crate::format::file_form::ToFile<$file> for $domain {
            fn to_file(&self) -> $file {
                let $domain { $($d),* } = self;
                $file { $($f: $crate::format::file_form::ToFile::to_file($d)),* }
            }
        }
    };
    (@pairs choice $domain:ident $file:ident [$(($f:ident $d:ident))*]) => {
        impl $crate::format::file_form::ToFile<$file> for $domain {
            fn to_file(&self) -> $file {
                match self {
                    $( $domain::$d(v) => $file::$f($crate::format::file_form::ToFile::to_file(v)), )*
                }
            }
        }
        impl $crate::format::file_form::FromFile<$file> for $domain {
            fn from_file(file: $file) -> Self {
                match file {
                    $( $file::$f(v) => $domain::$d($crate::format::file_form::FromFile::from_file(v)), )*
                }
            }
        }
    };
}
pub(crate) use file_form;
