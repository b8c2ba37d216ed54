//! `POST /api/v1/patients`: a health centre's own system registers a patient, with the same
//! checks as `mimamori patient add` and the console, and gets the one-time enrolment code back.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use super::auth::Auth;
use super::error::ApiError;
use crate::conversation::enrolment;
use crate::domain::patient::{RegistrationProblem, RiskFactor, check_registration};
use crate::i18n::Lang;
use crate::runtime::state::AppState;
use crate::store::patients::NewPatient;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Registration {
    name: String,
    phone: String,
    birth_date: NaiveDate,
    onset_date: NaiveDate,
    test_date: Option<NaiveDate>,
    /// A shipped language (`ja`, `vi`, `ja-easy`, or a platform tag such as `pt-BR`).
    language: Option<String>,
    #[serde(default)]
    risks: Vec<RiskFactor>,
    area: Option<String>,
    #[serde(default)]
    asymptomatic: bool,
    family_doctor: Option<i64>,
    pharmacy: Option<i64>,
    independent: Option<bool>,
    address: Option<String>,
}

fn bad(message: impl Into<std::borrow::Cow<'static, str>>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, message)
}

fn problem(p: RegistrationProblem) -> ApiError {
    bad(p.field_message())
}

/// Registers a patient; the answer holds the code to hand them (shown once: only its hash is kept).
pub(super) async fn register(
    State(state): State<AppState>,
    Auth(who): Auth,
    body: Result<Json<Registration>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let Json(r) = body.map_err(|e| bad(format!("send the patient as JSON: {}", e.body_text())))?;
    let ctx = state.ctx();
    let today = ctx.now.with_timezone(&state.config.timezone).date_naive();
    check_registration(&r.name, &r.phone, r.birth_date, r.onset_date, r.test_date, today).map_err(problem)?;
    if r.asymptomatic && r.test_date.is_none() {
        return Err(bad(
            "an asymptomatic patient needs test_date: release is counted from it",
        ));
    }
    let language = match r.language.as_deref() {
        None => None,
        Some(tag) => Some(tag.parse::<Lang>().map_err(bad)?),
    };
    let area = r.area.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if !who.sees(area) {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "that area is not yours"));
    }
    let risks: Vec<&str> = r.risks.iter().map(|x| x.code()).collect();
    let patient = NewPatient {
        name: r.name.trim(),
        phone: r.phone.trim(),
        birth_date: r.birth_date,
        onset_date: r.onset_date,
        test_date: r.test_date,
        language: language.map(Lang::code),
        risk_factors: risks.join(","),
        area,
        asymptomatic: r.asymptomatic,
        family_doctor_id: r.family_doctor,
        pharmacy_id: r.pharmacy,
        independent: r.independent,
        address: r.address.as_deref().map(str::trim).filter(|a| !a.is_empty()),
    };
    let mut tx = state.db.begin().await?;
    for (id, role, field) in [
        (r.family_doctor, "doctor", "family_doctor"),
        (r.pharmacy, "pharmacist", "pharmacy"),
    ] {
        if let Some(id) = id {
            let found = crate::store::providers::get(&mut tx, id).await?;
            if found.is_none_or(|p| p.role != role) {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("{field} is not a {role}'s provider id"),
                ));
            }
        }
    }
    let registered = enrolment::register(&mut tx, &ctx, &patient).await?;
    let subject = format!("patient:{}", registered.patient_id);
    crate::store::staff::audit(&mut tx, Some(who.id), "patient.register", Some(&subject), ctx.now).await?;
    state.commit(tx).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "patient_id": registered.patient_id,
            "language": language.unwrap_or(Lang::JA).code(),
            "enrolment_code": registered.code.display(),
            "expires_at": registered.expires_at,
        })),
    ))
}
