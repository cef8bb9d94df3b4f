//! The metrics page's charts: a core [`Chart`] drawn as horizontal grouped
//! bars in SVG (no chart library, no network), each value written beside
//! its bar, with a "Show as a table" disclosure as its text alternative.
//! The figures are the core's; this only places them.

use leptos::prelude::*;
use partnerfit_core::governance::chart::{Chart, Unit};
use partnerfit_core::rate::Rate;
use partnerfit_core::words::count;
use partnerfit_core::{Currency, Money};

/// A value of `unit` in words: money in whole units of `currency`, deals,
/// a percentage, days.
pub fn value_text(unit: Unit, value: i64, currency: Currency) -> String {
    let n = value.max(0) as usize;
    match unit {
        Unit::Money => Money(value).display_whole(currency),
        Unit::Deals => count(n, "deal", "deals"),
        Unit::Rate => Rate(n as u32).percent_text(),
        Unit::Days => count(n, "day", "days"),
    }
}

/// What the value axis measures.
fn unit_title(unit: Unit, currency: Currency) -> String {
    match unit {
        Unit::Money => format!("Amount ({})", currency.code()),
        Unit::Deals => "Deals".into(),
        Unit::Rate => "Rate (%)".into(),
        Unit::Days => "Days".into(),
    }
}

/// Left column for the category labels, right margin for the value texts.
const LEFT: f64 = 150.0;
const RIGHT: f64 = 120.0;
const WIDTH: f64 = 620.0;
const BAR: f64 = 13.0;
const TOP: f64 = 30.0;

/// A chart of the metrics: one group of bars per label, one bar per series,
/// its value as text at its end; a gap (no figure) is written "no figure".
#[component]
pub fn MetricChart(
    /// The core's series.
    chart: Chart,
    /// What the labels are ("Period", "Stage"…): the category axis' title.
    axis: &'static str,
    /// The currency of money values.
    currency: Currency,
    /// The accessible name (the chart's title and what it covers).
    #[prop(into)]
    name: String,
) -> impl IntoView {
    let n = chart.series.len().max(1) as f64;
    let group = n * (BAR + 3.0) + 10.0;
    let plot = WIDTH - LEFT - RIGHT;
    let values = || chart.series.iter().flat_map(|s| s.values.iter().flatten());
    let max = values().copied().fold(0, i64::max) as f64;
    let min = values().copied().fold(0, i64::min) as f64;
    let span = (max - min).max(1.0);
    let x = move |v: f64| LEFT + (v - min) / span * plot;
    let zero = x(0.0);
    let bottom = TOP + group * chart.labels.len() as f64;
    let height = bottom + 40.0;
    let unit = chart.unit;
    let text = move |v: i64| value_text(unit, v, currency);
    let groups = chart
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let y0 = TOP + i as f64 * group;
            let bars = chart
                .series
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let y = y0 + 4.0 + k as f64 * (BAR + 3.0);
                    let class = format!("bar series-{}", k % 6);
                    let v = s.values.get(i).copied().flatten();
                    let (a, b) = v.map_or((zero, zero), |v| {
                        let end = x(v as f64);
                        (end.min(zero), end.max(zero))
                    });
                    let words = v.map_or_else(|| "no figure".into(), text);
                    view! {
                        <rect class=class x=a y=y width=(b - a).max(1.0) height=BAR>
                            <title>{format!("{label}, {}: {words}", s.name)}</title>
                        </rect>
                        <text class="bar-value" x=b + 4.0 y=y + BAR - 2.0>{words.clone()}</text>
                    }
                })
                .collect_view();
            view! {
                <text class="axis-label" x=LEFT - 8.0 y=y0 + group / 2.0 text-anchor="end"
                    dominant-baseline="middle">{label.clone()}</text>
                {bars}
            }
        })
        .collect_view();
    let legend = chart
        .series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let lx = LEFT + k as f64 * 150.0;
            let class = format!("series-{}", k % 6);
            view! {
                <rect class=class x=lx y=6.0 width=11.0 height=11.0></rect>
                <text class="axis-label" x=lx + 15.0 y=16.0>{s.name.clone()}</text>
            }
        })
        .collect_view();
    let ticks = [(min, min < 0.0), (0.0, true), (max, max > 0.0)]
        .into_iter()
        .filter(|(_, show)| *show)
        .map(|(v, _)| {
            view! {
                <line class="tick" x1=x(v) y1=bottom x2=x(v) y2=bottom + 4.0></line>
                <text class="value-label" x=x(v) y=bottom + 16.0 text-anchor="middle">{text(v as i64)}</text>
            }
        })
        .collect_view();
    let label = name.clone();
    let table = chart_table(&chart, axis, currency);
    view! {
        <figure class="metric-chart">
            <svg class="metric-bars" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
                <title>{name}</title>
                <text class="axis-title" x=LEFT - 8.0 y=16.0 text-anchor="end">{axis}</text>
                {legend}
                <line class="zero" x1=zero y1=TOP x2=zero y2=bottom></line>
                <line class="axis" x1=LEFT y1=bottom x2=LEFT + plot y2=bottom></line>
                {ticks}
                <text class="axis-title" x=LEFT + plot / 2.0 y=bottom + 34.0 text-anchor="middle">{unit_title(unit, currency)}</text>
                {groups}
            </svg>
            {table}
        </figure>
    }
}

/// The chart's figures as a table, in a closed disclosure.
fn chart_table(chart: &Chart, axis: &'static str, currency: Currency) -> impl IntoView {
    let unit = chart.unit;
    let mut head = vec![axis.to_owned()];
    head.extend(chart.series.iter().map(|s| s.name.clone()));
    let rows = chart
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let cells = chart
                .series
                .iter()
                .map(|s| {
                    s.values.get(i).copied().flatten().map_or_else(
                        || "–".into(),
                        |v| match unit {
                            Unit::Money => Money(v).display(currency),
                            _ => value_text(unit, v, currency),
                        },
                    )
                })
                .collect();
            (label.clone(), cells)
        })
        .collect();
    super::charts::chart_table(&chart.title, head, rows)
}
