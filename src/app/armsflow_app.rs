use super::{
    AppState, Command, FolderWatcher, LoadJob, LoadResult, ReaderTarget, Selection, Settings,
    sample_folder,
};
use crate::corpus::LoadOptions;
use crate::extract::Extractor;
use crate::view::{DatasetIndex, Filters};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

/// The eframe application: owns the [`AppState`], applies [`Command`]s, and runs the
/// background work.
pub struct ArmsFlowApp {
    /// Everything the window shows.
    pub state: AppState,
    extractor: Arc<Extractor>,
    load_options: LoadOptions,
    watcher: Option<FolderWatcher>,
    dialog: Option<Receiver<(Option<PathBuf>, Duration)>>,
    commands: Vec<Command>,
    ctx: egui::Context,
    title: String,
}

impl ArmsFlowApp {
    /// Creates the app and starts loading: `folder` when given, else the last folder, else
    /// the bundled sample. Fails only when the built-in extraction data is broken.
    pub fn new(cc: &eframe::CreationContext<'_>, folder: Option<PathBuf>) -> anyhow::Result<Self> {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, settings, folder)
    }

    /// Creates the app with `settings` (no eframe storage), as tests do.
    pub fn with_settings(
        ctx: &egui::Context,
        settings: Settings,
        folder: Option<PathBuf>,
    ) -> anyhow::Result<Self> {
        let mut warnings = Vec::new();
        // Only the built-in data can fail here, and it is compiled in and tested; a bad user
        // gazetteer file is a warning.
        let (gazetteer, warning) = crate::gazetteer::Gazetteer::with_user_file()?;
        if let Some(w) = warning {
            warnings.push(format!("Your gazetteer file was not used: {w}"));
        }
        let extractor = Arc::new(Extractor::new(gazetteer)?);
        let state = AppState {
            settings,
            warnings,
            ..AppState::default()
        };
        let mut app = Self {
            state,
            extractor,
            load_options: LoadOptions::default(),
            watcher: None,
            dialog: None,
            commands: Vec::new(),
            ctx: ctx.clone(),
            title: String::new(),
        };
        app.apply_theme();
        add_fallback_font(ctx);
        let first = folder
            .map(Command::OpenFolder)
            .or_else(|| {
                app.state
                    .settings
                    .last_folder
                    .clone()
                    .filter(|f| f.is_dir())
                    .map(Command::OpenFolder)
            })
            .unwrap_or(Command::OpenSample);
        app.apply(first);
        Ok(app)
    }

    /// True while a folder is loading.
    pub fn is_loading(&self) -> bool {
        self.state.loading.is_some()
    }

