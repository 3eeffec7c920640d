//! The analyst's review of a folder, kept beside it in `.armsflow/review.json` (see
//! [`super::sidecar`]): decisions keyed so that each finds its report again after a reload,
//! a restart or a newer extractor ([`ReportKey`]), reports the analyst added, and the
//! decisions whose sentence is gone, listed as orphaned.

use super::sidecar::{SidecarError, SidecarFile};
use crate::model::{AddedReport, Article, Decision, Report, ReportKey, sentence_number};
use crate::model::{Problem, ProblemKind};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
// Ids, paths and fingerprints are not chosen by an attacker: a fast hash will do.
use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

/// Where the review lives, relative to the opened folder.
pub const REVIEW_FILE: &str = ".armsflow/review.json";

/// Version tag of the review file.
pub const REVIEW_SCHEMA: &str = "armsflow-review/1";

/// Every decision an analyst made about a folder's reports, and the reports they added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Always [`REVIEW_SCHEMA`].
    pub schema: String,
    /// One decision per report, in the order first made.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Reports the extractor missed, in the order added.
    #[serde(default)]
    pub added: Vec<AddedReport>,
}

impl Default for Review {
    fn default() -> Self {
        Self {
            schema: REVIEW_SCHEMA.to_owned(),
            decisions: Vec::new(),
            added: Vec::new(),
        }
    }
}

impl SidecarFile for Review {
    const FILE: &'static str = REVIEW_FILE;
    const SCHEMA: &'static str = REVIEW_SCHEMA;
    const WHAT: &'static str = "your review";

    fn schema(&self) -> &str {
        &self.schema
    }
}

impl Review {
    /// Reads the review of `folder`: empty when there is none.
    pub fn load(folder: &Path) -> Result<Self, SidecarError> {
        super::sidecar::load(folder)
    }

    /// Writes the review of `folder` atomically; returns where a damaged file was set aside,
    /// if one was.
    pub fn save(&self, folder: &Path) -> Result<Option<PathBuf>, SidecarError> {
        super::sidecar::save(self, folder)
    }

