use super::DatasetIndex;
use crate::dataset::{Dataset, Transfer};

/// Table columns (sortable).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum TableColumn {
    /// Event or article date.
    #[default]
    Date,
    /// Supplier name.
    Supplier,
    /// Recipient name.
    Recipient,
    /// Item words.
    Item,
    /// Category.
    Category,
    /// The figures the reports give.
    Quantity,
    /// Value in dollars.
    Value,
    /// Status.
    Status,
    /// Number of reports and their sources.
    Sources,
    /// The extractor's confidence (its best report's).
    Confidence,
    /// Where the transfer stands in the analyst's review.
    Review,
    /// What a SIPRI register check found (shown once a register is compared).
    Register,
}

impl TableColumn {
    /// Every column, left to right.
    pub const ALL: [TableColumn; 12] = [
        Self::Date,
        Self::Supplier,
        Self::Recipient,
        Self::Item,
        Self::Category,
        Self::Quantity,
        Self::Value,
        Self::Status,
        Self::Register,
        Self::Sources,
        Self::Confidence,
        Self::Review,
    ];

    /// Header text.
    pub fn title(self) -> &'static str {
        match self {
            Self::Date => "Date",
            Self::Supplier => "Supplier",
            Self::Recipient => "Recipient",
            Self::Item => "Item",
            Self::Category => "Category",
            Self::Quantity => "Figures",
            Self::Value => "Value (USD)",
            Self::Status => "Status",
            Self::Sources => "Reports",
            Self::Confidence => "Confidence",
            Self::Review => "Review",
            Self::Register => "SIPRI",
        }
    }
}

/// "2 · The Wall Street Journal (via Al Jazeera); Example Wire": how many reports a transfer
/// has and who makes them (an article's title when it names no source).
pub fn sources_label(dataset: &Dataset, index: &DatasetIndex, transfer: &Transfer) -> String {
    let mut chains: Vec<String> = Vec::new();
    for r in &transfer.reports {
        let chain = r.source_chain().unwrap_or_else(|| {
            index
                .report_article(r)
                .and_then(|a| dataset.articles.get(a))
                .map_or_else(String::new, |a| a.title.clone())
        });
        if !chains.contains(&chain) {
            chains.push(chain);
        }
    }
    format!("{} · {}", transfer.reports.len(), chains.join("; "))
}

/// The `visible` transfers in table order: by `column`, ascending or not, ties in dataset
/// order so that the table is stable. Computed once per change of filters or sort, not per
/// frame: sorting 100,000 rows by a text column takes tens of milliseconds.
pub fn table_rows(
    dataset: &Dataset,
    index: &DatasetIndex,
    visible: &[usize],
    column: TableColumn,
    ascending: bool,
) -> Vec<usize> {
    let transfer = |i: usize| &dataset.transfers[i];
    let rows = visible;
    match column {
        TableColumn::Date => sorted(rows, ascending, |i| index.transfer_date(i).map(|t| t.when)),
        TableColumn::Supplier => sorted(rows, ascending, |i| &transfer(i).supplier.name),
        TableColumn::Recipient => sorted(rows, ascending, |i| &transfer(i).recipient.name),
        TableColumn::Item => sorted(rows, ascending, |i| transfer(i).item.to_lowercase()),
        TableColumn::Category => sorted(rows, ascending, |i| transfer(i).category),
        TableColumn::Quantity => sorted(rows, ascending, |i| {
            transfer(i).quantities().last().copied()
        }),
        TableColumn::Value => sorted(rows, ascending, |i| transfer(i).value_usd),
        TableColumn::Status => sorted(rows, ascending, |i| transfer(i).status),
        TableColumn::Sources => sorted(rows, ascending, |i| {
            let t = transfer(i);
            (t.reports.len(), sources_label(dataset, index, t))
        }),
        TableColumn::Confidence => sorted(rows, ascending, |i| {
            (transfer(i).confidence() * 100.0).round() as u32
        }),
        TableColumn::Review => sorted(rows, ascending, |i| transfer(i).review_state()),
        TableColumn::Register => sorted(rows, ascending, |i| {
            transfer(i).register.as_ref().map(|m| m.mark)
        }),
    }
}

/// `rows` ordered by `key` (computed once per row), ties in ascending row order.
fn sorted<K: Ord>(rows: &[usize], ascending: bool, key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut keyed: Vec<(K, usize)> = rows.iter().map(|&i| (key(i), i)).collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        let order = ka.cmp(kb);
        let order = if ascending { order } else { order.reverse() };
        order.then(a.cmp(b))
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}
