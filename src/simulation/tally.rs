//! What a run did, hour by hour and in all: read from the service's own tables after the run
//! (reports, assessments, care requests and their offers, staff alerts, releases), and from
//! what was in use at each hour (patients at home, oxygen, beds), sampled during it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::rows::days;
pub use super::rows::{Contact, Counts, Day, Gauges, Hour, percentile};
use super::scenario::Scenario;
use crate::runtime::state::AppState;
use crate::store::{Conn, from_ms, ms};

/// Waits for a provider, in minutes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Waits {
    pub requests: u64,
    /// Taken by a provider within the run.
    pub contacted: u64,
    pub p50: Option<f64>,
    pub p90: Option<f64>,
    pub max: Option<f64>,
    pub overdue: u64,
}

/// One kind of care request over the run.
#[derive(Debug, Clone, Serialize)]
pub struct Kind {
    pub kind: String,
    pub opened: u64,
    pub done: u64,
    pub overdue: u64,
    pub chains_exhausted: u64,
    #[serde(flatten)]
    pub waits: Waits,
}

/// A patient who waited long for a provider, and what the offers met.
#[derive(Debug, Clone, Serialize)]
pub struct LongWait {
    pub patient: String,
    pub request: i64,
    pub kind: String,
    pub level: String,
    pub opened: String,
    /// Minutes until a provider took it (or until the run ended).
    pub waited: f64,
    pub taken: bool,
    pub offered: u64,
    pub declined: u64,
    pub unanswered: u64,
    pub reached_staff: bool,
    /// Opened outside 9:00–18:00 or on a weekend.
    pub out_of_hours: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub patients: u64,
    pub providers: u64,
    pub messages_in: u64,
    pub messages_out: u64,
    pub reports: u64,
    pub assessments: BTreeMap<String, u64>,
    pub requests: u64,
    pub chains_exhausted: u64,
    pub staff_alerts: u64,
    pub releases: u64,
    pub peak_under_observation: i64,
    pub peak_oxygen_out: i64,
    pub lowest_oxygen_in_stock: i64,
    pub peak_beds_occupied: i64,
    /// Oxygen requests routed to equipment at home, the station and hospital.
    pub oxygen_routes: BTreeMap<String, u64>,
}

/// Everything a run reports.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    pub scenario: String,
    pub seed: u64,
    pub start: String,
    pub days: u32,
    pub totals: Totals,
    /// Requests offered to providers, and the urgent ones among them.
    pub contact: Waits,
    pub urgent: Waits,
    pub kinds: Vec<Kind>,
    pub longest: Vec<LongWait>,
    pub daily: Vec<Day>,
    pub hours: Vec<Hour>,
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    patient_id: i64,
    kind: String,
    urgency: i64,
    status: String,
    target_at: i64,
    created_at: i64,
    updated_at: i64,
    route: Option<String>,
}

#[derive(sqlx::FromRow)]
struct OfferRow {
    care_request_id: i64,
    status: String,
    answered_at: Option<i64>,
}

fn waits(mut minutes: Vec<f64>, requests: u64, overdue: u64) -> Waits {
    minutes.sort_by(f64::total_cmp);
    Waits {
        requests,
        contacted: minutes.len() as u64,
        p50: percentile(&minutes, 50.0),
        p90: percentile(&minutes, 90.0),
        max: minutes.last().copied(),
        overdue,
    }
}

/// How one request went.
struct Fate {
    offered: bool,
    taken_at: Option<i64>,
    overdue_at: Option<i64>,
    done_at: Option<i64>,
    closed_at: Option<i64>,
}

const URGENT: i64 = 3;

