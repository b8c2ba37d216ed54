//! Signing in and out, and who a console request comes from. The session cookie is `HttpOnly`,
//! `SameSite=Strict`, scoped to `/console` and `Secure` when configured; a session unused for
//! `MIMAMORI_CONSOLE_IDLE_MINUTES` is over. Every change a page makes is an htmx request that
//! carries the session's CSRF token in `X-CSRF-Token`; one without it is refused. Ten wrong
//! passwords in a row lock the account for fifteen minutes. Sign-ins, failures and refusals are
//! audited.

use askama::Template;
use axum::Form;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::page::{Tr, html, message};
use crate::api::auth::Needs;
use crate::domain::password;
use crate::i18n::Lang;
use crate::runtime::state::AppState;
use crate::store::staff::{self, Session};

const SESSION_COOKIE: &str = "mmr_session";
const LANG_COOKIE: &str = "mmr_lang";
const PRE_COOKIE: &str = "mmr_pre";
/// Wrong passwords in a row before the account is locked, and for how long.
pub const MAX_FAILURES: i64 = 10;
pub const LOCK_FOR: chrono::Duration = chrono::Duration::minutes(15);

/// A cookie's value from the request.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn set_cookie(state: &AppState, name: &str, value: &str, max_age: Option<i64>) -> HeaderValue {
    let secure = if state.config.console_secure_cookie {
        "; Secure"
    } else {
        ""
    };
    let age = max_age.map(|s| format!("; Max-Age={s}")).unwrap_or_default();
    let text = format!("{name}={value}; Path=/console; HttpOnly; SameSite=Strict{secure}{age}");
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The reader's language: their choice (a cookie), else Japanese.
pub fn language(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::JA)
        .serving("console")
}

/// A signed-in staff member whose role allows what the route does.
pub struct Signed {
    pub session: Session,
    pub lang: Lang,
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = language(&parts.headers);
        let tr = Tr {
            locales: &state.locales,
            lang,
        };
        let now = state.clock.now();
        let found = match cookie(&parts.headers, SESSION_COOKIE) {
            Some(token) => {
                let mut conn = state.db.pool.acquire().await.map_err(|_| unavailable(tr))?;
                staff::session(&mut conn, token, state.config.console_idle, now)
                    .await
                    .map_err(|_| unavailable(tr))?
            }
            None => None,
        };
        let Some(session) = found else {
            return Err(to_sign_in(parts));
        };
        if parts.method != Method::GET {
            let sent = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
            if sent != Some(session.csrf.as_str()) {
                return Err(refuse(state, &session, "csrf", parts.uri.path(), tr).await);
            }
        }
        match parts.extensions.get::<Needs>().map(|n| n.0) {
            Some(action) if session.staff.role.allows(action) => Ok(Signed { session, lang }),
            needed => Err(refuse(
                state,
                &session,
                needed.map_or("undeclared", |a| a.code()),
                parts.uri.path(),
                tr,
            )
            .await),
        }
    }
}

fn unavailable(tr: Tr<'_>) -> Response {
    message(
        StatusCode::SERVICE_UNAVAILABLE,
        tr,
        "console-error-title",
        tr.t("console-error-storage"),
    )
}

/// Not signed in: to the sign-in page, and back here afterwards (htmx follows `HX-Redirect`).
fn to_sign_in(parts: &Parts) -> Response {
    let next = if parts.method == Method::GET {
        parts.uri.path().to_string()
    } else {
        "/console/now".to_string()
    };
    let target = format!("/console/signin?next={}", urlencode(&next));
    if parts.headers.contains_key("hx-request") {
        let mut r = StatusCode::UNAUTHORIZED.into_response();
        if let Ok(v) = HeaderValue::from_str(&target) {
            r.headers_mut().insert("hx-redirect", v);
        }
        return r;
    }
    Redirect::to(&target).into_response()
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e.trim_start_matches('=').to_string())
        .unwrap_or_default()
}

/// A refused page or form: audited, and said in the reader's words.
async fn refuse(state: &AppState, session: &Session, what: &str, path: &str, tr: Tr<'_>) -> Response {
    let audited = async {
        let mut tx = state.db.begin().await?;
        staff::audit(
            &mut tx,
            Some(session.staff.id),
            &format!("denied.{what}"),
            Some(path),
            state.clock.now(),
        )
        .await?;
        tx.commit().await
    };
    if audited.await.is_err() {
        return unavailable(tr);
    }
    let text = tr.t1(
        "console-refused-text",
        "role",
        tr.t(&format!("console-role-{}", session.staff.role.code())),
    );
    message(StatusCode::FORBIDDEN, tr, "console-refused-title", text)
}

#[derive(Template)]
#[template(path = "console/signin.html")]
struct SignInPage<'a> {
    tr: Tr<'a>,
    pre: String,
    next: String,
    problem: Option<String>,
    login: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only a path of the console itself: never a redirect elsewhere.
fn safe_next(next: Option<&str>) -> String {
    next.filter(|n| n.starts_with("/console/") && !n.starts_with("//") && !n.contains("://"))
        .unwrap_or("/console/now")
        .to_string()
}

pub async fn sign_in_page(State(state): State<AppState>, headers: HeaderMap, Query(q): Query<NextQuery>) -> Response {
    let lang = language(&headers);
    sign_in_form(
        &state,
        lang,
        safe_next(q.next.as_deref()),
        None,
        String::new(),
        StatusCode::OK,
    )
}

