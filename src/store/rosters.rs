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
    shift: String,
    weekdays: String,
}

/// An area's roster on one weekday: every shift and duty, in roster order.
pub struct AreaRoster(Vec<(String, Provider)>);

impl AreaRoster {
    /// Those in `shift` (or holding a duty: `area_director`, `pharmacy_office`), in roster
    /// order; `role` keeps only doctors, pharmacists, ….
    pub fn covering(&self, shift: &str, role: Option<&str>) -> Vec<Provider> {
        self.0
            .iter()
            .filter(|(s, p)| s == shift && role.is_none_or(|role| p.role == role))
            .map(|(_, p)| p.clone())
            .collect()
    }
}

/// The active providers on `area`'s roster on `weekday` ("mon" …; entries that name their days
/// count only on those), every shift at once.
pub async fn area(conn: &mut Conn, area: &str, weekday: &str) -> sqlx::Result<AreaRoster> {
    let rows: Vec<Covering> = sqlx::query_as(
        "SELECT p.id, p.name, p.role, p.phone, p.organisation, p.language, p.status, p.away_since, r.shift, r.weekdays
         FROM roster_entries r JOIN providers p ON p.id = r.provider_id
         WHERE r.area = $1 AND p.status = 'active'
         ORDER BY r.position",
    )
    .bind(area)
    .fetch_all(&mut *conn)
    .await?;
    Ok(AreaRoster(
        rows.into_iter()
            .filter(|r| r.weekdays.is_empty() || r.weekdays.split(',').any(|d| d.trim() == weekday))
            .map(|r| (r.shift, r.provider))
            .collect(),
    ))
}

/// Active providers on the roster for `area` in `shift` ([`AreaRoster::covering`]).
pub async fn covering(
    conn: &mut Conn,
    area_code: &str,
    shift: &str,
    weekday: &str,
    role: Option<&str>,
) -> sqlx::Result<Vec<Provider>> {
    Ok(area(conn, area_code, weekday).await?.covering(shift, role))
}

/// Every entry, in roster order: (provider id, area, shift, weekdays).
pub async fn all(conn: &mut Conn) -> sqlx::Result<Vec<(i64, String, String, String)>> {
    sqlx::query_as("SELECT provider_id, area, shift, weekdays FROM roster_entries ORDER BY area, shift, position")
        .fetch_all(&mut *conn)
        .await
}
