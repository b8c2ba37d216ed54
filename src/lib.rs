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
/// LINE and Telegram adapters: webhook parsing and sending, one neutral model.
pub mod channels;
/// The `mimamori` command line.
pub mod cli;
/// The injected clock: domain code takes `now`, tests move time.
pub mod clock;
/// Settings from `MIMAMORI_*` and an optional TOML file.
pub mod config;
/// The conversation engine: enrolment and check-in dialogues.
pub mod conversation;
/// Pure rules: reading parser, symptoms, schedules, enrolment codes.
pub mod domain;
/// Webhooks, health, metrics.
pub mod http;
/// Fluent translations (`locales/`).
pub mod i18n;
/// Background loops: ingest, events, timers, purge.
pub mod jobs;
/// Prometheus counters.
pub mod metrics;
/// Sending the outbox: retries, rate limits, idempotency.
pub mod outbox;
/// sqlx storage, SQLite and PostgreSQL.
pub mod store;
