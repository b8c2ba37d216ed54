//! The command line: `mimamori [serve]`, `mimamori migrate`, `mimamori patient …`, `mimamori provider …`,
//! `mimamori staff add`, `mimamori cases list`.

mod audit;
mod broadcast;
mod cases;
mod common;
mod export;
mod import;
mod menus;
mod oxygen;
mod patient;
mod provider;
mod simulate;
mod staff;

pub use simulate::keep_to_one_core;

use crate::domain::access::Role;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::app::{App, Loops};
use crate::clock::SystemClock;
use crate::config::{Config, Sources};
use crate::i18n::Lang;
use crate::store::Db;
use crate::store::providers::NewProvider;

#[derive(Parser)]
#[command(
    name = "mimamori",
    version,
    about = "Home-recovery observation over LINE and Telegram"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the service (the default).
    Serve,
    /// Create or upgrade the database and exit.
    Migrate,
    /// Register and look up patients.
    #[command(subcommand)]
    Patient(PatientCommand),
    /// Health-centre staff who use the JSON API.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Care requests (cases) waiting for someone to act.
    #[command(subcommand)]
    Cases(CasesCommand),
    /// Doctors, nurses, pharmacists and equipment contractors who take care requests.
    #[command(subcommand)]
    Provider(ProviderCommand),
    /// Who covers which area in which shift (day / holiday / night).
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Reports for the ward (実績報告).
    #[command(subcommand)]
    Report(ReportCommand),
    /// The audit log: check its chain, or list who saw a patient.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Oxygen equipment lent at home, unit by unit.
    #[command(subcommand)]
    Equipment(oxygen::EquipmentCommand),
    /// The oxygen/medical station and its beds.
    #[command(subcommand)]
    Station(oxygen::StationCommand),
    /// Notices to many patients, providers or staff at once.
    #[command(subcommand)]
    Broadcast(broadcast::BroadcastCommand),
    /// Records out for Excel: patients, reports, care requests, oxygen units, admissions.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// The LINE channel's rich menus.
    #[command(subcommand)]
    Line(menus::PlatformCommand),
    /// The Telegram bot's command lists and menu button.
    #[command(subcommand)]
    Telegram(menus::PlatformCommand),
    /// Run a wave (a scenario file) through the service on a virtual clock and report on it.
    Simulate(simulate::SimulateArgs),
}

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Per provider: consultations, visits, prescriptions, deliveries and median response times
    /// in a period. CSV is UTF-8 with a BOM, so Excel opens it.
    Providers {
        /// First day, YYYY-MM-DD (the ward's time zone).
        #[arg(long)]
        from: NaiveDate,
        /// Last day, included.
        #[arg(long)]
        to: NaiveDate,
        #[arg(long, value_parser = ["csv", "json"], default_value = "csv")]
        format: String,
        /// Language of the CSV headings.
        #[arg(long, value_enum, default_value = "ja")]
        lang: Lang,
    },
}

