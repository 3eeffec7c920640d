use super::{DatasetIndex, TransferDate};
use crate::dataset::{Category, Dataset, Status, Transfer};
use crate::dates::When;
use crate::model::{RegisterMark, ReviewState};
use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The filters that apply to every view at once. Empty sets and `None` mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Country codes on either side.
    pub countries: BTreeSet<String>,
    /// Supplier codes.
    pub suppliers: BTreeSet<String>,
    /// Recipient codes.
    pub recipients: BTreeSet<String>,
    /// Categories.
    pub categories: BTreeSet<Category>,
    /// Statuses.
    pub statuses: BTreeSet<Status>,
    /// Earliest day (inclusive); a dated transfer passes when its span reaches it.
    pub from: Option<Date>,
    /// Latest day (inclusive).
    pub to: Option<Date>,
    /// Free text, matched case-insensitively against items, sentences, names and sources.
    pub search: String,
    /// A source, matched case-insensitively against each report's original source and its
    /// relaying outlet: "Wall Street Journal" finds what Al Jazeera relays from it.
    pub source: String,
    /// Review states: a transfer passes when one of its reports is in one of them.
    pub review_states: BTreeSet<ReviewState>,
    /// Show the transfers an analyst rejected (hidden otherwise, unless the review-state
    /// filter asks for them).
    pub show_rejected: bool,
    /// Only the transfers an analyst checked and kept: every report accepted, edited or
    /// added.
    pub only_reviewed: bool,
    /// Marks of a SIPRI register check (in the register, not in it, not covered); a
    /// transfer not checked passes none.
    pub register: BTreeSet<RegisterMark>,
}

impl Filters {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// True when a date bound is set (undated transfers are then hidden).
    pub fn has_date_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether `transfer` passes every filter but the free-text search.
    fn matches_all_but_search(&self, transfer: &Transfer, date: Option<&TransferDate>) -> bool {
        let (s, r) = (&transfer.supplier.code, &transfer.recipient.code);
        if !self.countries.is_empty() && !self.countries.contains(s) && !self.countries.contains(r)
        {
            return false;
        }
        if !self.suppliers.is_empty() && !self.suppliers.contains(s) {
            return false;
        }
        if !self.recipients.is_empty() && !self.recipients.contains(r) {
            return false;
        }
        if !self.categories.is_empty() && !self.categories.contains(&transfer.category) {
            return false;
        }
        // A transfer has the status of any of its reports: "denied" finds a deal that one
        // outlet reports delivered and another says was denied.
        if !self.statuses.is_empty()
            && !transfer
                .reports
                .iter()
                .any(|r| self.statuses.contains(&r.status))
        {
            return false;
        }
        let source = self.source.trim().to_lowercase();
        if !source.is_empty()
            && !transfer.reports.iter().any(|r| {
                [&r.source, &r.via]
                    .into_iter()
                    .flatten()
                    .any(|s| s.to_lowercase().contains(&source))
            })
        {
            return false;
        }
        if !self.passes_review(transfer) {
            return false;
        }
        if !self.register.is_empty()
            && !transfer
                .register
                .as_ref()
                .is_some_and(|m| self.register.contains(&m.mark))
        {
            return false;
        }
        if self.has_date_range() {
            let Some(d) = date else { return false };
            if self.from.is_some_and(|f| d.when.to < f) || self.to.is_some_and(|t| d.when.from > t)
            {
                return false;
            }
        }
        true
    }

    /// Whether `transfer` passes the review filters.
    fn passes_review(&self, transfer: &Transfer) -> bool {
        let state = transfer.review_state();
        if state == ReviewState::Rejected
            && !self.show_rejected
            && !self.review_states.contains(&ReviewState::Rejected)
        {
            return false;
        }
        if self.only_reviewed && !state.is_confirmed() {
            return false;
        }
        self.review_states.is_empty()
            || transfer
                .reports
                .iter()
                .any(|r| self.review_states.contains(&r.review.state))
    }

