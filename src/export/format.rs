use super::ExportError;
use std::path::Path;

/// A file format ArmsFlow exports, chosen by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ExportFormat {
    /// A raster image (chart).
    #[default]
    Png,
    /// A vector image (chart).
    Svg,
    /// One row per report (data).
    Csv,
    /// The `armsflow extract` JSON (data).
    Json,
}

impl ExportFormat {
    /// The format named by `path`'s extension (any case).
    pub fn from_path(path: &Path) -> Result<Self, ExportError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("png") => Ok(Self::Png),
            Some("svg") => Ok(Self::Svg),
            Some("csv") => Ok(Self::Csv),
            Some("json") => Ok(Self::Json),
            _ => Err(ExportError::UnknownFormat(path.to_owned())),
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }

    /// True for image formats (charts), false for data formats.
    pub fn is_image(self) -> bool {
        matches!(self, Self::Png | Self::Svg)
    }
}