    /// Whether it decides and adds nothing.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty() && self.added.is_empty()
    }

    /// The decision about the report `key`.
    pub fn decision(&self, key: &ReportKey) -> Option<&Decision> {
        self.decisions.iter().find(|d| &d.key == key)
    }

    /// Sets (or with `None` takes back) the decision about the report `key`, returning the
    /// one it replaces. A decision that keeps nothing is not stored.
    pub fn set_decision(
        &mut self,
        key: &ReportKey,
        decision: Option<Decision>,
    ) -> Option<Decision> {
        let at = self.decisions.iter().position(|d| &d.key == key);
        set_at(&mut self.decisions, at, decision.filter(|d| !d.is_empty()))
    }

    /// The added report with id `id`.
    pub fn added(&self, id: &str) -> Option<&AddedReport> {
        self.added.iter().find(|a| a.id == id)
    }

    /// Sets (or with `None` removes) the added report `id`, returning the one it replaces.
    pub fn set_added(&mut self, id: &str, added: Option<AddedReport>) -> Option<AddedReport> {
        let at = self.added.iter().position(|a| a.id == id);
        set_at(&mut self.added, at, added)
    }

    /// An id no added report has yet: `add-N`, one more than the highest.
    pub fn next_added_id(&self) -> String {
        let highest = self
            .added
            .iter()
            .filter_map(|a| a.id.strip_prefix("add-")?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("add-{}", highest + 1)
    }

    /// Whether any decision merges transfers (merging needs every report grouped again).
    pub fn has_merges(&self) -> bool {
        self.decisions.iter().any(|d| d.merge_with.is_some())
    }

    /// Adds the analyst's reports to `reports`; returns a problem for each one whose words
    /// its article no longer has.
    fn add_reports(&self, reports: &mut Vec<Report>, articles: &[Article]) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.added.is_empty() {
            return problems;
        }
        let by_path: HashMap<&str, &Article> =
            articles.iter().map(|a| (a.path.as_str(), a)).collect();
        for added in &self.added {
            let article = by_path.get(added.path.as_str());
            match article.and_then(|a| added.report(&a.id, &a.text)) {
                Some(report) => reports.push(report),
                None => problems.push(orphan(&format!(
                    "added report {} → {} ({}) in {}, on the words \"{}\"",
                    added.supplier.name,
                    added.recipient.name,
                    added.item,
                    added.path,
                    added.sentence
                ))),
            }
        }
        problems
    }

    /// Lays the review over `reports` (the reports of `articles`): first takes back what an
    /// earlier review laid there ([`reset`]), then adds the analyst's reports, then lays each
    /// decision on the report it is about. Returns a problem for each decision or added
    /// report that finds nothing (orphaned, with its content), so none is lost silently.
    pub fn apply(&self, reports: &mut Vec<Report>, articles: &[Article]) -> Vec<Problem> {
        self.apply_beside(reports, &[], articles)
    }

    /// [`Review::apply`] to `reports` when the transfers `kept` (carried over from an
    /// earlier load with this same review laid on them, see `build.rs`) hold the other
    /// reports: a decision about one of theirs is not orphaned.
    pub fn apply_beside(
        &self,
        reports: &mut Vec<Report>,
        kept: &[crate::dataset::Transfer],
        articles: &[Article],
    ) -> Vec<Problem> {
        reset(reports);
        if self.is_empty() {
            return Vec::new();
        }
        let mut problems = self.add_reports(reports, articles);
        // The reports wanted: each decision's, then each merge's other report.
        let mut wanted: Vec<&ReportKey> = self.decisions.iter().map(|d| &d.key).collect();
        wanted.extend(self.decisions.iter().filter_map(|d| d.merge_with.as_ref()));
        let paths = PathsById::new(articles);
        let found = find_reports(&wanted, &reports.iter().collect::<Vec<_>>(), &paths);
        let elsewhere = found_beside(&wanted, &found, kept, &paths);
        for (w, (d, at)) in self.decisions.iter().zip(&found).enumerate() {
            match at {
                Some(i) => d.apply_to(&mut reports[*i]),
                None if elsewhere[w] => {}
                None => problems.push(orphan(&format!(
                    "{} decision about {}, on the sentence \"{}\"",
                    d.describe(),
                    key_in_words(&d.key),
                    d.sentence
                ))),
            }
        }
        let (merges, lost) = self.merges(&found);
        problems.extend(lost);
        for (report, set) in merge_sets(&merges) {
            reports[report].review.merged = Some(set);
        }
        problems
    }

    /// The merges between reports found (pairs of report indices), and a problem for each
    /// merge whose other report is gone. `found` is [`find_reports`]'s answer for the
    /// decisions' keys followed by their merges' other keys.
    fn merges(&self, found: &[Option<usize>]) -> (Vec<(usize, usize)>, Vec<Problem>) {
        let mut targets = found[self.decisions.len()..].iter();
        let (mut merges, mut lost) = (Vec::new(), Vec::new());
        for (d, at) in self.decisions.iter().zip(found) {
            if d.merge_with.is_none() {
                continue;
            }
            match (at, targets.next().copied().flatten()) {
                (Some(a), Some(b)) => merges.push((*a, b)),
                (Some(_), None) => lost.push(orphan(&format!(
                    "merge of {} with a report",
                    key_in_words(&d.key)
                ))),
                (None, _) => {}
            }
        }
        (merges, lost)
    }
}

/// Puts `value` at `at` in `list` (or appends it when `at` is `None`), or with `None`
/// removes what is at `at`; returns what was there.
fn set_at<T>(list: &mut Vec<T>, at: Option<usize>, value: Option<T>) -> Option<T> {
    match (at, value) {
        (Some(i), Some(v)) => Some(std::mem::replace(&mut list[i], v)),
        (Some(i), None) => Some(list.remove(i)),
        (None, Some(v)) => {
            list.push(v);
            None
        }
        (None, None) => None,
    }
}

/// Takes back what a review laid on `reports`: drops the analyst's added reports and puts
/// the extractor's values back into edited ones.
pub fn reset(reports: &mut Vec<Report>) {
    reports.retain(|r| r.review.added.is_none());
    for r in reports.iter_mut() {
        if let Some(machine) = r.review.machine.take() {
            machine.restore(r);
        }
        r.review = Default::default();
    }
}

