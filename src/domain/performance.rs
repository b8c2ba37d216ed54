//! The performance report (実績報告, step 8 of the seeds' pillar 1): per provider, what they did
//! in a period — telephone consultations, home visits, prescriptions, deliveries — and how fast
//! they answered. Pure: rows in, lines out; the CSV opens in Excel (UTF-8 with a BOM).

use serde::Serialize;

/// A request a provider reported an outcome for in the period.
#[derive(Debug, Clone)]
pub struct OutcomeRow {
    pub provider_id: i64,
    pub outcome: String,
    /// When the outcome was reported (ms).
    pub outcome_at: i64,
    /// When the request became theirs (their accept, or staff's assignment), if known (ms).
    pub taken_at: Option<i64>,
}

/// An offer made to a provider in the period.
#[derive(Debug, Clone)]
pub struct OfferRow {
    pub provider_id: i64,
    pub status: String,
    pub offered_at: i64,
    pub answered_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct ProviderRow {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub organisation: Option<String>,
}

/// One provider's line of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub provider_id: i64,
    pub name: String,
    pub role: String,
    pub organisation: Option<String>,
    pub phone_consultations: u32,
    pub home_visits: u32,
    /// Visits a visiting nurse reported.
    pub nursing_visits: u32,
    pub prescriptions: u32,
    /// First-line drug sets a night-visit doctor gave.
    pub drug_sets: u32,
    pub deliveries: u32,
    /// Oxygen needed, admission needed, could not reach.
    pub other_outcomes: u32,
    pub offers: u32,
    pub accepted: u32,
    pub declined: u32,
    /// Offers left unanswered until their deadline.
    pub expired: u32,
    /// Median minutes from an offer to its accept.
    pub median_minutes_to_accept: Option<f64>,
    /// Median minutes from taking a request to reporting its outcome.
    pub median_minutes_to_outcome: Option<f64>,
}

/// The report's columns, in order (their headings are in the locales: `report-column`).
pub const COLUMNS: [&str; 17] = [
    "provider_id",
    "name",
    "role",
    "organisation",
    "phone_consultations",
    "home_visits",
    "nursing_visits",
    "prescriptions",
    "drug_sets",
    "deliveries",
    "other_outcomes",
    "offers",
    "accepted",
    "declined",
    "expired",
    "median_minutes_to_accept",
    "median_minutes_to_outcome",
];

/// The median, the mean of the middle two for an even count; `None` for no values.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

fn minutes(from: i64, to: i64) -> f64 {
    (to - from).max(0) as f64 / 60_000.0
}

/// One line per provider who had an offer, an outcome or a visit in the period, in provider
/// order. `visits`: the provider of each observation a visiting nurse reported from a visit.
pub fn summarise(providers: &[ProviderRow], outcomes: &[OutcomeRow], offers: &[OfferRow], visits: &[i64]) -> Vec<Line> {
    let mut lines = Vec::new();
    for p in providers {
        let mine: Vec<&OutcomeRow> = outcomes.iter().filter(|o| o.provider_id == p.id).collect();
        let offered: Vec<&OfferRow> = offers
            .iter()
            .filter(|o| o.provider_id == p.id && o.status != "assigned")
            .collect();
        let reported = visits.iter().filter(|v| **v == p.id).count() as u32;
        if mine.is_empty() && offered.is_empty() && reported == 0 {
            continue;
        }
        let count = |codes: &[&str]| mine.iter().filter(|o| codes.contains(&o.outcome.as_str())).count() as u32;
        let answered = |status: &str| offered.iter().filter(|o| o.status == status).count() as u32;
        let accepted: Vec<&&OfferRow> = offered
            .iter()
            .filter(|o| matches!(o.status.as_str(), "accepted" | "reassigned"))
            .collect();
        lines.push(Line {
            provider_id: p.id,
            name: p.name.clone(),
            role: p.role.clone(),
            organisation: p.organisation.clone(),
            phone_consultations: count(&["consulted"]),
            home_visits: if p.role == "nurse" { 0 } else { count(&["visited"]) },
            // each observation reported from a visit, and a visit reported with the button alone
            nursing_visits: if p.role == "nurse" {
                reported + count(&["visited"])
            } else {
                0
            },
            prescriptions: count(&["prescribed"]),
            drug_sets: count(&["drug_set"]),
            deliveries: count(&["delivered"]),
            other_outcomes: count(&["oxygen", "admission", "no_contact"]),
            offers: offered.len() as u32,
            accepted: accepted.len() as u32,
            declined: answered("declined"),
            expired: answered("expired"),
            median_minutes_to_accept: median(
                accepted
                    .iter()
                    .filter_map(|o| o.answered_at.map(|a| minutes(o.offered_at, a)))
                    .collect(),
            ),
            median_minutes_to_outcome: median(
                mine.iter()
                    .filter_map(|o| o.taken_at.map(|t| minutes(t, o.outcome_at)))
                    .collect(),
            ),
        });
    }
    lines
}

