use super::DatasetIndex;

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

/// Puts the `visible` transfers into lanes, busiest first, ties by label.
pub fn lanes(index: &DatasetIndex, visible: &[usize], mode: LaneMode) -> Lanes {
    // Pairs and suppliers have small ids in the index: counting is an array lookup per
    // transfer, and a label is cloned once per lane.
    let (ids, names) = match mode {
        LaneMode::Pair => (&index.transfer_pair, &index.pairs),
        LaneMode::Supplier => (&index.transfer_supplier, &index.suppliers),
    };
    let id_of = |i: usize| ids.get(i).map(|&id| id as usize);
    let mut counts = vec![0usize; names.len()];
    for &i in visible {
        if let Some(n) = id_of(i).and_then(|id| counts.get_mut(id)) {
            *n += 1;
        }
    }
    let mut order: Vec<usize> = (0..names.len()).filter(|&id| counts[id] > 0).collect();
    order.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| names[a].cmp(&names[b]))
    });
    let mut lane_by_id = vec![usize::MAX; names.len()];
    for (lane, &id) in order.iter().enumerate() {
        lane_by_id[id] = lane;
    }
    let lane_of = visible
        .iter()
        .filter_map(|&i| Some((i, *lane_by_id.get(id_of(i)?)?)))
        .filter(|&(_, lane)| lane != usize::MAX)
        .collect();
    Lanes {
        counts: order.iter().map(|&id| counts[id]).collect(),
        labels: order.iter().map(|&id| names[id].clone()).collect(),
        lane_of,
    }
}
