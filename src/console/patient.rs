//! One patient: readings over the episode as charts with the ruleset's thresholds, every report
//! with the patient's own words, every assessment with its level, reasons and ruleset version,
//! care requests with their chains and notes, the messages sent, the release date; and the
//! episode ended or extended with a reason.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use plotters::style::RGBColor;
use serde::Deserialize;

use super::chart::{self, Series};
use super::now::{refusal_words, settle};
use super::page::{Frame, Tr, html, not_found, unavailable};
use super::session::Signed;
use crate::care::desk::{self, EpisodeChange};
use crate::domain::triage::{Level, Reason, RequestKind};
use crate::runtime::state::AppState;
use crate::store::notes::{self, Note};
use crate::store::outbox::{self, Sent};
use crate::store::patients::{self, Patient};
use crate::store::reports::{self, Report};
use crate::store::timers::{self, TimerKind};
use crate::store::views::{self, RequestRow};
use crate::store::{chats, offers};

pub struct ReportLine {
    pub when: String,
    pub values: String,
    pub words: String,
    /// What the words were understood as, in the reader's language.
    pub understood: Vec<String>,
    pub set_aside: bool,
}

pub struct AssessmentLine {
    pub when: String,
    pub level: String,
    pub level_code: &'static str,
    pub reasons: Vec<String>,
    pub ruleset: String,
}

pub struct RequestLine {
    pub row: RequestRow,
    pub kind: String,
    pub status: String,
    pub opened: String,
    pub chain: Vec<String>,
    pub notes: Vec<Note>,
}

