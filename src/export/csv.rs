//! Both CSV layouts ArmsFlow writes, in one place: one row per evidence sentence
//! (`armsflow extract --csv`, every field of every report) and one row per report in the
//! shape of a SIPRI trade-register row (`armsflow export` and the window's Export data…).

use super::ExportError;
use crate::dataset::{Dataset, Evidence, Transfer};
use crate::view::{
    DatasetIndex, TransferDate, article_date_label, figures_label, machine_values_label,
    status_history_label,
};
use std::io::Write;

/// Column names of the CSV: one row per evidence sentence of each report. The `transfer_*`
/// columns repeat the transfer's summary on every row of its reports.
pub const CSV_HEADER: [&str; 37] = [
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
    "review",
    "review_reason",
    "review_note",
    "machine_values",
];

/// Writes the dataset as CSV, one row per evidence sentence of each report.
pub fn write_csv<W: Write>(dataset: &Dataset, out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER.iter().chain(&REGISTER_CSV_COLUMNS))?;
    let text = |s: Option<&str>| s.unwrap_or("").to_owned();
    let shown = |v: Option<String>| v.unwrap_or_default();
    let positions = dataset.article_positions();
    for t in &dataset.transfers {
        for (n, r) in t.reports.iter().enumerate() {
            let article = positions
                .get(r.article.as_str())
                .and_then(|&i| dataset.articles.get(i));
            for e in &r.evidence {
                w.write_record(
                    [
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
                        r.review.state.as_str().to_owned(),
                        text(r.review.reason.as_deref()),
                        text(r.review.note.as_deref()),
                        machine_values_label(r),
                    ]
                    .into_iter()
                    .chain(register_fields(t)),
                )?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// Columns of the report CSV: the fields of a SIPRI trade-register row (supplier, recipient,
/// year, number, designation, description, comments as status) plus what ArmsFlow knows
/// about where a report comes from. One row per report; the reports of one transfer share
/// its `transfer_id` and are numbered by `report`.
pub const REPORT_CSV_HEADER: [&str; 33] = [
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
    "review",
    "review_reason",
    "review_note",
    "machine_values",
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
    w.write_record(REPORT_CSV_HEADER.iter().chain(&REGISTER_CSV_COLUMNS))
        .map_err(fail)?;
    for t in visible.iter().filter_map(|&i| dataset.transfers.get(i)) {
        let figures = figures_label(t);
        let history = status_history_label(t);
        let register = register_fields(t);
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
            w.write_record(
                [
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
                    r.review.state.as_str(),
                    r.review.reason.as_deref().unwrap_or(""),
                    r.review.note.as_deref().unwrap_or(""),
                    &machine_values_label(r),
                ]
                .into_iter()
                .chain(register.iter().map(String::as_str)),
            )
            .map_err(fail)?;
        }
    }
    w.flush().map_err(|e| ExportError::Data(e.to_string()))?;
    Ok(())
}

/// The columns both CSV layouts end with: what a SIPRI register check found for the row's
/// transfer and its best matching deal (empty when the data was not checked).
pub const REGISTER_CSV_COLUMNS: [&str; 12] = [
    "register",
    "register_why",
    "register_line",
    "register_designation",
    "register_description",
    "register_order_year",
    "register_ordered",
    "register_delivered",
    "register_delivery_years",
    "register_status",
    "register_comments",
    "register_deals",
];

/// The [`REGISTER_CSV_COLUMNS`] of a transfer. Uncertain years and numbers keep SIPRI's "?".
fn register_fields(t: &Transfer) -> [String; 12] {
    let Some(m) = &t.register else {
        return Default::default();
    };
    let mark = |uncertain: bool| if uncertain { "?" } else { "" };
    let number = |n: Option<u32>, uncertain: bool| {
        n.map_or(String::new(), |n| format!("{n}{}", mark(uncertain)))
    };
    let best = m.deals.first();
    let years: Vec<String> = best
        .map(|d| d.delivery_years.iter().map(i32::to_string).collect())
        .unwrap_or_default();
    [
        m.mark.as_str().to_owned(),
        m.why.clone(),
        best.map_or(String::new(), |d| d.line.to_string()),
        best.map_or(String::new(), |d| d.designation.clone()),
        best.map_or(String::new(), |d| d.description.clone()),
        best.map_or(String::new(), |d| {
            number(d.order_year.map(|y| y as u32), d.order_year_uncertain)
        }),
        best.map_or(String::new(), |d| number(d.ordered, d.ordered_uncertain)),
        best.map_or(String::new(), |d| {
            number(d.delivered, d.delivered_uncertain)
        }),
        years.join("; "),
        best.map_or(String::new(), |d| d.status.clone()),
        best.map_or(String::new(), |d| d.comments.clone()),
        m.matched_lines.len().to_string(),
    ]
}
