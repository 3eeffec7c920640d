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
    /// Every format: its extension, whether it holds a chart (else data), and how the Export
    /// window names it. The one list that extensions, file dialogs, the Export window and
    /// error messages read.
    pub const ALL: [(Self, &'static str, bool, &'static str); 4] = [
        (Self::Png, "png", true, "PNG"),
        (Self::Svg, "svg", true, "SVG"),
        (Self::Csv, "csv", false, "CSV (one row per report)"),
        (Self::Json, "json", false, "JSON (as armsflow extract)"),
    ];

    fn row(self) -> (Self, &'static str, bool, &'static str) {
        Self::ALL
            .into_iter()
            .find(|r| r.0 == self)
            .unwrap_or(Self::ALL[0])
    }

    /// The format named by `path`'s extension (any case).
    pub fn from_path(path: &Path) -> Result<Self, ExportError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        Self::ALL
            .into_iter()
            .find(|r| Some(r.1) == ext.as_deref())
            .map(|r| r.0)
            .ok_or_else(|| ExportError::UnknownFormat(path.to_owned()))
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.row().1
    }

    /// True for image formats (charts), false for data formats.
    pub fn is_image(self) -> bool {
        self.row().2
    }

    /// How the Export window names the format.
    pub fn label(self) -> &'static str {
        self.row().3
    }

    /// The formats of a chart (`true`) or of data (`false`).
    pub fn of_kind(image: bool) -> impl Iterator<Item = Self> {
        Self::ALL
            .into_iter()
            .filter(move |r| r.2 == image)
            .map(|r| r.0)
    }

    /// The extensions of a chart's or data's formats, with dots, for messages: ".png or .svg".
    pub fn extensions_in_words(image: bool) -> String {
        let all: Vec<String> = Self::of_kind(image)
            .map(|f| format!(".{}", f.extension()))
            .collect();
        all.join(" or ")
    }
}
