use super::ExportError;
use crate::dataset::Dataset;
use crate::view::{DatasetIndex, DateSourceKind};
use std::io::Write;

/// Columns of the report CSV: the fields of a SIPRI trade-register row (supplier, recipient,
/// year, number, designation, description, comments as status) plus what ArmsFlow knows
/// about where a report comes from. One row per report.
pub const REPORT_CSV_HEADER: [&str; 23] = [
    "report_id",
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
    "attribution",
    "article_title",
    "outlet",
    "published",
    "article_path",
    "sentence",
    "sentence_spans",
    "rule",
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
    for &i in visible {
        let Some(t) = dataset.transfers.get(i) else {
            continue;
        };
        let article = index
            .transfer_article
            .get(i)
            .copied()
            .flatten()
            .and_then(|a| dataset.articles.get(a));
        let date = index.transfer_dates.get(i).copied().flatten();
        let precision = date.map_or("", |d| d.when.precision.as_str());
        let date_source = date.map_or("", |d| match d.source {
            DateSourceKind::Text => "text",
            DateSourceKind::Article => "article",
            DateSourceKind::ArticleEstimated => "article_estimated",
        });
        let sentences: Vec<&str> = t.evidence.iter().map(|e| e.sentence.trim()).collect();
        let spans: Vec<String> = t
            .evidence
            .iter()
            .map(|e| format!("{}-{}", e.start, e.end))
            .collect();
        w.write_record([
            t.id.as_str(),
            &t.supplier.name,
            &t.supplier.code,
            &t.recipient.name,
            &t.recipient.code,
            &date.map_or(String::new(), |d| d.when.from.year().to_string()),
            &date.map_or(String::new(), |d| d.when.to_string()),
            precision,
            date_source,
            &t.quantity.map_or(String::new(), |q| q.value.to_string()),
            t.quantity.map_or("", |q| q.qualifier.as_str()),
            &t.item,
            t.category.as_str(),
            &t.value_usd.map(|v| v.to_string()).unwrap_or_default(),
            t.status.as_str(),
            t.attribution.as_deref().unwrap_or(""),
            article.map_or("", |a| a.title.as_str()),
            article.and_then(|a| a.outlet.as_deref()).unwrap_or(""),
            article.and_then(|a| a.published.as_deref()).unwrap_or(""),
            article.map_or("", |a| a.path.as_str()),
            &sentences.join(" … "),
            &spans.join(";"),
            &t.rule,
        ])
        .map_err(fail)?;
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
    }
}

/// The `visible` transfers as pretty JSON in the `armsflow extract` schema.
pub fn report_json(dataset: &Dataset, visible: &[usize]) -> Result<Vec<u8>, ExportError> {
    let mut bytes = serde_json::to_vec_pretty(&filtered_dataset(dataset, visible))
        .map_err(|e| ExportError::Data(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}
