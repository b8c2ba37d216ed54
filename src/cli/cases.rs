//! `mimamori cases list`: open care requests as staff see them.

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::i18n::{Lang, Locales};
use crate::store::Db;
use serde_json::json;

pub(super) async fn list_cases(config: Config, kind: Option<&str>, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let locales = Locales::load().map_err(anyhow::Error::msg)?;
    let mut tx = db.begin().await?;
    let rows = crate::store::views::open_requests(&mut tx, kind).await?;
    let asked = json!({"kind": kind}).to_string();
    let ids: Vec<i64> = rows.iter().map(|r| r.patient_id).collect();
    let entry = crate::store::audit::Entry {
        action: "cases.list",
        detail: Some(&asked),
        patients: &ids,
        ..Default::default()
    };
    crate::store::audit::record(&mut tx, &entry, SystemClock.now()).await?;
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
