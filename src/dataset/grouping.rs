//! Which reports are the same transfer.
//!
//! Two reports are of the same transfer when they have the same supplier and recipient, the
//! same category, compatible items, come from different articles, and their dates do not
//! contradict: the spans are at most [`SAME_TRANSFER_WINDOW_DAYS`] apart
//! ([`GENERIC_ITEM_WINDOW_DAYS`] when either names its goods only as "weapons", "aid" and the
//! like). A date estimated from an article's text is only a lower bound (the article is at
//! least that recent), so it contradicts nothing later. An undated report contradicts no date.

use super::{Report, Transfer};
use crate::dates::ReportDateBasis;
use crate::model::ReviewState;
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// How far apart (in days between the date spans) two reports of one transfer may be. A year
/// covers a request, its agreement and the deliveries of most deals, while two purchases of
/// the same goods by the same pair in different years stay apart.
pub const SAME_TRANSFER_WINDOW_DAYS: i64 = 365;

/// The window when either report names its goods only generically ("weapons", "military
/// aid"): such words fit many deals of a pair (a new aid package every few weeks), so only
/// reports close in time are taken as the same one.
pub const GENERIC_ITEM_WINDOW_DAYS: i64 = 31;

/// Words that say nothing about which goods ("weapons", "military", "and"): an item made
/// only of these fits any item of its category.
const GENERIC_WORDS: &[&str] = &[
    "weapon",
    "arm",
    "weaponry",
    "equipment",
    "munition",
    "ammunition",
    "ammo",
    "aid",
    "assistance",
    "support",
    "part",
    "component",
    "good",
    "hardware",
    "supply",
    "system",
    "unspecified",
    "military",
    "material",
    "materiel",
];

/// Words skipped when comparing items.
const FILLER_WORDS: &[&str] = &[
    "and", "or", "of", "the", "a", "an", "for", "with", "its", "their", "more", "new", "other",
    "some", "such", "as", "used", "older", "old",
];

/// Groups `reports` (given in article order, then text order) into transfers `t1`, `t2`,
/// ..., oldest first: the reports are taken in date order (undated last, ties in the order
/// given), so each joins the deal of its time rather than the first one listed.
pub fn group_reports(reports: Vec<Report>) -> Vec<Transfer> {
    let keyed = reports
        .into_iter()
        .enumerate()
        .map(|(i, r)| (walk_key(&r, (i, 0, 0, 0)), r))
        .collect();
    regroup(keyed, Vec::new())
}

/// The (supplier, recipient, category) of a report: reports with different keys are never
/// one transfer.
pub(crate) type GroupKey = (String, String, super::Category);

/// The group key of a report (or of a transfer, which has its reports' key).
pub(crate) fn group_key(
    supplier: &super::Party,
    recipient: &super::Party,
    category: super::Category,
) -> GroupKey {
    (supplier.code.clone(), recipient.code.clone(), category)
}

/// Where a report stands among all the reports of a folder, for the order in which they are
/// grouped: (article position, first evidence start, first evidence end, place in the
/// article's extraction). Unique for each report, so the order never depends on the order
/// the reports are handed in.
pub(crate) type Place = (usize, usize, usize, u32);

/// The order reports are grouped in: by date (undated last), then by [`Place`].
pub(crate) type WalkKey = (bool, Option<Date>, Place);

/// The walk key of `report` at `place`.
pub(crate) fn walk_key(report: &Report, place: Place) -> WalkKey {
    (report.date.from.is_none(), report.date.from, place)
}

