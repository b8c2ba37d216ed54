//! The rows of the performance report ([`crate::domain::performance`]).

use chrono::{DateTime, Utc};

use super::sql::HOLDING;
use super::{Conn, ms};
use crate::domain::performance::{Line, OfferRow, OutcomeRow, ProviderRow, summarise};

/// The report for `[from, to)`: outcomes reported and offers made in the period.
pub async fn report(conn: &mut Conn, from: DateTime<Utc>, to: DateTime<Utc>) -> sqlx::Result<Vec<Line>> {
    let providers: Vec<(i64, String, String, Option<String>)> =
        sqlx::query_as("SELECT id, name, role, organisation FROM providers ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    let outcomes: Vec<(i64, String, i64, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT c.provider_id, c.outcome, c.outcome_at,
                (SELECT MAX(o.answered_at) FROM offers o
                  WHERE o.care_request_id = c.id AND o.provider_id = c.provider_id
                    AND o.status IN {HOLDING}) AS taken_at
         FROM care_requests c
         WHERE c.outcome_at >= $1 AND c.outcome_at < $2 AND c.provider_id IS NOT NULL AND c.outcome IS NOT NULL"
    ))
    .bind(ms(from))
    .bind(ms(to))
    .fetch_all(&mut *conn)
    .await?;
    let offers: Vec<(i64, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT provider_id, status, offered_at, answered_at FROM offers WHERE offered_at >= $1 AND offered_at < $2",
    )
    .bind(ms(from))
    .bind(ms(to))
    .fetch_all(&mut *conn)
    .await?;
    let providers: Vec<ProviderRow> = providers
        .into_iter()
        .map(|(id, name, role, organisation)| ProviderRow {
            id,
            name,
            role,
            organisation,
        })
        .collect();
    let outcomes: Vec<OutcomeRow> = outcomes
        .into_iter()
        .map(|(provider_id, outcome, outcome_at, taken_at)| OutcomeRow {
            provider_id,
            outcome,
            outcome_at,
            taken_at,
        })
        .collect();
    let offers: Vec<OfferRow> = offers
        .into_iter()
        .map(|(provider_id, status, offered_at, answered_at)| OfferRow {
            provider_id,
            status,
            offered_at,
            answered_at,
        })
        .collect();
    // a nurse's observation is a report whose source is `nurse:ID`
    let sources: Vec<String> = sqlx::query_scalar(
        "SELECT source FROM reports WHERE source LIKE 'nurse:%' AND completed_at >= $1 AND completed_at < $2",
    )
    .bind(ms(from))
    .bind(ms(to))
    .fetch_all(&mut *conn)
    .await?;
    let visits: Vec<i64> = sources
        .iter()
        .filter_map(|s| s.strip_prefix("nurse:").and_then(|id| id.parse().ok()))
        .collect();
    Ok(summarise(&providers, &outcomes, &offers, &visits))
}
