//! Lent oxygen equipment, unit by unit, with every change recorded; and the doctors' orders that
//! hold it. A unit moves only along an edge of [`crate::domain::equipment::UnitState`], and
//! only from the state it was read in, so two writers never both move it.

use chrono::{DateTime, Utc};

pub use super::MoveError;
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};
use crate::domain::equipment::{Refused, UnitKind, UnitState, unit_move};

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: i64,
    pub kind: UnitKind,
    pub serial: String,
    pub state: UnitState,
    pub patient_id: Option<i64>,
    pub order_id: Option<i64>,
    pub updated_at: DateTime<Utc>,
}

impl FromRow<'_, AnyRow> for Unit {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Unit {
            id: row.try_get("id")?,
            kind: row.code("kind")?,
            serial: row.try_get("serial")?,
            state: row.code("state")?,
            patient_id: row.try_get("patient_id")?,
            order_id: row.try_get("order_id")?,
            updated_at: row.at("updated_at")?,
        })
    }
}

const UNIT: &str = "SELECT id, kind, serial, state, patient_id, order_id, updated_at FROM equipment_units";

#[derive(Debug, Clone)]
pub struct Event {
    pub from_state: Option<UnitState>,
    pub to_state: UnitState,
    pub actor: String,
    pub reason: String,
    pub patient_id: Option<i64>,
    pub at: DateTime<Utc>,
}

impl FromRow<'_, AnyRow> for Event {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Event {
            from_state: row.code_opt("from_state")?,
            to_state: row.code("to_state")?,
            actor: row.try_get("actor")?,
            reason: row.try_get("reason")?,
            patient_id: row.try_get("patient_id")?,
            at: row.at("at")?,
        })
    }
}