fn number(v: Option<f64>) -> String {
    v.map(|m| format!("{m:.1}")).unwrap_or_default()
}

/// The report as CSV for Excel: a UTF-8 byte-order mark, the headings, one row per provider.
pub fn to_csv(lines: &[Line], headings: &[String]) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(headings)?;
        for l in lines {
            w.write_record([
                l.provider_id.to_string(),
                l.name.clone(),
                l.role.clone(),
                l.organisation.clone().unwrap_or_default(),
                l.phone_consultations.to_string(),
                l.home_visits.to_string(),
                l.nursing_visits.to_string(),
                l.prescriptions.to_string(),
                l.drug_sets.to_string(),
                l.deliveries.to_string(),
                l.other_outcomes.to_string(),
                l.offers.to_string(),
                l.accepted.to_string(),
                l.declined.to_string(),
                l.expired.to_string(),
                number(l.median_minutes_to_accept),
                number(l.median_minutes_to_outcome),
            ])?;
        }
        w.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    fn provider(id: i64, name: &str) -> ProviderRow {
        ProviderRow {
            id,
            name: name.into(),
            role: "doctor".into(),
            organisation: None,
        }
    }

    fn outcome(provider_id: i64, outcome: &str, taken: i64, at: i64) -> OutcomeRow {
        OutcomeRow {
            provider_id,
            outcome: outcome.into(),
            outcome_at: at * MIN,
            taken_at: Some(taken * MIN),
        }
    }

    fn offer(provider_id: i64, status: &str, at: i64, answered: Option<i64>) -> OfferRow {
        OfferRow {
            provider_id,
            status: status.into(),
            offered_at: at * MIN,
            answered_at: answered.map(|a| a * MIN),
        }
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5.0]), Some(5.0));
        assert_eq!(median(vec![9.0, 1.0, 5.0]), Some(5.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 10.0]), Some(3.0));
    }

    #[test]
    fn counts_and_response_times_per_provider() {
        let providers = [provider(1, "Dr A"), provider(2, "Dr B"), provider(3, "Idle")];
        let outcomes = [
            outcome(1, "consulted", 0, 30),
            outcome(1, "prescribed", 100, 110),
            outcome(1, "visited", 200, 260),
            outcome(2, "no_contact", 0, 5),
        ];
        let offers = [
            offer(1, "accepted", 0, Some(4)),
            offer(1, "accepted", 90, Some(100)),
            offer(1, "declined", 50, Some(51)),
            offer(2, "expired", 0, None),
            offer(2, "assigned", 0, Some(0)),
        ];
        let lines = summarise(&providers, &outcomes, &offers, &[]);
        assert_eq!(lines.len(), 2, "a provider with nothing in the period is left out");
        let a = &lines[0];
        assert_eq!(
            (a.phone_consultations, a.home_visits, a.prescriptions, a.deliveries),
            (1, 1, 1, 0)
        );
        assert_eq!((a.offers, a.accepted, a.declined, a.expired), (3, 2, 1, 0));
        assert_eq!(a.median_minutes_to_accept, Some(7.0));
        assert_eq!(a.median_minutes_to_outcome, Some(30.0));
        let b = &lines[1];
        assert_eq!(
            (b.other_outcomes, b.offers, b.expired),
            (1, 1, 1),
            "staff's assignment is no offer"
        );
        assert_eq!(b.median_minutes_to_accept, None);
    }

    #[test]
    fn csv_opens_in_excel() {
        let lines = summarise(
            &[provider(1, "佐藤, 医師")],
            &[outcome(1, "consulted", 0, 15)],
            &[],
            &[],
        );
        let headings: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        let bytes = to_csv(&lines, &headings).expect("csv");
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
        let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
        let rows: Vec<&str> = text.split("\r\n").collect();
        assert!(rows[0].starts_with("provider_id,name,role"));
        assert!(rows[1].starts_with("1,\"佐藤, 医師\",doctor,,1,0,0,0"), "{}", rows[1]);
        assert!(rows[1].ends_with(",,15.0"), "{}", rows[1]);
    }
}
