//! File > Compare with SIPRI register…: the dialog, the register read and every transfer
//! checked against it off the UI thread, and the result shown (or the comparison stopped).

use super::{ArmsFlowApp, Event};
use crate::dataset::Dataset;
use crate::register::{Register, read_register};
use crate::view::DatasetIndex;
use std::path::PathBuf;
use std::sync::Arc;

/// What the user can do about the register comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum RegisterCommand {
    /// Open the Compare with SIPRI register window.
    OpenDialog,
    /// Change the path typed in it.
    EditPath(String),
    /// Pick the file with the desktop's file dialog.
    Browse,
    /// Read this register and check every transfer against it.
    Compare(PathBuf),
    /// Close the window.
    CloseDialog,
    /// Stop comparing: the marks go.
    Stop,
}

/// The Compare with SIPRI register window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegisterDialog {
    /// The register's path, as typed or picked.
    pub path: String,
    /// Why the last try failed.
    pub error: Option<String>,
    /// True while the register is read and the transfers checked.
    pub running: bool,
}

/// The result of a register check run off the UI thread.
#[derive(Debug)]
pub struct RegisterChecked {
    /// Which check this is: only the latest one started is shown.
    pub generation: u64,
    /// The dataset it was run on ([`super::FolderData::version`]).
    pub dataset_version: u64,
    /// The register's file (`None`: the comparison was stopped).
    pub path: Option<PathBuf>,
    /// The register read, and the dataset checked against it with its index; or why the
    /// register could not be read.
    pub result: Result<(Option<Arc<Register>>, Dataset, DatasetIndex), String>,
}

impl ArmsFlowApp {
    /// What a register command does.
    pub(super) fn on_register_command(&mut self, command: RegisterCommand) {
        let state = &mut self.state;
        match command {
            RegisterCommand::OpenDialog => {
                let path = state
                    .settings
                    .register_file
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                state.register_dialog = Some(RegisterDialog {
                    path,
                    ..RegisterDialog::default()
                });
            }
            RegisterCommand::EditPath(path) => {
                if let Some(d) = &mut state.register_dialog {
                    d.path = path;
                    d.error = None;
                }
            }
            RegisterCommand::Browse => self.browse_register(),
            RegisterCommand::Compare(path) => self.check_register(Some(path), None),
            RegisterCommand::CloseDialog => state.register_dialog = None,
            RegisterCommand::Stop => self.check_register(None, None),
        }
    }

    /// Reads the register at `path` (or takes `read`, already read) and checks a copy of the
    /// dataset against it on a worker thread; with neither, removes the check.
    pub(super) fn check_register(&mut self, path: Option<PathBuf>, read: Option<Arc<Register>>) {
        // A later Compare or Stop supersedes this one's result.
        self.register_generation += 1;
        let generation = self.register_generation;
        let dataset = Arc::clone(&self.state.data.dataset);
        let dataset_version = self.state.data.version;
        let extractor = Arc::clone(&self.extractor);
        let events = self.events.0.clone();
        let ctx = self.ctx.clone();
        self.state.register_checking = true;
        if let Some(d) = &mut self.state.register_dialog {
            d.running = true;
            d.error = None;
        }
        let job_path = path.clone();
        let work = move || {
            let register = match (read, &job_path) {
                (Some(r), _) => Ok(Some(r)),
                (None, Some(p)) => read_register(p, extractor.gazetteer())
                    .map(|r| Some(Arc::new(r)))
                    .map_err(|e| e.to_string()),
                (None, None) => Ok(None),
            };
            let result = register.map(|register| {
                let mut dataset = Dataset::clone(&dataset);
                dataset.set_register(register.clone());
                let index = DatasetIndex::new(&dataset);
                (register, dataset, index)
            });
            let checked = RegisterChecked {
                generation,
                dataset_version,
                path: job_path,
                result,
            };
            // The receiver is gone when the app closed meanwhile: nothing to tell.
            let _ = events.send(Event::RegisterChecked(Box::new(checked)));
            ctx.request_repaint();
        };
        if let Err(e) = std::thread::Builder::new()
            .name("armsflow-register".into())
            .spawn(work)
        {
            self.fail_register(format!("cannot start the comparison: {e}"));
        }
    }

