//! Pure chart layout: the Flow (Sankey) chart is laid out into a [`Scene`] of primitives and
//! hit regions that the desktop app paints and the exporters write, so what users export is
//! what they see. Nothing here knows about egui or files.

mod flow_chart;
mod measure;
mod palette;
mod scene;

pub use flow_chart::{FlowChartOptions, FlowColor, FlowTarget, OTHER_CODE, layout_flow_chart};
pub use measure::{ApproxMeasure, TextMeasure};
pub use palette::{Theme, categorical, status_color};
pub use scene::{Anchor, HitRegion, HitShape, Pos, Primitive, Rect, Rgba, Scene};
