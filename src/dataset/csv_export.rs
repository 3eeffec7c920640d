use super::Dataset;
use std::io::Write;

/// Column names of the CSV: one row per evidence sentence of each report. The `transfer_*`
/// columns repeat the transfer's summary on every row of its reports.
pub const CSV_HEADER: [&str; 33] = [
    "transfer_id",
    "report",
    "transfer_reports",
    "supplier_code",
    "supplier",
    "recipient_code",
    "recipient",
    "category",
    "transfer_item",
    "transfer_status",
    "item",
    "quantity",
    "quantity_qualifier",
    "value_usd",
    "status",
    "date_from",
    "date_to",
    "date_precision",
    "date_text",
    "date_basis",
    "attribution",
    "source",
    "via",
    "rule",
    "confidence",
    "article_id",
    "article_path",
    "article_title",
    "outlet",
    "published",
    "start",
    "end",
    "sentence",
];

/// Writes the dataset as CSV, one row per evidence sentence of each report.
pub fn write_csv<W: Write>(dataset: &Dataset, out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    let text = |s: Option<&str>| s.unwrap_or("").to_owned();
    let shown = |v: Option<String>| v.unwrap_or_default();
    let positions = dataset.article_positions();
    for t in &dataset.transfers {
        for (n, r) in t.reports.iter().enumerate() {
            let article = positions
                .get(r.article.as_str())
                .and_then(|&i| dataset.articles.get(i));
            for e in &r.evidence {
                w.write_record([
                    t.id.clone(),
                    (n + 1).to_string(),
                    t.reports.len().to_string(),
                    t.supplier.code.clone(),
                    t.supplier.name.clone(),
                    t.recipient.code.clone(),
                    t.recipient.name.clone(),
                    t.category.as_str().to_owned(),
                    t.item.clone(),
                    t.status.as_str().to_owned(),
                    r.item.clone(),
                    shown(r.quantity.map(|q| q.value.to_string())),
                    text(r.quantity.map(|q| q.qualifier.as_str())),
                    shown(r.value_usd.map(|v| v.to_string())),
                    r.status.as_str().to_owned(),
                    shown(r.date.from.map(|d| d.to_string())),
                    shown(r.date.to.map(|d| d.to_string())),
                    text(r.date.precision.map(|p| p.as_str())),
                    text(r.date.text.as_deref()),
                    text(r.date.basis.map(|b| b.as_str())),
                    text(r.attribution.as_deref()),
                    text(r.source.as_deref()),
                    text(r.via.as_deref()),
                    e.rule.clone(),
                    format!("{:.2}", r.confidence),
                    e.article.clone(),
                    text(article.map(|a| a.path.as_str())),
                    text(article.map(|a| a.title.as_str())),
                    text(article.and_then(|a| a.outlet.as_deref())),
                    text(article.and_then(|a| a.published.as_deref())),
                    e.start.to_string(),
                    e.end.to_string(),
                    e.quote().into_owned(),
                ])?;
            }
        }
    }
    w.flush()?;
    Ok(())
}
