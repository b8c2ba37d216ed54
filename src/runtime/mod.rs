//! The background loops and what they share: the ingest writer (group commit of webhook
//! events), the event worker, the timer loop (with the heartbeat), the dispatcher and the purge.
//! Each wakes on a notification or its poll interval and stops when shutdown is signalled.

pub mod broadcaster;
pub mod claims;
pub mod dispatcher;
pub mod exports;
pub mod fhir;
pub mod heartbeat;
pub mod ingest;
pub mod loops;
pub mod purge;
pub mod state;
pub mod supervise;
pub mod timers;
pub mod worker;
