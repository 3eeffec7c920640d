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

/// `text`, shortened with an ellipsis to fit `max` pixels at `size`, so a long label
/// ("Democratic Republic of the Congo") is cut where the reader sees it, never clipped by an
/// edge.
pub fn fit_text(text: &str, max: f32, size: f32, measure: &dyn TextMeasure) -> String {
    if measure.width(text, size) <= max {
        return text.to_owned();
    }
    // The longest prefix that fits with its ellipsis, found by bisection over the character
    // boundaries: a title of 100,000 characters once took a minute, one character at a time.
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let fits = |n: usize| measure.width(&format!("{}…", &text[..ends[n]]), size) <= max;
    let (mut lo, mut hi) = (0, ends.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    format!("{}…", text[..ends[lo]].trim_end())
}
