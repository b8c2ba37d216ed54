//! Broadcasts in the console: compose a notice and see who would get it in which language
//! before anything goes, send, approve, cancel, watch the progress, and take the list of those
//! not reached for the phone team.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::page::{Frame, Tr, html};
use super::session::Signed;
use crate::care::broadcast::{self, Draft, Preview, Refused};
use crate::domain::broadcast::{Audience, BroadcastStatus, Segment};
use crate::domain::request::Level;
use crate::runtime::state::AppState;
use crate::store::broadcasts::{self, Broadcast};

/// One broadcast as the page lists it.
pub struct Line {
    pub b: Broadcast,
    pub total: i64,
    pub sent: i64,
    pub failed: i64,
    /// Percent sent, for the progress bar.
    pub percent: i64,
    pub preview: Option<Preview>,
    /// Until it starts: each language's copy as it will be sent (text, button labels).
    pub copies: Vec<(String, String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "console/broadcasts.html")]
struct BroadcastsPage<'a> {
    frame: Frame<'a>,
    lines: Vec<Line>,
    levels: Vec<(&'static str, String)>,
    said: Option<String>,
    /// Any broadcast still going: the list refreshes itself.
    live: bool,
}

fn refusal(tr: Tr<'_>, r: Refused) -> String {
    match r {
        Refused::MissingText(langs) => tr.t1("console-broadcast-missing", "languages", langs.join(", ")),
        Refused::NotFound => tr.t("console-refused-not-found"),
        Refused::Empty => tr.t("console-broadcast-empty"),
        Refused::NotNow => tr.t("console-refused-not-now"),
        Refused::OwnApproval => tr.t("console-broadcast-own-approval"),
        Refused::OutsideAreas => tr.t("console-broadcast-outside-areas"),
        Refused::OverQuota(q) => tr.t1("console-broadcast-over-quota", "needed", q.needed),
    }
}

async fn render(state: &AppState, s: &Signed, said: Option<String>) -> Response {
    let frame = Frame::new(state, &s.session, s.lang, "broadcasts");
    let ctx = state.ctx();
    let read = async {
        let mut conn = state.db.pool.acquire().await?;
        let mut lines = Vec::new();
        for b in broadcasts::list(&mut conn).await?.into_iter().take(50) {
            let counts = broadcasts::counts(&mut conn, b.id).await?;
            let count = |k: &str| counts.get(k).copied().unwrap_or(0);
            let total: i64 = counts.values().sum();
            let preview = match b.status {
                BroadcastStatus::Draft | BroadcastStatus::AwaitingApproval | BroadcastStatus::Scheduled => {
                    Some(broadcast::preview(&mut conn, &ctx, &b, None).await?)
                }
                _ => None,
            };
            let copies = preview
                .iter()
                .flat_map(|p| &p.copies)
                .map(|(lang, m)| {
                    (
                        lang.clone(),
                        m.text.clone(),
                        m.choices.iter().map(|c| c.label.clone()).collect(),
                    )
                })
                .collect();
            lines.push(Line {
                copies,
                total,
                sent: count("sent"),
                failed: count("failed") + count("unreachable"),
                percent: if total > 0 { count("sent") * 100 / total } else { 0 },
                preview,
                b,
            });
        }
        anyhow::Ok(lines)
    };
    let lines = match read.await {
        Ok(l) => l,
        Err(e) => return super::page::unavailable(frame.tr, &e, "the broadcasts page"),
    };
    let live = lines
        .iter()
        .any(|l| matches!(l.b.status, BroadcastStatus::Sending | BroadcastStatus::Scheduled));
    let levels = Level::ALL
        .iter()
        .map(|l| (l.code(), frame.tr.t1("level-name", "level", l.code())))
        .collect();
    html(&BroadcastsPage {
        frame,
        lines,
        levels,
        said,
        live,
    })
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Response {
    render(&state, &s, None).await
}

#[derive(Deserialize)]
pub struct ComposeForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    text_ja: String,
    #[serde(default)]
    text_en: String,
    #[serde(default)]
    fallback: String,
    #[serde(default)]
    check_in: Option<String>,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    areas: String,
    #[serde(default)]
    min_level: String,
    #[serde(default)]
    platform: String,
    #[serde(default)]
    not_reported_today: Option<String>,
    #[serde(default)]
    under_oxygen: Option<String>,
}

