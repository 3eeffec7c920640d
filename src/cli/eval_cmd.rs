use super::Outcome;
use super::extract_cmd::extract_folder;
use crate::corpus::LoadOptions;
use crate::eval::{AnswerKey, Attribute, BANDS, Finding, Scores, score};
use anyhow::Context;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Quality gates of `armsflow eval`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gates {
    /// Minimum core F1.
    pub min_f1: Option<f64>,
    /// Minimum category, status and quantity accuracy.
    pub min_accuracy: Option<f64>,
    /// Minimum evidence accuracy.
    pub min_evidence: Option<f64>,
}

/// One development set: a name, its folder of articles and its answer key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalSet {
    /// The key's file name without `.gold.json`.
    pub name: String,
    /// Folder of articles.
    pub folder: PathBuf,
    /// Answer key file.
    pub key: PathBuf,
}

/// The sets to score: `folder` with its one key, or each key (a folder stands for every
/// `*.gold.json` in it, in name order) with the folder of the same name beside it.
pub fn eval_sets(folder: Option<&Path>, golds: &[PathBuf]) -> anyhow::Result<Vec<EvalSet>> {
    let mut keys = Vec::new();
    for g in golds {
        if g.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(g)
                .with_context(|| format!("cannot list {}", g.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.to_string_lossy().ends_with(".gold.json"))
                .collect();
            found.sort();
            anyhow::ensure!(
                !found.is_empty(),
                "no *.gold.json answer key in {}",
                g.display()
            );
            keys.extend(found);
        } else {
            keys.push(g.clone());
        }
    }
    let name_of = |key: &Path| {
        let file = key
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        file.strip_suffix(".gold.json").unwrap_or(&file).to_owned()
    };
    if let Some(folder) = folder {
        anyhow::ensure!(
            keys.len() == 1,
            "a folder goes with one answer key; without a folder, each key NAME.gold.json scores the folder NAME beside it"
        );
        return Ok(vec![EvalSet {
            name: name_of(&keys[0]),
            folder: folder.to_owned(),
            key: keys.remove(0),
        }]);
    }
    keys.into_iter()
        .map(|key| {
            let name = name_of(&key);
            let folder = key.with_file_name(&name);
            anyhow::ensure!(
                folder.is_dir(),
                "no folder {} beside the answer key {} (name the folder before --gold)",
                folder.display(),
                key.display()
            );
            Ok(EvalSet { name, folder, key })
        })
        .collect()
}

fn score_set(set: &EvalSet, options: &LoadOptions) -> anyhow::Result<Scores> {
    let key_text = crate::corpus::read_regular_text(&set.key, 1 << 30)
        .with_context(|| format!("cannot read answer key {}", set.key.display()))?;
    let key: AnswerKey = serde_json::from_str(&key_text)
        .with_context(|| format!("{} is not an answer key", set.key.display()))?;
    let listed: std::collections::BTreeSet<&str> = key
        .articles
        .keys()
        .map(String::as_str)
        .chain(key.transfers.iter().map(|t| t.article.as_str()))
        .collect();
    anyhow::ensure!(
        !listed.is_empty(),
        "{} lists no articles: it cannot score anything (an empty key would pass every gate)",
        set.key.display()
    );
    let dataset = extract_folder(&set.folder, options, None)?;
    let file_name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_owned();
    anyhow::ensure!(
        dataset
            .articles
            .iter()
            .any(|a| listed.contains(file_name(&a.path).as_str())),
        "none of the {} articles {} lists is in {}",
        listed.len(),
        set.key.display(),
        set.folder.display()
    );
    Ok(score(&dataset, &key))
}

/// `armsflow eval`: scores each set; for one set prints the scores and the misses, for several
/// a table with one row per set and their micro average. Every set must pass the gates.
pub fn run_eval(
    folder: Option<&Path>,
    options: &LoadOptions,
    golds: &[PathBuf],
    gates: Gates,
    as_json: bool,
) -> anyhow::Result<Outcome> {
    let sets = eval_sets(folder, golds)?;
    let mut scored = Vec::new();
    for set in &sets {
        scored.push((set, score_set(set, options)?));
    }
    if as_json {
        let by_name: BTreeMap<&str, &Scores> = scored
            .iter()
            .map(|(set, s)| (set.name.as_str(), s))
            .collect();
        println!("{}", serde_json::to_string_pretty(&by_name)?);
    } else if let [(set, s)] = scored.as_slice() {
        print_report(&set.folder, s);
    } else {
        print_table(&scored);
    }
    let mut failed = Vec::new();
    for (set, s) in &scored {
        failed.extend(
            gates
                .failures(s)
                .into_iter()
                .map(|f| format!("{}: {f}", set.name)),
        );
    }
    if failed.is_empty() {
        Ok(Outcome::Ok)
    } else {
        eprintln!("armsflow: below the gate: {}", failed.join("; "));
        Ok(Outcome::BelowGate)
    }
}

