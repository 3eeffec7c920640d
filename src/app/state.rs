use super::{ExportDraft, ExportJob, LoadJob, Settings};
use crate::chart::DayRange;
use crate::dataset::Dataset;
use crate::view::{
    DatasetIndex, Filters, Flow, QueueOrder, ReviewQueue, TableColumn, TimelineData, flows,
    review_queue, table_rows, timeline_data,
};
use std::path::PathBuf;
use std::sync::Arc;

/// The transfers shown in Evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Indices into the dataset's transfers.
    pub transfers: Vec<usize>,
    /// What was clicked, in words.
    pub label: String,
}

/// The article the reader shows and the sentence it highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderTarget {
    /// Article index.
    pub article: usize,
    /// Sentence start (byte offset in the article text).
    pub start: usize,
    /// Sentence end (equal to `start` to open the article at its top).
    pub end: usize,
}

/// Everything the window shows, as plain data. Panels read it and push commands, background
/// work sends events; only [`super::ArmsFlowApp::apply`] writes it.
#[derive(Debug, Default)]
pub struct AppState {
    /// Remembered between runs.
    pub settings: Settings,
    /// The open folder and what was read from it.
    pub data: FolderData,
    /// Active filters.
    pub filters: Filters,
    /// What Evidence shows.
    pub selection: Selection,
    /// The article open in the reader, if any.
    pub reader: Option<ReaderTarget>,
    /// The running load, if any.
    pub loading: Option<LoadJob>,
    /// Whether the Problems panel is open.
    pub show_problems: bool,
    /// Messages about things that went partly wrong (watching, dialogs, settings), shown in
    /// the Problems panel.
    pub warnings: Vec<String>,
    /// Date corrections and review decisions that can be undone and redone.
    pub history: super::History,
    /// The correction being saved and applied in the background, if any.
    pub regrouping: Option<Regrouping>,
    /// The table's sort column and direction (true = ascending).
    pub table_sort: (TableColumn, bool),
    /// A short message for the status bar ("Copied citation").
    pub notice: Option<String>,
    /// What part of the timeline is shown.
    pub timeline_view: TimelineView,
    /// The Export window's choices while it is open.
    pub export: Option<ExportDraft>,
    /// The export being written, if any.
    pub export_job: Option<ExportJob>,
    /// Why the last export failed, shown in the Export window until the next try.
    pub export_error: Option<String>,
    /// The article date being corrected in the reader, if any.
    pub date_edit: Option<DateEdit>,
    /// The folder chooser while it is open.
    pub folder_chooser: Option<super::FolderChooser>,
    /// The report form (edit or add) while it is open.
    pub report_form: Option<super::ReportForm>,
    /// The note or rejection-reason editor while it is open.
    pub note_draft: Option<NoteDraft>,
    /// The review queue's choices and cursor.
    pub queue: QueueState,
    /// What the views show, computed from the dataset, the filters and the settings: never
    /// per frame.
    pub views: DerivedViews,
    /// The Compare with SIPRI register window, when open.
    pub register_dialog: Option<super::RegisterDialog>,
    /// True while a register is read and the transfers checked against it.
    pub register_checking: bool,
    /// The part of the world the Map shows.
    pub map_view: crate::chart::MapView,
}

/// A note (or a rejection's reason) being typed for some reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteDraft {
    /// The reports, as (transfer index, report index).
    pub reports: Vec<(usize, usize)>,
    /// The text so far.
    pub text: String,
    /// True when it is the reason of a rejection (saving rejects).
    pub reason: bool,
}

/// The review queue's choices and where its cursor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueState {
    /// Lowest confidence first, by date, or by article.
    pub order: QueueOrder,
    /// Whether reviewed reports are listed too.
    pub show_reviewed: bool,
    /// The row of the cursor.
    pub cursor: usize,
    /// The report at the cursor (article id, first evidence start, place in its article),
    /// so the cursor finds it again when a decision regroups the transfers.
    pub cursor_report: Option<(String, usize, u32)>,
}

