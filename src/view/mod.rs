//! What the charts and tables show, computed from a [`crate::dataset::Dataset`] without any
//! GUI: per-transfer dates, the active filters, flows between countries, timeline lanes and
//! the highlights in evidence sentences. The desktop app and the exporters read these.

mod filters;
mod flows;
mod format;
mod highlight;
mod index;
mod lanes;
mod review_queue;
mod table_rows;
mod timeline_marks;

pub use filters::{Filters, parse_date_bound};
#[cfg(test)]
pub use flows::test_flow;
pub use flows::{Flow, FlowKey, FlowSplit, FlowSplitBy, FlowWeight, flows, transfers_of};
pub use format::{
    article_date_label, citation, compact_quantity, date_label, dollars, edited_fields,
    figures_label, machine_values_label, quantity_label, status_history_label, thousands,
    transfer_label,
};
pub use highlight::{Highlight, HighlightKind, highlights};
pub use index::{COLOR_SLOTS, DatasetIndex, TransferDate};
pub use lanes::{LaneMode, Lanes, lanes};
pub use review_queue::{QueueOrder, ReviewQueue, review_queue};
pub use table_rows::{TableColumn, sources_label, table_rows};
pub use timeline_marks::{TimelineData, TimelineMark, report_label, timeline_data};
