//! SVG charts drawn by the app (no chart library, no network). Each chart
//! is a figure with its text alternative: the same data as a table.

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
    let gate_values = gates.filter(|g| g.iter().any(Option::is_some));
    let gate = gate_values.as_ref().map(|g| {
        let pts = polygon(g);
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
    let table = score_table(&title, &axes, &series, gate_values);
    view! {
        <figure class="chart">
            <svg class="radar" viewBox="-120 -20 560 360" role="img" aria-label=label>
                <title>{title}</title>
                {rings}
                {spokes}
                {gate}
                {shapes}
            </svg>
            {table}
        </figure>
    }
}

/// The text alternative of a chart: its data as a table, behind "Show as a
/// table" (one row per category, one column per series).
pub(crate) fn chart_table(
    title: &str,
    head: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
) -> impl IntoView {
    let head = head
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|(label, cells)| {
            let cells = cells
                .into_iter()
                .map(|c| view! { <td class="num">{c}</td> })
                .collect_view();
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <details class="chart-table">
            <summary>"Show as a table"</summary>
            <table class="metrics">
                <caption>{title.to_owned()}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// The table of a score chart (values 1–5, "unscored" when missing), with
/// the gates as a last column when there are any.
fn score_table(
    title: &str,
    axes: &[String],
    series: &[Series],
    gates: Option<Vec<Option<f64>>>,
) -> impl IntoView {
    let score = |v: Option<f64>| {
        v.map(partnerfit_core::scorecard::format_score)
            .unwrap_or_else(|| "unscored".into())
    };
    let mut head = vec!["Category".to_owned()];
    head.extend(series.iter().map(|s| s.label.clone()));
    if gates.is_some() {
        head.push("Gate".into());
    }
    let rows = axes
        .iter()
        .enumerate()
        .map(|(i, axis)| {
            let mut cells: Vec<String> = series
                .iter()
                .map(|s| score(s.values.get(i).copied().flatten()))
                .collect();
            if let Some(g) = &gates {
                cells.push(
                    g.get(i)
                        .copied()
                        .flatten()
                        .map(partnerfit_core::scorecard::format_score)
                        .unwrap_or_else(|| "none".into()),
                );
            }
            (axis.clone(), cells)
        })
        .collect();
    chart_table(title, head, rows)
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
    let table = score_table(&title, &axes, &series, None);
    view! {
        <figure class="chart">
            <svg class="bars" viewBox=format!("0 0 {} {height}", left + width + 60.0) role="img" aria-label=label>
                <title>{title}</title>
                {groups}
            </svg>
            {table}
        </figure>
    }
}

/// Grouped vertical bars that may be negative, e.g. amounts by quarter.
/// `series` are (name, values); each value is drawn against a zero line.
#[component]
pub fn GroupedBars(
    /// Category labels along the bottom ("Q1", "1×"…).
    labels: Vec<String>,
    /// (series name, one value per label).
    series: Vec<(String, Vec<i64>)>,
    /// Formats a value for the tooltip (money in the workspace currency,
    /// percentages…).
    #[prop(into)]
    format: Callback<i64, String>,
    #[prop(into)] title: String,
) -> impl IntoView {
    let (w, h, pad) = (560.0, 220.0, 30.0);
    let max = series
        .iter()
        .flat_map(|(_, v)| v.iter())
        .map(|v| *v as f64)
        .fold(0.0f64, f64::max);
    let min = series
        .iter()
        .flat_map(|(_, v)| v.iter())
        .map(|v| *v as f64)
        .fold(0.0f64, f64::min);
    let span = (max - min).max(1.0);
    let y = move |v: f64| pad + (max - v) / span * (h - 2.0 * pad);
    let zero = y(0.0);
    let group_w = (w - 2.0 * pad) / labels.len().max(1) as f64;
    let bar_w = (group_w * 0.8) / series.len().max(1) as f64;
    let bars = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let x0 = pad + i as f64 * group_w + group_w * 0.1;
            let rects = series
                .iter()
                .enumerate()
                .map(|(k, (name, values))| {
                    let v = values.get(i).copied().unwrap_or(0);
                    let top = y(v as f64).min(zero);
                    let height = (y(v as f64) - zero).abs().max(0.5);
                    let class = format!("bar series-{}", k % 6);
                    view! { <rect class=class x=x0 + k as f64 * bar_w y=top width=bar_w * 0.92 height=height>
                        <title>{format!("{label} {name}: {}", format.run(v))}</title></rect> }
                })
                .collect_view();
            view! {
                {rects}
                <text class="axis-label" x=x0 + group_w * 0.4 y=h - 8.0 text-anchor="middle">{label.clone()}</text>
            }
        })
        .collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(k, (name, _))| {
            let class = format!("series-{}", k % 6);
            view! {
                <rect class=class x=pad + k as f64 * 170.0 y=4.0 width=10.0 height=10.0></rect>
                <text class="axis-label" x=pad + k as f64 * 170.0 + 14.0 y=13.0>{name.clone()}</text>
            }
        })
        .collect_view();
    let label = title.clone();
    let mut head = vec![String::new()];
    head.extend(series.iter().map(|(name, _)| name.clone()));
    let rows = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let cells = series
                .iter()
                .map(|(_, values)| format.run(values.get(i).copied().unwrap_or(0)))
                .collect();
            (l.clone(), cells)
        })
        .collect();
    let table = chart_table(&title, head, rows);
    view! {
        <figure class="chart">
            <svg class="grouped-bars" viewBox=format!("0 0 {w} {h}") role="img" aria-label=label>
                <title>{title}</title>
                {legend}
                <line class="zero" x1=pad y1=zero x2=w - pad y2=zero></line>
                {bars}
            </svg>
            {table}
        </figure>
    }
}

