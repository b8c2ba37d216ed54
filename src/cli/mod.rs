//! The command line: `mimamori [serve]`, `mimamori migrate`, `mimamori patient …`, `mimamori provider …`,
//! `mimamori staff add`, `mimamori cases list`.

mod oxygen;

use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use serde_json::json;

use crate::app::{App, Loops};
use crate::care::context::Ctx;
use crate::clock::{Clock, SystemClock};
use crate::config::{Config, Sources};
use crate::conversation::enrolment;
use crate::domain::patient::RiskFactor;
use crate::domain::roster::Duty;
use crate::i18n::{Lang, Locales};
use crate::store::patients::NewPatient;
use crate::store::providers::{self, NewProvider};
use crate::store::{Db, chats, patients, reports};

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
    /// Oxygen equipment lent at home, unit by unit.
    #[command(subcommand)]
    Equipment(oxygen::EquipmentCommand),
    /// The oxygen/medical station and its beds.
    #[command(subcommand)]
    Station(oxygen::StationCommand),
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
        #[arg(long, value_parser = local_time)]
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
        #[arg(long, value_parser = ["doctor", "nurse", "pharmacist", "contractor"])]
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
    /// Add a staff member and print their API token (shown once; only its hash is stored).
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["admin", "staff"])]
        role: String,
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
    Add(AddPatient),
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
    /// Show a patient's chat binding and latest reports.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct AddPatient {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub phone: String,
    /// YYYY-MM-DD
    #[arg(long)]
    pub birth_date: NaiveDate,
    /// Symptom onset, YYYY-MM-DD
    #[arg(long)]
    pub onset_date: NaiveDate,
    /// Positive test, YYYY-MM-DD
    #[arg(long)]
    pub test_date: Option<NaiveDate>,
    #[arg(long, value_enum)]
    pub language: Option<Lang>,
    /// A risk factor for severe disease; repeat for several.
    #[arg(long = "risk", value_enum)]
    pub risks: Vec<RiskFactor>,
    #[arg(long)]
    pub area: Option<String>,
    /// No symptoms: release is counted from --test-date.
    #[arg(long, requires = "test_date")]
    pub asymptomatic: bool,
    /// The patient's family doctor (a provider id from `mimamori provider add`).
    #[arg(long)]
    pub family_doctor: Option<i64>,
    /// The patient's usual pharmacy (a pharmacist's provider id).
    #[arg(long)]
    pub pharmacy: Option<i64>,
    /// Independent in daily living (ADL): the oxygen station takes patients who are.
    #[arg(long, value_parser = ["yes", "no"])]
    pub independent: Option<String>,
    /// Home address, where oxygen equipment is delivered.
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::load(&Sources::from_env()?)?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            Db::connect(&config.database_url).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::Patient(PatientCommand::Add(args)) => add_patient(config, args).await,
        Command::Patient(PatientCommand::Show { id, json }) => show_patient(config, id, json).await,
        Command::Patient(PatientCommand::End { id, reason }) => change_episode(config, id, None, &reason).await,
        Command::Patient(PatientCommand::Extend { id, until, reason }) => {
            change_episode(config, id, Some(until), &reason).await
        }
        Command::Staff(StaffCommand::Add { name, role, json }) => add_staff(config, &name, &role, json).await,
        Command::Cases(CasesCommand::Jobs { json }) => oxygen::jobs(config, json).await,
        Command::Cases(CasesCommand::List { kind, lang, json }) => {
            list_cases(config, kind.as_deref(), lang, json).await
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
            add_provider(config, &p, json).await
        }
        Command::Provider(ProviderCommand::List { json }) => list_providers(config, json).await,
        Command::Roster(RosterCommand::Load { file }) => load_roster(config, &file).await,
        Command::Roster(RosterCommand::Show { area, at, json }) => show_roster(config, &area, at, json).await,
        Command::Report(ReportCommand::Providers { from, to, format, lang }) => {
            provider_report(config, from, to, &format, lang).await
        }
        Command::Equipment(c) => oxygen::equipment(config, c).await,
        Command::Station(c) => oxygen::station(config, c).await,
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

