use super::grouping::{GroupKey, Place, group_key, regroup, walk_key};
use super::{Dataset, Overrides, REVIEW_FILE, Report, Review, SCHEMA, Transfer};
use crate::corpus::{
    Article, FileStamp, LoadError, LoadOptions, LoadProgress, Problem, ProblemKind, read_each,
    read_file, scan_folder,
};
use crate::dates::article_date;
use crate::extract::Extractor;
use crate::model::article_id;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
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
/// changed files are read and extracted again, and only the reports of the (supplier,
/// recipient, category) those files touch are grouped again; the other transfers are kept.
/// The result is the same as a full load's. Files found unchanged are counted in
/// `progress.unchanged`.
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
    // An unchanged file gives its article as read before (reports are taken from `previous`
    // below); a new or changed one is read and extracted.
    let results = read_each(folder, &scan.files, progress, |path, rel| {
        if let Some(article) = kept.unchanged(path, rel, options) {
            progress.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok((article, None));
        }
        let article = read_file(path, rel, options)?;
        let reports = extractor.extract(&article);
        Ok((article, Some(reports)))
    });
    let mut articles = Vec::with_capacity(results.len());
    let mut extracted = Vec::with_capacity(results.len());
    for result in results.into_iter().flatten() {
        match result {
            Ok((article, reports)) => {
                articles.push(article);
                extracted.push(reports);
            }
            Err(problem) => problems.push(problem),
        }
    }
    make_ids_unique(&mut articles, &mut extracted);
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    let overrides = Overrides::load(folder).unwrap_or_else(|e| {
        problems.push(Problem {
            path: super::OVERRIDES_FILE.to_owned(),
            reason: e.to_string(),
            kind: ProblemKind::Unreadable,
        });
        Overrides::default()
    });
    let review = Review::load(folder).unwrap_or_else(|e| {
        problems.push(Problem {
            path: REVIEW_FILE.to_owned(),
            reason: e.to_string(),
            kind: ProblemKind::Unreadable,
        });
        Review::default()
    });
    let paths: HashSet<&str> = articles.iter().map(|a| a.path.as_str()).collect();
    for path in overrides.article_dates.keys() {
        if !paths.contains(path.as_str()) {
            problems.push(Problem {
                path: super::OVERRIDES_FILE.to_owned(),
                reason: format!(
                    "the date correction of {path} names no article of the folder (moved, \
                     renamed or deleted?): kept in the file, used again if it comes back"
                ),
                kind: ProblemKind::Unreadable,
            });
        }
    }
    for (path, date) in overrides.invalid_dates() {
        problems.push(Problem {
            path: super::OVERRIDES_FILE.to_owned(),
            reason: format!(
                "the date correction of {path}, {date:?}, is not a date (use 2023, 2023-04 or \
                 2023-04-05): not applied, and left in the file as it is"
            ),
            kind: ProblemKind::Unreadable,
        });
    }
    // An unchanged article keeps its date unless its correction changed: estimating a date
    // reads the whole text, the biggest cost of a refresh after the walk.
    let dated: Vec<bool> = articles
        .iter()
        .zip(&extracted)
        .map(|(a, reports)| {
            reports.is_none()
                && previous.is_some_and(|p| {
                    p.overrides.article_date(&a.path) == overrides.article_date(&a.path)
                })
        })
        .collect();
    // Kept articles (by id), and whether their date stands.
    let kept_articles: HashMap<&str, bool> = articles
        .iter()
        .zip(&extracted)
        .zip(&dated)
        .filter(|((_, reports), _)| reports.is_none())
        .map(|((a, _), &dated)| (a.id.as_str(), dated))
        .collect();
    // Extraction gave the reports their articles' ids.
    let mut reports: Vec<Report> = extracted.into_iter().flatten().flatten().collect();
    let reused = previous.map_or_else(Vec::new, |previous| {
        carry_over(previous, &kept_articles, &review, &mut reports)
    });
    let mut dataset = Dataset {
        schema: SCHEMA.to_owned(),
        articles,
        transfers: Vec::new(),
        problems,
        overrides,
        review,
        register: None,
        register_summary: None,
    };
    dataset.assemble(reports, &dated, reused);
    // A refresh keeps checking against the register the folder was checked against.
    dataset.set_register(previous.and_then(|p| p.register.clone()));
    Ok(dataset)
}