    /// Indices of the transfers of `dataset` that pass, in dataset order. The free-text
    /// search looks in the index's lower-cased text of each transfer (made at the first
    /// search), and the transfers are checked in parallel.
    pub fn visible(&self, dataset: &Dataset, index: &DatasetIndex) -> Vec<usize> {
        let needle = self.search.trim().to_lowercase();
        let haystacks = (!needle.is_empty()).then(|| index.search_text(dataset));
        (0..dataset.transfers.len())
            .into_par_iter()
            .filter(|&i| {
                let date = index.transfer_date(i);
                self.matches_all_but_search(&dataset.transfers[i], date)
                    && haystacks.is_none_or(|h| h.get(i).is_some_and(|t| t.contains(&needle)))
            })
            .collect()
    }

    /// The active filters in words ("country: Russia", "status: agreed, delivered"), with
    /// country codes turned into names by `name`.
    pub fn describe(&self, name: &dyn Fn(&str) -> String) -> Vec<String> {
        let mut out = Vec::new();
        let names =
            |set: &BTreeSet<String>| set.iter().map(|c| name(c)).collect::<Vec<_>>().join(", ");
        if !self.countries.is_empty() {
            out.push(format!("country: {}", names(&self.countries)));
        }
        if !self.suppliers.is_empty() {
            out.push(format!("supplier: {}", names(&self.suppliers)));
        }
        if !self.recipients.is_empty() {
            out.push(format!("recipient: {}", names(&self.recipients)));
        }
        if !self.categories.is_empty() {
            let list: Vec<&str> = self.categories.iter().map(|c| c.as_str()).collect();
            out.push(format!("category: {}", list.join(", ")));
        }
        if !self.statuses.is_empty() {
            let list: Vec<&str> = self.statuses.iter().map(|s| s.as_str()).collect();
            out.push(format!("status: {}", list.join(", ")));
        }
        match (self.from, self.to) {
            (Some(f), Some(t)) => out.push(format!("dates: {f} to {t}")),
            (Some(f), None) => out.push(format!("dates: from {f}")),
            (None, Some(t)) => out.push(format!("dates: until {t}")),
            (None, None) => {}
        }
        if !self.source.trim().is_empty() {
            out.push(format!("source: \"{}\"", self.source.trim()));
        }
        if !self.search.trim().is_empty() {
            out.push(format!("search: \"{}\"", self.search.trim()));
        }
        if !self.review_states.is_empty() {
            let list: Vec<&str> = self.review_states.iter().map(|s| s.as_str()).collect();
            out.push(format!("review: {}", list.join(", ")));
        }
        if self.only_reviewed {
            out.push("only reviewed".to_owned());
        }
        if !self.register.is_empty() {
            let list: Vec<&str> = self.register.iter().map(|m| m.label()).collect();
            out.push(format!("SIPRI register: {}", list.join(", ")));
        }
        if self.show_rejected {
            out.push("rejected shown".to_owned());
        }
        out
    }
}

/// The texts free-text search looks at.
pub(crate) fn searchable_text(t: &Transfer) -> impl Iterator<Item = &str> {
    [
        t.item.as_str(),
        t.supplier.name.as_str(),
        t.recipient.name.as_str(),
    ]
    .into_iter()
    .chain(t.reports.iter().flat_map(|r| {
        [
            r.item.as_str(),
            r.attribution.as_deref().unwrap_or(""),
            r.source.as_deref().unwrap_or(""),
            r.via.as_deref().unwrap_or(""),
        ]
    }))
    .chain(t.evidence().map(|e| e.sentence.as_str()))
}

/// Parses a date bound typed by a user: "2023", "2023-04" or "2023-04-05". A partial date
/// stands for its first day, or its last day when `end` is true (so "to 2023" includes
/// December). `None` when the text is not such a date.
pub fn parse_date_bound(text: &str, end: bool) -> Option<Date> {
    When::parse(text).map(|w| if end { w.to } else { w.from })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_bounds() {
        assert_eq!(parse_date_bound("2023", false), Some(date(2023, 1, 1)));
        assert_eq!(parse_date_bound("2023", true), Some(date(2023, 12, 31)));
        assert_eq!(parse_date_bound("2024-02", true), Some(date(2024, 2, 29)));
        assert_eq!(
            parse_date_bound(" 2023-04-05 ", false),
            Some(date(2023, 4, 5))
        );
        assert_eq!(parse_date_bound("April", false), None);
        assert_eq!(parse_date_bound("2023-13", false), None);
    }
}