impl Gates {
    /// What in `s` falls below these gates, in words.
    fn failures(&self, s: &Scores) -> Vec<String> {
        let mut failed = Vec::new();
        if let Some(min) = self.min_f1
            && s.core.f1 < min
        {
            failed.push(format!("core F1 {:.3} < {min}", s.core.f1));
        }
        if let Some(min) = self.min_accuracy {
            for a in [Attribute::Category, Attribute::Status, Attribute::Quantity] {
                if s.accuracy(a) < min {
                    failed.push(format!("{a:?} accuracy {:.3} < {min}", s.accuracy(a)));
                }
            }
        }
        if let Some(min) = self.min_evidence
            && s.accuracy(Attribute::Evidence) < min
        {
            failed.push(format!(
                "evidence accuracy {:.3} < {min}",
                s.accuracy(Attribute::Evidence)
            ));
        }
        failed
    }
}

const TABLE_ATTRIBUTES: [Attribute; 4] = [
    Attribute::Category,
    Attribute::Status,
    Attribute::Quantity,
    Attribute::Item,
];

fn print_table(scored: &[(&EvalSet, Scores)]) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16} {:>6} {:>6} {:>6} {:>5} {:>4} {:>4}   {:>8} {:>8} {:>8} {:>8}",
        "set", "P", "R", "F1", "tp", "fp", "fn", "category", "status", "quantity", "item"
    );
    let pooled = Scores::pooled(scored.iter().map(|(_, s)| s));
    let rows = scored
        .iter()
        .map(|(set, s)| (set.name.as_str(), s))
        .chain(std::iter::once(("micro average", &pooled)));
    for (name, s) in rows {
        let p = &s.core;
        let _ = write!(
            out,
            "{name:<16} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>4} {:>4}  ",
            p.precision, p.recall, p.f1, p.true_positives, p.false_positives, p.false_negatives
        );
        for a in TABLE_ATTRIBUTES {
            let _ = write!(out, " {:>8.3}", s.accuracy(a));
        }
        out.push('\n');
    }
    out.push_str(&calibration_table(scored));
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
}

/// Confidence bands against the share of found units the key has, per set.
fn calibration_table(scored: &[(&EvalSet, Scores)]) -> String {
    let mut out =
        String::from("\nCalibration: found units by confidence, share the key has (right/found)\n");
    let _ = write!(out, "{:<16}", "confidence");
    for (set, _) in scored {
        let _ = write!(out, " {:>14}", set.name);
    }
    out.push('\n');
    for (i, (from, to)) in BANDS.iter().enumerate() {
        let _ = write!(out, "{:<16}", format!("{from:.1}-{to:.1}"));
        for (_, s) in scored {
            let b = s.calibration.get(i).copied().unwrap_or_default();
            let _ = write!(out, " {:>14}", band_cell(b.right, b.total));
        }
        out.push('\n');
    }
    let _ = write!(out, "{:<16}", ">= 0.8");
    for (_, s) in scored {
        let (right, total) = s.right_at_or_above(0.8);
        let _ = write!(out, " {:>14}", band_cell(right, total));
    }
    out.push('\n');
    out
}

fn band_cell(right: usize, total: usize) -> String {
    if total == 0 {
        "-".to_owned()
    } else {
        format!("{:.2} ({right}/{total})", right as f64 / total as f64)
    }
}

fn print_report(folder: &Path, s: &Scores) {
    let mut out = String::new();
    let _ = writeln!(out, "Evaluation of {}", folder.display());
    for (name, p) in [("core", &s.core), ("core+stretch", &s.core_stretch)] {
        let _ = writeln!(
            out,
            "  {name:<13} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})",
            p.precision, p.recall, p.f1, p.true_positives, p.false_positives, p.false_negatives
        );
    }
    for a in [
        Attribute::Category,
        Attribute::Status,
        Attribute::Quantity,
        Attribute::Evidence,
        Attribute::Item,
    ] {
        let (right, total) = s.attributes.get(&a).copied().unwrap_or((0, 0));
        let _ = writeln!(
            out,
            "  {:<13} {:.3}   ({right}/{total} matches)",
            format!("{a:?}").to_lowercase(),
            s.accuracy(a)
        );
    }
    let (right, total) = s.right_at_or_above(0.8);
    let _ = writeln!(
        out,
        "  {:<13} {}   (found units with confidence >= 0.8 that the key has)",
        "confident",
        band_cell(right, total)
    );
    let mut list = |title: &str, items: &[Finding]| {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "{title} ({}):", items.len());
        for f in items {
            let _ = writeln!(
                out,
                "  {} {} -> {}: {}\n      \"{}\"",
                f.article, f.supplier, f.recipient, f.note, f.sentence
            );
        }
    };
    list("Missed", &s.misses);
    list("Spurious", &s.spurious);
    list("Wrong attributes", &s.wrong);
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
}
