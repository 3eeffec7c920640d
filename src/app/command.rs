use super::{
    ExportDraft, ExportTarget, FormTarget, NoteDraft, ReportForm, ReviewAction, SidePanel, Tab,
    TableColumn, TimelineView,
};
use crate::chart::{FlowColor, Theme};
use crate::view::QueueOrder;
use crate::view::{Filters, FlowWeight, LaneMode};
use std::path::PathBuf;

/// Everything a user can do. Menus, shortcuts, buttons and tests all push commands, and
/// [`super::ArmsFlowApp::apply`] is the one place that changes state in response.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Ask for a folder with the native dialog (off the UI thread).
    PickFolder,
    /// Open the folder chooser inside the window (no desktop dialog needed).
    ChooseFolder,
    /// Change the folder chooser: type, complete, go into a folder or up.
    EditChooser(ChooserEdit),
    /// Open the folder the chooser names.
    OpenChosen,
    /// Close the folder chooser.
    CloseChooser,
    /// Open (load) this folder.
    OpenFolder(PathBuf),
    /// Open the bundled sample articles.
    OpenSample,
    /// Load the current folder again, reading every file.
    Reload,
    /// Bring the current folder up to date after a change in it: only new and changed files
    /// are read and extracted (the folder watcher sends this).
    Refresh,
    /// Stop the running load.
    CancelLoad,
    /// Replace the filters.
    SetFilters(Filters),
    /// Remove every filter.
    ClearFilters,
    /// Filter to one country (either side), as a click on a Flow node does.
    FilterCountry(String),
    /// Select these transfers (indices into the dataset) and show them in Evidence.
    Select {
        /// Transfer indices.
        transfers: Vec<usize>,
        /// What was clicked, in words ("Egypt → Russia").
        label: String,
    },
    /// Empty the selection.
    ClearSelection,
    /// Show an article in the reader, scrolled to a sentence.
    OpenReader {
        /// Article index.
        article: usize,
        /// Sentence start (byte offset in the article text).
        start: usize,
        /// Sentence end.
        end: usize,
    },
    /// Back from the reader to the charts.
    CloseReader,
    /// Open (or change the text of) the date editor of an article.
    EditArticleDate {
        /// Article index.
        article: usize,
        /// The date as typed so far.
        text: String,
    },
    /// Close the date editor without saving.
    CancelArticleDate,
    /// Save an article's date ("2023-11-08", "2023-11" or "2023"; `None` removes the
    /// correction) to the folder's `.armsflow/overrides.json`, then re-date and regroup the
    /// reports.
    SetArticleDate {
        /// Article index.
        article: usize,
        /// The new date, or `None` to go back to the article's own date.
        date: Option<String>,
    },
    /// Put text on the clipboard.
    CopyText(String),
    /// Compare with a SIPRI register, or stop comparing.
    Register(super::RegisterCommand),
    /// Switch tab.
    SetTab(Tab),
    /// Timeline lanes per pair or per supplier.
    SetLaneMode(LaneMode),
    /// Pan, zoom or scroll the timeline.
    SetTimelineView(TimelineView),
    /// Pan or zoom the map.
    SetMapView(crate::chart::MapView),
    /// Flow band width by reports or quantity.
    SetFlowWeight(FlowWeight),
    /// Flow colours by supplier or status.
    SetFlowColor(FlowColor),
    /// Light or dark.
    SetTheme(Theme),
    /// The size limit for one article, in megabytes (used from the next load).
    SetMaxFileMb(u64),
    /// Sort the table by a column; the same column again flips the order.
    SortTable(TableColumn),
    /// Show or hide the Problems panel.
    ToggleProblems,
    /// Show or hide a side panel (remembered across restarts).
    TogglePanel(SidePanel),
    /// Open the Export window for a chart or the data.
    OpenExport(ExportTarget),
    /// Change the Export window's choices.
    EditExport(ExportDraft),
    /// Choose the file with the native save dialog (off the UI thread).
    BrowseExportPath,
    /// Write the export (off the UI thread).
    RunExport,
    /// Close the Export window.
    CloseExport,
    /// A review command: decide, correct, add, merge, or move in the review queue.
    Review(ReviewCommand),
    /// Undo the last date correction or review decision.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Install the desktop entry and icon for this user.
    InstallDesktop,
    /// Close the window.
    Quit,
}

/// What the analyst does in review (see [`Command::Review`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewCommand {
    /// Decide about reports of the dataset shown, each as (transfer index, report index):
    /// one undoable change, saved in `.armsflow/review.json`.
    Decide {
        /// The reports.
        reports: Vec<(usize, usize)>,
        /// What is decided.
        action: ReviewAction,
    },
    /// Merge these transfers (indices; the same supplier and recipient) into the first.
    Merge(Vec<usize>),
    /// Open the report form: a report's values to edit, or a span's reading to add.
    OpenForm(FormTarget),
    /// Change the open form's fields.
    EditForm(ReportForm),
    /// Save the open form.
    SaveForm,
    /// Close the form without saving.
    CloseForm,
    /// Open (or change) the note or rejection-reason editor.
    EditNote(NoteDraft),
    /// Save the note editor.
    SaveNote,
    /// Close the note editor without saving.
    CloseNote,
    /// The review queue's order.
    SetQueueOrder(QueueOrder),
    /// Whether the review queue lists reviewed reports too.
    SetQueueShowsReviewed(bool),
    /// Move the review queue's cursor to this row.
    SetQueueCursor(usize),
}

/// A change to the folder chooser (see [`Command::EditChooser`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChooserEdit {
    /// The path as typed now.
    Type(String),
    /// Complete the typed name (Tab).
    Complete,
    /// Go into this subfolder of the listed folder.
    Enter(String),
    /// Go up to the parent folder.
    Up,
}
