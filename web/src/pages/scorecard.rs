//! The scorecard itself: categories, criteria, wording, weights, and the
//! gates per partner type. The seed's set is the default.

use leptos::prelude::*;
use partnerfit_core::format::limits::{LONG_TEXT, MAX_WEIGHT};
use partnerfit_core::partner::PartnerType;
use partnerfit_core::scorecard::config::GATE_RANGE;
use partnerfit_core::scorecard::{format_score, Category, Criterion, Scorecard};
use partnerfit_core::vocab::Vocabulary;
use partnerfit_core::Id;

use crate::clock;
use crate::components::fields::{ParsedInput, TextInput};
use crate::state::{use_epoch, use_workspace};

fn parse_weight(s: &str) -> Result<f64, String> {
    let t = s.trim();
    match t.parse::<f64>() {
        Ok(w) if w.is_finite() && w > MAX_WEIGHT => {
            Err(format!("At most {MAX_WEIGHT}: weights are relative."))
        }
        Ok(w) if w.is_finite() && w >= 0.0 => Ok(w),
        Ok(w) if w < 0.0 => Err(format!("{t} is negative: weights are 0 or more")),
        _ => Err(format!("\"{t}\" is not a number")),
    }
}

fn parse_gate(s: &str) -> Result<Option<f64>, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(g) if GATE_RANGE.contains(&g) => Ok(Some(g)),
        Ok(g) => Err(format!(
            "{} is outside 1–5: category scores are 1–5",
            format_score(g)
        )),
        Err(_) => Err(format!("\"{t}\" is not a number")),
    }
}

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let ws = use_workspace();
    let epoch = use_epoch();
    let version = RwSignal::new(0u32);
    let problems = move || ws.with(|w| w.scorecard.problems());
    let reset = move |_| {
        ws.update(|w| {
            let seed = Scorecard::default();
            let known: std::collections::BTreeSet<Id> =
                seed.criteria().map(|(_, c)| c.id.clone()).collect();
            for p in &mut w.partners {
                let p = std::sync::Arc::make_mut(p);
                p.ratings.retain(|k, _| known.contains(k));
                p.pending_evidence.retain(|k, _| known.contains(k));
            }
            w.scorecard = seed;
        });
        version.update(|v| *v += 1);
    };
    view! {
        <h1>"Scorecard"</h1>
        <p class="lede">"Rate each category 1 to 5, then require minimum thresholds. A category score is the weighted mean of its rated criteria; unrated criteria are left out of the mean and keep the verdict at “needs evidence” until rated."</p>
        <div role="alert" data-testid="scorecard-problems">
            {move || problems().into_iter().map(|p| view! { <p class="error">{format!("{}: {}", p.path, p.message)}</p> }).collect_view()}
        </div>
        {move || {
            epoch.track();
            version.track();
            view! { <Gates/><Categories version/> }
        }}
        <section>
            <h2>"Start again from the seed"</h2>
            <button type="button" class="danger" on:click=reset>"Restore the default scorecard"</button>
            <span class="hint">" Ratings of criteria that no longer exist are removed."</span>
        </section>
    }
}

