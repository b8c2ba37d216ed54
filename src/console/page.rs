//! What every console page shares: the words in the reader's language, the frame (who is
//! signed in, the navigation, the CSRF token htmx sends), and turning a template into a
//! response.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use fluent_bundle::FluentValue;

use crate::domain::access::{Action, Role};
use crate::i18n::{Lang, Locales};
use crate::runtime::state::AppState;
use crate::store::staff::Session;

/// The console's words in one language, as its templates ask for them (`console-` messages).
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub locales: &'a Locales,
    pub lang: Lang,
}

impl Tr<'_> {
    pub fn t(&self, key: &str) -> String {
        self.locales.text(self.lang, key, &[])
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        self.locales
            .text(self.lang, key, &[(name, FluentValue::from(value.to_string()))])
    }

    pub fn lang(&self) -> &'static str {
        self.lang.code()
    }

    /// The message `prefix` + `code` (a kind, a status), as templates name them.
    pub fn tk(&self, prefix: &str, code: &str) -> String {
        self.t(&format!("{prefix}{code}"))
    }

    /// A time as staff read it: local, day and minute.
    pub fn when(&self, at: &chrono::DateTime<chrono::Utc>, tz: &chrono_tz::Tz) -> String {
        at.with_timezone(tz).format("%m/%d %H:%M").to_string()
    }
}

/// The frame around every signed-in page.
pub struct Frame<'a> {
    pub tr: Tr<'a>,
    pub name: String,
    pub role: Role,
    pub csrf: String,
    /// Which navigation entry is this page (`now`, `patients`, `alerts`, …).
    pub here: &'static str,
    pub tz: chrono_tz::Tz,
}

impl<'a> Frame<'a> {
    pub fn new(state: &'a AppState, session: &Session, lang: Lang, here: &'static str) -> Frame<'a> {
        Frame {
            tr: Tr {
                locales: &state.locales,
                lang,
            },
            name: session.staff.name.clone(),
            role: session.staff.role,
            csrf: session.csrf.clone(),
            here,
            tz: state.config.timezone,
        }
    }

    /// Whether the signed-in role may do `action` (a page shows only the buttons that work).
    pub fn may(&self, action: &str) -> bool {
        Action::from_code(action).is_some_and(|a| self.role.allows(a))
    }

    pub fn role_name(&self) -> String {
        self.tr.t(&format!("console-role-{}", self.role.code()))
    }
}

/// A rendered template, or a plain 500 that names no internals.
pub fn html(t: &impl Template) -> Response {
    match t.render() {
        Ok(body) => Html(body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a console template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "the page could not be drawn").into_response()
        }
    }
}

/// A short message page (refusal, not found, error) in the reader's language.
#[derive(Template)]
#[template(path = "console/message.html")]
pub struct MessagePage<'a> {
    pub tr: Tr<'a>,
    pub title: String,
    pub text: String,
}

pub fn message(status: StatusCode, tr: Tr<'_>, title_key: &str, text: String) -> Response {
    let page = MessagePage {
        tr,
        title: tr.t(title_key),
        text,
    };
    (status, html(&page)).into_response()
}

/// The database failed a read or a change: logged (never shown), and said plainly.
pub fn unavailable(tr: Tr<'_>, e: &anyhow::Error, what: &str) -> Response {
    tracing::error!(error = %e, what, "the console could not reach the database");
    message(
        StatusCode::SERVICE_UNAVAILABLE,
        tr,
        "console-error-title",
        tr.t("console-error-storage"),
    )
}

/// Nothing to show: no such thing, or one outside the reader's areas (the same answer).
pub fn not_found(tr: Tr<'_>) -> Response {
    message(
        StatusCode::NOT_FOUND,
        tr,
        "console-error-title",
        tr.t("console-refused-not-found"),
    )
}