fn sign_in_form(
    state: &AppState,
    lang: Lang,
    next: String,
    problem: Option<String>,
    login: String,
    status: StatusCode,
) -> Response {
    let pre = staff::secret("");
    let page = SignInPage {
        tr: Tr {
            locales: &state.locales,
            lang,
        },
        pre: pre.clone(),
        next,
        problem,
        login,
    };
    let mut r = (status, html(&page)).into_response();
    r.headers_mut()
        .append(header::SET_COOKIE, set_cookie(state, PRE_COOKIE, &pre, Some(3600)));
    r
}

#[derive(Deserialize)]
pub struct SignInForm {
    login: String,
    password: String,
    pre: String,
    #[serde(default)]
    next: String,
}

/// A hash no password matches, verified against when the login is unknown so that a wrong
/// login takes as long as a wrong password.
fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| password::hash(&staff::secret("")).unwrap_or_default())
}

pub async fn sign_in(State(state): State<AppState>, headers: HeaderMap, Form(f): Form<SignInForm>) -> Response {
    let lang = language(&headers);
    let tr = Tr {
        locales: &state.locales,
        lang,
    };
    let next = safe_next(Some(&f.next));
    let login = f.login.trim().to_string();
    // the form must come from our own page (login CSRF): the same random value as cookie and field
    if cookie(&headers, PRE_COOKIE) != Some(f.pre.as_str()) || f.pre.is_empty() {
        return sign_in_form(
            &state,
            lang,
            next,
            Some(tr.t("console-signin-expired")),
            login,
            StatusCode::FORBIDDEN,
        );
    }
    match check(&state, &login, f.password).await {
        Ok(Ok(session)) => {
            let mut r = Redirect::to(&next).into_response();
            r.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(&state, SESSION_COOKIE, &session.token, None),
            );
            r.headers_mut()
                .append(header::SET_COOKIE, set_cookie(&state, PRE_COOKIE, "", Some(0)));
            r
        }
        Ok(Err(problem)) => {
            let text = match problem {
                SignInProblem::Wrong => tr.t("console-signin-wrong"),
                SignInProblem::Locked(until) => tr.t1(
                    "console-signin-locked",
                    "until",
                    until.with_timezone(&state.config.timezone).format("%H:%M"),
                ),
            };
            sign_in_form(&state, lang, next, Some(text), login, StatusCode::UNAUTHORIZED)
        }
        Err(e) => {
            tracing::error!(error = %e, "signing in failed");
            unavailable(tr)
        }
    }
}

enum SignInProblem {
    /// Unknown login, disabled account or wrong password: one answer for all three.
    Wrong,
    Locked(chrono::DateTime<chrono::Utc>),
}

async fn check(
    state: &AppState,
    login: &str,
    given: String,
) -> anyhow::Result<Result<staff::NewSession, SignInProblem>> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let account = staff::by_login(&mut tx, login).await?;
    let stored = account
        .as_ref()
        .and_then(|a| a.password_hash.clone())
        .unwrap_or_else(|| decoy().to_string());
    if let Some(until) = account.as_ref().and_then(|a| a.locked_until).filter(|u| *u > now) {
        let id = account.as_ref().map(|a| a.staff.id);
        staff::audit(&mut tx, id, "signin.locked", Some(&format!("login:{login}")), now).await?;
        tx.commit().await?;
        return Ok(Err(SignInProblem::Locked(until)));
    }
    // argon2 takes tens of milliseconds: off the async threads
    let matches = tokio::task::spawn_blocking(move || password::verify(&given, &stored)).await?;
    let Some(account) = account.filter(|a| matches && !a.disabled && a.password_hash.is_some()) else {
        if let Some(a) = staff::by_login(&mut tx, login).await? {
            let lock = (a.failed_logins + 1 >= MAX_FAILURES).then_some(now + LOCK_FOR);
            staff::sign_in_failed(&mut tx, a.staff.id, lock).await?;
            let what = if lock.is_some() { "signin.lock" } else { "signin.failed" };
            staff::audit(&mut tx, Some(a.staff.id), what, Some(&format!("login:{login}")), now).await?;
        } else {
            staff::audit(&mut tx, None, "signin.failed", Some(&format!("login:{login}")), now).await?;
        }
        tx.commit().await?;
        return Ok(Err(SignInProblem::Wrong));
    };
    staff::sign_in_succeeded(&mut tx, account.staff.id).await?;
    let session = staff::start_session(&mut tx, account.staff.id, now).await?;
    staff::audit(&mut tx, Some(account.staff.id), "signin", None, now).await?;
    tx.commit().await?;
    Ok(Ok(session))
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let now = state.clock.now();
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        let ended = async {
            let mut tx = state.db.begin().await?;
            if let Some(s) = staff::session(&mut tx, token, state.config.console_idle, now).await? {
                staff::end_session(&mut tx, s.id, now).await?;
                staff::audit(&mut tx, Some(s.staff.id), "signout", None, now).await?;
            }
            tx.commit().await
        };
        if let Err(e) = ended.await {
            tracing::error!(error = %e, "signing out failed");
        }
    }
    let mut r = Redirect::to("/console/signin").into_response();
    r.headers_mut()
        .insert("hx-redirect", HeaderValue::from_static("/console/signin"));
    r.headers_mut()
        .append(header::SET_COOKIE, set_cookie(&state, SESSION_COOKIE, "", Some(0)));
    r
}

/// Switches the console's language and goes back where the reader was.
pub async fn set_language(State(state): State<AppState>, headers: HeaderMap, Path(lang): Path<String>) -> Response {
    let lang = Lang::from_tag(&lang).unwrap_or(Lang::JA).serving("console");
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.find("/console/").map(|at| r[at..].to_string()));
    let mut r = Redirect::to(&safe_next(back.as_deref())).into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(&state, LANG_COOKIE, lang.code(), Some(365 * 24 * 3600)),
    );
    r
}
