//! `mimamori provider …`, `roster …` and `report providers`.

use crate::care::context::Ctx;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::conversation::enrolment;
use crate::domain::roster::Duty;
use crate::i18n::{Lang, Locales};
use crate::store::providers::{self, NewProvider};
use crate::store::{Db, chats};
use chrono::NaiveDate;
use serde_json::json;

pub(super) async fn add_provider(config: Config, p: &NewProvider<'_>, as_json: bool) -> anyhow::Result<()> {
    if p.name.is_empty() {
        anyhow::bail!("--name must not be empty");
    }
    super::common::validate_phone(p.phone, "--phone").map_err(anyhow::Error::msg)?;
    let (db, locales) = super::common::connect(&config).await?;
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now: SystemClock.now(),
    };
    let mut tx = db.begin().await?;
    let registered = enrolment::register_provider(&mut tx, &ctx, p).await?;
    tx.commit().await?;
    super::common::print_code(
        &config,
        "provider",
        registered.provider_id,
        &registered.code,
        registered.expires_at,
        as_json,
    );
    Ok(())
}

pub(super) async fn list_providers(config: Config, as_json: bool) -> anyhow::Result<()> {
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

pub(super) async fn load_roster(config: Config, file: &std::path::Path) -> anyhow::Result<()> {
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

pub(super) async fn show_roster(
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

pub(super) async fn provider_report(
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
