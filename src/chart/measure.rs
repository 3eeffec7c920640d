/// Measures text so layouts can keep labels apart. The app measures with its real font;
/// [`ApproxMeasure`] serves where no font is loaded.
pub trait TextMeasure {
    /// Width in pixels of `text` drawn at `size` pixels.
    fn width(&self, text: &str, size: f32) -> f32;
}

/// A font-free estimate: a little wider than the average glyph of common sans fonts, so a
/// layout made with it never overlaps when drawn with a real font.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApproxMeasure;

impl TextMeasure for ApproxMeasure {
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().count() as f32 * size * 0.6
    }
}
