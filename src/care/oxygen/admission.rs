//! Admission to the oxygen/medical station and the transport legs to and from it.

use crate::care::context::Ctx;
use crate::domain::oxygen_route::OxygenRoute;
use crate::domain::station::{AdmissionStatus, BedKind};
use crate::domain::triage::{Level, Reason, RequestKind, RequestStatus};
use crate::store::equipment;
use crate::store::station::{self};
use crate::store::{Conn, care, chats, offers, views};
use chrono::Duration;

/// A transport contractor reported: the patient arrived at the station (the admission starts and
/// the station is told), or home again; or they could not be reached (staff are told).
pub(crate) async fn transport_outcome(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    admission: &station::Admission,
    leg: station::Leg,
    code: &str,
) -> anyhow::Result<()> {
    match (leg, code) {
        (station::Leg::Pickup, "arrived") => {
            if let Ok(a) = station::move_admission(conn, admission.id, AdmissionStatus::Admitted, None, ctx.now).await {
                admission_moved(conn, ctx, &a, AdmissionStatus::Admitted).await?;
            }
            chats::alert_staff(
                conn,
                "station_arrival",
                Some(admission.patient_id),
                None,
                &format!("admission {}: the patient arrived at the station", admission.id),
                ctx.now,
            )
            .await?;
        }
        (_, "no_contact") => {
            chats::alert_staff(
                conn,
                "transport_failed",
                Some(admission.patient_id),
                None,
                &format!(
                    "admission {}: the transport contractor could not reach the patient ({})",
                    admission.id,
                    leg.code()
                ),
                ctx.now,
            )
            .await?;
        }
        _ => {}
    }
    Ok(())
}

/// Opens a transport job (pick-up or return) for an admission and starts its chain.
async fn transport(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    admission: &station::Admission,
    leg: station::Leg,
) -> anyhow::Result<()> {
    let reasons = [Reason::new(
        Level::Moderate,
        msg!("reason-transport"),
        &[("leg", leg.code().to_string())],
    )];
    let new = care::NewRequest {
        patient_id: admission.patient_id,
        assessment_id: None,
        kind: RequestKind::Transport,
        level: Level::Moderate,
        target_at: ctx.now + Duration::minutes(120),
        reasons: &reasons,
        oxygen_routes: None,
    };
    if let care::Opened::New(request) = care::open(conn, &new, ctx.now).await? {
        station::set_transport(conn, admission.id, leg, request.id).await?;
        if let Some(parent) = admission.care_request_id {
            offers::set_parent(conn, request.id, parent).await?;
        }
        crate::care::offering::start(conn, ctx, &request, None).await?;
    }
    Ok(())
}

/// An admission moved (hotline decision, arrival, discharge, transfer): the patient is told,
/// and oxygen lent at home ends once they are in a bed. A declined request is routed onwards.
pub async fn admission_moved(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    admission: &station::Admission,
    to: AdmissionStatus,
) -> anyhow::Result<()> {
    let key = match to {
        AdmissionStatus::Accepted => Some(msg!("station-accepted")),
        AdmissionStatus::Declined => Some(msg!("station-declined")),
        AdmissionStatus::Admitted => {
            super::end::end_for_patient(conn, ctx, admission.patient_id, "admitted to the station").await?;
            None
        }
        AdmissionStatus::Discharged => Some(msg!("station-discharged")),
        AdmissionStatus::Transferred => Some(msg!("station-transferred")),
        AdmissionStatus::Treated | AdmissionStatus::Requested | AdmissionStatus::Cancelled => None,
    };
    let name = station::get(conn, admission.station_id)
        .await?
        .map(|s| s.name)
        .unwrap_or_default();
    if let Some(key) = key {
        crate::care::context::notify_patient(conn, ctx, admission.patient_id, |l| {
            ctx.t(l, key, &[("station", name.clone().into())])
        })
        .await?;
    }
    let request = admission.care_request_id;
    match to {
        // the station cannot take them: equipment at home or hospital, as routing would decide
        AdmissionStatus::Declined | AdmissionStatus::Cancelled if admission.bed_kind == BedKind::Therapy => {
            chats::alert_staff(
                conn,
                "referral_declined",
                Some(admission.patient_id),
                None,
                &format!(
                    "therapy admission {} was {}: the referral is open again",
                    admission.id,
                    to.code()
                ),
                ctx.now,
            )
            .await?;
        }
        AdmissionStatus::Declined | AdmissionStatus::Cancelled => {
            if let Some(id) = request {
                care::set_route(conn, id, OxygenRoute::Home.code()).await?;
            }
            let (_, kit) = equipment::oxygen_capacity(conn).await?;
            if !kit {
                chats::alert_staff(
                    conn,
                    "no_oxygen_capacity",
                    Some(admission.patient_id),
                    None,
                    "the station declined and no equipment is in stock: arrange hospital admission now",
                    ctx.now,
                )
                .await?;
            }
        }
        // the ambulance brought hotline patients; the others are fetched by a transport contractor
        AdmissionStatus::Accepted => {
            if let Some(id) = request {
                views::move_request(conn, id, RequestStatus::InProgress, None, None, ctx.now).await?;
            }
            if admission.source != "hotline" {
                transport(conn, ctx, admission, station::Leg::Pickup).await?;
            }
        }
        AdmissionStatus::Discharged | AdmissionStatus::Transferred => {
            if let Some(id) = request {
                views::move_request(conn, id, RequestStatus::Done, Some(to.code()), None, ctx.now).await?;
            }
            if to == AdmissionStatus::Discharged {
                transport(conn, ctx, admission, station::Leg::Return).await?;
            }
        }
        _ => {}
    }
    Ok(())
}
