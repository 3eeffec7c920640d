//! The form an analyst corrects a report in, or adds a missed one with: the fields as typed,
//! checked only when saved.

use crate::dataset::Transfer;
use crate::model::{Category, Party, Qualifier, Quantity, Report, Status, When};

/// What the form is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormTarget {
    /// Report `report` of transfer `transfer` of the dataset shown.
    Report {
        /// Transfer index.
        transfer: usize,
        /// Report index within it.
        report: usize,
    },
    /// Every report of transfer `transfer`: the fields changed apply to each.
    Transfer {
        /// Transfer index.
        transfer: usize,
    },
    /// A new report with a span of an article as its evidence.
    Span {
        /// Article index.
        article: usize,
        /// First byte of the span.
        start: usize,
        /// One past its last byte.
        end: usize,
    },
}

/// A report's fields as the analyst types them.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportForm {
    /// What it edits or adds.
    pub target: FormTarget,
    /// Supplier code.
    pub supplier: String,
    /// Recipient code.
    pub recipient: String,
    /// The goods.
    pub item: String,
    /// Category.
    pub category: Category,
    /// "150", "about 300", "more than 100", "up to 50", or empty.
    pub quantity: String,
    /// Dollars ("1,500,000"), or empty.
    pub value: String,
    /// Status.
    pub status: Status,
    /// "2023-11-08", "2023-11", "2023", or empty (the article's date).
    pub date: String,
    /// The analyst's note.
    pub note: String,
    /// Why the last save was refused.
    pub error: Option<String>,
}

/// The values of a form that checks out.
#[derive(Debug, Clone, PartialEq)]
pub struct FormValues {
    /// Supplier.
    pub supplier: Party,
    /// Recipient.
    pub recipient: Party,
    /// The goods.
    pub item: String,
    /// Category.
    pub category: Category,
    /// How many.
    pub quantity: Option<Quantity>,
    /// Dollars.
    pub value_usd: Option<u64>,
    /// Status.
    pub status: Status,
    /// When, if typed.
    pub date: Option<When>,
    /// Note.
    pub note: Option<String>,
}

impl ReportForm {
    /// The form of `report`, filled with its values.
    pub fn of_report(target: FormTarget, report: &Report) -> Self {
        let date = match report.date.basis {
            Some(crate::model::ReportDateBasis::Analyst)
            | Some(crate::model::ReportDateBasis::Text) => report
                .date
                .when()
                .map(|w| w.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        };
        Self {
            target,
            supplier: report.supplier.code.clone(),
            recipient: report.recipient.code.clone(),
            item: report.item.clone(),
            category: report.category,
            quantity: report.quantity.map(quantity_text).unwrap_or_default(),
            value: report.value_usd.map(|v| v.to_string()).unwrap_or_default(),
            status: report.status,
            date,
            note: report.review.note.clone().unwrap_or_default(),
            error: None,
        }
    }

    /// The form of a whole transfer, filled with its summary (no date, no note).
    pub fn of_transfer(target: FormTarget, t: &Transfer) -> Self {
        Self {
            target,
            supplier: t.supplier.code.clone(),
            recipient: t.recipient.code.clone(),
            item: t.item.clone(),
            category: t.category,
            quantity: t.quantity.map(quantity_text).unwrap_or_default(),
            value: t.value_usd.map(|v| v.to_string()).unwrap_or_default(),
            status: t.status,
            date: String::new(),
            note: String::new(),
            error: None,
        }
    }

    /// The values, or what is wrong with them in words. `name` gives a country code's name
    /// (`None` for a code it does not know).
    pub fn values(&self, name: &dyn Fn(&str) -> Option<String>) -> Result<FormValues, String> {
        let party = |code: &str, side: &str| -> Result<Party, String> {
            let code = code.trim().to_uppercase();
            if code.is_empty() {
                return Err(format!("choose a {side}"));
            }
            let name = name(&code).ok_or_else(|| format!("{code} is not a known country"))?;
            Ok(Party { code, name })
        };
        let supplier = party(&self.supplier, "supplier")?;
        let recipient = party(&self.recipient, "recipient")?;
        if supplier.code == recipient.code {
            return Err("the supplier and the recipient are the same".into());
        }
        let item = self.item.trim();
        if item.is_empty() {
            return Err("name the goods".into());
        }
        let quantity = match self.quantity.trim() {
            "" => None,
            text => Some(parse_quantity(text).ok_or_else(|| {
                format!("{text:?} is not a number (e.g. 150, about 300, more than 100)")
            })?),
        };
        let value_usd = match self.value.trim() {
            "" => None,
            text => Some(
                parse_dollars(text)
                    .ok_or_else(|| format!("{text:?} is not a dollar amount (e.g. 1,500,000)"))?,
            ),
        };
        let date = match self.date.trim() {
            "" => None,
            text => Some(When::parse(text).ok_or_else(|| {
                format!("{text:?} is not a date (use 2023-11-08, 2023-11 or 2023)")
            })?),
        };
        let note = Some(self.note.trim().to_owned()).filter(|n| !n.is_empty());
        Ok(FormValues {
            supplier,
            recipient,
            item: item.to_owned(),
            category: self.category,
            quantity,
            value_usd,
            status: self.status,
            date,
            note,
        })
    }
}

impl FormValues {
    /// Sets `report`'s fields to these values (its date only when one was typed).
    pub fn assign(&self, report: &mut Report) {
        report.supplier.clone_from(&self.supplier);
        report.recipient.clone_from(&self.recipient);
        report.item.clone_from(&self.item);
        report.category = self.category;
        report.quantity = self.quantity;
        report.value_usd = self.value_usd;
        report.status = self.status;
        if let Some(w) = self.date {
            report.date = crate::model::analyst_date(w);
        }
    }

