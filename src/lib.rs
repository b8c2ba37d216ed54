//! mimamori (見守り): home-recovery observation over LINE and Telegram.
//!
//! The map, in the order data flows (lowest layer first):

/// Marks a fluent message id, so a test can check every id the code uses exists in every locale.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $id
    };
}

// Read top-down: each module uses only those listed before it (a test checks there is no
// import cycle). A patient's message enters at `http`, is stored and handed to `runtime`, read
// by `conversation`, decided by `care` with the pure rules of `domain`, kept by `store`, and sent
// back by `runtime`'s dispatcher through `channels`.

/// Pure rules, no I/O, `now` passed in: reading messages and the lexicon, triage, schedules and
/// the calendar, release dates, escalation chains, equipment and bed state machines.
pub mod domain;

/// The injected clock: loops read it, tests move it.
pub mod clock;

/// Settings from `MIMAMORI_*` and an optional TOML file (the ruleset and lexicons with them).
pub mod config;

/// Fluent translations (`locales/`): every user-facing string.
pub mod i18n;

/// Prometheus counters and histograms.
pub mod metrics;

/// LINE and Telegram adapters: webhook parsing and verification, sending, pacing, one neutral
/// model of inbound events and outbound messages.
pub mod channels;

/// sqlx storage, one module per aggregate, SQLite and PostgreSQL side by side; rows are read
/// as domain types.
pub mod store;

/// What staff see, rendered once for the API, the CLI and the console.
pub mod present;

/// The care workflows: triage decisions, offering requests to providers (chains), oxygen,
/// observation of silence, release.
pub mod care;

/// The dialogues: enrolment, the patient's check-in and words, questions asked back,
/// corrections, providers' chat.
pub mod conversation;

/// The background loops and their shared state: ingest, event worker, timers, heartbeat,
/// dispatcher, purge.
pub mod runtime;

/// The staff JSON API (`/api/v1`).
pub mod api;

/// Webhooks, health, metrics: the HTTP routes.
/// The health centre's web console (`/console`): signed-in pages for what staff see and do.
pub mod console;

pub mod http;

/// Startup and orderly shutdown of the server and the loops.
pub mod app;

/// The wave simulator: the service on a virtual clock with synthetic patients and providers.
pub mod simulation;

/// The `mimamori` command line.
pub mod cli;
