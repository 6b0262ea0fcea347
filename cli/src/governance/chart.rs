//! The report's chart (SVG, with `plotters`): per-scheme bars of participation, decision
//! latency, Gini and Nakamoto coefficient, and the Lorenz curves of voting power per scheme.

use std::path::Path;

use ostrom_metrics::{
	aggregate::{Group, Row},
	measures::LorenzPoint,
	model::Scheme,
};
use plotters::{
	coord::{ranged1d::SegmentValue, Shift},
	prelude::*,
	style::text_anchor::{HPos, Pos, VPos},
};

/// The chart's size in pixels.
const SIZE: (u32, u32) = (1200, 820);

/// A scheme's colour (the same in every panel).
pub fn colour(scheme: Scheme) -> RGBColor {
	match scheme {
		Scheme::Token => RGBColor(214, 39, 40),
		Scheme::Quadratic => RGBColor(31, 119, 180),
		Scheme::Reputation => RGBColor(44, 160, 44),
		Scheme::Council => RGBColor(148, 103, 189),
	}
}

fn failed<E: std::fmt::Display>(e: E) -> String {
	format!("cannot draw the chart: {e}")
}

/// The value of `pick` in the row of each scheme, in the order of [`Scheme::ALL`].
pub fn per_scheme(rows: &[Row], pick: impl Fn(&Row) -> Option<f64>) -> Vec<(Scheme, Option<f64>)> {
	Scheme::ALL
		.iter()
		.map(|s| (*s, rows.iter().find(|r| r.group == Group::Scheme(*s)).and_then(&pick)))
		.collect()
}

/// One bar panel: a bar per scheme (`n/a` where the value is undefined), labelled by `label`;
/// the y axis runs to `ceiling`, or a fifth above the largest value.
fn bars<DB: DrawingBackend>(
	area: &DrawingArea<DB, Shift>,
	title: &str,
	values: &[(Scheme, Option<f64>)],
	label: &dyn Fn(f64) -> String,
	ceiling: Option<f64>,
) -> Result<(), String> {
	let largest = values.iter().filter_map(|(_, v)| *v).fold(0.0_f64, f64::max);
	let top = ceiling.unwrap_or(if largest > 0.0 { largest * 1.2 } else { 1.0 });
	let n = u32::try_from(values.len()).unwrap_or(u32::MAX);
	let names: Vec<&str> = values.iter().map(|(s, _)| s.name()).collect();
	let mut chart = ChartBuilder::on(area)
		.caption(title, ("sans-serif", 17))
		.margin(12)
		.x_label_area_size(28)
		.y_label_area_size(52)
		.build_cartesian_2d((0u32..n.saturating_sub(1)).into_segmented(), 0f64..top)
		.map_err(failed)?;
	let name_of = |v: &SegmentValue<u32>| match v {
		SegmentValue::CenterOf(i) => {
			names.get(usize::try_from(*i).unwrap_or(usize::MAX)).copied().unwrap_or("").to_string()
		},
		_ => String::new(),
	};
	chart
		.configure_mesh()
		.disable_x_mesh()
		.x_label_formatter(&name_of)
		.y_label_formatter(&|y| label(*y))
		.y_labels(6)
		.draw()
		.map_err(failed)?;
	let above =
		TextStyle::from(("sans-serif", 14).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
	for (i, (scheme, value)) in (0u32..).zip(values.iter()) {
		match value {
			Some(v) => {
				let mut bar = Rectangle::new(
					[(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i.saturating_add(1)), *v)],
					colour(*scheme).filled(),
				);
				bar.set_margin(0, 0, 10, 10);
				chart.draw_series(std::iter::once(bar)).map_err(failed)?;
				chart
					.draw_series(std::iter::once(Text::new(
						label(*v),
						(SegmentValue::CenterOf(i), *v),
						above.clone(),
					)))
					.map_err(failed)?;
			},
			None => {
				chart
					.draw_series(std::iter::once(Text::new(
						"n/a".to_string(),
						(SegmentValue::CenterOf(i), top * 0.02),
						above.clone(),
					)))
					.map_err(failed)?;
			},
		}
	}
	Ok(())
}

