//! The analyst's review of a folder, kept beside it in `.armsflow/review.json` (see
//! [`super::sidecar`]): decisions keyed so that each finds its report again after a reload,
//! a restart or a newer extractor ([`ReportKey`]), and listed as orphaned when their sentence
//! is gone.

use super::Dataset;
use super::sidecar::{SidecarError, SidecarFile};
use crate::model::{Decision, ReportKey, ReviewState, Verdict};
use crate::model::{Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Where the review lives, relative to the opened folder.
pub const REVIEW_FILE: &str = ".armsflow/review.json";

/// Version tag of the review file.
pub const REVIEW_SCHEMA: &str = "armsflow-review/1";

/// Every decision an analyst made about a folder's reports, in the order made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Always [`REVIEW_SCHEMA`].
    pub schema: String,
    /// One decision per report (a later decision about the same report replaces the earlier).
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

impl Default for Review {
    fn default() -> Self {
        Self {
            schema: REVIEW_SCHEMA.to_owned(),
            decisions: Vec::new(),
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

    /// Records `decision`, replacing any earlier decision about the same report.
    pub fn decide(&mut self, decision: Decision) {
        self.decisions.retain(|d| d.key != decision.key);
        self.decisions.push(decision);
    }

    /// Takes back the decision about the report `key`, returning it.
    pub fn undecide(&mut self, key: &ReportKey) -> Option<Decision> {
        let at = self.decisions.iter().position(|d| &d.key == key)?;
        Some(self.decisions.remove(at))
    }

    /// Finds each decision's report in `dataset`.
    pub fn matched<'a>(&'a self, dataset: &Dataset) -> ReviewMatch<'a> {
        let by_key: HashMap<&ReportKey, &Decision> =
            self.decisions.iter().map(|d| (&d.key, d)).collect();
        let paths: HashMap<&str, &str> = dataset
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a.path.as_str()))
            .collect();
        let mut decided = BTreeMap::new();
        for (t, transfer) in dataset.transfers.iter().enumerate() {
            for (r, report) in transfer.reports.iter().enumerate() {
                let key = paths
                    .get(report.article.as_str())
                    .and_then(|path| ReportKey::of(report, path));
                if let Some(decision) = key.and_then(|k| by_key.get(&k)) {
                    decided.insert((t, r), *decision);
                }
            }
        }
        let found: std::collections::HashSet<&ReportKey> =
            decided.values().map(|d| &d.key).collect();
        let orphans = self
            .decisions
            .iter()
            .filter(|d| !found.contains(&d.key))
            .collect();
        ReviewMatch { decided, orphans }
    }
}

/// The review laid over one dataset.
#[derive(Debug, Default)]
pub struct ReviewMatch<'a> {
    /// The decision about each decided report, by (transfer index, report index).
    pub decided: BTreeMap<(usize, usize), &'a Decision>,
    /// Decisions whose report is not in the dataset: its article was edited, moved or
    /// removed, or the extractor no longer reads the sentence that way.
    pub orphans: Vec<&'a Decision>,
}

impl ReviewMatch<'_> {
    /// The review state of report `report` of transfer `transfer`.
    pub fn state(&self, transfer: usize, report: usize) -> ReviewState {
        self.decided
            .get(&(transfer, report))
            .map_or(ReviewState::Machine, |d| d.verdict.state())
    }

    /// The orphaned decisions as problems, each with its content, so none is lost silently.
    pub fn orphan_problems(&self) -> Vec<Problem> {
        self.orphans
            .iter()
            .map(|d| {
                let what = match &d.verdict {
                    Verdict::Accept => "accepted".to_owned(),
                    Verdict::Reject { reason } => match reason {
                        Some(r) => format!("rejected ({r})"),
                        None => "rejected".to_owned(),
                    },
                    Verdict::Edit { .. } => "edited".to_owned(),
                };
                Problem {
                    path: REVIEW_FILE.to_owned(),
                    reason: format!(
                        "orphaned decision: {} → {} in {}, {what}, on the sentence \"{}\", \
                         which the folder no longer has (kept in the file)",
                        d.key.supplier, d.key.recipient, d.key.path, d.sentence
                    ),
                    kind: ProblemKind::Unreadable,
                }
            })
            .collect()
    }
}
