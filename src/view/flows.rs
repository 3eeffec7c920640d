use super::DatasetIndex;
use crate::dataset::{Dataset, Status};
use crate::model::RegisterMark;
use std::collections::BTreeMap;

/// What a flow band's width stands for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FlowWeight {
    /// Number of transfers: a deal reported by five outlets counts once.
    #[default]
    Transfers,
    /// Number of reports: how much the pair is in the news.
    Reports,
    /// Sum of stated quantities (each transfer's latest figure); transfers without a figure
    /// add nothing.
    Quantity,
}

/// The transfers of the flows `members` (indices into `flows`), sorted: what a click on a
/// band or arc that draws them selects.
pub fn transfers_of(flows: &[Flow], members: &[usize]) -> Vec<usize> {
    let mut transfers: Vec<usize> = members
        .iter()
        .filter_map(|&i| flows.get(i))
        .flat_map(|f| f.transfers.iter().copied())
        .collect();
    transfers.sort_unstable();
    transfers
}

/// A flow of `n` transfers from `s` to `r` (codes), for the charts' unit tests.
#[cfg(test)]
pub fn test_flow(s: &str, r: &str, n: usize) -> Flow {
    Flow {
        key: FlowKey {
            supplier: s.into(),
            recipient: r.into(),
            split: None,
        },
        supplier_name: format!("Country {s}"),
        recipient_name: format!("Country {r}"),
        transfers: (0..n).collect(),
        reports: n,
        quantity: 0,
        reviewed: None,
        color: None,
    }
}

/// What the bands of one pair are split by (when coloured by it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FlowSplitBy {
    /// One band per pair.
    #[default]
    Nothing,
    /// One band per status.
    Status,
    /// One band per SIPRI register mark.
    Register,
}

/// What the transfers of one band of a split pair share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowSplit {
    /// Their status.
    Status(Status),
    /// Their SIPRI register mark (`None`: not checked).
    Register(Option<RegisterMark>),
}

impl FlowSplit {
    /// In words: "delivered", "in the register".
    pub fn label(self) -> &'static str {
        match self {
            Self::Status(s) => s.as_str(),
            Self::Register(Some(m)) => m.label(),
            Self::Register(None) => "not compared with a register",
        }
    }
}

/// Identifies one band: a supplier -> recipient pair, split by status or register mark when
/// coloured by it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FlowKey {
    /// Supplier code.
    pub supplier: String,
    /// Recipient code.
    pub recipient: String,
    /// What the band's transfers share, when bands are split.
    pub split: Option<FlowSplit>,
}

/// The transfers from one supplier to one recipient (of one status, when split).
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Which band this is.
    pub key: FlowKey,
    /// Supplier display name.
    pub supplier_name: String,
    /// Recipient display name.
    pub recipient_name: String,
    /// Indices into the dataset's transfers.
    pub transfers: Vec<usize>,
    /// Number of reports of those transfers.
    pub reports: usize,
    /// Sum of stated quantities.
    pub quantity: u64,
    /// The supplier's colour slot ([`super::DatasetIndex::supplier_colors`]); `None` for a
    /// supplier past the palette, or a band gathering several.
    pub color: Option<u8>,
    /// How many of its transfers an analyst reviewed and kept; `None` when the folder has
    /// no review (the chart then draws no review style).
    pub reviewed: Option<usize>,
}

impl Flow {
    /// The band's weight in `mode`.
    pub fn weight(&self, mode: FlowWeight) -> f64 {
        match mode {
            FlowWeight::Transfers => self.transfers.len() as f64,
            FlowWeight::Reports => self.reports as f64,
            FlowWeight::Quantity => self.quantity as f64,
        }
    }
}

/// Groups the `visible` transfers of `dataset` into flows, in key order (deterministic).
pub fn flows(
    dataset: &Dataset,
    index: &DatasetIndex,
    visible: &[usize],
    split_by: FlowSplitBy,
) -> Vec<Flow> {
    // Grouped by the index's pair ids (an integer compare per transfer); names are copied
    // once per flow.
    let mut map: BTreeMap<(u32, Option<FlowSplit>), Flow> = BTreeMap::new();
    let reviewing = !dataset.review.is_empty();
    for &i in visible {
        let (Some(t), Some(&pair)) = (dataset.transfers.get(i), index.transfer_pair.get(i)) else {
            continue;
        };
        let split = match split_by {
            FlowSplitBy::Nothing => None,
            FlowSplitBy::Status => Some(FlowSplit::Status(t.status)),
            FlowSplitBy::Register => Some(FlowSplit::Register(t.register.as_ref().map(|m| m.mark))),
        };
        let flow = map.entry((pair, split)).or_insert_with(|| Flow {
            key: FlowKey {
                supplier: t.supplier.code.clone(),
                recipient: t.recipient.code.clone(),
                split,
            },
            supplier_name: t.supplier.name.clone(),
            recipient_name: t.recipient.name.clone(),
            transfers: Vec::new(),
            reports: 0,
            quantity: 0,
            reviewed: reviewing.then_some(0),
            color: index.supplier_color(&t.supplier.code),
        });
        if let Some(n) = &mut flow.reviewed {
            *n += usize::from(t.review_state().is_confirmed());
        }
        flow.transfers.push(i);
        flow.reports += t.reports.len();
        flow.quantity = flow
            .quantity
            .saturating_add(t.quantity.map_or(0, |q| q.value));
    }
    let mut out: Vec<Flow> = map.into_values().collect();
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}