/// The open folder and its data: what a load or a date correction replaces, and nothing
/// the user chooses.
#[derive(Debug, Default)]
pub struct FolderData {
    /// The folder shown (or loading).
    pub folder: Option<PathBuf>,
    /// True when the folder is the bundled sample.
    pub is_sample: bool,
    /// The extracted data of the folder.
    pub dataset: Arc<Dataset>,
    /// Derived lookups over `dataset`.
    pub index: DatasetIndex,
    /// Goes up by one whenever the dataset is replaced, so background work started on an
    /// older dataset knows its result is stale.
    pub version: u64,
}

impl FolderData {
    /// Shows `dataset` (with its `index`) instead of the one shown, and counts the change.
    /// The old one is freed on a thread of its own: freeing 100,000 articles, their reports
    /// and their index takes a tenth of a second, not to be spent on the thread that draws
    /// (if the thread cannot start, it is freed here).
    pub fn replace(&mut self, dataset: Dataset, index: DatasetIndex) {
        let old = (
            std::mem::replace(&mut self.dataset, Arc::new(dataset)),
            std::mem::replace(&mut self.index, index),
        );
        self.version += 1;
        let _ = std::thread::Builder::new()
            .name("armsflow-free".into())
            .spawn(move || drop(old));
    }
}

/// What the views show, derived from the dataset, the filters and the view settings, and
/// recomputed only when one of them changes ([`AppState::refilter`],
/// [`AppState::recompute_views`], [`AppState::resort_table`]), so a frame never filters,
/// groups or sorts.
#[derive(Debug, Default)]
pub struct DerivedViews {
    /// Transfer indices that pass the filters, in dataset order.
    pub visible: Vec<usize>,
    /// The visible transfers' timeline marks and lanes.
    pub timeline: TimelineData,
    /// The visible transfers' flows.
    pub flows: Vec<Flow>,
    /// The visible transfers in table order ([`AppState::table_sort`]).
    pub table_rows: Vec<usize>,
    /// The review queue of the visible transfers' reports.
    pub queue: ReviewQueue,
    /// The articles the article list shows: those with a visible transfer while a filter is
    /// set (article indices, in order); `None` lists every article.
    pub articles: Option<Vec<usize>>,
    /// Goes up by one whenever the timeline marks, flows or table rows are recomputed, so
    /// that what a view caches from them (a laid-out chart) knows when to redo it.
    pub version: u64,
}

/// A date correction being saved and applied off the UI thread.
#[derive(Debug, Clone)]
pub struct Regrouping {
    /// Counts the corrections made: only the latest one's result is shown.
    pub generation: u64,
    /// The date corrections as they will be once this one is saved (a next correction
    /// builds on them).
    pub overrides: crate::dataset::Overrides,
    /// The review as it will be.
    pub review: crate::dataset::Review,
    /// Whether this or an earlier change still being saved touched the date corrections
    /// and the review: the latest change saves every file any of them touched.
    pub touches: (bool, bool),
}

/// An article date correction being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateEdit {
    /// Article index.
    pub article: usize,
    /// The date as typed so far.
    pub text: String,
}

/// The part of the timeline in view: plain data the Timeline panel changes with commands.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TimelineView {
    /// The days shown; `None` fits every mark.
    pub window: Option<DayRange>,
    /// The first lane shown.
    pub first_lane: usize,
}

impl AppState {
    /// Recomputes the visible transfers from the filters, and drops selected transfers that
    /// no longer pass them.
    pub fn refilter(&mut self) {
        self.views.visible = self.filters.visible(&self.data.dataset, &self.data.index);
        self.views.articles = (!self.filters.is_empty()).then(|| {
            let mut listed: Vec<usize> = self
                .views
                .visible
                .iter()
                .filter_map(|&t| self.data.index.transfer_articles.get(t))
                .flatten()
                .copied()
                .collect();
            listed.sort_unstable();
            listed.dedup();
            listed
        });
        let visible = &self.views.visible;
        self.selection
            .transfers
            .retain(|i| visible.binary_search(i).is_ok());
        self.recompute_views();
    }

