//! Where a new oxygen request goes, by what is free now: a station bed for a patient who
//! qualifies, else equipment at home on a doctor's order, else hospital admission with staff
//! alerted at once; hospital coordination runs beside every route.

use crate::care::context::Ctx;
use crate::channels::OutMessage;
use crate::domain::oxygen_route::{Candidate, OxygenRoute, route_oxygen};
use crate::domain::station::BedKind;
use crate::domain::triage::{Level, Reason, RequestKind, RequestStatus};
use crate::i18n::Lang;
use crate::store::equipment;
use crate::store::offers::Request;
use crate::store::patients::Patient;
use crate::store::station::{self, NewAdmission};
use crate::store::{Conn, care, chats, offers, views};
use chrono::Duration;

/// Who the routing rule is asked about.
fn candidate(patient: &Patient, level: Level) -> Candidate {
    Candidate {
        independent: patient.independent,
        emergency: level >= Level::Emergency,
    }
}

/// The route of an oxygen request for every capacity there can be, indexed by `[bed free][kit
/// in stock]`: the database stores the one for the capacity it sees.
pub fn routes(patient: &Patient, level: Level) -> [[&'static str; 2]; 2] {
    let candidate = candidate(patient, level);
    [false, true].map(|bed| [false, true].map(|kit| route_oxygen(&candidate, bed, kit).code()))
}

/// Routes a newly opened oxygen request by what is free now (unless it was routed as it was
/// opened); returns what the patient is told.
pub async fn route(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    patient: &Patient,
    level: Level,
    lang: Lang,
    coordinate: bool,
) -> anyhow::Result<Vec<OutMessage>> {
    let request_id = request.id;
    let candidate = candidate(patient, level);
    let (mut bed_free, kit) = match request.routed_by {
        Some(capacity) => capacity,
        None => equipment::route_by_capacity(conn, request_id, routes(patient, level)).await?,
    };
    // hospital coordination runs beside every route (the Minato scheme); an assessment that
    // opens it itself says so
    if coordinate {
        hospital_coordination(conn, ctx, patient.id, Some(request_id)).await?;
    }
    loop {
        let route = route_oxygen(&candidate, bed_free, kit);
        match route {
            OxygenRoute::Station => {
                let new = NewAdmission {
                    patient_id: patient.id,
                    station_id: None,
                    kind: BedKind::Oxygen,
                    source: "triage",
                    care_request_id: Some(request_id),
                    note: None,
                };
                let Some(admission) = station::request(conn, &new, ctx.now).await? else {
                    bed_free = false; // the last bed went a moment ago: routed again
                    care::set_route(conn, request_id, route_oxygen(&candidate, bed_free, kit).code()).await?;
                    continue;
                };
                views::move_request(conn, request_id, RequestStatus::InProgress, None, None, ctx.now).await?;
                chats::alert_staff(
                    conn,
                    "station_admission",
                    Some(patient.id),
                    None,
                    &format!(
                        "station admission {} requested (bed held): the hotline must accept or decline it",
                        admission.id
                    ),
                    ctx.now,
                )
                .await?;
                let name = station::get(conn, admission.station_id)
                    .await?
                    .map(|s| s.name)
                    .unwrap_or_default();
                return Ok(vec![OutMessage::text(ctx.t(
                    lang,
                    msg!("oxygen-route-station"),
                    &[("station", name.into())],
                ))]);
            }
            OxygenRoute::Home => {
                return Ok(vec![OutMessage::text(ctx.t(lang, msg!("oxygen-route-home"), &[]))]);
            }
            OxygenRoute::Hospital => {
                chats::alert_staff(
                    conn,
                    "no_oxygen_capacity",
                    Some(patient.id),
                    None,
                    "oxygen needed but no station bed the patient qualifies for and no equipment in stock: arrange hospital admission now",
                    ctx.now,
                )
                .await?;
                let mut args = ctx.phone_args(lang);
                args.push(("minutes", 0.into()));
                return Ok(vec![OutMessage::text(ctx.t(
                    lang,
                    msg!("oxygen-route-hospital"),
                    &args,
                ))]);
            }
        }
    }
}

/// Opens (or raises) the patient's hospital-admission coordination, linked to `parent`.
pub(crate) async fn hospital_coordination(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient_id: i64,
    parent: Option<i64>,
) -> anyhow::Result<()> {
    let reasons = [Reason::new(Level::Urgent, msg!("reason-oxygen-needed"), &[])];
    let new = care::NewRequest {
        patient_id,
        assessment_id: None,
        kind: RequestKind::HospitalCoordination,
        level: Level::Urgent,
        target_at: ctx.now + Duration::minutes(60),
        reasons: &reasons,
        oxygen_routes: None,
    };
    if let (care::Opened::New(request), Some(parent)) = (care::open(conn, &new, ctx.now).await?, parent) {
        offers::set_parent(conn, request.id, parent).await?;
    }
    Ok(())
}
