//! mimamori (見守り): home-recovery observation over LINE and Telegram.
//!
//! The map, in the order data flows:

/// Marks a fluent message id, so a test can check every id the code uses exists in every locale.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $id
    };
}

/// The staff JSON API (`/api/v1`).
pub mod api;
/// Shared state, startup and shutdown.
pub mod app;
/// The care workflows: triage decisions, chains, oxygen, observation, release.
pub mod care;
/// LINE and Telegram adapters: webhook parsing and sending, one neutral model.
pub mod channels;
/// The `mimamori` command line.
pub mod cli;
/// The injected clock: domain code takes `now`, tests move time.
pub mod clock;
/// Settings from `MIMAMORI_*` and an optional TOML file.
pub mod config;
/// The dialogues: enrolment, check-in, questions, corrections, providers' chat.
pub mod conversation;
/// Pure rules: reading parser, symptoms, schedules, enrolment codes.
pub mod domain;
/// Webhooks, health, metrics.
pub mod http;
/// Fluent translations (`locales/`).
pub mod i18n;
/// Prometheus counters.
pub mod metrics;
/// What staff see, rendered once for the API, the CLI and the console.
pub mod present;
/// The background loops: ingest, event worker, timers, heartbeat, dispatcher, purge.
pub mod runtime;
/// sqlx storage, SQLite and PostgreSQL.
pub mod store;
