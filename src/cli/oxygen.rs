//! `mimamori equipment …` and `mimamori station …`: stock of lent oxygen equipment unit by unit,
//! and the station's beds. Every read and change is audited.

use clap::Subcommand;
use serde_json::json;

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::domain::equipment::{UnitKind, UnitState};
use crate::domain::station::parse_beds;
use crate::present::oxygen::{history_json, inventory_json, jobs_json, stations_json};
use crate::store::{Db, equipment, staff, station};

#[derive(Subcommand)]
pub enum EquipmentCommand {
    /// Add one unit to stock.
    Add {
        #[arg(long, value_parser = ["cylinder", "regulator", "concentrator"])]
        kind: String,
        #[arg(long)]
        serial: String,
        #[arg(long)]
        json: bool,
    },
    /// Add units from a CSV file with the columns kind,serial (a heading line is allowed). The
    /// whole file is checked first and added in one transaction, or not at all.
    Import { file: std::path::PathBuf },
    /// Units in stock and out, with the count of each kind in each state.
    List {
        #[arg(long)]
        state: Option<String>,
        #[arg(long, value_parser = ["cylinder", "regulator", "concentrator"])]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One unit's history: every state it was in, who moved it, when and why.
    History {
        serial: String,
        #[arg(long)]
        json: bool,
    },
    /// Put a unit back in stock after cleaning or repair, or take it out of service.
    Set {
        serial: String,
        #[arg(long, value_parser = ["available", "out_of_service"])]
        state: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand)]
pub enum StationCommand {
    /// Register a station and its beds, e.g. --beds oxygen=24,therapy=11.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        beds: String,
        #[arg(long)]
        json: bool,
    },
    /// Stations with their beds: free, held for an admission, occupied.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub async fn equipment(config: Config, c: EquipmentCommand) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let now = SystemClock.now();
    match c {
        EquipmentCommand::Add { kind, serial, json } => {
            let kind = UnitKind::from_code(&kind).ok_or_else(|| anyhow::anyhow!("--kind: unknown kind"))?;
            let serial = serial.trim();
            if serial.is_empty() {
                anyhow::bail!("--serial must not be empty");
            }
            let mut tx = db.begin().await?;
            let Some(id) = equipment::add(&mut tx, kind, serial, "cli", now).await? else {
                anyhow::bail!("--serial: {serial} is already registered");
            };
            staff::audit(&mut tx, None, "equipment.add", Some(&format!("unit:{id}")), now).await?;
            tx.commit().await?;
            if json {
                println!(
                    "{}",
                    json!({"id": id, "kind": kind.code(), "serial": serial, "state": "available"})
                );
            } else {
                println!("unit {id}: {} {serial}, available", kind.code());
            }
        }
        EquipmentCommand::Import { file } => {
            let name = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            let units = parse_csv(&text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            let mut tx = db.begin().await?;
            for (line, kind, serial) in &units {
                if equipment::add(&mut tx, *kind, serial, "cli", now).await?.is_none() {
                    anyhow::bail!("{name}: line {line}: {serial} is already registered (nothing was added)");
                }
            }
            staff::audit(&mut tx, None, "equipment.import", Some(&name), now).await?;
            tx.commit().await?;
            println!("{} units added", units.len());
        }
        EquipmentCommand::List { state, kind, json } => {
            if state.as_deref().is_some_and(|s| UnitState::from_code(s).is_none()) {
                anyhow::bail!(
                    "--state must be available, reserved, out_for_delivery, in_use, to_collect, cleaning or out_of_service"
                );
            }
            let mut tx = db.begin().await?;
            staff::audit(&mut tx, None, "equipment.list", None, now).await?;
            let units = equipment::list(&mut tx, state.as_deref(), kind.as_deref()).await?;
            tx.commit().await?;
            let out = inventory_json(&units);
            if json {
                println!("{out}");
                return Ok(());
            }
            for k in UnitKind::ALL {
                let counts: Vec<String> = UnitState::ALL
                    .iter()
                    .filter_map(|s| {
                        let n = out["by_state"][k.code()][s.code()].as_u64().unwrap_or(0);
                        (n > 0).then(|| format!("{} {n}", s.code()))
                    })
                    .collect();
                println!("{:<13} {}", k.code(), counts.join(", "));
            }
            for u in &units {
                let patient = u.patient_id.map(|p| format!("patient {p}")).unwrap_or_default();
                println!("  {:<13} {:<16} {:<17} {patient}", u.kind, u.serial, u.state);
            }
        }
        EquipmentCommand::History { serial, json } => {
            let mut tx = db.begin().await?;
            staff::audit(&mut tx, None, "equipment.read", Some(&format!("serial:{serial}")), now).await?;
            let Some(u) = equipment::by_serial(&mut tx, &serial).await? else {
                anyhow::bail!("no unit with serial {serial}");
            };
            let events = equipment::history(&mut tx, u.id).await?;
            tx.commit().await?;
            let out = history_json(&u, &events);
            if json {
                println!("{out}");
                return Ok(());
            }
            println!("{} {} — {}", u.kind, u.serial, u.state);
            for e in out["history"].as_array().into_iter().flatten() {
                println!(
                    "  {}  {} → {}  by {}: {}",
                    e["at"].as_str().unwrap_or(""),
                    e["from"].as_str().unwrap_or("-"),
                    e["to"].as_str().unwrap_or(""),
                    e["by"].as_str().unwrap_or(""),
                    e["reason"].as_str().unwrap_or(""),
                );
            }
        }
        EquipmentCommand::Set { serial, state, reason } => {
            let reason = reason.trim();
            if reason.is_empty() {
                anyhow::bail!("--reason must not be empty");
            }
            let to = UnitState::from_code(&state).ok_or_else(|| anyhow::anyhow!("--state: unknown state"))?;
            let mut tx = db.begin().await?;
            let Some(u) = equipment::by_serial(&mut tx, &serial).await? else {
                anyhow::bail!("no unit with serial {serial}");
            };
            match equipment::set_state(&mut tx, u.id, to, "cli", reason, now).await {
                Ok(()) => {}
                Err(equipment::MoveError::Refused(r)) => anyhow::bail!("{serial}: {r}"),
                Err(equipment::MoveError::Missing) => anyhow::bail!("no unit with serial {serial}"),
                Err(equipment::MoveError::Db(e)) => return Err(e.into()),
            }
            staff::audit_why(
                &mut tx,
                None,
                &format!("equipment.{}", to.code()),
                Some(&format!("unit:{}", u.id)),
                Some(reason),
                now,
            )
            .await?;
            tx.commit().await?;
            println!("{serial}: {}", to.code());
        }
    }
    Ok(())
}

/// "kind,serial" lines (a heading allowed, blank lines skipped) → (line number, kind, serial);
/// the first mistake is named with its line.
fn parse_csv(text: &str) -> Result<Vec<(usize, UnitKind, String)>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut out: Vec<(usize, UnitKind, String)> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 1;
        let record = record.map_err(|e| format!("line {line}: {e}"))?;
        let kind = record.get(0).unwrap_or("");
        let serial = record.get(1).unwrap_or("");
        if line == 1 && kind.eq_ignore_ascii_case("kind") {
            continue;
        }
        if kind.is_empty() && serial.is_empty() {
            continue;
        }
        let Some(kind) = UnitKind::from_code(&kind.to_ascii_lowercase()) else {
            return Err(format!(
                "line {line}: {kind:?} is not a kind (cylinder, regulator, concentrator)"
            ));
        };
        if serial.is_empty() || record.len() > 2 {
            return Err(format!("line {line}: write kind,serial"));
        }
        if out.iter().any(|(_, _, s)| s == serial) {
            return Err(format!("line {line}: serial {serial} appears twice"));
        }
        out.push((line, kind, serial.to_string()));
    }
    if out.is_empty() {
        return Err("no units in the file".into());
    }
    Ok(out)
}

