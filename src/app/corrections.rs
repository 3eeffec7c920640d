//! The user's corrections (article dates and the review), changed, saved and applied off
//! the UI thread, with undo and redo.

use super::history::Change;
use super::{ArmsFlowApp, Event, Regrouped, Regrouping};
use crate::dataset::{Dataset, Overrides, Report, Review};
use crate::dates::When;
use crate::view::DatasetIndex;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;

impl ArmsFlowApp {
    /// Sets the user's date for an article (or with `None` removes it): an undoable change
    /// saved in the folder's `.armsflow/overrides.json` (see [`ArmsFlowApp::make_change`]).
    pub(super) fn correct_article_date(&mut self, article: usize, date: Option<&str>) {
        let state = &mut self.state;
        let Some(a) = state.data.dataset.articles.get(article) else {
            return;
        };
        let path = a.path.clone();
        let when = match date.map(When::parse) {
            Some(None) => {
                state.notice = Some(format!(
                    "{:?} is not a date: use 2023-11-08, 2023-11 or 2023",
                    date.unwrap_or_default()
                ));
                return;
            }
            Some(Some(w)) => Some(w),
            None => None,
        };
        let (overrides, _) = self.corrections();
        let before = overrides.article_dates.get(&path).cloned();
        let what = match when {
            Some(w) => format!("set the date of {path} to {w}"),
            None => format!("remove the date correction of {path}"),
        };
        let change = Change::ArticleDate {
            path,
            before,
            after: when.map(|w| w.to_string()),
        };
        self.make_change(change, what);
    }

    /// The corrections as they are, with those still being saved.
    pub(super) fn corrections(&self) -> (Overrides, Review) {
        match &self.state.regrouping {
            Some(r) => (r.overrides.clone(), r.review.clone()),
            None => (
                self.state.data.dataset.overrides.clone(),
                self.state.data.dataset.review.clone(),
            ),
        }
    }

    /// Whether a change can be made now: not while a folder loads (its dataset, and the
    /// folder the change would be saved in, are about to be replaced).
    fn can_change(&mut self) -> bool {
        let loading = self.state.loading.as_ref().is_some_and(|j| !j.refresh);
        if loading {
            self.state.notice = Some("Not saved: wait until the folder has loaded".into());
        }
        !loading
    }

    /// Makes a change to the corrections that can be undone; `what` says it in words
    /// ("accept 1 report").
    pub(super) fn make_change(&mut self, change: Change, what: String) {
        if !self.can_change() {
            return;
        }
        self.state.history.record(change.clone(), what.clone());
        let file = if change.touches_dates() {
            crate::dataset::OVERRIDES_FILE
        } else {
            crate::dataset::REVIEW_FILE
        };
        self.submit_change(&change, false, format!("Saved in {file}: {what}"));
    }

    /// Undoes the last change (a date correction or a review decision), or with `undo`
    /// false redoes the last change undone.
    pub(super) fn step_history(&mut self, undo: bool) {
        if !self.can_change() {
            return;
        }
        let (entry, word) = if undo {
            (self.state.history.undo(), "Undo")
        } else {
            (self.state.history.redo(), "Redo")
        };
        match entry {
            Some((change, what)) => {
                self.show_in_queue(&change);
                self.submit_change(&change, undo, format!("{word}: {what}"));
            }
            None => {
                self.state.notice = Some(format!("Nothing to {}", word.to_lowercase()));
            }
        }
    }

    /// Puts the review queue's cursor on the report `change` is about, so an undo or redo
    /// shows what it changed (once the queue is made again).
    fn show_in_queue(&mut self, change: &Change) {
        let Some(key) = change.first_key() else {
            return;
        };
        let data = &self.state.data;
        let Some(article) = data.dataset.articles.iter().find(|a| a.path == key.path) else {
            return;
        };
        let found = data
            .dataset
            .transfers
            .iter()
            .enumerate()
            .find_map(|(t, transfer)| {
                transfer
                    .reports
                    .iter()
                    .position(|r| {
                        r.article == article.id
                            && crate::model::ReportKey::of(r, &article.path).as_ref() == Some(key)
                    })
                    .map(|r| (t, r))
            });
        if let Some((t, r)) = found {
            self.state.queue.cursor_report = self.state.report_ref(t, r);
        }
    }

