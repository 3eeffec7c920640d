//! An analyst's review of the reports: what they accepted, rejected, corrected or added, and
//! how a decision finds its report again in a later load.

use super::{Category, Quantity, Report, Status};
use serde::{Deserialize, Serialize};

/// Where a report stands in review.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewState {
    /// As the extractor read it; nobody has looked.
    #[default]
    Machine,
    /// An analyst checked it against its sentence and kept it.
    Accepted,
    /// An analyst found it wrong.
    Rejected,
    /// An analyst corrected some of its fields.
    Edited,
    /// An analyst added it: the extractor missed it.
    Added,
}

/// What finds a report again in another load, whatever its id and order: the article's path,
/// a hash of its first sentence, and the extractor's reading of the pair and category. An
/// unchanged sentence read the same way matches; an edited article's decision is orphaned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReportKey {
    /// The article's path, relative to the folder.
    pub path: String,
    /// [`sentence_hash`] of the report's first sentence.
    pub sentence: String,
    /// The extractor's supplier code.
    pub supplier: String,
    /// The extractor's recipient code.
    pub recipient: String,
    /// The extractor's category.
    pub category: Category,
}

impl ReportKey {
    /// The key of `report`, an article's report at `path`; `None` for a report without
    /// evidence (which extraction never makes).
    pub fn of(report: &Report, path: &str) -> Option<Self> {
        let first = report.evidence.first()?;
        Some(Self {
            path: path.to_owned(),
            sentence: sentence_hash(&first.sentence),
            supplier: report.supplier.code.clone(),
            recipient: report.recipient.code.clone(),
            category: report.category,
        })
    }
}

/// A sentence's hash, as 16 hex digits (64-bit FNV-1a of its words joined by single spaces,
/// so a sentence re-wrapped over other lines is the same sentence).
pub fn sentence_hash(sentence: &str) -> String {
    let words = sentence
        .split_whitespace()
        .enumerate()
        .flat_map(|(i, word)| (i > 0).then_some(b' ').into_iter().chain(word.bytes()));
    format!("{:016x}", super::article::fnv1a(words))
}

/// An analyst's corrections to a report's fields; what is `None` keeps the extractor's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEdit {
    /// Supplier code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    /// Recipient code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// The goods, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The goods' category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// How many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Value in US dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_usd: Option<u64>,
    /// Status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Event date as typed ("2023-11", "2023-11-08", "2023").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl ReportEdit {
    /// `report` with these corrections applied (its evidence, article and rule unchanged);
    /// `name_of` names a country code.
    pub fn applied_to(&self, report: &Report, name_of: &dyn Fn(&str) -> String) -> Report {
        let mut r = report.clone();
        if let Some(code) = &self.supplier {
            r.supplier.code.clone_from(code);
            r.supplier.name = name_of(code);
        }
        if let Some(code) = &self.recipient {
            r.recipient.code.clone_from(code);
            r.recipient.name = name_of(code);
        }
        if let Some(item) = &self.item {
            r.item.clone_from(item);
        }
        r.category = self.category.unwrap_or(r.category);
        r.quantity = self.quantity.or(r.quantity);
        r.value_usd = self.value_usd.or(r.value_usd);
        r.status = self.status.unwrap_or(r.status);
        r
    }
}

/// What the analyst decided about a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// Right as read.
    Accept,
    /// Wrong, with an optional reason.
    Reject {
        /// Why, in the analyst's words.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Right once corrected.
    Edit {
        /// The corrections.
        fields: ReportEdit,
    },
}

impl Verdict {
    /// The review state a report with this verdict is in.
    pub fn state(&self) -> ReviewState {
        match self {
            Self::Accept => ReviewState::Accepted,
            Self::Reject { .. } => ReviewState::Rejected,
            Self::Edit { .. } => ReviewState::Edited,
        }
    }
}

/// One decision about one report, as kept in the review file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The report it is about.
    pub key: ReportKey,
    /// What was decided.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The analyst's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The sentence as it read when decided, so that an orphaned decision (its article edited
    /// or removed) can be shown with its content.
    pub sentence: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_hash_is_fixed_and_ignores_how_the_sentence_is_wrapped() {
        // Kept in review files: the value must never change between versions.
        assert_eq!(
            sentence_hash("Germany delivered 10 tanks"),
            "0bdd093c4bf618ba"
        );
        assert_eq!(
            sentence_hash(" Germany delivered\n10  tanks "),
            sentence_hash("Germany delivered 10 tanks")
        );
    }
}
