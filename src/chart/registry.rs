//! What a chart is to the rest of ArmsFlow ([`Chart`], [`ChartKind`]). The charts are
//! registered once, in [`super::CHARTS`]: the window's tab bar and View menu, the Export
//! window, figure export and the command line's `--chart` all read that list.

use super::{CHARTS, DayRange, FlowColor, Scene, TextMeasure, Theme};
use crate::dataset::Dataset;
use crate::view::{DatasetIndex, FlowWeight, LaneMode};

/// The data a chart is drawn from: the dataset, its lookups, and the transfers that pass the
/// filters.
#[derive(Debug, Clone, Copy)]
pub struct ChartData<'a> {
    /// The folder's data.
    pub dataset: &'a Dataset,
    /// Lookups over `dataset`.
    pub index: &'a DatasetIndex,
    /// The transfers that pass the filters, in dataset order.
    pub visible: &'a [usize],
}

/// How the charts are drawn: the choices the chart panels offer, which a figure keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ChartStyle {
    /// Timeline lanes per pair or per supplier.
    pub lane_mode: LaneMode,
    /// Flow band width.
    pub flow_weight: FlowWeight,
    /// Flow band colour.
    pub flow_color: FlowColor,
    /// The days the timeline shows (`None` fits every mark).
    pub timeline_window: Option<DayRange>,
    /// The first timeline lane shown.
    pub first_lane: usize,
    /// The part of the world the map shows.
    pub map_view: super::MapView,
}

/// One kind of chart.
pub trait Chart: Sync {
    /// Which chart: its name in file names and on the command line (`flow`).
    fn kind(&self) -> ChartKind;
    /// Its name on tabs and menus ("Flow").
    fn label(&self) -> &'static str;
    /// The title a figure of it gets unless the user gives one.
    fn default_title(&self) -> &'static str;
    /// The chart alone, `width` × `height` (or taller when it needs the room), laid out as
    /// its panel lays it out, without hit regions: what a figure holds.
    fn layout(
        &self,
        data: &ChartData<'_>,
        style: &ChartStyle,
        size: (f32, f32),
        theme: Theme,
        measure: &dyn TextMeasure,
    ) -> Scene<()>;
}

/// Which chart: a name from [`CHARTS`] (`timeline`, `flow`). Kept in settings and export
/// drafts as that name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChartKind(&'static str);

impl ChartKind {
    /// The kind named `name` (a constant of the chart's own file).
    pub const fn new(name: &'static str) -> Self {
        Self(name)
    }

    /// The kind of the registered chart called `name`, if there is one.
    pub fn named(name: &str) -> Option<Self> {
        CHARTS.iter().map(|c| c.kind()).find(|k| k.0 == name)
    }

    /// Lower-case name, as in file names and on the command line.
    pub fn name(self) -> &'static str {
        self.0
    }

    /// The registered chart of this kind (the first one when none matches, which cannot
    /// happen for a kind made by [`ChartKind::named`] or a chart's own constant).
    pub fn chart(self) -> &'static dyn Chart {
        CHARTS
            .iter()
            .copied()
            .find(|c| c.kind() == self)
            .unwrap_or(CHARTS[0])
    }

    /// A title for a figure of this chart.
    pub fn default_title(self) -> &'static str {
        self.chart().default_title()
    }

    /// Every registered chart's name, for messages and the command line.
    pub fn names() -> Vec<&'static str> {
        CHARTS.iter().map(|c| c.kind().name()).collect()
    }
}

impl Default for ChartKind {
    fn default() -> Self {
        CHARTS[0].kind()
    }
}

impl serde::Serialize for ChartKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for ChartKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Self::named(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown chart {name:?} (one of: {})",
                Self::names().join(", ")
            ))
        })
    }
}
