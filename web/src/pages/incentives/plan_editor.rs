//! A plan's own levers, by type, bound to the plan: each field sends the
//! plan's terms with that field changed, and the core refuses terms the
//! model could not run on (the reason shows beside the field).

use leptos::prelude::*;
use partnerfit_core::edit::incentives::PLAN_NAME;
use partnerfit_core::edit::{IncentivesEdit, PartnerEdit, PayoutKind, RowEdit, TextKind};
use partnerfit_core::incentives::fields::PlanField;
use partnerfit_core::incentives::plan::{HealthTier, MarginTier, Payout, Plan, Terms};
use partnerfit_core::rate::Rate;
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::{Id, Money};

use crate::components::fields::{Check, CountField, MoneyField, RateField, TextField};
use crate::components::list_editor::ListEditor;
use crate::lens::{Binding, PartnerLens};

/// "This plan of this partner".
#[derive(Clone, Copy)]
struct PlanLens {
    lens: PartnerLens,
    plan: StoredValue<Id>,
}

impl PlanLens {
    fn read<T>(
        self,
        p: &partnerfit_core::partner::Partner,
        f: impl FnOnce(&Plan) -> T,
    ) -> Option<T> {
        self.plan
            .with_value(|id| p.incentives.plans.iter().find(|x| &x.id == id).map(f))
    }

    fn send(self, e: IncentivesEdit) -> Result<(), String> {
        self.lens.apply(PartnerEdit::Incentives(e))
    }

    /// One lever of the terms: `get` reads it (`None` for another type),
    /// `set` writes it into a copy of the terms, which is sent.
    fn bind<T>(self, get: fn(&Terms) -> Option<T>, set: fn(&mut Terms, T)) -> Binding<T>
    where
        T: Default + Clone + PartialEq + Send + Sync + 'static,
    {
        Binding {
            in_workspace: true,
            value: self
                .lens
                .memo(move |p| {
                    self.read(p, |x| get(&x.terms))
                        .flatten()
                        .unwrap_or_default()
                })
                .into(),
            commit: Callback::new(move |v: T| {
                let Some(mut terms) = self.lens.store().with_untracked(|w| {
                    w.partner(&self.lens.id())
                        .and_then(|p| self.read(p, |x| x.terms.clone()))
                }) else {
                    return Err("This plan is no longer there.".into());
                };
                set(&mut terms, v);
                self.send(IncentivesEdit::Terms(self.plan.get_value(), terms))
            }),
        }
    }
}

/// The plan's own levers.
#[component]
pub fn PlanEditor(lens: PartnerLens, plan: Id) -> impl IntoView {
    let at = PlanLens {
        lens,
        plan: StoredValue::new(plan),
    };
    let kind = lens.memo(move |p| at.read(p, |x| Some(x.kind())).flatten());
    let name = Binding {
        in_workspace: true,
        value: lens
            .memo(move |p| at.read(p, |x| x.name.clone()).unwrap_or_default())
            .into(),
        commit: Callback::new(move |v: String| {
            at.send(IncentivesEdit::RenamePlan(at.plan.get_value(), v))
        }),
    };
    view! {
        <section class="plan-editor" aria-labelledby="plan-title">
            <h2 id="plan-title">{move || kind.get().map(|k| format!("{} terms", k.label()))}</h2>
            <TextField label=PLAN_NAME binding=name/>
            {move || kind.get().map(|k| match k {
                partnerfit_core::partner::PartnerType::Referral => view! { <ReferralTerms at/> }.into_any(),
                partnerfit_core::partner::PartnerType::Services => view! { <ServicesTerms at/> }.into_any(),
                partnerfit_core::partner::PartnerType::Resell => view! { <ResellTerms at/> }.into_any(),
            })}
        </section>
    }
}

