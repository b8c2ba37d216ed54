//! The staff side: the real CLI and the JSON API.

use serde_json::Value;

use super::{TELEGRAM_SECRET, TELEGRAM_TOKEN, TestApp};

impl TestApp {
    /// `GET path` of the staff API as a staff member, expecting 200.
    pub async fn api(&self, path: &str) -> Value {
        let token = self.staff.get_or_init(|| staff_token(self));
        let (status, body) = api_get(self, token, path).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    /// The patient's record as staff see it through the API (in English).
    pub async fn patient_record(&self, patient: i64) -> Value {
        self.api(&format!("/api/v1/patients/{patient}?lang=en")).await
    }

    /// When the patient's next check-in prompt is due, as staff see it.
    pub async fn next_check_in(&self, patient: i64) -> chrono::DateTime<chrono::Utc> {
        let record = self.patient_record(patient).await;
        at(&record["next_check_in_at"]).expect("a check-in is scheduled")
    }

    /// When the patient's episode ends as things stand, as staff see it.
    pub async fn release_at(&self, patient: i64) -> Option<chrono::DateTime<chrono::Utc>> {
        at(&self.patient_record(patient).await["release_at"])
    }

    /// The patient's care requests as staff see them through the API, newest first, each with
    /// its chain (`provider`, `answer`) and where it stands.
    pub async fn care_requests(&self, patient: i64) -> Vec<Value> {
        let body = self.patient_record(patient).await;
        body["care_requests"].as_array().cloned().unwrap_or_default()
    }

    /// The patient's care requests of `kind`, newest first.
    pub async fn care_requests_of(&self, patient: i64, kind: &str) -> Vec<Value> {
        let mut all = self.care_requests(patient).await;
        all.retain(|r| r["kind"] == kind);
        all
    }

    /// Waits until the patient has a care request of `kind` for which `holds` is true; returns it.
    pub async fn wait_request(&self, patient: i64, kind: &str, holds: impl Fn(&Value) -> bool) -> Value {
        self.eventually(format!("a {kind} request of patient {patient}"), || async {
            self.care_requests_of(patient, kind)
                .await
                .into_iter()
                .find(|r| holds(r))
        })
        .await
    }

    /// Runs `mimamori <args>` against this test's database.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        self.cli_with_input(args, "")
    }

    /// Runs `mimamori <args>` with `input` on its stdin (a password, say).
    pub fn cli_with_input(&self, args: &[&str], input: &str) -> std::process::Output {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mimamori"))
            .args(args)
            .env("MIMAMORI_DATABASE_URL", &self.db.url)
            .env("MIMAMORI_TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
            .env("MIMAMORI_TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET)
            .env("MIMAMORI_TELEGRAM_BOT_USERNAME", "mimamori_test_bot")
            // the platforms are this test's stand-ins (`line setup`, `telegram setup`)
            .env("MIMAMORI_TELEGRAM_API_URL", self.telegram.uri())
            .env("MIMAMORI_LINE_CHANNEL_SECRET", super::LINE_SECRET)
            .env("MIMAMORI_LINE_CHANNEL_ACCESS_TOKEN", "line-access-token")
            .env("MIMAMORI_LINE_API_URL", self.line.uri())
            .env("MIMAMORI_HEALTH_CENTRE_PHONE", super::CENTRE_PHONE)
            .env("MIMAMORI_LOG", "warn")
            .env("MIMAMORI_OPERATOR", "test-operator")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run the mimamori binary");
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(input.as_bytes());
        }
        child.wait_with_output().expect("the mimamori binary ends")
    }

    /// Registers a patient through the CLI; returns (patient id, enrolment code).
    pub fn add_patient(&self, name: &str, extra: &[&str]) -> (i64, String) {
        // onset two days before the test's clock, so the rules see an early-stage patient
        // whatever day the suite runs
        let onset = {
            use mimamori::clock::Clock;
            (self.clock.now() - chrono::Duration::days(2))
                .with_timezone(&chrono_tz::Asia::Tokyo)
                .date_naive()
                .to_string()
        };
        let mut args = vec![
            "patient",
            "add",
            "--name",
            name,
            "--phone",
            "090-1234-5678",
            "--birth-date",
            "1980-04-01",
        ];
        if !extra.contains(&"--onset-date") {
            args.extend_from_slice(&["--onset-date", &onset]);
        }
        args.push("--json");
        args.extend_from_slice(extra);
        let out = self.cli(&args);
        assert!(
            out.status.success(),
            "patient add failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        (
            v["patient_id"].as_i64().expect("patient_id"),
            v["enrolment_code"].as_str().expect("enrolment_code").to_string(),
        )
    }

    /// Registers a patient and enrols their LINE chat with the code; returns (patient id, texts
    /// sent so far, the welcome included).
    pub async fn enrol_line(&self, user: &str, name: &str, extra: &[&str]) -> (i64, usize) {
        let (id, code) = self.add_patient(name, extra);
        self.line_text(user, &code).await;
        self.settle().await;
        (id, self.texts().await.len())
    }

    /// The same on Telegram, in English.
    pub async fn enrol_telegram(&self, chat: i64, name: &str, extra: &[&str]) -> (i64, usize) {
        let mut args = vec!["--language", "en"];
        args.extend_from_slice(extra);
        let (id, code) = self.add_patient(name, &args);
        self.tg_text(chat, &code, Some("en")).await;
        self.settle().await;
        (id, self.texts().await.len())
    }

    /// `mimamori patient show --json`: the patient, their reports (newest first), questions.
    pub fn patient_json(&self, patient: i64) -> Value {
        let out = self.cli(&["patient", "show", &patient.to_string(), "--json"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

/// Writes a roster file for a test and returns its path (`name` keeps tests apart).
pub fn roster_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("mimamori-roster-{}-{name}.toml", std::process::id()));
    std::fs::write(&path, text).expect("write the roster file");
    path
}

pub fn staff_token(app: &TestApp) -> String {
    let out = app.cli(&["staff", "add", "--name", "保健師 佐々木", "--role", "staff", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    v["token"].as_str().expect("token").to_string()
}

pub async fn api_get(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let (status, body) = api_get_text(app, token, path).await;
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// A GET whose answer is text (a CSV export).
pub async fn api_get_text(app: &TestApp, token: &str, path: &str) -> (u16, String) {
    let r = app
        .http
        .get(format!("{}{path}", app.base))
        .bearer_auth(token)
        .send()
        .await
        .expect("GET");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

pub async fn api_post(app: &TestApp, token: &str, path: &str, body: Value) -> (u16, Value) {
    let r = app
        .http
        .post(format!("{}{path}", app.base))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("POST");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// A time the API gives (RFC 3339), if there is one.
pub fn at(v: &Value) -> Option<chrono::DateTime<chrono::Utc>> {
    v.as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&chrono::Utc))
}
