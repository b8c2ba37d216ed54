//! Oxygen (PRODUCT.md flows 6 and 7; the Minato and Nerima schemes): a new oxygen request is
//! routed by capacity — a station bed for a patient who qualifies, else equipment at home on a
//! doctor's order, else hospital admission with staff alerted at once — and hospital
//! coordination runs beside every route. A doctor's order reserves units, the delivery job goes
//! to the equipment contractors through the escalation chain, a home visit (the ordering doctor,
//! or nurses) starts oxygen, a contractor swaps an empty cylinder for a full one, and when oxygen
//! ends (the doctor, release, admission) the collection job brings the
//! units back to cleaning and stock. All in the caller's transaction.

pub mod admission;
pub mod details;
pub mod end;
pub mod job;
pub mod order;
pub mod route;
pub mod swap;
