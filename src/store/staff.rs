//! Staff API tokens and the audit log.

use chrono::{DateTime, Utc};
use rand::Rng;
use sha2::{Digest, Sha256};

use super::{Conn, ms};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Staff {
    pub id: i64,
    pub name: String,
    pub role: String,
}

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Creates a staff member and returns their API token (shown once; only its hash is kept).
pub async fn add(conn: &mut Conn, name: &str, role: &str, now: DateTime<Utc>) -> sqlx::Result<(i64, String)> {
    let bytes: [u8; 32] = rand::thread_rng().r#gen();
    let token = format!("mmr_{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let id = sqlx::query_scalar(
        "INSERT INTO staff (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name)
    .bind(role)
    .bind(hash(&token))
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?;
    Ok((id, token))
}

/// The staff member a token belongs to (hash lookup: equal hashes, no timing on the token).
pub async fn by_token(conn: &mut Conn, token: &str) -> sqlx::Result<Option<Staff>> {
    sqlx::query_as("SELECT id, name, role FROM staff WHERE token_hash = $1 AND revoked_at IS NULL")
        .bind(hash(token))
        .fetch_optional(&mut *conn)
        .await
}

/// Who read or changed what, and when.
pub async fn audit(
    conn: &mut Conn,
    staff_id: Option<i64>,
    action: &str,
    subject: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    audit_why(conn, staff_id, action, subject, None, now).await
}

/// An audited change with the reason staff gave.
pub async fn audit_why(
    conn: &mut Conn,
    staff_id: Option<i64>,
    action: &str,
    subject: Option<&str>,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO audit_log (staff_id, action, subject, reason, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(staff_id)
        .bind(action)
        .bind(subject)
        .bind(reason)
        .bind(ms(now))
        .execute(&mut *conn)
        .await
        .map(|_| ())
}