/// Pay more for qualified meetings, a second amount for closed-won revenue,
/// less after repeated low-quality submissions.
#[component]
fn ReferralTerms(at: PlanLens) -> impl IntoView {
    let flat = at.lens.memo(move |p| {
        at.read(
            p,
            |x| matches!(&x.terms, Terms::Referral(r) if matches!(r.closed_won, Payout::Flat(_))),
        )
        .unwrap_or(false)
    });
    let error = RwSignal::new(None::<String>);
    // A switch refused leaves the radio buttons showing the plan's payout.
    let (flat_radio, percent_radio) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    let payout = move |kind: PayoutKind| {
        error.set(
            at.send(IncentivesEdit::Payout(at.plan.get_value(), kind))
                .err(),
        );
        let flat = flat.get_untracked();
        if let (Some(f), Some(p)) = (flat_radio.get_untracked(), percent_radio.get_untracked()) {
            f.set_checked(flat);
            p.set_checked(!flat);
        }
    };
    let group = format!("payout-{}", at.plan.get_value());
    let err_id = format!("{group}-error");
    view! {
        <MoneyField label=PlanField::MeetingFee.label()
            binding=at.bind(|t| match t { Terms::Referral(r) => Some(r.meeting_fee), _ => None }, |t, v| if let Terms::Referral(r) = t { r.meeting_fee = v })/>
        <fieldset>
            <legend>{PlanField::ClosedWon.label()}</legend>
            <label class="check"><input type="radio" name=group.clone() prop:checked=move || flat.get() node_ref=flat_radio
                aria-describedby=err_id.clone() on:change=move |_| payout(PayoutKind::Flat)/>" A flat amount"</label>
            <label class="check"><input type="radio" name=group prop:checked=move || !flat.get() node_ref=percent_radio
                aria-describedby=err_id.clone() on:change=move |_| payout(PayoutKind::Percent)/>" A share of first-year revenue"</label>
            <p class="hint">"Switching keeps what a deal pays on today's assumptions."</p>
            <span class="error" id=err_id aria-live="polite">{move || error.get()}</span>
            {move || if flat.get() {
                view! { <MoneyField label=PlanField::ClosedWonFlat.label() binding=at.bind(
                    |t| match t { Terms::Referral(r) => match r.closed_won { Payout::Flat(m) => Some(m), _ => None }, _ => None },
                    |t, v: Money| if let Terms::Referral(r) = t { r.closed_won = Payout::Flat(v) })/> }.into_any()
            } else {
                view! { <RateField label=PlanField::ClosedWonPercent.label() binding=at.bind(
                    |t| match t { Terms::Referral(r) => match r.closed_won { Payout::Percent(x) => Some(x), _ => None }, _ => None },
                    |t, v: Rate| if let Terms::Referral(r) = t { r.closed_won = Payout::Percent(v) })/> }.into_any()
            }}
        </fieldset>
        <fieldset>
            <legend>{PlanField::Quality.label()}</legend>
            <p class="hint">"The rule looks at the partner's last N submissions: the model fills that window at the assumed submissions per quarter and pays the full fee until it is full; the partner's standing from its judged deals shows under the model."</p>
            <div class="grid4">
                <CountField label=PlanField::QualityWindow.label() min=1 max=1000
                    binding=at.bind(|t| match t { Terms::Referral(r) => Some(u32::from(r.quality.window)), _ => None }, |t, v| if let Terms::Referral(r) = t { r.quality.window = v as u16 })/>
                <RateField label=PlanField::QualityMaxRejection.label()
                    binding=at.bind(|t| match t { Terms::Referral(r) => Some(r.quality.max_rejection), _ => None }, |t, v| if let Terms::Referral(r) = t { r.quality.max_rejection = v })/>
                <RateField label=PlanField::QualityFeeCut.label()
                    binding=at.bind(|t| match t { Terms::Referral(r) => Some(r.quality.fee_cut), _ => None }, |t, v| if let Terms::Referral(r) = t { r.quality.fee_cut = v })/>
            </div>
        </fieldset>
    }
}

/// Packaged offers, co-marketing, tiers tied to customer health.
#[component]
fn ServicesTerms(at: PlanLens) -> impl IntoView {
    let rows = at.lens.memo(move |p| {
        at.read(p, |x| match &x.terms {
            Terms::Services(s) => s.tiers.clone(),
            _ => Vec::new(),
        })
        .unwrap_or_default()
    });
    view! {
        <TextField label=PlanField::Package.label()
            binding=at.bind(|t| match t { Terms::Services(s) => Some(s.package.clone()), _ => None }, |t, v| if let Terms::Services(s) = t { s.package = v })/>
        <TextField label=PlanField::Scope.label() kind=TextKind::Long
            binding=at.bind(|t| match t { Terms::Services(s) => Some(s.scope.clone()), _ => None }, |t, v| if let Terms::Services(s) = t { s.scope = v })/>
        <div class="grid2">
            <MoneyField label=PlanField::ServicesPrice.label()
                binding=at.bind(|t| match t { Terms::Services(s) => Some(s.services_price), _ => None }, |t, v| if let Terms::Services(s) = t { s.services_price = v })/>
            <MoneyField label=PlanField::CoMarketing.label()
                binding=at.bind(|t| match t { Terms::Services(s) => Some(s.co_marketing), _ => None }, |t, v| if let Terms::Services(s) = t { s.co_marketing = v })/>
        </div>
        <Check label=PlanField::DemandGeneration.label()
            binding=at.bind(|t| match t { Terms::Services(s) => Some(s.demand_generation), _ => None }, |t, v| if let Terms::Services(s) = t { s.demand_generation = v })/>
        <ListEditor legend=PlanField::HealthTiers.label() rows noun="tier" movable=true
            add_label="Add a tier"
            edit=Callback::new(move |e: RowEdit<HealthTier>| at.send(IncentivesEdit::HealthTiers(at.plan.get_value(), e)))
            new_row=Callback::new(move |()| rows.with_untracked(|x| HealthTier {
                name: format!("Tier {}", x.len() + 1),
                min_health: x.last().map_or(50, |t| t.min_health.saturating_add(10).min(100)),
                min_adoption: x.last().map_or(Rate(4_000), |t| Rate((t.min_adoption.0 + 1_000).min(10_000))),
                bonus: Rate(500),
            }))
            row=|r| {
                view! {
                    <TextField label=PlanField::HealthTierName(r.index).label() binding=r.field(|t: &HealthTier| t.name.clone(), |t, v| t.name = v)/>
                    <CountField label=PlanField::TierMinHealth(r.index).label() min=0 max=100
                        binding=r.field(|t: &HealthTier| u32::from(t.min_health), |t, v| t.min_health = v as u8)/>
                    <RateField label=PlanField::TierMinAdoption(r.index).label() binding=r.field(|t: &HealthTier| t.min_adoption, |t, v| t.min_adoption = v)/>
                    <RateField label=PlanField::TierBonus(r.index).label() binding=r.field(|t: &HealthTier| t.bonus, |t, v| t.bonus = v)/>
                }
            }/>
    }
}

