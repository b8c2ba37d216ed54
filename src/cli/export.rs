//! `mimamori export csv KIND`: the same exports as the API and the console, written as they are
//! read, to a file or standard output.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use futures_util::TryStreamExt;

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::i18n::Lang;
use crate::present::exports as csv;
use crate::store::exports::{self, Filter};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// patients, reports, care_requests, oxygen_units or admissions as CSV for Excel (UTF-8 with
    /// a BOM; Japanese headings unless --lang en).
    Csv {
        kind: String,
        /// First day, YYYY-MM-DD (the ward's time zone).
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Last day, included.
        #[arg(long)]
        to: Option<NaiveDate>,
        #[arg(long)]
        area: Option<String>,
        #[arg(long, default_value = "ja")]
        lang: Lang,
        /// The file to write (standard output if not given).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// FHIR R4 Bundles: one patient's (JSON), or every patient registered or reporting since a
    /// day (one Bundle per line, NDJSON).
    Fhir {
        #[arg(long, conflicts_with = "since", required_unless_present = "since")]
        patient: Option<i64>,
        /// First day, YYYY-MM-DD (the ward's time zone).
        #[arg(long)]
        since: Option<NaiveDate>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub(super) async fn run(config: Config, command: ExportCommand) -> anyhow::Result<()> {
    if let ExportCommand::Fhir { patient, since, out } = command {
        return fhir(config, patient, since, out).await;
    }
    let ExportCommand::Csv {
        kind,
        from,
        to,
        area,
        lang,
        out,
    } = command
    else {
        return Ok(());
    };
    let Some(export) = exports::export(&kind) else {
        let known: Vec<&str> = exports::EXPORTS.iter().map(|e| e.name).collect();
        anyhow::bail!("no export {kind:?}; one of {}", known.join(", "));
    };
    let tz = config.timezone;
    let (from_ms, to_ms) = exports::period(tz, from, to).map_err(|e| anyhow::anyhow!("--{e}"))?;
    let area = area.map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
    let filter = Filter {
        from: from_ms,
        to: to_ms,
        area: area.clone(),
    };
    let (db, locales) = super::common::connect(&config).await?;
    let mut tx = db.begin().await?;
    let detail = format!(
        "from={} to={} area={}",
        from.map(|d| d.to_string()).unwrap_or_default(),
        to.map(|d| d.to_string()).unwrap_or_default(),
        area.as_deref().unwrap_or("*")
    );
    exports::audit(&mut tx, None, export, &filter, &detail, SystemClock.now()).await?;
    tx.commit().await?;
    let mut sink: Box<dyn Write> = match &out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    sink.write_all(&csv::heading(&locales, lang, export)?)?;
    let mut conn = db.relaxed.acquire().await?;
    let mut rows = std::pin::pin!(exports::rows(&mut conn, export, &filter));
    let mut buf = Vec::new();
    let mut n = 0u64;
    while let Some(values) = rows.try_next().await? {
        csv::row(&mut buf, export, &values, tz)?;
        sink.write_all(&buf)?;
        buf.clear();
        n += 1;
    }
    sink.flush()?;
    if let Some(path) = out {
        eprintln!("{n} rows written to {}", path.display());
    }
    Ok(())
}

async fn fhir(
    config: Config,
    patient: Option<i64>,
    since: Option<NaiveDate>,
    out: Option<PathBuf>,
) -> anyhow::Result<()> {
    let db = crate::store::Db::connect(&config.database_url).await?;
    let now = SystemClock.now();
    let mut tx = db.begin().await?;
    let ids = match (patient, since) {
        (Some(id), _) => vec![id],
        (None, Some(day)) => {
            let (from, _) = exports::period(config.timezone, Some(day), None).map_err(anyhow::Error::msg)?;
            exports::patients_active_since(&mut tx, from.unwrap_or(0)).await?
        }
        (None, None) => anyhow::bail!("--patient ID or --since YYYY-MM-DD"),
    };
    // who exported whom is recorded before anything leaves
    let entry = crate::store::audit::Entry {
        staff_id: None,
        action: "export.fhir",
        detail: Some(&format!(
            "patient={} since={}",
            patient.map(|p| p.to_string()).unwrap_or_default(),
            since.map(|d| d.to_string()).unwrap_or_default()
        )),
        patients: &ids,
        ..crate::store::audit::Entry::default()
    };
    crate::store::audit::record(&mut tx, &entry, now).await?;
    tx.commit().await?;
    let mut sink: Box<dyn Write> = match &out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut conn = db.pool.acquire().await?;
    for id in &ids {
        let Some(bundle) = crate::runtime::fhir::patient_bundle(&mut conn, *id, now).await? else {
            anyhow::bail!("no patient with id {id}");
        };
        if patient.is_some() {
            serde_json::to_writer_pretty(&mut sink, &bundle)?;
        } else {
            serde_json::to_writer(&mut sink, &bundle)?;
        }
        sink.write_all(b"\n")?;
    }
    sink.flush()?;
    Ok(())
}
