//! A run written out: `tally.json` (everything), `days.csv` and `hours.csv` (for Excel),
//! `kinds.csv`, `longest.csv`, and `report.html` with the charts.

use std::path::{Path, PathBuf};

use askama::Template;
use serde::Serialize;

use super::charts::{self, Line};
use super::scenario::Scenario;
use super::tally::{Contact, Counts, Day, Tally};
use crate::i18n::{Lang, Locales};

/// How the run itself went (not part of the tally: it differs between runs of one seed).
#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    pub seconds: f64,
    /// The process's peak resident memory, MiB (Linux; `None` elsewhere).
    pub peak_mib: Option<f64>,
    /// Where it ran: `memory` (the default, SQLite in memory) or `given` (`--database`).
    pub database: String,
}

/// The process's peak resident set (VmHWM), MiB.
pub fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

pub(super) fn number(v: Option<f64>) -> String {
    v.map_or(String::new(), |v| format!("{v:.1}"))
}

pub(super) fn write_csv(path: &Path, header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record(header)?;
    for row in rows {
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

const CONTACT_COLUMNS: [&str; 3] = ["contact_p50_min", "contact_p90_min", "contact_max_min"];

fn contact(c: &Contact) -> [String; 3] {
    [c.contact_p50, c.contact_p90, c.contact_max].map(number)
}

/// Headings: `first`, then the counts, then the minutes to contact, then `last`.
fn columns<'a>(first: &[&'a str], last: &[&'a str]) -> Vec<&'a str> {
    let mut all = first.to_vec();
    all.extend(Counts::NAMES);
    all.extend(CONTACT_COLUMNS);
    all.extend(last);
    all
}

fn row(first: Vec<String>, counts: &Counts, c: &Contact, last: &[i64]) -> Vec<String> {
    let mut row = first;
    row.extend(counts.values().map(|n| n.to_string()));
    row.extend(contact(c));
    row.extend(last.iter().map(|n| n.to_string()));
    row
}

/// Writes a run's files into `dir`; returns the HTML report's path.
pub fn write(
    dir: &Path,
    locales: &Locales,
    lang: Lang,
    scenario: &Scenario,
    tally: &Tally,
    run: &RunInfo,
) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("tally.json"), serde_json::to_string_pretty(tally)?)?;
    let days = columns(
        &["date", "peak_under_observation"],
        &["lowest_oxygen_in_stock", "peak_oxygen_out", "peak_beds_occupied"],
    );
    write_csv(
        &dir.join("days.csv"),
        &days,
        tally.daily.iter().map(|d| {
            let first = vec![d.date.clone(), d.peak_under_observation.to_string()];
            row(
                first,
                &d.counts,
                &d.contact,
                &[d.lowest_oxygen_in_stock, d.peak_oxygen_out, d.peak_beds_occupied],
            )
        }),
    )?;
    let hours = columns(
        &["at", "under_observation"],
        &["oxygen_in_stock", "oxygen_out", "oxygen_waiting", "beds_occupied"],
    );
    write_csv(
        &dir.join("hours.csv"),
        &hours,
        tally.hours.iter().map(|h| {
            let g = &h.gauges;
            let first = vec![h.at.clone(), g.under_observation.to_string()];
            let last = [g.oxygen_in_stock, g.oxygen_out, g.oxygen_waiting, g.beds_occupied];
            row(first, &h.counts, &h.contact, &last)
        }),
    )?;
    write_csv(
        &dir.join("kinds.csv"),
        &[
            "kind",
            "opened",
            "done",
            "offered",
            "taken",
            "overdue",
            "chains_exhausted",
            "contact_p50_min",
            "contact_p90_min",
            "contact_max_min",
        ],
        tally.kinds.iter().map(|k| {
            let mut row = vec![k.kind.clone()];
            row.extend(
                [
                    k.opened,
                    k.done,
                    k.waits.requests,
                    k.waits.contacted,
                    k.overdue,
                    k.chains_exhausted,
                ]
                .map(|n| n.to_string()),
            );
            row.extend([k.waits.p50, k.waits.p90, k.waits.max].map(number));
            row
        }),
    )?;
    write_csv(
        &dir.join("longest.csv"),
        &[
            "patient",
            "request",
            "kind",
            "level",
            "opened",
            "waited_min",
            "taken",
            "offered",
            "declined",
            "unanswered",
            "reached_staff",
            "out_of_hours",
        ],
        tally.longest.iter().map(|w| {
            vec![
                w.patient.clone(),
                w.request.to_string(),
                w.kind.clone(),
                w.level.clone(),
                w.opened.clone(),
                format!("{:.1}", w.waited),
                w.taken.to_string(),
                w.offered.to_string(),
                w.declined.to_string(),
                w.unanswered.to_string(),
                w.reached_staff.to_string(),
                w.out_of_hours.to_string(),
            ]
        }),
    )?;
    let path = dir.join("report.html");
    std::fs::write(&path, html(locales, lang, scenario, tally, run)?)?;
    Ok(path)
}

