//! How the file's types are declared: once, with their fields, from which
//! come the serialization, the JSON Schema and the reader (see
//! [`file_types!`]). A field's key in the file is its name.

/// The key of a field named `ident` (a raw identifier such as `r#type` is
/// keyed `type`, as serde and schemars key it).
pub const fn key_of(ident: &'static str) -> &'static str {
    match ident.as_bytes() {
        [b'r', b'#', rest @ ..] => match std::str::from_utf8(rest) {
            Ok(key) => key,
            Err(_) => ident,
        },
        _ => ident,
    }
}

/// Declares the records of one section of the file. Each
/// `pub struct X { pub field: Type, … }` becomes:
///
/// - the struct, with `Serialize`, `Debug`, `Clone`, `PartialEq` and (with
///   feature `schema`) `JsonSchema`; attributes and doc comments are kept;
/// - `X::KEYS`, its keys in the order they are written;
/// - an impl of [`ReadJson`](super::reader::ReadJson) that reads an
///   object with exactly these keys (unknown ones and missing required ones
///   are reported), each field through its type, so that a field's type
///   decides what it accepts (a `Short` text, a `Rate`, an `Id`…);
/// - `partial::X`, what a read keeps of each field (a
///   [`Part`](super::reader::Part)), for checks that need some
///   fields when others could not be read (`PartialOf<X>`).
///
/// A record may have one type parameter (`SpanFile<T>`).
macro_rules! file_types {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident $(<$g:ident>)? {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    )*) => {
        $(
            #[derive(::serde::Serialize, Debug, Clone, PartialEq)]
            #[cfg_attr(feature = "schema", derive(::schemars::JsonSchema))]
            $(#[$meta])*
            pub struct $name $(<$g>)? {
                $( $(#[$fmeta])* pub $field: $ty, )*
            }

            impl $(<$g>)? $name $(<$g>)? {
                /// The keys of this record, in the order they are written.
                pub const KEYS: [&'static str; [$(stringify!($field)),*].len()] =
                    [$($crate::format::file::declare::key_of(stringify!($field))),*];
            }

            impl $(<$g: $crate::format::file::reader::ReadJson>)? $crate::format::file::reader::ReadJson
                for $name $(<$g>)?
            {
                type Partial = partial::$name<$($ty),*>;

                fn read(at: &$crate::format::cursor::At<'_>) -> Option<Self::Partial> {
                    let map = at.object(&Self::KEYS)?;
                    Some(partial::$name {
                        $( $field: $crate::format::file::reader::field(
                            at,
                            map,
                            $crate::format::file::declare::key_of(stringify!($field)),
                        ), )*
                    })
                }

                fn complete(partial: Self::Partial) -> Option<Self> {
                    Some(Self { $( $field: partial.$field.whole()?, )* })
                }
            }
        )*

        /// What a read keeps of each record of this section, field by field.
        /// Each record's field types are its type parameters, named after
        /// the fields (`PartialOf<X>` names the one of record `X`).
        pub mod partial {
            $(
                #[doc = concat!("What was read of each field of a [`", stringify!($name), "`](super::", stringify!($name), ").")]
                #[allow(non_camel_case_types)]
                pub struct $name<$($field: $crate::format::file::reader::ReadJson),*> {
                    $( pub $field: $crate::format::file::reader::Part<$field>, )*
                }
            )*
        }
    };
}
pub(crate) use file_types;

/// Declares a choice of one of several records, written as an object with
/// one key: the variant's name in snake case (serde's `rename_all`), which
/// the reader derives the same way. Read whole or not at all.
macro_rules! file_one_of {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ty) ),+ $(,)?
        }
    ) => {
        #[derive(::serde::Serialize, Debug, Clone, PartialEq)]
        #[cfg_attr(feature = "schema", derive(::schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant($ty), )+
        }

        impl $name {
            /// The variants' names; each is keyed by its name in snake case.
            pub const VARIANTS: &'static [&'static str] = &[$(stringify!($variant)),+];

            /// The key of this variant in the file.
            pub fn key(&self) -> String {
                match self {
                    $( Self::$variant(_) => $crate::format::cursor::snake_case(stringify!($variant)), )+
                }
            }
        }

        impl $crate::format::file::reader::ReadJson for $name {
            type Partial = Self;

            #[allow(unused_assignments)]
            fn read(at: &$crate::format::cursor::At<'_>) -> Option<Self> {
                let (i, inner) = at.one_of(Self::VARIANTS)?;
                let mut k = 0;
                $(
                    if i == k {
                        return <$ty as $crate::format::file::reader::ReadJson>::read(&inner)
                            .and_then(<$ty as $crate::format::file::reader::ReadJson>::complete)
                            .map(Self::$variant);
                    }
                    k += 1;
                )+
                None
            }

            fn complete(partial: Self) -> Option<Self> {
                Some(partial)
            }
        }
    };
}
pub(crate) use file_one_of;

/// The key of `field` in the file record `Type`, checked at compile time
/// to be one of its fields: `file_key!(ResellFile, price_floor_minor)`.
macro_rules! file_key {
    ($record:ty, $field:ident) => {{
        #[allow(dead_code)]
        fn exists(record: &$record) {
            let _ = &record.$field;
        }
        $crate::format::file::declare::key_of(stringify!($field))
    }};
}
pub(crate) use file_key;

/// The key of `Variant` of the choice `Enum` (declared with
/// `file_one_of!`), checked at compile time to be one of its variants.
macro_rules! variant_key {
    ($choice:ident, $variant:ident) => {{
        #[allow(dead_code)]
        fn exists(choice: &$choice) -> bool {
            matches!(choice, $choice::$variant(..))
        }
        $crate::format::cursor::snake_case(stringify!($variant))
    }};
}
pub(crate) use variant_key;

#[cfg(test)]
mod tests {
    #[test]
    fn raw_identifiers_are_keyed_without_their_prefix() {
        assert_eq!(super::key_of("r#type"), "type");
        assert_eq!(super::key_of("name"), "name");
    }
}