#[derive(Template)]
#[template(path = "console/patient.html")]
struct PatientPage<'a> {
    frame: Frame<'a>,
    p: Patient,
    charts: Vec<String>,
    reports: Vec<ReportLine>,
    assessments: Vec<AssessmentLine>,
    requests: Vec<RequestLine>,
    messages: Vec<(String, String, String)>,
    release: String,
    /// The language the patient reads, in its own name and in English ("Tiếng Việt (Vietnamese)").
    language: String,
    /// Oxygen orders and station stays: (when, what, state).
    oxygen: Vec<(String, String, String)>,
    said: Option<String>,
    kinds: Vec<(&'static str, String)>,
    levels: Vec<(&'static str, String)>,
}

pub async fn page(State(state): State<AppState>, s: Signed, Path(id): Path<i64>) -> Response {
    render(&state, &s, id, None).await
}

fn values(tr: Tr<'_>, r: &Report) -> String {
    let mut parts = Vec::new();
    if let Some(v) = r.counted_spo2() {
        parts.push(format!("SpO2 {}%", v.percent()));
    }
    if let Some(t) = r.temperature {
        parts.push(format!("{:.1} °C", t as f64 / 10.0));
    }
    if let Some(p) = r.pulse {
        parts.push(tr.t1("console-pulse", "value", p));
    }
    if let Some(rr) = r.respiratory_rate {
        parts.push(tr.t1("console-breaths", "value", rr));
    }
    parts.join(" · ")
}

async fn render(state: &AppState, s: &Signed, id: i64, said: Option<String>) -> Response {
    let frame = Frame::new(state, &s.session, s.lang, "patients");
    let tr = frame.tr;
    let tz = frame.tz;
    let read = async {
        let mut tx = state.db.begin().await?;
        let p = patients::get(&mut tx, id).await?;
        let all_reports = reports::for_patient(&mut tx, id, 500).await?;
        let assessments = views::assessments(&mut tx, id, 200).await?;
        let requests = views::requests_of(&mut tx, id).await?;
        let chains = offers::history_of_patient(&mut tx, id).await?;
        let notes = notes::of_patient(&mut tx, id).await?;
        let chat = chats::for_patient(&mut tx, id).await?;
        let sent = match &chat {
            Some(c) => outbox::messages_to(&mut tx, c.id, 50).await?,
            None => Vec::new(),
        };
        let release = timers::pending_due(&mut tx, id, TimerKind::Release).await?;
        let orders = crate::store::orders::orders_of(&mut tx, id).await?;
        let stays = crate::store::station::admissions_of(&mut tx, id).await?;
        crate::store::staff::audit(
            &mut tx,
            Some(s.session.staff.id),
            "patient.read",
            Some(&format!("patient:{id}")),
            state.clock.now(),
        )
        .await?;
        tx.commit().await?;
        let oxygen = (orders, stays);
        anyhow::Ok((
            p,
            all_reports,
            assessments,
            requests,
            chains,
            notes,
            sent,
            release,
            oxygen,
        ))
    };
    let (p, all_reports, assessments, requests, chains, notes, sent, release, (orders, stays)) = match read.await {
        Ok(x) => x,
        Err(e) => return unavailable(tr, &e, "the console could not read a patient"),
    };
    let Some(p) = p.filter(|p| s.session.staff.sees(p.area.as_deref())) else {
        return not_found(tr);
    };
    let completed: Vec<&Report> = all_reports
        .iter()
        .filter(|r| r.completed_at.is_some() && r.corrected_at.is_none())
        .collect();
    let at = |r: &Report| r.completed_at.unwrap_or(r.created_at);
    let rules = &state.config.rules;
    let spo2_lines: Vec<(f64, String)> = rules
        .spo2
        .iter()
        .filter(|b| b.to < 100)
        .map(|b| (f64::from(b.to) + 0.5, b.label.clone()))
        .collect();
    let spo2_title = tr.t("console-chart-spo2");
    let temperature_title = tr.t("console-chart-temperature");
    let pulse_title = tr.t("console-chart-pulse");
    let series = [
        Series {
            title: &spo2_title,
            points: completed
                .iter()
                .filter_map(|r| r.counted_spo2().map(|v| (at(r), f64::from(v.percent()))))
                .collect(),
            range: (80.0, 100.5),
            thresholds: spo2_lines,
            colour: RGBColor(26, 79, 156),
        },
        Series {
            title: &temperature_title,
            points: completed
                .iter()
                .filter_map(|r| r.temperature.map(|t| (at(r), t as f64 / 10.0)))
                .collect(),
            range: (35.0, 41.0),
            thresholds: vec![(rules.fever.0.celsius(), tr.t("console-chart-fever"))],
            colour: RGBColor(183, 121, 31),
        },
        Series {
            title: &pulse_title,
            points: completed
                .iter()
                .filter_map(|r| r.pulse.map(|v| (at(r), v as f64)))
                .collect(),
            range: (40.0, 160.0),
            thresholds: vec![(f64::from(rules.pulse.0), tr.t("console-chart-pulse-limit"))],
            colour: RGBColor(47, 133, 90),
        },
    ];
    let charts = series
        .iter()
        .map(|x| chart::svg(x, tz))
        .filter(|s| !s.is_empty())
        .collect();
    let reports = all_reports
        .iter()
        .map(|r| ReportLine {
            when: tr.when(&at(r), &tz),
            values: values(tr, r),
            words: r.source_text.clone(),
            understood: crate::present::understood_lines(&state.locales, tr.lang, r),
            set_aside: r.corrected_at.is_some(),
        })
        .collect();
    let assessments = assessments
        .iter()
        .map(|a| {
            let reasons: Vec<Reason> = serde_json::from_str(&a.reasons).unwrap_or_default();
            AssessmentLine {
                when: tr.when(&a.created_at, &tz),
                level: tr.t1("level-name", "level", a.level.code()),
                level_code: a.level.code(),
                reasons: reasons
                    .iter()
                    .map(|r| crate::present::render_reason(&state.locales, tr.lang, r))
                    .collect(),
                ruleset: a.ruleset_version.clone(),
            }
        })
        .collect();
    let requests = requests
        .into_iter()
        .map(|row| RequestLine {
            kind: tr.t1("request-kind", "kind", row.kind.code()),
            status: tr.tk("console-status-", row.status.code()),
            opened: tr.when(&row.created_at, &tz),
            chain: chains
                .iter()
                .filter(|h| h.care_request_id == row.id)
                .map(|h| format!("{} — {}", h.provider_name, tr.tk("console-answer-", h.status.code())))
                .collect(),
            notes: notes.iter().filter(|n| n.care_request_id == row.id).cloned().collect(),
            row,
        })
        .collect();
    let messages = sent
        .into_iter()
        .map(|m: Sent| (tr.when(&m.at, &tz), m.text, tr.tk("console-sent-", &m.status)))
        .collect();
    let language = p.language.as_deref().and_then(crate::i18n::Lang::from_code).map(|l| {
        let info = l.info();
        if info.name == info.english {
            info.name.clone()
        } else {
            format!("{} ({})", info.name, info.english)
        }
    });
    html(&PatientPage {
        frame,
        language: language.unwrap_or_default(),
        release: release.map(|r| tr.when(&r, &tz)).unwrap_or_default(),
        oxygen: orders
            .iter()
            .map(|o| {
                let flow = crate::domain::equipment::FlowRate::from_tenths(o.flow_tenths)
                    .map(crate::domain::equipment::FlowRate::display)
                    .unwrap_or_default();
                (
                    tr.when(&o.created_at, &tz),
                    format!("{} {flow}", tr.tk("console-unit-", o.kit.code())),
                    tr.tk("console-order-", o.status.code()),
                )
            })
            .chain(stays.iter().map(|a| {
                (
                    tr.when(&a.created_at, &tz),
                    tr.tk("console-bed-", a.bed_kind.code()),
                    tr.tk("console-stay-", a.status.code()),
                )
            }))
            .collect(),
        p,
        charts,
        reports,
        assessments,
        requests,
        messages,
        said,
        kinds: [
            RequestKind::PhoneConsultation,
            RequestKind::HomeVisit,
            RequestKind::SafetyCheck,
            RequestKind::StaffCall,
            RequestKind::HospitalCoordination,
        ]
        .iter()
        .map(|k| (k.code(), tr.t1("request-kind", "kind", k.code())))
        .collect(),
        levels: [Level::Watch, Level::Moderate, Level::Urgent, Level::Emergency]
            .iter()
            .map(|l| (l.code(), tr.t1("level-name", "level", l.code())))
            .collect(),
    })
}

#[derive(Deserialize)]
pub struct EpisodeForm {
    action: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    reason: String,
}

pub async fn episode(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Form(f): Form<EpisodeForm>,
) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let change = match f.action.as_str() {
        "end" => Some(EpisodeChange::End),
        "extend" => chrono::NaiveDate::parse_from_str(f.until.trim(), "%Y-%m-%d")
            .ok()
            .map(EpisodeChange::Extend),
        "nurse_observation" => Some(EpisodeChange::NurseObservation(true)),
        "self_report" => Some(EpisodeChange::NurseObservation(false)),
        _ => None,
    };
    let Some(change) = change else {
        return render(&state, &s, id, Some(tr.t("console-refused-bad-day"))).await;
    };
    let ctx = state.ctx();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::change_episode(&mut tx, &ctx, &s.session.staff, id, change, &f.reason).await?;
        settle(&state, tx, done).await
    }
    .await;
    let said = match done {
        Ok(Ok(())) => None,
        Ok(Err(r)) => Some(refusal_words(tr, r)),
        Err(e) => {
            tracing::error!(error = %e, "changing an episode failed");
            Some(tr.t("console-error-storage"))
        }
    };
    render(&state, &s, id, said).await
}