#[derive(Template)]
#[template(path = "simulation.html")]
struct ReportPage<'a> {
    locales: &'a Locales,
    lang: Lang,
    scenario: &'a Scenario,
    tally: &'a Tally,
    run: &'a RunInfo,
    charts: Vec<String>,
}

impl ReportPage<'_> {
    fn t(&self, key: &str) -> String {
        self.locales.text(self.lang, key, &[])
    }

    fn kind(&self, code: &str) -> String {
        self.locales.text(self.lang, "sim-kind", &[("kind", code.into())])
    }

    fn database(&self) -> String {
        self.locales.text(
            self.lang,
            "sim-database",
            &[("where", self.run.database.as_str().into())],
        )
    }

    fn level(&self, code: &str) -> String {
        self.locales.text(self.lang, "sim-level", &[("level", code.into())])
    }

    fn minutes(&self, v: &Option<f64>) -> String {
        v.map_or_else(|| "–".to_string(), |v| format!("{v:.0}"))
    }

    fn why(&self, w: &super::tally::LongWait) -> String {
        let mut parts = vec![self.locales.text(
            self.lang,
            "sim-why-offers",
            &[
                ("offered", w.offered.into()),
                ("declined", w.declined.into()),
                ("unanswered", w.unanswered.into()),
            ],
        )];
        if w.reached_staff {
            parts.push(self.t("sim-why-staff"));
        }
        if w.out_of_hours {
            parts.push(self.t("sim-why-hours"));
        }
        if !w.taken {
            parts.push(self.t("sim-why-never"));
        }
        parts.join(" · ")
    }
}

fn day_axis(daily: &[Day]) -> impl Fn(f64) -> String + '_ {
    move |x| {
        let i = x.round().max(0.0) as usize;
        daily
            .get(i)
            .map(|d| d.date.get(5..).unwrap_or_default().to_string())
            .unwrap_or_default()
    }
}

fn series(label: String, colour: plotters::style::RGBColor, values: impl Iterator<Item = Option<f64>>) -> Line {
    Line {
        label,
        colour,
        points: values
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i as f64, v)))
            .collect(),
    }
}

