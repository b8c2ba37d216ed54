//! Upgrading a database that holds data: what a migration does to rows written before it.

use std::borrow::Cow;
use std::path::Path;

use sqlx::AnyPool;
use sqlx::migrate::Migrator;

use crate::both_engines;
use crate::helpers::{Engine, TestDb};

/// Care requests as two racing instances could have left them before "one open request of a
/// kind per patient" became an index (migration 15).
const BEFORE_15: &str = "
INSERT INTO patients (id, name, phone, birth_date, onset_date, created_at) VALUES
  (1, 'A', '0', '1950-01-01', '2026-11-20', 0), (2, 'B', '0', '1950-01-01', '2026-11-20', 0);
INSERT INTO care_requests (patient_id, kind, urgency, status, target_at, reasons, created_at, updated_at) VALUES
  (1, 'phone_consultation', 2, 'open', 0, '[]', 0, 0),
  (1, 'phone_consultation', 3, 'assigned', 0, '[]', 1, 1),
  (1, 'phone_consultation', 3, 'done', 0, '[]', 2, 2),
  (1, 'home_visit', 3, 'open', 0, '[]', 3, 3),
  (1, 'home_visit', 3, 'open', 0, '[]', 4, 4),
  (1, 'oxygen', 3, 'open', 0, '[]', 5, 5),
  (2, 'phone_consultation', 2, 'in_progress', 0, '[]', 6, 6),
  (2, 'phone_consultation', 2, 'open', 0, '[]', 7, 7);
";

async fn duplicate_open_requests_are_closed_keeping_the_one_furthest_along(engine: Engine) {
    let db = TestDb::create(engine).await;
    let (dir, url) = match engine {
        Engine::Sqlite => ("migrations/sqlite", format!("{}?mode=rwc", db.url)),
        Engine::Postgres => ("migrations/postgres", db.url.clone()),
    };
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(&url).await.expect("connect");
    let all = Migrator::new(Path::new(dir)).await.expect("migrations");
    let mut early = Migrator::new(Path::new(dir)).await.expect("migrations");
    early.migrations = Cow::Owned(all.iter().filter(|m| m.version < 15).cloned().collect());
    early.run(&pool).await.expect("migrations 1–14");
    sqlx::raw_sql(BEFORE_15).execute(&pool).await.expect("rows before 15");
    all.run(&pool).await.expect("migration 15 over existing rows");

    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT patient_id, kind, status FROM care_requests ORDER BY id")
            .fetch_all(&pool)
            .await
            .expect("requests");
    let status: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(
        status,
        vec![
            "cancelled",   // open, while a doctor had accepted the other one
            "assigned",    // kept: furthest along
            "done",        // closed before: untouched
            "open",        // the older of two open home visits
            "cancelled",   // the younger
            "open",        // the only oxygen request
            "in_progress", // kept
            "cancelled",   // open beside one in progress
        ]
    );
    let alerts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'duplicate_request_closed'")
        .fetch_one(&pool)
        .await
        .expect("alerts");
    assert_eq!(alerts, 3, "staff are told about each request closed");
    // from now on the database itself refuses a second open request of a kind
    let second = sqlx::query(
        "INSERT INTO care_requests (patient_id, kind, urgency, target_at, reasons, created_at, updated_at)
         VALUES (1, 'oxygen', 3, 0, '[]', 9, 9)",
    )
    .execute(&pool)
    .await;
    assert!(second.is_err(), "a second open oxygen request was stored");
    pool.close().await;
}
both_engines!(duplicate_open_requests_are_closed_keeping_the_one_furthest_along);
