//! SIPRI trade registers: an export of the SIPRI Arms Transfers Database read into deals
//! ([`read_register`]), and each transfer checked against it ([`Register::check`]): in the
//! register, not in it (a candidate new finding), or outside what it covers.
//!
//! The vocabulary (SIPRI descriptions as categories, which categories can confirm which,
//! SIPRI's party names) is data in `assets/register/`.

mod check;
mod read;
mod tables;

pub use check::{Query, YEAR_SLACK};
pub use read::{Layout, MAX_REGISTER_BYTES, parse_register, read_register};
pub use tables::{CategoryTable, NameTable};

use crate::model::{Problem, RegisterDeal};
use std::collections::{BTreeSet, HashMap};

/// Why a register could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The file has neither header of a SIPRI trade-register export.
    #[error(
        "{0} is not a SIPRI trade-register export: no line starts with \"Recipient,Supplier\" or \"SIPRI AT Database ID\""
    )]
    NotARegister(String),
    /// A bundled table of `assets/register/` is wrong (a build that passed its tests has
    /// none).
    #[error("assets/register/{file}, line {line}: {reason}")]
    Table {
        /// The table.
        file: &'static str,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// What an export covers, from its first line ("Transfers of major conventional arms from
/// All countries to Ukraine. Deals with deliveries made for the year range '2000' to
/// '2024'"): `None` is no limit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// The only suppliers it holds (codes), with their names as written.
    pub suppliers: Option<(BTreeSet<String>, String)>,
    /// The only recipients it holds.
    pub recipients: Option<(BTreeSet<String>, String)>,
    /// The years of deliveries it was made for.
    pub years: Option<(i32, i32)>,
}

impl Coverage {
    /// Reads the export's first line; parts it cannot read limit nothing.
    fn from_title(title: &str, names: &NameTable<'_>) -> Self {
        let side = |name: &str| {
            let name = name.trim();
            if name.is_empty() || name.eq_ignore_ascii_case("All countries") {
                return None;
            }
            let code = names.code(name).ok()?;
            Some((BTreeSet::from([code]), name.to_owned()))
        };
        let between = |text: &str, start: &str, end: &str| -> Option<String> {
            let from = text.find(start)? + start.len();
            let to = from + text[from..].find(end)?;
            Some(text[from..to].to_owned())
        };
        let parties = between(title, " from ", " . ").or_else(|| between(title, " from ", "."));
        let (suppliers, recipients) = parties
            .as_deref()
            .and_then(|p| p.split_once(" to "))
            .map_or((None, None), |(s, r)| (side(s), side(r)));
        let range = between(title, "year range '", "'").zip(
            title
                .find("' to '")
                .and_then(|i| between(&title[i..], "' to '", "'")),
        );
        let years = range.and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
        Self {
            suppliers,
            recipients,
            years,
        }
    }
}

/// A SIPRI trade register, read: its deals whose parties have codes, and what it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    /// The file's name.
    pub file: String,
    /// The export's first line, spaces collapsed.
    pub title: String,
    /// When SIPRI generated it ("18 May 2026 2:29:20 PM").
    pub generated: Option<String>,
    /// Its layout.
    pub layout: Layout,
    /// What it covers.
    pub coverage: Coverage,
    /// The deals, in file order.
    pub deals: Vec<RegisterDeal>,
    /// Records that could not be read and names that map to no code.
    pub problems: Vec<Problem>,
    /// Deals by (supplier code, recipient code).
    by_pair: HashMap<(String, String), Vec<usize>>,
    /// Every code the register names.
    codes: BTreeSet<String>,
    /// The first and last year of any order or delivery.
    span: Option<(i32, i32)>,
}

impl Register {
    /// The register with its lookups built from its deals (read.rs leaves them empty).
    fn indexed(mut self) -> Self {
        for (i, d) in self.deals.iter().enumerate() {
            self.by_pair
                .entry((d.supplier_code.clone(), d.recipient_code.clone()))
                .or_default()
                .push(i);
            self.codes.insert(d.supplier_code.clone());
            self.codes.insert(d.recipient_code.clone());
            for &y in d.order_year.iter().chain(&d.delivery_years) {
                self.span = Some(self.span.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
            }
        }
        self
    }

    /// The first and last year of any order or delivery in it.
    pub fn span(&self) -> Option<(i32, i32)> {
        self.span
    }

    /// The deals from `supplier` to `recipient` (codes), in file order.
    pub fn pair(&self, supplier: &str, recipient: &str) -> impl Iterator<Item = &RegisterDeal> {
        self.by_pair
            .get(&(supplier.to_owned(), recipient.to_owned()))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.deals.get(i))
    }

    /// A line that says what was read: "trade-register.csv: 29,745 deals (generated 18 May
    /// 2026 2:29:20 PM)".
    pub fn describe(&self) -> String {
        let generated = self
            .generated
            .as_deref()
            .map(|g| format!(" (generated {g})"))
            .unwrap_or_default();
        format!("{}: {} deals{generated}", self.file, self.deals.len())
    }
}