    /// Sets the fields of `report` where these values differ from `baseline`.
    pub fn assign_changed(&self, baseline: &FormValues, report: &mut Report) {
        if self.supplier != baseline.supplier {
            report.supplier.clone_from(&self.supplier);
        }
        if self.recipient != baseline.recipient {
            report.recipient.clone_from(&self.recipient);
        }
        if self.item != baseline.item {
            report.item.clone_from(&self.item);
        }
        if self.category != baseline.category {
            report.category = self.category;
        }
        if self.quantity != baseline.quantity {
            report.quantity = self.quantity;
        }
        if self.value_usd != baseline.value_usd {
            report.value_usd = self.value_usd;
        }
        if self.status != baseline.status {
            report.status = self.status;
        }
        if let Some(w) = self.date.filter(|_| self.date != baseline.date) {
            report.date = crate::model::analyst_date(w);
        }
    }
}

/// How a quantity is typed back: "about 300".
fn quantity_text(q: Quantity) -> String {
    let prefix = match q.qualifier {
        Qualifier::Exact => "",
        Qualifier::MoreThan => "more than ",
        Qualifier::About => "about ",
        Qualifier::UpTo => "up to ",
    };
    format!("{prefix}{}", q.value)
}

/// "150", "about 300", "more than 100", "up to 50", "1,200".
fn parse_quantity(text: &str) -> Option<Quantity> {
    let lower = text.to_lowercase();
    let prefixes = [
        ("more than ", Qualifier::MoreThan),
        ("over ", Qualifier::MoreThan),
        ("about ", Qualifier::About),
        ("around ", Qualifier::About),
        ("~", Qualifier::About),
        ("up to ", Qualifier::UpTo),
    ];
    let (rest, qualifier) = prefixes
        .iter()
        .find_map(|(p, q)| lower.strip_prefix(p).map(|r| (r, *q)))
        .unwrap_or((lower.as_str(), Qualifier::Exact));
    let rest = rest.trim().trim_end_matches('+');
    let qualifier = if lower.ends_with('+') {
        Qualifier::MoreThan
    } else {
        qualifier
    };
    Some(Quantity {
        value: parse_number(rest)?,
        qualifier,
    })
}

/// "$1,500,000" or "1500000".
fn parse_dollars(text: &str) -> Option<u64> {
    parse_number(text.trim().trim_start_matches('$'))
}

/// Digits with optional thousands separators.
fn parse_number(text: &str) -> Option<u64> {
    let digits: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_and_dollars_as_typed() {
        let q = |v, qualifier| {
            Some(Quantity {
                value: v,
                qualifier,
            })
        };
        let cases = [
            ("150", q(150, Qualifier::Exact)),
            ("about 300", q(300, Qualifier::About)),
            ("More than 1,000", q(1000, Qualifier::MoreThan)),
            ("100+", q(100, Qualifier::MoreThan)),
            ("up to 50", q(50, Qualifier::UpTo)),
            ("many", None),
            ("-3", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_quantity(text), want, "{text}");
        }
        assert_eq!(parse_dollars("$1,500,000"), Some(1_500_000));
        assert_eq!(parse_dollars("1.5 billion"), None);
    }

    #[test]
    fn a_form_names_what_is_wrong() {
        let form = ReportForm {
            target: FormTarget::Span {
                article: 0,
                start: 0,
                end: 1,
            },
            supplier: "de".into(),
            recipient: "UA".into(),
            item: "tanks".into(),
            category: Category::ArmouredVehicles,
            quantity: "about 14".into(),
            value: String::new(),
            status: Status::Delivered,
            date: "2023-13".into(),
            note: String::new(),
            error: None,
        };
        let name = |c: &str| ["DE", "UA"].contains(&c).then(|| c.to_owned());
        let e = form.values(&name).expect_err("a bad date");
        assert!(e.contains("not a date"), "{e}");
        let ok = ReportForm {
            date: "2023-02".into(),
            ..form.clone()
        };
        let values = ok.values(&name).expect("fine");
        assert_eq!(values.supplier.code, "DE");
        assert_eq!(values.quantity.map(|q| q.value), Some(14));
        let unknown = ReportForm {
            recipient: "XX".into(),
            ..ok
        };
        assert!(unknown.values(&name).is_err());
    }
}
