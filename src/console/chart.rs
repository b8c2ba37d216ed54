//! A patient's readings over the episode as server-drawn SVG (plotters): one small chart per
//! measure, with the ruleset's thresholds drawn as lines so a reader sees which band a reading
//! fell in without knowing the rules by heart.

use chrono::{DateTime, Utc};
use plotters::prelude::*;

/// One measure's points and the thresholds to draw.
pub struct Series<'a> {
    pub title: &'a str,
    pub points: Vec<(DateTime<Utc>, f64)>,
    pub range: (f64, f64),
    /// (value, label) lines.
    pub thresholds: Vec<(f64, String)>,
    pub colour: RGBColor,
}

/// The chart as an SVG element; an empty string when there is nothing to draw.
pub fn svg(series: &Series<'_>, tz: chrono_tz::Tz) -> String {
    if series.points.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let drawn = draw(series, tz, &mut out);
    if let Err(e) = drawn {
        tracing::error!(error = %e, "a chart could not be drawn");
        return String::new();
    }
    out
}

fn draw(series: &Series<'_>, tz: chrono_tz::Tz, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let first = series.points.iter().map(|p| p.0).min().unwrap_or_default();
    let last = series.points.iter().map(|p| p.0).max().unwrap_or_default();
    // a single reading still gets a day of width
    let last = last.max(first + chrono::Duration::hours(24));
    let hours = |t: DateTime<Utc>| (t - first).num_minutes() as f64 / 60.0;
    let span = hours(last);
    {
        let root = SVGBackend::with_string(out, (560, 180)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(series.title, ("sans-serif", 15))
            .margin(8)
            .x_label_area_size(24)
            .y_label_area_size(36)
            .build_cartesian_2d(0f64..span, series.range.0..series.range.1)?;
        chart
            .configure_mesh()
            .x_labels(6)
            .x_label_formatter(&|h| {
                (first + chrono::Duration::minutes((h * 60.0) as i64))
                    .with_timezone(&tz)
                    .format("%m/%d")
                    .to_string()
            })
            .y_labels(5)
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        for (value, label) in &series.thresholds {
            let style = ShapeStyle::from(&RGBColor(180, 40, 40).mix(0.6)).stroke_width(1);
            chart
                .draw_series(LineSeries::new([(0.0, *value), (span, *value)], style))?
                .label(label.clone());
            chart.draw_series(std::iter::once(Text::new(
                label.clone(),
                (0.2, *value),
                ("sans-serif", 11).into_font().color(&RGBColor(150, 30, 30)),
            )))?;
        }
        let points: Vec<(f64, f64)> = series.points.iter().map(|(t, v)| (hours(*t), *v)).collect();
        chart.draw_series(LineSeries::new(points.clone(), series.colour.stroke_width(2)))?;
        chart.draw_series(points.iter().map(|p| Circle::new(*p, 3, series.colour.filled())))?;
        root.present()?;
    }
    Ok(())
}