/// Takes over what `previous` grouped: the transfers of every (supplier, recipient,
/// category) that no new, changed, re-dated or removed article has a report of are returned
/// whole; the kept articles' reports of the other keys are added to `reports` to be grouped
/// again. `kept` holds the kept articles' ids (the same as before: ids come from paths), and
/// whether each one's date stands. A review other than the previous load's, or one that
/// merges transfers, touches every key; the analyst's added reports touch theirs.
fn carry_over(
    previous: &Dataset,
    kept: &HashMap<&str, bool>,
    review: &Review,
    reports: &mut Vec<Report>,
) -> Vec<Transfer> {
    // Only the keys a change touches need grouping again.
    let key = |r: &Report| group_key(&r.supplier, &r.recipient, r.category);
    let mut touched: HashSet<GroupKey> = reports.iter().map(key).collect();
    let everything = previous.review != *review || review.has_merges();
    for r in previous.reports() {
        if everything || !kept.get(r.article.as_str()).is_some_and(|&dated| dated) {
            touched.insert(key(r));
        }
    }
    touched.extend(
        review
            .added
            .iter()
            .map(|a| group_key(&a.supplier, &a.recipient, a.category)),
    );
    // Copying the kept transfers is most of a refresh's work: done on every core.
    let carried: Vec<(Option<Transfer>, Vec<Report>)> = previous
        .transfers
        .par_iter()
        .map(|t| {
            if touched.contains(&group_key(&t.supplier, &t.recipient, t.category)) {
                let again = t
                    .reports
                    .iter()
                    .filter(|r| kept.contains_key(r.article.as_str()))
                    .cloned()
                    .collect();
                return (None, again);
            }
            // Every report of an untouched transfer is of a kept article whose date stands.
            (Some(t.clone()), Vec::new())
        })
        .collect();
    let mut reused = Vec::new();
    for (kept, mut again) in carried {
        reused.extend(kept);
        reports.append(&mut again);
    }
    reused
}

/// Gives an article whose id another article (earlier in path order) already has an id of
/// its own, and points its reports at it. Ids come from a 64-bit hash of the path, so this
/// almost never runs; when it does, the result is still the same in every load.
fn make_ids_unique(articles: &mut [Article], extracted: &mut [Option<Vec<Report>>]) {
    let mut seen: HashSet<String> = HashSet::with_capacity(articles.len());
    for (article, reports) in articles.iter_mut().zip(extracted.iter_mut()) {
        let mut n = 1;
        while !seen.insert(article.id.clone()) {
            n += 1;
            article.id = article_id(&format!("{}#{n}", article.path));
        }
        if n > 1 {
            for r in reports.iter_mut().flatten() {
                r.set_article(&article.id);
            }
        }
    }
}

/// The articles an earlier load read, by path, to be kept when their file has not changed.
#[derive(Default)]
struct Kept<'a> {
    by_path: HashMap<&'a str, &'a Article>,
}

impl<'a> Kept<'a> {
    fn new(previous: &'a Dataset) -> Self {
        Self {
            by_path: previous
                .articles
                .iter()
                .map(|a| (a.path.as_str(), a))
                .collect(),
        }
    }

