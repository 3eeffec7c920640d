//! The analyst's review of a folder, kept beside it in `.armsflow/review.json` (see
//! [`super::sidecar`]): decisions keyed so that each finds its report again after a reload,
//! a restart or a newer extractor ([`ReportKey`]), reports the analyst added, and the
//! decisions whose sentence is gone, listed as orphaned.

use super::sidecar::{SidecarError, SidecarFile};
use crate::model::{AddedReport, Article, Decision, Report, ReportKey};
use crate::model::{Problem, ProblemKind};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
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
        let decision = decision.filter(|d| !d.is_empty());
        match (at, decision) {
            (Some(i), Some(d)) => Some(std::mem::replace(&mut self.decisions[i], d)),
            (Some(i), None) => Some(self.decisions.remove(i)),
            (None, Some(d)) => {
                self.decisions.push(d);
                None
            }
            (None, None) => None,
        }
    }

    /// The added report with id `id`.
    pub fn added(&self, id: &str) -> Option<&AddedReport> {
        self.added.iter().find(|a| a.id == id)
    }

    /// Sets (or with `None` removes) the added report `id`, returning the one it replaces.
    pub fn set_added(&mut self, id: &str, added: Option<AddedReport>) -> Option<AddedReport> {
        let at = self.added.iter().position(|a| a.id == id);
        match (at, added) {
            (Some(i), Some(a)) => Some(std::mem::replace(&mut self.added[i], a)),
            (Some(i), None) => Some(self.added.remove(i)),
            (None, Some(a)) => {
                self.added.push(a);
                None
            }
            (None, None) => None,
        }
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

    /// Lays the review over `reports` (the reports of `articles`): first takes back what an
    /// earlier review laid there ([`reset`]), then adds the analyst's reports, then lays each
    /// decision on the report it is about. Returns a problem for each decision or added
    /// report that finds nothing (orphaned, with its content), so none is lost silently.
    pub fn apply(&self, reports: &mut Vec<Report>, articles: &[Article]) -> Vec<Problem> {
        reset(reports);
        if self.is_empty() {
            return Vec::new();
        }
        let mut problems = Vec::new();
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
        let paths: HashMap<&str, &str> = articles
            .iter()
            .map(|a| (a.id.as_str(), a.path.as_str()))
            .collect();
        let keys: Vec<Option<ReportKey>> = reports
            .par_iter()
            .map(|r| ReportKey::of(r, paths.get(r.article.as_str())?))
            .collect();
        let by_key: HashMap<&ReportKey, &Decision> =
            self.decisions.iter().map(|d| (&d.key, d)).collect();
        let mut found: HashSet<&ReportKey> = HashSet::new();
        for (report, key) in reports.iter_mut().zip(&keys) {
            if let Some(d) = key.as_ref().and_then(|k| by_key.get(k)) {
                d.apply_to(report);
                found.insert(&d.key);
            }
        }
        let all_keys: HashSet<&ReportKey> = keys.iter().flatten().collect();
        let merged = merge_sets(&self.decisions, &all_keys);
        for (report, key) in reports.iter_mut().zip(&keys) {
            report.review.merged = key.as_ref().and_then(|k| merged.get(k)).copied();
        }
        for d in &self.decisions {
            if !found.contains(&d.key) {
                problems.push(orphan(&format!(
                    "{} decision about {} → {} in {}, on the sentence \"{}\"",
                    d.describe(),
                    d.key.supplier,
                    d.key.recipient,
                    d.key.path,
                    d.sentence
                )));
            } else if d.merge_with.as_ref().is_some_and(|k| !all_keys.contains(k)) {
                problems.push(orphan(&format!(
                    "the merge of {} → {} in {} with a report the folder no longer has",
                    d.key.supplier, d.key.recipient, d.key.path
                )));
            }
        }
        problems
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
        kind: ProblemKind::Unreadable,
    }
}

/// The merged sets of reports: each report key that a merge joins with another gets the
/// number of its set (union-find over the decisions' merges between reports present).
fn merge_sets<'a>(
    decisions: &'a [Decision],
    present: &HashSet<&'a ReportKey>,
) -> HashMap<&'a ReportKey, u32> {
    let mut ids: HashMap<&ReportKey, usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut id_of = |k: &'a ReportKey, parent: &mut Vec<usize>| {
        *ids.entry(k).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    for d in decisions {
        let Some(other) = &d.merge_with else { continue };
        if !present.contains(&d.key) || !present.contains(other) {
            continue;
        }
        let (a, b) = (id_of(&d.key, &mut parent), id_of(other, &mut parent));
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    ids.into_iter()
        .map(|(k, i)| (k, root(&mut parent, i) as u32))
        .collect()
}
