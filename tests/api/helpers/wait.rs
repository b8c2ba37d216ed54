//! Waiting for the service's loops to have done something: polls for the effect, never a
//! sleep that stands for a timer.

use std::time::Duration;

use sqlx::AnyPool;

use super::TestApp;

impl TestApp {
    /// Gives the loops `ms` of real time to do what a test checks they did NOT do (send twice,
    /// send early): a check of absence has no effect to poll for.
    pub async fn let_run(&self, ms: u64) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }

    /// Polls `probe` until it finds something, for up to 10 s (the loops run for real; nothing
    /// sleeps on a timer, we poll for the effect). Every wait of the suite goes through here.
    pub async fn eventually<T, F, Fut>(&self, what: impl std::fmt::Display, probe: F) -> T
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        for _ in 0..400 {
            if let Some(found) = probe().await {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("timed out waiting for {what}");
    }

    /// Waits until `n` texts have been sent in all.
    pub async fn wait_for_texts(&self, n: usize) -> Vec<String> {
        let what = format!("{n} messages (so far: {:#?})", self.texts().await);
        self.eventually(what, || async {
            let texts = self.texts().await;
            (texts.len() >= n).then_some(texts)
        })
        .await
    }

    /// Waits until `cond` holds on the database.
    pub async fn wait_until<F, Fut>(&self, what: &str, cond: F)
    where
        F: Fn(AnyPool) -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        self.eventually(what, || async { cond(self.pool()).await.then_some(()) })
            .await
    }

    /// Waits until the count `sql` selects is `n`.
    pub async fn wait_count(&self, what: &str, sql: &str, n: i64) {
        self.wait_until(what, |pool| async move {
            sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.ok() == Some(n)
        })
        .await;
    }

    /// Waits until every stored event is handled and the outbox is empty of due work.
    pub async fn settle(&self) {
        let now = self.clock_ms();
        self.wait_until(
            "events are processed and no outbox row is due",
            move |pool| async move {
                let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inbound_events WHERE status = 'pending'")
                    .fetch_one(&pool)
                    .await
                    .unwrap_or(1);
                let due: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1",
                )
                .bind(now)
                .fetch_one(&pool)
                .await
                .unwrap_or(1);
                pending == 0 && due == 0
            },
        )
        .await;
    }

    /// Waits until every stored event is handled (the dispatcher may be off).
    pub async fn settle_events(&self) {
        self.wait_until("events are processed", |pool| async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM inbound_events WHERE status = 'pending'")
                .fetch_one(&pool)
                .await
                .unwrap_or(1)
                == 0
        })
        .await;
    }

    pub async fn scalar_i64(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool()).await.expect(sql)
    }

    pub async fn scalar_str(&self, sql: &str) -> Option<String> {
        sqlx::query_scalar(sql).fetch_optional(&self.pool()).await.expect(sql)
    }
}

/// The offer buttons sent to a Telegram chat: (accept data, decline data).
pub async fn offer_buttons(app: &TestApp, chat: i64) -> (String, String) {
    offer_with(app, &chat.to_string(), "").await
}

/// The buttons of the latest message with buttons to `chat` (a Telegram chat id or a LINE
/// user) whose text contains `needle`.
pub async fn offer_with(app: &TestApp, chat: &str, needle: &str) -> (String, String) {
    let buttons = buttons_of(app, chat, needle).await;
    (buttons[0].1.clone(), buttons[1].1.clone())
}

/// Every (label, data) button of the latest message to `chat` containing `needle` (`chat` empty:
/// to anyone, as LINE replies name no recipient).
pub async fn buttons_of(app: &TestApp, chat: &str, needle: &str) -> Vec<(String, String)> {
    let what = format!("a message with buttons and {needle:?} to {chat:?}");
    app.eventually(what, || async {
        app.sent()
            .await
            .into_iter()
            .rev()
            .find(|s| {
                (chat.is_empty() || s.to.as_deref() == Some(chat)) && !s.buttons.is_empty() && s.text.contains(needle)
            })
            .map(|o| o.buttons)
    })
    .await
}

/// The first text to anyone containing `needle` (LINE replies name no recipient).
pub async fn wait_text(app: &TestApp, needle: &str) -> String {
    app.eventually(format!("a text with {needle:?}"), || async {
        app.texts().await.into_iter().find(|t| t.contains(needle))
    })
    .await
}

pub async fn wait_text_to(app: &TestApp, chat: &str, needle: &str) -> String {
    app.eventually(format!("a text with {needle:?} to {chat}"), || async {
        app.texts_to(chat).await.into_iter().find(|t| t.contains(needle))
    })
    .await
}
