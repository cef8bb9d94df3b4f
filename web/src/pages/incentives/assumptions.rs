//! The pipeline assumptions a partner's plans are modelled on.

use leptos::prelude::*;
use partnerfit_core::edit::{IncentivesEdit, PartnerEdit};
use partnerfit_core::incentives::fields::AssumptionField;
use partnerfit_core::incentives::plan::Assumptions;

use crate::components::fields::{CountField, MoneyField, RateField};
use crate::lens::{Binding, PartnerLens};

/// One assumption: `get` reads it, `set` writes it into a copy of the
/// assumptions, which is sent.
fn assume<T>(
    lens: PartnerLens,
    get: fn(&Assumptions) -> T,
    set: fn(&mut Assumptions, T),
) -> Binding<T>
where
    T: Default + Clone + PartialEq + Send + Sync + 'static,
{
    Binding {
        in_workspace: true,
        value: lens.memo(move |p| get(&p.incentives.assumptions)).into(),
        commit: Callback::new(move |v: T| {
            let mut a = lens
                .store()
                .with_untracked(|w| {
                    w.partner(&lens.id())
                        .map(|p| p.incentives.assumptions.clone())
                })
                .ok_or("This partner is no longer there.")?;
            set(&mut a, v);
            lens.apply(PartnerEdit::Incentives(IncentivesEdit::Assumptions(a)))
        }),
    }
}

/// Pipeline assumptions.
#[component]
pub fn AssumptionsForm(lens: PartnerLens) -> impl IntoView {
    view! {
        <section aria-labelledby="assume-title">
            <h2 id="assume-title">"Pipeline assumptions"</h2>
            <div class="grid4">
                <CountField label=AssumptionField::Submissions.label() min=0 max=1_000_000
                    binding=assume(lens, |a| a.submissions, |a, v| a.submissions = v)/>
                <RateField label=AssumptionField::QualificationRate.label() binding=assume(lens, |a| a.qualification_rate, |a, v| a.qualification_rate = v)/>
                <RateField label=AssumptionField::RejectionRate.label() binding=assume(lens, |a| a.rejection_rate, |a, v| a.rejection_rate = v)/>
                <RateField label=AssumptionField::WinRate.label() binding=assume(lens, |a| a.win_rate, |a, v| a.win_rate = v)/>
                <MoneyField label=AssumptionField::FirstYearRevenue.label() binding=assume(lens, |a| a.first_year_revenue, |a, v| a.first_year_revenue = v)/>
                <CountField label=AssumptionField::CycleQuarters.label() min=0 max=11
                    binding=assume(lens, |a| u32::from(a.cycle_quarters), |a, v| a.cycle_quarters = v as u8)/>
                <RateField label=AssumptionField::Retention.label() binding=assume(lens, |a| a.retention, |a, v| a.retention = v)/>
                <CountField label=AssumptionField::Quarters.label() min=4 max=12
                    binding=assume(lens, |a| u32::from(a.quarters), |a, v| a.quarters = v as u8)/>
                <MoneyField label=AssumptionField::CostPartnerDeal.label() binding=assume(lens, |a| a.cost_partner_deal, |a, v| a.cost_partner_deal = v)/>
                <MoneyField label=AssumptionField::CostDirectDeal.label() binding=assume(lens, |a| a.cost_direct_deal, |a, v| a.cost_direct_deal = v)/>
                <MoneyField label=AssumptionField::DirectAcquisitionCost.label() binding=assume(lens, |a| a.direct_acquisition_cost, |a, v| a.direct_acquisition_cost = v)/>
                <RateField label=AssumptionField::Discount.label() binding=assume(lens, |a| a.discount, |a, v| a.discount = v)/>
                <CountField label=AssumptionField::Health.label() min=0 max=100
                    binding=assume(lens, |a| u32::from(a.health), |a, v| a.health = v as u8)/>
                <RateField label=AssumptionField::Adoption.label() binding=assume(lens, |a| a.adoption, |a, v| a.adoption = v)/>
            </div>
        </section>
    }
}
