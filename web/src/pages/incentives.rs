//! Step 6: a partner's incentive plans, modelled quarter by quarter, at
//! scale, with the biggest levers, guardrails and two plans side by side.

use leptos::prelude::*;
use leptos_router::components::A;
use partnerfit_core::incentives::guardrails::{check_deal, ProposedDeal};
use partnerfit_core::incentives::model::{model, Model};
use partnerfit_core::incentives::plan::{
    Assumptions, HealthTier, MarginTier, PartnerIncentives, Payout, Plan, Terms,
};
use partnerfit_core::incentives::scale::{bp_text, compare, scale, tornado};
use partnerfit_core::incentives::validate::{assumption_problems, field_label, plan_problems};
use partnerfit_core::partner::PartnerType;
use partnerfit_core::rate::Rate;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{Currency, Id, Money};

use crate::clock;
use crate::components::charts::{GroupedBars, Tornado, TornadoRow};
use crate::components::fields::{next_id, CountInput, MoneyInput, RateInput, TextInput};
use crate::components::partner_route::PartnerRoute;
use crate::routes::Page;
use crate::state::{update_partner, use_epoch, use_workspace};

#[component]
pub fn IncentivesPage() -> impl IntoView {
    view! { <PartnerRoute page=|id| view! { <IncentivesView id/> }/> }
}

fn incentives_of(ws: RwSignal<partnerfit_core::Workspace>, id: &Id) -> PartnerIncentives {
    ws.with(|w| {
        w.partner(id)
            .map(|p| p.incentives.clone())
            .unwrap_or_default()
    })
}

fn edit_plan(
    ws: RwSignal<partnerfit_core::Workspace>,
    id: &Id,
    plan: &Id,
    f: impl FnOnce(&mut Terms),
) {
    update_partner(ws, id, |p| {
        if let Some(x) = p.incentives.plans.iter_mut().find(|x| &x.id == plan) {
            f(&mut x.terms);
        }
    });
}

fn edit_assumptions(
    ws: RwSignal<partnerfit_core::Workspace>,
    id: &Id,
    f: impl FnOnce(&mut Assumptions),
) {
    update_partner(ws, id, |p| f(&mut p.incentives.assumptions));
}

