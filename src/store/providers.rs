//! Providers (doctors, nurses, pharmacists, contractors), the areas they cover and their
//! enrolment codes.

use chrono::{DateTime, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};
use crate::domain::roster::ProviderStatus;

#[derive(Debug, Clone)]
pub struct Provider {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub organisation: Option<String>,
    pub language: Option<String>,
    pub status: ProviderStatus,
    /// Said "I'm off" in their chat: not offered requests until they are available again.
    pub away: bool,
}

impl FromRow<'_, AnyRow> for Provider {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Provider {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            role: row.try_get("role")?,
            phone: row.try_get("phone")?,
            organisation: row.try_get("organisation")?,
            language: row.try_get("language")?,
            status: row.code("status")?,
            away: row.try_get::<Option<i64>, _>("away_since")?.is_some(),
        })
    }
}

const COLUMNS: &str = "id, name, role, phone, organisation, language, status, away_since";

pub struct NewProvider<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub phone: &'a str,
    pub organisation: Option<&'a str>,
    pub language: Option<&'a str>,
    pub areas: &'a [String],
}

pub async fn insert(conn: &mut Conn, p: &NewProvider<'_>, now: DateTime<Utc>) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO providers (name, role, phone, organisation, language, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(p.name)
    .bind(p.role)
    .bind(p.phone)
    .bind(p.organisation)
    .bind(p.language)
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?;
    for area in p.areas {
        sqlx::query("INSERT INTO provider_areas (provider_id, area) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(area)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// "I'm off" (`Some(now)`) or "I'm available" (`None`) from the provider's own menu.
pub async fn set_away(conn: &mut Conn, id: i64, since: Option<DateTime<Utc>>) -> sqlx::Result<()> {
    sqlx::query("UPDATE providers SET away_since = $1 WHERE id = $2")
        .bind(since.map(ms))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The language the provider reads their chat in.
pub async fn set_language(conn: &mut Conn, id: i64, language: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE providers SET language = $1 WHERE id = $2")
        .bind(language)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Provider>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM providers WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Every provider, by id.
pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<Provider>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM providers ORDER BY id"))
        .fetch_all(&mut *conn)
        .await
}

pub async fn areas(conn: &mut Conn, id: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT area FROM provider_areas WHERE provider_id = $1 ORDER BY area")
        .bind(id)
        .fetch_all(&mut *conn)
        .await
}

/// Active contractors for an area: those covering it first, then those with no area (they
/// serve the whole ward).
pub async fn contractors(conn: &mut Conn, area: &str) -> sqlx::Result<Vec<Provider>> {
    of_role_for_area(conn, "contractor", area).await
}

/// Active providers of `role` for an area: those covering it first, then those covering every
/// area (no area on file).
pub async fn of_role_for_area(conn: &mut Conn, role: &str, area: &str) -> sqlx::Result<Vec<Provider>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM providers p WHERE role = $2 AND status = 'active'
           AND (EXISTS (SELECT 1 FROM provider_areas a WHERE a.provider_id = p.id AND a.area = $1)
                OR NOT EXISTS (SELECT 1 FROM provider_areas a WHERE a.provider_id = p.id))
         ORDER BY CASE WHEN EXISTS (SELECT 1 FROM provider_areas a WHERE a.provider_id = p.id AND a.area = $1)
                  THEN 0 ELSE 1 END, id"
    ))
    .bind(area)
    .bind(role)
    .fetch_all(&mut *conn)
    .await
}