#[derive(Subcommand)]
pub enum RosterCommand {
    /// Replace the roster with the one in a TOML file (see README "Rosters").
    Load { file: std::path::PathBuf },
    /// Who is on the roster for an area at a moment (default: now), in the order they are asked.
    Show {
        #[arg(long)]
        area: String,
        /// Local time, YYYY-MM-DDTHH:MM (the ward's time zone).
        #[arg(long, value_parser = common::local_time)]
        at: Option<chrono::NaiveDateTime>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ProviderCommand {
    /// Register a provider and print their one-time enrolment code for LINE or Telegram.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["doctor", "nurse", "pharmacist", "contractor", "support_centre"])]
        role: String,
        #[arg(long)]
        phone: String,
        /// An area the provider covers; repeat for several.
        #[arg(long = "area")]
        areas: Vec<String>,
        /// Clinic, pharmacy or company.
        #[arg(long)]
        organisation: Option<String>,
        #[arg(long, value_enum)]
        language: Option<Lang>,
        #[arg(long)]
        json: bool,
    },
    /// Registered providers, their areas and whether their chat is bound.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum StaffCommand {
    /// Add a staff member and print their first API token (shown once; only its hash is
    /// stored). With --login, the console password is read from stdin.
    Add {
        #[arg(long)]
        name: String,
        /// viewer (reads), staff (clinical work) or admin (also accounts, providers, stock, audit)
        #[arg(long, value_parser = ["viewer", "staff", "admin"])]
        role: String,
        /// The console login; the password is the first line of stdin.
        #[arg(long)]
        login: Option<String>,
        /// Limit the account to these areas (comma-separated); all areas when absent.
        #[arg(long, value_delimiter = ',')]
        areas: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set a new console password, read from stdin.
    Passwd { login: String },
    /// Disable an account: its tokens and sessions stop working at once.
    Disable { login: String },
    /// Every staff account, with role, areas and state.
    List {
        #[arg(long)]
        json: bool,
    },
    /// API tokens: issue, list and revoke.
    #[command(subcommand)]
    Token(TokenCommand),
    /// A one-time code that binds the staff member's LINE or Telegram chat, where pages arrive.
    Chat {
        login: String,
        #[arg(long)]
        json: bool,
    },
    /// The staff roster: the shifts an account is on duty in and its place in the escalation.
    Duty {
        login: String,
        /// day, night, holiday (comma-separated); empty takes the account off the roster.
        #[arg(long, value_delimiter = ',')]
        shifts: Vec<String>,
        /// 1 is paged first; 2 when nobody of 1 has answered, and so on.
        #[arg(long, default_value_t = 1)]
        order: i64,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Issue a new API token (shown once).
    Add {
        /// A login or a staff id.
        staff: String,
        /// Valid this many days (default MIMAMORI_API_TOKEN_DAYS).
        #[arg(long)]
        days: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Revoke one token (--id) or every token of the staff member: refused at once.
    Revoke {
        staff: String,
        #[arg(long)]
        id: Option<i64>,
    },
    /// The staff member's tokens (never the tokens themselves).
    List {
        staff: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CasesCommand {
    /// Open delivery, collection and transport jobs for contractors, soonest deadline first.
    Jobs {
        #[arg(long)]
        json: bool,
    },
    /// Open care requests, most urgent first, then oldest first.
    List {
        /// Only this kind (oxygen, home_visit, phone_consultation, safety_check, …).
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_enum, default_value = "ja")]
        lang: Lang,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PatientCommand {
    /// Register a patient and print their one-time enrolment code.
    Add(patient::AddPatient),
    /// Register a list of patients from the health centre's spreadsheet (CSV), all or none,
    /// and write a printable sheet of their enrolment codes.
    Import(import::ImportPatients),
    /// End a patient's home recovery now (staff decision), with a reason.
    End {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Extend a patient's home recovery to at least the start of a day, with a reason.
    Extend {
        id: i64,
        /// YYYY-MM-DD
        #[arg(long)]
        until: NaiveDate,
        #[arg(long)]
        reason: String,
    },
    /// Erase a released patient's personal data now (their request), with a reason; audited.
    Erase {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Show a patient's chat binding and latest reports.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Checks that no entry was changed or removed (exit status 1 if one was).
    Verify,
    /// Every read, list and export that included this patient, oldest first.
    Patient { id: i64 },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::load(&Sources::from_env()?)?;
    if !matches!(cli.command, None | Some(Command::Serve)) {
        // the command line's acts are audited under its operator
        let user = std::env::var("MIMAMORI_OPERATOR")
            .or_else(|_| std::env::var("USER"))
            .or_else(|_| std::env::var("LOGNAME"))
            .unwrap_or_else(|_| "unknown".into());
        crate::store::audit::set_operator(&format!("os:{user}"));
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            Db::connect(&config.database_url).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::Patient(PatientCommand::Add(args)) => patient::add_patient(config, args).await,
        Command::Patient(PatientCommand::Import(args)) => import::import(config, args).await,
        Command::Patient(PatientCommand::Show { id, json }) => patient::show_patient(config, id, json).await,
        Command::Patient(PatientCommand::End { id, reason }) => {
            patient::change_episode(config, id, None, &reason).await
        }
        Command::Patient(PatientCommand::Extend { id, until, reason }) => {
            patient::change_episode(config, id, Some(until), &reason).await
        }
        Command::Patient(PatientCommand::Erase { id, reason }) => patient::erase(config, id, &reason).await,
        Command::Staff(StaffCommand::Add {
            name,
            role,
            login,
            areas,
            json,
        }) => {
            let role = Role::from_code(&role).ok_or_else(|| anyhow::anyhow!("--role: viewer, staff or admin"))?;
            let add = staff::AddStaff {
                name,
                role,
                login,
                areas,
                json,
            };
            staff::add_staff(config, add).await
        }
        Command::Staff(StaffCommand::Passwd { login }) => staff::passwd(config, &login).await,
        Command::Staff(StaffCommand::Disable { login }) => staff::disable(config, &login).await,
        Command::Staff(StaffCommand::List { json }) => staff::list(config, json).await,
        Command::Staff(StaffCommand::Chat { login, json }) => staff::chat_code(config, &login, json).await,
        Command::Staff(StaffCommand::Duty { login, shifts, order }) => {
            staff::duty(config, &login, &shifts, order).await
        }
        Command::Staff(StaffCommand::Token(TokenCommand::Add { staff: who, days, json })) => {
            staff::add_token(config, &who, days, json).await
        }
        Command::Staff(StaffCommand::Token(TokenCommand::Revoke { staff: who, id })) => {
            staff::revoke_token(config, &who, id).await
        }
        Command::Staff(StaffCommand::Token(TokenCommand::List { staff: who, json })) => {
            staff::list_tokens(config, &who, json).await
        }
        Command::Cases(CasesCommand::Jobs { json }) => oxygen::jobs(config, json).await,
        Command::Cases(CasesCommand::List { kind, lang, json }) => {
            cases::list_cases(config, kind.as_deref(), lang, json).await
        }
        Command::Provider(ProviderCommand::Add {
            name,
            role,
            phone,
            areas,
            organisation,
            language,
            json,
        }) => {
            let p = NewProvider {
                name: name.trim(),
                role: &role,
                phone: phone.trim(),
                organisation: organisation.as_deref().map(str::trim).filter(|o| !o.is_empty()),
                language: language.map(Lang::code),
                areas: &areas
                    .iter()
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect::<Vec<_>>(),
            };
            provider::add_provider(config, &p, json).await
        }
        Command::Provider(ProviderCommand::List { json }) => provider::list_providers(config, json).await,
        Command::Roster(RosterCommand::Load { file }) => provider::load_roster(config, &file).await,
        Command::Roster(RosterCommand::Show { area, at, json }) => provider::show_roster(config, &area, at, json).await,
        Command::Audit(AuditCommand::Verify) => audit::verify(config).await,
        Command::Audit(AuditCommand::Patient { id }) => audit::patient(config, id).await,
        Command::Report(ReportCommand::Providers { from, to, format, lang }) => {
            provider::provider_report(config, from, to, &format, lang).await
        }
        Command::Equipment(c) => oxygen::equipment(config, c).await,
        Command::Station(c) => oxygen::station(config, c).await,
        Command::Broadcast(c) => broadcast::run(config, c).await,
        Command::Export(c) => export::run(config, c).await,
        Command::Simulate(args) => simulate::simulate(args).await,
        Command::Line(c) => menus::line(config, c).await,
        Command::Telegram(c) => menus::telegram(config, c).await,
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    config.log_disabled_channels();
    let bind = config.bind;
    let app = App::build(config, Arc::new(SystemClock)).await?;
    let listener = tokio::net::TcpListener::bind(bind).await?;
    tracing::info!(%bind, "mimamori listening");
    let running = app.start(listener, Loops::default())?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    running.stop().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
