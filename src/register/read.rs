//! Reading a SIPRI trade-register export: its preamble (what it covers, when it was made),
//! and its deals in either layout SIPRI writes (`../../README.md`, SIPRI register):
//!
//! - deal-level: header `Recipient,Supplier,Year of order, ,Number ordered, …`, 16 fields,
//!   one row per deal, `?` flags, delivery years as "2017; 2018; 2019";
//! - delivery-level: header `SIPRI AT Database ID,Supplier,Recipient,…`, 17 fields, one row
//!   per deal and delivery year, `Yes`/`No` estimate flags.
//!
//! Exports are Latin-1 and quote nothing (SIPRI writes commas in text as ";"). A record that
//! a stray newline split in two is joined again.

use super::tables::{CategoryTable, NameTable};
use super::{Coverage, Register, RegisterError};
use crate::gazetteer::Gazetteer;
use crate::model::{Problem, ProblemKind, RegisterDeal};
use std::collections::BTreeMap;
use std::path::Path;

/// The largest register read: the full global export is 4 MB.
pub const MAX_REGISTER_BYTES: u64 = 256 * 1024 * 1024;

const DEAL_LEVEL_HEADER: &str = "Recipient,Supplier";
const DELIVERY_LEVEL_HEADER: &str = "SIPRI AT Database ID,";
const DEAL_LEVEL_FIELDS: usize = 16;
const DELIVERY_LEVEL_FIELDS: usize = 17;

/// Which layout an export has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One row per deal (the trade register).
    DealLevel,
    /// One row per deal and delivery year.
    DeliveryLevel,
}

/// Reads the register at `path`, resolving its party names with `gazetteer`.
pub fn read_register(path: &Path, gazetteer: &Gazetteer) -> Result<Register, RegisterError> {
    let (bytes, _) = crate::files::read_regular_file(path, MAX_REGISTER_BYTES).map_err(|e| {
        RegisterError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        }
    })?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    parse_register(&bytes, &name, gazetteer)
}

/// Parses the bytes of a register export called `file`.
pub fn parse_register(
    bytes: &[u8],
    file: &str,
    gazetteer: &Gazetteer,
) -> Result<Register, RegisterError> {
    let text = decode(bytes);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let (header, layout) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| {
            if l.starts_with(DEAL_LEVEL_HEADER) {
                Some((i, Layout::DealLevel))
            } else if l.starts_with(DELIVERY_LEVEL_HEADER) {
                Some((i, Layout::DeliveryLevel))
            } else {
                None
            }
        })
        .ok_or_else(|| RegisterError::NotARegister(file.to_owned()))?;
    let names = NameTable::new(gazetteer)?;
    let mut reader = Records {
        file,
        names: &names,
        categories: CategoryTable::builtin(),
        unmapped: BTreeMap::new(),
        problems: Vec::new(),
    };
    let rows = &lines[header + 1..];
    let first_line = header + 2;
    let deals = match layout {
        Layout::DealLevel => reader.deal_level(rows, first_line),
        Layout::DeliveryLevel => reader.delivery_level(rows, first_line),
    };
    let preamble = &lines[..header];
    let title = preamble
        .first()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let generated = preamble
        .iter()
        .find_map(|l| l.trim().strip_prefix("Data generated:"))
        .map(|d| d.trim().to_owned());
    let coverage = Coverage::from_title(&title, &names);
    let mut problems = reader.problems;
    for (name, (why, count)) in reader.unmapped {
        problems.push(Problem {
            path: file.to_owned(),
            reason: format!(
                "SIPRI party {name:?} is {why}: its {count} {} left out of the cross-check",
                if count == 1 { "deal is" } else { "deals are" }
            ),
            kind: ProblemKind::Unmapped,
        });
    }
    let register = Register {
        file: file.to_owned(),
        title,
        generated,
        layout,
        coverage,
        deals,
        problems,
        by_pair: Default::default(),
        codes: Default::default(),
        span: None,
    };
    Ok(register.indexed())
}

/// UTF-8 when the bytes are, else Latin-1 (as SIPRI writes them).
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The state of reading records: the tables, and what could not be read or mapped.
struct Records<'a> {
    file: &'a str,
    names: &'a NameTable<'a>,
    categories: &'a CategoryTable,
    /// Unmapped party names: why, and how many deals they hold.
    unmapped: BTreeMap<String, (&'static str, usize)>,
    problems: Vec<Problem>,
}

