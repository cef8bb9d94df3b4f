//! The series the app draws (SVG): the pipeline by period, the stage
//! funnel, cycle time partner against direct, and plan against actual.
//! Values are integers in the chart's unit; `None` is a gap (no figure).

use serde::Serialize;

use super::plan_actual::Outcome;
use super::report::MetricsReport;
use super::split::{Amounts, Split};
use crate::id::Id;
use crate::vocab::Vocabulary;

/// What a chart's values count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Minor units of the report's currency.
    Money,
    Deals,
    /// Basis points.
    Rate,
    Days,
}

/// One line or set of bars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<i64>>,
}

/// Labels along one axis, one value per label in each series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chart {
    pub title: String,
    pub unit: Unit,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
}

fn series(name: &str, values: impl IntoIterator<Item = Option<i64>>) -> Series {
    Series {
        name: name.into(),
        values: values.into_iter().collect(),
    }
}

impl MetricsReport {
    /// Pipeline created per period, sourced / influenced / direct, for the
    /// program or one partner; amounts, or counts when `counts`.
    pub fn pipeline_chart(&self, partner: Option<&Id>, counts: bool) -> Option<Chart> {
        let created = match partner {
            None => &self.program.created,
            Some(id) => &self.partners.iter().find(|p| &p.id == id)?.created,
        };
        let value = |a: &Amounts| {
            Some(if counts {
                i64::from(a.count)
            } else {
                a.amount.0
            })
        };
        let column = |name: &str, f: fn(&Split<Amounts>) -> &Amounts| {
            series(name, created.iter().map(|s| value(f(s))))
        };
        Some(Chart {
            title: "Pipeline created".into(),
            unit: if counts { Unit::Deals } else { Unit::Money },
            labels: self.periods.iter().map(|p| p.label.clone()).collect(),
            series: vec![
                column("Partner-sourced", |s| &s.sourced),
                column("Partner-influenced", |s| &s.influenced),
                column("Direct", |s| &s.direct),
            ],
        })
    }

    /// Deals reaching each stage, partner and direct.
    pub fn funnel_chart(&self) -> Chart {
        let f = &self.program.funnel;
        Chart {
            title: "Stage funnel".into(),
            unit: Unit::Deals,
            labels: f
                .partner
                .iter()
                .map(|s| s.stage.label().to_owned())
                .collect(),
            series: vec![
                series(
                    "Partner",
                    f.partner.iter().map(|s| Some(i64::from(s.reached))),
                ),
                series(
                    "Direct",
                    f.direct.iter().map(|s| Some(i64::from(s.reached))),
                ),
            ],
        }
    }

    /// Median cycle time, partner-sourced against direct.
    pub fn cycle_chart(&self) -> Chart {
        let c = &self.program.cycle;
        Chart {
            title: "Median cycle time".into(),
            unit: Unit::Days,
            labels: vec!["Partner-sourced".into(), "Direct".into()],
            series: vec![series(
                "Median",
                [c.partner.median_days, c.direct.median_days].map(|d| d.map(i64::from)),
            )],
        }
    }

    /// What the partner earns, what we pay and our contribution, at plan
    /// and at actuals (`None` when the partner is not in the report).
    pub fn plan_chart(&self, partner: &Id) -> Option<Chart> {
        let p = &self.partners.iter().find(|p| &p.id == partner)?.plan;
        let values = |o: Option<Outcome>| {
            [
                o.map(|o| o.partner_earns.0),
                o.map(|o| o.we_pay.0),
                o.map(|o| o.contribution.0),
            ]
        };
        Some(Chart {
            title: "Plan against actual".into(),
            unit: Unit::Money,
            labels: vec![
                "Partner earns".into(),
                "We pay".into(),
                "Contribution".into(),
            ],
            series: vec![
                series("At plan", values(p.at_plan)),
                series("At actuals", values(p.at_actuals)),
            ],
        })
    }
}
