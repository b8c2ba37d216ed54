//! Integration tests: the real service through its real interfaces (webhooks, CLI, HTTP), with
//! LINE and Telegram played by wiremock. Every test runs on SQLite and on PostgreSQL.

mod helpers;

mod broadcasts;
mod chain_staff;
mod chains;
mod console;
mod coverage;
mod delivery;
mod enrolment;
mod exports;
mod fhir;
mod hardening;
mod health;
mod import;
mod languages;
mod layout;
mod menus;
mod migrations;
mod nursing;
mod oxygen;
mod oxygen_visits;
mod paging;
mod pharmacy;
mod providers;
mod release;
mod reporting;
mod roles;
mod simulation;
mod staff_api;
mod support_centre;
mod triage;
mod understanding;
mod webhooks;
mod words;
mod worsening;
