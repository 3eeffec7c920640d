use super::ExportError;
use crate::chart::{CHART_FONT, CHART_FONT_FAMILY};
use resvg::{tiny_skia, usvg};
use std::sync::Arc;

/// The largest image side rendered, in pixels (a 16384² RGBA image is 1 GiB).
pub const MAX_SIDE: u32 = 16_384;

/// The smallest figure side, in pixels at scale 1: below it the title and legend do not fit.
pub const MIN_SIDE: u32 = 200;

/// Renders an SVG document (as written by [`super::scene_to_svg`]) to PNG bytes at `scale`
/// times its size. Only the bundled chart font is used, never the system's, so the image
/// is the same on every machine.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(CHART_FONT.to_vec());
    let options = usvg::Options {
        font_family: CHART_FONT_FAMILY.to_owned(),
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size();
    let scale = scale.max(0.01);
    let (w, h) = (
        (size.width() * scale).round() as u32,
        (size.height() * scale).round() as u32,
    );
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(ExportError::TooLarge {
            width: w,
            height: h,
            max: MAX_SIDE,
        });
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(ExportError::TooLarge {
        width: w,
        height: h,
        max: MAX_SIDE,
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))
}
