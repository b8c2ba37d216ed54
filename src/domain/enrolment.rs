//! One-time enrolment codes.
//!
//! Ten characters from a 31-symbol alphabet without look-alikes (no 0/O, 1/I/L): 31^10 ≈ 2^49.5,
//! well over the 40 bits a guesser would need to beat, and tries are limited per chat besides.
//! Only a SHA-256 hash of the code is stored.

use rand::Rng;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const LENGTH: usize = 10;
/// Wrong codes a chat may send in an hour before it must wait.
pub const MAX_FAILURES_PER_HOUR: i64 = 5;

crate::code_enum! {
    /// Whether a chat can be written to.
    pub enum ChatStatus {
        Active = "active",
        /// The person blocked the bot or left the chat.
        Unreachable = "unreachable",
    }
}

/// A code as staff hand it out and patients type it.
#[derive(Clone, PartialEq, Eq)]
pub struct EnrolmentCode(String);

impl std::fmt::Debug for EnrolmentCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EnrolmentCode(<redacted>)")
    }
}

impl EnrolmentCode {
    pub fn generate(rng: &mut impl Rng) -> EnrolmentCode {
        let code = (0..LENGTH)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
            .collect();
        EnrolmentCode(code)
    }

    /// Reads what a patient typed: full-width forms, lower case, spaces and hyphens are
    /// forgiven. `None` when the text cannot be a code at all (so it is not counted as a try).
    pub fn parse(text: &str) -> Option<EnrolmentCode> {
        let code: String = text
            .nfkc()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_uppercase();
        let looks_like_a_code =
            (6..=16).contains(&code.chars().count()) && code.chars().all(|c| c.is_ascii_alphanumeric());
        looks_like_a_code.then_some(EnrolmentCode(code))
    }

    /// The code as printed for staff: `ABCDE-FGHJK`.
    pub fn display(&self) -> String {
        let (a, b) = self.0.split_at(self.0.len() / 2);
        format!("{a}-{b}")
    }

    /// The form used in a Telegram deep link (`A-Za-z0-9_-` only).
    pub fn as_payload(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_use_the_unambiguous_alphabet_and_carry_over_40_bits() {
        let bits = (ALPHABET.len() as f64).log2() * LENGTH as f64;
        assert!(bits >= 40.0, "{bits} bits");
        for c in b"01OIL" {
            assert!(!ALPHABET.contains(c));
        }
        let mut rng = rand::thread_rng();
        let a = EnrolmentCode::generate(&mut rng);
        let b = EnrolmentCode::generate(&mut rng);
        assert_ne!(a, b);
        assert_eq!(EnrolmentCode::parse(&a.display()), Some(a.clone()));
    }

    #[test]
    fn typed_variants_of_a_code_read_the_same() {
        let c = EnrolmentCode::parse("ABCDE-FGHJK");
        assert_eq!(EnrolmentCode::parse("abcde fghjk"), c);
        assert_eq!(EnrolmentCode::parse("ＡＢＣＤＥ－ＦＧＨＪＫ"), c);
        assert_eq!(EnrolmentCode::parse("こんにちは"), None);
        assert_eq!(EnrolmentCode::parse("SpO2 94 37.8"), None);
    }
}