    /// Applies `change` (or with `undo` takes it back) to the corrections, saves the file it
    /// touches atomically, then re-dates, re-reviews and regroups the reports without
    /// extracting again: all on a background thread, whose [`Event::Regrouped`] the app
    /// applies in [`ArmsFlowApp::finish_regroup`]. Nothing changes on screen when the file
    /// cannot be written: the reason is shown.
    fn submit_change(&mut self, change: &Change, undo: bool, notice: String) {
        let Some(folder) = self.state.data.folder.clone() else {
            return;
        };
        let (mut overrides, mut review) = self.corrections();
        change.apply(&mut overrides, &mut review, undo);
        let state = &mut self.state;
        // Counted per folder (see `start_load`).
        let generation = self.latest_correction.load(Ordering::SeqCst) + 1;
        // A change that overtakes one still being saved saves that one's file too.
        let (dates_before, review_before) = state
            .regrouping
            .as_ref()
            .map_or((false, false), |r| r.touches);
        let (dates, reviewed) = (
            dates_before || change.touches_dates(),
            review_before || change.touches_review(),
        );
        state.regrouping = Some(Regrouping {
            generation,
            overrides: overrides.clone(),
            review: review.clone(),
            touches: (dates, reviewed),
        });
        state.notice = Some(format!("{notice}: saving…"));
        let base = Arc::clone(&state.data.dataset);
        let dataset_version = state.data.version;
        let events = self.events.0.clone();
        let ctx = self.ctx.clone();
        let latest = Arc::clone(&self.latest_correction);
        latest.store(generation, Ordering::SeqCst);
        let one_at_a_time = Arc::clone(&self.saving);
        let work = move || {
            // Changes are saved one at a time, and one that a later change (which includes
            // it) has overtaken is not saved at all: the files always end up with the latest.
            let _saving = one_at_a_time
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if latest.load(Ordering::SeqCst) != generation {
                return;
            }
            let saved = (|| {
                let mut backups = Vec::new();
                if dates {
                    backups.extend(overrides.save(&folder)?);
                }
                if reviewed {
                    backups.extend(review.save(&folder)?);
                }
                Ok::<_, crate::dataset::sidecar::SidecarError>(backups)
            })();
            let (result, backup) = match saved {
                Err(e) => (Err(e.to_string()), Vec::new()),
                Ok(backup) => {
                    let mut dataset = Dataset::clone(&base);
                    drop(base);
                    dataset.apply_corrections(overrides, review);
                    let index = DatasetIndex::new(&dataset);
                    (Ok((dataset, index)), backup)
                }
            };
            let regrouped = Regrouped {
                generation,
                dataset_version,
                notice,
                dates,
                result,
                backup,
            };
            // The receiver is gone when the app closed meanwhile: nothing to tell.
            let _ = events.send(Event::Regrouped(Box::new(regrouped)));
            ctx.request_repaint();
        };
        if let Err(e) = std::thread::Builder::new()
            .name("armsflow-regroup".into())
            .spawn(work)
        {
            self.state.regrouping = None;
            self.state.notice = Some(format!("Not saved: cannot start the work: {e}"));
        }
    }

    /// Shows the dataset a change gave, unless a later change or another load has
    /// superseded it. The selection follows its reports (regrouping renumbers transfers).
    pub(super) fn finish_regroup(&mut self, regrouped: Regrouped) {
        let state = &mut self.state;
        let latest = state
            .regrouping
            .as_ref()
            .is_some_and(|r| r.generation == regrouped.generation);
        if !latest || regrouped.dataset_version != state.data.version {
            return;
        }
        state.regrouping = None;
        let (dataset, index) = match regrouped.result {
            Ok(done) => done,
            Err(e) => {
                let what = if regrouped.dates { "Date" } else { "Review" };
                state.notice = Some(format!("{what} not saved: {e}"));
                state.warnings.push(e);
                return;
            }
        };
        for backup in regrouped.backup {
            state.warnings.push(format!(
                "The damaged file was set aside as {} before saving yours",
                backup.display()
            ));
        }
        let report_key = |r: &Report| (r.article.clone(), r.evidence.first().map(|e| e.start));
        let selected: BTreeSet<_> = state
            .selection
            .transfers
            .iter()
            .filter_map(|&i| state.data.dataset.transfers.get(i))
            .flat_map(|t| t.reports.iter().map(report_key))
            .collect();
        let held = state.hold();
        state.data.replace(dataset, index);
        state.rehome(held);
        state.selection.transfers = state
            .data
            .dataset
            .transfers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.reports.iter().any(|r| selected.contains(&report_key(r))))
            .map(|(i, _)| i)
            .collect();
        if regrouped.dates {
            state.date_edit = None;
        }
        state.refilter();
        state.notice = Some(regrouped.notice);
    }
}
