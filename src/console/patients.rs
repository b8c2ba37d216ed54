//! Patients: found by name, phone or id and filtered by status, severity, area, day of the
//! episode, silence and enrolment; registered with the same checks as the CLI; and the one-page
//! sheet with the enrolment code as text and as QR codes (LINE add-friend, Telegram deep link)
//! that the health centre hands out or mails.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::page::{Frame, Tr, html, not_found, unavailable};
use super::session::Signed;
use crate::conversation::enrolment;
use crate::domain::patient::{RegistrationProblem, RiskFactor, check_registration};
use crate::domain::triage::Level;
use crate::i18n::Lang;
use crate::runtime::state::AppState;
use crate::store::patients::NewPatient;
use crate::store::views::{self, PatientFilter, PatientRow};

#[derive(Deserialize, Default)]
pub struct Filters {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    severity: String,
    #[serde(default)]
    area: String,
    /// Day of the episode (day 0: the onset).
    #[serde(default)]
    day: String,
    /// No contact for more than this many hours.
    #[serde(default)]
    silent: String,
    /// Only patients whose chat is not bound yet.
    #[serde(default)]
    unenrolled: String,
}

pub struct Line {
    pub row: PatientRow,
    pub level: String,
    pub day: i64,
    pub last_contact: String,
}

