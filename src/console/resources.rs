//! Resources: oxygen stock by kind and state, the units out and with whom, the station's beds,
//! the open delivery, collection and transport jobs, and who covers which area in which shift
//! (the current shift marked). And, for admins, the audit log.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::page::{Frame, html, unavailable};
use super::session::Signed;
use crate::domain::equipment::{UnitKind, UnitState};
use crate::domain::station::{BedKind, BedState};
use crate::runtime::state::AppState;
use crate::store::staff::{self, AuditLine};
use crate::store::{equipment, patients, providers, rosters, station, views};

pub struct StockRow {
    pub kind: String,
    pub counts: Vec<i64>,
}

pub struct UnitOut {
    pub serial: String,
    pub kind: String,
    pub state: String,
    pub patient_id: Option<i64>,
    pub patient: String,
}

pub struct BedRow {
    pub station: String,
    pub kind: String,
    pub free: i64,
    pub held: i64,
    pub occupied: i64,
}

pub struct JobRow {
    pub kind: String,
    pub patient_id: i64,
    pub patient: String,
    pub due: String,
    pub overdue: bool,
    pub provider: String,
}

pub struct RosterRow {
    pub area: String,
    pub shift: String,
    pub now: bool,
    pub provider: String,
    pub weekdays: String,
}

#[derive(Template)]
#[template(path = "console/resources.html")]
struct ResourcesPage<'a> {
    frame: Frame<'a>,
    states: Vec<String>,
    stock: Vec<StockRow>,
    out: Vec<UnitOut>,
    beds: Vec<BedRow>,
    jobs: Vec<JobRow>,
    roster: Vec<RosterRow>,
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Response {
    let frame = Frame::new(&state, &s.session, s.lang, "resources");
    let tr = frame.tr;
    let now = state.clock.now();
    let read = async {
        let mut conn = state.db.pool.acquire().await?;
        let units = equipment::list(&mut conn, None, None).await?;
        let stations = station::list(&mut conn).await?;
        let occupancy = station::occupancy(&mut conn).await?;
        let open = views::open_requests(&mut conn, None).await?;
        let roster = rosters::all(&mut conn).await?;
        let people = providers::list(&mut conn).await?;
        let mut holders = Vec::new();
        for id in units.iter().filter_map(|u| u.patient_id) {
            if !holders.iter().any(|(h, _): &(i64, String)| *h == id)
                && let Some(p) = patients::get(&mut conn, id).await?
            {
                holders.push((id, p.name));
            }
        }
        anyhow::Ok((units, stations, occupancy, open, roster, people, holders))
    };
    let (units, stations, occupancy, open, roster, people, holders) = match read.await {
        Ok(x) => x,
        Err(e) => return unavailable(tr, &e, "the resources page"),
    };
    let stock = UnitKind::ALL
        .iter()
        .map(|k| StockRow {
            kind: tr.tk("console-unit-", k.code()),
            counts: UnitState::ALL
                .iter()
                .map(|st| units.iter().filter(|u| u.kind == *k && u.state == *st).count() as i64)
                .collect(),
        })
        .collect();
    let out = units
        .iter()
        .filter(|u| u.patient_id.is_some() || !matches!(u.state, UnitState::Available | UnitState::OutOfService))
        .map(|u| UnitOut {
            serial: u.serial.clone(),
            kind: tr.tk("console-unit-", u.kind.code()),
            state: tr.tk("console-unit-", u.state.code()),
            patient_id: u.patient_id,
            patient: u
                .patient_id
                .and_then(|id| holders.iter().find(|(h, _)| *h == id).map(|(_, n)| n.clone()))
                .unwrap_or_default(),
        })
        .collect();
    let count = |sid: i64, kind: BedKind, st: BedState| {
        occupancy
            .iter()
            .find(|o| o.station_id == sid && o.kind == kind && o.state == st)
            .map_or(0, |o| o.beds)
    };
    let beds = stations
        .iter()
        .flat_map(|st| BedKind::ALL.iter().map(move |k| (st, *k)))
        .map(|(st, k)| BedRow {
            station: st.name.clone(),
            kind: tr.tk("console-bed-", k.code()),
            free: count(st.id, k, BedState::Free),
            held: count(st.id, k, BedState::Held),
            occupied: count(st.id, k, BedState::Occupied),
        })
        .filter(|b| b.free + b.held + b.occupied > 0)
        .collect();
    let who = &s.session.staff;
    let jobs = open
        .into_iter()
        .filter(|r| r.kind.is_job() && who.sees(r.area.as_deref()))
        .map(|r| JobRow {
            kind: tr.t1("request-kind", "kind", r.kind.code()),
            patient_id: r.patient_id,
            patient: r.patient_name.clone(),
            due: tr.when(&r.target_at, &frame.tz),
            overdue: r.target_at < now,
            provider: r.provider_name.clone().unwrap_or_default(),
        })
        .collect();
    let local = now.with_timezone(&state.config.timezone).naive_local();
    let current = state.config.service_hours.shift(local);
    let roster = roster
        .into_iter()
        .map(|(provider, area, shift, weekdays)| RosterRow {
            now: shift == current.code(),
            shift: tr.tk("console-shift-", &shift),
            provider: people
                .iter()
                .find(|p| p.id == provider)
                .map(|p| format!("{} ({})", p.name, p.role))
                .unwrap_or_default(),
            area,
            weekdays,
        })
        .collect();
    let states = UnitState::ALL
        .iter()
        .map(|st| tr.tk("console-unit-", st.code()))
        .collect();
    html(&ResourcesPage {
        frame,
        states,
        stock,
        out,
        beds,
        jobs,
        roster,
    })
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage<'a> {
    frame: Frame<'a>,
    action: String,
    lines: Vec<AuditLine>,
}

#[derive(Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
}

pub async fn audit(State(state): State<AppState>, s: Signed, Query(q): Query<AuditQuery>) -> Response {
    let frame = Frame::new(&state, &s.session, s.lang, "audit");
    let action = q.action.trim().to_string();
    let read = async {
        let mut tx = state.db.begin().await?;
        let lines = staff::audit_log(&mut tx, Some(action.as_str()).filter(|a| !a.is_empty()), 300).await?;
        staff::audit(&mut tx, Some(s.session.staff.id), "audit.read", None, state.clock.now()).await?;
        tx.commit().await?;
        anyhow::Ok(lines)
    };
    match read.await {
        Ok(lines) => html(&AuditPage { frame, action, lines }),
        Err(e) => unavailable(frame.tr, &e, "the audit page"),
    }
}
