//! Prometheus metrics at `GET /metrics`, one registry per running app (no globals, so tests can
//! run several apps in one process).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Labels {
    pub platform: String,
    pub outcome: String,
}

/// Bucket bounds (seconds) of `event_to_commit_seconds`: 5 ms apart up to 60 ms, where the
/// p99 target lies, coarser above.
const DECISION_BUCKETS: [f64; 37] = [
    0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.010, 0.015, 0.020, 0.025, 0.030, 0.035, 0.040, 0.045, 0.050,
    0.055, 0.060, 0.075, 0.100, 0.125, 0.150, 0.200, 0.250, 0.300, 0.400, 0.500, 0.750, 1.0, 1.5, 2.0, 3.0, 5.0, 7.5,
    10.0, 15.0, 30.0,
];

/// How an urgent question asked back was settled.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct AnswerLabel {
    pub answer: String,
}

pub struct Metrics {
    registry: Registry,
    safety_questions: Family<AnswerLabel, Gauge>,
    webhook_events: Family<Labels, Counter>,
    events_processed: Family<Labels, Counter>,
    outbound: Family<Labels, Counter>,
    ingest_seconds: Histogram,
    decision_seconds: Histogram,
    api_auth: Family<OutcomeLabel, Counter>,
    loop_restarts: Family<LoopLabel, Counter>,
}

/// A background loop, by name.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LoopLabel {
    pub loop_name: String,
}

/// What became of an API request's token.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabel {
    pub outcome: String,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("mimamori");
        let webhook_events = Family::<Labels, Counter>::default();
        let events_processed = Family::<Labels, Counter>::default();
        let outbound = Family::<Labels, Counter>::default();
        let ingest_seconds = Histogram::new(exponential_buckets(0.0005, 2.0, 14));
        registry.register(
            "webhook_events",
            "Webhook events received, by outcome (stored, duplicate)",
            webhook_events.clone(),
        );
        registry.register(
            "events_processed",
            "Stored events processed, by outcome",
            events_processed.clone(),
        );
        registry.register(
            "outbound_messages",
            "Outbound send attempts, by outcome",
            outbound.clone(),
        );
        registry.register(
            "ingest_commit_seconds",
            "Time to make a webhook's events durable",
            ingest_seconds.clone(),
        );
        // 1 ms … 30 s, with 50 ms (the target at 500 reports/s) one of the bounds
        let decision_seconds = Histogram::new(DECISION_BUCKETS.iter().copied());
        registry.register(
            "event_to_commit_seconds",
            "From a webhook event's arrival to the commit of its effects (assessment, care requests, outbox)",
            decision_seconds.clone(),
        );
        let safety_questions = Family::<AnswerLabel, Gauge>::default();
        registry.register(
            "safety_questions",
            "Urgent signs asked back, by how they were settled: yes, no (asked without need), assumed (no answer: taken as yes), open",
            safety_questions.clone(),
        );
        let api_auth = Family::<OutcomeLabel, Counter>::default();
        registry.register(
            "api_auth",
            "API requests by what their token was: missing, malformed (refused without the database), unknown, busy (too many lookups at once), valid",
            api_auth.clone(),
        );
        let loop_restarts = Family::<LoopLabel, Counter>::default();
        registry.register(
            "loop_restarts",
            "Background loops restarted after a panic, by loop",
            loop_restarts.clone(),
        );
        Metrics {
            loop_restarts,
            api_auth,
            registry,
            safety_questions,
            webhook_events,
            events_processed,
            outbound,
            ingest_seconds,
            decision_seconds,
        }
    }

    fn labels(platform: &str, outcome: &str) -> Labels {
        Labels {
            platform: platform.to_string(),
            outcome: outcome.to_string(),
        }
    }

    pub fn received(&self, platform: &str, outcome: &str, n: u64) {
        self.webhook_events
            .get_or_create(&Self::labels(platform, outcome))
            .inc_by(n);
    }
    pub fn processed(&self, platform: &str, outcome: &str) {
        self.events_processed
            .get_or_create(&Self::labels(platform, outcome))
            .inc();
    }
    pub fn sent(&self, platform: &str, outcome: &str) {
        self.outbound.get_or_create(&Self::labels(platform, outcome)).inc();
    }
    pub fn loop_restarted(&self, name: &str) {
        self.loop_restarts
            .get_or_create(&LoopLabel {
                loop_name: name.to_string(),
            })
            .inc();
    }
    pub fn api_auth(&self, outcome: &str) {
        self.api_auth
            .get_or_create(&OutcomeLabel {
                outcome: outcome.to_string(),
            })
            .inc();
    }
    pub fn ingest_took(&self, seconds: f64) {
        self.ingest_seconds.observe(seconds);
    }

    /// The database's count of questions by how they were settled, read at each scrape (all
    /// instances share it).
    pub fn set_safety_questions(&self, counts: &[(String, i64)]) {
        for (answer, n) in counts {
            self.safety_questions
                .get_or_create(&AnswerLabel { answer: answer.clone() })
                .set(*n);
        }
    }

    pub fn event_committed(&self, seconds: f64) {
        self.decision_seconds.observe(seconds);
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}
