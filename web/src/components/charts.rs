//! SVG charts drawn by the app (no chart library, no network).

use leptos::prelude::*;

/// One series of a chart: a label and a value (1–5) per axis, `None` when unscored.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

const SIZE: f64 = 320.0;
const CENTER: f64 = SIZE / 2.0;
const RADIUS: f64 = 110.0;
const MAX: f64 = 5.0;

/// The point for `value` on axis `i` of `n`.
pub fn radar_point(i: usize, n: usize, value: f64) -> (f64, f64) {
    let angle =
        -std::f64::consts::FRAC_PI_2 + (i as f64) * std::f64::consts::TAU / (n.max(1) as f64);
    let r = RADIUS * (value.clamp(0.0, MAX) / MAX);
    (CENTER + r * angle.cos(), CENTER + r * angle.sin())
}

fn polygon(values: &[Option<f64>]) -> String {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = radar_point(i, n, v.unwrap_or(0.0));
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A radar chart of category scores, with the gates drawn as a dashed outline.
#[component]
pub fn Radar(
    /// Axis labels (category names).
    axes: Vec<String>,
    /// Series to draw (one per partner).
    series: Vec<Series>,
    /// Gate per axis for the first series' partner type.
    #[prop(optional)]
    gates: Option<Vec<Option<f64>>>,
    /// Accessible description of the chart.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let n = axes.len();
    let rings = (1..=5)
        .map(|k| {
            let pts = polygon(&vec![Some(k as f64); n]);
            view! { <polygon class="ring" points=pts></polygon> }
        })
        .collect_view();
    let spokes = axes
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let (x, y) = radar_point(i, n, MAX);
            let (lx, ly) = radar_point(i, n, MAX * 1.18);
            let anchor = if (lx - CENTER).abs() < 1.0 { "middle" } else if lx > CENTER { "start" } else { "end" };
            view! {
                <line class="spoke" x1=CENTER y1=CENTER x2=x y2=y></line>
                <text class="axis-label" x=lx y=ly text-anchor=anchor dominant-baseline="middle">{label.clone()}</text>
            }
        })
        .collect_view();
    let gate = gates.filter(|g| g.iter().any(Option::is_some)).map(|g| {
        let pts = polygon(&g);
        view! { <polygon class="gate" points=pts></polygon> }
    });
    let shapes = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let class = format!("series series-{}", k % 6);
            let pts = polygon(&s.values);
            view! { <polygon class=class points=pts><title>{s.label.clone()}</title></polygon> }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="radar" viewBox="-120 -20 560 360" role="img" aria-label=label>
            <title>{title}</title>
            {rings}
            {spokes}
            {gate}
            {shapes}
        </svg>
    }
}

/// Horizontal bars: one group per axis, one bar per series (values 1–5).
#[component]
pub fn Bars(axes: Vec<String>, series: Vec<Series>, #[prop(into)] title: String) -> impl IntoView {
    let bar_h = 14.0;
    let group_h = bar_h * series.len() as f64 + 18.0;
    let left = 190.0;
    let width = 260.0;
    let height = group_h * axes.len() as f64 + 10.0;
    let groups = axes
        .iter()
        .enumerate()
        .map(|(i, axis)| {
            let y0 = i as f64 * group_h;
            let bars = series
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let v = s.values.get(i).copied().flatten();
                    let w = v.map(|v| width * v / MAX).unwrap_or(0.0);
                    let y = y0 + 16.0 + k as f64 * bar_h;
                    let class = format!("bar series-{}", k % 6);
                    let text = v.map(partnerfit_core::scorecard::format_score).unwrap_or_else(|| "unscored".into());
                    view! {
                        <rect class=class x=left y=y width=w height=bar_h - 3.0><title>{format!("{}: {text}", s.label)}</title></rect>
                        <text class="bar-value" x=left + w + 4.0 y=y + bar_h - 4.0>{text.clone()}</text>
                    }
                })
                .collect_view();
            view! {
                <text class="axis-label" x=0 y=y0 + 12.0>{axis.clone()}</text>
                {bars}
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="bars" viewBox=format!("0 0 {} {height}", left + width + 60.0) role="img" aria-label=label>
            <title>{title}</title>
            {groups}
        </svg>
    }
}
