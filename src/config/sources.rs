//! Where configuration values come from: the file named by `MIMAMORI_CONFIG`, then the
//! environment over it; and what a wrong value is called.

use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {reason}")]
    File { path: String, reason: String },
    #[error("{var}: {reason}")]
    Invalid { var: String, reason: String },
    #[error("MIMAMORI_RULES: {0}")]
    Rules(#[from] crate::domain::triage::RulesetError),
    #[error("MIMAMORI_LEXICON_DIR: {0}")]
    Lexicon(crate::domain::lexicon::LexiconError),
}

/// Where the values come from: the file first, then the environment over it.
pub struct Sources {
    values: HashMap<String, String>,
}

impl Sources {
    /// Reads `MIMAMORI_CONFIG` (if set) and the process environment.
    pub fn from_env() -> Result<Sources, ConfigError> {
        Sources::from_vars(std::env::vars())
    }

    /// The same, from any list of variables (tests pass their own).
    pub fn from_vars(vars: impl IntoIterator<Item = (String, String)>) -> Result<Sources, ConfigError> {
        let env: HashMap<String, String> = vars
            .into_iter()
            .filter_map(|(k, v)| k.strip_prefix("MIMAMORI_").map(|k| (k.to_ascii_lowercase(), v)))
            .collect();
        let mut values = HashMap::new();
        if let Some(path) = env.get("config") {
            let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let table: toml::Table = text.parse().map_err(|e: toml::de::Error| ConfigError::File {
                path: path.clone(),
                reason: e.message().to_string(),
            })?;
            for (k, v) in table {
                let v = match v {
                    toml::Value::String(s) => s,
                    toml::Value::Array(items) => items
                        .iter()
                        .map(|i| i.as_str().map(str::to_string).unwrap_or_else(|| i.to_string()))
                        .collect::<Vec<_>>()
                        .join(","),
                    other => other.to_string(),
                };
                values.insert(k.to_ascii_lowercase(), v);
            }
        }
        values.extend(env);
        Ok(Sources { values })
    }

    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    pub(super) fn parse<T>(
        &self,
        key: &str,
        default: T,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, ConfigError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => parse(v).map_err(|reason| ConfigError::Invalid {
                var: format!("MIMAMORI_{}", key.to_ascii_uppercase()),
                reason,
            }),
        }
    }
}
