//! Pure chart layout: each chart (registered in [`CHARTS`]: the Timeline, the Flow
//! (Sankey) chart and the world Map) is laid out into a [`Scene`] of primitives and hit regions that the desktop
//! app paints and the exporters write, so what users export is what they see. Nothing here
//! knows about egui or files.

mod flow_chart;
mod font_measure;
mod legend;
mod map_chart;
mod measure;
mod palette;
mod registry;
mod scene;
mod timeline_chart;
mod world;

pub use flow_chart::{
    FlowChart, FlowChartOptions, FlowColor, FlowTarget, OTHER_CODE, layout_flow_chart,
};
pub use font_measure::{
    CHART_FONT, CHART_FONT_FAMILY, CHART_TEXT_SIZE, FontMeasure, chart_measure,
};
pub use legend::{LegendEntry, Swatch, layout_legend, split_entries};
pub use map_chart::{
    MAX_ZOOM, MapChart, MapChartOptions, MapFrame, MapTarget, MapView, layout_map_chart, map_area,
};
pub use measure::{ApproxMeasure, TextMeasure, fit_text};
pub use palette::{OTHER_COUNTRY, Theme, country_color, register_color, split_color, status_color};
pub use registry::{Chart, ChartData, ChartKind, ChartStyle};
pub use scene::{Anchor, HitRegion, HitShape, Pos, Primitive, Rect, Rgba, Scene, bounds_of};
pub use timeline_chart::{
    DayRange, TimelineChart, TimelineChartOptions, TimelineGeometry, TimelineTarget, date_of_day,
    day_number, layout_timeline_chart, status_marker,
};
pub use world::{CountryShape, Piece, World, equal_earth, world_extent};

/// Every chart, in the order of the tabs. A new chart is one file in this folder (its
/// options, its layout into a [`Scene`] with hit regions, a [`Chart`] value and its
/// [`ChartKind`] constant), its `mod` line and its entry here, plus its panel in `ui/`.
pub static CHARTS: &[&dyn Chart] = &[&TimelineChart, &FlowChart, &MapChart];