/// Groups `reports` (each with its walk key) into transfers, and numbers them together with
/// `kept`: transfers of an earlier grouping whose (supplier, recipient, category) no report
/// in `reports` has, given with the walk key of their first report. Transfers are numbered
/// `t1`, `t2`, ... in the order of their first reports, as if every report had been grouped
/// in one pass.
pub(crate) fn regroup(
    reports: Vec<(WalkKey, Report)>,
    kept: Vec<(WalkKey, Transfer)>,
) -> Vec<Transfer> {
    // Reports of different (supplier, recipient, category) are never one transfer, so each
    // such key is grouped on its own, in parallel.
    // Rejected reports are grouped apart, so that hiding them hides whole transfers and
    // leaves the figures of the others as the analyst accepted them.
    let mut by_key: BTreeMap<(GroupKey, bool), Vec<(WalkKey, Report)>> = BTreeMap::new();
    for (walk, report) in reports {
        let key = group_key(&report.supplier, &report.recipient, report.category);
        let rejected = report.review.state == ReviewState::Rejected;
        by_key
            .entry((key, rejected))
            .or_default()
            .push((walk, report));
    }
    let mut transfers: Vec<(WalkKey, Transfer)> = by_key
        .into_par_iter()
        .flat_map_iter(|(_, reports)| group_one_key(reports))
        .filter_map(|(first, g)| {
            Transfer::from_reports(String::new(), g.reports).map(|t| (first, t))
        })
        .collect();
    transfers.extend(kept);
    let mut transfers = merge_transfers(transfers);
    transfers.sort_by_key(|(first, _)| *first);
    transfers
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut t))| {
            t.id = format!("t{}", i + 1);
            t
        })
        .collect()
}