#[component]
fn IncentivesView(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let epoch = use_epoch();
    let version = RwSignal::new(0u32);
    let currency = Memo::new(move |_| ws.with(|w| w.profile.currency));
    let (i1, i2, i3, i4) = (id.clone(), id.clone(), id.clone(), id.clone());
    let name = move || ws.with(|w| w.partner(&i1).map(|p| p.name.clone()).unwrap_or_default());
    let plans = Memo::new(move |_| {
        incentives_of(ws, &i2)
            .plans
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect::<Vec<_>>()
    });
    let selected = RwSignal::new(plans.get_untracked().first().map(|p| p.0.clone()));
    let kind_of_partner = ws.with_untracked(|w| {
        w.partner(&id)
            .map(|p| p.kind)
            .unwrap_or(PartnerType::Referral)
    });
    let new_kind = RwSignal::new(kind_of_partner);
    let add = move |_| {
        let mut new_id = None;
        update_partner(ws, &i3, |p| {
            let pid = Id::fresh(
                "plan",
                clock::entropy(),
                p.incentives.plans.iter().map(|x| &x.id),
            );
            let mut plan = Plan::starter(pid.clone(), new_kind.get_untracked());
            if p.incentives.plans.iter().any(|x| x.name == plan.name) {
                plan.name = format!("{} {}", plan.name, p.incentives.plans.len() + 1);
            }
            p.incentives.plans.push(plan);
            new_id = Some(pid);
        });
        selected.set(new_id);
        version.update(|v| *v += 1);
    };
    let remove = move |_| {
        if let Some(pid) = selected.get_untracked() {
            update_partner(ws, &i4, |p| p.incentives.plans.retain(|x| x.id != pid));
            selected.set(plans.get_untracked().first().map(|p| p.0.clone()));
            version.update(|v| *v += 1);
        }
    };
    let plan_select = next_id();
    let kind_select = next_id();
    let id_forms = id.clone();
    let id_results = id.clone();
    let id_assume = id.clone();
    view! {
        <h1>"Incentives: "{name}</h1>
        <p><A href=Page::Partner(id.clone()).link()>"Back to the partner"</A>" · "
           <A href=Page::Motion(id.clone()).link()>"Rules of engagement"</A></p>
        <p class="lede">"Incentives should reward behaviour that creates revenue, not noise. A partner scales only with economics that stay true as volume grows."</p>
        <div class="plan-tabs">
            <div class="field inline">
                <label class="label" for=plan_select.clone()>"Plan"</label>
                <select id=plan_select on:change:target=move |ev| {
                    selected.set(Id::parse(&ev.target().value()).ok());
                    version.update(|v| *v += 1);
                }>
                    {move || plans.get().into_iter().map(|(pid, n)| {
                        let sel = selected.get().as_ref() == Some(&pid);
                        view! { <option value=pid.to_string() selected=sel>{n}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field inline">
                <label class="label" for=kind_select.clone()>"New plan type"</label>
                <select id=kind_select on:change:target=move |ev| if let Some(k) = PartnerType::from_key(&ev.target().value()) { new_kind.set(k) }>
                    {PartnerType::ALL.iter().map(|k| view! { <option value=k.key() selected=*k == kind_of_partner>{k.label()}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" on:click=add>"Add a plan"</button>
            <button type="button" class="danger" prop:disabled=move || selected.get().is_none() on:click=remove>"Delete this plan"</button>
        </div>
        {move || {
            epoch.track();
            version.track();
            let id = id_forms.clone();
            selected.get().map(|plan| view! {
                <PlanEditor id=id.clone() plan/>
            })
        }}
        {move || { epoch.track(); view! { <AssumptionsForm id=id_assume.clone()/> } }}
        {move || selected.get().map(|plan| view! { <Results id=id_results.clone() plan currency=currency.get()/> })}
        {move || (plans.with(Vec::len) >= 2).then(|| view! { <Compare id=id.clone() currency=currency.get()/> })}
    }
}

/// A handle on one plan of one partner; `Copy`, so every edit closure can
/// hold it without cloning ids.
#[derive(Clone, Copy)]
struct PlanRef {
    ws: RwSignal<partnerfit_core::Workspace>,
    key: StoredValue<(Id, Id)>,
}

impl PlanRef {
    fn new(ws: RwSignal<partnerfit_core::Workspace>, partner: Id, plan: Id) -> Self {
        Self {
            ws,
            key: StoredValue::new((partner, plan)),
        }
    }
    fn edit(self, f: impl FnOnce(&mut Terms)) {
        self.key
            .with_value(|(partner, plan)| edit_plan(self.ws, partner, plan, f));
    }
    fn money(self, f: fn(&mut Terms, Money)) -> Callback<Option<Money>> {
        Callback::new(move |v: Option<Money>| {
            if let Some(v) = v {
                self.edit(|t| f(t, v));
            }
        })
    }
    fn rate(self, f: fn(&mut Terms, Rate)) -> Callback<Rate> {
        Callback::new(move |v: Rate| self.edit(|t| f(t, v)))
    }
    fn text(self, f: fn(&mut Terms, String)) -> Callback<String> {
        Callback::new(move |v: String| self.edit(|t| f(t, v)))
    }
    fn rename(self, name: String) {
        self.key.with_value(|(partner, plan)| {
            update_partner(self.ws, partner, |p| {
                if let Some(x) = p.incentives.plans.iter_mut().find(|x| &x.id == plan) {
                    x.name = name;
                }
            });
        });
    }
}

/// The plan's own levers.
#[component]
fn PlanEditor(id: Id, plan: Id) -> impl IntoView {
    let ws = use_workspace();
    let Some(p) = ws.with_untracked(|w| {
        w.partner(&id)
            .and_then(|x| x.incentives.plans.iter().find(|x| x.id == plan).cloned())
    }) else {
        return view! { <p>"Choose or add a plan."</p> }.into_any();
    };
    let currency = ws.with_untracked(|w| w.profile.currency);
    let m = move |x: Money| x.input_text(currency);
    let at = PlanRef::new(ws, id, plan);
    let body = match &p.terms {
        Terms::Referral(x) => {
            let (flat, pct) = match x.closed_won {
                Payout::Flat(f) => (m(f), Rate::ZERO),
                Payout::Percent(r) => (String::new(), r),
            };
            let payout_kind = RwSignal::new(matches!(x.closed_won, Payout::Flat(_)));
            let group = format!("payout-{}", p.id);
            view! {
                <MoneyInput label="Fee per ICP-qualified meeting with the required stakeholders" initial=m(x.meeting_fee) optional=false
                    on_valid=at.money(|t, v| if let Terms::Referral(x) = t { x.meeting_fee = v })/>
                <fieldset>
                    <legend>"Closed-won payment"</legend>
                    <label class="check"><input type="radio" name=group.clone() prop:checked=move || payout_kind.get()
                        on:change=move |_| payout_kind.set(true)/>" A flat amount"</label>
                    <label class="check"><input type="radio" name=group prop:checked=move || !payout_kind.get()
                        on:change=move |_| payout_kind.set(false)/>" A share of first-year revenue"</label>
                    {move || if payout_kind.get() {
                        view! { <MoneyInput label="Per won deal" initial=flat.clone() optional=false
                            on_valid=at.money(|t, v| if let Terms::Referral(x) = t { x.closed_won = Payout::Flat(v) })/> }.into_any()
                    } else {
                        view! { <RateInput label="Of first-year revenue" initial=pct
                            on_valid=at.rate(|t, v| if let Terms::Referral(x) = t { x.closed_won = Payout::Percent(v) })/> }.into_any()
                    }}
                </fieldset>
                <fieldset>
                    <legend>"Reduced eligibility after low-quality submissions"</legend>
                    <div class="grid4">
                        <CountInput label="Over the last N submissions" initial=u32::from(x.quality.window) min=1 max=1000
                            on_valid=move |v: u32| at.edit(|t| if let Terms::Referral(x) = t { x.quality.window = v as u16 })/>
                        <RateInput label="If more are rejected than" initial=x.quality.max_rejection
                            on_valid=at.rate(|t, v| if let Terms::Referral(x) = t { x.quality.max_rejection = v })/>
                        <RateInput label="Cut the meeting fee by" initial=x.quality.fee_cut
                            on_valid=at.rate(|t, v| if let Terms::Referral(x) = t { x.quality.fee_cut = v })/>
                    </div>
                </fieldset>
            }.into_any()
        }
        Terms::Services(x) => view! {
            <TextInput label="Packaged offer (services + product)" initial=x.package.clone()
                on_input=at.text(|t, v| if let Terms::Services(x) = t { x.package = v })/>
            <div class="grid2">
                <MoneyInput label="Services the partner bills per deal" initial=m(x.services_price) optional=false
                    on_valid=at.money(|t, v| if let Terms::Services(x) = t { x.services_price = v })/>
                <MoneyInput label="Co-marketing funds per quarter (partners that run demand generation)" initial=m(x.co_marketing) optional=false
                    on_valid=at.money(|t, v| if let Terms::Services(x) = t { x.co_marketing = v })/>
            </div>
            <HealthTiers at tiers=x.tiers.clone()/>
        }.into_any(),
        Terms::Resell(x) => {
            let cert_id = next_id();
            let cert_for = cert_id.clone();
            view! {
                <div class="grid4">
                    <MoneyInput label="List price (first year)" initial=m(x.list_price) optional=false
                        on_valid=at.money(|t, v| if let Terms::Resell(x) = t { x.list_price = v })/>
                    <MoneyInput label="Price floor" initial=m(x.price_floor) optional=false
                        on_valid=at.money(|t, v| if let Terms::Resell(x) = t { x.price_floor = v })/>
                    <RateInput label="Largest discount" initial=x.max_discount
                        on_valid=at.rate(|t, v| if let Terms::Resell(x) = t { x.max_discount = v })/>
                </div>
                <MarginTiers at tiers=x.tiers.clone()/>
                <fieldset>
                    <legend>"Rebates tied to renewals and adoption"</legend>
                    <div class="grid4">
                        <RateInput label="Rebate on renewal revenue" initial=x.renewal_rebate
                            on_valid=at.rate(|t, v| if let Terms::Resell(x) = t { x.renewal_rebate = v })/>
                        <RateInput label="When retention reaches" initial=x.rebate_min_retention
                            on_valid=at.rate(|t, v| if let Terms::Resell(x) = t { x.rebate_min_retention = v })/>
                        <RateInput label="And adoption reaches" initial=x.rebate_min_adoption
                            on_valid=at.rate(|t, v| if let Terms::Resell(x) = t { x.rebate_min_adoption = v })/>
                    </div>
                </fieldset>
                <div class="field">
                    <label class="check" for=cert_for><input id=cert_id type="checkbox" prop:checked=x.certified
                        on:change:target=move |ev| { let on = ev.target().checked(); at.edit(|t| if let Terms::Resell(x) = t { x.certified = on }) }/>
                        " The partner is certified (unlocks tiers that require it)"</label>
                </div>
            }.into_any()
        }
    };
    view! {
        <section class="plan-editor" aria-labelledby="plan-title">
            <h2 id="plan-title">{format!("{} terms", p.kind().label())}</h2>
            <TextInput label="Plan name" initial=p.name.clone() on_input=move |v: String| at.rename(v)/>
            {body}
        </section>
    }
    .into_any()
}

/// One tier table of a plan: its rows as shown, and how to reach it in the
/// plan's terms. `Copy`, so every row's closures can hold it.
struct Tiers<T: 'static> {
    at: PlanRef,
    rows: RwSignal<Vec<T>>,
    version: RwSignal<u32>,
    table: fn(&mut Terms) -> Option<&mut Vec<T>>,
}

impl<T: 'static> Clone for Tiers<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Tiers<T> {}

impl<T: Clone + Send + Sync + 'static> Tiers<T> {
    fn new(at: PlanRef, rows: Vec<T>, table: fn(&mut Terms) -> Option<&mut Vec<T>>) -> Self {
        Tiers {
            at,
            rows: RwSignal::new(rows),
            version: RwSignal::new(0),
            table,
        }
    }
    fn edit(self, f: impl FnOnce(&mut Vec<T>)) {
        self.at.edit(|t| {
            if let Some(x) = (self.table)(t) {
                f(x);
                self.rows.set(x.clone());
            }
        });
    }
    /// Change tier `i`.
    fn set(self, i: usize, f: impl FnOnce(&mut T)) {
        self.edit(|x| {
            if let Some(t) = x.get_mut(i) {
                f(t);
            }
        });
    }
    /// Add or remove a row (the rows are drawn again).
    fn reshape(self, f: impl FnOnce(&mut Vec<T>)) {
        self.edit(f);
        self.version.update(|v| *v += 1);
    }
}

/// A tier table: one `row` per tier, a remove button each, and an add button.
#[component]
fn TierTable<T, R>(
    legend: &'static str,
    tiers: Tiers<T>,
    row: R,
    new_tier: fn(&[T]) -> T,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(usize, T) -> AnyView + Send + Sync + 'static,
{
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {move || {
                tiers.version.track();
                tiers.rows.get_untracked().into_iter().enumerate().map(|(i, t)| view! {
                    <div class="row-editor">
                        {row(i, t)}
                        <button type="button" class="danger" aria-label=format!("Remove tier {}", i + 1) on:click=move |_| {
                            tiers.reshape(|x| { if i < x.len() { x.remove(i); } });
                        }>"Remove"</button>
                    </div>
                }).collect_view()
            }}
            <button type="button" on:click=move |_| tiers.reshape(|x| { let t = new_tier(x); x.push(t); })>"Add a tier"</button>
        </fieldset>
    }
}

/// Services tiers: name, minimum health, bonus.
#[component]
fn HealthTiers(at: PlanRef, tiers: Vec<HealthTier>) -> impl IntoView {
    let tiers = Tiers::new(at, tiers, |t| match t {
        Terms::Services(x) => Some(&mut x.tiers),
        _ => None,
    });
    let row = move |i: usize, t: HealthTier| {
        view! {
        <TextInput label=format!("Tier {} name", i + 1) initial=t.name
            on_input=move |v: String| tiers.set(i, |t| t.name = v)/>
        <CountInput label=format!("Tier {} minimum health (0–100)", i + 1) initial=u32::from(t.min_health) min=0 max=100
            on_valid=move |v: u32| tiers.set(i, |t| t.min_health = v as u8)/>
        <RateInput label=format!("Tier {} bonus on our revenue", i + 1) initial=t.bonus
            on_valid=move |v: Rate| tiers.set(i, |t| t.bonus = v)/>
    }.into_any()
    };
    let new_tier = |x: &[HealthTier]| HealthTier {
        name: format!("Tier {}", x.len() + 1),
        min_health: x
            .last()
            .map_or(50, |t| t.min_health.saturating_add(10).min(100)),
        bonus: Rate(500),
    };
    view! { <TierTable legend="Tiers tied to customer health and adoption, lowest first" tiers row new_tier/> }
}

/// Resell margin tiers: name, deals per quarter, margin, certification.
#[component]
fn MarginTiers(at: PlanRef, tiers: Vec<MarginTier>) -> impl IntoView {
    let tiers = Tiers::new(at, tiers, |t| match t {
        Terms::Resell(x) => Some(&mut x.tiers),
        _ => None,
    });
    let row = move |i: usize, t: MarginTier| {
        let cert = next_id();
        let cert_for = cert.clone();
        view! {
            <TextInput label=format!("Tier {} name", i + 1) initial=t.name
                on_input=move |v: String| tiers.set(i, |t| t.name = v)/>
            <CountInput label=format!("Tier {} deals per quarter from", i + 1) initial=t.min_deals min=0 max=1_000_000
                on_valid=move |v: u32| tiers.set(i, |t| t.min_deals = v)/>
            <RateInput label=format!("Tier {} margin", i + 1) initial=t.margin
                on_valid=move |v: Rate| tiers.set(i, |t| t.margin = v)/>
            <div class="field"><label class="check" for=cert_for><input id=cert type="checkbox" prop:checked=t.requires_certification
                on:change:target=move |ev| { let on = ev.target().checked(); tiers.set(i, |t| t.requires_certification = on) }/>
                {format!(" Tier {} requires certification", i + 1)}</label></div>
        }
        .into_any()
    };
    let new_tier = |x: &[MarginTier]| MarginTier {
        name: format!("Tier {}", x.len() + 1),
        min_deals: x.last().map_or(0, |t| t.min_deals + 5),
        margin: x.last().map_or(Rate(1_500), |t| Rate(t.margin.0 + 500)),
        requires_certification: false,
    };
    view! { <TierTable legend="Margin tiers, lowest first" tiers row new_tier/> }
}

/// Pipeline assumptions.
#[component]
fn AssumptionsForm(id: Id) -> impl IntoView {
    let ws = use_workspace();
    let a = ws.with_untracked(|w| {
        w.partner(&id)
            .map(|p| p.incentives.assumptions.clone())
            .unwrap_or_default()
    });
    let currency = ws.with_untracked(|w| w.profile.currency);
    let m = move |x: Money| x.input_text(currency);
    let money = |f: fn(&mut Assumptions, Money)| {
        let id = id.clone();
        Callback::new(move |v: Option<Money>| {
            if let Some(v) = v {
                edit_assumptions(ws, &id, |a| f(a, v))
            }
        })
    };
    let rate = |f: fn(&mut Assumptions, Rate)| {
        let id = id.clone();
        Callback::new(move |v: Rate| edit_assumptions(ws, &id, |a| f(a, v)))
    };
    let count = |f: fn(&mut Assumptions, u32)| {
        let id = id.clone();
        Callback::new(move |v: u32| edit_assumptions(ws, &id, |a| f(a, v)))
    };
    view! {
        <section aria-labelledby="assume-title">
            <h2 id="assume-title">"Pipeline assumptions"</h2>
            <div class="grid4">
                <CountInput label="Submissions (or meetings) per quarter" initial=a.submissions min=0 max=1_000_000 on_valid=count(|a, v| a.submissions = v)/>
                <RateInput label="Qualified" initial=a.qualification_rate on_valid=rate(|a, v| a.qualification_rate = v)/>
                <RateInput label="Rejected as low quality" initial=a.rejection_rate on_valid=rate(|a, v| a.rejection_rate = v)/>
                <RateInput label="Win rate" initial=a.win_rate on_valid=rate(|a, v| a.win_rate = v)/>
                <MoneyInput label="First-year revenue per deal" initial=m(a.first_year_revenue) optional=false on_valid=money(|a, v| a.first_year_revenue = v)/>
                <CountInput label="Sales cycle (quarters)" initial=u32::from(a.cycle_quarters) min=0 max=11 on_valid=count(|a, v| a.cycle_quarters = v as u8)/>
                <RateInput label="Yearly retention" initial=a.retention on_valid=rate(|a, v| a.retention = v)/>
                <CountInput label="Horizon (quarters, 4–12)" initial=u32::from(a.quarters) min=4 max=12 on_valid=count(|a, v| a.quarters = v as u8)/>
                <MoneyInput label="Our cost to serve a partner deal" initial=m(a.cost_partner_deal) optional=false on_valid=money(|a, v| a.cost_partner_deal = v)/>
                <MoneyInput label="Our cost to serve a direct deal" initial=m(a.cost_direct_deal) optional=false on_valid=money(|a, v| a.cost_direct_deal = v)/>
                <MoneyInput label="Our cost to win a deal directly" initial=m(a.direct_acquisition_cost) optional=false on_valid=money(|a, v| a.direct_acquisition_cost = v)/>
                <RateInput label="Discount the partner gives (resell)" initial=a.discount on_valid=rate(|a, v| a.discount = v)/>
                <CountInput label="Customer health score (services, 0–100)" initial=u32::from(a.health) min=0 max=100 on_valid=count(|a, v| a.health = v as u8)/>
                <RateInput label="Product adoption (resell)" initial=a.adoption on_valid=rate(|a, v| a.adoption = v)/>
            </div>
        </section>
    }
}

fn money_fmt(c: Currency) -> impl Fn(Money) -> String + Copy {
    move |m| m.display(c)
}

/// The model: problems, quarters, totals, charts, scale, levers, guardrails.
#[component]
fn Results(id: Id, plan: Id, currency: Currency) -> impl IntoView {
    let ws = use_workspace();
    let data = Memo::new(move |_| {
        ws.with(|w| {
            let p = w.partner(&id)?;
            let pl = p.incentives.plans.iter().find(|x| x.id == plan)?.clone();
            Some((pl, p.incentives.assumptions.clone()))
        })
    });
    let fmt = money_fmt(currency);
    view! {
        {move || data.get().map(|(plan, a)| {
            let mut problems: Vec<String> = plan_problems(&plan).into_iter().map(|p| format!("{}: {}", field_label(&p.path), p.message)).collect();
            problems.extend(assumption_problems(&a).into_iter().map(|p| format!("{}: {}", field_label(&p.path), p.message)));
            if !problems.is_empty() {
                return view! {
                    <div class="import-errors" role="alert" data-testid="incentive-problems">
                        <p><strong>"Fix these to see the model:"</strong></p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }.into_any();
            }
            let m = model(&plan, &a, 1);
            let rows = scale(&plan, &a);
            let swings = tornado(&plan, &a, currency);
            view! {
                <section aria-labelledby="model-title" data-testid="model">
                    <h2 id="model-title">"Quarter by quarter"</h2>
                    <ModelTable m=m.clone() currency/>
                    <p data-testid="model-summary">{format!(
                        "Over {} quarters the partner earns {}, we pay {}, our contribution is {} ({} margin). Cost per partner deal {} against {} direct.",
                        m.quarters.len(), fmt(m.totals.partner_earns), fmt(m.totals.we_pay), fmt(m.totals.contribution),
                        bp_text(m.contribution_margin_bp),
                        m.partner_cost_per_deal.map(fmt).unwrap_or_else(|| "–".into()), fmt(m.direct_cost_per_deal)
                    )}</p>
                    {(!m.flags.is_empty()).then(|| view! {
                        <ul class="flags" data-testid="flags">{m.flags.iter().map(|f| view! { <li>{f.text(currency)}</li> }).collect_view()}</ul>
                    })}
                    <GroupedBars
                        labels=m.quarters.iter().map(|q| format!("Q{}", q.quarter)).collect()
                        series=vec![
                            ("Partner earns".into(), m.quarters.iter().map(|q| q.partner_earns.0).collect()),
                            ("Our contribution".into(), m.quarters.iter().map(|q| q.contribution.0).collect()),
                        ]
                        format=|v| partnerfit_core::Money(v).minor().to_string()
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
                    <ul class="flags" data-testid="scale-flags">{scale_notes(&m, &rows, currency).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <GroupedBars
                        labels=rows.iter().map(|r| format!("{}×", r.volume)).collect()
                        series=vec![("Contribution margin (basis points)".into(), rows.iter().map(|r| r.contribution_margin_bp.unwrap_or(0)).collect())]
                        format=|v| bp_text(Some(v))
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

/// What changes as volume grows: tier jumps and cliffs, plus flags that the
/// 1× model does not already show (each once, at the first volume it appears).
fn scale_notes(
    base: &Model,
    rows: &[partnerfit_core::incentives::scale::ScaleRow],
    currency: Currency,
) -> Vec<String> {
    let mut seen: Vec<String> = base.flags.iter().map(|f| f.text(currency)).collect();
    let mut out: Vec<String> = rows.iter().flat_map(|r| r.notes.iter().cloned()).collect();
    for r in rows {
        for f in &r.model.flags {
            let t = f.text(currency);
            if !seen.contains(&t) {
                out.push(format!("From {}×: {t}", r.volume));
                seen.push(t);
            }
        }
    }
    out
}

/// The quarterly table.
#[component]
fn ModelTable(m: Model, currency: Currency) -> impl IntoView {
    let fmt = money_fmt(currency);
    let deals = |milli: i64| format!("{}.{:01}", milli / 1000, (milli % 1000) / 100);
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
                <RateInput label="Proposed discount" initial=Rate::ZERO on_valid=move |v: Rate| discount.set(v)/>
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
fn Compare(id: Id, currency: Currency) -> impl IntoView {
    let ws = use_workspace();
    let inc = Memo::new(move |_| incentives_of(ws, &id));
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
                if !plan_problems(a).is_empty() || !plan_problems(b).is_empty() || !assumption_problems(&i.assumptions).is_empty() {
                    return Some(view! { <p class="hint">"Fix the plans' problems to compare them."</p> }.into_any());
                }
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
