use super::{AnswerKey, GoldTransfer, Tier};
use crate::dataset::{Dataset, Report};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Units found that the key has.
    pub true_positives: usize,
    /// Units found that the key does not have.
    pub false_positives: usize,
    /// Units of the key not found.
    pub false_negatives: usize,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    fn new(tp: usize, fp: usize, fn_: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            true_positives: tp,
            false_positives: fp,
            false_negatives: fn_,
            precision,
            recall,
            f1,
        }
    }
}

/// A scored attribute of matched transfers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribute {
    /// Category equal to the key's.
    Category,
    /// Status equal to the key's.
    Status,
    /// Quantity (value and qualifier, or both absent) equal to the key's.
    Quantity,
    /// An evidence sentence contains one of the key's fragments.
    Evidence,
    /// The goods share a content word with the key's ("howitzers" and "M777 howitzers").
    Item,
}

/// Share of found units the key has, for one band of confidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Band {
    /// Lowest confidence of the band (inclusive).
    pub from: f64,
    /// Highest confidence of the band (exclusive, but 1.0 is in the last band).
    pub to: f64,
    /// Found units in the band that the key has (any tier).
    pub right: usize,
    /// Found units in the band.
    pub total: usize,
}

/// The confidence bands of [`Scores::calibration`].
pub const BANDS: [(f64, f64); 5] = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0)];

fn band_of(confidence: f64) -> usize {
    BANDS
        .iter()
        .position(|&(_, to)| confidence < to)
        .unwrap_or(BANDS.len() - 1)
}

/// Words that carry no content in an item's description.
const ITEM_STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "for",
    "to",
    "in",
    "on",
    "with",
    "by",
    "from",
    "its",
    "their",
    "more",
    "some",
    "other",
    "new",
    "old",
    "unspecified",
];

fn content_words(s: &str) -> BTreeSet<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.len() > 1 && !ITEM_STOP_WORDS.contains(w))
        .map(|w| {
            let w = w.trim_matches('-');
            w.strip_suffix('s')
                .filter(|b| b.len() > 2)
                .unwrap_or(w)
                .to_owned()
        })
        .collect()
}

/// True when the system's item shares a content word with the key's.
pub fn items_agree(system: &str, key: &str) -> bool {
    !content_words(system).is_disjoint(&content_words(key))
}

/// One unit worth a look: a miss, a spurious find, or a wrong attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Article file.
    pub article: String,
    /// Supplier code.
    pub supplier: String,
    /// Recipient code.
    pub recipient: String,
    /// What is wrong.
    pub note: String,
    /// The sentence involved (first evidence, or the key's first fragment).
    pub sentence: String,
}

/// The result of [`score`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Scores on core units (stretch and optional finds are ignored).
    pub core: Prf,
    /// Scores on core and stretch units (optional finds are ignored).
    pub core_stretch: Prf,
    /// Per attribute: (right, matched units).
    pub attributes: BTreeMap<Attribute, (usize, usize)>,
    /// Key units not found (core and stretch).
    pub misses: Vec<Finding>,
    /// Found units the key does not have.
    pub spurious: Vec<Finding>,
    /// Matched units with a wrong attribute.
    pub wrong: Vec<Finding>,
    /// Found units by confidence band (their highest report's), with the share the key has.
    pub calibration: Vec<Band>,
}