/// A problem for a decision that finds no report.
fn orphan(what: &str) -> Problem {
    Problem {
        path: REVIEW_FILE.to_owned(),
        reason: format!(
            "orphaned: the {what}, which the folder no longer has (its article was edited, \
             moved or removed): kept in the file"
        ),
        kind: ProblemKind::Orphaned,
    }
}

/// The articles' paths by id.
struct PathsById<'a>(HashMap<&'a str, &'a str>);

impl<'a> PathsById<'a> {
    fn new(articles: &'a [Article]) -> Self {
        Self(
            articles
                .iter()
                .map(|a| (a.id.as_str(), a.path.as_str()))
                .collect(),
        )
    }

    /// The path of `report`'s article.
    fn of(&self, report: &Report) -> Option<&'a str> {
        self.0.get(report.article.as_str()).copied()
    }
}

/// "RU → UA in news/a.txt", or "the added report add-1 in news/b.txt".
fn key_in_words(key: &ReportKey) -> String {
    if key.supplier.is_empty() {
        format!("the added report {} in {}", key.sentence, key.path)
    } else {
        format!("{} → {} in {}", key.supplier, key.recipient, key.path)
    }
}

/// For each of the `wanted` reports not `found`, whether one of the `kept` transfers has it.
fn found_beside(
    wanted: &[&ReportKey],
    found: &[Option<usize>],
    kept: &[crate::dataset::Transfer],
    paths: &PathsById<'_>,
) -> Vec<bool> {
    let mut elsewhere = vec![false; wanted.len()];
    let missing: Vec<usize> = (0..wanted.len()).filter(|&w| found[w].is_none()).collect();
    if kept.is_empty() || missing.is_empty() {
        return elsewhere;
    }
    let keys: Vec<&ReportKey> = missing.iter().map(|&w| wanted[w]).collect();
    let reports: Vec<&Report> = kept.iter().flat_map(|t| &t.reports).collect();
    for (&w, at) in missing.iter().zip(find_reports(&keys, &reports, paths)) {
        elsewhere[w] = at.is_some();
    }
    elsewhere
}

/// Where each of the `wanted` reports is in `reports` (their articles' paths in `paths`):
/// reports are first matched by a fingerprint of their article, pair and category, and only
/// those that match have their sentence hashed.
fn find_reports(
    wanted: &[&ReportKey],
    reports: &[&Report],
    paths: &PathsById<'_>,
) -> Vec<Option<usize>> {
    let mut by_coarse: HashMap<u64, Vec<usize>> = HashMap::default();
    for (w, key) in wanted.iter().enumerate() {
        by_coarse
            .entry(key.coarse_fingerprint())
            .or_default()
            .push(w);
    }
    let matches: Vec<(usize, usize)> = reports
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, report)| {
            let hits = paths.of(report).and_then(|p| {
                let candidates = by_coarse.get(&ReportKey::coarse_fingerprint_of(report, p))?;
                let sentence = sentence_number(&report.evidence.first()?.sentence);
                Some(
                    candidates
                        .iter()
                        .filter(|&&w| wanted[w].names(report, p, sentence))
                        .map(|&w| (w, i))
                        .collect::<Vec<_>>(),
                )
            });
            hits.unwrap_or_default()
        })
        .collect();
    let mut found = vec![None; wanted.len()];
    for (w, i) in matches {
        found[w].get_or_insert(i);
    }
    found
}

/// The merged sets: union-find over the `merges` (pairs of report indices); each report in
/// a set of two or more gets the set's number (its lowest report index).
fn merge_sets(merges: &[(usize, usize)]) -> Vec<(usize, u32)> {
    let mut parent: HashMap<usize, usize> = HashMap::default();
    fn root(parent: &mut HashMap<usize, usize>, i: usize) -> usize {
        let mut r = i;
        while let Some(&p) = parent.get(&r).filter(|&&p| p != r) {
            r = p;
        }
        parent.insert(i, r);
        r
    }
    for &(a, b) in merges {
        parent.entry(a).or_insert(a);
        parent.entry(b).or_insert(b);
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent.insert(ra.max(rb), ra.min(rb));
    }
    let members: Vec<usize> = parent.keys().copied().collect();
    let mut out: Vec<(usize, u32)> = members
        .into_iter()
        .map(|i| (i, root(&mut parent, i) as u32))
        .collect();
    out.sort_unstable();
    out
}