    /// Recomputes the timeline marks, the flows and the table order of the visible
    /// transfers: after the filters, the data, the lane mode or the flow colouring change.
    pub fn recompute_views(&mut self) {
        let visible = &self.views.visible;
        self.views.timeline = timeline_data(
            &self.data.dataset,
            &self.data.index,
            visible,
            self.settings.lane_mode,
        );
        let split = self.settings.flow_color.split_by();
        self.views.flows = flows(&self.data.dataset, &self.data.index, visible, split);
        self.resort_table();
        self.requeue();
        self.views.version += 1;
    }

    /// Recomputes the review queue: after the visible transfers or its order change. The
    /// cursor stays on its report when it is still listed, else on the same row.
    pub fn requeue(&mut self) {
        let q = &self.queue;
        // Rejected transfers are hidden from the views but count as reviewed, and can be
        // gone over again with "Show reviewed".
        let rejected = self
            .data
            .dataset
            .review
            .decisions
            .iter()
            .any(|d| d.state == crate::model::ReviewState::Rejected);
        let with_rejected = (rejected && !self.filters.show_rejected).then(|| {
            let filters = Filters {
                show_rejected: true,
                ..self.filters.clone()
            };
            filters.visible(&self.data.dataset, &self.data.index)
        });
        self.views.queue = review_queue(
            &self.data.dataset,
            &self.data.index,
            with_rejected.as_deref().unwrap_or(&self.views.visible),
            q.order,
            q.show_reviewed,
        );
        let found = self.queue.cursor_report.as_ref().and_then(|wanted| {
            self.views.queue.items.iter().position(|&(t, r)| {
                self.report_ref(t as usize, r as usize).as_ref() == Some(wanted)
            })
        });
        let last = self.views.queue.items.len().saturating_sub(1);
        self.queue.cursor = found.unwrap_or(self.queue.cursor).min(last);
        self.queue.cursor_report = self
            .queue_item(self.queue.cursor)
            .and_then(|(t, r)| self.report_ref(t, r));
    }

    /// The (transfer, report) at row `row` of the review queue.
    pub fn queue_item(&self, row: usize) -> Option<(usize, usize)> {
        self.views
            .queue
            .items
            .get(row)
            .map(|&(t, r)| (t as usize, r as usize))
    }

    /// What identifies report `r` of transfer `t` across regroupings.
    pub fn report_ref(&self, t: usize, r: usize) -> Option<(String, usize, u32)> {
        let report = self.data.dataset.transfers.get(t)?.reports.get(r)?;
        let start = report.evidence.first().map_or(0, |e| e.start);
        Some((report.article.clone(), start, report.order))
    }

    /// Recomputes the table order: after the visible transfers or the sort change.
    pub fn resort_table(&mut self) {
        let (column, ascending) = self.table_sort;
        let visible = &self.views.visible;
        self.views.table_rows = table_rows(
            &self.data.dataset,
            &self.data.index,
            visible,
            column,
            ascending,
        );
    }

    /// How the charts are drawn now: the user's settings and the timeline's view.
    pub fn chart_style(&self) -> crate::chart::ChartStyle {
        crate::chart::ChartStyle {
            lane_mode: self.settings.lane_mode,
            flow_weight: self.settings.flow_weight,
            flow_color: self.settings.flow_color,
            timeline_window: self.timeline_view.window,
            first_lane: self.timeline_view.first_lane,
            map_view: self.map_view,
        }
    }

    /// How a figure's source line names the open folder: its name, never a path.
    pub fn folder_name(&self) -> String {
        match &self.data.folder {
            Some(_) if self.data.is_sample => "the ArmsFlow sample articles".to_owned(),
            Some(f) => crate::export::folder_label(f),
            None => "no folder".to_owned(),
        }
    }

    /// The active filters in words, countries by name.
    pub fn filters_in_words(&self) -> Vec<String> {
        self.filters
            .describe(&|c| self.data.dataset.country_name(c))
    }

