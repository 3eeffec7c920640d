use super::{
    AppState, ChooserEdit, Command, Event, ExportDraft, ExportJob, ExportTarget, FolderChooser,
    FolderWatcher, LoadJob, LoadResult, Message, ReaderTarget, Selection, Settings, sample_folder,
};
use crate::chart::chart_measure;
use crate::corpus::LoadOptions;
use crate::export::{FigureRequest, FigureSource, export_chart, export_data};
use crate::extract::Extractor;
use crate::view::Filters;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

/// The eframe application: owns the [`AppState`], applies [`Message`]s (the user's commands
/// and background events) in one place, and runs the background work.
pub struct ArmsFlowApp {
    /// Everything the window shows.
    pub state: AppState,
    pub(super) extractor: Arc<Extractor>,
    watcher: Option<FolderWatcher>,
    /// Whether a native folder or save dialog is open (its answer comes as an [`Event`]).
    dialog_open: bool,
    save_dialog_open: bool,
    /// Where background threads send their events, and where the app takes them.
    pub(super) events: (Sender<Event>, Receiver<Event>),
    /// The latest date correction started, and a lock that saves corrections one at a time
    /// (see [`ArmsFlowApp::correct_article_date`]).
    pub(super) latest_correction: Arc<std::sync::atomic::AtomicU64>,
    pub(super) saving: Arc<std::sync::Mutex<()>>,
    /// What the panels compute while drawing and what the user has half typed.
    caches: crate::ui::ViewCaches,
    commands: Vec<Command>,
    pub(super) ctx: egui::Context,
    title: String,
    /// The settings as last saved: while they differ, the window wakes once after the save
    /// interval, because eframe saves only on a painted frame.
    settings_saved: Option<Settings>,
    /// Whether the register of the last session has been compared again.
    pub(super) register_restored: bool,
    /// The latest register check started (see [`ArmsFlowApp::check_register`]).
    pub(super) register_generation: u64,
    /// A register check that waits for a review decision being regrouped: its path and the
    /// register read.
    pub(super) register_pending: Option<(Option<PathBuf>, Option<Arc<crate::register::Register>>)>,
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
        let settings_loaded = settings.clone();
        let state = AppState {
            settings,
            warnings,
            ..AppState::default()
        };
        let mut app = Self {
            state,
            extractor,
            watcher: None,
            dialog_open: false,
            save_dialog_open: false,
            events: std::sync::mpsc::channel(),
            latest_correction: Arc::default(),
            saving: Arc::default(),
            caches: crate::ui::ViewCaches::default(),
            commands: Vec::new(),
            ctx: ctx.clone(),
            title: String::new(),
            settings_saved: Some(settings_loaded),
            register_restored: false,
            register_generation: 0,
            register_pending: None,
        };
        app.apply_theme();
        crate::ui::install_chart_font(ctx);
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

    /// True while any background work runs: a load, an export, the regrouping after a
    /// date correction, or a register check.
    pub fn is_busy(&self) -> bool {
        self.is_loading()
            || self.state.export_job.is_some()
            || self.state.regrouping.is_some()
            || self.state.register_checking
    }

    /// Queues a command for the end of the frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies a user's command or a background event: the one place where state changes.
    pub fn apply(&mut self, message: impl Into<Message>) {
        match message.into() {
            Message::Command(command) => self.on_command(command),
            Message::Event(event) => self.on_event(event),
        }
    }

