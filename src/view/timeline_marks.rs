use super::{
    DatasetIndex, LaneMode, Lanes, TransferDate, date_label, figures_label, lanes, quantity_label,
    status_history_label, transfer_label,
};
use crate::dataset::{Dataset, Status};
use crate::dates::When;
use crate::model::ReviewState;
use std::collections::{BTreeMap, BTreeSet};

/// One report on the timeline: where it goes and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineMark {
    /// Index into the dataset's transfers.
    pub transfer: usize,
    /// Index into that transfer's reports.
    pub report: usize,
    /// Lane index into [`Lanes::labels`].
    pub lane: usize,
    /// The days it covers and how exact that is.
    pub when: When,
    /// The report's status (marker shape and colour).
    pub status: Status,
    /// The report's review state; `None` when the folder has no review (the chart then
    /// draws no review style).
    pub review: Option<ReviewState>,
}

/// What the timeline shows for a set of visible transfers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineData {
    /// Lanes of the transfers with a dated report, busiest first.
    pub lanes: Lanes,
    /// One mark per dated report, lane by lane (then transfer by transfer, oldest report
    /// first), so the marks of the lanes in view are one slice.
    pub marks: Vec<TimelineMark>,
    /// The first and the last day any mark covers.
    pub extent: Option<(jiff::civil::Date, jiff::civil::Date)>,
    /// The statuses the marks have, in status order (the legend's entries).
    pub statuses: Vec<Status>,
    /// Number of marks per month (by their middle day), in month order: the overview's bars.
    pub per_month: Vec<(jiff::civil::Date, u32)>,
    /// Visible transfers with no dated report at all (not drawn; listed apart).
    pub undated: Vec<usize>,
    /// Reports without a date (of any visible transfer), not drawn.
    pub undated_reports: usize,
}

/// Splits the `visible` transfers' reports into dated marks in lanes and the undated rest.
pub fn timeline_data(
    dataset: &Dataset,
    index: &DatasetIndex,
    visible: &[usize],
    mode: LaneMode,
) -> TimelineData {
    let (dated, undated): (Vec<usize>, Vec<usize>) = visible
        .iter()
        .partition(|&&i| index.transfer_dates.get(i).is_some_and(Option::is_some));
    let lanes = lanes(index, &dated, mode);
    let reviewing = !dataset.review.is_empty();
    let mut undated_reports = 0;
    let mut marks = Vec::new();
    for &(i, lane) in &lanes.lane_of {
        let Some(t) = dataset.transfers.get(i) else {
            continue;
        };
        for (n, r) in t.reports.iter().enumerate() {
            match TransferDate::of_report(r) {
                Some(date) => marks.push(TimelineMark {
                    transfer: i,
                    report: n,
                    lane,
                    when: date.when,
                    status: r.status,
                    review: reviewing.then_some(r.review.state),
                }),
                None => undated_reports += 1,
            }
        }
    }
    undated_reports += undated
        .iter()
        .filter_map(|&i| dataset.transfers.get(i))
        .map(|t| t.reports.len())
        .sum::<usize>();
    TimelineData::new(lanes, marks, undated, undated_reports)
}

impl TimelineData {
    /// The data for `marks` in `lanes`: the marks put lane by lane, and the extent, legend
    /// statuses and monthly counts worked out once (a frame only reads them).
    pub fn new(
        lanes: Lanes,
        mut marks: Vec<TimelineMark>,
        undated: Vec<usize>,
        undated_reports: usize,
    ) -> Self {
        // Stable: within a lane, marks keep their transfer and report order.
        marks.sort_by_key(|m| m.lane);
        let extent = marks
            .iter()
            .map(|m| m.when.from)
            .min()
            .zip(marks.iter().map(|m| m.when.to).max());
        let statuses: BTreeSet<Status> = marks.iter().map(|m| m.status).collect();
        let mut per_month: BTreeMap<jiff::civil::Date, u32> = BTreeMap::new();
        for m in &marks {
            *per_month
                .entry(m.when.middle().first_of_month())
                .or_default() += 1;
        }
        Self {
            lanes,
            marks,
            extent,
            statuses: statuses.into_iter().collect(),
            per_month: per_month.into_iter().collect(),
            undated,
            undated_reports,
        }
    }

    /// The marks of the lanes in `lanes`.
    pub fn marks_in_lanes(&self, lanes: std::ops::Range<usize>) -> &[TimelineMark] {
        let start = self.marks.partition_point(|m| m.lane < lanes.start);
        let end = self.marks.partition_point(|m| m.lane < lanes.end);
        self.marks.get(start..end.max(start)).unwrap_or_default()
    }
}

/// What a tooltip or screen reader says about report `report` of transfer `transfer`, one
/// fact per line. Made only when asked for (a hovered mark, the few marks read aloud), never
/// for all the marks of a big dataset.
pub fn report_label(
    dataset: &Dataset,
    index: &DatasetIndex,
    transfer: usize,
    report: usize,
) -> String {
    let Some(t) = dataset.transfers.get(transfer) else {
        return String::new();
    };
    let Some(r) = t.reports.get(report) else {
        return String::new();
    };
    let date = TransferDate::of_report(r);
    let source = index
        .report_article(r)
        .and_then(|a| dataset.articles.get(a))
        .map_or_else(String::new, |a| {
            format!(
                "{} ({})",
                a.title,
                r.source_chain()
                    .unwrap_or_else(|| "source unknown".to_owned())
            )
        });
    let of_transfer = if t.reports.len() > 1 {
        format!(
            "\nReport {} of {}: figures {}, {}",
            report + 1,
            t.reports.len(),
            figures_label(t),
            status_history_label(t)
        )
    } else {
        String::new()
    };
    format!(
        "{}\nQuantity: {}\nStatus: {}\nDate: {}\nSource: {source}{of_transfer}",
        transfer_label(t),
        quantity_label(r.quantity),
        r.status,
        date_label(date.as_ref()),
    )
}