pub async fn compose(State(state): State<AppState>, s: Signed, Form(f): Form<ComposeForm>) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let texts: BTreeMap<String, String> = [("ja", f.text_ja), ("en", f.text_en)]
        .into_iter()
        .map(|(l, t)| (l.to_string(), t))
        .collect();
    let mut segment = Segment::everyone(Audience::from_code(&f.audience).unwrap_or(Audience::Patients));
    segment.areas = f
        .areas
        .split([',', '、', ' '])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    segment.min_level = Level::from_code(&f.min_level);
    segment.platforms = f.platform.split_whitespace().map(str::to_string).collect();
    segment.not_reported_today = f.not_reported_today.is_some();
    segment.under_oxygen = f.under_oxygen.is_some();
    let draft = Draft {
        title: f.title,
        texts,
        fallback: (!f.fallback.is_empty()).then_some(f.fallback),
        check_in_button: f.check_in.is_some(),
        segment,
        send_at: None,
    };
    let ctx = state.ctx();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = broadcast::compose(&mut tx, &ctx, &s.session.staff, draft).await?;
        if done.is_ok() {
            tx.commit().await?;
        }
        anyhow::Ok(done)
    }
    .await;
    let said = match done {
        Ok(Ok(_)) => None,
        Ok(Err(r)) => Some(refusal(tr, r)),
        Err(e) => {
            tracing::error!(error = %e, "composing a broadcast failed");
            Some(tr.t("console-error-storage"))
        }
    };
    render(&state, &s, said).await
}

#[derive(Deserialize, Default)]
pub struct ActForm {
    #[serde(default)]
    reason: String,
}

/// `send`, `approve` or `cancel`.
pub async fn act(
    State(state): State<AppState>,
    s: Signed,
    Path((id, action)): Path<(i64, String)>,
    Form(f): Form<ActForm>,
) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let ctx = state.ctx();
    let who = &s.session.staff;
    let done = async {
        // LINE's quota is asked before the transaction
        let quota = match action.as_str() {
            "send" => broadcast::line_quota(state.line.as_deref()).await,
            _ => None,
        };
        let mut tx = state.db.begin().await?;
        let done = match action.as_str() {
            "send" => broadcast::send(&mut tx, &ctx, who, id, quota).await?.map(|_| ()),
            "approve" => broadcast::approve(&mut tx, &ctx, who, id).await?,
            "cancel" => broadcast::cancel(&mut tx, &ctx, who, id, &f.reason).await?,
            _ => Err(Refused::NotFound),
        };
        if done.is_ok() {
            tx.commit().await?;
            state.wake_broadcasts.notify_one();
        }
        anyhow::Ok(done)
    }
    .await;
    let said = match done {
        Ok(Ok(())) => None,
        Ok(Err(r)) => Some(refusal(tr, r)),
        Err(e) => {
            tracing::error!(error = %e, "a broadcast action failed");
            Some(tr.t("console-error-storage"))
        }
    };
    render(&state, &s, said).await
}

/// Those not reached, as CSV for the phone team (audited: it names patients).
pub async fn unreached(State(state): State<AppState>, s: Signed, Path(id): Path<i64>) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let read = async {
        let mut tx = state.db.begin().await?;
        let subject = format!("broadcast:{id}");
        let now = state.clock.now();
        let rows = broadcasts::unreached(&mut tx, id).await?;
        let patients: Vec<i64> = rows.iter().filter_map(|r| r.patient_id).collect();
        let entry = crate::store::audit::Entry {
            staff_id: Some(s.session.staff.id),
            action: "broadcast.unreached",
            subject: Some(&subject),
            patients: &patients,
            ..Default::default()
        };
        crate::store::audit::record(&mut tx, &entry, now).await?;
        tx.commit().await?;
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["name", "phone", "platform", "status", "why"])?;
        for r in &rows {
            let name = r.name.as_deref().unwrap_or("");
            let phone = r.phone.as_deref().unwrap_or("");
            let why = r.error.as_deref().unwrap_or("");
            w.write_record([name, phone, r.platform.as_str(), r.status.code(), why])?;
        }
        anyhow::Ok(w.into_inner()?)
    };
    match read.await {
        Ok(body) => {
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"unreached.csv\""),
            );
            response
        }
        Err(e) => super::page::unavailable(tr, &e, "the unreached list"),
    }
}
