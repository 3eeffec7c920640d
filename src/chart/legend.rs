use super::{Anchor, Pos, Primitive, Rect, Rgba, TextMeasure, fit_text, status_color};
use crate::dataset::Status;

/// What stands before a legend entry's words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// No symbol (a heading or a note).
    None,
    /// The status's timeline marker.
    Marker(Status),
    /// A filled square of the status's colour (Flow bands).
    Square(Status),
    /// A filled square of a colour (Flow bands by register mark, map shading).
    Fill(Rgba),
}

/// One legend entry: a swatch and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The symbol.
    pub swatch: Swatch,
    /// The words.
    pub text: String,
    /// Colour of the words.
    pub color: Rgba,
}

/// A legend entry per status or register mark the split `flows` show, in their colours.
pub fn split_entries(flows: &[crate::view::Flow], theme: super::Theme) -> Vec<LegendEntry> {
    let splits: std::collections::BTreeSet<crate::view::FlowSplit> =
        flows.iter().filter_map(|f| f.key.split).collect();
    splits
        .into_iter()
        .map(|s| LegendEntry {
            swatch: Swatch::Fill(super::split_color(s)),
            text: s.label().to_owned(),
            color: theme.text(),
        })
        .collect()
}

/// A legend square of `color` of half-side `r`, left edge `x`, centred on `y`.
fn square(x: f32, y: f32, r: f32, color: Rgba) -> Primitive {
    Primitive::Rect {
        rect: Rect::from_xywh(x, y - r, 2.0 * r, 2.0 * r),
        fill: color,
        stroke: None,
    }
}

/// Lays out `entries` left to right from `(left, top)`, wrapping onto a new row where the
/// next entry would pass `right`, so no entry is ever cut by the edge (a single entry wider
/// than the whole row is shortened with an ellipsis). Returns the primitives and the height.
pub fn layout_legend(
    entries: &[LegendEntry],
    left: f32,
    top: f32,
    right: f32,
    font: f32,
    measure: &dyn TextMeasure,
) -> (Vec<Primitive>, f32) {
    let line = (font * 1.35).ceil();
    let r = font * 0.4;
    let mut out = Vec::new();
    if entries.is_empty() {
        return (out, 0.0);
    }
    let (mut x, mut y) = (left, top + line / 2.0);
    for e in entries {
        let lead = if e.swatch == Swatch::None {
            0.0
        } else {
            2.0 * r + 5.0
        };
        let width = lead + measure.width(&e.text, font);
        if x > left && x + width > right {
            x = left;
            y += line;
        }
        match e.swatch {
            Swatch::None => {}
            Swatch::Marker(s) => {
                out.extend(super::status_marker(s, Pos::new(x + r, y), r, None));
            }
            Swatch::Square(s) => out.push(square(x, y, r, status_color(s))),
            Swatch::Fill(color) => out.push(square(x, y, r, color)),
        }
        out.push(Primitive::Text {
            pos: Pos::new(x + lead, y),
            text: fit_text(&e.text, (right - x - lead).max(0.0), font, measure),
            size: font,
            color: e.color,
            anchor: Anchor::Start,
        });
        // Plain notes run on as words of one line; swatched entries stand apart.
        let gap = if e.swatch == Swatch::None {
            measure.width(" ", font)
        } else {
            14.0
        };
        x += width + gap;
    }
    (out, y + line / 2.0 - top)
}
