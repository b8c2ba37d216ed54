//! `/api/v1/stations`, `/admissions` and `/jobs`: the station's beds, the hotline and
//! referrals, and the contractors' open jobs.

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::care::oxygen::admission;
use crate::domain::oxygen_route::Candidate;
use crate::domain::station::{AdmissionStatus, BedKind};
use crate::domain::triage::RequestKind;
use crate::present;
use crate::runtime::state::AppState;
use crate::store::station::{self, NewAdmission};
use crate::store::{care, patients, staff};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

pub(super) async fn list_stations(State(state): State<AppState>, Auth(who): Auth) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let stations = station::list(&mut conn).await?;
    let occupancy = station::occupancy(&mut conn).await?;
    drop(conn);
    super::common::audited(&state, who.id, "stations.list", None).await?;
    Ok(Json(
        json!({ "stations": present::oxygen::stations_json(&stations, &occupancy) }),
    ))
}

#[derive(Deserialize)]
pub(super) struct OpenQuery {
    open: Option<bool>,
}

pub(super) async fn list_admissions(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<OpenQuery>,
) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let mut rows = station::admissions(&mut conn, q.open.unwrap_or(true)).await?;
    let visible = super::common::visible_patients(&mut conn, &who).await?;
    drop(conn);
    rows.retain(|a| visible.as_ref().is_none_or(|v| v.contains(&a.patient_id)));
    super::common::audited(&state, who.id, "admissions.list", None).await?;
    Ok(Json(
        json!({ "admissions": rows.iter().map(present::oxygen::admission_json).collect::<Vec<_>>() }),
    ))
}

#[derive(Deserialize)]
pub(super) struct AdmissionBody {
    patient_id: i64,
    #[serde(default = "oxygen_bed")]
    bed_kind: String,
    station_id: Option<i64>,
    /// The ambulance crew judged oxygen is needed (the hotline route).
    #[serde(default)]
    crew_judged_oxygen: bool,
    /// Independent in daily living, as the crew or the hotline found.
    independent: Option<bool>,
    #[serde(default)]
    emergency_signs: bool,
    reason: String,
}

pub(super) fn oxygen_bed() -> String {
    BedKind::Oxygen.code().into()
}

/// The hotline: an admission request for a patient the ambulance crew judged to need oxygen
/// (otherwise mild and independent), or a therapy bed for a referral. A bed is held at once.
pub(super) async fn request_admission(
    State(state): State<AppState>,
    Auth(who): Auth,
    b: Result<Json<AdmissionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let b = super::common::body(
        b,
        "send JSON: {\"patient_id\": 1, \"bed_kind\": \"oxygen\"|\"therapy\", \"crew_judged_oxygen\": true, \"independent\": true, \"emergency_signs\": false, \"reason\": \"…\"}",
    )?;
    let reason = super::common::reason_of(&b.reason)?;
    let Some(kind) = BedKind::from_code(&b.bed_kind) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bed_kind must be oxygen or therapy",
        ));
    };
    let c = super::common::ctx(&state);
    let mut tx = state.db.begin().await?;
    let Some(patient) = patients::get(&mut tx, b.patient_id)
        .await?
        .filter(|p| who.sees(p.area.as_deref()))
    else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no such patient"));
    };
    let independent = b.independent.or(patient.independent);
    let candidate = Candidate {
        independent,
        emergency: b.emergency_signs,
    };
    if kind == BedKind::Oxygen && !b.crew_judged_oxygen {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "an oxygen bed is for a patient the ambulance crew judged to need oxygen (crew_judged_oxygen)",
        ));
    }
    if !candidate.qualifies_for_station() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the station takes patients who are independent in daily living and show no emergency signs: arrange hospital admission",
        ));
    }
    if let Some(open) = station::open_for(&mut tx, patient.id).await? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("the patient already has admission {} ({})", open.id, open.status),
        ));
    }
    let source = if kind == BedKind::Therapy {
        "referral"
    } else {
        "hotline"
    };
    // a therapy bed answers the patient's open treatment referral
    let referral = match kind {
        BedKind::Therapy => care::open_of_kind(&mut tx, patient.id, RequestKind::TreatmentReferral).await?,
        BedKind::Oxygen => None,
    };
    let new = NewAdmission {
        patient_id: patient.id,
        station_id: b.station_id,
        kind,
        source,
        care_request_id: referral,
        note: Some(reason),
    };
    let Some(admission) = station::request(&mut tx, &new, c.now).await? else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!(
                "no {} bed is free: arrange oxygen at home or hospital admission",
                kind.code()
            ),
        ));
    };
    staff::audit_why(
        &mut tx,
        Some(who.id),
        "admission.request",
        Some(&format!("admission:{} patient:{}", admission.id, patient.id)),
        Some(reason),
        c.now,
    )
    .await?;
    state.commit(tx).await?;
    Ok((StatusCode::CREATED, Json(present::oxygen::admission_json(&admission))))
}

/// `accept`, `decline`, `admit`, `treated`, `discharge`, `transfer`, `cancel`.
pub(super) fn action_status(action: &str) -> Option<AdmissionStatus> {
    Some(match action {
        "accept" => AdmissionStatus::Accepted,
        "decline" => AdmissionStatus::Declined,
        "admit" => AdmissionStatus::Admitted,
        "treated" => AdmissionStatus::Treated,
        "discharge" => AdmissionStatus::Discharged,
        "transfer" => AdmissionStatus::Transferred,
        "cancel" => AdmissionStatus::Cancelled,
        _ => return None,
    })
}

pub(super) async fn move_admission(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path((id, action)): Path<(i64, String)>,
    b: Result<Json<super::common::ReasonBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Some(to) = action_status(&action) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "actions: accept, decline, admit, treated, discharge, transfer, cancel",
        ));
    };
    let b = super::common::body(b, "send JSON: {\"reason\": \"…\"}")?;
    let reason = super::common::reason_of(&b.reason)?;
    let c = super::common::ctx(&state);
    let mut tx = state.db.begin().await?;
    if let Some(a) = station::admission(&mut tx, id).await? {
        super::common::check_patient(&mut tx, &who, a.patient_id).await?;
    }
    let a = match station::move_admission(&mut tx, id, to, Some(reason), c.now).await {
        Ok(a) => a,
        Err(station::MoveError::Missing) => return Err(ApiError::new(StatusCode::NOT_FOUND, "no such admission")),
        Err(station::MoveError::Refused(r)) => return Err(ApiError::new(StatusCode::CONFLICT, r.to_string())),
        Err(station::MoveError::Db(e)) => return Err(ApiError::from(e)),
    };
    admission::admission_moved(&mut tx, &c, &a, to).await?;
    staff::audit_why(
        &mut tx,
        Some(who.id),
        &format!("admission.{}", to.code()),
        Some(&format!("admission:{id}")),
        Some(reason),
        c.now,
    )
    .await?;
    state.commit(tx).await?;
    Ok(Json(present::oxygen::admission_json(&a)))
}

pub(super) async fn list_jobs(State(state): State<AppState>, Auth(who): Auth) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let mut jobs = present::oxygen::jobs_json(&mut conn).await?;
    drop(conn);
    if let Value::Array(all) = &mut jobs {
        all.retain(|j| who.sees(j["patient"]["area"].as_str()));
    }
    super::common::audited(&state, who.id, "jobs.list", None).await?;
    Ok(Json(json!({ "jobs": jobs })))
}
