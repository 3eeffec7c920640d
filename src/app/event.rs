use super::{Command, LoadResult};
use crate::dataset::Dataset;
use crate::export::{ExportError, ExportSummary};
use crate::view::DatasetIndex;
use std::path::PathBuf;
use std::time::Duration;

/// What background work reports: loads, exports, file dialogs, the folder watcher and the
/// regrouping after a date correction. Threads send events through one channel (or the app
/// finds them when it polls a job), and [`super::ArmsFlowApp::apply`] applies them exactly
/// where it applies the user's [`Command`]s.
#[derive(Debug)]
pub enum Event {
    /// The load or refresh in [`super::AppState::loading`] ended.
    LoadFinished(LoadResult),
    /// The folder dialog closed: the folder picked, if any, and how long it was open.
    FolderPicked {
        /// The folder, or `None` when the dialog was cancelled (or never shown).
        folder: Option<PathBuf>,
        /// How long the dialog was open.
        open_for: Duration,
    },
    /// The save dialog closed.
    SavePathPicked {
        /// The file, or `None` when the dialog was cancelled (or never shown).
        path: Option<PathBuf>,
        /// How long the dialog was open.
        open_for: Duration,
    },
    /// The export in [`super::AppState::export_job`] ended.
    ExportFinished(Result<ExportSummary, ExportError>),
    /// The open folder changed and has been quiet long enough: time to refresh.
    FolderChanged,
    /// The folder watcher could not watch part of the folder.
    WatchErrors(Vec<String>),
    /// A date correction was saved and the reports dated and grouped again, off the UI
    /// thread (or saving failed).
    Regrouped(Box<Regrouped>),
    /// The register file dialog closed.
    RegisterPathPicked {
        /// The file, or `None` when the dialog was cancelled (or never shown).
        path: Option<PathBuf>,
        /// How long the dialog was open.
        open_for: Duration,
    },
    /// A SIPRI register was read and the transfers checked against it (or the check
    /// removed), off the UI thread.
    RegisterChecked(Box<super::RegisterChecked>),
}

/// The result of a correction's background work (a date or a review decision).
#[derive(Debug)]
pub struct Regrouped {
    /// Which correction this is ([`super::Regrouping::generation`]): only the latest one is
    /// shown.
    pub generation: u64,
    /// The dataset it started from ([`super::AppState::dataset_version`]): a result for a
    /// dataset replaced meanwhile (a reload) is dropped.
    pub dataset_version: u64,
    /// What was done, in words, for the status bar.
    pub notice: String,
    /// Whether the change was to the date corrections (else to the review).
    pub dates: bool,
    /// The regrouped dataset and its index; or why the correction could not be saved.
    pub result: Result<(Dataset, DatasetIndex), String>,
    /// Where damaged files were set aside before saving.
    pub backup: Vec<PathBuf>,
}

/// Everything that changes the app's state: what the user does and what background work
/// reports, applied in one place ([`super::ArmsFlowApp::apply`]).
#[derive(Debug)]
pub enum Message {
    /// A user action (menus, shortcuts, panels, tests).
    Command(Command),
    /// A report from background work.
    Event(Event),
}

impl From<Command> for Message {
    fn from(command: Command) -> Self {
        Self::Command(command)
    }
}

impl From<Event> for Message {
    fn from(event: Event) -> Self {
        Self::Event(event)
    }
}