#[derive(Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    text: String,
}

pub async fn message_patient(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Form(f): Form<MessageForm>,
) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let ctx = state.ctx();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::message_patient(&mut tx, &ctx, &s.session.staff, id, &f.text).await?;
        settle(&state, tx, done).await
    }
    .await;
    let said = match done {
        Ok(Ok(())) => tr.t("console-message-sent"),
        Ok(Err(r)) => refusal_words(tr, r),
        Err(e) => {
            tracing::error!(error = %e, "messaging a patient failed");
            tr.t("console-error-storage")
        }
    };
    render(&state, &s, id, Some(said)).await
}

#[derive(Deserialize)]
pub struct OpenForm {
    kind: String,
    level: String,
    #[serde(default)]
    reason: String,
}

pub async fn open_request(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Form(f): Form<OpenForm>,
) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let (Some(kind), Some(level)) = (RequestKind::from_code(&f.kind), Level::from_code(&f.level)) else {
        return render(&state, &s, id, Some(tr.t("console-refused-not-now"))).await;
    };
    let ctx = state.ctx();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::open_request(&mut tx, &ctx, &s.session.staff, id, kind, level, &f.reason).await?;
        let commit = done.map(|_| ());
        settle(&state, tx, commit).await
    }
    .await;
    let said = match done {
        Ok(Ok(())) => None,
        Ok(Err(r)) => Some(refusal_words(tr, r)),
        Err(e) => {
            tracing::error!(error = %e, "opening a request failed");
            Some(tr.t("console-error-storage"))
        }
    };
    render(&state, &s, id, said).await
}
