//! The report's figures as tables a user reads: pipeline created per
//! period, stage progression, win rate, cycle time and retention, a
//! partner's figure beside the direct one. Formatting only: every number
//! is the core's.

use leptos::prelude::*;
use partnerfit_core::governance::cycle::Cycle;
use partnerfit_core::governance::pipeline::{Step, WinRate};
use partnerfit_core::governance::retention::Retention;
use partnerfit_core::governance::split::{Amounts, Split};
use partnerfit_core::governance::PeriodSpan;
use partnerfit_core::rate::Rate;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::words::count;
use partnerfit_core::Currency;

/// "–" for a figure there is none of.
pub fn rate_text(r: Option<Rate>) -> String {
    r.map_or_else(|| "–".into(), Rate::percent_text)
}

fn days_text(d: Option<u32>) -> String {
    d.map_or_else(|| "–".into(), |d| count(d as usize, "day", "days"))
}

/// "2 deals, 45,000.00 EUR".
pub fn amounts_text(a: Amounts, c: Currency) -> String {
    format!(
        "{}, {}",
        count(a.count as usize, "deal", "deals"),
        a.amount.display(c)
    )
}

/// One attribution's column pair.
type Pick = fn(&Split<Amounts>) -> Amounts;

const SOURCED: (&str, Pick) = ("Partner-sourced", |s| s.sourced);
const INFLUENCED: (&str, Pick) = ("Partner-influenced", |s| s.influenced);
const DIRECT: (&str, Pick) = ("Direct", |s| s.direct);

/// Pipeline created in each period (count and amount per attribution), and
/// the total; `direct` adds the direct columns (the program's).
#[component]
pub fn PipelineTable(
    periods: Vec<PeriodSpan>,
    created: Vec<Split<Amounts>>,
    total: Split<Amounts>,
    currency: Currency,
    direct: bool,
) -> impl IntoView {
    let all = [SOURCED, INFLUENCED, DIRECT];
    let columns: &[(&str, Pick)] = if direct { &all } else { &all[..2] };
    let cells = |s: &Split<Amounts>| {
        columns
            .iter()
            .map(|(_, pick)| {
                let a = pick(s);
                view! {
                    <td class="num">{a.count}</td>
                    <td class="num">{a.amount.display(currency)}</td>
                }
            })
            .collect_view()
    };
    let rows = periods
        .iter()
        .zip(&created)
        .map(|(p, s)| {
            let part = (!p.whole).then(|| {
                view! { <span class="hint">{format!(" (part: {} to {})", p.from, p.to)}</span> }
            });
            view! { <tr data-period=p.label.clone()><th scope="row">{p.label.clone()}{part}</th>{cells(s)}</tr> }
        })
        .collect_view();
    let groups = columns
        .iter()
        .map(|(name, _)| view! { <th scope="colgroup" colspan="2">{*name}</th> })
        .collect_view();
    let subheads = columns
        .iter()
        .map(|_| view! { <th scope="col">"Deals"</th><th scope="col">"Amount"</th> })
        .collect_view();
    view! {
        <table class="metrics" data-testid="pipeline-table">
            <caption>"Deals created in each period, by who brought them"</caption>
            <thead>
                <tr><th scope="col" rowspan="2">"Period"</th>{groups}</tr>
                <tr>{subheads}</tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot><tr data-period="Total"><th scope="row">"Total"</th>{cells(&total)}</tr></tfoot>
        </table>
    }
}

/// Reached, moved on and rate of one stage.
fn step_cells(s: &Step) -> impl IntoView {
    view! {
        <td class="num">{s.reached}</td>
        <td class="num">{s.moved_on.map_or_else(|| "–".into(), |m| m.to_string())}</td>
        <td class="num">{rate_text(s.rate)}</td>
    }
}

