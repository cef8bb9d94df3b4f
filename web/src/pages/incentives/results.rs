//! The model of a plan: problems, quarters, totals, charts, scale, levers,
//! guardrails, and two plans compared on the same assumptions.

use leptos::prelude::*;
use partnerfit_core::incentives::eligibility::eligibility;
use partnerfit_core::incentives::guardrails::{check_deal, ProposedDeal};
use partnerfit_core::incentives::model::{deals_text, model, package_text, Model};
use partnerfit_core::incentives::plan::Terms;
use partnerfit_core::incentives::scale::{bp_text, compare, notes, scale, tornado};
use partnerfit_core::incentives::validate::payout_problems;
use partnerfit_core::rate::Rate;
use partnerfit_core::{Currency, Id, Money};

use crate::components::charts::{GroupedBars, Tornado, TornadoRow};
use crate::components::fields::{next_id, RateField};
use crate::lens::{Binding, PartnerLens};

fn money_fmt(c: Currency) -> impl Fn(Money) -> String + Copy {
    move |m| m.display(c)
}

/// The model: problems, quarters, totals, charts, scale, levers, guardrails.
#[component]
pub fn Results(lens: PartnerLens, plan: Id) -> impl IntoView {
    let store = lens.store();
    let currency = Memo::new(move |_| store.with(|w| w.profile.currency));
    let key = StoredValue::new(plan);
    let data = Memo::new(move |_| {
        lens.with(|p| {
            let pl =
                key.with_value(|id| p.incentives.plans.iter().find(|x| &x.id == id).cloned())?;
            Some((pl, p.incentives.assumptions.clone()))
        })
        .flatten()
    });
    // A referral partner's standing under the low-quality rule, from its
    // judged sourced deals in the pipeline.
    let standing = Memo::new(move |_| {
        let (plan, _) = data.get()?;
        let Terms::Referral(r) = &plan.terms else {
            return None;
        };
        let id = lens.id();
        store.with(|w| {
            eligibility(&r.quality, r.meeting_fee, &id, w.pipeline.of_partner(&id))
                .map(|e| e.text(w.profile.currency))
        })
    });
    view! {
        {move || data.get().map(|(plan, a)| {
            let currency = currency.get();
            let fmt = money_fmt(currency);
            // Plans and assumptions the model cannot run on are refused at
            // the field that would make them (the core's edits check them).
            let m = model(&plan, &a, 1);
            let rows = scale(&plan, &a);
            let swings = tornado(&plan, &a, currency);
            view! {
                <section aria-labelledby="model-title" data-testid="model">
                    <h2 id="model-title">"Quarter by quarter"</h2>
                    <ModelTable m=m.clone() currency/>
                    <p data-testid="model-summary">{format!(
                        "Over {} quarters the partner earns {} ({} per deal), we pay {}, our contribution is {} ({} margin). Cost per partner deal {} against {} direct.",
                        m.quarters.len(), fmt(m.totals.partner_earns),
                        m.partner_earns_per_deal.map(fmt).unwrap_or_else(|| "–".into()),
                        fmt(m.totals.we_pay), fmt(m.totals.contribution),
                        bp_text(m.contribution_margin_bp),
                        m.partner_cost_per_deal.map(fmt).unwrap_or_else(|| "–".into()), fmt(m.direct_cost_per_deal)
                    )}</p>
                    {package_text(&plan, currency).map(|t| view! { <p data-testid="package">{t}</p> })}
                    {move || standing.get().map(|t| view! {
                        <p data-testid="eligibility"><strong>"Now, from the pipeline: "</strong>{t}</p>
                    })}
                    {
                        // A file may hold a plan that breaks the rule (edits refuse it).
                        let problems = payout_problems(&plan, &a, currency);
                        (!problems.is_empty()).then(|| view! {
                            <ul class="flags error" data-testid="plan-problems">{problems.into_iter().map(|p| view! {
                                <li>{format!("{}: {}", p.field.label(), p.message)}</li>
                            }).collect_view()}</ul>
                        })
                    }
                    {(!m.flags.is_empty()).then(|| view! {
                        <ul class="flags" data-testid="flags">{m.flags.iter().map(|f| view! { <li>{f.text(currency)}</li> }).collect_view()}</ul>
                    })}
                    <GroupedBars
                        labels=m.quarters.iter().map(|q| format!("Q{}", q.quarter)).collect()
                        series=vec![
                            ("Partner earns".into(), m.quarters.iter().map(|q| q.partner_earns.0).collect()),
                            ("Our contribution".into(), m.quarters.iter().map(|q| q.contribution.0).collect()),
                        ]
                        format={move |v: i64| Money(v).display(currency)}
                        title="Earnings by quarter: what the partner earns and our contribution"/>
                </section>
                <section aria-labelledby="scale-title">
                    <h2 id="scale-title">"At 1×, 2×, 5× and 10× volume"</h2>
                    <table class="model" data-testid="scale">
                        <thead><tr><th scope="col">"Volume"</th><th scope="col">"Partner earns"</th><th scope="col">"We pay"</th><th scope="col">"Contribution"</th><th scope="col">"Margin"</th><th scope="col">"Tier"</th></tr></thead>
                        <tbody>{rows.iter().map(|r| view! {
                            <tr><td>{format!("{}×", r.volume)}</td><td>{fmt(r.totals.partner_earns)}</td><td>{fmt(r.totals.we_pay)}</td>
                                <td>{fmt(r.totals.contribution)}</td><td>{bp_text(r.contribution_margin_bp)}</td><td>{r.tier.clone().unwrap_or_else(|| "–".into())}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    <ul class="flags" data-testid="scale-flags">{notes(&m, &rows, currency).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <GroupedBars
                        labels=rows.iter().map(|r| format!("{}×", r.volume)).collect()
                        series=vec![("Contribution margin (basis points)".into(), rows.iter().map(|r| r.contribution_margin_bp.unwrap_or(0)).collect())]
                        format={|v: i64| bp_text(Some(v))}
                        title="Contribution margin as volume grows"/>
                </section>
                <section aria-labelledby="levers-title">
                    <h2 id="levers-title">"Which assumption moves the result most"</h2>
                    <p class="hint">"Total contribution with each assumption 20% lower and higher (the sales cycle one quarter shorter and longer)."</p>
                    <Tornado rows=swings.iter().map(|s| TornadoRow {
                            label: format!("{} ({} → {})", s.assumption, s.low_label, s.high_label),
                            low: s.low.0, high: s.high.0, low_text: s.low.display_whole(currency), high_text: s.high.display_whole(currency),
                        }).collect()
                        base=m.totals.contribution.0 title="Tornado: total contribution by assumption"/>
                    <ol class="levers">{swings.iter().take(3).map(|s| view! {
                        <li>{format!("{}: {} to {}", s.assumption, fmt(s.low), fmt(s.high))}</li>
                    }).collect_view()}</ol>
                </section>
                {if let Terms::Resell(r) = &plan.terms { Some(view! { <Guardrails plan=r.clone() currency/> }) } else { None }}
            }.into_any()
        })}
    }
}

/// The quarterly table.
#[component]
fn ModelTable(m: Model, currency: Currency) -> impl IntoView {
    let fmt = money_fmt(currency);
    let deals = deals_text;
    view! {
        <table class="model" data-testid="quarters">
            <thead><tr>
                <th scope="col">"Quarter"</th><th scope="col">"Qualified"</th><th scope="col">"Won"</th>
                <th scope="col">"Revenue"</th><th scope="col">"Partner earns"</th><th scope="col">"We pay"</th>
                <th scope="col">"Net revenue"</th><th scope="col">"Contribution"</th>
            </tr></thead>
            <tbody>
                {m.quarters.iter().map(|q| view! {
                    <tr>
                        <td>{format!("Q{}", q.quarter)}</td><td>{deals(q.qualified_milli)}</td><td>{deals(q.won_milli)}</td>
                        <td>{fmt(q.revenue)}</td><td>{fmt(q.partner_earns)}</td><td>{fmt(q.we_pay)}</td>
                        <td>{fmt(q.net_revenue)}</td><td>{fmt(q.contribution)}</td>
                    </tr>
                }).collect_view()}
                <tr class="total"><th scope="row">"Total"</th><td></td><td>{deals(m.totals.won_milli)}</td>
                    <td>{fmt(m.totals.revenue)}</td><td>{fmt(m.totals.partner_earns)}</td><td>{fmt(m.totals.we_pay)}</td>
                    <td>{fmt(m.totals.net_revenue)}</td><td>{fmt(m.totals.contribution)}</td></tr>
            </tbody>
        </table>
    }
}

/// Which guardrail a proposed resell deal breaks.
#[component]
fn Guardrails(
    plan: partnerfit_core::incentives::plan::ResellPlan,
    currency: Currency,
) -> impl IntoView {
    let discount = RwSignal::new(Rate::ZERO);
    let tier = RwSignal::new(0usize);
    let tier_id = next_id();
    let tiers = plan.tiers.clone();
    let breaches = move || {
        check_deal(
            &plan,
            &ProposedDeal {
                list_price: plan.list_price,
                discount: discount.get(),
                tier: tier.get(),
            },
            currency,
        )
    };
    view! {
        <section aria-labelledby="guard-title">
            <h2 id="guard-title">"Check a proposed deal"</h2>
            <div class="grid4">
                <RateField label="Proposed discount" binding=Binding::local(discount)/>
                <div class="field">
                    <label class="label" for=tier_id.clone()>"Margin tier asked for"</label>
                    <select id=tier_id on:change:target=move |ev| tier.set(ev.target().value().parse().unwrap_or(0))>
                        {tiers.iter().enumerate().map(|(i, t)| view! { <option value=i.to_string()>{t.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div data-testid="guardrails" role="status">
                {move || {
                    let b = breaches();
                    if b.is_empty() {
                        view! { <p class="ok">"Within every guardrail."</p> }.into_any()
                    } else {
                        view! { <ul class="flags">{b.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// Two plans side by side on the same assumptions.
#[component]
pub fn Compare(lens: PartnerLens) -> impl IntoView {
    let store = lens.store();
    let currency = store.with_untracked(|w| w.profile.currency);
    let inc = lens.memo(|p| p.incentives.clone());
    let left = RwSignal::new(0usize);
    let right = RwSignal::new(1usize);
    let (lid, rid) = (next_id(), next_id());
    let fmt = money_fmt(currency);
    let options = move |sel: RwSignal<usize>| {
        inc.with(|i| i.plans.iter().enumerate().map(|(k, p)| view! { <option value=k.to_string() selected=sel.get_untracked() == k>{p.name.clone()}</option> }).collect_view())
    };
    view! {
        <section aria-labelledby="cmp-title">
            <h2 id="cmp-title">"Compare two plans"</h2>
            <div class="grid4">
                <div class="field"><label class="label" for=lid.clone()>"Plan A"</label>
                    <select id=lid on:change:target=move |ev| left.set(ev.target().value().parse().unwrap_or(0))>{options(left)}</select></div>
                <div class="field"><label class="label" for=rid.clone()>"Plan B"</label>
                    <select id=rid on:change:target=move |ev| right.set(ev.target().value().parse().unwrap_or(1))>{options(right)}</select></div>
            </div>
            {move || inc.with(|i| {
                let (a, b) = (i.plans.get(left.get())?, i.plans.get(right.get())?);
                let c = compare(a, b, &i.assumptions);
                let row = |label: &'static str, f: &dyn Fn(&Model) -> String| view! {
                    <tr><th scope="row">{label}</th><td>{f(&c.left)}</td><td>{f(&c.right)}</td></tr>
                };
                Some(view! {
                    <table class="model" data-testid="compare-plans">
                        <thead><tr><th scope="col">""</th><th scope="col">{a.name.clone()}</th><th scope="col">{b.name.clone()}</th></tr></thead>
                        <tbody>
                            {row("Partner earns", &|m| fmt(m.totals.partner_earns))}
                            {row("We pay", &|m| fmt(m.totals.we_pay))}
                            {row("Net revenue", &|m| fmt(m.totals.net_revenue))}
                            {row("Contribution", &|m| fmt(m.totals.contribution))}
                            {row("Contribution margin", &|m| bp_text(m.contribution_margin_bp))}
                            {row("Cost per partner deal", &|m| m.partner_cost_per_deal.map(fmt).unwrap_or_else(|| "–".into()))}
                        </tbody>
                    </table>
                    <p data-testid="compare-verdict">{compare_text(&a.name, &b.name, c.contribution_delta, currency)}</p>
                }.into_any())
            })}
        </section>
    }
}

/// "B gives €X more contribution than A" (or the other way round), never a
/// negative "more".
fn compare_text(a: &str, b: &str, delta: Money, currency: Currency) -> String {
    match delta.minor() {
        0 => format!("{a} and {b} give the same contribution."),
        d if d > 0 => format!(
            "{b} gives {} more contribution than {a}.",
            delta.display(currency)
        ),
        d => format!(
            "{a} gives {} more contribution than {b}.",
            Money(d.saturating_neg()).display(currency)
        ),
    }
}
