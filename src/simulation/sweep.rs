//! A sweep written out: one run per value of a scenario setting, as `sweep.csv`, `sweep.json`
//! and `sweep.html`, which plots the urgent requests overdue and the chains exhausted against
//! the value.

use std::path::{Path, PathBuf};

use askama::Template;
use serde::Serialize;

use super::charts::{self, Line};
use super::report::{number, write_csv};
use super::scenario::Scenario;
use super::tally::Tally;
use crate::i18n::{Lang, Locales};

/// One run of a sweep.
#[derive(Debug, Clone, Serialize)]
pub struct SweepPoint {
    pub value: f64,
    pub urgent_requests: u64,
    pub urgent_overdue: u64,
    pub urgent_p90: Option<f64>,
    pub urgent_max: Option<f64>,
    pub overdue: u64,
    pub chains_exhausted: u64,
    pub seconds: f64,
}

impl SweepPoint {
    pub fn of(value: f64, tally: &Tally, seconds: f64) -> SweepPoint {
        SweepPoint {
            value,
            urgent_requests: tally.urgent.requests,
            urgent_overdue: tally.urgent.overdue,
            urgent_p90: tally.urgent.p90,
            urgent_max: tally.urgent.max,
            overdue: tally.contact.overdue,
            chains_exhausted: tally.totals.chains_exhausted,
            seconds,
        }
    }
}

#[derive(Template)]
#[template(path = "simulation_sweep.html")]
struct SweepPage<'a> {
    locales: &'a Locales,
    lang: Lang,
    scenario: &'a Scenario,
    path: &'a str,
    points: &'a [SweepPoint],
    chart: String,
}

impl SweepPage<'_> {
    fn t(&self, key: &str) -> String {
        self.locales.text(self.lang, key, &[])
    }

    fn minutes(&self, v: &Option<f64>) -> String {
        v.map_or_else(|| "–".to_string(), |v| format!("{v:.0}"))
    }
}

/// Writes a sweep's files into `dir`; returns the HTML's path.
pub fn write_sweep(
    dir: &Path,
    locales: &Locales,
    lang: Lang,
    scenario: &Scenario,
    path: &str,
    points: &[SweepPoint],
) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("sweep.json"), serde_json::to_string_pretty(points)?)?;
    write_csv(
        &dir.join("sweep.csv"),
        &[
            path,
            "urgent_requests",
            "urgent_overdue",
            "urgent_p90_min",
            "urgent_max_min",
            "overdue",
            "chains_exhausted",
        ],
        points.iter().map(|p| {
            vec![
                p.value.to_string(),
                p.urgent_requests.to_string(),
                p.urgent_overdue.to_string(),
                number(p.urgent_p90),
                number(p.urgent_max),
                p.overdue.to_string(),
                p.chains_exhausted.to_string(),
            ]
        }),
    )?;
    let t = |key: &str| locales.text(lang, key, &[]);
    let line = |key: &str, colour, f: &dyn Fn(&SweepPoint) -> f64| Line {
        label: t(key),
        colour,
        points: points.iter().map(|p| (p.value, f(p))).collect(),
    };
    let chart = charts::lines(
        &locales.text(lang, "sim-sweep-chart", &[("path", path.into())]),
        &[
            line("sim-urgent-overdue", charts::RED, &|p| p.urgent_overdue as f64),
            line("sim-chains-exhausted", charts::PURPLE, &|p| p.chains_exhausted as f64),
        ],
        &|x| format!("{x}"),
    );
    let html = SweepPage {
        locales,
        lang,
        scenario,
        path,
        points,
        chart,
    }
    .render()?;
    let out = dir.join("sweep.html");
    std::fs::write(&out, html)?;
    Ok(out)
}