impl Tally {
    pub async fn read(
        state: &AppState,
        scenario: &Scenario,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        gauges: Vec<Gauges>,
        messages_in: u64,
        messages_out: u64,
    ) -> anyhow::Result<Tally> {
        let mut conn = state.db.pool.acquire().await?;
        let conn: &mut Conn = &mut conn;
        let tz = state.config.timezone;
        let hour_of = |t: i64| -> Option<usize> {
            let i = (t - ms(start)).div_euclid(3_600_000);
            usize::try_from(i).ok().filter(|i| *i < gauges.len())
        };
        let mut hours: Vec<Hour> = gauges
            .iter()
            .map(|g| Hour {
                at: g.at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
                gauges: g.clone(),
                counts: Counts::default(),
                contact: Contact::default(),
            })
            .collect();
        let mut totals = Totals {
            messages_in,
            messages_out,
            ..Totals::default()
        };
        let at = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
        for t in at("SELECT completed_at FROM reports WHERE completed_at IS NOT NULL")
            .fetch_all(&mut *conn)
            .await?
        {
            totals.reports += 1;
            if let Some(h) = hour_of(t) {
                hours[h].counts.reports += 1;
            }
        }
        let assessed: Vec<(i64, String)> = sqlx::query_as("SELECT created_at, level FROM assessments")
            .fetch_all(&mut *conn)
            .await?;
        for (t, level) in assessed {
            if let Some(h) = hour_of(t) {
                let hour = &mut hours[h].counts;
                match level.as_str() {
                    "stable" => hour.assessed_stable += 1,
                    "watch" => hour.assessed_watch += 1,
                    "moderate" => hour.assessed_moderate += 1,
                    "urgent" => hour.assessed_urgent += 1,
                    _ => hour.assessed_emergency += 1,
                }
            }
            *totals.assessments.entry(level).or_default() += 1;
        }
        let alerts: Vec<(i64, String)> = sqlx::query_as("SELECT created_at, kind FROM staff_alerts")
            .fetch_all(&mut *conn)
            .await?;
        for (t, kind) in alerts {
            totals.staff_alerts += 1;
            let exhausted = kind == "chain_exhausted";
            totals.chains_exhausted += u64::from(exhausted);
            if let Some(h) = hour_of(t) {
                hours[h].counts.staff_alerts += 1;
                hours[h].counts.chains_exhausted += u64::from(exhausted);
            }
        }
        for t in at("SELECT released_at FROM patients WHERE released_at IS NOT NULL")
            .fetch_all(&mut *conn)
            .await?
        {
            totals.releases += 1;
            if let Some(h) = hour_of(t) {
                hours[h].counts.releases += 1;
            }
        }
        totals.patients = at("SELECT COUNT(*) FROM patients").fetch_one(&mut *conn).await? as u64;
        totals.providers = at("SELECT COUNT(*) FROM providers").fetch_one(&mut *conn).await? as u64;
        let requests: Vec<RequestRow> = sqlx::query_as(
            "SELECT id, patient_id, kind, urgency, status, target_at, created_at, updated_at, route FROM care_requests ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let offers: Vec<OfferRow> = sqlx::query_as("SELECT care_request_id, status, answered_at FROM offers")
            .fetch_all(&mut *conn)
            .await?;
        let mut by_request: BTreeMap<i64, Vec<&OfferRow>> = BTreeMap::new();
        for o in &offers {
            by_request.entry(o.care_request_id).or_default().push(o);
        }
        let exhausted: Vec<String> =
            sqlx::query_scalar("SELECT detail FROM staff_alerts WHERE kind = 'chain_exhausted'")
                .fetch_all(&mut *conn)
                .await?;
        let reached_staff = |id: i64| {
            let needle = format!("care request {id} ");
            exhausted.iter().any(|d| d.contains(&needle))
        };
        let names: BTreeMap<i64, String> = sqlx::query_as::<_, (i64, String)>("SELECT id, name FROM patients")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
        let end_ms = ms(end);
        let mut kinds: BTreeMap<String, (Kind, Vec<f64>)> = BTreeMap::new();
        let mut all = Vec::new();
        let mut urgent = Vec::new();
        let (mut offered_n, mut urgent_n, mut overdue_n, mut urgent_overdue_n) = (0, 0, 0, 0);
        let mut taken_by_hour: Vec<Vec<f64>> = vec![Vec::new(); hours.len()];
        let mut longest = Vec::new();
        for r in &requests {
            totals.requests += 1;
            if let Some(route) = &r.route {
                *totals.oxygen_routes.entry(route.clone()).or_default() += 1;
            }
            let offers = by_request.get(&r.id).map(Vec::as_slice).unwrap_or_default();
            let fate = fate(r, offers, end_ms);
            let entry = kinds.entry(r.kind.clone()).or_insert_with(|| {
                (
                    Kind {
                        kind: r.kind.clone(),
                        opened: 0,
                        done: 0,
                        overdue: 0,
                        chains_exhausted: 0,
                        waits: Waits::default(),
                    },
                    Vec::new(),
                )
            });
            entry.0.opened += 1;
            entry.0.done += u64::from(fate.done_at.is_some());
            let staff = reached_staff(r.id);
            entry.0.chains_exhausted += u64::from(staff);
            if let Some(h) = hour_of(r.created_at) {
                hours[h].counts.requests_opened += 1;
            }
            if let Some(h) = fate.done_at.and_then(hour_of) {
                hours[h].counts.requests_done += 1;
            }
            if !fate.offered {
                continue;
            }
            entry.0.waits.requests += 1;
            offered_n += 1;
            let is_urgent = r.urgency >= URGENT;
            urgent_n += u64::from(is_urgent);
            if let Some(t) = fate.overdue_at {
                entry.0.overdue += 1;
                overdue_n += 1;
                urgent_overdue_n += u64::from(is_urgent);
                if let Some(h) = hour_of(t) {
                    hours[h].counts.requests_overdue += 1;
                    hours[h].counts.urgent_overdue += u64::from(is_urgent);
                }
            }
            let waited = (fate.taken_at.or(fate.closed_at).unwrap_or(end_ms) - r.created_at) as f64 / 60_000.0;
            if let Some(taken) = fate.taken_at {
                entry.1.push(waited);
                all.push(waited);
                if is_urgent {
                    urgent.push(waited);
                }
                if let Some(h) = hour_of(taken) {
                    taken_by_hour[h].push(waited);
                }
            }
            let local = from_ms(r.created_at).with_timezone(&tz);
            let hour = chrono::Timelike::hour(&local);
            let weekend = matches!(
                chrono::Datelike::weekday(&local),
                chrono::Weekday::Sat | chrono::Weekday::Sun
            );
            longest.push(LongWait {
                patient: names.get(&r.patient_id).cloned().unwrap_or_default(),
                request: r.id,
                kind: r.kind.clone(),
                level: crate::domain::triage::Level::from_rank(r.urgency)
                    .map_or("", |l| l.code())
                    .to_string(),
                opened: local.format("%Y-%m-%d %H:%M").to_string(),
                waited,
                taken: fate.taken_at.is_some(),
                offered: offers.len() as u64,
                declined: offers.iter().filter(|o| o.status == "declined").count() as u64,
                unanswered: offers.iter().filter(|o| o.status == "expired").count() as u64,
                reached_staff: staff,
                out_of_hours: weekend || !(9..18).contains(&hour),
            });
        }
        let daily = days(&hours, &taken_by_hour);
        for (hour, w) in hours.iter_mut().zip(taken_by_hour) {
            hour.contact = Contact::of(w);
        }
        longest.sort_by(|a, b| b.waited.total_cmp(&a.waited).then(a.request.cmp(&b.request)));
        longest.truncate(10);
        let kinds = kinds
            .into_values()
            .map(|(mut k, w)| {
                let (requests, overdue) = (k.waits.requests, k.overdue);
                k.waits = waits(w, requests, overdue);
                k
            })
            .collect();
        for g in &gauges {
            totals.peak_under_observation = totals.peak_under_observation.max(g.under_observation);
            totals.peak_oxygen_out = totals.peak_oxygen_out.max(g.oxygen_out);
            totals.peak_beds_occupied = totals.peak_beds_occupied.max(g.beds_occupied);
        }
        totals.lowest_oxygen_in_stock = gauges.iter().map(|g| g.oxygen_in_stock).min().unwrap_or(0);
        Ok(Tally {
            scenario: scenario.name.clone(),
            seed: scenario.seed,
            start: scenario.start.to_string(),
            days: scenario.days,
            totals,
            contact: waits(all, offered_n, overdue_n),
            urgent: waits(urgent, urgent_n, urgent_overdue_n),
            kinds,
            longest,
            daily,
            hours,
        })
    }
}

/// When a request was taken, went overdue (its deadline passed before a provider took it, and
/// it was still open then) and was done.
fn fate(r: &RequestRow, offers: &[&OfferRow], end: i64) -> Fate {
    let taken_at = offers
        .iter()
        .filter(|o| o.status == "accepted")
        .filter_map(|o| o.answered_at)
        .min();
    let closed_at = matches!(r.status.as_str(), "done" | "cancelled").then_some(r.updated_at);
    let settled = [taken_at, closed_at].into_iter().flatten().min();
    let overdue_at = match settled {
        Some(t) if t <= r.target_at => None,
        _ if r.target_at <= end => Some(r.target_at),
        _ => None,
    };
    Fate {
        offered: !offers.is_empty(),
        taken_at,
        overdue_at,
        done_at: (r.status == "done").then_some(r.updated_at),
        closed_at,
    }
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), Some(5.0));
        assert_eq!(percentile(&v, 90.0), Some(9.0));
        assert_eq!(percentile(&v, 100.0), Some(10.0));
        assert_eq!(percentile(&[], 50.0), None);
        assert_eq!(percentile(&[7.0], 90.0), Some(7.0));
    }
}