/// Adds a unit in stock; `None` when the serial is already registered.
pub async fn add(
    conn: &mut Conn,
    kind: UnitKind,
    serial: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    if by_serial(conn, serial).await?.is_some() {
        return Ok(None);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO equipment_units (kind, serial, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id",
    )
    .bind(kind.code())
    .bind(serial)
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?;
    event(conn, id, None, UnitState::Available, actor, "added to stock", None, now).await?;
    Ok(Some(id))
}

#[allow(clippy::too_many_arguments)]
async fn event(
    conn: &mut Conn,
    unit_id: i64,
    from: Option<UnitState>,
    to: UnitState,
    actor: &str,
    reason: &str,
    patient_id: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO equipment_events (unit_id, from_state, to_state, actor, reason, patient_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(unit_id)
    .bind(from.map(UnitState::code))
    .bind(to.code())
    .bind(actor)
    .bind(reason)
    .bind(patient_id)
    .bind(ms(now))
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

pub async fn by_serial(conn: &mut Conn, serial: &str) -> sqlx::Result<Option<Unit>> {
    sqlx::query_as(&format!("{UNIT} WHERE serial = $1"))
        .bind(serial)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Unit>> {
    sqlx::query_as(&format!("{UNIT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Units, optionally of one state and kind, by kind and serial.
pub async fn list(conn: &mut Conn, state: Option<&str>, kind: Option<&str>) -> sqlx::Result<Vec<Unit>> {
    sqlx::query_as(&format!(
        "{UNIT} WHERE ($1 IS NULL OR state = $1) AND ($2 IS NULL OR kind = $2) ORDER BY kind, serial"
    ))
    .bind(state)
    .bind(kind)
    .fetch_all(&mut *conn)
    .await
}

pub async fn for_order(conn: &mut Conn, order_id: i64) -> sqlx::Result<Vec<Unit>> {
    sqlx::query_as(&format!("{UNIT} WHERE order_id = $1 ORDER BY kind, id"))
        .bind(order_id)
        .fetch_all(&mut *conn)
        .await
}

/// How many units of a kind are in stock.
pub async fn available(conn: &mut Conn, kind: UnitKind) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM equipment_units WHERE kind = $1 AND state = 'available'")
        .bind(kind.code())
        .fetch_one(&mut *conn)
        .await
}

/// Whether an oxygen bed is free, as 1 or 0 (which both engines return alike).
const BED_FREE: &str =
    "CASE WHEN EXISTS (SELECT 1 FROM beds WHERE kind = 'oxygen' AND state = 'free') THEN 1 ELSE 0 END";
/// Whether a kit is in stock (a cylinder, which can go with its standard regulator, or a
/// concentrator), as 1 or 0.
// (EXISTS, not COUNT: a ward's stock runs to hundreds of units and only "any" matters here)
const KIT_IN_STOCK: &str = "CASE WHEN EXISTS (SELECT 1 FROM equipment_units
                                  WHERE kind IN ('cylinder', 'concentrator') AND state = 'available')
          THEN 1 ELSE 0 END";

/// What oxygen routing needs to know, in one round trip: is an oxygen bed free, and is a kit in
/// stock.
pub async fn oxygen_capacity(conn: &mut Conn) -> sqlx::Result<(bool, bool)> {
    let (bed, kit): (i64, i64) = sqlx::query_as(&format!("SELECT {BED_FREE}, {KIT_IN_STOCK}"))
        .fetch_one(&mut *conn)
        .await?;
    Ok((bed > 0, kit > 0))
}

/// The oxygen capacity as one number, 0–3: bed free × 2 + kit in stock (see [`capacity_of`]).
pub(super) fn capacity_sql() -> String {
    format!("{BED_FREE} * 2 + {KIT_IN_STOCK}")
}

/// (bed free, kit in stock) from [`capacity_sql`]'s number.
pub(super) fn capacity_of(code: i64) -> (bool, bool) {
    (code >= 2, code % 2 == 1)
}

/// The route for the capacity the database sees, of the four bound from parameter `$first` on
/// (the route for every capacity there can be, in `[bed free][kit in stock]` order). Within one
/// statement both engines see one snapshot: the route stored is the one for the capacity
/// [`capacity_sql`] returns.
pub(super) fn route_sql(first: usize) -> String {
    let p = |n: usize| format!("CAST(${} AS TEXT)", first + n);
    format!(
        "CASE {} WHEN 0 THEN {} WHEN 1 THEN {} WHEN 2 THEN {} ELSE {} END",
        capacity_sql(),
        p(0),
        p(1),
        p(2),
        p(3)
    )
}

/// Routes an oxygen request by what is free now, in one statement (reading the capacity first
/// and then writing the route was two round trips): `routes` is the route for every capacity
/// there can be, indexed by `[bed free][kit in stock]`, and the database stores the one it sees.
/// Returns that capacity (bed free, kit in stock).
pub async fn route_by_capacity(conn: &mut Conn, request_id: i64, routes: [[&str; 2]; 2]) -> sqlx::Result<(bool, bool)> {
    let code: i64 = sqlx::query_scalar(&format!(
        "UPDATE care_requests SET route = {} WHERE id = $1 RETURNING {}",
        route_sql(2),
        capacity_sql()
    ))
    .bind(request_id)
    .bind(routes[0][0])
    .bind(routes[0][1])
    .bind(routes[1][0])
    .bind(routes[1][1])
    .fetch_one(&mut *conn)
    .await?;
    Ok(capacity_of(code))
}

pub async fn history(conn: &mut Conn, unit_id: i64) -> sqlx::Result<Vec<Event>> {
    sqlx::query_as(
        "SELECT from_state, to_state, actor, reason, patient_id, at FROM equipment_events WHERE unit_id = $1 ORDER BY id",
    )
    .bind(unit_id)
    .fetch_all(&mut *conn)
    .await
}

/// Moves a unit to `to` if the machine allows it from the state it is in, recording who and
/// why. Going back to stock clears its patient and order.
pub async fn set_state(
    conn: &mut Conn,
    unit_id: i64,
    to: UnitState,
    actor: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), MoveError> {
    let Some(unit) = get(conn, unit_id).await? else {
        return Err(MoveError::Missing);
    };
    let from = unit.state;
    unit_move(from, to).map_err(MoveError::Refused)?;
    let keep = to.with_patient();
    let moved = sqlx::query(
        "UPDATE equipment_units SET state = $1, updated_at = $2,
                patient_id = CASE WHEN $3 THEN patient_id ELSE NULL END,
                order_id = CASE WHEN $3 THEN order_id ELSE NULL END
         WHERE id = $4 AND state = $5",
    )
    .bind(to.code())
    .bind(ms(now))
    .bind(keep)
    .bind(unit_id)
    .bind(from.code())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if moved == 0 {
        // someone moved it between our read and our write
        return Err(MoveError::Refused(Refused {
            what: "unit",
            from: "changing",
            to: to.code(),
        }));
    }
    event(conn, unit_id, Some(from), to, actor, reason, unit.patient_id, now).await?;
    Ok(())
}

/// Moves every unit of an order that is in `from` to `to`.
pub async fn move_order_units(
    conn: &mut Conn,
    order_id: i64,
    from: UnitState,
    to: UnitState,
    actor: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let mut n = 0;
    for unit in for_order(conn, order_id).await? {
        if unit.state == from {
            match set_state(conn, unit.id, to, actor, reason, now).await {
                Ok(()) => n += 1,
                Err(MoveError::Db(e)) => return Err(e.into()),
                Err(MoveError::Missing | MoveError::Refused(_)) => {}
            }
        }
    }
    Ok(n)
}

/// Reserves one unit of `kind` in stock for an order. The row decides: of two orders for the
/// last unit at the same moment exactly one gets it (the other's update finds it reserved and
/// looks again, finding none). `None`: none in stock.
pub async fn reserve(
    conn: &mut Conn,
    kind: UnitKind,
    patient_id: i64,
    order_id: i64,
    actor: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Unit>> {
    for _ in 0..8 {
        let got: Option<i64> = sqlx::query_scalar(
            "UPDATE equipment_units SET state = 'reserved', patient_id = $1, order_id = $2, updated_at = $3
             WHERE id = (SELECT id FROM equipment_units WHERE kind = $4 AND state = 'available' ORDER BY id LIMIT 1)
               AND state = 'available'
             RETURNING id",
        )
        .bind(patient_id)
        .bind(order_id)
        .bind(ms(now))
        .bind(kind.code())
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(id) = got {
            let reason = format!("reserved for oxygen order {order_id}");
            event(
                conn,
                id,
                Some(UnitState::Available),
                UnitState::Reserved,
                actor,
                &reason,
                Some(patient_id),
                now,
            )
            .await?;
            return get(conn, id).await;
        }
        if available(conn, kind).await? == 0 {
            return Ok(None);
        }
    }
    Ok(None)
}
