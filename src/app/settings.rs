use crate::chart::{ChartKind, FlowColor, Theme};
use crate::view::{FlowWeight, LaneMode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The central area's tabs: one per registered chart ([`crate::chart::CHARTS`]), then the
/// table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    /// A chart.
    Chart(ChartKind),
    /// Sortable table of reports.
    Table,
    /// The review queue.
    Review,
}

impl Default for Tab {
    fn default() -> Self {
        Self::Chart(ChartKind::default())
    }
}

impl Tab {
    /// Every tab, in the order shown.
    pub fn all() -> impl Iterator<Item = Tab> {
        crate::chart::CHARTS
            .iter()
            .map(|c| Tab::Chart(c.kind()))
            .chain([Tab::Table, Tab::Review])
    }

    /// The tab's name.
    pub fn title(self) -> &'static str {
        match self {
            Self::Chart(kind) => kind.chart().label(),
            Self::Table => "Table",
            Self::Review => "Review",
        }
    }

    /// The chart the tab shows, if it shows one.
    pub fn chart(self) -> Option<ChartKind> {
        match self {
            Self::Chart(kind) => Some(kind),
            Self::Table | Self::Review => None,
        }
    }
}

/// What the app remembers between runs (eframe persistence). Window size and panel widths
/// are remembered by eframe and egui themselves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The folder open at exit, reopened at the next start.
    pub last_folder: Option<PathBuf>,
    /// Recently opened folders, newest first.
    pub recent: Vec<PathBuf>,
    /// The tab shown.
    pub tab: Tab,
    /// Timeline lanes.
    pub lane_mode: LaneMode,
    /// What a Flow band's width stands for.
    pub flow_weight: FlowWeight,
    /// How Flow bands are coloured.
    pub flow_color: FlowColor,
    /// Light or dark.
    pub theme: Theme,
    /// The folder the last export was saved in.
    pub last_export_dir: Option<PathBuf>,
    /// Files larger than this many megabytes are listed as problems, not read.
    pub max_file_mb: u64,
    /// Side panels the user has hidden to give a small screen to the chart.
    pub hidden_panels: BTreeSet<SidePanel>,
    /// The SIPRI register compared at exit, compared again at the next start.
    pub register_file: Option<PathBuf>,
}

/// A side panel the View menu shows or hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SidePanel {
    /// The article list on the left.
    Articles,
    /// Evidence on the right.
    Evidence,
}

impl SidePanel {
    /// Both, in the View menu's order.
    pub const ALL: [SidePanel; 2] = [Self::Articles, Self::Evidence];

    /// The View menu's text.
    pub fn title(self) -> &'static str {
        match self {
            Self::Articles => "Articles panel",
            Self::Evidence => "Evidence panel",
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            last_folder: None,
            recent: Vec::new(),
            tab: Tab::Chart(ChartKind::FLOW),
            lane_mode: LaneMode::Pair,
            flow_weight: FlowWeight::Transfers,
            flow_color: FlowColor::Supplier,
            theme: Theme::Light,
            last_export_dir: None,
            max_file_mb: crate::corpus::DEFAULT_MAX_FILE_MB,
            hidden_panels: BTreeSet::new(),
            register_file: None,
        }
    }
}

/// How many recent folders the menu keeps.
const RECENT_MAX: usize = 10;

impl Settings {
    /// Records `folder` as opened: first in the recent list, without duplicates. A relative
    /// path (`armsflow ../articles`) is kept absolute, so the next start finds it from any
    /// directory.
    pub fn remember_folder(&mut self, folder: PathBuf) {
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        self.recent.retain(|f| *f != folder);
        self.recent.insert(0, folder.clone());
        self.recent.truncate(RECENT_MAX);
        self.last_folder = Some(folder);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_opened_by_a_relative_path_is_remembered_absolute_once() {
        let mut settings = Settings::default();
        settings.remember_folder(PathBuf::from("articles"));
        settings.remember_folder(PathBuf::from("articles"));
        let remembered = settings.last_folder.clone().expect("remembered");
        assert!(remembered.is_absolute(), "{remembered:?}");
        assert!(remembered.ends_with("articles"));
        assert_eq!(settings.recent, vec![remembered]);
    }

    #[test]
    fn settings_of_an_older_version_load_with_defaults() {
        // Written before the side panels could be hidden.
        let old = r#"{"last_folder":null,"recent":[],"theme":"Dark"}"#;
        let settings: Settings = serde_json::from_str(old).expect("loads");
        assert_eq!(settings.theme, Theme::Dark);
        assert!(settings.hidden_panels.is_empty());
    }
}
