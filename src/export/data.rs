use super::ExportError;
use crate::dataset::{Dataset, Evidence};
use crate::view::{
    DatasetIndex, TransferDate, article_date_label, figures_label, status_history_label,
};
use std::io::Write;

/// Columns of the report CSV: the fields of a SIPRI trade-register row (supplier, recipient,
/// year, number, designation, description, comments as status) plus what ArmsFlow knows
/// about where a report comes from. One row per report; the reports of one transfer share
/// its `transfer_id` and are numbered by `report`.
pub const REPORT_CSV_HEADER: [&str; 29] = [
    "transfer_id",
    "report",
    "transfer_reports",
    "transfer_figures",
    "transfer_status_history",
    "supplier",
    "supplier_code",
    "recipient",
    "recipient_code",
    "year",
    "date",
    "date_precision",
    "date_source",
    "number",
    "number_qualifier",
    "designation",
    "category",
    "value_usd",
    "status",
    "confidence",
    "source",
    "via",
    "attribution",
    "article_title",
    "outlet",
    "article_date",
    "article_path",
    "sentence",
    "sentence_spans",
];

/// Writes the `visible` transfers of `dataset` as CSV, one row per report. A report quoted
/// in several sentences lists them all, joined by " … ", with their byte spans
/// ("start-end;start-end") in the article text.
pub fn write_report_csv<W: Write>(
    dataset: &Dataset,
    index: &DatasetIndex,
    visible: &[usize],
    out: W,
) -> Result<(), ExportError> {
    let fail = |e: csv::Error| ExportError::Data(e.to_string());
    let mut w = csv::Writer::from_writer(out);
    w.write_record(REPORT_CSV_HEADER).map_err(fail)?;
    for t in visible.iter().filter_map(|&i| dataset.transfers.get(i)) {
        let figures = figures_label(t);
        let history = status_history_label(t);
        for (n, r) in t.reports.iter().enumerate() {
            let article = index
                .report_article(r)
                .and_then(|a| dataset.articles.get(a));
            let date = TransferDate::of_report(r);
            let quotes: Vec<_> = r.evidence.iter().map(Evidence::quote).collect();
            let sentences: Vec<&str> = quotes.iter().map(|q| q.trim()).collect();
            let spans: Vec<String> = r
                .evidence
                .iter()
                .map(|e| format!("{}-{}", e.start, e.end))
                .collect();
            w.write_record([
                t.id.as_str(),
                &(n + 1).to_string(),
                &t.reports.len().to_string(),
                &figures,
                &history,
                &r.supplier.name,
                &r.supplier.code,
                &r.recipient.name,
                &r.recipient.code,
                &date.map_or(String::new(), |d| d.when.from.year().to_string()),
                &date.map_or(String::new(), |d| d.when.to_string()),
                date.map_or("", |d| d.when.precision.as_str()),
                date.map_or("", |d| d.source.as_str()),
                &r.quantity.map_or(String::new(), |q| q.value.to_string()),
                r.quantity.map_or("", |q| q.qualifier.as_str()),
                &r.item,
                r.category.as_str(),
                &r.value_usd.map(|v| v.to_string()).unwrap_or_default(),
                r.status.as_str(),
                &format!("{:.2}", r.confidence),
                r.source.as_deref().unwrap_or(""),
                r.via.as_deref().unwrap_or(""),
                r.attribution.as_deref().unwrap_or(""),
                article.map_or("", |a| a.title.as_str()),
                article.and_then(|a| a.outlet.as_deref()).unwrap_or(""),
                &article.map_or(String::new(), article_date_label),
                article.map_or("", |a| a.path.as_str()),
                &sentences.join(" … "),
                &spans.join(";"),
            ])
            .map_err(fail)?;
        }
    }
    w.flush().map_err(|e| ExportError::Data(e.to_string()))?;
    Ok(())
}

/// The dataset with only the `visible` transfers (articles and problems kept whole), as
/// `armsflow extract` writes it.
pub fn filtered_dataset(dataset: &Dataset, visible: &[usize]) -> Dataset {
    Dataset {
        schema: dataset.schema.clone(),
        articles: dataset.articles.clone(),
        transfers: visible
            .iter()
            .filter_map(|&i| dataset.transfers.get(i).cloned())
            .collect(),
        problems: dataset.problems.clone(),
        overrides: dataset.overrides.clone(),
    }
}

/// The `visible` transfers as pretty JSON in the `armsflow extract` schema.
pub fn report_json(dataset: &Dataset, visible: &[usize]) -> Result<Vec<u8>, ExportError> {
    let mut bytes = serde_json::to_vec_pretty(&filtered_dataset(dataset, visible))
        .map_err(|e| ExportError::Data(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}
