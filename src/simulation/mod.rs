//! The wave simulator (`mimamori simulate`): the real service on a virtual clock, with synthetic
//! patients and providers, to ask how many doctors, cylinders and beds a wave needs.
//!
//! `scenario` is what a ward writes; `course`, `people` and `vocabulary` are the synthetic people
//! (pure);
//! `cast` sets up who takes part; `run` drives the service; `tally` reads what happened;
//! `report` writes a run out, and `sweep` a sweep's runs.

pub mod cast;
pub mod charts;
pub mod course;
pub mod people;
pub mod report;
pub mod rows;
pub mod run;
pub mod scenario;
pub mod sweep;
pub mod tally;
pub mod vocabulary;