    /// Number of transfers hidden because they have no date while a date filter is set.
    pub fn undated_hidden(&self) -> usize {
        if !self.filters.has_date_range() {
            return 0;
        }
        self.data
            .index
            .transfer_dates
            .iter()
            .filter(|d| d.is_none())
            .count()
    }
}

/// A report, named so as to outlive a regrouping: (article id, first evidence start, place in
/// its article).
type ReportRef = (String, usize, u32);

/// What the open report form and note editor are about, named so as to outlive the dataset
/// being replaced (a regrouping renumbers transfers; a reload may renumber articles).
#[derive(Debug, Default)]
pub struct Held {
    form: Option<HeldTarget>,
    note: Option<Vec<ReportRef>>,
}

/// A form's target, outliving a regrouping.
#[derive(Debug)]
enum HeldTarget {
    Report(ReportRef),
    Transfer(ReportRef),
    Span(String, usize, usize),
}

impl AppState {
    /// What the open form and note editor are about (see [`AppState::rehome`]).
    pub fn hold(&self) -> Held {
        use super::FormTarget;
        let form = self.report_form.as_ref().and_then(|f| match f.target {
            FormTarget::Report { transfer, report } => {
                self.report_ref(transfer, report).map(HeldTarget::Report)
            }
            FormTarget::Transfer { transfer } => {
                self.report_ref(transfer, 0).map(HeldTarget::Transfer)
            }
            FormTarget::Span {
                article,
                start,
                end,
            } => {
                let a = self.data.dataset.articles.get(article)?;
                Some(HeldTarget::Span(a.path.clone(), start, end))
            }
        });
        let note = self.note_draft.as_ref().map(|d| {
            d.reports
                .iter()
                .filter_map(|&(t, r)| self.report_ref(t, r))
                .collect()
        });
        Held { form, note }
    }

    /// Points the open form and note editor at the reports `held` names in the dataset now
    /// shown; closes them, saying so, when those reports are gone.
    pub fn rehome(&mut self, held: Held) {
        use super::FormTarget;
        let wanted: std::collections::HashSet<&ReportRef> = held
            .note
            .iter()
            .flatten()
            .chain(held.form.iter().filter_map(|h| match h {
                HeldTarget::Report(r) | HeldTarget::Transfer(r) => Some(r),
                HeldTarget::Span(..) => None,
            }))
            .collect();
        let mut at: std::collections::HashMap<&ReportRef, (usize, usize)> = Default::default();
        if !wanted.is_empty() {
            for (t, transfer) in self.data.dataset.transfers.iter().enumerate() {
                for r in 0..transfer.reports.len() {
                    if let Some(key) = self.report_ref(t, r)
                        && let Some(w) = wanted.get(&key)
                    {
                        at.insert(w, (t, r));
                    }
                }
            }
        }
        let target = held.form.as_ref().map(|h| match h {
            HeldTarget::Report(r) => at
                .get(r)
                .map(|&(transfer, report)| FormTarget::Report { transfer, report }),
            HeldTarget::Transfer(r) => at
                .get(r)
                .map(|&(transfer, _)| FormTarget::Transfer { transfer }),
            HeldTarget::Span(path, start, end) => self
                .data
                .dataset
                .articles
                .iter()
                .position(|a| &a.path == path && a.text.get(*start..*end).is_some())
                .map(|article| FormTarget::Span {
                    article,
                    start: *start,
                    end: *end,
                }),
        });
        let mut lost = false;
        match target {
            Some(Some(t)) => {
                if let Some(f) = &mut self.report_form {
                    f.target = t;
                }
            }
            Some(None) => {
                self.report_form = None;
                lost = true;
            }
            None => {}
        }
        if let (Some(draft), Some(refs)) = (&mut self.note_draft, &held.note) {
            let reports: Vec<(usize, usize)> =
                refs.iter().filter_map(|r| at.get(r).copied()).collect();
            if reports.is_empty() {
                self.note_draft = None;
                lost = true;
            } else {
                draft.reports = reports;
            }
        }
        if lost {
            self.notice = Some(
                "The report you were editing is no longer in the folder: the form was closed"
                    .into(),
            );
        }
    }
}
