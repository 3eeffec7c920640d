use super::DatasetIndex;
use crate::dataset::{Dataset, Status};
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

/// Identifies one band: a supplier -> recipient pair, split by status when coloured by status.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FlowKey {
    /// Supplier code.
    pub supplier: String,
    /// Recipient code.
    pub recipient: String,
    /// The status, when bands are split by status.
    pub status: Option<Status>,
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
    by_status: bool,
) -> Vec<Flow> {
    // Grouped by the index's pair ids (an integer compare per transfer); names are copied
    // once per flow.
    let mut map: BTreeMap<(u32, Option<Status>), Flow> = BTreeMap::new();
    let reviewing = !dataset.review.is_empty();
    for &i in visible {
        let (Some(t), Some(&pair)) = (dataset.transfers.get(i), index.transfer_pair.get(i)) else {
            continue;
        };
        let status = by_status.then_some(t.status);
        let flow = map.entry((pair, status)).or_insert_with(|| Flow {
            key: FlowKey {
                supplier: t.supplier.code.clone(),
                recipient: t.recipient.code.clone(),
                status,
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