/// The Lorenz curves of voting power, one per scheme with ballots, and the line of equality.
fn lorenz<DB: DrawingBackend>(
	area: &DrawingArea<DB, Shift>,
	curves: &[(Scheme, Vec<LorenzPoint>)],
	gini: &[(Scheme, Option<f64>)],
) -> Result<(), String> {
	let mut chart = ChartBuilder::on(area)
		.caption("Lorenz curves of voting power (each poll's ballots, pooled)", ("sans-serif", 17))
		.margin(12)
		.x_label_area_size(40)
		.y_label_area_size(52)
		.build_cartesian_2d(0f64..1f64, 0f64..1f64)
		.map_err(failed)?;
	chart
		.configure_mesh()
		.x_desc("share of voters, smallest ballots first")
		.y_desc("share of the weight cast")
		.x_label_formatter(&|x| format!("{:.0} %", x * 100.0))
		.y_label_formatter(&|y| format!("{:.0} %", y * 100.0))
		.draw()
		.map_err(failed)?;
	let grey = RGBColor(120, 120, 120);
	chart
		.draw_series(LineSeries::new([(0.0, 0.0), (1.0, 1.0)], grey.stroke_width(1)))
		.map_err(failed)?
		.label("equality")
		.legend(move |(x, y)| PathElement::new([(x, y), (x.saturating_add(20), y)], grey));
	for (scheme, points) in curves.iter().filter(|(_, p)| !p.is_empty()) {
		let c = colour(*scheme);
		let g = gini.iter().find(|(s, _)| s == scheme).and_then(|(_, g)| *g);
		let name = match g {
			Some(g) => format!("{} (mean Gini {g:.2})", scheme.name()),
			None => scheme.name().to_string(),
		};
		chart
			.draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(3)))
			.map_err(failed)?
			.label(name)
			.legend(move |(x, y)| {
				PathElement::new([(x, y), (x.saturating_add(20), y)], c.stroke_width(3))
			});
	}
	chart
		.configure_series_labels()
		.position(SeriesLabelPosition::UpperLeft)
		.background_style(WHITE.mix(0.85))
		.border_style(BLACK)
		.label_font(("sans-serif", 15))
		.draw()
		.map_err(failed)?;
	Ok(())
}

/// Draws the chart of `rows` (per scheme) and `curves` into `path` (an `.svg` file), titled
/// `title`. Latencies are in days if `ms_per_block` is given, else in blocks.
pub fn draw(
	path: &Path,
	title: &str,
	rows: &[Row],
	curves: &[(Scheme, Vec<LorenzPoint>)],
	ms_per_block: Option<u64>,
) -> Result<(), String> {
	let is_svg =
		path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("svg"));
	if !is_svg {
		return Err(format!(
			"cannot write {}: ostrom-cli draws SVG charts only (name the file …\u{2009}.svg; \
			 `rsvg-convert -o chart.png chart.svg` makes a PNG of it)",
			path.display()
		));
	}
	let root = SVGBackend::new(path, SIZE).into_drawing_area();
	root.fill(&WHITE).map_err(failed)?;
	let root = root.titled(title, ("sans-serif", 22)).map_err(failed)?;
	let (top, bottom) = root.split_vertically(380);
	let percent = |x: f64| format!("{:.0} %", x * 100.0);
	let gini = per_scheme(rows, |r| r.gini);
	let (unit, latency): (&str, Vec<(Scheme, Option<f64>)>) = match ms_per_block {
		Some(ms) => (
			"days",
			per_scheme(rows, |r| {
				r.decision_latency
					.as_ref()
					.map(|s| ostrom_metrics::measures::blocks_to_days(s.median, ms))
			}),
		),
		None => ("blocks", per_scheme(rows, |r| r.decision_latency.as_ref().map(|s| s.median))),
	};
	let latency_title = format!("Decision latency, median ({unit})");
	match top.split_evenly((1, 3)).as_slice() {
		[a, b, c] => {
			bars(
				a,
				"Participation (voters / electorate)",
				&per_scheme(rows, |r| r.participation),
				&percent,
				Some(1.0),
			)?;
			bars(b, &latency_title, &latency, &|x| format!("{x:.1}"), None)?;
			bars(c, "Gini coefficient of voting power", &gini, &|x| format!("{x:.2}"), Some(1.0))?;
		},
		_ => return Err(failed("unexpected layout")),
	}
	let (left, right) = bottom.split_horizontally(400);
	bars(
		&left,
		"Nakamoto coefficient (mean)",
		&per_scheme(rows, |r| r.nakamoto),
		&|x| format!("{x:.1}"),
		None,
	)?;
	lorenz(&right, curves, &gini)?;
	root.present().map_err(failed)?;
	Ok(())
}
