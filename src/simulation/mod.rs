//! The wave simulator (`mimamori simulate`): the real service on a virtual clock, with synthetic
//! patients and providers, to ask how many doctors, cylinders and beds a wave needs.
//!
//! `scenario` is what a ward writes; `course` and `people` are the synthetic people (pure);
//! `run` drives the service; `tally` reads what happened; `report` writes it out.

pub mod charts;
pub mod course;
pub mod people;
pub mod report;
pub mod rows;
pub mod run;
pub mod scenario;
pub mod tally;
