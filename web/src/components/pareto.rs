//! A Pareto chart in SVG (no chart library): one bar per partner, largest
//! first, its amount as a share of the total, with the cumulative share as a
//! line, the 80 % mark and the top 20 % of partners shaded; the figures as a
//! table in a disclosure for its text alternative.

use leptos::prelude::*;
use partnerfit_core::program::concentration::Pareto;
use partnerfit_core::Currency;

const WIDTH: f64 = 640.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const PLOT_H: f64 = 180.0;
const LABEL_H: f64 = 90.0;

#[component]
pub fn ParetoChart(
    pareto: Pareto,
    /// What is measured ("Partner revenue won").
    #[prop(into)]
    what: String,
    currency: Currency,
) -> impl IntoView {
    let n = pareto.partners.len().max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let step = plot_w / n;
    let bar_w = (step * 0.7).max(2.0);
    let y = |bp: u32| TOP + PLOT_H - f64::from(bp.min(10_000)) / 10_000.0 * PLOT_H;
    let bottom = TOP + PLOT_H;
    let bars = pareto
        .partners
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let x = LEFT + i as f64 * step + (step - bar_w) / 2.0;
            let top = y(r.share.0);
            let class = if i < pareto.top { "bar series-0" } else { "bar series-2" };
            let label_x = LEFT + i as f64 * step + step / 2.0;
            view! {
                <rect class=class x=x y=top width=bar_w height=(bottom - top).max(0.5)>
                    <title>{format!("{}: {} ({} of the total, {} cumulative)", r.name, r.amount.display(currency), r.share.percent_text(), r.cumulative.percent_text())}</title>
                </rect>
                <text class="axis-label" x=label_x y=bottom + 8.0 text-anchor="end"
                    transform=format!("rotate(-45 {label_x} {})", bottom + 8.0)>{short(&r.name)}</text>
            }
        })
        .collect_view();
    let points: String = pareto
        .partners
        .iter()
        .enumerate()
        .map(|(i, r)| {
            format!(
                "{:.1},{:.1}",
                LEFT + i as f64 * step + step / 2.0,
                y(r.cumulative.0)
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let ticks = [0u32, 2_500, 5_000, 7_500, 10_000]
        .into_iter()
        .map(|bp| {
            view! {
                <line class="tick" x1=LEFT - 4.0 y1=y(bp) x2=LEFT y2=y(bp)></line>
                <text class="value-label" x=LEFT - 6.0 y=y(bp) + 4.0 text-anchor="end">{format!("{}%", bp / 100)}</text>
            }
        })
        .collect_view();
    let name = format!(
        "Pareto chart of {}: {}",
        what.to_lowercase(),
        pareto.sentence
    );
    let height = bottom + LABEL_H;
    let rows = pareto
        .partners
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <tr class:top=i < pareto.top>
                    <th scope="row">{r.name.clone()}</th>
                    <td class="num">{r.amount.display(currency)}</td>
                    <td class="num">{r.share.percent_text()}</td>
                    <td class="num">{r.cumulative.percent_text()}</td>
                </tr>
            }
        })
        .collect_view();
    let label = name.clone();
    view! {
        <figure class="pareto" data-testid="pareto">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
                <title>{name}</title>
                <line class="axis" x1=LEFT y1=bottom x2=LEFT + plot_w y2=bottom></line>
                <line class="axis" x1=LEFT y1=TOP x2=LEFT y2=bottom></line>
                <line class="eighty" x1=LEFT y1=y(8_000) x2=LEFT + plot_w y2=y(8_000)></line>
                {ticks}
                {bars}
                <polyline class="cumulative" points=points></polyline>
            </svg>
            <figcaption>{format!("{what}: bars are each partner's share, the line the cumulative share; the dashed line marks 80 %; the top 20 % of partners are the darker bars.")}</figcaption>
            <details class="chart-table">
                <summary>"Show as a table"</summary>
                <table class="metrics">
                    <caption>{what.clone()}</caption>
                    <thead><tr><th scope="col">"Partner"</th><th scope="col">"Amount"</th><th scope="col">"Share"</th><th scope="col">"Cumulative"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// A partner's name short enough for the axis.
fn short(name: &str) -> String {
    let mut out: String = name.chars().take(18).collect();
    if name.chars().count() > 18 {
        out.push('…');
    }
    out
}