/// Joins the transfers whose reports an analyst merged (the same
/// [`crate::model::ReportReview::merged`] number, or numbers that meet in one transfer) into
/// the first of them, when they have the same supplier and recipient and are all rejected or
/// all not.
fn merge_transfers(transfers: Vec<(WalkKey, Transfer)>) -> Vec<(WalkKey, Transfer)> {
    if !transfers
        .iter()
        .any(|(_, t)| t.reports.iter().any(|r| r.review.merged.is_some()))
    {
        return transfers;
    }
    // Union-find over the transfers: each merge number joins every transfer that has it.
    let mut parent: Vec<usize> = (0..transfers.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let lane = |t: &Transfer| {
        let rejected = t
            .reports
            .iter()
            .all(|r| r.review.state == ReviewState::Rejected);
        (t.supplier.code.clone(), t.recipient.code.clone(), rejected)
    };
    let mut first_with: BTreeMap<(u32, (String, String, bool)), usize> = BTreeMap::new();
    for (i, (_, t)) in transfers.iter().enumerate() {
        for set in t.reports.iter().filter_map(|r| r.review.merged) {
            let j = *first_with.entry((set, lane(t))).or_insert(i);
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut joined: BTreeMap<usize, (WalkKey, Vec<Report>)> = BTreeMap::new();
    for (i, (walk, t)) in transfers.into_iter().enumerate() {
        let entry = joined
            .entry(root(&mut parent, i))
            .or_insert_with(|| (walk, Vec::new()));
        entry.0 = entry.0.min(walk);
        entry.1.extend(t.reports);
    }
    joined
        .into_values()
        .filter_map(|(walk, reports)| {
            Transfer::from_reports(String::new(), reports).map(|t| (walk, t))
        })
        .collect()
}

/// Groups the reports of one (supplier, recipient, category), walking them in walk-key
/// order; each group comes with its first report's walk key. A report an analyst split off
/// is a transfer of its own.
fn group_one_key(mut reports: Vec<(WalkKey, Report)>) -> Vec<(WalkKey, Group)> {
    reports.sort_by_key(|(walk, _)| *walk);
    let mut groups: Vec<(WalkKey, Group)> = Vec::new();
    for (walk, report) in reports {
        let words = item_words(&report.item);
        let open = |g: &Group| !report.review.apart && !g.apart && g.accepts(&report, &words);
        match groups.iter_mut().find(|(_, g)| open(g)) {
            Some((_, g)) => g.add(report, words),
            None => {
                let mut group = Group {
                    apart: report.review.apart,
                    ..Group::default()
                };
                group.add(report, words);
                groups.push((walk, group));
            }
        }
    }
    groups
}

/// The reports of one transfer so far, with what a new report must agree with, so that
/// joining costs the same however many reports a deal has.
#[derive(Default)]
struct Group {
    reports: Vec<Report>,
    /// Articles that already report it.
    articles: BTreeSet<String>,
    /// The distinct non-generic item descriptions, as word sets.
    items: Vec<BTreeSet<String>>,
    /// The extreme dates of all its reports.
    all: DateBounds,
    /// The extreme dates of its reports with a generic item ("weapons", "military aid").
    generic: DateBounds,
    /// A report an analyst split off: no other joins it.
    apart: bool,
}

/// The farthest dates of a set of reports: the only ones a new date can contradict.
#[derive(Default, Clone, Copy)]
struct DateBounds {
    /// The earliest end of a firm (not estimated) date.
    firm_min_to: Option<Date>,
    /// The latest start of a firm date.
    firm_max_from: Option<Date>,
    /// The latest lower bound among estimated dates.
    estimate_max_from: Option<Date>,
}

impl DateBounds {
    /// Whether `report`'s date is within `window` days of every date counted here. An
    /// estimate is a lower bound: only a firm date ending more than the window before it
    /// contradicts it; an undated report contradicts nothing.
    fn admits(&self, report: &Report, window: i64) -> bool {
        let Some(when) = report.date.when() else {
            return true;
        };
        let too_far = |earlier: Option<Date>, later: Option<Date>| match (earlier, later) {
            (Some(e), Some(l)) => days(e, l) > window,
            _ => false,
        };
        if is_estimate(report) {
            return !too_far(self.firm_min_to, Some(when.from));
        }
        !too_far(self.firm_min_to, Some(when.from))
            && !too_far(Some(when.to), self.firm_max_from)
            && !too_far(Some(when.to), self.estimate_max_from)
    }

    fn add(&mut self, report: &Report) {
        let Some(when) = report.date.when() else {
            return;
        };
        if is_estimate(report) {
            self.estimate_max_from = self.estimate_max_from.max(Some(when.from));
        } else {
            self.firm_min_to = Some(self.firm_min_to.map_or(when.to, |d| d.min(when.to)));
            self.firm_max_from = self.firm_max_from.max(Some(when.from));
        }
    }
}

impl Group {
    /// Whether `report` (with item words `words`) can be of this transfer: from another
    /// article, its item compatible with every item so far, and its date within the window of
    /// every date so far (the shorter window when either item is generic). The same as
    /// comparing it with each report in turn.
    fn accepts(&self, report: &Report, words: &BTreeSet<String>) -> bool {
        // One article's two reports of a pair are two deals: the extractor already merged
        // what the article says about one.
        if self.articles.contains(&report.article) {
            return false;
        }
        if is_generic(words) {
            return self.all.admits(report, GENERIC_ITEM_WINDOW_DAYS);
        }
        self.items.iter().all(|w| words_compatible(words, w))
            && self.all.admits(report, SAME_TRANSFER_WINDOW_DAYS)
            && self.generic.admits(report, GENERIC_ITEM_WINDOW_DAYS)
    }

    fn add(&mut self, report: Report, words: BTreeSet<String>) {
        self.articles.insert(report.article.clone());
        self.all.add(&report);
        if is_generic(&words) {
            self.generic.add(&report);
        } else if !self.items.contains(&words) {
            self.items.push(words);
        }
        self.reports.push(report);
    }
}

fn is_estimate(report: &Report) -> bool {
    report.date.basis == Some(ReportDateBasis::ArticleEstimated)
}

/// Days from `from` to `to` (negative when `to` is earlier).
fn days(from: Date, to: Date) -> i64 {
    // A civil duration is plain arithmetic on day numbers (a calendar span is not).
    from.duration_until(to).as_secs() / 86_400
}

/// The words of an item that tell goods apart, singular and lower case.
fn item_words(item: &str) -> BTreeSet<String> {
    item.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !FILLER_WORDS.contains(&w.as_str()))
        .map(|w| singular(&w))
        .collect()
}

fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_owned(),
        _ => word.to_owned(),
    }
}

/// An item made only of words that say nothing about which goods ("weapons", "military
/// aid"): it fits any item of its category.
fn is_generic(words: &BTreeSet<String>) -> bool {
    words.iter().all(|x| GENERIC_WORDS.contains(&x.as_str()))
}

/// "helicopter engines" and "engines" are compatible (one says more than the other); "T-72
/// tanks" and "Leopard tanks" are not; "weapons" fits anything.
pub fn items_compatible(a: &str, b: &str) -> bool {
    words_compatible(&item_words(a), &item_words(b))
}