/// Price floors, discount guardrails, margin tiers, rebates on renewals and
/// adoption, certification.
#[component]
fn ResellTerms(at: PlanLens) -> impl IntoView {
    let rows = at.lens.memo(move |p| {
        at.read(p, |x| match &x.terms {
            Terms::Resell(r) => r.tiers.clone(),
            _ => Vec::new(),
        })
        .unwrap_or_default()
    });
    view! {
        <div class="grid4">
            <MoneyField label=PlanField::ListPrice.label()
                binding=at.bind(|t| match t { Terms::Resell(r) => Some(r.list_price), _ => None }, |t, v| if let Terms::Resell(r) = t { r.list_price = v })/>
            <MoneyField label=PlanField::PriceFloor.label()
                binding=at.bind(|t| match t { Terms::Resell(r) => Some(r.price_floor), _ => None }, |t, v| if let Terms::Resell(r) = t { r.price_floor = v })/>
            <RateField label=PlanField::MaxDiscount.label()
                binding=at.bind(|t| match t { Terms::Resell(r) => Some(r.max_discount), _ => None }, |t, v| if let Terms::Resell(r) = t { r.max_discount = v })/>
        </div>
        <ListEditor legend=PlanField::MarginTiers.label() rows noun="tier" movable=true add_label="Add a tier"
            edit=Callback::new(move |e: RowEdit<MarginTier>| at.send(IncentivesEdit::MarginTiers(at.plan.get_value(), e)))
            new_row=Callback::new(move |()| rows.with_untracked(|x| MarginTier {
                name: format!("Tier {}", x.len() + 1),
                min_deals: x.last().map_or(0, |t| t.min_deals + 5),
                margin: x.last().map_or(Rate(1_500), |t| Rate((t.margin.0 + 500).min(10_000))),
                requires_certification: false,
            }))
            row=|r| {
                view! {
                    <TextField label=PlanField::MarginTierName(r.index).label() binding=r.field(|t: &MarginTier| t.name.clone(), |t, v| t.name = v)/>
                    <CountField label=PlanField::TierMinDeals(r.index).label() min=0 max=1_000_000
                        binding=r.field(|t: &MarginTier| t.min_deals, |t, v| t.min_deals = v)/>
                    <RateField label=PlanField::TierMargin(r.index).label() binding=r.field(|t: &MarginTier| t.margin, |t, v| t.margin = v)/>
                    <Check label=PlanField::TierRequiresCertification(r.index).label()
                        binding=r.field(|t: &MarginTier| t.requires_certification, |t, v| t.requires_certification = v)/>
                }
            }/>
        <fieldset>
            <legend>"Rebates tied to renewals and adoption"</legend>
            <div class="grid4">
                <RateField label=PlanField::RenewalRebate.label()
                    binding=at.bind(|t| match t { Terms::Resell(r) => Some(r.renewal_rebate), _ => None }, |t, v| if let Terms::Resell(r) = t { r.renewal_rebate = v })/>
                <RateField label=PlanField::RebateMinRetention.label()
                    binding=at.bind(|t| match t { Terms::Resell(r) => Some(r.rebate_min_retention), _ => None }, |t, v| if let Terms::Resell(r) = t { r.rebate_min_retention = v })/>
                <RateField label=PlanField::RebateMinAdoption.label()
                    binding=at.bind(|t| match t { Terms::Resell(r) => Some(r.rebate_min_adoption), _ => None }, |t, v| if let Terms::Resell(r) = t { r.rebate_min_adoption = v })/>
            </div>
        </fieldset>
        <Check label=PlanField::Certified.label()
            binding=at.bind(|t| match t { Terms::Resell(r) => Some(r.certified), _ => None }, |t, v| if let Terms::Resell(r) = t { r.certified = v })/>
    }
}
