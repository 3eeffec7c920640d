use super::{Dataset, Overrides, Report, SCHEMA, group_reports};
use crate::corpus::{
    Article, FileStamp, LoadError, LoadOptions, LoadProgress, Problem, ProblemKind,
    number_articles, read_each, read_file, scan_folder,
};
use crate::dates::article_date;
use crate::extract::Extractor;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;

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
    rebuild_dataset(folder, None, extractor, options, progress)
}

/// [`build_dataset`], keeping what `previous` (an earlier load of the same folder) read from
/// files that have not changed since (same size and modification time): only new and
/// changed files are read and extracted again, then every report is dated and grouped anew.
/// Files found unchanged are counted in `progress.unchanged`.
///
/// Each file is read and extracted in one step, so its raw bytes are dropped as soon as its
/// text is cleaned, and the progress counts the whole work, not just the reading.
pub fn rebuild_dataset(
    folder: &Path,
    previous: Option<&Dataset>,
    extractor: &Extractor,
    options: &LoadOptions,
    progress: &Arc<LoadProgress>,
) -> Result<Dataset, BuildError> {
    let scan = scan_folder(folder, progress)?;
    let mut problems = scan.problems;
    let kept = previous.map(Kept::new).unwrap_or_default();
    let results = read_each(folder, &scan.files, progress, |path, rel| {
        if let Some(found) = kept.unchanged(path, rel, options) {
            progress.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok((found, true));
        }
        let article = read_file(path, rel, options)?;
        let reports = extractor.extract(&article);
        Ok(((article, reports), false))
    });
    let mut articles = Vec::with_capacity(results.len());
    let mut per_article = Vec::with_capacity(results.len());
    let mut unchanged = Vec::with_capacity(results.len());
    for result in results.into_iter().flatten() {
        match result {
            Ok(((article, reports), same)) => {
                articles.push(article);
                per_article.push(reports);
                unchanged.push(same);
            }
            Err(problem) => problems.push(problem),
        }
    }
    number_articles(&mut articles);
    let mut reports = Vec::new();
    for (article, mut found) in articles.iter().zip(per_article) {
        for r in &mut found {
            r.set_article(&article.id);
        }
        reports.append(&mut found);
    }
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    let overrides = Overrides::load(folder).unwrap_or_else(|e| {
        problems.push(Problem {
            path: super::OVERRIDES_FILE.to_owned(),
            reason: e.to_string(),
            kind: ProblemKind::Unreadable,
        });
        Overrides::default()
    });
    // An unchanged article keeps its date unless its correction changed: estimating a date
    // reads the whole text, the biggest cost of a refresh after the walk.
    let dated: Vec<bool> = articles
        .iter()
        .zip(&unchanged)
        .map(|(a, &same)| {
            same && previous.is_some_and(|p| {
                p.overrides.article_date(&a.path) == overrides.article_date(&a.path)
            })
        })
        .collect();
    let mut dataset = Dataset {
        schema: SCHEMA.to_owned(),
        articles,
        transfers: Vec::new(),
        problems,
        overrides,
    };
    dataset.assemble(reports, &dated);
    Ok(dataset)
}

/// What an earlier load read, by file: the article and its reports (dated, but
/// dating again: dating and attribution are redone from what the sentence says), to be kept
/// when the file has not changed.
#[derive(Default)]
struct Kept<'a> {
    by_path: HashMap<&'a str, (&'a Article, Vec<&'a Report>)>,
}

impl<'a> Kept<'a> {
    fn new(previous: &'a Dataset) -> Self {
        let mut by_id: HashMap<&str, (&Article, Vec<&Report>)> = previous
            .articles
            .iter()
            .map(|a| (a.id.as_str(), (a, Vec::new())))
            .collect();
        for r in previous.reports() {
            if let Some((_, reports)) = by_id.get_mut(r.article.as_str()) {
                reports.push(r);
            }
        }
        Self {
            by_path: by_id
                .into_values()
                .map(|(a, reports)| (a.path.as_str(), (a, reports)))
                .collect(),
        }
    }

    /// The kept article at `rel` and its reports, when the file at `path` still has the
    /// stamp it was read with and is within the size limit.
    fn unchanged(
        &self,
        path: &Path,
        rel: &str,
        options: &LoadOptions,
    ) -> Option<(Article, Vec<Report>)> {
        let (article, reports) = self.by_path.get(rel)?;
        let stamp = FileStamp::of(path).ok()?;
        if article.stamp != Some(stamp) || stamp.len > options.max_file_bytes {
            return None;
        }
        let reports = reports.iter().map(|&r| r.clone()).collect();
        Some(((*article).clone(), reports))
    }
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
        dataset.assemble(reports, &[]);
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
        self.assemble(reports, &[]);
    }

    /// Dates the articles and their reports, and attributes the reports (but for the
    /// articles marked in `dated`, whose date stands and whose reports were dated with it),
    /// and groups the reports into transfers.
    fn assemble(&mut self, mut reports: Vec<Report>, dated: &[bool]) {
        let overrides = &self.overrides;
        self.articles
            .par_iter_mut()
            .enumerate()
            .filter(|(i, _)| !dated.get(*i).copied().unwrap_or(false))
            .for_each(|(_, a)| a.date = article_date(a, overrides.article_date(&a.path)));
        let position: BTreeMap<&str, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let article_of = |r: &Report| position.get(r.article.as_str()).copied();
        // Grouping walks the reports in article order, then text order.
        // Keys computed once per report: a lookup per comparison was most of a refresh.
        reports
            .sort_by_cached_key(|r| (article_of(r), r.evidence.first().map(|e| (e.start, e.end))));
        reports.par_iter_mut().for_each(|r| {
            let i = article_of(r);
            // A report of an article whose date stands was dated against that same date.
            if i.is_some_and(|i| dated.get(i).copied().unwrap_or(false)) {
                return;
            }
            let article: Option<&Article> = i.and_then(|i| self.articles.get(i));
            r.date = r.date.resolve(article.and_then(|a| a.date.as_ref()));
            r.attribute(article.and_then(|a| a.outlet.as_deref()));
        });
        self.transfers = group_reports(reports);
    }
}
