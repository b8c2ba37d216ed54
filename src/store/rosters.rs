//! The roster: which providers cover which area in which shift.

use super::Conn;
use super::providers::Provider;

pub struct Entry {
    pub provider_id: i64,
    pub area: String,
    pub shift: String,
    pub weekdays: String,
}

/// Replaces the whole roster (inside the caller's transaction).
pub async fn replace(conn: &mut Conn, entries: &[Entry]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM roster_entries").execute(&mut *conn).await?;
    for (position, e) in entries.iter().enumerate() {
        sqlx::query(
            "INSERT INTO roster_entries (provider_id, area, shift, weekdays, position) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (provider_id, area, shift) DO NOTHING",
        )
        .bind(e.provider_id)
        .bind(&e.area)
        .bind(&e.shift)
        .bind(&e.weekdays)
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Covering {
    #[sqlx(flatten)]
    provider: Provider,
    weekdays: String,
}

/// Active providers on the roster for `area` in `shift` (or holding a duty: `area_director`,
/// `pharmacy_office`), in roster order; `weekday` ("mon" …) filters entries that name their
/// days; `role` keeps only doctors, pharmacists, ….
pub async fn covering(
    conn: &mut Conn,
    area: &str,
    shift: &str,
    weekday: &str,
    role: Option<&str>,
) -> sqlx::Result<Vec<Provider>> {
    let rows: Vec<Covering> = sqlx::query_as(
        "SELECT p.id, p.name, p.role, p.phone, p.organisation, p.language, p.status, r.weekdays
         FROM roster_entries r JOIN providers p ON p.id = r.provider_id
         WHERE r.area = $1 AND r.shift = $2 AND p.status = 'active'
         ORDER BY r.position",
    )
    .bind(area)
    .bind(shift)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|r| r.weekdays.is_empty() || r.weekdays.split(',').any(|d| d.trim() == weekday))
        .filter(|r| role.is_none_or(|role| r.provider.role == role))
        .map(|r| r.provider)
        .collect())
}

/// Every entry, in roster order: (provider id, area, shift, weekdays).
pub async fn all(conn: &mut Conn) -> sqlx::Result<Vec<(i64, String, String, String)>> {
    sqlx::query_as("SELECT provider_id, area, shift, weekdays FROM roster_entries ORDER BY area, shift, position")
        .fetch_all(&mut *conn)
        .await
}