fn validate(args: &AddPatient, today: NaiveDate) -> Result<(), String> {
    if args.name.trim().is_empty() {
        return Err("--name must not be empty".into());
    }
    validate_phone(&args.phone, "--phone")?;
    if args.birth_date > today {
        return Err("--birth-date is in the future".into());
    }
    if args.onset_date > today {
        return Err("--onset-date is in the future".into());
    }
    if args.onset_date < args.birth_date {
        return Err("--onset-date is before --birth-date".into());
    }
    if args.test_date.is_some_and(|t| t > today) {
        return Err("--test-date is in the future".into());
    }
    Ok(())
}

async fn add_patient(config: Config, args: AddPatient) -> anyhow::Result<()> {
    let now = SystemClock.now();
    let today = now.with_timezone(&config.timezone).date_naive();
    validate(&args, today).map_err(anyhow::Error::msg)?;
    let db = Db::connect(&config.database_url).await?;
    let locales = Locales::load().map_err(anyhow::Error::msg)?;
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now,
    };
    let risks: Vec<&str> = args.risks.iter().map(|r| r.code()).collect();
    let patient = NewPatient {
        name: args.name.trim(),
        phone: args.phone.trim(),
        birth_date: args.birth_date,
        onset_date: args.onset_date,
        test_date: args.test_date,
        language: args.language.map(Lang::code),
        risk_factors: risks.join(","),
        area: args.area.as_deref(),
        asymptomatic: args.asymptomatic,
        family_doctor_id: args.family_doctor,
        pharmacy_id: args.pharmacy,
        independent: args.independent.map(|v| v == "yes"),
        address: args.address.as_deref().map(str::trim).filter(|a| !a.is_empty()),
    };
    let mut tx = db.begin().await?;
    check_provider(&mut tx, args.family_doctor, "--family-doctor", &["doctor"]).await?;
    check_provider(&mut tx, args.pharmacy, "--pharmacy", &["pharmacist"]).await?;
    let registered = enrolment::register(&mut tx, &ctx, &patient).await?;
    tx.commit().await?;
    print_code(
        &config,
        "patient",
        registered.patient_id,
        &registered.code,
        registered.expires_at,
        args.json,
    );
    Ok(())
}

/// A provider named on a patient's record exists and has the right role.
async fn check_provider(
    conn: &mut crate::store::Conn,
    id: Option<i64>,
    flag: &str,
    roles: &[&str],
) -> anyhow::Result<()> {
    let Some(id) = id else { return Ok(()) };
    match providers::get(conn, id).await? {
        None => anyhow::bail!("{flag}: no provider with id {id}"),
        Some(p) if !roles.contains(&p.role.as_str()) => {
            anyhow::bail!("{flag}: provider {id} is a {}, not a {}", p.role, roles.join(" or "))
        }
        Some(_) => Ok(()),
    }
}

fn validate_phone(phone: &str, flag: &str) -> Result<(), String> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if digits < 6 || !phone.chars().all(|c| c.is_ascii_digit() || "+-() ".contains(c)) {
        return Err(format!("{flag} must be a telephone number, for example 090-1234-5678"));
    }
    Ok(())
}

async fn add_provider(config: Config, p: &NewProvider<'_>, as_json: bool) -> anyhow::Result<()> {
    if p.name.is_empty() {
        anyhow::bail!("--name must not be empty");
    }
    validate_phone(p.phone, "--phone").map_err(anyhow::Error::msg)?;
    let db = Db::connect(&config.database_url).await?;
    let locales = Locales::load().map_err(anyhow::Error::msg)?;
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now: SystemClock.now(),
    };
    let mut tx = db.begin().await?;
    let registered = enrolment::register_provider(&mut tx, &ctx, p).await?;
    tx.commit().await?;
    print_code(
        &config,
        "provider",
        registered.provider_id,
        &registered.code,
        registered.expires_at,
        as_json,
    );
    Ok(())
}