/// Stage progression, `who` (a partner, or partners together) against
/// direct.
#[component]
pub fn FunnelTable(who: String, partner: Vec<Step>, direct: Vec<Step>) -> impl IntoView {
    let rows = partner
        .iter()
        .zip(&direct)
        .map(|(a, b)| {
            view! { <tr><th scope="row">{a.stage.label()}</th>{step_cells(a)}{step_cells(b)}</tr> }
        })
        .collect_view();
    let sub = || view! { <th scope="col">"Reached"</th><th scope="col">"Moved on"</th><th scope="col">"Rate"</th> };
    view! {
        <table class="metrics" data-testid="funnel-table">
            <caption>"Deals created in the window: how many reached each stage, how many went on to the next (or won), and the rate"</caption>
            <thead>
                <tr><th scope="col" rowspan="2">"Stage"</th>
                    <th scope="colgroup" colspan="3">{who}</th><th scope="colgroup" colspan="3">"Direct"</th></tr>
                <tr>{sub()}{sub()}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Win rate, `who` against direct.
#[component]
pub fn WinRateTable(who: String, partner: WinRate, direct: WinRate) -> impl IntoView {
    let row = |name: String, w: WinRate| {
        view! { <tr><th scope="row">{name}</th><td class="num">{w.won}</td><td class="num">{w.lost}</td>
        <td class="num">{w.rate.map_or_else(|| "nothing closed".into(), Rate::percent_text)}</td></tr> }
    };
    view! {
        <table class="metrics" data-testid="win-rate-table">
            <caption>"Deals closed in the window: won ÷ (won + lost)"</caption>
            <thead><tr><th scope="col">"Deals"</th><th scope="col">"Won"</th><th scope="col">"Lost"</th><th scope="col">"Win rate"</th></tr></thead>
            <tbody>{row(who, partner)}{row("Direct".into(), direct)}</tbody>
        </table>
    }
}

/// Median cycle time, `who` (partner-sourced) against direct.
#[component]
pub fn CycleTable(who: String, partner: Cycle, direct: Cycle) -> impl IntoView {
    let row = |name: String, c: Cycle| {
        view! { <tr><th scope="row">{name}</th><td class="num">{c.deals}</td>
        <td class="num">{c.median_days.map_or_else(|| "no deal won".into(), |d| count(d as usize, "day", "days"))}</td>
        <td class="num">{days_text(c.shortest_days)}</td><td class="num">{days_text(c.longest_days)}</td></tr> }
    };
    view! {
        <table class="metrics" data-testid="cycle-table">
            <caption>"Deals won in the window: days from creation to close"</caption>
            <thead><tr><th scope="col">"Deals"</th><th scope="col">"Won"</th><th scope="col">"Median"</th>
                <th scope="col">"Shortest"</th><th scope="col">"Longest"</th></tr></thead>
            <tbody>{row(who, partner)}{row("Direct".into(), direct)}</tbody>
        </table>
    }
}

/// Gross and net revenue retention, `who`'s accounts against direct ones.
#[component]
pub fn RetentionTable(
    who: String,
    partner: Retention,
    direct: Retention,
    currency: Currency,
) -> impl IntoView {
    type Figure = fn(&Retention, Currency) -> String;
    let rows: [(&str, Figure); 6] = [
        ("Gross revenue retention", |r, _| rate_text(r.gross)),
        ("Net revenue retention", |r, _| rate_text(r.net)),
        ("Renewals won", |r, c| amounts_text(r.renewals_won, c)),
        ("Renewals lost", |r, c| amounts_text(r.renewals_lost, c)),
        ("Expansions won", |r, c| amounts_text(r.expansions_won, c)),
        ("Expansions lost", |r, c| amounts_text(r.expansions_lost, c)),
    ];
    let rows = rows
        .into_iter()
        .map(|(name, f)| {
            view! { <tr><th scope="row">{name}</th><td class="num">{f(&partner, currency)}</td><td class="num">{f(&direct, currency)}</td></tr> }
        })
        .collect_view();
    view! {
        <table class="metrics" data-testid="retention-table">
            <caption>"Renewals and expansions closed in the window, by amount (“–”: no renewal closed)"</caption>
            <thead><tr><th scope="col">"Figure"</th><th scope="col">{who}</th><th scope="col">"Direct accounts"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
