use super::Rgba;
use crate::dataset::Status;
use crate::model::RegisterMark;
use crate::view::FlowSplit;

/// Light or dark colours for a chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Dark text on white: the default for reports.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

impl Theme {
    /// Chart background.
    pub fn background(self) -> Rgba {
        match self {
            Self::Light => Rgba::rgb(255, 255, 255),
            Self::Dark => Rgba::rgb(27, 27, 27),
        }
    }

    /// Main text.
    pub fn text(self) -> Rgba {
        match self {
            Self::Light => Rgba::rgb(30, 30, 30),
            Self::Dark => Rgba::rgb(230, 230, 230),
        }
    }

    /// Secondary text and outlines.
    pub fn muted(self) -> Rgba {
        match self {
            Self::Light => Rgba::rgb(110, 110, 110),
            Self::Dark => Rgba::rgb(150, 150, 150),
        }
    }
}

/// The suppliers' colours: Tableau 10, then ten of Kelly's colours of maximum contrast that
/// stay apart from them. Grey is kept for countries past the palette.
const COUNTRY_COLORS: [Rgba; crate::view::COLOR_SLOTS] = [
    Rgba::rgb(78, 121, 167),
    Rgba::rgb(242, 142, 43),
    Rgba::rgb(225, 87, 89),
    Rgba::rgb(118, 183, 178),
    Rgba::rgb(89, 161, 79),
    Rgba::rgb(237, 201, 72),
    Rgba::rgb(176, 122, 161),
    Rgba::rgb(255, 157, 167),
    Rgba::rgb(156, 117, 95),
    Rgba::rgb(186, 176, 172),
    Rgba::rgb(135, 86, 146),
    Rgba::rgb(161, 202, 241),
    Rgba::rgb(190, 0, 50),
    Rgba::rgb(0, 136, 86),
    Rgba::rgb(0, 103, 165),
    Rgba::rgb(96, 78, 151),
    Rgba::rgb(220, 211, 0),
    Rgba::rgb(136, 45, 23),
    Rgba::rgb(141, 182, 0),
    Rgba::rgb(43, 61, 38),
];

/// The grey of countries past the palette.
pub const OTHER_COUNTRY: Rgba = Rgba::rgb(132, 132, 130);

/// The colour of a supplier's colour slot ([`crate::view::DatasetIndex::supplier_colors`]):
/// the same country has the same colour in every view; no slot is grey.
pub fn country_color(slot: Option<u8>) -> Rgba {
    slot.and_then(|s| COUNTRY_COLORS.get(usize::from(s)))
        .copied()
        .unwrap_or(OTHER_COUNTRY)
}

/// The colour of a SIPRI register mark: confirmed blue, a new finding orange (what an
/// analyst looks at first), not covered grey; `None` (not compared) light grey.
pub fn register_color(mark: Option<RegisterMark>) -> Rgba {
    match mark {
        Some(RegisterMark::InRegister) => Rgba::rgb(52, 120, 198),
        Some(RegisterMark::NotInRegister) => Rgba::rgb(230, 120, 30),
        Some(RegisterMark::NotCovered) => Rgba::rgb(150, 150, 150),
        None => Rgba::rgb(200, 200, 200),
    }
}

/// The colour of a split band or arc: its status's, or its register mark's.
pub fn split_color(split: FlowSplit) -> Rgba {
    match split {
        FlowSplit::Status(s) => status_color(s),
        FlowSplit::Register(m) => register_color(m),
    }
}

/// The colour of a status, the same in every chart and legend.
pub fn status_color(status: Status) -> Rgba {
    match status {
        Status::Requested => Rgba::rgb(237, 170, 40),
        Status::Negotiating => Rgba::rgb(176, 122, 161),
        Status::Agreed => Rgba::rgb(52, 120, 198),
        Status::Planned => Rgba::rgb(64, 170, 170),
        Status::Delivered => Rgba::rgb(46, 150, 70),
        Status::Refused => Rgba::rgb(230, 110, 40),
        Status::Cancelled => Rgba::rgb(120, 120, 120),
        Status::Denied => Rgba::rgb(200, 40, 60),
        Status::Unknown => Rgba::rgb(170, 170, 170),
    }
}