/// [`items_compatible`] on the items' word sets: one is generic, or one says more than the
/// other.
fn words_compatible(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    is_generic(a) || is_generic(b) || a.is_subset(b) || b.is_subset(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Category, Party, Status};
    use crate::dates::{ReportDate, When};

    /// A report of Norway -> Poland howitzers in `article`, dated `date` ("2024-03") by
    /// `basis`.
    fn report(article: &str, item: &str, date: Option<(&str, ReportDateBasis)>) -> Report {
        let party = |code: &str| Party {
            code: code.into(),
            name: code.into(),
        };
        let when = date.and_then(|(d, _)| When::parse(d));
        Report {
            article: article.into(),
            supplier: party("NO"),
            recipient: party("PL"),
            item: item.into(),
            category: Category::Artillery,
            quantity: None,
            value_usd: None,
            status: Status::Agreed,
            date: ReportDate {
                from: when.map(|w| w.from),
                to: when.map(|w| w.to),
                precision: when.map(|w| w.precision),
                text: None,
                basis: date.map(|(_, b)| b),
            },
            attribution: None,
            source: None,
            via: None,
            rule: "test".into(),
            confidence: 1.0,
            evidence: Vec::new(),
            order: 0,
            review: Default::default(),
        }
    }

    fn sizes(reports: Vec<Report>) -> Vec<usize> {
        group_reports(reports)
            .iter()
            .map(|t| t.reports.len())
            .collect()
    }

    #[test]
    fn grouping_table() {
        use ReportDateBasis::{Article, ArticleEstimated, Text};
        let cases: Vec<(&str, Vec<Report>, Vec<usize>)> = vec![
            (
                "same deal, dates within the window",
                vec![
                    report("a1", "howitzers", Some(("2024-03-04", Article))),
                    report("a2", "howitzers", Some(("2024-09", Text))),
                ],
                vec![2],
            ),
            (
                "same goods more than a year apart",
                vec![
                    report("a1", "howitzers", Some(("2021-05", Text))),
                    report("a2", "howitzers", Some(("2024-03-04", Article))),
                ],
                vec![1, 1],
            ),
            (
                "two deals in one article",
                vec![
                    report("a1", "howitzers", None),
                    report("a1", "howitzers", None),
                ],
                vec![1, 1],
            ),
            (
                "undated reports contradict no date",
                vec![
                    report("a1", "howitzers", Some(("2021", Text))),
                    report("a2", "howitzers", None),
                ],
                vec![2],
            ),
            (
                "an estimate is a lower bound: later dates fit it",
                vec![
                    report("a1", "howitzers", Some(("2019-01-01", ArticleEstimated))),
                    report("a2", "howitzers", Some(("2023-06", Text))),
                ],
                vec![2],
            ),
            (
                "an estimate after a much older date does not",
                vec![
                    report("a1", "howitzers", Some(("2024-01-01", ArticleEstimated))),
                    report("a2", "howitzers", Some(("2021", Text))),
                ],
                vec![1, 1],
            ),
            (
                "generic goods only close in time",
                vec![
                    report("a1", "military aid", Some(("2022-02-01", Article))),
                    report("a2", "weapons", Some(("2022-02-20", Article))),
                    report("a3", "military aid", Some(("2022-06-01", Article))),
                ],
                vec![2, 1],
            ),
            (
                "a specific report joins a generic one close in time only",
                vec![
                    report("a1", "weapons", Some(("2022-02-01", Article))),
                    report("a2", "howitzers", Some(("2022-02-10", Article))),
                    report("a3", "howitzers", Some(("2022-08-10", Article))),
                ],
                vec![2, 1],
            ),
            (
                "different goods of one category",
                vec![
                    report("a1", "K9 howitzers", None),
                    report("a2", "Archer howitzers", None),
                ],
                vec![1, 1],
            ),
        ];
        for (what, reports, want) in cases {
            assert_eq!(sizes(reports), want, "{what}");
        }
    }

    #[test]
    fn item_compatibility_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("helicopter engines", "engines", true),
            ("engines and transport helicopters", "engines", true),
            ("engines", "helicopter engines", true),
            ("artillery shells", "munitions", true),
            ("rockets and artillery shells", "ammunition", true),
            ("T-72 tanks", "Leopard tanks", false),
            ("Leopard 2 tanks", "Leopard 2 tank", true),
            ("fighter jets", "transport aircraft", false),
            ("drones", "Shahed drones", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(items_compatible(a, b), *want, "{a} / {b}");
        }
    }
}
