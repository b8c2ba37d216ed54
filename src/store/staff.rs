//! Staff accounts, their API tokens and console sessions, and the audit log.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

pub use super::audit::{AuditLine, Entry, audit_log};
use super::columns::Columns;
use super::{Conn, ms};
use crate::domain::access::{Role, sees_area};

#[derive(Debug, Clone)]
pub struct Staff {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub login: Option<String>,
    /// The areas this account is limited to; `None`: every area.
    pub areas: Option<Vec<String>>,
}

impl Staff {
    /// Whether this account sees a patient (or what concerns them) in `area`.
    pub fn sees(&self, area: Option<&str>) -> bool {
        sees_area(self.areas.as_deref(), area)
    }
}

impl FromRow<'_, AnyRow> for Staff {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        let areas: Option<String> = row.try_get("areas")?;
        Ok(Staff {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            role: row.code("role")?,
            login: row.try_get("login")?,
            areas: areas.map(|a| a.split(',').map(str::to_string).collect()),
        })
    }
}

const COLUMNS: &str = "s.id, s.name, s.role, s.login, s.areas";

/// A random secret as hex (API tokens, session cookies, CSRF tokens).
pub fn secret(prefix: &str) -> String {
    let bytes: [u8; 32] = rand::thread_rng().r#gen();
    format!(
        "{prefix}{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

/// Whether `token` has the shape of an API token [`secret`] makes: `mmr_` and 64 hex digits.
pub fn token_well_formed(token: &str) -> bool {
    token
        .strip_prefix("mmr_")
        .is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub struct NewStaff<'a> {
    pub name: &'a str,
    pub role: Role,
    pub login: Option<&'a str>,
    /// An argon2id hash ([`crate::domain::password::hash`]).
    pub password_hash: Option<&'a str>,
    pub areas: Option<&'a [String]>,
}

/// Creates a staff member with a first API token valid until `expires` (shown once; only its
/// hash is kept). `None` when the login is taken.
pub async fn add(
    conn: &mut Conn,
    s: &NewStaff<'_>,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<(i64, String)>> {
    if let Some(login) = s.login
        && by_login(conn, login).await?.is_some()
    {
        return Ok(None);
    }
    let token = secret("mmr_");
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO staff (name, role, token_hash, created_at, login, password_hash, areas)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(s.name)
    .bind(s.role.code())
    .bind(hash(&token))
    .bind(ms(now))
    .bind(s.login)
    .bind(s.password_hash)
    .bind(s.areas.map(|a| a.join(",")))
    .fetch_one(&mut *conn)
    .await?;
    insert_token(conn, id, &token, expires, now).await?;
    Ok(Some((id, token)))
}

async fn insert_token(
    conn: &mut Conn,
    staff_id: i64,
    token: &str,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO api_tokens (staff_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(staff_id)
    .bind(hash(token))
    .bind(ms(now))
    .bind(ms(expires))
    .fetch_one(&mut *conn)
    .await
}

/// A new API token for a staff member: (token id, token).
pub async fn issue_token(
    conn: &mut Conn,
    staff_id: i64,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<(i64, String)> {
    let token = secret("mmr_");
    let id = insert_token(conn, staff_id, &token, expires, now).await?;
    Ok((id, token))
}

/// The staff member a token belongs to, if the token is neither expired nor revoked and the
/// account is not disabled (hash lookup: equal hashes, no timing on the token).
pub async fn by_token(conn: &mut Conn, token: &str, now: DateTime<Utc>) -> sqlx::Result<Option<Staff>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM api_tokens t JOIN staff s ON s.id = t.staff_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND s.revoked_at IS NULL"
    ))
    .bind(hash(token))
    .bind(ms(now))
    .fetch_optional(&mut *conn)
    .await
}

/// One API token as listed (never the token itself).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub staff_id: i64,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
}

pub async fn tokens_of(conn: &mut Conn, staff_id: i64) -> sqlx::Result<Vec<TokenRow>> {
    sqlx::query_as(
        "SELECT id, staff_id, created_at, expires_at, revoked_at FROM api_tokens WHERE staff_id = $1 ORDER BY id",
    )
    .bind(staff_id)
    .fetch_all(&mut *conn)
    .await
}

/// Revokes one token (or, `token_id` None, every token of the staff member); how many.
pub async fn revoke_tokens(
    conn: &mut Conn,
    staff_id: i64,
    token_id: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1
         WHERE staff_id = $2 AND ($3 IS NULL OR id = $3) AND revoked_at IS NULL",
    )
    .bind(ms(now))
    .bind(staff_id)
    .bind(token_id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// What signing in needs to know of an account.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub staff: Staff,
    pub password_hash: Option<String>,
    pub failed_logins: i64,
    pub locked_until: Option<DateTime<Utc>>,
    pub disabled: bool,
}

pub async fn by_login(conn: &mut Conn, login: &str) -> sqlx::Result<Option<Credentials>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS}, s.password_hash, s.failed_logins, s.locked_until, s.revoked_at FROM staff s
         WHERE s.login = $1"
    ))
    .bind(login)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok(Credentials {
            staff: Staff::from_row(&row)?,
            password_hash: row.try_get("password_hash")?,
            failed_logins: row.try_get("failed_logins")?,
            locked_until: row.at_opt("locked_until")?,
            disabled: row.at_opt("revoked_at")?.is_some(),
        })
    })
    .transpose()
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Staff>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM staff s WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// One account as `staff list` shows it.
#[derive(Debug, Clone)]
pub struct Account {
    pub staff: Staff,
    pub disabled: bool,
    pub locked_until: Option<DateTime<Utc>>,
}

pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<Account>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, s.locked_until, s.revoked_at FROM staff s ORDER BY s.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Account {
                staff: Staff::from_row(row)?,
                disabled: row.at_opt("revoked_at")?.is_some(),
                locked_until: row.at_opt("locked_until")?,
            })
        })
        .collect()
}

/// A wrong password: counted, and the account locked until `lock_until` once there were too
/// many in a row.
pub async fn sign_in_failed(conn: &mut Conn, id: i64, lock_until: Option<DateTime<Utc>>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE staff SET failed_logins = CASE WHEN $1 IS NULL THEN failed_logins + 1 ELSE 0 END,
                          locked_until = COALESCE($1, locked_until)
         WHERE id = $2",
    )
    .bind(lock_until.map(ms))
    .bind(id)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

pub async fn sign_in_succeeded(conn: &mut Conn, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn set_password(conn: &mut Conn, id: i64, password_hash: &str) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("UPDATE staff SET password_hash = $1, failed_logins = 0, locked_until = NULL WHERE id = $2")
            .bind(password_hash)
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

/// Disables an account: its tokens and sessions stop working at once.
pub async fn disable(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let n = sqlx::query("UPDATE staff SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    revoke_tokens(conn, id, None, now).await?;
    sqlx::query("UPDATE staff_sessions SET ended_at = $1 WHERE staff_id = $2 AND ended_at IS NULL")
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(n)
}

/// A console session: the cookie's token (shown once) and the CSRF token its forms carry.
pub struct NewSession {
    pub token: String,
    pub csrf: String,
}

pub async fn start_session(conn: &mut Conn, staff_id: i64, now: DateTime<Utc>) -> sqlx::Result<NewSession> {
    let token = secret("");
    let csrf = secret("");
    sqlx::query(
        "INSERT INTO staff_sessions (staff_id, token_hash, csrf, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(staff_id)
    .bind(hash(&token))
    .bind(&csrf)
    .bind(ms(now))
    .execute(&mut *conn)
    .await?;
    Ok(NewSession { token, csrf })
}

/// A signed-in browser, with the CSRF token its forms must carry.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: i64,
    pub staff: Staff,
    pub csrf: String,
}

/// The session a cookie names, if it has not ended, was used within `idle`, and its account is
/// not disabled; its use is recorded.
pub async fn session(
    conn: &mut Conn,
    token: &str,
    idle: Duration,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Session>> {
    let row = sqlx::query(
        "UPDATE staff_sessions SET last_seen_at = $1
         WHERE token_hash = $2 AND ended_at IS NULL AND last_seen_at > $3
         RETURNING id, staff_id, csrf",
    )
    .bind(ms(now))
    .bind(hash(token))
    .bind(ms(now - idle))
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let staff_id: i64 = row.try_get("staff_id")?;
    let staff: Option<Staff> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM staff s WHERE s.id = $1 AND s.revoked_at IS NULL"
    ))
    .bind(staff_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match staff {
        Some(staff) => Some(Session {
            id: row.try_get("id")?,
            staff,
            csrf: row.try_get("csrf")?,
        }),
        None => None,
    })
}

pub async fn end_session(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE staff_sessions SET ended_at = $1 WHERE id = $2")
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
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
    let entry = Entry {
        staff_id,
        action,
        subject,
        reason,
        ..Entry::default()
    };
    super::audit::record(conn, &entry, now).await
}

/// Puts an account on the staff roster: on duty in `shifts` (day, night, holiday), paged in
/// escalation `order` (1 first); no shifts takes it off.
pub async fn set_duty(conn: &mut Conn, id: i64, shifts: &[String], order: i64) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("UPDATE staff SET duty_shifts = $1, duty_order = $2 WHERE id = $3")
            .bind((!shifts.is_empty()).then(|| shifts.join(",")))
            .bind(order)
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

/// Someone on duty who can be paged: their escalation order and their chat.
#[derive(Debug, Clone)]
pub struct OnDuty {
    pub staff: Staff,
    pub order: i64,
    pub chat_id: i64,
    pub language_hint: Option<String>,
}

/// The enabled accounts on duty in `shift` whose chat can be written to, in escalation order.
pub async fn on_duty(conn: &mut Conn, shift: &str) -> sqlx::Result<Vec<OnDuty>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, s.duty_shifts, s.duty_order, c.id AS chat_id, c.language_hint
         FROM staff s JOIN chats c ON c.staff_id = s.id AND c.status = 'active'
         WHERE s.revoked_at IS NULL AND s.duty_shifts IS NOT NULL
         ORDER BY s.duty_order, s.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for row in &rows {
        let shifts: String = row.try_get("duty_shifts")?;
        if shifts.split(',').any(|s| s == shift) {
            out.push(OnDuty {
                staff: Staff::from_row(row)?,
                order: row.try_get("duty_order")?,
                chat_id: row.try_get("chat_id")?,
                language_hint: row.try_get("language_hint")?,
            });
        }
    }
    Ok(out)
}
