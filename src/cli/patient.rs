//! `mimamori patient …`: register a patient (the same checks as the API), show one, end or
//! extend an episode.

use crate::care::context::Ctx;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::conversation::enrolment;
use crate::domain::patient::RiskFactor;
use crate::i18n::{Lang, Locales};
use crate::store::patients::NewPatient;
use crate::store::{Db, chats, patients, reports};
use chrono::NaiveDate;
use clap::Args;
use serde_json::json;

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

pub(super) async fn add_patient(config: Config, args: AddPatient) -> anyhow::Result<()> {
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
    super::common::check_provider(&mut tx, args.family_doctor, "--family-doctor", &["doctor"]).await?;
    super::common::check_provider(&mut tx, args.pharmacy, "--pharmacy", &["pharmacist"]).await?;
    let registered = enrolment::register(&mut tx, &ctx, &patient).await?;
    let subject = format!("patient:{}", registered.patient_id);
    crate::store::staff::audit(&mut tx, None, "patient.register", Some(&subject), now).await?;
    tx.commit().await?;
    super::common::print_code(
        &config,
        "patient",
        registered.patient_id,
        &registered.code,
        registered.expires_at,
        args.json,
    );
    Ok(())
}

pub(super) async fn show_patient(config: Config, id: i64, as_json: bool) -> anyhow::Result<()> {
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
        "independent": p.independent,
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

pub(super) async fn change_episode(
    config: Config,
    id: i64,
    until: Option<NaiveDate>,
    reason: &str,
) -> anyhow::Result<()> {
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

pub(super) fn validate(args: &AddPatient, today: NaiveDate) -> Result<(), String> {
    use crate::domain::patient::RegistrationProblem::*;
    let checked = crate::domain::patient::check_registration(
        &args.name,
        &args.phone,
        args.birth_date,
        args.onset_date,
        args.test_date,
        today,
    );
    checked.map_err(|p| {
        match p {
            NoName => "--name must not be empty",
            BadPhone => "--phone must be a telephone number, for example 090-1234-5678",
            BirthInFuture => "--birth-date is in the future",
            OnsetInFuture => "--onset-date is in the future",
            OnsetBeforeBirth => "--onset-date is before --birth-date",
            TestInFuture => "--test-date is in the future",
        }
        .to_string()
    })
}

/// `mimamori patient erase ID --reason …`: a released patient's personal data, erased now.
pub(super) async fn erase(config: Config, id: i64, reason: &str) -> anyhow::Result<()> {
    let reason = reason.trim();
    if reason.is_empty() {
        anyhow::bail!("--reason: say why (the person's request, say)");
    }
    let db = Db::connect(&config.database_url).await?;
    let now = SystemClock.now();
    let mut tx = db.begin().await?;
    if !crate::store::retention::erase(&mut tx, id, now).await? {
        anyhow::bail!(
            "patient {id}: no such patient, or the episode has not ended (end it first: mimamori patient end)"
        );
    }
    let subject = format!("patient:{id}");
    crate::store::staff::audit_why(&mut tx, None, "patient.erase", Some(&subject), Some(reason), now).await?;
    tx.commit().await?;
    println!("patient {id}: personal data erased");
    Ok(())
}
