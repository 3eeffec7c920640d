use super::TextMeasure;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

/// The one font every chart is drawn with, on screen and in exported files: DejaVu Sans
/// (Bitstream Vera licence, `assets/fonts/`). It has the arrows and symbols the charts use,
/// and bundling it means an exported PNG or SVG looks the same on any machine.
pub const CHART_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Text size of chart labels in pixels, on screen and in exported figures.
pub const CHART_TEXT_SIZE: f32 = 13.0;

/// The family name of [`CHART_FONT`], as written in SVG files.
pub const CHART_FONT_FAMILY: &str = "DejaVu Sans";

/// Measures text with the advance widths of [`CHART_FONT`], so a layout made in the window
/// and one made by the headless exporter are the same to the pixel.
pub struct FontMeasure {
    charmap: skrifa::charmap::Charmap<'static>,
    /// Metrics at one pixel per em: widths scale linearly with the size.
    metrics: GlyphMetrics<'static>,
    /// Width of a character the font lacks (its `.notdef` box is about this wide).
    fallback: f32,
}

impl FontMeasure {
    /// Reads the bundled font. `None` only if the bundled file were not a font, which the
    /// tests rule out.
    pub fn new() -> Option<Self> {
        let font = FontRef::new(CHART_FONT).ok()?;
        let metrics = font.glyph_metrics(Size::new(1.0), LocationRef::default());
        Some(Self {
            charmap: font.charmap(),
            metrics,
            fallback: 0.6,
        })
    }
}

/// The measure charts are laid out with everywhere: [`FontMeasure`] (built once), or
/// [`super::ApproxMeasure`] should the bundled font ever fail to parse.
pub fn chart_measure() -> &'static dyn TextMeasure {
    static MEASURE: OnceLock<Option<FontMeasure>> = OnceLock::new();
    match MEASURE.get_or_init(FontMeasure::new) {
        Some(m) => m,
        None => &super::ApproxMeasure,
    }
}

impl TextMeasure for FontMeasure {
    fn width(&self, text: &str, size: f32) -> f32 {
        let em: f32 = text
            .chars()
            .map(|c| {
                self.charmap
                    .map(c)
                    .and_then(|g| self.metrics.advance_width(g))
                    .unwrap_or(self.fallback)
            })
            .sum();
        em * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_measures_text() {
        let m = FontMeasure::new().expect("bundled font parses");
        let w = m.width("Egypt → Russia", 10.0);
        // DejaVu Sans averages a little over half an em per character.
        assert!(w > 50.0 && w < 100.0, "{w}");
        assert!((m.width("ab", 20.0) - 2.0 * m.width("ab", 10.0)).abs() < 1e-3);
        assert_eq!(m.width("", 12.0), 0.0);
    }
}
