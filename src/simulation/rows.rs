//! The rows of a run's tally: what was in use at each hour, what happened in each hour and
//! day, and the minutes to a provider.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::store::Conn;

/// What was in use at the top of an hour.
#[derive(Debug, Clone, Serialize)]
pub struct Gauges {
    #[serde(skip)]
    pub at: DateTime<Utc>,
    pub under_observation: i64,
    /// Concentrators and cylinders in stock.
    pub oxygen_in_stock: i64,
    /// Out with patients (reserved, on the way, at home, to collect).
    pub oxygen_out: i64,
    /// Oxygen requests not yet routed to equipment, a bed or hospital.
    pub oxygen_waiting: i64,
    pub beds_occupied: i64,
}

impl Gauges {
    pub async fn read(conn: &mut Conn, at: DateTime<Utc>) -> anyhow::Result<Gauges> {
        let count = async |conn: &mut Conn, sql: &str| -> sqlx::Result<i64> {
            sqlx::query_scalar(sql).fetch_one(&mut *conn).await
        };
        Ok(Gauges {
            at,
            under_observation: count(conn, "SELECT COUNT(*) FROM patients WHERE status = 'active'").await?,
            oxygen_in_stock: count(
                conn,
                "SELECT COUNT(*) FROM equipment_units WHERE state = 'available' AND kind IN ('concentrator', 'cylinder')",
            )
            .await?,
            oxygen_out: count(
                conn,
                "SELECT COUNT(*) FROM equipment_units
                 WHERE state IN ('reserved', 'out_for_delivery', 'in_use', 'to_collect') AND kind IN ('concentrator', 'cylinder')",
            )
            .await?,
            oxygen_waiting: count(
                conn,
                "SELECT COUNT(*) FROM care_requests WHERE kind = 'oxygen' AND status = 'open'",
            )
            .await?,
            beds_occupied: count(
                conn,
                "SELECT COUNT(*) FROM admissions WHERE status IN ('requested', 'accepted', 'admitted')",
            )
            .await?,
        })
    }
}

/// What happened in an hour or a day.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub reports: u64,
    pub assessed_stable: u64,
    pub assessed_watch: u64,
    pub assessed_moderate: u64,
    pub assessed_urgent: u64,
    pub assessed_emergency: u64,
    pub requests_opened: u64,
    pub requests_done: u64,
    /// Requests whose deadline passed in this time with no provider having taken them.
    pub requests_overdue: u64,
    pub urgent_overdue: u64,
    pub chains_exhausted: u64,
    pub staff_alerts: u64,
    pub releases: u64,
}

impl Counts {
    /// The names of [`Counts::values`], as the CSV headings give them.
    pub const NAMES: [&'static str; 13] = [
        "reports",
        "assessed_stable",
        "assessed_watch",
        "assessed_moderate",
        "assessed_urgent",
        "assessed_emergency",
        "requests_opened",
        "requests_done",
        "requests_overdue",
        "urgent_overdue",
        "chains_exhausted",
        "staff_alerts",
        "releases",
    ];

    pub fn values(&self) -> [u64; 13] {
        [
            self.reports,
            self.assessed_stable,
            self.assessed_watch,
            self.assessed_moderate,
            self.assessed_urgent,
            self.assessed_emergency,
            self.requests_opened,
            self.requests_done,
            self.requests_overdue,
            self.urgent_overdue,
            self.chains_exhausted,
            self.staff_alerts,
            self.releases,
        ]
    }

    fn add(&mut self, o: &Counts) {
        self.reports += o.reports;
        self.assessed_stable += o.assessed_stable;
        self.assessed_watch += o.assessed_watch;
        self.assessed_moderate += o.assessed_moderate;
        self.assessed_urgent += o.assessed_urgent;
        self.assessed_emergency += o.assessed_emergency;
        self.requests_opened += o.requests_opened;
        self.requests_done += o.requests_done;
        self.requests_overdue += o.requests_overdue;
        self.urgent_overdue += o.urgent_overdue;
        self.chains_exhausted += o.chains_exhausted;
        self.staff_alerts += o.staff_alerts;
        self.releases += o.releases;
    }
}

/// Minutes from opening to a provider's acceptance, of the requests taken in an hour or a day.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    pub contact_p50: Option<f64>,
    pub contact_p90: Option<f64>,
    pub contact_max: Option<f64>,
}

impl Contact {
    pub fn of(mut minutes: Vec<f64>) -> Contact {
        minutes.sort_by(f64::total_cmp);
        Contact {
            contact_p50: percentile(&minutes, 50.0),
            contact_p90: percentile(&minutes, 90.0),
            contact_max: minutes.last().copied(),
        }
    }
}

/// One hour of the run.
#[derive(Debug, Clone, Serialize)]
pub struct Hour {
    /// Local time, `2021-08-09 13:00`.
    pub at: String,
    #[serde(flatten)]
    pub gauges: Gauges,
    #[serde(flatten)]
    pub counts: Counts,
    #[serde(flatten)]
    pub contact: Contact,
}

/// One day of the run: the hours summed, the gauges at their peak, the waits of the day.
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: String,
    pub peak_under_observation: i64,
    #[serde(flatten)]
    pub counts: Counts,
    #[serde(flatten)]
    pub contact: Contact,
    pub lowest_oxygen_in_stock: i64,
    pub peak_oxygen_out: i64,
    pub peak_beds_occupied: i64,
}

/// The nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted.get(rank.min(sorted.len()) - 1).copied()
}

/// The hours grouped by their local day.
pub fn days(hours: &[Hour], taken: &[Vec<f64>]) -> Vec<Day> {
    let mut out: Vec<(Day, Vec<f64>)> = Vec::new();
    for (h, waits) in hours.iter().zip(taken) {
        let date = h.at.get(..10).unwrap_or_default().to_string();
        if out.last().is_none_or(|(d, _)| d.date != date) {
            let day = Day {
                date,
                peak_under_observation: 0,
                counts: Counts::default(),
                contact: Contact::default(),
                lowest_oxygen_in_stock: h.gauges.oxygen_in_stock,
                peak_oxygen_out: 0,
                peak_beds_occupied: 0,
            };
            out.push((day, Vec::new()));
        }
        let Some((d, w)) = out.last_mut() else { continue };
        d.peak_under_observation = d.peak_under_observation.max(h.gauges.under_observation);
        d.counts.add(&h.counts);
        d.lowest_oxygen_in_stock = d.lowest_oxygen_in_stock.min(h.gauges.oxygen_in_stock);
        d.peak_oxygen_out = d.peak_oxygen_out.max(h.gauges.oxygen_out);
        d.peak_beds_occupied = d.peak_beds_occupied.max(h.gauges.beds_occupied);
        w.extend(waits);
    }
    out.into_iter()
        .map(|(mut d, w)| {
            d.contact = Contact::of(w);
            d
        })
        .collect()
}
