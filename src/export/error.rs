use super::ExportFormat;
use std::path::PathBuf;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file could not be written (nothing is left half-written: writes are atomic).
    #[error("could not write {path}: {source}")]
    Write {
        /// The file asked for.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file could not be written, or the path is not a file to write.
    #[error(transparent)]
    File(#[from] crate::files::WriteError),
    /// The file name's extension names no format ArmsFlow writes.
    #[error(
        "{}: unknown format (use {} for a chart, {} for data)",
        .0.display(),
        ExportFormat::extensions_in_words(true),
        ExportFormat::extensions_in_words(false)
    )]
    UnknownFormat(PathBuf),
    /// A chart was asked for in a data format, or data in an image format.
    #[error("{path}: {what} cannot be written as {format}")]
    WrongFormat {
        /// The file asked for.
        path: PathBuf,
        /// "a chart" or "data".
        what: &'static str,
        /// The format of the file name.
        format: &'static str,
    },
    /// The image would be too large to render.
    #[error(
        "{width}×{height} pixels is too large to render (at most {max} pixels a side); choose a smaller size or scale"
    )]
    TooLarge {
        /// Width asked for, in pixels.
        width: u32,
        /// Height asked for, in pixels.
        height: u32,
        /// Largest side allowed.
        max: u32,
    },
    /// The SVG written for the chart could not be read back for rendering (a bug).
    #[error("the chart could not be rendered: {0}")]
    Render(String),
    /// Data could not be serialized.
    #[error("the data could not be written: {0}")]
    Data(String),
}
