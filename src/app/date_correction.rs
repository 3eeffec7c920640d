use super::{ArmsFlowApp, Event, Regrouped, Regrouping};
use crate::dataset::{Dataset, Report};
use crate::dates::When;
use crate::view::DatasetIndex;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;

impl ArmsFlowApp {
    /// Saves the user's date for an article (or removes it) in the folder's
    /// `.armsflow/overrides.json`, atomically, then re-dates and regroups the reports without
    /// extracting again: all on a background thread, whose [`Event::Regrouped`] the app
    /// applies in [`ArmsFlowApp::finish_regroup`]. Nothing changes when the file cannot be
    /// written: the reason is shown.
    pub(super) fn correct_article_date(&mut self, article: usize, date: Option<&str>) {
        let state = &mut self.state;
        let (Some(folder), Some(a)) = (
            state.data.folder.clone(),
            state.data.dataset.articles.get(article),
        ) else {
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
        // A correction made while the one before is still being applied builds on it.
        let mut overrides = state.regrouping.as_ref().map_or_else(
            || state.data.dataset.overrides.clone(),
            |r| r.overrides.clone(),
        );
        overrides.set_article_date(&path, when);
        let generation = state.regrouping.as_ref().map_or(0, |r| r.generation) + 1;
        state.regrouping = Some(Regrouping {
            generation,
            overrides: overrides.clone(),
        });
        state.notice = Some(format!("{path}: saving your date…"));
        let base = Arc::clone(&state.data.dataset);
        let dataset_version = state.data.version;
        let events = self.events.0.clone();
        let ctx = self.ctx.clone();
        let latest = Arc::clone(&self.latest_correction);
        latest.store(generation, Ordering::SeqCst);
        let one_at_a_time = Arc::clone(&self.saving);
        let work = move || {
            // Corrections are saved one at a time, and one that a later correction (which
            // includes it) has overtaken is not saved at all: the file always ends up with
            // the latest.
            let _saving = one_at_a_time
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if latest.load(Ordering::SeqCst) != generation {
                return;
            }
            let (result, backup) = match overrides.save(&folder) {
                Err(e) => (Err(e.to_string()), None),
                Ok(backup) => {
                    let mut dataset = Dataset::clone(&base);
                    drop(base);
                    dataset.apply_overrides(overrides);
                    let index = DatasetIndex::new(&dataset);
                    (Ok((dataset, index)), backup)
                }
            };
            let regrouped = Regrouped {
                generation,
                dataset_version,
                path,
                when,
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
            self.state.notice = Some(format!("Date not saved: cannot start the work: {e}"));
        }
    }

    /// Shows the dataset a date correction gave, unless a later correction or another load
    /// has superseded it. The selection follows its reports (regrouping renumbers transfers).
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
                state.notice = Some(format!("Date not saved: {e}"));
                state.warnings.push(e);
                return;
            }
        };
        if let Some(backup) = regrouped.backup {
            state.warnings.push(format!(
                "The damaged corrections file was set aside as {} before saving yours",
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
        state.data.replace(dataset, index);
        state.selection.transfers = state
            .data
            .dataset
            .transfers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.reports.iter().any(|r| selected.contains(&report_key(r))))
            .map(|(i, _)| i)
            .collect();
        state.date_edit = None;
        state.refilter();
        let path = regrouped.path;
        state.notice = Some(match regrouped.when {
            Some(w) => format!("{path}: date set to {w} (saved in .armsflow/overrides.json)"),
            None => format!("{path}: your date removed, the article's own date is used again"),
        });
    }
}
