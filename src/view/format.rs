use super::TransferDate;
use crate::corpus::Article;
use crate::dataset::{Qualifier, Quantity, Report, Transfer};
use crate::dates::DateBasis;

/// "more than 100", "150", "about 300", "up to 50".
pub fn quantity_label(q: Option<Quantity>) -> String {
    let Some(q) = q else {
        return "—".into();
    };
    let n = thousands(q.value);
    match q.qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan => format!("more than {n}"),
        Qualifier::About => format!("about {n}"),
        Qualifier::UpTo => format!("up to {n}"),
    }
}

/// "Egypt → Russia: helicopter engines": how a single report is named in labels.
pub fn transfer_label(t: &Transfer) -> String {
    format!("{} → {}: {}", t.supplier.name, t.recipient.name, t.item)
}

/// A dollar value with separators: "$1,850,000,000".
pub fn dollars(v: u64) -> String {
    format!("${}", thousands(v))
}

/// 1234567 -> "1,234,567".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The date as shown, with where it comes from: "2023-04 (from the text)".
pub fn date_label(date: Option<&TransferDate>) -> String {
    match date {
        None => "undated".into(),
        Some(d) => format!("{} ({})", d.when, d.source.describe()),
    }
}

/// A figure in a few characters, for ranges: "100+", "~300", "≤50", "150".
pub fn compact_quantity(q: Quantity) -> String {
    let n = thousands(q.value);
    match q.qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan => format!("{n}+"),
        Qualifier::About => format!("~{n}"),
        Qualifier::UpTo => format!("≤{n}"),
    }
}

/// The figures the reports of a transfer give, never averaged: "150", or the range of
/// conflicting ones, "100+ to 150". "—" when no report gives one.
pub fn figures_label(t: &Transfer) -> String {
    let q = t.quantities();
    match q.as_slice() {
        [] => "—".into(),
        [one] => quantity_label(Some(*one)),
        [first, .., last] => format!(
            "{} to {}",
            compact_quantity(*first),
            compact_quantity(*last)
        ),
    }
}

/// The statuses of a transfer's reports in order: "requested → agreed"; "(disputed)" when a
/// report denies what another affirms.
pub fn status_history_label(t: &Transfer) -> String {
    let history: Vec<&str> = t.status_history().into_iter().map(|s| s.as_str()).collect();
    let mut label = history.join(" → ");
    if t.is_disputed() {
        label.push_str(" (disputed)");
    }
    label
}

/// An article's date in a few words: "2023-11-08", "2023-11 (set by you)", "2022-02-24
/// (estimated)", "undated".
pub fn article_date_label(article: &Article) -> String {
    match &article.date {
        None => "undated".into(),
        Some(d) => match d.basis {
            DateBasis::Metadata | DateBasis::FileName => d.when.to_string(),
            DateBasis::Estimated => format!("{} (estimated)", d.when),
            DateBasis::Corrected => format!("{} (set by you)", d.when),
        },
    }
}

/// A citation for an evidence sentence: the quote, the article's title, outlet and date,
/// and the file it is in.
pub fn citation(sentence: &str, article: &Article, folder: Option<&std::path::Path>) -> String {
    let mut s = format!("“{}” — {}", sentence.trim(), article.title);
    if let Some(outlet) = &article.outlet {
        s.push_str(&format!(", {outlet}"));
    }
    s.push_str(&format!(", {}", article_date_label(article)));
    let path = folder.map_or_else(
        || article.path.clone(),
        |f| f.join(&article.path).display().to_string(),
    );
    s.push_str(&format!(". File: {path}"));
    s
}

/// The fields an analyst corrected in `report`, each as (field, the machine's value, the
/// analyst's value), in form order; empty when nothing was edited.
pub fn edited_fields(report: &Report) -> Vec<(&'static str, String, String)> {
    let Some(m) = report.review.machine.as_deref() else {
        return Vec::new();
    };
    let date =
        |d: &crate::model::ReportDate| d.when().map_or("undated".to_owned(), |w| w.to_string());
    let fields = [
        (
            "supplier",
            m.supplier.name.clone(),
            report.supplier.name.clone(),
        ),
        (
            "recipient",
            m.recipient.name.clone(),
            report.recipient.name.clone(),
        ),
        ("item", m.item.clone(), report.item.clone()),
        (
            "category",
            m.category.as_str().to_owned(),
            report.category.as_str().to_owned(),
        ),
        (
            "quantity",
            quantity_label(m.quantity),
            quantity_label(report.quantity),
        ),
        (
            "value",
            m.value_usd.map_or("—".to_owned(), dollars),
            report.value_usd.map_or("—".to_owned(), dollars),
        ),
        (
            "status",
            m.status.as_str().to_owned(),
            report.status.as_str().to_owned(),
        ),
        ("date", date(&m.date), date(&report.date)),
    ];
    fields.into_iter().filter(|(_, a, b)| a != b).collect()
}

/// The machine's values of the fields an analyst corrected: "supplier: Russia; status:
/// planned" (empty when nothing was edited), for CSV and tooltips.
pub fn machine_values_label(report: &Report) -> String {
    edited_fields(report)
        .into_iter()
        .map(|(field, machine, _)| format!("{field}: {machine}"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(40_000), "40,000");
        assert_eq!(thousands(1_850_000_000), "1,850,000,000");
    }
}
