//! One-time enrolment codes of patients and providers: only a hash is stored; a code binds one
//! chat, once, before it expires.

use chrono::{DateTime, Utc};

use super::{Conn, ms};

/// Whose code it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Patient,
    Provider,
    /// A staff member's chat, for pages.
    Staff,
}

impl Holder {
    /// (table, owner column)
    fn table(self) -> (&'static str, &'static str) {
        match self {
            Holder::Patient => ("enrolment_codes", "patient_id"),
            Holder::Provider => ("provider_codes", "provider_id"),
            Holder::Staff => ("staff_codes", "staff_id"),
        }
    }
}

#[derive(Debug)]
pub struct CodeRow {
    pub holder: Holder,
    pub owner_id: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn insert(
    conn: &mut Conn,
    holder: Holder,
    hash: &str,
    owner_id: i64,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let (table, owner) = holder.table();
    sqlx::query(&format!(
        "INSERT INTO {table} (code_hash, {owner}, expires_at, created_at) VALUES ($1, $2, $3, $4)"
    ))
    .bind(hash)
    .bind(owner_id)
    .bind(ms(expires_at))
    .bind(ms(now))
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// The code with this hash, a patient's or a provider's.
pub async fn find(conn: &mut Conn, hash: &str) -> sqlx::Result<Option<CodeRow>> {
    for holder in [Holder::Patient, Holder::Provider, Holder::Staff] {
        let (table, owner) = holder.table();
        let row: Option<(i64, i64, Option<i64>)> = sqlx::query_as(&format!(
            "SELECT {owner}, expires_at, used_at FROM {table} WHERE code_hash = $1"
        ))
        .bind(hash)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some((owner_id, expires_at, used_at)) = row {
            return Ok(Some(CodeRow {
                holder,
                owner_id,
                expires_at,
                used_at,
            }));
        }
    }
    Ok(None)
}

/// Uses the code once: zero rows means someone else used it first.
pub async fn use_once(conn: &mut Conn, holder: Holder, hash: &str, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let (table, _) = holder.table();
    Ok(sqlx::query(&format!(
        "UPDATE {table} SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL"
    ))
    .bind(ms(now))
    .bind(hash)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}
