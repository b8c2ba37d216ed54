//! Pure domain logic: no I/O, time passed in. Exhaustively unit-tested.

pub mod access;
pub mod broadcast;
pub mod calendar;
pub mod chain;
pub mod code;
pub mod coverage;
pub mod data_file;
pub mod enrolment;
pub mod episode;
pub mod equipment;
pub mod lexicon;
pub mod numbers;
pub mod nursing;
pub mod oxygen_route;
pub mod password;
pub mod patient;
pub mod performance;
pub mod reading;
pub mod request;
pub mod roster;
pub mod ruleset;
pub mod schedule;
pub mod station;
pub mod symptom;
pub mod triage;
pub mod vitals;