    /// Queues a command for the end of the frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies one command: the only place state changes in response to the user.
    pub fn apply(&mut self, command: Command) {
        let state = &mut self.state;
        match command {
            Command::PickFolder => self.pick_folder(),
            Command::OpenFolder(folder) => self.start_load(&folder, false),
            Command::OpenSample => match sample_folder() {
                Ok(folder) => self.start_load(&folder, true),
                Err(e) => state
                    .warnings
                    .push(format!("The sample articles could not be written: {e}")),
            },
            Command::Reload => {
                if let Some(folder) = state.folder.clone() {
                    let sample = state.is_sample;
                    self.start_load(&folder, sample);
                }
            }
            Command::CancelLoad => {
                if let Some(job) = &state.loading {
                    job.cancel();
                }
            }
            Command::SetFilters(filters) => {
                state.filters = filters;
                state.refilter();
            }
            Command::ClearFilters => {
                state.filters = Filters::default();
                state.refilter();
            }
            Command::FilterCountry(code) => {
                state.filters.countries = [code].into_iter().collect();
                state.refilter();
            }
            Command::Select { transfers, label } => {
                state.selection = Selection { transfers, label };
            }
            Command::ClearSelection => state.selection = Selection::default(),
            Command::OpenReader {
                article,
                start,
                end,
            } => {
                state.reader = Some(ReaderTarget {
                    article,
                    start,
                    end,
                });
            }
            Command::CloseReader => state.reader = None,
            Command::CopyText(text) => {
                self.ctx.copy_text(text);
                state.notice = Some("Citation copied to the clipboard".into());
            }
            Command::SetTab(tab) => {
                state.settings.tab = tab;
                state.reader = None;
            }
            Command::SetLaneMode(mode) => {
                state.settings.lane_mode = mode;
                state.timeline_view.first_lane = 0;
            }
            Command::SetTimelineView(view) => state.timeline_view = view,
            Command::SetFlowWeight(weight) => state.settings.flow_weight = weight,
            Command::SetFlowColor(color) => state.settings.flow_color = color,
            Command::SetTheme(theme) => {
                state.settings.theme = theme;
                self.apply_theme();
            }
            Command::SortTable(column) => {
                state.table_sort = if state.table_sort.0 == column {
                    (column, !state.table_sort.1)
                } else {
                    (column, true)
                };
            }
            Command::ToggleProblems => state.show_problems = !state.show_problems,
            Command::InstallDesktop => match super::install_desktop_entry() {
                Ok(path) => {
                    state.notice = Some(format!("Desktop entry installed: {}", path.display()));
                }
                Err(e) => state
                    .warnings
                    .push(format!("Desktop entry not installed: {e:#}")),
            },
            Command::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn apply_theme(&self) {
        self.ctx.set_theme(match self.state.settings.theme {
            crate::chart::Theme::Light => egui::Theme::Light,
            crate::chart::Theme::Dark => egui::Theme::Dark,
        });
    }

    /// Starts loading `folder`, cancelling a load already running.
    fn start_load(&mut self, folder: &Path, is_sample: bool) {
        if let Some(old) = self.state.loading.take() {
            old.cancel();
        }
        let ctx = self.ctx.clone();
        let job = LoadJob::spawn(
            folder,
            Arc::clone(&self.extractor),
            self.load_options.clone(),
            move || ctx.request_repaint(),
        );
        if self.state.folder.as_deref() != Some(folder) {
            self.watcher = None;
            self.state.selection = Selection::default();
            self.state.reader = None;
            self.state.timeline_view = super::TimelineView::default();
        }
        self.state.folder = Some(folder.to_owned());
        self.state.is_sample = is_sample;
        self.state.loading = Some(job);
        self.state.notice = None;
    }

    /// Opens the native folder dialog on a worker thread (the dialog call blocks).
    fn pick_folder(&mut self) {
        if self.dialog.is_some() {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = self.ctx.clone();
        let start_dir = self.state.folder.clone().filter(|_| !self.state.is_sample);
        let spawned = std::thread::Builder::new()
            .name("armsflow-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
                if let Some(dir) = start_dir {
                    dialog = dialog.set_directory(dir);
                }
                let shown = std::time::Instant::now();
                let picked = dialog.pick_folder();
                let _ = sender.send((picked, shown.elapsed()));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.dialog = Some(receiver),
            Err(e) => self
                .state
                .warnings
                .push(format!("The folder dialog could not open: {e}")),
        }
    }

    /// Takes finished background work: load results, dialog answers, folder changes.
    fn poll_background(&mut self) {
        if let Some(job) = &self.state.loading {
            if let Some(result) = job.poll() {
                let folder = job.folder.clone();
                self.state.loading = None;
                self.finish_load(&folder, result);
            } else {
                // Keep the progress bar moving.
                self.ctx.request_repaint_after(Duration::from_millis(50));
            }
        }
        if let Some(dialog) = &self.dialog {
            match dialog.try_recv() {
                Ok((Some(folder), _)) => {
                    self.dialog = None;
                    self.commands.push(Command::OpenFolder(folder));
                }
                Ok((None, took)) => {
                    self.dialog = None;
                    // No person cancels a dialog this fast: no dialog service answered.
                    if took < NO_DIALOG_SERVICE {
                        self.state.warnings.push(NO_DIALOG_MESSAGE.into());
                        self.state.show_problems = true;
                    }
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.dialog = None;
                    self.state.warnings.push(
                        "The folder dialog closed without an answer (no dialog service?)".into(),
                    );
                }
            }
        }
        if let Some(watcher) = &mut self.watcher {
            let (due, errors) = watcher.poll();
            self.state.warnings.extend(errors);
            if due && self.state.loading.is_none() {
                self.commands.push(Command::Reload);
            } else if let Some(wait) = watcher.pending() {
                self.ctx.request_repaint_after(wait);
            }
        }
    }

    fn finish_load(&mut self, folder: &Path, result: LoadResult) {
        match result {
            LoadResult::Done(dataset) => {
                let state = &mut self.state;
                state.index = DatasetIndex::new(&dataset);
                state.dataset = Arc::new(dataset);
                if state
                    .reader
                    .is_some_and(|r| r.article >= state.dataset.articles.len())
                {
                    state.reader = None;
                }
                state
                    .selection
                    .transfers
                    .retain(|&i| i < state.dataset.transfers.len());
                state.refilter();
                if !state.is_sample {
                    state.settings.remember_folder(folder.to_owned());
                } else {
                    state.settings.last_folder = None;
                }
                if self.watcher.is_none() {
                    let ctx = self.ctx.clone();
                    match FolderWatcher::new(folder, move || ctx.request_repaint()) {
                        Ok(w) => self.watcher = Some(w),
                        Err(e) => self.state.warnings.push(format!(
                            "Changes in {} will not reload automatically: {e}",
                            folder.display()
                        )),
                    }
                }
            }
            LoadResult::Cancelled => {
                self.state.notice = Some(format!("Loading {} cancelled", folder.display()));
            }
            LoadResult::Failed(reason) => {
                self.state.warnings.push(reason);
                self.state.show_problems = true;
            }
        }
    }

    fn update_title(&mut self) {
        let title = match &self.state.folder {
            Some(_) if self.state.is_sample => "ArmsFlow — sample articles".to_owned(),
            Some(f) => format!(
                "ArmsFlow — {}",
                f.file_name().map_or_else(
                    || f.display().to_string(),
                    |n| n.to_string_lossy().into_owned()
                )
            ),
            None => "ArmsFlow".to_owned(),
        };
        if title != self.title {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let quit = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
        let reload = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
        ctx.input_mut(|i| {
            if i.consume_shortcut(&open) {
                self.commands.push(Command::PickFolder);
            }
            if i.consume_shortcut(&reload) {
                self.commands.push(Command::Reload);
            }
            if i.consume_shortcut(&quit) {
                self.commands.push(Command::Quit);
            }
            if self.state.reader.is_some() && i.key_pressed(Key::Escape) {
                self.commands.push(Command::CloseReader);
            }
            // A folder dropped on the window opens; a dropped file opens its folder.
            if let Some(path) = i.raw.dropped_files.first().map(|f| f.path().to_owned()) {
                let folder = if path.is_dir() {
                    Some(path)
                } else {
                    path.parent().map(Path::to_owned)
                };
                if let Some(folder) = folder {
                    self.commands.push(Command::OpenFolder(folder));
                }
            }
        });
    }
}

impl eframe::App for ArmsFlowApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_background();
        self.shortcuts(&ctx);
        let mut commands = std::mem::take(&mut self.commands);
        crate::ui::main_window(ui, &self.state, self.extractor.gazetteer(), &mut commands);
        for command in commands {
            self.apply(command);
        }
        self.update_title();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings);
    }
}

/// A folder dialog that returns nothing sooner than this was never shown.
const NO_DIALOG_SERVICE: Duration = Duration::from_millis(250);
const NO_DIALOG_MESSAGE: &str = "No folder dialog is available on this desktop (it needs \
    xdg-desktop-portal or zenity). Drop a folder on the window, or start ArmsFlow with \
    `armsflow FOLDER`.";

/// Registers the bundled chart font: as the only font of the chart family (so chart text
/// is drawn with the font the layout measured), and as a fallback for the arrows and symbols
/// egui's default font lacks ("Egypt → Russia", "⚠").
fn add_fallback_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(crate::chart::CHART_FONT),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Name(crate::ui::CHART_FAMILY.into()),
                priority: FontPriority::Highest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