    /// What a user's command does.
    fn on_command(&mut self, command: Command) {
        let state = &mut self.state;
        match command {
            Command::PickFolder => self.pick_folder(),
            Command::ChooseFolder => {
                let start = state
                    .data
                    .folder
                    .clone()
                    .filter(|_| !state.data.is_sample)
                    .or_else(dirs::home_dir)
                    .unwrap_or_else(|| PathBuf::from("/"));
                state.folder_chooser = Some(FolderChooser::at(&start));
            }
            Command::EditChooser(edit) => {
                if let Some(chooser) = &mut state.folder_chooser {
                    match edit {
                        ChooserEdit::Type(path) => chooser.set_path(path),
                        ChooserEdit::Complete => chooser.complete(),
                        ChooserEdit::Enter(name) => chooser.enter(&name),
                        ChooserEdit::Up => chooser.up(),
                    }
                }
            }
            Command::OpenChosen => {
                let chosen = state.folder_chooser.as_ref().map(FolderChooser::chosen);
                match chosen {
                    Some(Ok(folder)) => {
                        state.folder_chooser = None;
                        self.start_load(&folder, false);
                    }
                    Some(Err(e)) => {
                        if let Some(c) = &mut state.folder_chooser {
                            c.error = Some(e);
                        }
                    }
                    None => {}
                }
            }
            Command::CloseChooser => state.folder_chooser = None,
            Command::OpenFolder(folder) => self.start_load(&folder, false),
            Command::OpenSample => match sample_folder() {
                Ok(folder) => self.start_load(&folder, true),
                Err(e) => state
                    .warnings
                    .push(format!("The sample articles could not be written: {e}")),
            },
            Command::Reload => {
                if let Some(folder) = state.data.folder.clone() {
                    let sample = state.data.is_sample;
                    self.start_load(&folder, sample);
                }
            }
            Command::Refresh => {
                if let Some(folder) = state.data.folder.clone() {
                    self.start_refresh(&folder);
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
            Command::CloseReader => {
                state.reader = None;
                state.date_edit = None;
            }
            Command::EditArticleDate { article, text } => {
                state.date_edit = Some(super::DateEdit { article, text });
            }
            Command::CancelArticleDate => state.date_edit = None,
            Command::SetArticleDate { article, date } => {
                self.correct_article_date(article, date.as_deref());
            }
            Command::Register(command) => self.on_register_command(command),
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
                state.recompute_views();
            }
            Command::SetTimelineView(view) => state.timeline_view = view,
            Command::SetMapView(view) => state.map_view = view,
            Command::SetFlowWeight(weight) => state.settings.flow_weight = weight,
            Command::SetFlowColor(color) => {
                state.settings.flow_color = color;
                state.recompute_views();
            }
            Command::SetTheme(theme) => {
                state.settings.theme = theme;
                self.apply_theme();
            }
            Command::SetMaxFileMb(mb) => state.settings.max_file_mb = mb.max(1),
            Command::SortTable(column) => {
                state.table_sort = if state.table_sort.0 == column {
                    (column, !state.table_sort.1)
                } else {
                    (column, true)
                };
                state.resort_table();
            }
            Command::ToggleProblems => state.show_problems = !state.show_problems,
            Command::TogglePanel(panel) => {
                let hidden = &mut state.settings.hidden_panels;
                if !hidden.remove(&panel) {
                    hidden.insert(panel);
                }
            }
            Command::OpenExport(target) => {
                let dir = state
                    .settings
                    .last_export_dir
                    .clone()
                    .filter(|d| d.is_dir())
                    .or_else(dirs::picture_dir)
                    .or_else(dirs::home_dir)
                    .unwrap_or_else(|| PathBuf::from("."));
                let lines = self.default_figure_lines(target);
                let state = &mut self.state;
                state.export = Some(ExportDraft::new(target, &dir, today(), lines));
                state.export_error = None;
            }
            Command::EditExport(draft) => {
                if state.export.is_some() {
                    state.export = Some(draft);
                }
            }
            Command::BrowseExportPath => self.browse_export_path(),
            Command::RunExport => self.run_export(),
            Command::CloseExport => {
                state.export = None;
                state.export_error = None;
            }
            Command::Review(review) => self.on_review_command(review),
            Command::Undo => self.step_history(true),
            Command::Redo => self.step_history(false),
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
        let job = self.spawn_load(folder, None);
        if self.state.data.folder.as_deref() != Some(folder) {
            self.watcher = None;
            // What was decided about the other folder stays with it.
            self.state.history.clear();
            self.state.regrouping = None;
            // A change to the other folder still being saved must not count as overtaken.
            self.latest_correction = Arc::default();
            self.state.report_form = None;
            self.state.note_draft = None;
            self.state.selection = Selection::default();
            self.state.reader = None;
            self.state.timeline_view = super::TimelineView::default();
        }
        self.state.data.folder = Some(folder.to_owned());
        self.state.data.is_sample = is_sample;
        self.state.loading = Some(job);
        self.state.notice = None;
    }

    /// Starts bringing the open `folder` up to date, keeping what the dataset shown read from
    /// unchanged files. A full load already running is left to finish instead.
    fn start_refresh(&mut self, folder: &Path) {
        if self.state.loading.as_ref().is_some_and(|j| !j.refresh) {
            return;
        }
        let previous = Arc::clone(&self.state.data.dataset);
        let job = self.spawn_load(folder, Some(previous));
        self.state.loading = Some(job);
    }

    /// Cancels a load already running and starts one of `folder` (see [`LoadJob::spawn`]).
    fn spawn_load(
        &mut self,
        folder: &Path,
        previous: Option<Arc<crate::dataset::Dataset>>,
    ) -> LoadJob {
        if let Some(old) = self.state.loading.take() {
            old.cancel();
        }
        let ctx = self.ctx.clone();
        let register = self.state.data.dataset.register.clone();
        LoadJob::spawn(
            folder,
            previous,
            register,
            Arc::clone(&self.extractor),
            LoadOptions::with_max_megabytes(self.state.settings.max_file_mb),
            move || ctx.request_repaint(),
        )
    }

    /// Opens the native save dialog for the export on a worker thread.
    fn browse_export_path(&mut self) {
        let Some(draft) = &self.state.export else {
            return;
        };
        if self.save_dialog_open {
            return;
        }
        let current = PathBuf::from(&draft.path);
        let image = matches!(draft.target, ExportTarget::Chart(_));
        let name = if image { "Image" } else { "Data" };
        let filters: Vec<&str> = crate::export::ExportFormat::of_kind(image)
            .map(|f| f.extension())
            .collect();
        let answer = |path, open_for| Event::SavePathPicked { path, open_for };
        let spawned = spawn_dialog(
            &self.ctx,
            &self.events.0,
            "armsflow-save-dialog",
            answer,
            move || {
                let mut dialog = rfd::FileDialog::new()
                    .set_title("Export to")
                    .add_filter(name, &filters);
                if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
                    dialog = dialog.set_directory(dir);
                }
                if let Some(file) = current.file_name() {
                    dialog = dialog.set_file_name(file.to_string_lossy());
                }
                dialog.save_file()
            },
        );
        match spawned {
            Ok(()) => self.save_dialog_open = true,
            Err(e) => {
                self.state.export_error = Some(format!("The save dialog could not open: {e}"))
            }
        }
    }

    /// Starts writing the export described by the Export window, off the UI thread.
    fn run_export(&mut self) {
        let state = &mut self.state;
        let Some(draft) = state.export.clone() else {
            return;
        };
        if state.export_job.is_some() {
            return;
        }
        if let Some(problem) = draft.problem() {
            state.export_error = Some(problem);
            return;
        }
        state.export_error = None;
        let path = PathBuf::from(&draft.path);
        let dataset = Arc::clone(&state.data.dataset);
        let index = state.data.index.clone();
        let visible = state.views.visible.clone();
        let filters = state.filters_in_words();
        let folder = state.folder_name();
        let style = state.chart_style();
        let out = path.clone();
        let work = move || match draft.target {
            ExportTarget::Data => export_data(&dataset, &index, &visible, &out),
            ExportTarget::Chart(chart) => {
                let request = FigureRequest {
                    chart,
                    style,
                    width: draft.width as f32,
                    height: draft.height as f32,
                    theme: draft.theme,
                    title: draft.title.clone(),
                    source_line: Some(draft.source_line.clone()),
                };
                let source = FigureSource {
                    dataset: &dataset,
                    index: &index,
                    visible: &visible,
                    filters: &filters,
                    folder: &folder,
                    date: today(),
                };
                export_chart(&request, &source, &out, draft.scale, chart_measure())
            }
        };
        let ctx = self.ctx.clone();
        state.export_job = Some(ExportJob::spawn(path, work, move || ctx.request_repaint()));
    }

    /// The title and source line a figure of the current view gets unless the user edits
    /// them (no title for data).
    fn default_figure_lines(&self, target: ExportTarget) -> (String, String) {
        let state = &self.state;
        let folder = state.folder_name();
        let filters = state.filters_in_words();
        let source = FigureSource {
            dataset: &state.data.dataset,
            index: &state.data.index,
            visible: &state.views.visible,
            filters: &filters,
            folder: &folder,
            date: today(),
        };
        let title = match target {
            ExportTarget::Chart(kind) => crate::export::figure_title(kind, &source, &state.filters),
            ExportTarget::Data => String::new(),
        };
        (title, crate::export::default_source_line(&source))
    }

    /// Opens the native folder dialog on a worker thread (the dialog call blocks).
    fn pick_folder(&mut self) {
        if self.dialog_open {
            return;
        }
        let start_dir = self
            .state
            .data
            .folder
            .clone()
            .filter(|_| !self.state.data.is_sample);
        let answer = |folder, open_for| Event::FolderPicked { folder, open_for };
        let spawned = spawn_dialog(
            &self.ctx,
            &self.events.0,
            "armsflow-dialog",
            answer,
            move || {
                let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
                if let Some(dir) = start_dir {
                    dialog = dialog.set_directory(dir);
                }
                dialog.pick_folder()
            },
        );
        match spawned {
            Ok(()) => self.dialog_open = true,
            Err(e) => self
                .state
                .warnings
                .push(format!("The folder dialog could not open: {e}")),
        }
    }

    /// Finds what background work has finished since the last frame: the load's and the
    /// export's results, dialog answers and regroupings (sent through the event channel), and
    /// the folder watcher's news. Changes nothing but the watcher's own clock: the events are
    /// applied by [`ArmsFlowApp::apply`].
    fn poll_background(&mut self) -> Vec<Event> {
        let mut events = Vec::new();
        if let Some(job) = &self.state.loading {
            match job.poll() {
                Some(result) => events.push(Event::LoadFinished(result)),
                // Keep the progress bar moving, a few times a second: every frame costs CPU
                // (a spinner repainting flat out made a 100,000-file load 70% slower).
                None => self.ctx.request_repaint_after(PROGRESS_REPAINT),
            }
        }
        if let Some(result) = self.state.export_job.as_ref().and_then(ExportJob::poll) {
            events.push(Event::ExportFinished(result));
        }
        events.extend(self.events.1.try_iter());
        if let Some(watcher) = &mut self.watcher {
            let (due, errors) = watcher.poll();
            if !errors.is_empty() {
                events.push(Event::WatchErrors(errors));
            }
            if due && self.state.loading.as_ref().is_some_and(|j| !j.refresh) {
                // A full load is reading the folder: look again once it is done.
                watcher.defer();
            } else if due {
                events.push(Event::FolderChanged);
            }
            if let Some(wait) = watcher.pending() {
                self.ctx.request_repaint_after(wait);
            }
        }
        events
    }

    /// What a background event does.
    fn on_event(&mut self, event: Event) {
        match event {
            Event::LoadFinished(result) => {
                if let Some(job) = self.state.loading.take() {
                    self.finish_load(&job, result);
                }
            }
            Event::FolderPicked { folder, open_for } => {
                self.dialog_open = false;
                match folder {
                    Some(folder) => self.on_command(Command::OpenFolder(folder)),
                    // No person cancels a dialog this fast: no dialog service answered, so
                    // the chooser inside the window opens instead.
                    None if open_for < NO_DIALOG_SERVICE => {
                        self.on_command(Command::ChooseFolder);
                        self.state.notice = Some(NO_DIALOG_MESSAGE.into());
                    }
                    None => {}
                }
            }
            Event::SavePathPicked { path, open_for } => {
                self.save_dialog_open = false;
                match (path, &mut self.state.export) {
                    (Some(path), Some(draft)) => draft.path = path.display().to_string(),
                    (None, Some(_)) if open_for < NO_DIALOG_SERVICE => {
                        self.state.export_error = Some(NO_SAVE_DIALOG_MESSAGE.into());
                    }
                    _ => {}
                }
            }
            Event::ExportFinished(result) => self.finish_export(result),
            Event::FolderChanged => self.on_command(Command::Refresh),
            Event::WatchErrors(errors) => self.state.warnings.extend(errors),
            Event::Regrouped(regrouped) => {
                self.finish_regroup(*regrouped);
                self.resume_register();
            }
            Event::RegisterPathPicked { path, open_for } => {
                match (path, &mut self.state.register_dialog) {
                    (Some(path), _) => {
                        self.on_register_command(super::RegisterCommand::Compare(path))
                    }
                    (None, Some(d)) if open_for < NO_DIALOG_SERVICE => {
                        d.error = Some("No file dialog is available on this desktop: type the register's path in the box instead.".into());
                    }
                    _ => {}
                }
            }
            Event::RegisterChecked(checked) => self.finish_register(*checked),
        }
    }

    fn finish_export(
        &mut self,
        result: Result<crate::export::ExportSummary, crate::export::ExportError>,
    ) {
        let state = &mut self.state;
        let path = state.export_job.take().map(|j| j.path).unwrap_or_default();
        match result {
            Ok(summary) => {
                let size = summary
                    .pixels
                    .map(|(w, h)| format!(", {w}×{h} px"))
                    .unwrap_or_default();
                state.notice = Some(format!("Exported {}{size}", path.display()));
                state.settings.last_export_dir = path.parent().map(Path::to_owned);
                state.export = None;
            }
            Err(e) => {
                state.export_error = Some(format!("Export failed: {e}"));
                state.warnings.push(format!("Export failed: {e}"));
            }
        }
    }

    fn finish_load(&mut self, job: &LoadJob, result: LoadResult) {
        let folder = job.folder.as_path();
        match result {
            LoadResult::Done(loaded) => {
                let (dataset, index) = *loaded;
                let state = &mut self.state;
                let compared = state.data.dataset.register.clone();
                let held = state.hold();
                state.data.replace(dataset, index);
                state.rehome(held);
                if state
                    .reader
                    .is_some_and(|r| r.article >= state.data.dataset.articles.len())
                {
                    state.reader = None;
                }
                state
                    .selection
                    .transfers
                    .retain(|&i| i < state.data.dataset.transfers.len());
                state.refilter();
                state.notice = Some(job.summary());
                if !state.data.is_sample {
                    state.settings.remember_folder(folder.to_owned());
                } else {
                    state.settings.last_folder = None;
                }
                self.keep_register(compared);
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
                let reason = if folder.exists() {
                    reason
                } else {
                    // Deleted or moved while open: what was read stays on screen, so the
                    // user keeps their view and can still export it.
                    format!(
                        "The folder {} no longer exists (deleted, moved or unmounted); the {} \
                         articles read before stay shown until you open another folder.",
                        folder.display(),
                        self.state.data.dataset.articles.len()
                    )
                };
                self.state.warnings.push(reason);
                self.state.show_problems = true;
            }
        }
    }

    fn update_title(&mut self) {
        let title = match &self.state.data.folder {
            Some(_) if self.state.data.is_sample => "ArmsFlow — sample articles".to_owned(),
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
        let choose = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
        let quit = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
        let reload = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
        let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        // A text field being typed in keeps Ctrl+Z for its own text.
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            if !typing && i.consume_shortcut(&redo) {
                self.commands.push(Command::Redo);
            }
            if !typing && i.consume_shortcut(&undo) {
                self.commands.push(Command::Undo);
            }
            // The longer shortcut first: Ctrl+O would also match Ctrl+Shift+O.
            if i.consume_shortcut(&choose) {
                self.commands.push(Command::ChooseFolder);
            }
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
        for event in self.poll_background() {
            self.apply(event);
        }
        self.shortcuts(&ctx);
        let mut commands = std::mem::take(&mut self.commands);
        crate::ui::main_window(
            ui,
            &self.state,
            &mut self.caches,
            self.extractor.gazetteer(),
            &mut commands,
        );
        for command in commands {
            self.apply(command);
        }
        self.update_title();
        if self.settings_saved.as_ref() != Some(&self.state.settings) {
            ctx.request_repaint_after(SETTINGS_SAVE_INTERVAL + Duration::from_millis(100));
        }
    }

    /// Settings are small: saved every few seconds, so a session ended by a crash or a
    /// signal (not only a closed window) keeps the last export folder and panel choices.
    fn auto_save_interval(&self) -> Duration {
        SETTINGS_SAVE_INTERVAL
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings);
        self.settings_saved = Some(self.state.settings.clone());
    }
}

/// How often eframe saves the settings (and how long a change waits to be saved).
const SETTINGS_SAVE_INTERVAL: Duration = Duration::from_secs(5);

/// Runs a native file dialog on its own thread (the call blocks until the user answers),
/// sends what it answered as the event `answer` makes of it (with how long it was open: an
/// answer of nothing in under [`NO_DIALOG_SERVICE`] means no dialog was shown), and wakes the
/// window.
pub(super) fn spawn_dialog(
    ctx: &egui::Context,
    events: &Sender<Event>,
    name: &str,
    answer: fn(Option<PathBuf>, Duration) -> Event,
    dialog: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) -> std::io::Result<()> {
    let events = events.clone();
    let ctx = ctx.clone();
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            let shown = std::time::Instant::now();
            // A dialog that panics answers nothing, like a desktop without a dialog service.
            let picked =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(dialog)).unwrap_or(None);
            // The receiver is gone when the app closed meanwhile: nothing to tell.
            let _ = events.send(answer(picked, shown.elapsed()));
            ctx.request_repaint();
        })?;
    Ok(())
}

/// Today in the local time zone: the date on exported figures.
fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

const NO_SAVE_DIALOG_MESSAGE: &str = "No save dialog is available on this desktop (it needs \
    xdg-desktop-portal or zenity): type the file's path in the box instead.";

/// How often the progress bar is redrawn while a load runs.
const PROGRESS_REPAINT: Duration = Duration::from_millis(200);

/// A folder dialog that returns nothing sooner than this was never shown.
const NO_DIALOG_SERVICE: Duration = Duration::from_millis(250);
const NO_DIALOG_MESSAGE: &str = "No folder dialog on this desktop (it needs \
    xdg-desktop-portal or zenity): choose the folder here";