    /// Shows the latest check; runs it again on the dataset shown when that changed meanwhile
    /// (a load or a review decision), and waits for a review decision being regrouped, whose
    /// result would otherwise be dropped as stale.
    pub(super) fn finish_register(&mut self, checked: RegisterChecked) {
        if checked.generation != self.register_generation {
            return;
        }
        let (register, dataset, index) = match checked.result {
            Ok(done) => done,
            Err(e) => return self.fail_register(e),
        };
        if self.state.regrouping.is_some() {
            self.register_pending = Some((checked.path, register));
            return;
        }
        if checked.dataset_version != self.state.data.version {
            return self.check_register(checked.path, register);
        }
        let state = &mut self.state;
        state.register_checking = false;
        let held = state.hold();
        state.data.replace(dataset, index);
        state.rehome(held);
        state.register_dialog = None;
        state.settings.register_file = checked.path.map(|p| std::path::absolute(&p).unwrap_or(p));
        if register.is_none() {
            forget_register(state);
        }
        state.refilter();
        state.notice = Some(match &register {
            // Short, so the status bar keeps one line; the window says the rest.
            Some(r) => format!(
                "Compared with {}: {}",
                r.file,
                state.data.dataset.register_marks()
            ),
            None => "No longer compared with a SIPRI register".to_owned(),
        });
    }

    /// Runs the check that waited for a review decision to be regrouped.
    pub(super) fn resume_register(&mut self) {
        if self.state.regrouping.is_none()
            && let Some((path, register)) = self.register_pending.take()
        {
            self.check_register(path, register);
        }
    }

    /// After a load: a loaded dataset that lost the register the window compared (the load
    /// started before the comparison ended) is compared again; at the first load of a
    /// session, the last session's register is.
    pub(super) fn keep_register(&mut self, compared: Option<Arc<Register>>) {
        let restore = !std::mem::replace(&mut self.register_restored, true);
        if self.state.data.dataset.register.is_some() || self.state.register_checking {
            return;
        }
        let Some(path) = self.state.settings.register_file.clone() else {
            return;
        };
        match compared {
            Some(register) => self.check_register(Some(path), Some(register)),
            None if restore => self.check_register(Some(path), None),
            None => {}
        }
    }

    fn fail_register(&mut self, error: String) {
        let state = &mut self.state;
        state.register_checking = false;
        self.register_pending = None;
        match &mut state.register_dialog {
            Some(d) => {
                d.running = false;
                d.error = Some(error);
            }
            None => {
                // Not asked for now (the last session's register): not tried again, and
                // nothing waits for its marks.
                state.settings.register_file = None;
                forget_register(state);
                state.notice = Some(format!("SIPRI register not compared: {error}"));
                state
                    .warnings
                    .push(format!("SIPRI register not compared: {error}"));
            }
        }
    }

    /// Opens the desktop's file dialog for a register on a worker thread.
    fn browse_register(&mut self) {
        let start = self
            .state
            .register_dialog
            .as_ref()
            .map(|d| PathBuf::from(&d.path))
            .and_then(|p| p.parent().map(PathBuf::from))
            .filter(|d| d.is_dir());
        let answer = |path, open_for| Event::RegisterPathPicked { path, open_for };
        let spawned = super::armsflow_app::spawn_dialog(
            &self.ctx,
            &self.events.0,
            "armsflow-register-dialog",
            answer,
            move || {
                let mut dialog = rfd::FileDialog::new()
                    .set_title("SIPRI trade register (CSV)")
                    .add_filter("SIPRI trade register", &["csv", "txt"]);
                if let Some(dir) = start {
                    dialog = dialog.set_directory(dir);
                }
                dialog.pick_file()
            },
        );
        if let Err(e) = spawned {
            self.fail_register(format!("the file dialog could not open: {e}"));
        }
    }
}

/// No register is compared: the SIPRI filter and colouring go with it.
fn forget_register(state: &mut super::AppState) {
    state.filters.register.clear();
    if state.settings.flow_color == crate::chart::FlowColor::Register {
        state.settings.flow_color = crate::chart::FlowColor::Supplier;
    }
}
