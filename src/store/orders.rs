//! Doctors' oxygen orders: the kit and flow ordered, where the order stands (ordered →
//! delivered → started → ended), the delivery and collection jobs it opened. The units an order
//! holds are `equipment`'s.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};
use crate::domain::equipment::{Kit, OrderStatus};

#[derive(Debug, Clone)]
pub struct Order {
    pub id: i64,
    pub patient_id: i64,
    pub care_request_id: Option<i64>,
    pub kit: Kit,
    /// A cylinder's regulator went out breath-synchronising (`Some(true)`) or standard.
    pub synchronising: Option<bool>,
    pub flow_tenths: i64,
    pub status: OrderStatus,
    pub ordered_by_provider: Option<i64>,
    pub ordered_by_staff: Option<i64>,
    pub delivery_request_id: Option<i64>,
    pub collection_request_id: Option<i64>,
    pub start_visit_request_id: Option<i64>,
    pub swap_request_id: Option<i64>,
    pub end_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl FromRow<'_, AnyRow> for Order {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Order {
            id: row.try_get("id")?,
            patient_id: row.try_get("patient_id")?,
            care_request_id: row.try_get("care_request_id")?,
            kit: row.code("kit")?,
            synchronising: row
                .try_get::<Option<String>, _>("regulator")?
                .map(|r| r == "synchronising"),
            flow_tenths: row.try_get("flow_tenths")?,
            status: row.code("status")?,
            ordered_by_provider: row.try_get("ordered_by_provider")?,
            ordered_by_staff: row.try_get("ordered_by_staff")?,
            delivery_request_id: row.try_get("delivery_request_id")?,
            collection_request_id: row.try_get("collection_request_id")?,
            start_visit_request_id: row.try_get("start_visit_request_id")?,
            swap_request_id: row.try_get("swap_request_id")?,
            end_reason: row.try_get("end_reason")?,
            created_at: row.at("created_at")?,
            delivered_at: row.at_opt("delivered_at")?,
            started_at: row.at_opt("started_at")?,
            ended_at: row.at_opt("ended_at")?,
        })
    }
}

const ORDER: &str =
    "SELECT id, patient_id, care_request_id, kit, regulator, flow_tenths, status, ordered_by_provider, ordered_by_staff,
        delivery_request_id, collection_request_id, start_visit_request_id, swap_request_id, end_reason, created_at,
        delivered_at, started_at, ended_at
     FROM oxygen_orders";

impl Order {
    /// The kit as the messages name it (see [`Kit::words`]).
    pub fn kit_words(&self) -> &'static str {
        self.kit.words(self.synchronising.unwrap_or(false))
    }
}

pub struct NewOrder {
    pub patient_id: i64,
    pub care_request_id: Option<i64>,
    pub kit: Kit,
    pub flow_tenths: u16,
    pub provider_id: Option<i64>,
    pub staff_id: Option<i64>,
}

pub async fn create_order(conn: &mut Conn, o: &NewOrder, now: DateTime<Utc>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO oxygen_orders (patient_id, care_request_id, kit, flow_tenths, ordered_by_provider, ordered_by_staff, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(o.patient_id)
    .bind(o.care_request_id)
    .bind(o.kit.code())
    .bind(i64::from(o.flow_tenths))
    .bind(o.provider_id)
    .bind(o.staff_id)
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await
}

pub async fn order(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Order>> {
    sqlx::query_as(&format!("{ORDER} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// The order whose delivery, collection, start visit or cylinder swap this request is.
pub async fn order_of_job(conn: &mut Conn, request_id: i64) -> sqlx::Result<Option<Order>> {
    sqlx::query_as(&format!(
        "{ORDER} WHERE delivery_request_id = $1 OR collection_request_id = $1 OR start_visit_request_id = $1
                    OR swap_request_id = $1"
    ))
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await
}

/// A patient's orders whose kit is still out (ordered, delivered or started).
pub async fn active_orders(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<Order>> {
    sqlx::query_as(&format!(
        "{ORDER} WHERE patient_id = $1 AND status IN ('ordered', 'delivered', 'started') ORDER BY id"
    ))
    .bind(patient_id)
    .fetch_all(&mut *conn)
    .await
}

/// Every order of a patient, newest first.
pub async fn orders_of(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<Order>> {
    sqlx::query_as(&format!("{ORDER} WHERE patient_id = $1 ORDER BY id DESC"))
        .bind(patient_id)
        .fetch_all(&mut *conn)
        .await
}

/// Every order, newest first, optionally only those in one status.
pub async fn orders(conn: &mut Conn, status: Option<&str>) -> sqlx::Result<Vec<Order>> {
    sqlx::query_as(&format!("{ORDER} WHERE ($1 IS NULL OR status = $1) ORDER BY id DESC"))
        .bind(status)
        .fetch_all(&mut *conn)
        .await
}

/// Moves an order from one of `from` to `to`; zero rows: it was elsewhere.
pub async fn move_order(
    conn: &mut Conn,
    id: i64,
    from: &[OrderStatus],
    to: OrderStatus,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let column = match to {
        OrderStatus::Delivered => "delivered_at",
        OrderStatus::Started => "started_at",
        OrderStatus::Ordered | OrderStatus::Ended | OrderStatus::Cancelled => "ended_at",
    };
    // `from` and `column` are our own constants, never input
    let from: Vec<String> = from.iter().map(|s| format!("'{}'", s.code())).collect();
    let sql = format!(
        "UPDATE oxygen_orders SET status = $1, {column} = $2, end_reason = COALESCE($3, end_reason)
         WHERE id = $4 AND status IN ({})",
        from.join(", ")
    );
    Ok(sqlx::query(&sql)
        .bind(to.code())
        .bind(ms(now))
        .bind(reason)
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

pub async fn set_job(conn: &mut Conn, order_id: i64, column: Job, request_id: i64) -> sqlx::Result<()> {
    let sql = match column {
        Job::Delivery => "UPDATE oxygen_orders SET delivery_request_id = $1 WHERE id = $2",
        Job::Collection => "UPDATE oxygen_orders SET collection_request_id = $1 WHERE id = $2",
        Job::StartVisit => "UPDATE oxygen_orders SET start_visit_request_id = $1 WHERE id = $2",
        Job::Swap => "UPDATE oxygen_orders SET swap_request_id = $1 WHERE id = $2",
    };
    sqlx::query(sql)
        .bind(request_id)
        .bind(order_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Delivery,
    Collection,
    /// The home visit that starts oxygen.
    StartVisit,
    /// An empty cylinder exchanged for a full one.
    Swap,
}

/// Records which regulator a cylinder went out with.
pub async fn set_regulator(conn: &mut Conn, order_id: i64, synchronising: bool) -> sqlx::Result<()> {
    sqlx::query("UPDATE oxygen_orders SET regulator = $1 WHERE id = $2")
        .bind(if synchronising { "synchronising" } else { "standard" })
        .bind(order_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}
