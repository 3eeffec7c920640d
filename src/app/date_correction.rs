use super::ArmsFlowApp;
use crate::dates::When;
use crate::view::DatasetIndex;
use std::collections::BTreeSet;
use std::sync::Arc;

impl ArmsFlowApp {
    /// Saves the user's date for an article (or removes it) in the folder's
    /// `.armsflow/overrides.json`, atomically, then re-dates and regroups the reports without
    /// extracting again. Nothing changes when the file cannot be written: the reason is shown.
    pub(super) fn correct_article_date(&mut self, article: usize, date: Option<&str>) {
        let state = &mut self.state;
        let (Some(folder), Some(a)) = (state.folder.clone(), state.dataset.articles.get(article))
        else {
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
        let mut overrides = state.dataset.overrides.clone();
        overrides.set_article_date(&path, when);
        match overrides.save(&folder) {
            Err(e) => {
                state.notice = Some(format!("Date not saved: {e}"));
                state.warnings.push(e.to_string());
                return;
            }
            Ok(Some(backup)) => state.warnings.push(format!(
                "The damaged corrections file was set aside as {} before saving yours",
                backup.display()
            )),
            Ok(None) => {}
        }
        // Regrouping renumbers transfers: the selection follows its reports, known by
        // article and first sentence.
        let report_key =
            |r: &crate::dataset::Report| (r.article.clone(), r.evidence.first().map(|e| e.start));
        let selected: BTreeSet<_> = state
            .selection
            .transfers
            .iter()
            .filter_map(|&i| state.dataset.transfers.get(i))
            .flat_map(|t| t.reports.iter().map(report_key))
            .collect();
        let dataset = Arc::make_mut(&mut state.dataset);
        dataset.apply_overrides(overrides);
        state.index = DatasetIndex::new(&state.dataset);
        state.selection.transfers = state
            .dataset
            .transfers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.reports.iter().any(|r| selected.contains(&report_key(r))))
            .map(|(i, _)| i)
            .collect();
        state.date_edit = None;
        state.refilter();
        state.notice = Some(match when {
            Some(w) => format!("{path}: date set to {w} (saved in .armsflow/overrides.json)"),
            None => format!("{path}: your date removed, the article's own date is used again"),
        });
    }
}
