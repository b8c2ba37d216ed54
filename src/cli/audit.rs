//! `mimamori audit verify` (is the chain intact?) and `mimamori audit patient ID` (who saw this
//! patient, and when).

use crate::config::Config;
use crate::store::Db;
use crate::store::audit::{self, Chain};

pub(super) async fn verify(config: Config) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut conn = db.pool.acquire().await?;
    match audit::verify(&mut conn).await? {
        Chain::Intact { entries } => {
            println!("audit log intact: {entries} chained entries");
            Ok(())
        }
        Chain::BrokenAt { id } => {
            anyhow::bail!("audit log BROKEN at entry {id}: it was changed, or one before it removed")
        }
    }
}

pub(super) async fn patient(config: Config, patient_id: i64) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let lines = audit::touching(&mut tx, patient_id).await?;
    crate::store::staff::audit(
        &mut tx,
        None,
        "audit.patient",
        Some(&format!("patient:{patient_id}")),
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    for l in lines {
        println!(
            "{}\t{}\t{}\t{}",
            l.at.to_rfc3339(),
            l.staff.as_deref().unwrap_or("(service)"),
            l.action,
            l.subject.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
