use crate::dataset::Dataset;
use std::collections::BTreeMap;

/// How the timeline groups marks into lanes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LaneMode {
    /// One lane per supplier -> recipient pair.
    #[default]
    Pair,
    /// One lane per supplier.
    Supplier,
}

/// Timeline lanes: labels top to bottom and each visible transfer's lane.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lanes {
    /// Lane labels, busiest lane first ("Egypt → Russia").
    pub labels: Vec<String>,
    /// Number of transfers in each lane.
    pub counts: Vec<usize>,
    /// `(transfer index, lane index)` for every visible transfer.
    pub lane_of: Vec<(usize, usize)>,
}

/// Puts the `visible` transfers of `dataset` into lanes, busiest first, ties by label.
pub fn lanes(dataset: &Dataset, visible: &[usize], mode: LaneMode) -> Lanes {
    let label = |i: usize| {
        dataset.transfers.get(i).map(|t| match mode {
            LaneMode::Pair => format!("{} → {}", t.supplier.name, t.recipient.name),
            LaneMode::Supplier => t.supplier.name.clone(),
        })
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &i in visible {
        if let Some(l) = label(i) {
            *counts.entry(l).or_default() += 1;
        }
    }
    let mut order: Vec<(String, usize)> = counts.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let index: BTreeMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(lane, (l, _))| (l.as_str(), lane))
        .collect();
    let lane_of = visible
        .iter()
        .filter_map(|&i| {
            let l = label(i)?;
            Some((i, *index.get(l.as_str())?))
        })
        .collect();
    Lanes {
        counts: order.iter().map(|(_, n)| *n).collect(),
        labels: order.into_iter().map(|(l, _)| l).collect(),
        lane_of,
    }
}
