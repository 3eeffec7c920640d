//! What a SIPRI trade register says about a transfer: the register's deals, and the mark a
//! cross-check gives a transfer ([`RegisterMatch`]). The rules that read registers and
//! compare them are in `crate::register`.

use super::{Category, Problem};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One deal of a SIPRI trade register (a row of a deal-level export, or the rows of one deal
/// of a delivery-level export), with its parties resolved to codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterDeal {
    /// The line of the register file where the deal starts (1-based), so a user can find it.
    pub line: u32,
    /// SIPRI's deal number (delivery-level exports only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sipri_id: Option<u64>,
    /// The supplier as SIPRI names it ("Turkiye").
    pub supplier: String,
    /// The supplier's code (ISO 3166-1 alpha-2, a historical code such as `SU`, or a bloc).
    pub supplier_code: String,
    /// The recipient as SIPRI names it.
    pub recipient: String,
    /// The recipient's code.
    pub recipient_code: String,
    /// The weapon's designation ("Shahed-136").
    pub designation: String,
    /// SIPRI's description of the weapon ("one-way attack drone").
    pub description: String,
    /// ArmsFlow's category for the description (`None` when no rule places it).
    pub category: Option<Category>,
    /// Year of the order.
    pub order_year: Option<i32>,
    /// SIPRI marks the order year as uncertain (`?`, or "is estimate").
    #[serde(default)]
    pub order_year_uncertain: bool,
    /// Number ordered (`None`: not yet known, or not in this export's layout).
    pub ordered: Option<u32>,
    /// SIPRI marks the number ordered as uncertain.
    #[serde(default)]
    pub ordered_uncertain: bool,
    /// Number delivered.
    pub delivered: Option<u32>,
    /// SIPRI marks the number delivered as uncertain.
    #[serde(default)]
    pub delivered_uncertain: bool,
    /// The years of delivery, ascending (empty: nothing delivered yet).
    pub delivery_years: Vec<i32>,
    /// SIPRI's status: "New", "Second hand", "Second hand but modernized".
    pub status: String,
    /// SIPRI's comments (value, version, financier), items separated by "; ".
    pub comments: String,
}

impl RegisterDeal {
    /// The deal's years in words: "ordered 2022?; delivered 2022-2023".
    pub fn years_label(&self) -> String {
        let mut parts = Vec::new();
        if let Some(y) = self.order_year {
            let mark = if self.order_year_uncertain { "?" } else { "" };
            parts.push(format!("ordered {y}{mark}"));
        }
        match (self.delivery_years.first(), self.delivery_years.last()) {
            (Some(a), Some(b)) if a == b => parts.push(format!("delivered {a}")),
            (Some(a), Some(b)) => parts.push(format!("delivered {a}–{b}")),
            _ => parts.push("not delivered yet".to_owned()),
        }
        parts.join("; ")
    }

    /// The numbers in words: "20 ordered, 12? delivered".
    pub fn numbers_label(&self) -> String {
        let mark = |uncertain: bool| if uncertain { "?" } else { "" };
        let mut parts = Vec::new();
        if let Some(n) = self.ordered {
            parts.push(format!("{n}{} ordered", mark(self.ordered_uncertain)));
        }
        if let Some(n) = self.delivered {
            parts.push(format!("{n}{} delivered", mark(self.delivered_uncertain)));
        }
        parts.join(", ")
    }

    /// One line that names the deal: "Shahed-136 (one-way attack drone), ordered 2022;
    /// delivered 2022–2023, 2400? ordered, 2400? delivered".
    pub fn summary(&self) -> String {
        let numbers = self.numbers_label();
        let numbers = if numbers.is_empty() {
            String::new()
        } else {
            format!(", {numbers}")
        };
        format!(
            "{} ({}), {}{numbers}",
            self.designation,
            self.description,
            self.years_label()
        )
    }
}

/// What a register cross-check found for a transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegisterMark {
    /// The register has a deal between the same parties, of a compatible kind, in the years
    /// the reports span.
    InRegister,
    /// The register could hold it and does not: a candidate new finding.
    NotInRegister,
    /// The register cannot say: goods SIPRI does not record (ammunition, small arms, money),
    /// a party it has no code for (the West), or years or countries outside the export.
    NotCovered,
}

impl RegisterMark {
    /// Every mark, in display order.
    pub const ALL: [RegisterMark; 3] = [Self::InRegister, Self::NotInRegister, Self::NotCovered];

    /// The kebab-case name used in JSON, CSV and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InRegister => "in-register",
            Self::NotInRegister => "not-in-register",
            Self::NotCovered => "not-covered",
        }
    }

    /// The mark in words, for tables and legends.
    pub fn label(self) -> &'static str {
        match self {
            Self::InRegister => "in the register",
            Self::NotInRegister => "not in the register",
            Self::NotCovered => "not covered by the register",
        }
    }

    /// Parses the kebab-case name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

impl fmt::Display for RegisterMark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A transfer's mark from a register cross-check, why, and the deals it matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterMatch {
    /// What the check found.
    pub mark: RegisterMark,
    /// Why, in words ("designation Shahed-136 named in the report", "SIPRI does not record
    /// ammunition").
    pub why: String,
    /// The matching deals, best first (at most a few).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deals: Vec<RegisterDeal>,
    /// The register lines of every matching deal, the ones not kept in `deals` too (so none
    /// is listed as a deal no report matched).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matched_lines: Vec<u32>,
}

/// What a register cross-check of a whole dataset found, beside the marks on its transfers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSummary {
    /// The register's file name.
    pub file: String,
    /// The export's first line (what it covers).
    pub title: String,
    /// When SIPRI generated it.
    pub generated: Option<String>,
    /// How many deals were read (with both parties mapped).
    pub deals: usize,
    /// The register's records that could not be read and its party names that map to no
    /// code (their deals are left out).
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// Per supplier and recipient with a checked transfer: the register's deals in the years
    /// of their reports that no transfer matched.
    pub unreported: Vec<UnreportedDeals>,
}

impl RegisterSummary {
    /// The register's unmatched deals from `supplier` to `recipient` (codes), if any.
    pub fn unreported(&self, supplier: &str, recipient: &str) -> Option<&UnreportedDeals> {
        self.unreported
            .iter()
            .find(|u| u.supplier == supplier && u.recipient == recipient)
    }
}

/// The register's deals between one supplier and recipient that no report matched: "the
/// register has more".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreportedDeals {
    /// Supplier code.
    pub supplier: String,
    /// Recipient code.
    pub recipient: String,
    /// The years looked at (the reports' years, widened as matching widens them).
    pub years: (i32, i32),
    /// The deals, in register order.
    pub deals: Vec<RegisterDeal>,
}
