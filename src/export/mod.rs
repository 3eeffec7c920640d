//! Export: charts as SVG and PNG, data as CSV and JSON. A chart figure is laid out by the
//! same [`crate::chart`] code the window paints, written as SVG, and rendered from that SVG
//! to PNG, so the three always agree. Every file is written atomically.

mod csv;
mod data;
mod error;
mod figure;
mod format;
mod png;
mod svg;

pub use crate::chart::{ChartKind, ChartStyle};
pub use crate::files::{remove_unfinished, write_atomic, write_atomic_with};
pub use csv::{CSV_HEADER, REGISTER_CSV_COLUMNS, REPORT_CSV_HEADER, write_csv, write_report_csv};
pub use data::{filtered_dataset, report_json};
pub use error::ExportError;
pub use figure::{
    FigureRequest, FigureSource, default_source_line, figure_title, folder_label, layout_figure,
};
pub use format::ExportFormat;
pub use png::{MAX_SIDE, MIN_SIDE, svg_to_png};
pub use svg::scene_to_svg;

use crate::chart::TextMeasure;
use std::path::Path;

/// Scales offered for PNG export (pixels per layout pixel).
pub const SCALES: [f32; 3] = [1.0, 2.0, 4.0];

/// What an export wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSummary {
    /// Size of the file in bytes.
    pub bytes: usize,
    /// Pixel size of an image (`None` for data).
    pub pixels: Option<(u32, u32)>,
}

/// Lays out `request` and writes it to `path` as PNG (at `scale`) or SVG, by extension.
pub fn export_chart(
    request: &FigureRequest,
    source: &FigureSource<'_>,
    path: &Path,
    scale: f32,
    measure: &dyn TextMeasure,
) -> Result<ExportSummary, ExportError> {
    let format = ExportFormat::from_path(path)?;
    let figure = layout_figure(request, source, measure);
    let (bytes, pixels) = match format {
        ExportFormat::Svg => {
            let svg = scene_to_svg(&figure, true);
            let size = (figure.width.round() as u32, figure.height.round() as u32);
            (svg.into_bytes(), size)
        }
        ExportFormat::Png => {
            let png = svg_to_png(&scene_to_svg(&figure, false), scale)?;
            let size = (
                (figure.width * scale).round() as u32,
                (figure.height * scale).round() as u32,
            );
            (png, size)
        }
        ExportFormat::Csv | ExportFormat::Json => {
            return Err(ExportError::WrongFormat {
                path: path.to_owned(),
                what: "a chart",
                format: format.extension(),
            });
        }
    };
    write_atomic(path, &bytes)?;
    Ok(ExportSummary {
        bytes: bytes.len(),
        pixels: Some(pixels),
    })
}

/// Writes the `visible` transfers to `path` as CSV (one row per report) or JSON (the
/// `armsflow extract` schema), by extension.
pub fn export_data(
    dataset: &crate::dataset::Dataset,
    index: &crate::view::DatasetIndex,
    visible: &[usize],
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    let format = ExportFormat::from_path(path)?;
    let bytes = match format {
        ExportFormat::Csv => {
            let mut buf = Vec::new();
            write_report_csv(dataset, index, visible, &mut buf)?;
            buf
        }
        ExportFormat::Json => report_json(dataset, visible)?,
        ExportFormat::Png | ExportFormat::Svg => {
            return Err(ExportError::WrongFormat {
                path: path.to_owned(),
                what: "data",
                format: format.extension(),
            });
        }
    };
    write_atomic(path, &bytes)?;
    Ok(ExportSummary {
        bytes: bytes.len(),
        pixels: None,
    })
}
