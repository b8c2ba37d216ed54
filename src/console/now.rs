//! "Now", the landing page: alerts nobody has taken yet on top, then every open care request,
//! most urgent first and oldest first within that, overdue ones marked, each with its patient,
//! its reasons in words, its chain so far and what staff can do: call, assign, note, close.
//! The list refreshes itself every few seconds; a note being typed survives (`hx-preserve`).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::page::{Frame, Tr, html, unavailable};
use super::session::Signed;
use crate::care::desk::{self, Refused};
use crate::domain::triage::{Reason, RequestStatus};
use crate::runtime::state::AppState;
use crate::store::alerts::{self, Alert};
use crate::store::notes::{self, Note};
use crate::store::offers::{self, HistoryLine};
use crate::store::providers::{self, Provider};
use crate::store::views::{self, RequestRow};

/// One open request as the page shows it.
pub struct Card {
    pub row: RequestRow,
    pub level: String,
    pub kind: String,
    pub reasons: Vec<String>,
    pub chain: Vec<ChainLine>,
    pub notes: Vec<Note>,
    pub overdue: bool,
    pub due: String,
    pub opened: String,
}

pub struct ChainLine {
    pub provider: String,
    pub answer: String,
    /// Still waiting for this provider's answer.
    pub waiting: bool,
}

#[derive(Template)]
#[template(path = "console/now.html")]
struct NowPage<'a> {
    frame: Frame<'a>,
    /// The live part, rendered.
    live: String,
}

/// The part of the page that refreshes itself.
#[derive(Template)]
#[template(path = "console/now_live.html")]
pub struct Live<'a> {
    pub frame: Frame<'a>,
    pub alerts: Vec<Alert>,
    pub cards: Vec<Card>,
    pub providers: Vec<Provider>,
    /// What the last action said (a refusal in words), if anything.
    pub said: Option<String>,
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Response {
    match live_of(&state, &s, None).await {
        Ok(live) => match live.render() {
            Ok(live) => html(&NowPage {
                frame: Frame::new(&state, &s.session, s.lang, "now"),
                live,
            }),
            Err(e) => failed(&state, &s, e.into()),
        },
        Err(e) => failed(&state, &s, e),
    }
}

pub async fn live(State(state): State<AppState>, s: Signed) -> Response {
    match live_of(&state, &s, None).await {
        Ok(live) => html(&live),
        Err(e) => failed(&state, &s, e),
    }
}

fn failed(state: &AppState, s: &Signed, e: anyhow::Error) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    unavailable(tr, &e, "the Now page")
}

fn reasons_in_words(state: &AppState, tr: Tr<'_>, stored: &str) -> Vec<String> {
    let reasons: Vec<Reason> = serde_json::from_str(stored).unwrap_or_default();
    reasons
        .iter()
        .map(|r| crate::present::render_reason(&state.locales, tr.lang, r))
        .collect()
}

async fn live_of<'a>(state: &'a AppState, s: &Signed, said: Option<String>) -> anyhow::Result<Live<'a>> {
    let frame = Frame::new(state, &s.session, s.lang, "now");
    let tr = frame.tr;
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let rows = views::open_requests(&mut conn, None).await?;
    let history = offers::history_of_open(&mut conn).await?;
    let all_notes = notes::of_open(&mut conn).await?;
    let mut open_alerts = alerts::list(&mut conn, true, 200).await?;
    let providers = providers::list(&mut conn).await?;
    drop(conn);
    let who = &s.session.staff;
    open_alerts.retain(|a| a.acknowledged_at.is_none() && (a.patient_id.is_none() || who.sees(a.area.as_deref())));
    let cards = rows
        .into_iter()
        .filter(|r| who.sees(r.area.as_deref()))
        .map(|row| {
            let chain = history
                .iter()
                .filter(|h| h.care_request_id == row.id)
                .map(|h: &HistoryLine| ChainLine {
                    provider: h.provider_name.clone(),
                    answer: tr.t(&format!("console-answer-{}", h.status.code())),
                    waiting: h.status == crate::domain::chain::OfferStatus::Offered,
                })
                .collect();
            Card {
                level: tr.t1("level-name", "level", row.urgency.code()),
                kind: tr.t1("request-kind", "kind", row.kind.code()),
                reasons: reasons_in_words(state, tr, &row.reasons),
                chain,
                notes: all_notes
                    .iter()
                    .filter(|n| n.care_request_id == row.id)
                    .cloned()
                    .collect(),
                overdue: row.target_at < now,
                due: tr.when(&row.target_at, &frame.tz),
                opened: tr.when(&row.created_at, &frame.tz),
                row,
            }
        })
        .collect();
    Ok(Live {
        frame,
        alerts: open_alerts,
        cards,
        providers: providers
            .into_iter()
            .filter(|p| p.status == crate::domain::roster::ProviderStatus::Active && p.role != "contractor")
            .collect(),
        said,
    })
}

