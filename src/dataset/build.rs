use super::{Dataset, Overrides, Report, SCHEMA, group_reports};
use crate::corpus::{
    Article, LoadError, LoadOptions, LoadProgress, Problem, ProblemKind, load_folder,
};
use crate::dates::article_date;
use crate::extract::Extractor;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A folder that cannot be turned into a dataset at all.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The folder cannot be opened.
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// Loads `folder`, extracts every article's reports (in parallel, in a deterministic order:
/// articles by path, reports by position), dates them with the folder's corrections
/// (`.armsflow/overrides.json`) and groups them into transfers. A damaged overrides file is
/// listed as a problem and left untouched; the load goes on without corrections.
pub fn build_dataset(
    folder: &Path,
    extractor: &Extractor,
    options: &LoadOptions,
    progress: &Arc<LoadProgress>,
) -> Result<Dataset, BuildError> {
    let loaded = load_folder(folder, options, progress)?;
    let mut problems = loaded.problems;
    let overrides = Overrides::load(folder).unwrap_or_else(|e| {
        problems.push(Problem {
            path: super::OVERRIDES_FILE.to_owned(),
            reason: e.to_string(),
            kind: ProblemKind::Unreadable,
        });
        Overrides::default()
    });
    let reports: Vec<Report> = loaded
        .articles
        .par_iter()
        .map(|a| extractor.extract(a))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    Ok(Dataset::from_parts(
        loaded.articles,
        reports,
        problems,
        overrides,
    ))
}

impl Dataset {
    /// A dataset from loaded articles (ids set, in path order) and the reports extracted from
    /// them: dated with `overrides` and grouped into transfers, as [`build_dataset`] does.
    pub fn from_parts(
        articles: Vec<Article>,
        reports: Vec<Report>,
        problems: Vec<Problem>,
        overrides: Overrides,
    ) -> Self {
        let mut dataset = Self {
            schema: SCHEMA.to_owned(),
            articles,
            transfers: Vec::new(),
            problems,
            overrides,
        };
        dataset.assemble(reports);
        dataset
    }

    /// Every report of every transfer.
    pub fn reports(&self) -> impl Iterator<Item = &Report> {
        self.transfers.iter().flat_map(|t| &t.reports)
    }

    /// Applies new corrections: re-dates the articles and their reports and regroups the
    /// reports into transfers (a corrected date can join or split transfers). Nothing is
    /// extracted again.
    pub fn apply_overrides(&mut self, overrides: Overrides) {
        self.overrides = overrides;
        let reports: Vec<Report> = std::mem::take(&mut self.transfers)
            .into_iter()
            .flat_map(|t| t.reports)
            .collect();
        self.assemble(reports);
    }

    /// Dates the articles, dates and attributes the reports, and groups them into transfers.
    fn assemble(&mut self, mut reports: Vec<Report>) {
        for a in &mut self.articles {
            a.date = article_date(a, self.overrides.article_date(&a.path));
        }
        let position: BTreeMap<&str, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let article_of = |r: &Report| position.get(r.article.as_str()).copied();
        // Grouping walks the reports in article order, then text order.
        reports.sort_by_key(|r| (article_of(r), r.evidence.first().map(|e| (e.start, e.end))));
        for r in &mut reports {
            let article: Option<&Article> = article_of(r).and_then(|i| self.articles.get(i));
            r.date = r.date.resolve(article.and_then(|a| a.date.as_ref()));
            r.attribute(article.and_then(|a| a.outlet.as_deref()));
        }
        self.transfers = group_reports(reports);
    }
}
