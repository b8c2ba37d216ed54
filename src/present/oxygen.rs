//! Oxygen equipment, orders, stations, admissions and jobs as staff see them.

use serde_json::{Value, json};

use crate::domain::equipment::{FlowRate, UnitKind, UnitState};
use crate::domain::station::{BedKind, BedState};
use crate::domain::triage::RequestKind;
use crate::store::equipment::{self, Event, Unit};
use crate::store::orders::Order;
use crate::store::station::{Admission, Occupancy, Station};
use crate::store::{Conn, views};

pub fn unit_json(u: &Unit) -> Value {
    json!({
        "id": u.id, "kind": u.kind.code(), "serial": u.serial, "state": u.state.code(),
        "patient_id": u.patient_id, "order_id": u.order_id,
        "updated_at": u.updated_at.to_rfc3339(),
    })
}

pub fn admission_json(a: &Admission) -> Value {
    json!({
        "id": a.id, "patient_id": a.patient_id, "station_id": a.station_id, "bed_id": a.bed_id,
        "bed_kind": a.bed_kind.code(), "source": a.source, "status": a.status.code(),
        "care_request_id": a.care_request_id, "note": a.note,
        "created_at": a.created_at.to_rfc3339(), "updated_at": a.updated_at.to_rfc3339(),
    })
}

pub async fn order_json(conn: &mut Conn, o: &Order) -> sqlx::Result<Value> {
    let units = equipment::for_order(conn, o.id).await?;
    Ok(json!({
        "id": o.id, "patient_id": o.patient_id, "care_request_id": o.care_request_id,
        "kit": o.kit.code(),
        "regulator": o.synchronising.map(|s| if s { "synchronising" } else { "standard" }),
        "flow_rate": FlowRate::from_tenths(o.flow_tenths).map(FlowRate::display),
        "status": o.status.code(),
        "ordered_by": {"provider_id": o.ordered_by_provider, "staff_id": o.ordered_by_staff},
        "delivery_request_id": o.delivery_request_id, "collection_request_id": o.collection_request_id,
        "start_visit_request_id": o.start_visit_request_id, "swap_request_id": o.swap_request_id,
        "end_reason": o.end_reason,
        "units": units.iter().map(unit_json).collect::<Vec<_>>(),
        "created_at": o.created_at.to_rfc3339(),
        "delivered_at": o.delivered_at.map(|t| t.to_rfc3339()),
        "started_at": o.started_at.map(|t| t.to_rfc3339()),
        "ended_at": o.ended_at.map(|t| t.to_rfc3339()),
    }))
}

/// Units and the count of each kind in each state.
pub fn inventory_json(units: &[Unit]) -> Value {
    let mut counts = serde_json::Map::new();
    for kind in UnitKind::ALL {
        let mut by_state = serde_json::Map::new();
        for s in UnitState::ALL {
            let n = units.iter().filter(|u| u.kind == kind && u.state == s).count();
            by_state.insert(s.code().into(), json!(n));
        }
        counts.insert(kind.code().into(), Value::Object(by_state));
    }
    json!({ "by_state": counts, "units": units.iter().map(unit_json).collect::<Vec<_>>() })
}

pub fn history_json(u: &Unit, events: &[Event]) -> Value {
    let mut out = unit_json(u);
    out["history"] = events
        .iter()
        .map(|e| {
            json!({
                "from": e.from_state.map(UnitState::code), "to": e.to_state.code(), "by": e.actor, "reason": e.reason,
                "patient_id": e.patient_id, "at": e.at.to_rfc3339(),
            })
        })
        .collect();
    out
}

pub fn stations_json(stations: &[Station], occupancy: &[Occupancy]) -> Value {
    stations
        .iter()
        .map(|s| {
            let mut beds = serde_json::Map::new();
            for kind in BedKind::ALL {
                let mut by_state = serde_json::Map::new();
                let mut total = 0;
                for state in BedState::ALL {
                    let n = occupancy
                        .iter()
                        .find(|o| o.station_id == s.id && o.kind == kind && o.state == state)
                        .map_or(0, |o| o.beds);
                    total += n;
                    by_state.insert(state.code().into(), json!(n));
                }
                if total > 0 {
                    by_state.insert("total".into(), json!(total));
                    beds.insert(kind.code().into(), Value::Object(by_state));
                }
            }
            json!({ "id": s.id, "name": s.name, "beds": beds })
        })
        .collect()
}

/// Open delivery, collection and transport jobs with their deadlines, soonest first.
pub async fn jobs_json(conn: &mut Conn) -> sqlx::Result<Value> {
    let mut rows = Vec::new();
    for kind in RequestKind::ALL.into_iter().filter(|k| k.is_job()) {
        rows.extend(views::open_requests(conn, Some(kind.code())).await?);
    }
    rows.sort_by_key(|r| (r.target_at, r.id));
    Ok(rows
        .iter()
        .map(|r| {
            json!({
                "id": r.id, "kind": r.kind, "status": r.status,
                "deadline": r.target_at.to_rfc3339(),
                "patient": {"id": r.patient_id, "name": r.patient_name, "phone": r.patient_phone, "area": r.area},
                "contractor": r.provider_id.map(|id| json!({"id": id, "name": r.provider_name})),
                "created_at": r.created_at.to_rfc3339(),
            })
        })
        .collect())
}