    /// The kept article at `rel`, when the file at `path` still has the stamp it was read
    /// with and is within the size limit.
    fn unchanged(&self, path: &Path, rel: &str, options: &LoadOptions) -> Option<Article> {
        let article = self.by_path.get(rel)?;
        let stamp = FileStamp::of(path).ok()?;
        if article.stamp != Some(stamp) || stamp.len > options.max_file_bytes {
            return None;
        }
        Some((*article).clone())
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
            review: Review::default(),
            register: None,
            register_summary: None,
        };
        dataset.assemble(reports, &[], Vec::new());
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
        let review = std::mem::take(&mut self.review);
        self.apply_corrections(overrides, review);
    }

    /// Applies the user's date corrections and review: re-dates the articles and their
    /// reports, lays the review over them (listing orphaned decisions under problems, in
    /// place of the earlier review's) and regroups the reports into transfers. Nothing is
    /// extracted again.
    pub fn apply_corrections(&mut self, overrides: Overrides, review: Review) {
        // When only the review changed, every date stands: nothing is dated again.
        let dated = vec![overrides == self.overrides; self.articles.len()];
        self.overrides = overrides;
        self.review = review;
        let reports: Vec<Report> = std::mem::take(&mut self.transfers)
            .into_iter()
            .flat_map(|t| t.reports)
            .collect();
        self.assemble(reports, &dated, Vec::new());
    }

    /// Dates the articles and their reports, and attributes the reports (but for the
    /// articles marked in `dated`, whose date stands and whose reports were dated with it),
    /// and groups the reports into transfers, numbered together with `kept` (transfers of an
    /// earlier grouping that no report here belongs with, see [`carry_over`]).
    fn assemble(&mut self, mut reports: Vec<Report>, dated: &[bool], kept: Vec<Transfer>) {
        // The machine's values (and dates) come back before the reports are dated again.
        super::review::reset(&mut reports);
        let overrides = &self.overrides;
        let is_dated = |i: usize| dated.get(i).copied().unwrap_or(false);
        self.articles
            .par_iter_mut()
            .enumerate()
            .filter(|&(i, _)| !is_dated(i))
            .for_each(|(_, a)| a.date = article_date(a, overrides.article_date(&a.path)));
        let position: HashMap<&str, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let article_of = |r: &Report| position.get(r.article.as_str()).copied();
        reports.par_iter_mut().for_each(|r| {
            let i = article_of(r);
            // A report of an article whose date stands was dated against that same date.
            if i.is_some_and(is_dated) {
                return;
            }
            let article: Option<&Article> = i.and_then(|i| self.articles.get(i));
            r.date = r.date.resolve(article.and_then(|a| a.date.as_ref()));
            r.attribute(article.and_then(|a| a.outlet.as_deref()));
        });
        let orphans = lay_review(&self.review, &self.articles, &position, &mut reports, &kept);
        self.problems.retain(|p| p.kind != ProblemKind::Orphaned);
        self.problems.extend(orphans);
        // Grouping walks the reports by date, then article order, then text order.
        let place = |r: &Report| -> Place {
            let (start, end) = r.evidence.first().map_or((0, 0), |e| (e.start, e.end));
            (article_of(r).unwrap_or(usize::MAX), start, end, r.order)
        };
        let reports = reports
            .into_iter()
            .map(|r| (walk_key(&r, place(&r)), r))
            .collect();
        let kept = kept
            .into_iter()
            .filter_map(|t| {
                let first = t.reports.iter().map(|r| walk_key(r, place(r))).min()?;
                Some((first, t))
            })
            .collect();
        self.transfers = regroup(reports, kept);
        self.check_register();
    }
}

/// Lays `review` over `reports` (see [`Review::apply_beside`]; the `kept` transfers have it
/// already) and dates and attributes the reports it adds; returns its problems (orphaned
/// decisions). `position` finds an article by id.
fn lay_review(
    review: &Review,
    articles: &[Article],
    position: &HashMap<&str, usize>,
    reports: &mut Vec<Report>,
    kept: &[Transfer],
) -> Vec<Problem> {
    let orphans = review.apply_beside(reports, kept, articles);
    for r in reports.iter_mut().filter(|r| r.review.added.is_some()) {
        let article = position
            .get(r.article.as_str())
            .and_then(|&i| articles.get(i));
        if r.date.basis.is_none() {
            r.date = r.date.resolve(article.and_then(|a| a.date.as_ref()));
        }
        r.attribute(article.and_then(|a| a.outlet.as_deref()));
    }
    orphans
}
