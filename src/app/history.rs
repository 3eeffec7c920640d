//! Undo and redo of the user's corrections: date corrections and review decisions, each
//! kept as the values it replaced and the values it set, so that undoing applies the first
//! and redoing the second to whatever the corrections are by then.

use crate::dataset::{Overrides, Review};
use crate::model::{AddedReport, Decision, ReportKey};

/// One undoable change to the user's corrections.
// At most a few hundred are kept, so boxing the larger variants would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// An article's date correction (as typed; `None` for none).
    ArticleDate {
        /// The article's path.
        path: String,
        /// Before.
        before: Option<String>,
        /// After.
        after: Option<String>,
    },
    /// The decision about one report.
    Decision(DecisionChange),
    /// Changes made at once (a transfer's reports, a merge), undone together.
    Batch(Vec<Change>),
    /// A report an analyst added, corrected or removed.
    Added {
        /// Its id in the review file.
        id: String,
        /// Before (`None`: not there).
        before: Option<AddedReport>,
        /// After.
        after: Option<AddedReport>,
    },
}

/// The decision about one report, before and after a change.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionChange {
    /// The report.
    pub key: ReportKey,
    /// Before (`None`: undecided).
    pub before: Option<Decision>,
    /// After.
    pub after: Option<Decision>,
}

impl Change {
    /// Applies the change to the corrections: its "after" values, or with `undo` its
    /// "before" values.
    pub fn apply(&self, overrides: &mut Overrides, review: &mut Review, undo: bool) {
        match self {
            Self::ArticleDate {
                path,
                before,
                after,
            } => match pick(undo, before, after) {
                Some(date) => {
                    overrides.article_dates.insert(path.clone(), date.clone());
                }
                None => {
                    overrides.article_dates.remove(path);
                }
            },
            Self::Decision(c) => {
                review.set_decision(&c.key, pick(undo, &c.before, &c.after).clone());
            }
            Self::Batch(changes) => {
                // Undone in the reverse order, so that a report changed twice ends as before.
                let ordered: Box<dyn Iterator<Item = &Change>> = if undo {
                    Box::new(changes.iter().rev())
                } else {
                    Box::new(changes.iter())
                };
                for c in ordered {
                    c.apply(overrides, review, undo);
                }
            }
            Self::Added { id, before, after } => {
                review.set_added(id, pick(undo, before, after).clone());
            }
        }
    }

    /// The first report whose decision it changes, if any.
    pub fn first_key(&self) -> Option<&ReportKey> {
        match self {
            Self::Decision(c) => Some(&c.key),
            Self::Batch(changes) => changes.iter().find_map(Change::first_key),
            _ => None,
        }
    }

    /// Whether it changes the date corrections (`.armsflow/overrides.json`).
    pub fn touches_dates(&self) -> bool {
        match self {
            Self::ArticleDate { .. } => true,
            Self::Batch(changes) => changes.iter().any(Change::touches_dates),
            _ => false,
        }
    }

    /// Whether it changes the review (`.armsflow/review.json`).
    pub fn touches_review(&self) -> bool {
        match self {
            Self::ArticleDate { .. } => false,
            Self::Batch(changes) => changes.iter().any(Change::touches_review),
            _ => true,
        }
    }
}

/// `before` when undoing, else `after`.
fn pick<'a, T>(undo: bool, before: &'a T, after: &'a T) -> &'a T {
    if undo { before } else { after }
}

/// What can be undone and redone, each with what it was in words ("accept 1 report").
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<(Change, String)>,
    redo: Vec<(Change, String)>,
}

/// How many changes are kept for undoing.
const DEPTH: usize = 500;

impl History {
    /// Records a change just made: it can be undone, and nothing undone can be redone.
    pub fn record(&mut self, change: Change, what: String) {
        self.redo.clear();
        self.undo.push((change, what));
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
    }

    /// The change to undo, moved to the redo list.
    pub fn undo(&mut self) -> Option<(Change, String)> {
        move_last(&mut self.undo, &mut self.redo)
    }

    /// The change to redo, moved back to the undo list.
    pub fn redo(&mut self) -> Option<(Change, String)> {
        move_last(&mut self.redo, &mut self.undo)
    }

    /// What Undo would undo, in words.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|(_, w)| w.as_str())
    }

    /// What Redo would redo, in words.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|(_, w)| w.as_str())
    }

    /// Forgets everything (another folder was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// Moves the last entry of `from` to `to`, returning it.
fn move_last(
    from: &mut Vec<(Change, String)>,
    to: &mut Vec<(Change, String)>,
) -> Option<(Change, String)> {
    let entry = from.pop()?;
    to.push(entry.clone());
    Some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_changes_back_and_forth() {
        let mut h = History::default();
        let date = |after: &str| Change::ArticleDate {
            path: "a.txt".into(),
            before: None,
            after: Some(after.into()),
        };
        h.record(date("2023"), "first".into());
        h.record(date("2024"), "second".into());
        assert_eq!(h.next_undo(), Some("second"));
        let (change, _) = h.undo().expect("undo");
        let (mut o, mut r) = (Overrides::default(), Review::default());
        change.apply(&mut o, &mut r, false);
        assert_eq!(o.article_dates["a.txt"], "2024");
        change.apply(&mut o, &mut r, true);
        assert!(o.article_dates.is_empty());
        assert_eq!(h.next_redo(), Some("second"));
        assert_eq!(h.redo().map(|(_, w)| w), Some("second".into()));
        h.record(date("2025"), "third".into());
        assert_eq!(h.next_redo(), None, "a new change ends the redo list");
    }
}
