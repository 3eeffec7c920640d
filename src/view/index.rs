use crate::dataset::{Dataset, Report, Transfer};
use crate::dates::{Precision, ReportDateBasis, When};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A transfer's (or report's) date span and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransferDate {
    /// The span of days.
    pub when: When,
    /// Its source.
    pub source: ReportDateBasis,
}

impl TransferDate {
    /// The report's date, when it has one.
    pub fn of_report(report: &Report) -> Option<Self> {
        Some(Self {
            when: report.date.when()?,
            source: report.date.basis?,
        })
    }

    /// The span covering every dated report of `transfer`: the report's own date when only
    /// one is dated, else a range from the first day to the last. Its source is the most
    /// direct one any report has (the text before the article's date before an estimate).
    pub fn of_transfer(transfer: &Transfer) -> Option<Self> {
        let mut dates = transfer.reports.iter().filter_map(Self::of_report);
        let first = dates.next()?;
        Some(dates.fold(first, |acc, d| {
            if acc.when == d.when {
                return Self {
                    when: acc.when,
                    source: acc.source.min(d.source),
                };
            }
            Self {
                when: When {
                    from: acc.when.from.min(d.when.from),
                    to: acc.when.to.max(d.when.to),
                    precision: Precision::Range,
                },
                source: acc.source.min(d.source),
            }
        }))
    }
}

/// Facts about a dataset that every view needs and that are costly to recompute per frame:
/// article lookup, which articles report each transfer, each transfer's date span.
#[derive(Debug, Clone, Default)]
pub struct DatasetIndex {
    /// Index into `articles` by article id.
    pub article_by_id: BTreeMap<String, usize>,
    /// Each transfer's articles (indices), in report order, each once.
    pub transfer_articles: Vec<Vec<usize>>,
    /// Each transfer's date span, `None` when no report is dated.
    pub transfer_dates: Vec<Option<TransferDate>>,
    /// Number of transfers each article reports.
    pub transfers_per_article: Vec<usize>,
    /// Each transfer's supplier -> recipient pair, as an index into [`DatasetIndex::pairs`].
    pub transfer_pair: Vec<u32>,
    /// Each transfer's supplier, as an index into [`DatasetIndex::suppliers`].
    pub transfer_supplier: Vec<u32>,
    /// The distinct pairs, as "Egypt → Russia".
    pub pairs: Vec<String>,
    /// The distinct suppliers, by name.
    pub suppliers: Vec<String>,
    /// The countries the transfers name, by display name: (code, number of transfers that
    /// name it on either side), for the filter bar's lists.
    pub countries: BTreeMap<String, (String, usize)>,
    /// Each supplier's colour slot ([`COLOR_SLOTS`] of them): by the number of transfers it
    /// supplies in the whole folder, most first (ties by code), so a country keeps its colour
    /// in every view, filter and export, and in every session on the same folder. Suppliers
    /// past the last slot have none (drawn grey, never a colour another has).
    pub supplier_colors: BTreeMap<String, u8>,
    /// Each transfer's searchable text, lower-cased, made at the first free-text search.
    search_text: OnceLock<Vec<String>>,
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
        let mut transfers_per_article = vec![0; dataset.articles.len()];
        let transfer_articles: Vec<Vec<usize>> = dataset
            .transfers
            .iter()
            .map(|t| {
                t.articles()
                    .into_iter()
                    .filter_map(|id| article_by_id.get(id).copied())
                    .collect()
            })
            .collect();
        for &a in transfer_articles.iter().flatten() {
            if let Some(n) = transfers_per_article.get_mut(a) {
                *n += 1;
            }
        }
        // Small integer ids for pairs and suppliers, so that grouping by them (timeline lanes)
        // is an array lookup rather than a string comparison per transfer.
        let mut pair_ids: BTreeMap<(&str, &str), u32> = BTreeMap::new();
        let mut supplier_ids: BTreeMap<&str, u32> = BTreeMap::new();
        let mut pairs = Vec::new();
        let mut suppliers = Vec::new();
        let mut transfer_pair = Vec::with_capacity(dataset.transfers.len());
        let mut transfer_supplier = Vec::with_capacity(dataset.transfers.len());
        let mut countries: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for t in &dataset.transfers {
            for p in [&t.supplier, &t.recipient] {
                match countries.get_mut(&p.name) {
                    Some((_, n)) => *n += 1,
                    None => {
                        countries.insert(p.name.clone(), (p.code.clone(), 1));
                    }
                }
            }
            let next = pairs.len() as u32;
            let pair = *pair_ids
                .entry((t.supplier.code.as_str(), t.recipient.code.as_str()))
                .or_insert_with(|| {
                    pairs.push(format!("{} → {}", t.supplier.name, t.recipient.name));
                    next
                });
            let next = suppliers.len() as u32;
            let supplier = *supplier_ids
                .entry(t.supplier.code.as_str())
                .or_insert_with(|| {
                    suppliers.push(t.supplier.name.clone());
                    next
                });
            transfer_pair.push(pair);
            transfer_supplier.push(supplier);
        }
        let supplier_colors = color_slots(&dataset.transfers);
        Self {
            countries,
            supplier_colors,
            transfer_pair,
            transfer_supplier,
            pairs,
            suppliers,
            search_text: OnceLock::new(),
            article_by_id,
            transfer_dates: dataset
                .transfers
                .iter()
                .map(TransferDate::of_transfer)
                .collect(),
            transfer_articles,
            transfers_per_article,
        }
    }

    /// The colour slot of supplier `code` (see [`DatasetIndex::supplier_colors`]).
    pub fn supplier_color(&self, code: &str) -> Option<u8> {
        self.supplier_colors.get(code).copied()
    }

    /// Each transfer of `dataset` (the dataset this index was made from) as one lower-cased
    /// text: items, names, sources and sentences. Made once, at the first call.
    pub fn search_text(&self, dataset: &Dataset) -> &[String] {
        self.search_text.get_or_init(|| {
            dataset
                .transfers
                .par_iter()
                .map(|t| {
                    let mut text = String::new();
                    for part in super::filters::searchable_text(t) {
                        text.push_str(&part.to_lowercase());
                        // A line break no search crosses: parts never run into each other.
                        text.push('\n');
                    }
                    text
                })
                .collect()
        })
    }

    /// The date span of transfer `i` (an index into the dataset's transfers), when any of its
    /// reports is dated.
    pub fn transfer_date(&self, i: usize) -> Option<&TransferDate> {
        self.transfer_dates.get(i).and_then(Option::as_ref)
    }

    /// The article index of a report.
    pub fn report_article(&self, report: &Report) -> Option<usize> {
        self.article_by_id.get(&report.article).copied()
    }
}

/// How many distinct colours suppliers get (the length of the chart palette).
pub const COLOR_SLOTS: usize = 20;

/// The colour slots of the suppliers of `transfers` (see [`DatasetIndex::supplier_colors`]).
fn color_slots(transfers: &[crate::dataset::Transfer]) -> BTreeMap<String, u8> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in transfers {
        *counts.entry(t.supplier.code.as_str()).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(COLOR_SLOTS)
        .enumerate()
        .map(|(slot, (code, _))| (code.to_owned(), slot as u8))
        .collect()
}