async fn list_providers(config: Config, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut conn = db.pool.acquire().await?;
    let mut rows = Vec::new();
    for p in providers::list(&mut conn).await? {
        let areas = providers::areas(&mut conn, p.id).await?;
        let chat = chats::for_provider(&mut conn, p.id).await?;
        rows.push(json!({
            "id": p.id,
            "name": p.name,
            "role": p.role,
            "phone": p.phone,
            "organisation": p.organisation,
            "areas": areas,
            "language": p.language,
            "status": p.status,
            "chat": chat.map(|c| json!({"platform": c.platform, "status": c.status})),
        }));
    }
    if as_json {
        println!("{}", serde_json::Value::Array(rows));
        return Ok(());
    }
    for r in &rows {
        let areas: Vec<&str> = r["areas"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        println!(
            "{:>5}  {:<10}  {:<20}  {:<16}  {:<20}  {}",
            r["id"],
            r["role"].as_str().unwrap_or(""),
            r["name"].as_str().unwrap_or(""),
            r["phone"].as_str().unwrap_or(""),
            areas.join(","),
            r["chat"]["platform"].as_str().unwrap_or("(no chat yet)"),
        );
    }
    Ok(())
}

/// Prints a new enrolment code of a `who` ("patient" / "provider") with the Telegram deep link
/// when the bot's username is configured.
fn print_code(
    config: &Config,
    who: &str,
    id: i64,
    code: &crate::domain::enrolment::EnrolmentCode,
    expires_at: chrono::DateTime<chrono::Utc>,
    as_json: bool,
) {
    let link = config
        .telegram
        .as_ref()
        .and_then(|t| t.bot_username.as_ref())
        .map(|bot| format!("https://t.me/{bot}?start={}", code.as_payload()));
    if as_json {
        let mut out = json!({
            format!("{who}_id"): id,
            "enrolment_code": code.display(),
            "expires_at": expires_at.to_rfc3339(),
        });
        if let Some(link) = &link {
            out["telegram_link"] = json!(link);
        }
        println!("{out}");
        return;
    }
    println!("{:<17}{id}", format!("{who} id:"));
    println!("enrolment code:  {}", code.display());
    println!(
        "valid until:     {}",
        expires_at.with_timezone(&config.timezone).format("%Y-%m-%d %H:%M %Z")
    );
    if let Some(link) = link {
        println!("Telegram link:   {link}");
    }
    println!("The {who} sends this code to the LINE account or the Telegram bot.");
}

/// "2026-11-23T10:00", "2026-11-23 10:00" or with seconds.
fn local_time(s: &str) -> Result<chrono::NaiveDateTime, String> {
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| chrono::NaiveDateTime::parse_from_str(s.trim(), f).ok())
    .ok_or_else(|| "expected a local time like 2026-11-23T10:00".to_string())
}