/// Gates: a threshold per category and partner type (empty = no gate).
#[component]
fn Gates() -> impl IntoView {
    let ws = use_workspace();
    let card = ws.with_untracked(|w| w.scorecard.clone());
    view! {
        <section aria-labelledby="gates-title">
            <h2 id="gates-title">"Gates (minimum category score)"</h2>
            <p class="hint">"Each partner type scales under its own rules. Leave a cell empty for no gate."</p>
            <table class="gates" data-testid="gates">
                <thead><tr><th scope="col">"Category"</th>
                    {PartnerType::ALL.iter().map(|k| view! { <th scope="col">{k.label()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {card.categories.iter().map(|cat| view! {
                        <tr><th scope="row">{cat.name.clone()}</th>
                            {PartnerType::ALL.iter().map(|k| {
                                let (kind, cid) = (*k, cat.id.clone());
                                let initial = card.gate(kind, &cat.id).map(format_score).unwrap_or_default();
                                view! { <td><ParsedInput label=format!("{} gate for {}", cat.name, kind.label()) initial parse=parse_gate
                                    inputmode="decimal"
                                    on_valid={move |g: Option<f64>| ws.update(|w| {
                                        let gates = w.scorecard.gates.entry(kind).or_default();
                                        match g { Some(g) => { gates.insert(cid.clone(), g); } None => { gates.remove(&cid); } }
                                    })}/></td> }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Categories and criteria: wording and weights; add and remove.
#[component]
fn Categories(version: RwSignal<u32>) -> impl IntoView {
    let ws = use_workspace();
    let card = ws.with_untracked(|w| w.scorecard.clone());
    let bump = move || version.update(|v| *v += 1);
    let add_category = move |_| {
        ws.update(|w| {
            let id = Id::fresh(
                "cat",
                clock::entropy(),
                w.scorecard.categories.iter().map(|c| &c.id),
            );
            let cid = Id::fresh(
                "crit",
                clock::entropy(),
                w.scorecard.criteria().map(|(_, c)| &c.id),
            );
            w.scorecard.categories.push(Category {
                id,
                name: "New category".into(),
                weight: 1.0,
                criteria: vec![Criterion {
                    id: cid,
                    text: "New criterion".into(),
                    weight: 1.0,
                }],
            });
        });
        bump();
    };
    let only_category = card.categories.len() == 1;
    view! {
        <section aria-labelledby="cats-title">
            <h2 id="cats-title">"Categories and criteria"</h2>
            {card.categories.into_iter().map(|cat| {
                let only_criterion = cat.criteria.len() == 1;
                let cat_id = cat.id.clone();
                let (c1, c2, c3, c4) = (cat_id.clone(), cat_id.clone(), cat_id.clone(), cat_id.clone());
                let upd_cat = move |id: &Id, f: &dyn Fn(&mut Category)| ws.update(|w| if let Some(c) = w.scorecard.categories.iter_mut().find(|c| &c.id == id) { f(c) });
                let criteria = cat.criteria.into_iter().map(|crit| {
                    let (k1, k2, k3) = (crit.id.clone(), crit.id.clone(), crit.id.clone());
                    let (cc1, cc2) = (cat_id.clone(), cat_id.clone());
                    let upd_crit = move |cat: &Id, id: &Id, f: &dyn Fn(&mut Criterion)| ws.update(|w| {
                        if let Some(c) = w.scorecard.categories.iter_mut().find(|c| &c.id == cat).and_then(|c| c.criteria.iter_mut().find(|k| &k.id == id)) { f(c) }
                    });
                    let ratings = ws.with_untracked(|w| w.partners.iter().filter(|p| p.ratings.contains_key(&crit.id)).count());
                    view! {
                        <div class="row-editor">
                            <TextInput label="Criterion" initial=crit.text.clone() maxlength=LONG_TEXT on_input=move |v: String| upd_crit(&cc1, &k1, &|c| c.text = v.clone())/>
                            <ParsedInput label="Weight" inputmode="decimal" initial=format_score(crit.weight) parse=parse_weight
                                on_valid=move |v: f64| upd_crit(&cc2, &k2, &|c| c.weight = v)/>
                            <button type="button" class="danger" aria-label=format!("Remove criterion {}", crit.text)
                                disabled=only_criterion
                                title=only_criterion.then_some("A category needs at least one criterion: remove the category instead")
                                on:click=move |_| {
                                ws.update(|w| {
                                    for c in &mut w.scorecard.categories { c.criteria.retain(|k| k.id != k3); }
                                    for p in &mut w.partners { let p = std::sync::Arc::make_mut(p); p.ratings.remove(&k3); p.pending_evidence.remove(&k3); }
                                });
                                bump();
                            }>{if ratings > 0 { format!("Remove (deletes {ratings} rating(s))") } else { "Remove".into() }}</button>
                        </div>
                    }
                }).collect_view();
                view! {
                    <fieldset class="category-editor">
                        <legend>{cat.name.clone()}</legend>
                        <div class="grid2">
                            <TextInput label="Category name" initial=cat.name.clone() on_input=move |v: String| upd_cat(&c1, &|c| c.name = v.clone())/>
                            <ParsedInput label="Category weight" inputmode="decimal" initial=format_score(cat.weight) parse=parse_weight
                                on_valid=move |v: f64| upd_cat(&c2, &|c| c.weight = v)/>
                        </div>
                        {criteria}
                        <button type="button" on:click=move |_| {
                            ws.update(|w| {
                                let id = Id::fresh("crit", clock::entropy(), w.scorecard.criteria().map(|(_, c)| &c.id));
                                if let Some(c) = w.scorecard.categories.iter_mut().find(|c| c.id == c3) {
                                    c.criteria.push(Criterion { id, text: "New criterion".into(), weight: 1.0 });
                                }
                            });
                            bump();
                        }>"Add a criterion"</button>
                        <button type="button" class="danger" disabled=only_category
                            title=only_category.then_some("The scorecard needs at least one category")
                            on:click=move |_| {
                            ws.update(|w| {
                                let gone: Vec<Id> = w.scorecard.category(&c4).map(|c| c.criteria.iter().map(|k| k.id.clone()).collect()).unwrap_or_default();
                                w.scorecard.categories.retain(|c| c.id != c4);
                                for g in w.scorecard.gates.values_mut() { g.remove(&c4); }
                                for p in &mut w.partners { let p = std::sync::Arc::make_mut(p); for k in &gone { p.ratings.remove(k); p.pending_evidence.remove(k); } }
                            });
                            bump();
                        }>"Remove this category"</button>
                    </fieldset>
                }
            }).collect_view()}
            <button type="button" on:click=add_category>"Add a category"</button>
        </section>
    }
}
