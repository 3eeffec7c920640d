//! The desktop app: plain-data state ([`AppState`]), every user action as a [`Command`] and
//! every report of background work (loading, exporting, folder watching, file dialogs,
//! regrouping after a date correction, the SIPRI register check) as an [`Event`], both applied in one place
//! ([`ArmsFlowApp::apply`]). The panels live in [`crate::ui`].

mod armsflow_app;
mod command;
mod corrections;
mod desktop;
mod event;
mod export_draft;
mod export_job;
mod folder_chooser;
mod history;
mod load_job;
mod register_check;
mod review_actions;
mod review_form;
mod run;
mod sample;
mod settings;
mod state;
mod watcher;

pub use crate::view::TableColumn;
pub use armsflow_app::ArmsFlowApp;
pub use command::{ChooserEdit, Command, ReviewCommand};
pub use desktop::{DESKTOP_ENTRY, install_desktop_entry, install_desktop_entry_into};
pub use event::{Event, Message, Regrouped};
pub use export_draft::{ExportDraft, ExportTarget};
pub use export_job::ExportJob;
pub use folder_chooser::FolderChooser;
pub use history::{Change, DecisionChange, History};
pub use load_job::{LoadJob, LoadResult};
pub use register_check::{RegisterChecked, RegisterCommand, RegisterDialog};
pub use review_actions::ReviewAction;
pub use review_form::{FormTarget, FormValues, ReportForm};
pub use run::{ICON_PNG, run_app};
pub use sample::{SAMPLE_ARTICLES, sample_folder};
pub use settings::{Settings, SidePanel, Tab};
pub use state::{
    AppState, DateEdit, DerivedViews, FolderData, NoteDraft, QueueState, ReaderTarget, Regrouping,
    Selection, TimelineView,
};
pub use watcher::FolderWatcher;
