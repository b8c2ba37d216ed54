//! Staff passwords: stored as argon2id hashes (PHC strings with their own salt and parameters),
//! checked in constant time. Hashing takes tens of milliseconds on purpose; callers run it off
//! the async threads.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Shorter than this is refused: a phrase is easier to remember than symbols.
pub const MIN_LENGTH: usize = 12;

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weak {
    TooShort,
    SameAsLogin,
}

pub fn check_new(password: &str, login: &str) -> Result<(), Weak> {
    if password.chars().count() < MIN_LENGTH {
        return Err(Weak::TooShort);
    }
    if password.trim().eq_ignore_ascii_case(login.trim()) {
        return Err(Weak::SameAsLogin);
    }
    Ok(())
}

/// The hash to store.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Whether `password` is the one `stored` was made from; a malformed hash matches nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_matches_its_password_only() {
        let stored = hash("correct horse battery").expect("hash");
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("correct horse battery", "not a hash"));
    }

    #[test]
    fn short_passwords_and_the_login_itself_are_refused() {
        assert_eq!(check_new("short", "sasaki"), Err(Weak::TooShort));
        assert_eq!(check_new("sasaki.hoken1", "SASAKI.HOKEN1"), Err(Weak::SameAsLogin));
        assert_eq!(check_new("a long enough phrase", "sasaki"), Ok(()));
    }
}
