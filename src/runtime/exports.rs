//! An export streamed as it is read: a task reads the rows and hands CSV chunks to the response
//! (or the command line) as they fill, so a 100,000-row export never sits in memory.

use axum::body::Body;
use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use crate::present::exports as csv;
use crate::runtime::state::AppState;
use futures_util::TryStreamExt;

use crate::store::exports::{Export, Filter, rows};
use crate::store::staff::Staff;

/// A chunk is handed on once it holds this much.
const CHUNK: usize = 64 * 1024;

/// The export as an HTTP body; a failure midway ends the body early (and is logged), so a
/// download cut short is never mistaken for a whole one.
pub fn body(state: &AppState, export: &'static Export, filter: Filter, lang: crate::i18n::Lang) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let (db, locales, tz) = (state.db.clone(), state.locales.clone(), state.config.timezone);
    tokio::spawn(async move {
        let run = async {
            let mut buf = csv::heading(&locales, lang, export)?;
            let mut conn = db.relaxed.acquire().await?;
            let mut rows = std::pin::pin!(rows(&mut conn, export, &filter));
            while let Some(values) = rows.try_next().await? {
                csv::row(&mut buf, export, &values, tz)?;
                if buf.len() >= CHUNK && tx.send(Ok(Bytes::from(std::mem::take(&mut buf)))).await.is_err() {
                    // the reader went away
                    return anyhow::Ok(());
                }
            }
            let _ = tx.send(Ok(Bytes::from(buf))).await;
            anyhow::Ok(())
        };
        if let Err(e) = run.await {
            tracing::error!(export = export.name, error = %e, "export failed");
            let _ = tx.send(Err(std::io::Error::other("the export failed midway"))).await;
        }
    });
    Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    }))
}

/// The period and area asked for, checked: the days as the ward's midnights, the area one the
/// reader sees. Shared by the API and the console.
pub fn filter(
    state: &AppState,
    who: &Staff,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    area: Option<&str>,
) -> Result<Filter, &'static str> {
    let (from, to) = crate::store::exports::period(state.config.timezone, from, to)?;
    let area = area.map(str::trim).filter(|a| !a.is_empty());
    if !who.sees(area) {
        return Err("name one of your areas");
    }
    Ok(Filter {
        from,
        to,
        area: area.map(str::to_string),
    })
}

/// The audit entry of an export: who, which, and the filter.
pub async fn record(
    state: &AppState,
    staff_id: i64,
    export: &Export,
    filter: &Filter,
    from: &Option<NaiveDate>,
    to: &Option<NaiveDate>,
) -> anyhow::Result<()> {
    let area = filter.area.as_deref();
    let detail = format!(
        "from={} to={} area={}",
        from.map(|d| d.to_string()).unwrap_or_default(),
        to.map(|d| d.to_string()).unwrap_or_default(),
        area.unwrap_or("*")
    );
    let mut tx = state.db.begin().await?;
    crate::store::exports::audit(&mut tx, Some(staff_id), export, filter, &detail, state.clock.now()).await?;
    state.commit(tx).await?;
    Ok(())
}

/// A CSV download named `<name>.csv`.
pub fn attachment(name: &str, body: axum::body::Body) -> Response {
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"mimamori-{name}.csv\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}
