//! A dataset checked against a SIPRI trade register: every transfer marked (in the register,
//! not in it, not covered), and per pair the register's deals no report matched. The check
//! runs again whenever the transfers are grouped again, so marks follow the review.

use super::{Dataset, Transfer};
use crate::model::{Article, RegisterMark, RegisterSummary, UnreportedDeals};
use crate::register::{Query, Register, YEAR_SLACK};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

impl Dataset {
    /// Checks every transfer against `register` from now on (`None` removes the check and
    /// its marks).
    pub fn set_register(&mut self, register: Option<Arc<Register>>) {
        self.register = register;
        self.check_register();
    }

    /// How the transfers came out of the register check, in words: "25 in the register,
    /// 4 not in it, 16 not covered".
    pub fn register_marks(&self) -> String {
        let count = |mark: RegisterMark| {
            self.transfers
                .iter()
                .filter(|t| t.register.as_ref().is_some_and(|m| m.mark == mark))
                .count()
        };
        format!(
            "{} in the register, {} not in it, {} not covered",
            count(RegisterMark::InRegister),
            count(RegisterMark::NotInRegister),
            count(RegisterMark::NotCovered)
        )
    }

    /// Marks every transfer against the register set, and lists what the register has more
    /// (nothing to do without one).
    pub(super) fn check_register(&mut self) {
        let Some(register) = self.register.clone() else {
            self.transfers.iter_mut().for_each(|t| t.register = None);
            self.register_summary = None;
            return;
        };
        let positions = self.article_positions();
        let articles = &self.articles;
        let years: Vec<Option<(i32, i32)>> = self
            .transfers
            .iter()
            .map(|t| transfer_years(t, articles, &positions))
            .collect();
        self.transfers
            .par_iter_mut()
            .zip(&years)
            .for_each(|(t, &years)| {
                let query = Query {
                    supplier: &t.supplier.code,
                    recipient: &t.recipient.code,
                    category: t.category,
                    items: t.reports.iter().map(|r| r.item.as_str()).collect(),
                    sentences: t.evidence().map(|e| e.sentence.as_str()).collect(),
                    years,
                };
                t.register = Some(register.check(&query));
            });
        self.register_summary = Some(RegisterSummary {
            file: register.file.clone(),
            title: register.title.clone(),
            generated: register.generated.clone(),
            deals: register.deals.len(),
            problems: register.problems.clone(),
            unreported: unreported(&self.transfers, &years, &register),
        });
    }
}

/// The first and last year of a transfer's reports, or of their articles when no report is
/// dated.
fn transfer_years(
    t: &Transfer,
    articles: &[Article],
    positions: &HashMap<&str, usize>,
) -> Option<(i32, i32)> {
    let span = |pairs: &mut dyn Iterator<Item = (i32, i32)>| {
        pairs.fold(None, |acc: Option<(i32, i32)>, (a, b)| {
            Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
        })
    };
    let reported = span(&mut t.reports.iter().filter_map(|r| {
        let from = r.date.from?;
        let to = r.date.to.unwrap_or(from);
        Some((i32::from(from.year()), i32::from(to.year())))
    }));
    reported.or_else(|| {
        span(&mut t.reports.iter().filter_map(|r| {
            let article = articles.get(*positions.get(r.article.as_str())?)?;
            let when = &article.date.as_ref()?.when;
            Some((i32::from(when.from.year()), i32::from(when.to.year())))
        }))
    })
}

/// (supplier, recipient) -> (the years of its transfers, the lines of the deals they matched).
type PairsSeen<'a> = BTreeMap<(&'a str, &'a str), (Option<(i32, i32)>, BTreeSet<u32>)>;

/// Per pair with a checked transfer, the register's deals in the pair's years that no
/// transfer matched (none for pairs or years the register does not cover).
fn unreported(
    transfers: &[Transfer],
    years: &[Option<(i32, i32)>],
    register: &Register,
) -> Vec<UnreportedDeals> {
    let mut pairs: PairsSeen<'_> = BTreeMap::new();
    for (t, &span) in transfers.iter().zip(years) {
        // Every pair, goods SIPRI does not record included: what the register has between
        // North Korea and Russia matters beside a report of shells.
        let Some(m) = &t.register else {
            continue;
        };
        let entry = pairs
            .entry((&t.supplier.code, &t.recipient.code))
            .or_default();
        if let Some((a, b)) = span {
            entry.0 = Some(entry.0.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
        }
        entry.1.extend(m.matched_lines.iter().copied());
    }
    pairs
        .into_iter()
        .filter_map(|((supplier, recipient), (span, matched))| {
            let (a, b) = span?;
            let window = (a - YEAR_SLACK, b + YEAR_SLACK);
            let deals: Vec<_> = register
                .deals_in(supplier, recipient, window)
                .filter(|d| !matched.contains(&d.line))
                .cloned()
                .collect();
            (!deals.is_empty()).then(|| UnreportedDeals {
                supplier: supplier.to_owned(),
                recipient: recipient.to_owned(),
                years: window,
                deals,
            })
        })
        .collect()
}
