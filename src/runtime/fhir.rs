//! A patient's FHIR Bundle, read from the store in one transaction (API and command line).

use crate::present::fhir::{Record, bundle};
use crate::store::{Conn, orders, patients, reports, station, views};

/// The Bundle of patient `id` as JSON, or `None` when there is no such patient.
pub async fn patient_bundle(
    conn: &mut Conn,
    id: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Option<serde_json::Value>> {
    let Some(patient) = patients::get(conn, id).await? else {
        return Ok(None);
    };
    let reports = reports::for_patient(conn, id, 100_000).await?;
    let assessments = views::assessments(conn, id, 100_000).await?;
    let requests = views::requests_of(conn, id).await?;
    let orders = orders::orders_of(conn, id).await?;
    let admissions = station::admissions_of(conn, id).await?;
    let record = Record {
        patient: &patient,
        reports: &reports,
        assessments: &assessments,
        requests: &requests,
        orders: &orders,
        admissions: &admissions,
    };
    Ok(Some(serde_json::to_value(bundle(&record, now)?)?))
}