/// After an action: the refreshed list, with what went wrong (if anything) in words.
async fn answer(state: &AppState, s: &Signed, outcome: anyhow::Result<Result<(), Refused>>) -> Response {
    let tr = Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let said = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(r)) => Some(refusal_words(tr, r)),
        Err(e) => return failed(state, s, e),
    };
    match live_of(state, s, said).await {
        Ok(live) => html(&live),
        Err(e) => failed(state, s, e),
    }
}

pub fn refusal_words(tr: Tr<'_>, r: Refused) -> String {
    tr.t(match r {
        Refused::NotFound => "console-refused-not-found",
        Refused::NoReason => "console-refused-no-reason",
        Refused::NoProvider => "console-refused-no-provider",
        Refused::NotNow => "console-refused-not-now",
        Refused::Ended => "console-refused-ended",
        Refused::BadDay => "console-refused-bad-day",
        Refused::NoChat => "console-refused-no-chat",
        Refused::NeedsAssignee => "console-refused-needs-assignee",
    })
}

/// Commits a staff action's transaction if the action was done (and wakes the dispatcher).
pub async fn settle(
    state: &AppState,
    tx: crate::store::WriteTx<'_>,
    done: Result<(), Refused>,
) -> anyhow::Result<Result<(), Refused>> {
    if done.is_ok() {
        state.commit(tx).await?;
    }
    Ok(done)
}

#[derive(Deserialize)]
pub struct AssignForm {
    provider_id: i64,
    #[serde(default)]
    reason: String,
}

pub async fn assign(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Form(f): Form<AssignForm>,
) -> Response {
    let ctx = state.ctx();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::assign(&mut tx, &ctx, &s.session.staff, id, f.provider_id, &f.reason).await?;
        settle(&state, tx, done).await
    }
    .await;
    answer(&state, &s, done).await
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    text: String,
}

pub async fn note(State(state): State<AppState>, s: Signed, Path(id): Path<i64>, Form(f): Form<NoteForm>) -> Response {
    let now = state.clock.now();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::note(&mut tx, &s.session.staff, id, &f.text, now).await?;
        settle(&state, tx, done).await
    }
    .await;
    let mut r = answer(&state, &s, done).await;
    // the note was kept: the next refresh may empty its box
    r.headers_mut()
        .insert("hx-trigger", axum::http::HeaderValue::from_static("note-saved"));
    r.into_response()
}

#[derive(Deserialize)]
pub struct CloseForm {
    outcome: String,
    #[serde(default)]
    reason: String,
}

pub async fn close(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Form(f): Form<CloseForm>,
) -> Response {
    let now = state.clock.now();
    let Some(to) =
        RequestStatus::from_code(&f.outcome).filter(|s| matches!(s, RequestStatus::Done | RequestStatus::Cancelled))
    else {
        return answer(&state, &s, Ok(Err(Refused::NotNow))).await;
    };
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::move_request(&mut tx, &s.session.staff, id, to, &f.reason, now).await?;
        settle(&state, tx, done).await
    }
    .await;
    answer(&state, &s, done).await
}