pub async fn station(config: Config, c: StationCommand) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let now = SystemClock.now();
    match c {
        StationCommand::Add { name, beds, json } => {
            let name = name.trim();
            if name.is_empty() {
                anyhow::bail!("--name must not be empty");
            }
            let beds = parse_beds(&beds).map_err(|e| anyhow::anyhow!("--beds: {e}"))?;
            let mut tx = db.begin().await?;
            let Some(id) = station::add(&mut tx, name, &beds, now).await? else {
                anyhow::bail!("--name: a station called {name} exists already");
            };
            staff::audit(&mut tx, None, "station.add", Some(&format!("station:{id}")), now).await?;
            tx.commit().await?;
            let total: u32 = beds.iter().map(|(_, n)| n).sum();
            if json {
                println!("{}", json!({"station_id": id, "name": name, "beds": total}));
            } else {
                println!("station {id}: {name}, {total} beds");
            }
        }
        StationCommand::List { json } => {
            let mut tx = db.begin().await?;
            staff::audit(&mut tx, None, "stations.list", None, now).await?;
            let stations = station::list(&mut tx).await?;
            let occupancy = station::occupancy(&mut tx).await?;
            tx.commit().await?;
            let out = stations_json(&stations, &occupancy);
            if json {
                println!("{}", json!({ "stations": out }));
                return Ok(());
            }
            for s in out.as_array().into_iter().flatten() {
                println!("{} {}", s["id"], s["name"].as_str().unwrap_or(""));
                for (kind, b) in s["beds"].as_object().into_iter().flatten() {
                    println!(
                        "  {kind:<8} {} free, {} held, {} occupied of {}",
                        b["free"], b["held"], b["occupied"], b["total"]
                    );
                }
            }
        }
    }
    Ok(())
}

/// `mimamori cases jobs`: what the contractors must still do, and by when.
pub async fn jobs(config: Config, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    staff::audit(&mut tx, None, "jobs.list", None, SystemClock.now()).await?;
    let jobs = jobs_json(&mut tx).await?;
    tx.commit().await?;
    if as_json {
        println!("{}", json!({ "jobs": jobs }));
        return Ok(());
    }
    for j in jobs.as_array().into_iter().flatten() {
        println!(
            "#{} {} ({}) by {} — {} ({}) — {}",
            j["id"],
            j["kind"].as_str().unwrap_or(""),
            j["status"].as_str().unwrap_or(""),
            j["deadline"].as_str().unwrap_or(""),
            j["patient"]["name"].as_str().unwrap_or(""),
            j["patient"]["phone"].as_str().unwrap_or(""),
            j["contractor"]["name"].as_str().unwrap_or("no contractor yet"),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equipment_csv_is_checked_whole_with_the_line_named() {
        let ok = parse_csv("\u{feff}kind,serial\ncylinder, C-001\n\nRegulator,R-001\nconcentrator,K-1\n").expect("ok");
        assert_eq!(ok.len(), 3);
        assert_eq!(ok[0], (2, UnitKind::Cylinder, "C-001".to_string()));
        assert_eq!(ok[1].1, UnitKind::Regulator);
        let err = parse_csv("cylinder,C-1\ntank,T-1\n").expect_err("bad kind");
        assert!(err.starts_with("line 2:"), "{err}");
        let err = parse_csv("cylinder,C-1\ncylinder,C-1\n").expect_err("twice");
        assert!(err.contains("appears twice"), "{err}");
        assert!(parse_csv("cylinder\n").is_err());
        assert!(parse_csv("kind,serial\n").is_err());
    }
}