impl Scores {
    /// The scores of several sets pooled: counts added, then the rates computed again (the
    /// micro average). Findings are not kept.
    pub fn pooled<'a>(all: impl IntoIterator<Item = &'a Scores>) -> Scores {
        let mut out = Scores::default();
        let mut sums = [[0usize; 3]; 2];
        for s in all {
            for (sum, p) in sums.iter_mut().zip([&s.core, &s.core_stretch]) {
                sum[0] += p.true_positives;
                sum[1] += p.false_positives;
                sum[2] += p.false_negatives;
            }
            for (a, (right, total)) in &s.attributes {
                let e = out.attributes.entry(*a).or_insert((0, 0));
                e.0 += right;
                e.1 += total;
            }
            if out.calibration.is_empty() {
                out.calibration = s
                    .calibration
                    .iter()
                    .map(|b| Band {
                        right: 0,
                        total: 0,
                        ..*b
                    })
                    .collect();
            }
            for (o, b) in out.calibration.iter_mut().zip(&s.calibration) {
                o.right += b.right;
                o.total += b.total;
            }
        }
        out.core = Prf::new(sums[0][0], sums[0][1], sums[0][2]);
        out.core_stretch = Prf::new(sums[1][0], sums[1][1], sums[1][2]);
        out
    }

    /// Share of found units with confidence at least `min` that the key has (1.0 when none).
    pub fn right_at_or_above(&self, min: f64) -> (usize, usize) {
        self.calibration
            .iter()
            .filter(|b| b.from >= min)
            .fold((0, 0), |(r, t), b| (r + b.right, t + b.total))
    }

    /// Share of matched units with `attribute` right (1.0 when nothing matched).
    pub fn accuracy(&self, attribute: Attribute) -> f64 {
        let (right, total) = self.attributes.get(&attribute).copied().unwrap_or((0, 0));
        if total == 0 {
            1.0
        } else {
            right as f64 / total as f64
        }
    }
}

type Unit = (String, String, String);

fn normalise(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scores `dataset` against `key`. Articles are matched by file name; only articles the key
/// lists are scored.
pub fn score(dataset: &Dataset, key: &AnswerKey) -> Scores {
    let gold = gold_units(key);
    let found = found_units(dataset, key);
    let prf = |counted: &dyn Fn(Tier) -> bool| {
        let tp = found
            .keys()
            .filter(|u| gold.get(*u).is_some_and(|(t, _)| counted(*t)))
            .count();
        let fp = found.keys().filter(|u| !gold.contains_key(*u)).count();
        let fn_ = gold
            .iter()
            .filter(|(u, (t, _))| counted(*t) && !found.contains_key(*u))
            .count();
        Prf::new(tp, fp, fn_)
    };
    let mut scores = Scores {
        core: prf(&|t| t == Tier::Core),
        core_stretch: prf(&|t| t != Tier::Optional),
        ..Scores::default()
    };
    for (unit, (tier, entries)) in &gold {
        if *tier == Tier::Optional {
            continue;
        }
        match found.get(unit) {
            Some(reports) => check_attributes(&mut scores, unit, entries[0], entries, reports),
            None => scores.misses.push(Finding {
                article: unit.0.clone(),
                supplier: unit.1.clone(),
                recipient: unit.2.clone(),
                note: format!("{tier:?} {} ({})", entries[0].item, entries[0].status),
                sentence: entries[0].evidence.first().cloned().unwrap_or_default(),
            }),
        }
    }
    scores.calibration = calibration(&found, &gold);
    scores.spurious = spurious(&found, &gold);
    scores
}

/// The key's units, each with its tier and the key's entries of that tier: an (article,
/// supplier, recipient) listed at several tiers counts at the strictest.
fn gold_units(key: &AnswerKey) -> BTreeMap<Unit, (Tier, Vec<&GoldTransfer>)> {
    let mut gold: BTreeMap<Unit, (Tier, Vec<&GoldTransfer>)> = BTreeMap::new();
    for g in &key.transfers {
        let unit = (g.article.clone(), g.supplier.clone(), g.recipient.clone());
        let entry = gold.entry(unit).or_insert((g.tier, Vec::new()));
        if g.tier < entry.0 {
            *entry = (g.tier, Vec::new());
        }
        if g.tier == entry.0 {
            entry.1.push(g);
        }
    }
    gold
}

/// The extraction's units: the key's unit is the report, what one article says about one
/// pair. Only articles the key lists (by file name) count.
fn found_units<'a>(dataset: &'a Dataset, key: &AnswerKey) -> BTreeMap<Unit, Vec<&'a Report>> {
    let key_articles: BTreeSet<&str> = key
        .articles
        .keys()
        .map(String::as_str)
        .chain(key.transfers.iter().map(|t| t.article.as_str()))
        .collect();
    let positions = dataset.article_positions();
    let file_of = |id: &str| -> Option<String> {
        let path = &dataset.articles.get(*positions.get(id)?)?.path;
        let name = path.rsplit('/').next().unwrap_or(path);
        key_articles.contains(name).then(|| name.to_owned())
    };
    let mut found: BTreeMap<Unit, Vec<&Report>> = BTreeMap::new();
    for t in dataset.reports() {
        let Some(article) = t.evidence.first().and_then(|e| file_of(&e.article)) else {
            continue;
        };
        found
            .entry((article, t.supplier.code.clone(), t.recipient.code.clone()))
            .or_default()
            .push(t);
    }
    found
}

