//! Closed sets of words used in the workspace file and the UI ("vocabularies").
//!
//! Every enum that is stored in a file is declared with [`vocabulary!`], so its
//! file spelling, its human label, its parsing and its serde and JSON Schema
//! impls come from one table and cannot drift apart.

/// A closed set of values that have a stable file spelling and a human label.
pub trait Vocabulary: Sized + Copy + Eq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// What the set is called in messages ("partner type").
    const WHAT: &'static str;
    /// The spelling used in files and URLs (snake_case).
    fn key(self) -> &'static str;
    /// The label shown to people.
    fn label(self) -> &'static str;
    /// Parse the file spelling.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }
    /// "one of a, b, c" for error messages.
    fn expected() -> String {
        let keys: Vec<&str> = Self::ALL.iter().map(|v| v.key()).collect();
        format!("one of {}", keys.join(", "))
    }
}

/// Declares a vocabulary enum: `vocabulary! { /// doc  pub enum X ("what") { A = "a" / "Label A", … } }`.
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal / $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $crate::vocab::Vocabulary for $name {
            const ALL: &'static [Self] = &[ $( $name::$variant ),+ ];
            const WHAT: &'static str = $what;
            fn key(self) -> &'static str { match self { $( $name::$variant => $key ),+ } }
            fn label(self) -> &'static str { match self { $( $name::$variant => $label ),+ } }
        }

        /// The first value, in display order (a control's value before the
        /// data behind it is read).
        impl ::std::default::Default for $name {
            fn default() -> Self {
                <$name as $crate::vocab::Vocabulary>::ALL[0]
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::vocab::Vocabulary::label(*self))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::vocab::Vocabulary::key(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                <$name as $crate::vocab::Vocabulary>::from_key(&s).ok_or_else(|| {
                    ::serde::de::Error::custom(format!(
                        "unknown {} \"{}\": expected {}",
                        $what, s, <$name as $crate::vocab::Vocabulary>::expected()
                    ))
                })
            }
        }

        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> { stringify!($name).into() }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({
                    "type": "string",
                    "description": $what,
                    "enum": [ $( $key ),+ ]
                })
            }
        }
    };
}
