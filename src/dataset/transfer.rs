use super::{Category, Evidence, Party, Quantity, Report, Status};
use crate::model::{RegisterMatch, ReviewState};
use serde::{Deserialize, Serialize, Serializer};

/// One deal: the reports of the same transfer across articles, and a summary of them.
///
/// The summary fields keep the `armsflow/1` schema: they name the deal (parties, item,
/// category), and the quantity, value and status of its latest report. Conflicting figures
/// are never averaged: every report keeps its own, and [`Transfer::quantities`] lists them.
///
/// Its evidence is its reports' ([`Transfer::evidence`]), never a copy; the JSON still lists
/// it under `evidence`, as `armsflow/1` did.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Transfer {
    /// Identifier within the dataset (`t1`, `t2`, ...).
    pub id: String,
    /// Where the goods come from.
    pub supplier: Party,
    /// Where the goods go.
    pub recipient: Party,
    /// The goods, in the words of the report that names them most exactly.
    pub item: String,
    /// The goods' category.
    pub category: Category,
    /// The figure of the latest report that gives one.
    pub quantity: Option<Quantity>,
    /// The dollar value of the latest report that gives one.
    pub value_usd: Option<u64>,
    /// The status of the latest report.
    pub status: Status,
    /// The date phrase of the first report that has one.
    pub date_text: Option<String>,
    /// The attribution of the first report that has one.
    pub attribution: Option<String>,
    /// The rule that found the first report.
    pub rule: String,
    /// The reports, oldest first (undated ones last).
    pub reports: Vec<Report>,
    /// What a SIPRI register says of it, when the dataset is checked against one.
    #[serde(default)]
    pub register: Option<RegisterMatch>,
}

impl Transfer {
    /// Summarises `reports` (at least one, of the same deal) as transfer `id`.
    pub fn from_reports(id: String, mut reports: Vec<Report>) -> Option<Self> {
        // Oldest first, undated last; a stable sort keeps article order among equals.
        reports.sort_by_key(|r| (r.date.from.is_none(), r.date.from));
        let first = reports.first()?;
        let latest = |f: &dyn Fn(&Report) -> bool| reports.iter().rev().find(|r| f(r));
        let most_exact_item = reports
            .iter()
            .max_by_key(|r| {
                (
                    r.item.split_whitespace().count(),
                    std::cmp::Reverse(&r.item),
                )
            })
            .map_or_else(|| first.item.clone(), |r| r.item.clone());
        Some(Self {
            id,
            supplier: first.supplier.clone(),
            recipient: first.recipient.clone(),
            item: most_exact_item,
            category: first.category,
            quantity: latest(&|r| r.quantity.is_some()).and_then(|r| r.quantity),
            value_usd: latest(&|r| r.value_usd.is_some()).and_then(|r| r.value_usd),
            status: reports.last().map_or(first.status, |r| r.status),
            date_text: reports.iter().find_map(|r| r.date.text.clone()),
            attribution: reports.iter().find_map(|r| r.attribution.clone()),
            rule: first.rule.clone(),
            reports,
            register: None,
        })
    }

    /// Where the transfer stands in review: rejected when every report is (rejected reports
    /// are grouped apart, so it is all or none), machine while any report is undecided, else
    /// edited when any was corrected, added when an analyst added all, else accepted.
    pub fn review_state(&self) -> ReviewState {
        let states = || self.reports.iter().map(|r| r.review.state);
        if states().all(|s| s == ReviewState::Rejected) {
            ReviewState::Rejected
        } else if states().any(|s| !s.is_reviewed()) {
            ReviewState::Machine
        } else if states().any(|s| s == ReviewState::Edited) {
            ReviewState::Edited
        } else if states().all(|s| s == ReviewState::Added) {
            ReviewState::Added
        } else {
            ReviewState::Accepted
        }
    }

    /// Every report's sentences, report by report.
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> {
        self.reports.iter().flat_map(|r| &r.evidence)
    }

    /// The statuses in report order with repeats run together: requested → agreed.
    pub fn status_history(&self) -> Vec<Status> {
        let mut history: Vec<Status> = Vec::new();
        for r in &self.reports {
            if history.last() != Some(&r.status) {
                history.push(r.status);
            }
        }
        history
    }

    /// True when one report denies what another says happened or was agreed.
    pub fn is_disputed(&self) -> bool {
        let denied = self.reports.iter().any(|r| r.status == Status::Denied);
        let affirmed = self
            .reports
            .iter()
            .any(|r| !matches!(r.status, Status::Denied | Status::Unknown));
        denied && affirmed
    }

    /// The highest confidence of its reports (see [`Report::confidence`]): a transfer is as
    /// well supported as its best report.
    pub fn confidence(&self) -> f64 {
        self.reports
            .iter()
            .map(|r| r.confidence)
            .fold(0.0, f64::max)
    }

    /// The distinct figures the reports give, smallest first.
    pub fn quantities(&self) -> Vec<Quantity> {
        let mut q: Vec<Quantity> = self.reports.iter().filter_map(|r| r.quantity).collect();
        q.sort_by_key(|q| (q.value, q.qualifier));
        q.dedup();
        q
    }

    /// The articles (ids) that report it, in report order, each once.
    pub fn articles(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for r in &self.reports {
            if !ids.contains(&r.article.as_str()) {
                ids.push(&r.article);
            }
        }
        ids
    }
}

/// The JSON form of a transfer: its fields in schema order, `evidence` gathered from its
/// reports where `armsflow/1` readers find it.
#[derive(Serialize)]
struct TransferJson<'a> {
    id: &'a str,
    supplier: &'a Party,
    recipient: &'a Party,
    item: &'a str,
    category: Category,
    quantity: Option<Quantity>,
    value_usd: Option<u64>,
    status: Status,
    date_text: &'a Option<String>,
    attribution: &'a Option<String>,
    rule: &'a str,
    evidence: Vec<&'a Evidence>,
    reports: &'a [Report],
    #[serde(skip_serializing_if = "Option::is_none")]
    register: &'a Option<RegisterMatch>,
}

impl Serialize for Transfer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TransferJson {
            id: &self.id,
            supplier: &self.supplier,
            recipient: &self.recipient,
            item: &self.item,
            category: self.category,
            quantity: self.quantity,
            value_usd: self.value_usd,
            status: self.status,
            date_text: &self.date_text,
            attribution: &self.attribution,
            rule: &self.rule,
            evidence: self.evidence().collect(),
            reports: &self.reports,
            register: &self.register,
        }
        .serialize(s)
    }
}
