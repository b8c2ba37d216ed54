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
}

pub(super) async fn run(config: Config, command: ExportCommand) -> anyhow::Result<()> {
    let ExportCommand::Csv {
        kind,
        from,
        to,
        area,
        lang,
        out,
    } = command;
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
    exports::audit(&mut tx, None, export, &detail, SystemClock.now()).await?;
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
