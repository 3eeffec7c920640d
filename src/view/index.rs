use crate::dataset::{Dataset, Transfer};
use crate::dates::{ArticleDate, When, article_date, resolve_phrase};
use std::collections::BTreeMap;

/// Where a transfer's date on the timeline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSourceKind {
    /// A date phrase in the reporting sentence ("in April"), resolved against the article.
    Text,
    /// The article's publication date (metadata or file name).
    Article,
    /// The article's date estimated from the latest full date in its text.
    ArticleEstimated,
}

/// A transfer's date and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransferDate {
    /// The span of days.
    pub when: When,
    /// Its source.
    pub source: DateSourceKind,
}

/// Facts about a dataset that every view needs and that are costly to recompute per frame:
/// article lookup, article dates, each transfer's date, transfers per article.
#[derive(Debug, Clone, Default)]
pub struct DatasetIndex {
    /// Index into `articles` by article id.
    pub article_by_id: BTreeMap<String, usize>,
    /// Each article's date, when known or estimated.
    pub article_dates: Vec<Option<ArticleDate>>,
    /// Each transfer's article index.
    pub transfer_article: Vec<Option<usize>>,
    /// Each transfer's date, `None` when undated.
    pub transfer_dates: Vec<Option<TransferDate>>,
    /// Number of transfers per article.
    pub transfers_per_article: Vec<usize>,
}

impl DatasetIndex {
    /// Indexes `dataset`.
    pub fn new(dataset: &Dataset) -> Self {
        let article_by_id: BTreeMap<String, usize> = dataset
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let article_dates: Vec<Option<ArticleDate>> =
            dataset.articles.iter().map(article_date).collect();
        let mut transfers_per_article = vec![0; dataset.articles.len()];
        let mut transfer_article = Vec::with_capacity(dataset.transfers.len());
        let mut transfer_dates = Vec::with_capacity(dataset.transfers.len());
        for t in &dataset.transfers {
            let article = first_article(t).and_then(|id| article_by_id.get(id).copied());
            if let Some(n) = article.and_then(|a| transfers_per_article.get_mut(a)) {
                *n += 1;
            }
            let anchor = article.and_then(|a| article_dates.get(a).copied().flatten());
            transfer_article.push(article);
            transfer_dates.push(transfer_date(t, anchor));
        }
        Self {
            article_by_id,
            article_dates,
            transfer_article,
            transfer_dates,
            transfers_per_article,
        }
    }
}

fn first_article(t: &Transfer) -> Option<&str> {
    t.evidence.first().map(|e| e.article.as_str())
}

/// The event date from the report's date phrase, else the article's date.
fn transfer_date(t: &Transfer, anchor: Option<ArticleDate>) -> Option<TransferDate> {
    // Relative phrases ("on Wednesday", "in April") resolve only against a known publication
    // date: an estimated one is just the latest date the text mentions, often much older.
    let known = anchor.filter(|a| !a.estimated).map(|a| a.date);
    let from_text = t
        .date_text
        .as_deref()
        .and_then(|p| resolve_phrase(p, known));
    if let Some(when) = from_text {
        return Some(TransferDate {
            when,
            source: DateSourceKind::Text,
        });
    }
    anchor.map(|a| TransferDate {
        when: a.when(),
        source: if a.estimated {
            DateSourceKind::ArticleEstimated
        } else {
            DateSourceKind::Article
        },
    })
}