impl Records<'_> {
    /// Deal-level rows. A row with too few fields was split by a stray newline in its
    /// comments: it is joined (with a space) with the lines after it while together they
    /// have no more fields than a record, so a cut-off row never swallows a good one.
    fn deal_level(&mut self, rows: &[&str], first_line: usize) -> Vec<RegisterDeal> {
        let mut deals = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            let line = first_line + i;
            let mut record = rows[i].to_owned();
            i += 1;
            if record.trim().is_empty() {
                continue;
            }
            while let Some(next) = rows.get(i)
                && field_count(&record) < DEAL_LEVEL_FIELDS
                && !next.trim().is_empty()
                && field_count(&record) + field_count(next) - 1 <= DEAL_LEVEL_FIELDS
            {
                record.push(' ');
                record.push_str(next);
                i += 1;
            }
            let fields: Vec<&str> = record.split(',').map(str::trim).collect();
            if fields.len() != DEAL_LEVEL_FIELDS {
                self.malformed(line, fields.len(), DEAL_LEVEL_FIELDS);
                continue;
            }
            if let Some(deal) = self.deal_row(&fields, line) {
                deals.push(deal);
            }
        }
        deals
    }

    /// One deal-level row: Recipient, Supplier, Year of order, ?, Number ordered, ?,
    /// Weapon designation, Weapon description, Number delivered, ?, Year(s) of delivery,
    /// status, Comments, and three TIV columns ArmsFlow does not use.
    fn deal_row(&mut self, f: &[&str], line: usize) -> Option<RegisterDeal> {
        let (recipient_code, supplier_code) = self.parties(f[0], f[1])?;
        let mut delivery_years: Vec<i32> = f[10]
            .split(';')
            .filter_map(|y| y.trim().parse().ok())
            .collect();
        delivery_years.sort_unstable();
        delivery_years.dedup();
        Some(RegisterDeal {
            line: line as u32,
            sipri_id: None,
            supplier: f[1].to_owned(),
            supplier_code,
            recipient: f[0].to_owned(),
            recipient_code,
            designation: f[6].to_owned(),
            description: f[7].to_owned(),
            category: self.categories.categorise(f[7], None),
            order_year: f[2].parse().ok(),
            order_year_uncertain: f[3] == "?",
            ordered: f[4].parse().ok(),
            ordered_uncertain: f[5] == "?",
            delivered: f[8].parse().ok(),
            delivered_uncertain: f[9] == "?",
            delivery_years,
            status: f[11].to_owned(),
            comments: f[12].to_owned(),
        })
    }

    /// Delivery-level rows, gathered into one deal per SIPRI deal number: SIPRI AT Database
    /// ID, Supplier, Recipient, Designation, Description, Armament category, Order date,
    /// Order date is estimate, Numbers delivered, Numbers delivered is estimate, Delivery
    /// year, Delivery year is estimate, Status, and four columns ArmsFlow does not use.
    fn delivery_level(&mut self, rows: &[&str], first_line: usize) -> Vec<RegisterDeal> {
        let mut deals: Vec<RegisterDeal> = Vec::new();
        let mut position: BTreeMap<u64, usize> = BTreeMap::new();
        // Deal numbers seen whose parties have no code.
        let mut left_out: std::collections::BTreeSet<u64> = Default::default();
        for (i, row) in rows.iter().enumerate() {
            let line = first_line + i;
            if row.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = row.split(',').map(str::trim).collect();
            if f.len() != DELIVERY_LEVEL_FIELDS {
                self.malformed(line, f.len(), DELIVERY_LEVEL_FIELDS);
                continue;
            }
            let id: Option<u64> = f[0].parse().ok();
            let yes = |s: &str| s.eq_ignore_ascii_case("yes");
            let delivered: Option<u32> = f[8].parse().ok();
            let year: Option<i32> = f[10].parse().ok();
            if let Some(&at) = id.and_then(|id| position.get(&id)) {
                let Some(deal) = deals.get_mut(at) else {
                    continue;
                };
                // Unknown stays unknown only when every year's number is.
                deal.delivered = match (deal.delivered, delivered) {
                    (Some(a), Some(b)) => Some(a.saturating_add(b)),
                    (a, b) => a.or(b),
                };
                deal.delivered_uncertain |= yes(f[9]);
                if let Some(y) = year.filter(|y| !deal.delivery_years.contains(y)) {
                    deal.delivery_years.push(y);
                    deal.delivery_years.sort_unstable();
                }
                continue;
            }
            // A deal of an unmapped party is counted once, not once per delivery year.
            if id.is_some_and(|id| !left_out.insert(id)) {
                continue;
            }
            let Some((supplier_code, recipient_code)) = self.parties(f[1], f[2]) else {
                continue;
            };
            if let Some(id) = id {
                left_out.remove(&id);
                position.insert(id, deals.len());
            }
            deals.push(RegisterDeal {
                line: line as u32,
                sipri_id: id,
                supplier: f[1].to_owned(),
                supplier_code,
                recipient: f[2].to_owned(),
                recipient_code,
                designation: f[3].to_owned(),
                description: f[4].to_owned(),
                category: self.categories.categorise(f[4], Some(f[5])),
                order_year: f[6].parse().ok(),
                order_year_uncertain: yes(f[7]),
                ordered: None,
                ordered_uncertain: false,
                delivered,
                delivered_uncertain: yes(f[9]),
                delivery_years: year.into_iter().collect(),
                status: f[12].to_owned(),
                comments: String::new(),
            });
        }
        deals
    }

    /// The codes of two party names, in the order given; `None` (and the name counted as
    /// unmapped) when either has none.
    fn parties(&mut self, first: &str, second: &str) -> Option<(String, String)> {
        let mut code = |name: &str| match self.names.code(name) {
            Ok(code) => Some(code),
            Err(why) => {
                self.unmapped.entry(name.to_owned()).or_insert((why, 0)).1 += 1;
                None
            }
        };
        // Both are looked up, so each unmapped name is counted even beside another.
        let (a, b) = (code(first), code(second));
        Some((a?, b?))
    }

    fn malformed(&mut self, line: usize, found: usize, wanted: usize) {
        self.problems.push(Problem {
            path: self.file.to_owned(),
            reason: format!("line {line} has {found} fields, not {wanted}: the record is left out"),
            kind: ProblemKind::Malformed,
        });
    }
}

/// Fields in a comma-separated line (SIPRI quotes nothing).
fn field_count(line: &str) -> usize {
    line.bytes().filter(|&b| b == b',').count() + 1
}
