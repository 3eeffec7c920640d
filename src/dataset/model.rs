use super::{Overrides, Review, Transfer};
use crate::model::{Article, Problem, RegisterSummary};
use crate::register::Register;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Version tag of the JSON this crate writes.
pub const SCHEMA: &str = "armsflow/2";

/// Everything extracted from one folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Articles in path order.
    pub articles: Vec<Article>,
    /// Transfers, each grouping the reports of one deal across articles, in the order of
    /// their oldest report (undated ones last, then in article and text order).
    pub transfers: Vec<Transfer>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// The user's corrections that went into this dataset (from `.armsflow/overrides.json`).
    #[serde(skip)]
    pub overrides: Overrides,
    /// The analyst's review laid over it (from `.armsflow/review.json`).
    #[serde(skip)]
    pub review: Review,
    /// The SIPRI register the transfers are checked against, if any
    /// ([`Dataset::set_register`]).
    #[serde(skip)]
    pub register: Option<Arc<Register>>,
    /// What the check against [`Dataset::register`] found beyond each transfer's mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_summary: Option<RegisterSummary>,
}

impl Dataset {
    /// The article with this id. A scan: code that looks up many ids (the CSV writer, the
    /// window's index) keeps an [`Dataset::article_positions`] map instead.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Where each article is in [`Dataset::articles`], by id.
    pub fn article_positions(&self) -> std::collections::HashMap<&str, usize> {
        self.articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect()
    }

    /// A country's display name as the transfers spell it (its code when no transfer has it).
    pub fn country_name(&self, code: &str) -> String {
        self.transfers
            .iter()
            .flat_map(|t| [&t.supplier, &t.recipient])
            .find(|p| p.code == code)
            .map_or_else(|| code.to_owned(), |p| p.name.clone())
    }
}