/// Scores the attributes of a matched unit: category, status and quantity of the report
/// that agrees best with the key's entry `g`, evidence (a sentence holding a key fragment)
/// and item (any report's goods sharing a content word), each wrong one listed.
fn check_attributes(
    scores: &mut Scores,
    unit: &Unit,
    g: &GoldTransfer,
    entries: &[&GoldTransfer],
    reports: &[&Report],
) {
    let checks = |t: &Report| -> [bool; 3] {
        [
            t.category.as_str() == g.category,
            t.status.as_str() == g.status,
            t.quantity == g.quantity,
        ]
    };
    let best = reports
        .iter()
        .max_by_key(|t| checks(t).iter().filter(|c| **c).count())
        .copied()
        .unwrap_or(reports[0]);
    let [cat, status, quantity] = checks(best);
    let item = reports.iter().any(|t| items_agree(&t.item, &g.item));
    let fragments: Vec<String> = entries
        .iter()
        .flat_map(|e| e.evidence.iter())
        .map(|f| normalise(f))
        .collect();
    let evidence = reports.iter().flat_map(|t| &t.evidence).any(|e| {
        let s = normalise(&e.sentence);
        fragments.iter().any(|f| s.contains(f.as_str()))
    });
    let quantity_of =
        |q: Option<crate::dataset::Quantity>| format!("{:?}", q.map(|q| (q.value, q.qualifier)));
    for (attribute, ok, got, want) in [
        (
            Attribute::Category,
            cat,
            best.category.to_string(),
            g.category.clone(),
        ),
        (
            Attribute::Status,
            status,
            best.status.to_string(),
            g.status.clone(),
        ),
        (
            Attribute::Quantity,
            quantity,
            quantity_of(best.quantity),
            quantity_of(g.quantity),
        ),
        (
            Attribute::Evidence,
            evidence,
            "no sentence with a key fragment".into(),
            "a key fragment".into(),
        ),
        (Attribute::Item, item, best.item.clone(), g.item.clone()),
    ] {
        let e = scores.attributes.entry(attribute).or_insert((0, 0));
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            scores.wrong.push(Finding {
                article: unit.0.clone(),
                supplier: unit.1.clone(),
                recipient: unit.2.clone(),
                note: format!("{attribute:?}: got {got}, key {want}"),
                sentence: first_sentence(best),
            });
        }
    }
}

/// Found units per confidence band (of their most confident report), and how many of them
/// the key has.
fn calibration(
    found: &BTreeMap<Unit, Vec<&Report>>,
    gold: &BTreeMap<Unit, (Tier, Vec<&GoldTransfer>)>,
) -> Vec<Band> {
    let mut bands: Vec<Band> = BANDS
        .iter()
        .map(|&(from, to)| Band {
            from,
            to,
            ..Band::default()
        })
        .collect();
    for (unit, reports) in found {
        let confidence = reports.iter().map(|r| r.confidence).fold(0.0, f64::max);
        let band = &mut bands[band_of(confidence)];
        band.total += 1;
        if gold.contains_key(unit) {
            band.right += 1;
        }
    }
    bands
}

/// The found units the key does not have, each with its first report's sentence.
fn spurious(
    found: &BTreeMap<Unit, Vec<&Report>>,
    gold: &BTreeMap<Unit, (Tier, Vec<&GoldTransfer>)>,
) -> Vec<Finding> {
    found
        .iter()
        .filter(|(unit, _)| !gold.contains_key(*unit))
        .map(|(unit, reports)| {
            let t = reports[0];
            Finding {
                article: unit.0.clone(),
                supplier: unit.1.clone(),
                recipient: unit.2.clone(),
                note: format!("{} ({}, {})", t.item, t.status, t.rule),
                sentence: first_sentence(t),
            }
        })
        .collect()
}

/// A report's first sentence, or nothing.
fn first_sentence(r: &Report) -> String {
    r.evidence
        .first()
        .map(|e| e.sentence.clone())
        .unwrap_or_default()
}
