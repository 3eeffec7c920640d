//! The analyst's review queue: the visible transfers' reports in the order they are best
//! checked, and how many are reviewed.

use super::DatasetIndex;
use crate::dataset::Dataset;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// The order of the review queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueueOrder {
    /// Lowest confidence first: the reports most likely wrong.
    #[default]
    Confidence,
    /// Oldest first, undated last.
    Date,
    /// Article by article, in text order.
    Article,
}

impl QueueOrder {
    /// Every order, as offered.
    pub const ALL: [QueueOrder; 3] = [Self::Confidence, Self::Date, Self::Article];

    /// The order in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Confidence => "Lowest confidence first",
            Self::Date => "By date",
            Self::Article => "By article",
        }
    }
}

/// The review queue of some transfers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewQueue {
    /// The reports listed, as (transfer index, report index), in queue order. Compact, so
    /// that 240,000 reports cost 2 MB.
    pub items: Vec<(u32, u32)>,
    /// How many of the transfers' reports an analyst decided.
    pub reviewed: usize,
    /// How many reports the transfers have.
    pub total: usize,
}

/// The reports of the `visible` transfers to review, in `order`: only those not yet
/// reviewed unless `show_reviewed`. Ties keep dataset order, so the queue is stable.
pub fn review_queue(
    dataset: &Dataset,
    index: &DatasetIndex,
    visible: &[usize],
    order: QueueOrder,
    show_reviewed: bool,
) -> ReviewQueue {
    let mut queue = ReviewQueue::default();
    let mut keyed = Vec::new();
    for &t in visible {
        let Some(transfer) = dataset.transfers.get(t) else {
            continue;
        };
        for (r, report) in transfer.reports.iter().enumerate() {
            queue.total += 1;
            let reviewed = report.review.state.is_reviewed();
            queue.reviewed += usize::from(reviewed);
            if reviewed && !show_reviewed {
                continue;
            }
            let key = match order {
                // Confidence in [0, 1] as an integer that sorts the same.
                QueueOrder::Confidence => (0, (report.confidence * 1e6) as i64, 0),
                QueueOrder::Date => (
                    i64::from(report.date.from.is_none()),
                    report.date.from.map_or(0, |d| {
                        i64::from(d.year()) * 400 + i64::from(d.day_of_year())
                    }),
                    0,
                ),
                QueueOrder::Article => (
                    0,
                    index.report_article(report).map_or(i64::MAX, |a| a as i64),
                    report.evidence.first().map_or(0, |e| e.start as i64),
                ),
            };
            keyed.push((key, t as u32, r as u32));
        }
    }
    // Every entry differs in (t, r): an unstable sort gives the one order there is.
    keyed.par_sort_unstable_by_key(|&(key, t, r)| (key, t, r));
    queue.items = keyed.into_iter().map(|(_, t, r)| (t, r)).collect();
    queue
}