async fn load_roster(config: Config, file: &std::path::Path) -> anyhow::Result<()> {
    let name = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let lines = crate::domain::roster::parse(&text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    for line in &lines {
        match providers::get(&mut tx, line.provider_id).await? {
            None => anyhow::bail!("{name}: provider {} does not exist", line.provider_id),
            Some(p) if p.role == "contractor" => {
                anyhow::bail!("{name}: provider {} is an equipment contractor, not a clinician", p.id)
            }
            Some(p) if line.role.is_some_and(|r| r != p.role) => anyhow::bail!(
                "{name}: provider {} is a {}; {} needs a {}",
                p.id,
                p.role,
                line.slot,
                line.role.unwrap_or_default()
            ),
            Some(_) => {}
        }
    }
    let entries: Vec<crate::store::rosters::Entry> = lines
        .iter()
        .map(|l| crate::store::rosters::Entry {
            provider_id: l.provider_id,
            area: l.area.clone(),
            shift: l.slot.to_string(),
            weekdays: l.weekdays.clone(),
        })
        .collect();
    crate::store::rosters::replace(&mut tx, &entries).await?;
    crate::store::staff::audit(&mut tx, None, "roster.load", Some(&name), SystemClock.now()).await?;
    tx.commit().await?;
    println!("roster loaded: {} entries", entries.len());
    Ok(())
}

async fn show_roster(
    config: Config,
    area: &str,
    at: Option<chrono::NaiveDateTime>,
    as_json: bool,
) -> anyhow::Result<()> {
    let at = at.unwrap_or_else(|| SystemClock.now().with_timezone(&config.timezone).naive_local());
    let shift = config.service_hours.shift(at);
    let weekday = crate::domain::roster::weekday_code(at.date());
    let db = Db::connect(&config.database_url).await?;
    let mut conn = db.pool.acquire().await?;
    let on = crate::store::rosters::covering(&mut conn, area, shift.code(), weekday, None).await?;
    let mut duties = Vec::new();
    for duty in [Duty::AreaDirector, Duty::PharmacyOffice] {
        for p in crate::store::rosters::covering(&mut conn, area, duty.code(), weekday, None).await? {
            duties.push((duty.code(), p));
        }
    }
    if as_json {
        let person = |p: &crate::store::providers::Provider| json!({"id": p.id, "name": p.name, "role": p.role, "phone": p.phone});
        let people: Vec<_> = on.iter().map(person).collect();
        let duties: Vec<_> = duties
            .iter()
            .map(|(d, p)| json!({"duty": d, "provider": person(p)}))
            .collect();
        println!(
            "{}",
            json!({"area": area, "at": at.format("%Y-%m-%dT%H:%M").to_string(), "shift": shift.code(), "providers": people, "duties": duties})
        );
        return Ok(());
    }
    println!("{area}, {} ({} shift):", at.format("%Y-%m-%d %H:%M"), shift.code());
    if on.is_empty() {
        println!("  nobody on the roster: requests go to the area director and health-centre staff");
    }
    for p in &on {
        println!("  {:>5}  {:<10}  {:<20}  {}", p.id, p.role, p.name, p.phone);
    }
    for (duty, p) in &duties {
        println!("  {:>5}  {:<10}  {:<20}  {}  ({duty})", p.id, p.role, p.name, p.phone);
    }
    Ok(())
}

async fn provider_report(
    config: Config,
    from: NaiveDate,
    to: NaiveDate,
    format: &str,
    lang: Lang,
) -> anyhow::Result<()> {
    let (start, end) = crate::present::report_period(from, to, config.timezone).map_err(anyhow::Error::msg)?;
    let db = Db::connect(&config.database_url).await?;
    let locales = Locales::load().map_err(anyhow::Error::msg)?;
    let mut tx = db.begin().await?;
    let subject = format!("{from}..{to}");
    crate::store::staff::audit(&mut tx, None, "report.providers", Some(&subject), SystemClock.now()).await?;
    let lines = crate::store::performance::report(&mut tx, start, end).await?;
    tx.commit().await?;
    let body = crate::present::render_provider_report(&locales, lang, from, to, &lines, format)?;
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(&body)?;
    out.flush()?;
    Ok(())
}

async fn show_patient(config: Config, id: i64, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    crate::store::staff::audit(
        &mut tx,
        None,
        "patient.read",
        Some(&format!("patient:{id}")),
        SystemClock.now(),
    )
    .await?;
    // read in the audit's transaction and shown once it is committed: that commit waits for
    // the disk, so what is shown is durable (as `cases list`)
    let p = patients::get(&mut tx, id).await?;
    let chat = chats::for_patient(&mut tx, id).await?;
    let reports = reports::for_patient(&mut tx, id, 20).await?;
    let asked = crate::store::questions::for_patient(&mut tx, id).await?;
    tx.commit().await?;
    let Some(p) = p else {
        anyhow::bail!("no patient with id {id}");
    };
    let reports_json: Vec<_> = reports.iter().map(crate::present::report_json).collect();
    let questions_json: Vec<_> = asked.iter().map(crate::present::question_json).collect();
    let out = json!({
        "patient_id": p.id,
        "name": p.name,
        "status": p.status,
        "independent": p.independent.map(|v| v != 0),
        "address": p.address,
        "chat": chat.as_ref().map(|c| json!({"platform": c.platform, "status": c.status})),
        "reports": reports_json,
        "safety_questions": questions_json,
    });
    if as_json {
        println!("{out}");
    } else {
        println!("{}", serde_json::to_string_pretty(&out)?);
    }
    Ok(())
}

async fn add_staff(config: Config, name: &str, role: &str, as_json: bool) -> anyhow::Result<()> {
    if name.trim().is_empty() {
        anyhow::bail!("--name must not be empty");
    }
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let (id, token) = crate::store::staff::add(&mut tx, name.trim(), role, SystemClock.now()).await?;
    tx.commit().await?;
    if as_json {
        println!(
            "{}",
            json!({"staff_id": id, "name": name.trim(), "role": role, "token": token})
        );
    } else {
        println!("staff id:  {id}");
        println!("API token: {token}");
        println!("This token is shown once. Use it as: Authorization: Bearer <token>");
    }
    Ok(())
}

async fn list_cases(config: Config, kind: Option<&str>, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let locales = Locales::load().map_err(anyhow::Error::msg)?;
    let mut tx = db.begin().await?;
    crate::store::staff::audit(&mut tx, None, "cases.list", None, SystemClock.now()).await?;
    let rows = crate::store::views::open_requests(&mut tx, kind).await?;
    let history = crate::store::offers::history_of_open(&mut tx).await?;
    tx.commit().await?;
    let cases = crate::present::requests_json(&locales, lang, &rows, &history);
    if as_json {
        println!("{}", json!({ "care_requests": cases }));
        return Ok(());
    }
    for c in cases.as_array().into_iter().flatten() {
        println!(
            "#{} {} {} — {} ({}) by {} — {}",
            c["id"],
            c["urgency"].as_str().unwrap_or(""),
            c["kind"].as_str().unwrap_or(""),
            c["patient"]["name"].as_str().unwrap_or(""),
            c["patient"]["phone"].as_str().unwrap_or(""),
            c["target_at"].as_str().unwrap_or(""),
            c["reasons"]
                .as_array()
                .map(|r| r.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join("; "))
                .unwrap_or_default(),
        );
    }
    Ok(())
}

async fn change_episode(config: Config, id: i64, until: Option<NaiveDate>, reason: &str) -> anyhow::Result<()> {
    if reason.trim().is_empty() {
        anyhow::bail!("--reason must not be empty");
    }
    let db = Db::connect(&config.database_url).await?;
    let locales = Locales::load().map_err(anyhow::Error::msg)?;
    let now = SystemClock.now();
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now,
    };
    let mut tx = db.begin().await?;
    let Some(patient) = patients::get(&mut tx, id).await? else {
        anyhow::bail!("no patient with id {id}");
    };
    let (done, action) = match until {
        None => (
            crate::care::release::release(&mut tx, &ctx, &patient, Some(reason.trim())).await?,
            "episode.end",
        ),
        Some(day) => {
            let Some(at) = crate::domain::episode::start_of_day(day, config.timezone) else {
                anyhow::bail!("--until is not a valid day");
            };
            (
                crate::care::release::extend(&mut tx, &ctx, id, at, reason.trim()).await?,
                "episode.extend",
            )
        }
    };
    if !done {
        anyhow::bail!("patient {id}'s episode has already ended");
    }
    crate::store::staff::audit(&mut tx, None, action, Some(&format!("patient:{id}")), now).await?;
    tx.commit().await?;
    println!(
        "patient {id}: {}",
        if until.is_some() { "extended" } else { "released" }
    );
    Ok(())
}
