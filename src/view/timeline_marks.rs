use super::{DatasetIndex, LaneMode, Lanes, date_label, lanes, quantity_label, transfer_label};
use crate::dataset::{Dataset, Status};
use crate::dates::When;

/// One report on the timeline: where it goes and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineMark {
    /// Index into the dataset's transfers.
    pub transfer: usize,
    /// Lane index into [`Lanes::labels`].
    pub lane: usize,
    /// The days it covers and how exact that is.
    pub when: When,
    /// Its status (marker shape and colour).
    pub status: Status,
    /// What a tooltip or screen reader says about it, one fact per line.
    pub label: String,
}

/// What the timeline shows for a set of visible transfers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineData {
    /// Lanes of the dated transfers, busiest first.
    pub lanes: Lanes,
    /// One mark per dated transfer.
    pub marks: Vec<TimelineMark>,
    /// Visible transfers with no date at all (not drawn; listed apart).
    pub undated: Vec<usize>,
}

/// Splits the `visible` transfers into dated marks in lanes and the undated rest.
pub fn timeline_data(
    dataset: &Dataset,
    index: &DatasetIndex,
    visible: &[usize],
    mode: LaneMode,
) -> TimelineData {
    let date_of = |i: usize| index.transfer_dates.get(i).copied().flatten();
    let (dated, undated): (Vec<usize>, Vec<usize>) =
        visible.iter().partition(|&&i| date_of(i).is_some());
    let lanes = lanes(dataset, &dated, mode);
    let marks = lanes
        .lane_of
        .iter()
        .filter_map(|&(i, lane)| {
            let date = date_of(i)?;
            let t = dataset.transfers.get(i)?;
            let source = index
                .transfer_article
                .get(i)
                .copied()
                .flatten()
                .and_then(|a| dataset.articles.get(a))
                .map_or_else(String::new, |a| {
                    format!(
                        "{} ({})",
                        a.title,
                        a.outlet.as_deref().unwrap_or("outlet unknown")
                    )
                });
            Some(TimelineMark {
                transfer: i,
                lane,
                when: date.when,
                status: t.status,
                label: format!(
                    "{}\nQuantity: {}\nStatus: {}\nDate: {}\nSource: {source}",
                    transfer_label(t),
                    quantity_label(t.quantity),
                    t.status,
                    date_label(Some(&date)),
                ),
            })
        })
        .collect();
    TimelineData {
        lanes,
        marks,
        undated,
    }
}
