//! What the charts and tables show, computed from a [`crate::dataset::Dataset`] without any
//! GUI: per-transfer dates, the active filters, flows between countries, timeline lanes and
//! the highlights in evidence sentences. The desktop app and the exporters read these.

mod filters;
mod flows;
mod highlight;
mod index;
mod lanes;

pub use filters::{Filters, parse_date_bound};
pub use flows::{Flow, FlowKey, FlowWeight, flows};
pub use highlight::{Highlight, HighlightKind, highlights};
pub use index::{DatasetIndex, DateSourceKind, TransferDate};
pub use lanes::{LaneMode, Lanes, lanes};
