//! The data files a ward edits (the triage ruleset, the lexicons): a mistake stops the start and
//! is reported with its file and line.

use serde::de::DeserializeOwned;

/// A problem in a ward's data file, with the line it is on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct DataFileError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

impl DataFileError {
    /// A problem at byte `offset` of `text`.
    pub fn at(file: &str, text: &str, offset: usize, problem: String) -> DataFileError {
        DataFileError {
            file: file.to_string(),
            line: text[..offset.min(text.len())].matches('\n').count() + 1,
            problem,
        }
    }
}

/// Reads TOML, naming the line of a mistake in it.
pub fn from_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataFileError> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        DataFileError::at(file, text, offset, e.message().to_string())
    })
}