/// One row of a tornado chart: an assumption and the outcome when it moves
/// down and up, with the texts shown at the bar's ends.
#[derive(Clone, Debug)]
pub struct TornadoRow {
    pub label: String,
    pub low: i64,
    pub high: i64,
    pub low_text: String,
    pub high_text: String,
}

/// A tornado chart: for each row, the low and high outcome around a base.
/// Each row's label sits above its bar, so long labels are never clipped.
#[component]
pub fn Tornado(rows: Vec<TornadoRow>, base: i64, #[prop(into)] title: String) -> impl IntoView {
    let (w, row_h) = (560.0, 40.0);
    let h = row_h * rows.len() as f64 + 10.0;
    let extent = rows
        .iter()
        .flat_map(|r| [(r.low - base).abs(), (r.high - base).abs()])
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    // Room at both ends for the value texts.
    let (mid, half) = (w / 2.0, w / 2.0 - 90.0);
    let x = move |v: i64| mid + (v - base) as f64 / extent * half;
    let table = chart_table(
        &title,
        vec!["Assumption".into(), "Low".into(), "High".into()],
        rows.iter()
            .map(|r| {
                (
                    r.label.clone(),
                    vec![r.low_text.clone(), r.high_text.clone()],
                )
            })
            .collect(),
    );
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let yy = 4.0 + i as f64 * row_h;
            let (xl, xh) = (x(r.low), x(r.high));
            let (a, b) = (xl.min(xh), xl.max(xh));
            // The text of whichever end is on the left goes left of the bar.
            let (left_text, right_text) = if xl <= xh {
                (r.low_text.clone(), r.high_text.clone())
            } else {
                (r.high_text.clone(), r.low_text.clone())
            };
            view! {
                <text class="axis-label" x=4.0 y=yy + 12.0>{r.label.clone()}</text>
                <rect class="bar series-1" x=a y=yy + 17.0 width=(b - a).max(1.0) height=14.0>
                    <title>{format!("{}: {} to {}", r.label, r.low_text, r.high_text)}</title>
                </rect>
                <text class="value-label" x=a - 4.0 y=yy + 28.0 text-anchor="end">{left_text}</text>
                <text class="value-label" x=b + 4.0 y=yy + 28.0>{right_text}</text>
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <figure class="chart">
            <svg class="tornado" viewBox=format!("0 0 {w} {h}") role="img" aria-label=label>
                <title>{title}</title>
                <line class="zero" x1=mid y1=4.0 x2=mid y2=h - 4.0></line>
                {bars}
            </svg>
            {table}
        </figure>
    }
}
