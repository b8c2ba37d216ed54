//! Alerts: everything the service raised for a person, with its cause and the patient it
//! concerns; acknowledged ("I'm on it", for everyone) and resolved with a note. An alert stays
//! on the open list until a person resolves it.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::now::{refusal_words, settle};
use super::page::{Frame, html};
use super::session::Signed;
use crate::care::desk;
use crate::runtime::state::AppState;
use crate::store::alerts::{self, Alert};

#[derive(Template)]
#[template(path = "console/alerts.html")]
struct AlertsPage<'a> {
    frame: Frame<'a>,
    open: Vec<Alert>,
    closed: Vec<Alert>,
    said: Option<String>,
}

async fn render(state: &AppState, s: &Signed, said: Option<String>) -> Response {
    let frame = Frame::new(state, &s.session, s.lang, "alerts");
    let read = async {
        let mut conn = state.db.pool.acquire().await?;
        let open = alerts::list(&mut conn, true, 500).await?;
        let all = alerts::list(&mut conn, false, 100).await?;
        anyhow::Ok((open, all))
    };
    let (mut open, mut all) = match read.await {
        Ok(x) => x,
        Err(e) => return super::page::unavailable(frame.tr, &e, "the alerts page"),
    };
    let who = &s.session.staff;
    let visible = |a: &Alert| a.patient_id.is_none() || who.sees(a.area.as_deref());
    open.retain(visible);
    all.retain(|a| visible(a) && a.resolved_at.is_some());
    html(&AlertsPage {
        frame,
        open,
        closed: all,
        said,
    })
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Response {
    render(&state, &s, None).await
}

#[derive(Deserialize)]
pub struct From {
    from: Option<String>,
}

pub async fn acknowledge(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(q): Query<From>,
) -> Response {
    let now = state.clock.now();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::acknowledge_alert(&mut tx, &s.session.staff, id, now).await?;
        settle(&state, tx, done).await
    }
    .await;
    if q.from.as_deref() == Some("now") {
        return super::now::live(State(state), s).await;
    }
    after(&state, &s, done).await
}

#[derive(Deserialize)]
pub struct ResolveForm {
    #[serde(default)]
    note: String,
}

pub async fn resolve(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Form(f): Form<ResolveForm>,
) -> Response {
    let now = state.clock.now();
    let done = async {
        let mut tx = state.db.begin().await?;
        let done = desk::resolve_alert(&mut tx, &s.session.staff, id, &f.note, now).await?;
        settle(&state, tx, done).await
    }
    .await;
    after(&state, &s, done).await
}

async fn after(state: &AppState, s: &Signed, done: anyhow::Result<Result<(), desk::Refused>>) -> Response {
    let tr = super::page::Tr {
        locales: &state.locales,
        lang: s.lang,
    };
    let said = match done {
        Ok(Ok(())) => None,
        Ok(Err(r)) => Some(refusal_words(tr, r)),
        Err(e) => {
            tracing::error!(error = %e, "an alert action failed");
            Some(tr.t("console-error-storage"))
        }
    };
    render(state, s, said).await
}
