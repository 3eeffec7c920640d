//! How dates are kept: an article's date and a report's date, with how each is known. The
//! rules that find them are in [`crate::dates`], which adds their constructors.

use super::{Precision, When};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How an article's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateBasis {
    /// The file's metadata (a `Date:` header, front matter, an HTML meta tag).
    Metadata,
    /// A date in the file name.
    FileName,
    /// The latest full date the text mentions: the article is not older than that, but may
    /// be much younger.
    Estimated,
    /// Set by the user in `.armsflow/overrides.json`.
    Corrected,
}

/// An article's date, how exact it is, and how it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDate {
    /// The day, month or year.
    #[serde(flatten)]
    pub when: When,
    /// How it is known.
    pub basis: DateBasis,
    /// The reason in words ("estimated: the latest full date in the text").
    pub reason: String,
}

/// Where a report's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportDateBasis {
    /// A date phrase in the report ("in April"), resolved against the article's date when
    /// it needs one.
    Text,
    /// The article's date (metadata, file name or the user's correction).
    Article,
    /// The article's date estimated from its text: a lower bound, not a date.
    ArticleEstimated,
    /// A date an analyst typed in review.
    Analyst,
}

/// When a report says something happened: the span, its precision, the phrase it comes
/// from and how it was found. All of `from`, `to`, `precision` and `basis` are `None` for an
/// undated report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDate {
    /// First day (inclusive).
    pub from: Option<Date>,
    /// Last day (inclusive).
    pub to: Option<Date>,
    /// How exact the span is.
    pub precision: Option<Precision>,
    /// The date phrase of the report's sentence, as written ("in April").
    pub text: Option<String>,
    /// Where the span comes from.
    pub basis: Option<ReportDateBasis>,
}

impl ArticleDate {
    /// True when the date is only a lower bound guessed from the text.
    pub fn is_estimate(&self) -> bool {
        self.basis == DateBasis::Estimated
    }

    /// The date that relative phrases ("last year", "in April") are resolved against:
    /// `None` for an estimate, which is only the latest date the text mentions and often far
    /// older than the article.
    pub fn anchor(&self) -> Option<When> {
        (!self.is_estimate()).then_some(self.when)
    }
}

impl ReportDateBasis {
    /// The name used in JSON and CSV ("article-estimated"), the same as its serde name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Article => "article",
            Self::ArticleEstimated => "article-estimated",
            Self::Analyst => "analyst",
        }
    }

    /// How the basis is shown next to a date.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Text => "from the text",
            Self::Article => "article date",
            Self::ArticleEstimated => "article date, estimated from its text",
            Self::Analyst => "set by the analyst",
        }
    }
}
