//! Values stored and exchanged as short fixed codes (`open`, `phone_consultation`, `urgent`):
//! the store reads a column into the type through this, and refuses a code it does not know.

pub trait Code: Sized + Copy + 'static {
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

/// An enum of codes with its `ALL`, `code`, `from_code` and `Code`, serialised as its code.
#[macro_export]
macro_rules! code_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        $crate::coded!($name);
    };
}

/// `Code` for types whose inherent `code` / `from_code` already say it.
#[macro_export]
macro_rules! coded {
    ($($t:ty),* $(,)?) => {
        $(impl $crate::domain::code::Code for $t {
            fn code(self) -> &'static str {
                <$t>::code(self)
            }
            fn from_code(code: &str) -> Option<Self> {
                <$t>::from_code(code)
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        })*
    };
}

coded!(
    super::request::Level,
    super::request::RequestKind,
    super::request::RequestStatus,
    super::symptom::Symptom,
    super::reading::Feeling,
    super::equipment::UnitKind,
    super::equipment::UnitState,
    super::equipment::Kit,
    super::station::BedKind,
    super::station::AdmissionStatus,
    super::station::BedState,
    super::calendar::Shift,
);