#[derive(Template)]
#[template(path = "console/patients.html")]
struct PatientsPage<'a> {
    frame: Frame<'a>,
    f: Filters,
    lines: Vec<Line>,
    levels: Vec<(&'static str, String)>,
    risks: Vec<(&'static str, String)>,
    doctors: Vec<(i64, String)>,
    pharmacies: Vec<(i64, String)>,
    /// Every shipped language: (code, its own name).
    languages: Vec<(&'static str, &'static str)>,
    form: Registration,
    problem: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Registration {
    /// Ticked boxes: `risk_<code>`; and `test_date`, `asymptomatic`, `family_doctor`, `pharmacy`,
    /// `independent` (all optional).
    #[serde(flatten)]
    more: std::collections::HashMap<String, String>,
    #[serde(default)]
    name: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    birth_date: String,
    #[serde(default)]
    onset_date: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    address: String,
}

fn day_of(onset: &str, today: NaiveDate) -> i64 {
    NaiveDate::parse_from_str(onset, "%Y-%m-%d").map_or(0, |o| (today - o).num_days())
}

async fn render(state: &AppState, s: &Signed, f: Filters, form: Registration, problem: Option<String>) -> Response {
    let frame = Frame::new(state, &s.session, s.lang, "patients");
    let tr = frame.tr;
    let now = state.clock.now();
    let today = now.with_timezone(&state.config.timezone).date_naive();
    let filter = PatientFilter {
        status: Some(f.status.clone()).filter(|x| !x.is_empty()),
        area: Some(f.area.trim().to_string()).filter(|x| !x.is_empty()),
        level: Some(f.severity.clone()).filter(|x| Level::from_code(x).is_some()),
    };
    let rows = async {
        let mut conn = state.db.pool.acquire().await?;
        let rows = views::patients(&mut conn, &filter).await?;
        let people = crate::store::providers::list(&mut conn).await?;
        anyhow::Ok((rows, people))
    };
    let (rows, people) = match rows.await {
        Ok(r) => r,
        Err(e) => return unavailable(tr, &e, "the console could not list patients"),
    };
    let q = f.q.trim().to_lowercase();
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    let day: Option<i64> = f.day.trim().parse().ok();
    let silent: Option<i64> = f.silent.trim().parse().ok();
    let who = &s.session.staff;
    let lines = rows
        .into_iter()
        .filter(|p| who.sees(p.area.as_deref()))
        .filter(|p| {
            q.is_empty()
                || p.name.to_lowercase().contains(&q)
                || p.id.to_string() == q
                || (digits.len() >= 3
                    && p.phone
                        .chars()
                        .filter(char::is_ascii_digit)
                        .collect::<String>()
                        .contains(&digits))
        })
        .filter(|p| day.is_none_or(|d| day_of(&p.onset_date, today) == d))
        .filter(|p| silent.is_none_or(|h| p.last_contact_at.is_none_or(|at| now - at > chrono::Duration::hours(h))))
        .filter(|p| f.unenrolled.is_empty() || !p.enrolled)
        .map(|row| Line {
            level: row
                .level
                .map(|l| tr.t1("level-name", "level", l.code()))
                .unwrap_or_default(),
            day: day_of(&row.onset_date, today),
            last_contact: row
                .last_contact_at
                .map(|at| tr.when(&at, &frame.tz))
                .unwrap_or_default(),
            row,
        })
        .collect::<Vec<Line>>();
    // the list is audited with its filter and the patients it showed
    let asked = serde_json::json!({
        "q": f.q, "status": f.status, "severity": f.severity, "area": f.area,
        "day": f.day, "silent": f.silent, "unenrolled": !f.unenrolled.is_empty(),
    })
    .to_string();
    let ids: Vec<i64> = lines.iter().map(|l| l.row.id).collect();
    let audited = async {
        let mut tx = state.db.begin().await?;
        let entry = crate::store::audit::Entry {
            staff_id: Some(who.id),
            action: "patients.list",
            detail: Some(&asked),
            patients: &ids,
            ..Default::default()
        };
        crate::store::audit::record(&mut tx, &entry, now).await?;
        tx.commit().await?;
        anyhow::Ok(())
    };
    if let Err(e) = audited.await {
        return unavailable(tr, &e, "the console could not list patients");
    }
    let levels = Level::ALL
        .iter()
        .map(|l| (l.code(), tr.t1("level-name", "level", l.code())))
        .collect();
    let of_role = |role: &str| {
        people
            .iter()
            .filter(|p| p.role == role && p.status == crate::domain::roster::ProviderStatus::Active)
            .map(|p| (p.id, p.name.clone()))
            .collect()
    };
    html(&PatientsPage {
        frame,
        f,
        lines,
        levels,
        risks: RiskFactor::ALL
            .iter()
            .map(|r| (r.code(), tr.tk("console-risk-", r.code())))
            .collect(),
        doctors: of_role("doctor"),
        pharmacies: of_role("pharmacist"),
        languages: Lang::all().map(|l| (l.code(), l.info().name.as_str())).collect(),
        form,
        problem,
    })
}

pub async fn page(State(state): State<AppState>, s: Signed, Query(f): Query<Filters>) -> Response {
    render(&state, &s, f, Registration::default(), None).await
}

fn problem_words(tr: Tr<'_>, p: RegistrationProblem) -> String {
    use RegistrationProblem::*;
    tr.t(match p {
        NoName => "console-register-no-name",
        BadPhone => "console-register-bad-phone",
        BirthInFuture => "console-register-birth-future",
        OnsetInFuture => "console-register-onset-future",
        OnsetBeforeBirth => "console-register-onset-before-birth",
        TestInFuture => "console-register-test-future",
    })
}

/// Registers a patient and shows their enrolment sheet.
pub async fn register(State(state): State<AppState>, s: Signed, Form(form): Form<Registration>) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let ctx = state.ctx();
    let today = ctx.now.with_timezone(&state.config.timezone).date_naive();
    fn date(v: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok()
    }
    let (Some(birth), Some(onset)) = (date(&form.birth_date), date(&form.onset_date)) else {
        let p = Some(tr.t("console-register-bad-date"));
        return render(&state, &s, Filters::default(), form, p).await;
    };
    let field = |k: &str| form.more.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let test = field("test_date").and_then(date);
    if field("test_date").is_some() && test.is_none() {
        let p = Some(tr.t("console-register-bad-date"));
        return render(&state, &s, Filters::default(), form, p).await;
    }
    let asymptomatic = field("asymptomatic").is_some();
    if asymptomatic && test.is_none() {
        let p = Some(tr.t("console-register-asymptomatic-needs-test"));
        return render(&state, &s, Filters::default(), form, p).await;
    }
    let risks: Vec<&str> = RiskFactor::ALL
        .iter()
        .map(|r| r.code())
        .filter(|c| field(&format!("risk_{c}")).is_some())
        .collect();
    let family_doctor = field("family_doctor").and_then(|v| v.parse::<i64>().ok());
    let pharmacy = field("pharmacy").and_then(|v| v.parse::<i64>().ok());
    let independent = match field("independent") {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    if let Err(p) = check_registration(&form.name, &form.phone, birth, onset, test, today) {
        let p = Some(problem_words(tr, p));
        return render(&state, &s, Filters::default(), form, p).await;
    }
    let area = Some(form.area.trim()).filter(|a| !a.is_empty());
    if !s.session.staff.sees(area) {
        let p = Some(tr.t("console-register-other-area"));
        return render(&state, &s, Filters::default(), form, p).await;
    }
    let language = Lang::from_tag(&form.language).map(Lang::code);
    let new = NewPatient {
        name: form.name.trim(),
        phone: form.phone.trim(),
        birth_date: birth,
        onset_date: onset,
        test_date: test,
        language,
        risk_factors: risks.join(","),
        area,
        asymptomatic,
        family_doctor_id: family_doctor,
        pharmacy_id: pharmacy,
        independent,
        address: Some(form.address.trim()).filter(|a| !a.is_empty()),
    };
    let done = async {
        let mut tx = state.db.begin().await?;
        // the chosen doctor and pharmacy must be one (a forged form names anyone)
        for (id, role) in [(family_doctor, "doctor"), (pharmacy, "pharmacist")] {
            if let Some(id) = id {
                let found = crate::store::providers::get(&mut tx, id).await?;
                if found.is_none_or(|p| p.role != role) {
                    return anyhow::Ok(None);
                }
            }
        }
        let registered = enrolment::register(&mut tx, &ctx, &new).await?;
        crate::store::staff::audit(
            &mut tx,
            Some(s.session.staff.id),
            "patient.register",
            Some(&format!("patient:{}", registered.patient_id)),
            ctx.now,
        )
        .await?;
        state.commit(tx).await?;
        anyhow::Ok(Some(registered))
    };
    match done.await {
        Ok(Some(r)) => sheet_of(&state, &s, r.patient_id, Some((r.code, r.expires_at))).await,
        Ok(None) => {
            let p = Some(tr.t("console-refused-no-provider"));
            render(&state, &s, Filters::default(), form, p).await
        }
        Err(e) => unavailable(tr, &e, "registering a patient"),
    }
}

#[derive(Template)]
#[template(path = "console/sheet.html")]
struct Sheet<'a> {
    tr: Tr<'a>,
    /// The patient's language: the sheet is theirs (the buttons above it are the reader's).
    pt: Tr<'a>,
    emergency: String,
    name: String,
    code: Option<String>,
    expires: String,
    line_qr: Option<String>,
    telegram_qr: Option<String>,
    telegram_link: Option<String>,
    phone: String,
}

/// The sheet of a patient whose code was just made (`fresh`), or a new code for one who has not
/// enrolled yet (a code is stored only as a hash, so a lost one is replaced, not shown again).
async fn sheet_of(
    state: &AppState,
    s: &Signed,
    patient_id: i64,
    fresh: Option<(crate::domain::enrolment::EnrolmentCode, chrono::DateTime<chrono::Utc>)>,
) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let read = async {
        let mut tx = state.db.begin().await?;
        let p = crate::store::patients::get(&mut tx, patient_id).await?;
        let code = match (&p, fresh) {
            (_, Some(f)) => Some(f),
            (Some(p), None) if crate::store::chats::for_patient(&mut tx, p.id).await?.is_none() => {
                let ctx = state.ctx();
                let (code, expires) = enrolment::new_code(&mut tx, &ctx, p.id).await?;
                Some((code, expires))
            }
            _ => None,
        };
        crate::store::staff::audit(
            &mut tx,
            Some(s.session.staff.id),
            "patient.sheet",
            Some(&format!("patient:{patient_id}")),
            state.clock.now(),
        )
        .await?;
        state.commit(tx).await?;
        anyhow::Ok((p, code))
    };
    let (p, code) = match read.await {
        Ok(x) => x,
        Err(e) => return unavailable(tr, &e, "the enrolment sheet failed"),
    };
    let Some(p) = p.filter(|p| s.session.staff.sees(p.area.as_deref())) else {
        return not_found(tr);
    };
    let telegram_link = match (
        &code,
        state.config.telegram.as_ref().and_then(|t| t.bot_username.as_ref()),
    ) {
        (Some((c, _)), Some(bot)) => Some(format!("https://t.me/{bot}?start={}", c.as_payload())),
        _ => None,
    };
    let line_link = state
        .config
        .line
        .as_ref()
        .and_then(|l| l.bot_id.as_ref())
        .map(|id| format!("https://line.me/R/ti/p/{id}"));
    let patient_lang = p.language.as_deref().and_then(Lang::from_code).unwrap_or(Lang::JA);
    let sheet = Sheet {
        tr,
        pt: Tr {
            locales: &state.locales,
            lang: patient_lang,
        },
        emergency: state.config.emergency_number.clone(),
        name: p.name.clone(),
        expires: code
            .as_ref()
            .map(|(_, e)| {
                e.with_timezone(&state.config.timezone)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default(),
        code: code.as_ref().map(|(c, _)| c.display()),
        line_qr: line_link.as_deref().and_then(crate::present::sheets::qr_svg),
        telegram_qr: telegram_link.as_deref().and_then(crate::present::sheets::qr_svg),
        telegram_link,
        phone: state.config.health_centre_phone.clone(),
    };
    html(&sheet).into_response()
}

pub async fn sheet(State(state): State<AppState>, s: Signed, Path(id): Path<i64>) -> Response {
    sheet_of(&state, &s, id, None).await
}

#[derive(Deserialize)]
pub struct ExportForm {
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    area: String,
}

/// "Export for Excel" on the patients page: the chosen records as CSV, headings in the reader's
/// language, streamed; audited with the filter.
pub async fn export(State(state): State<AppState>, s: Signed, Query(form): Query<ExportForm>) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let Some(export) = crate::store::exports::export(&form.kind) else {
        return not_found(tr);
    };
    let day = |v: &str| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
    let (from, to) = (day(&form.from), day(&form.to));
    let filter = match crate::runtime::exports::filter(&state, &s.session.staff, from, to, Some(&form.area)) {
        Ok(f) => f,
        Err(_) => return not_found(tr),
    };
    if let Err(e) = crate::runtime::exports::record(&state, s.session.staff.id, export, &filter, &from, &to).await {
        return unavailable(tr, &e, "recording an export");
    }
    crate::runtime::exports::attachment(
        export.name,
        crate::runtime::exports::body(&state, export, filter, s.lang),
    )
}