fn html(locales: &Locales, lang: Lang, scenario: &Scenario, tally: &Tally, run: &RunInfo) -> anyhow::Result<String> {
    let t = |key: &str| locales.text(lang, key, &[]);
    let d = &tally.daily;
    let axis = day_axis(d);
    let hourly_axis = |x: f64| {
        let i = (x / 24.0).floor().max(0.0) as usize;
        d.get(i)
            .map(|d| d.date.get(5..).unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    let hours = &tally.hours;
    let per_hour = |f: fn(&super::tally::Hour) -> f64| hours.iter().map(|h| Some(f(h))).collect::<Vec<_>>().into_iter();
    let charts = vec![
        charts::lines(
            &t("sim-chart-observation"),
            &[
                series(
                    t("sim-under-observation"),
                    charts::BLUE,
                    per_hour(|h| h.gauges.under_observation as f64),
                ),
                series(
                    t("sim-releases-day"),
                    charts::GREEN,
                    d.iter().map(|d| Some(d.counts.releases as f64)),
                )
                .stretched(24.0),
            ],
            &hourly_axis,
        ),
        charts::lines(
            &t("sim-chart-assessments"),
            &[
                series(
                    t("sim-reports"),
                    charts::GREY,
                    d.iter().map(|d| Some(d.counts.reports as f64)),
                ),
                series(
                    locales.text(lang, "sim-level", &[("level", "moderate".into())]),
                    charts::ORANGE,
                    d.iter().map(|d| Some(d.counts.assessed_moderate as f64)),
                ),
                series(
                    locales.text(lang, "sim-level", &[("level", "urgent".into())]),
                    charts::RED,
                    d.iter().map(|d| Some(d.counts.assessed_urgent as f64)),
                ),
                series(
                    locales.text(lang, "sim-level", &[("level", "emergency".into())]),
                    charts::PURPLE,
                    d.iter().map(|d| Some(d.counts.assessed_emergency as f64)),
                ),
            ],
            &axis,
        ),
        charts::lines(
            &t("sim-chart-requests"),
            &[
                series(
                    t("sim-opened"),
                    charts::BLUE,
                    d.iter().map(|d| Some(d.counts.requests_opened as f64)),
                ),
                series(
                    t("sim-done"),
                    charts::GREEN,
                    d.iter().map(|d| Some(d.counts.requests_done as f64)),
                ),
                series(
                    t("sim-overdue"),
                    charts::ORANGE,
                    d.iter().map(|d| Some(d.counts.requests_overdue as f64)),
                ),
                series(
                    t("sim-urgent-overdue"),
                    charts::RED,
                    d.iter().map(|d| Some(d.counts.urgent_overdue as f64)),
                ),
                series(
                    t("sim-chains-exhausted"),
                    charts::PURPLE,
                    d.iter().map(|d| Some(d.counts.chains_exhausted as f64)),
                ),
            ],
            &axis,
        ),
        charts::lines(
            &t("sim-chart-contact"),
            &[
                series("p50".into(), charts::GREEN, d.iter().map(|d| d.contact.contact_p50)),
                series("p90".into(), charts::ORANGE, d.iter().map(|d| d.contact.contact_p90)),
            ],
            &axis,
        ),
        charts::lines(
            &t("sim-chart-oxygen"),
            &[
                series(
                    t("sim-oxygen-in-stock"),
                    charts::GREEN,
                    per_hour(|h| h.gauges.oxygen_in_stock as f64),
                ),
                series(
                    t("sim-oxygen-out"),
                    charts::BLUE,
                    per_hour(|h| h.gauges.oxygen_out as f64),
                ),
                series(
                    t("sim-oxygen-waiting"),
                    charts::RED,
                    per_hour(|h| h.gauges.oxygen_waiting as f64),
                ),
                series(
                    t("sim-beds-occupied"),
                    charts::PURPLE,
                    per_hour(|h| h.gauges.beds_occupied as f64),
                ),
            ],
            &hourly_axis,
        ),
    ];
    Ok(ReportPage {
        locales,
        lang,
        scenario,
        tally,
        run,
        charts,
    }
    .render()?)
}

trait Stretch {
    fn stretched(self, by: f64) -> Self;
}

impl Stretch for Line {
    /// A daily series drawn on an hourly axis: each day at its noon.
    fn stretched(mut self, by: f64) -> Line {
        for p in &mut self.points {
            p.0 = p.0 * by + by / 2.0;
        }
        self
    }
}
