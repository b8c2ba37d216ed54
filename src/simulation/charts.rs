//! The report's charts: lines over the days of the run (or over a swept value), drawn
//! server-side as SVG by plotters, each series named in a legend.

use plotters::prelude::*;

/// One line.
pub struct Line {
    pub label: String,
    pub colour: RGBColor,
    pub points: Vec<(f64, f64)>,
}

pub const BLUE: RGBColor = RGBColor(31, 95, 160);
pub const RED: RGBColor = RGBColor(190, 40, 40);
pub const ORANGE: RGBColor = RGBColor(220, 120, 20);
pub const GREEN: RGBColor = RGBColor(40, 140, 70);
pub const GREY: RGBColor = RGBColor(120, 120, 120);
pub const PURPLE: RGBColor = RGBColor(120, 60, 160);

/// A chart of `lines`; `x_label` names a point of the x axis. An empty string when there is
/// nothing to draw or the drawing failed (the report is still written, without this chart).
pub fn lines(title: &str, lines: &[Line], x_label: &dyn Fn(f64) -> String) -> String {
    let mut out = String::new();
    if lines.iter().all(|l| l.points.is_empty()) {
        return out;
    }
    if let Err(e) = draw(title, lines, x_label, &mut out) {
        tracing::error!(error = %e, "a report chart could not be drawn");
        return String::new();
    }
    out
}

fn draw(
    title: &str,
    lines: &[Line],
    x_label: &dyn Fn(f64) -> String,
    out: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let xs = lines.iter().flat_map(|l| l.points.iter().map(|p| p.0));
    let (x0, x1) = xs.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    let x1 = if x1 <= x0 { x0 + 1.0 } else { x1 };
    let top = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.1))
        .fold(0.0f64, f64::max);
    let top = if top <= 0.0 { 1.0 } else { top * 1.1 };
    let root = SVGBackend::with_string(out, (720, 260)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 16))
        .margin(10)
        .x_label_area_size(28)
        .y_label_area_size(48)
        .build_cartesian_2d(x0..x1, 0f64..top)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .x_label_formatter(&|x| x_label(*x))
        .y_labels(6)
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    for line in lines {
        let colour = line.colour;
        chart
            .draw_series(LineSeries::new(line.points.clone(), colour.stroke_width(2)))?
            .label(line.label.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(2)));
        if line.points.len() <= 40 {
            chart.draw_series(line.points.iter().map(|p| Circle::new(*p, 3, colour.filled())))?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .label_font(("sans-serif", 12))
        .draw()?;
    root.present()?;
    Ok(())
}
