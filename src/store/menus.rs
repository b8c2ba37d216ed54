//! The LINE rich menus `mimamori line setup` made, by audience and language.

use chrono::{DateTime, Utc};

use super::{Conn, ms};

/// Records the menu of `audience` in `language`, in place of an earlier one.
pub async fn put(
    conn: &mut Conn,
    audience: &str,
    language: &str,
    menu_id: &str,
    name: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM rich_menus WHERE audience = $1 AND language = $2")
        .bind(audience)
        .bind(language)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO rich_menus (audience, language, menu_id, name, updated_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(audience)
        .bind(language)
        .bind(menu_id)
        .bind(name)
        .bind(ms(now))
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The rich menu of `audience` in `language`, if setup made one.
pub async fn get(conn: &mut Conn, audience: &str, language: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT menu_id FROM rich_menus WHERE audience = $1 AND language = $2")
        .bind(audience)
        .bind(language)
        .fetch_optional(&mut *conn)
        .await
}
