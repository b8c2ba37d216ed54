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

/// Settings from `MIMAMORI_*` and an optional TOML file.
pub mod config;
/// The injected clock: domain code takes `now`, tests move time.
pub mod clock;
/// Fluent translations (`locales/`).
pub mod i18n;
/// Pure rules: reading parser, symptoms, schedules, enrolment codes.
pub mod domain;
/// LINE and Telegram adapters: webhook parsing and sending, one neutral model.
pub mod channels;
/// The conversation engine: enrolment and check-in dialogues.
pub mod conversation;
/// sqlx storage, SQLite and PostgreSQL.
pub mod store;
/// Sending the outbox: retries, rate limits, idempotency.
pub mod outbox;
/// Background loops: ingest, events, timers, purge.
pub mod jobs;
/// Webhooks, health, metrics.
pub mod http;
/// Prometheus counters.
pub mod metrics;
/// Shared state, startup and shutdown.
pub mod app;
/// The `mimamori` command line.
pub mod cli;
