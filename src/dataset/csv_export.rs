use super::Dataset;
use std::io::Write;

/// Column names of the CSV: one row per evidence sentence.
pub const CSV_HEADER: [&str; 22] = [
    "transfer_id",
    "supplier_code",
    "supplier",
    "recipient_code",
    "recipient",
    "item",
    "category",
    "quantity",
    "quantity_qualifier",
    "value_usd",
    "status",
    "date_text",
    "attribution",
    "rule",
    "article_id",
    "article_path",
    "article_title",
    "outlet",
    "published",
    "start",
    "end",
    "sentence",
];

/// Writes the dataset as CSV, one row per evidence sentence.
pub fn write_csv<W: Write>(dataset: &Dataset, out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for t in &dataset.transfers {
        for e in &t.evidence {
            let article = dataset.article(&e.article);
            let quantity = t.quantity.map(|q| q.value.to_string()).unwrap_or_default();
            let qualifier = t.quantity.map_or("", |q| q.qualifier.as_str());
            w.write_record([
                t.id.as_str(),
                &t.supplier.code,
                &t.supplier.name,
                &t.recipient.code,
                &t.recipient.name,
                &t.item,
                t.category.as_str(),
                &quantity,
                qualifier,
                &t.value_usd.map(|v| v.to_string()).unwrap_or_default(),
                t.status.as_str(),
                t.date_text.as_deref().unwrap_or(""),
                t.attribution.as_deref().unwrap_or(""),
                &e.rule,
                &e.article,
                article.map_or("", |a| a.path.as_str()),
                article.map_or("", |a| a.title.as_str()),
                article.and_then(|a| a.outlet.as_deref()).unwrap_or(""),
                article.and_then(|a| a.published.as_deref()).unwrap_or(""),
                &e.start.to_string(),
                &e.end.to_string(),
                &e.sentence,
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
