use crate::chart::Theme;
use crate::export::{ChartKind, ExportFormat};
use std::path::{Path, PathBuf};

/// What the Export window exports: a chart or the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    /// A chart as PNG or SVG.
    Chart(ChartKind),
    /// The filtered reports as CSV or JSON.
    Data,
}

/// The Export window's choices, as plain data (edited through commands).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDraft {
    /// Chart or data.
    pub target: ExportTarget,
    /// Width in pixels at scale 1 (charts).
    pub width: u32,
    /// Height in pixels at scale 1 (charts).
    pub height: u32,
    /// Pixel scale of a PNG: 1, 2 or 4.
    pub scale: f32,
    /// Light or dark (charts).
    pub theme: Theme,
    /// Title line (charts).
    pub title: String,
    /// Where to write; the extension picks the format.
    pub path: String,
    /// The figure's source line, editable (prefilled with the folder's name, the number of
    /// articles, the date and how many reports were reviewed).
    pub source_line: String,
}

/// The size a figure is exported at unless the user chooses another: a page-wide figure,
/// not the size of the panel on screen.
pub const PUBLICATION_SIZE: (u32, u32) = (1600, 1000);

impl ExportDraft {
    /// A draft for `target` at a publication size ([`PUBLICATION_SIZE`]; a chart grows past
    /// it when its data needs the room), saved into `dir`.
    pub fn new(
        target: ExportTarget,
        dir: &Path,
        today: jiff::civil::Date,
        (title, source_line): (String, String),
    ) -> Self {
        let (name, format) = match target {
            ExportTarget::Chart(kind) => (kind.name(), ExportFormat::Png),
            ExportTarget::Data => ("reports", ExportFormat::Csv),
        };
        let file = format!("armsflow-{name}-{today}.{}", format.extension());
        Self {
            target,
            width: PUBLICATION_SIZE.0,
            height: PUBLICATION_SIZE.1,
            scale: 1.0,
            theme: Theme::Light,
            title,
            source_line,
            path: dir.join(file).display().to_string(),
        }
    }

    /// The format the path's extension names, if any.
    pub fn format(&self) -> Option<ExportFormat> {
        ExportFormat::from_path(Path::new(&self.path)).ok()
    }

    /// The same draft saving as `format` (the path's extension replaced).
    pub fn with_format(&self, format: ExportFormat) -> Self {
        let mut path = PathBuf::from(&self.path);
        path.set_extension(format.extension());
        Self {
            path: path.display().to_string(),
            ..self.clone()
        }
    }

    /// What is wrong with the draft, in words, or `None` when it can be exported.
    pub fn problem(&self) -> Option<String> {
        let path = Path::new(&self.path);
        if self.path.trim().is_empty() {
            return Some("Choose a file to save to.".into());
        }
        let Some(format) = self.format() else {
            let all: Vec<String> = ExportFormat::ALL
                .iter()
                .map(|f| format!(".{}", f.1))
                .collect();
            return Some(format!("The file name must end in {}.", all.join(", ")));
        };
        match self.target {
            ExportTarget::Chart(_) if !format.is_image() => Some(format!(
                "A chart is saved as {}.",
                ExportFormat::extensions_in_words(true)
            )),
            ExportTarget::Data if format.is_image() => Some(format!(
                "Data is saved as {}.",
                ExportFormat::extensions_in_words(false)
            )),
            _ if path
                .parent()
                .is_some_and(|p| !p.as_os_str().is_empty() && !p.is_dir()) =>
            {
                Some("The folder to save in does not exist.".into())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        let d = ExportDraft::new(
            ExportTarget::Chart(ChartKind::FLOW),
            Path::new("/tmp"),
            jiff::civil::date(2026, 11, 21),
            (
                "Reported arms transfers".into(),
                "Source: 3 articles".into(),
            ),
        );
        assert_eq!((d.width, d.height), PUBLICATION_SIZE);
        assert_eq!(d.path, "/tmp/armsflow-flow-2026-11-21.png");
        assert_eq!(d.problem(), None);
        let svg = d.with_format(ExportFormat::Svg);
        assert_eq!(svg.format(), Some(ExportFormat::Svg));
        assert!(d.with_format(ExportFormat::Csv).problem().is_some());
    }
}
