//! The care workflows, below the dialogues: from a report to a decision (triage), the
//! escalation chains that find a provider, oxygen (route, order, delivery job, station
//! admission), watching for silence (observation) and the end of an episode (release). The
//! patient and provider dialogues, the staff API and the CLI all act through these.

pub mod assign;
pub mod broadcast;
pub mod chain;
pub mod context;
pub mod coordination;
pub mod desk;
pub mod nursing;
pub mod observation;
pub mod offering;
pub mod outcome;
pub mod oxygen;
pub mod paging;
pub mod release;
pub mod triage;
