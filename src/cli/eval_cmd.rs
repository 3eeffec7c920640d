use super::Outcome;
use super::extract_cmd::extract_folder;
use crate::corpus::LoadOptions;
use crate::eval::{AnswerKey, Attribute, Finding, Scores, score};
use anyhow::Context;
use std::fmt::Write as _;
use std::path::Path;

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

/// `armsflow eval`: prints the scores and the misses, and checks the gates.
pub fn run_eval(
    folder: &Path,
    options: &LoadOptions,
    gold: &Path,
    gates: Gates,
    as_json: bool,
) -> anyhow::Result<Outcome> {
    let key_text = std::fs::read_to_string(gold)
        .with_context(|| format!("cannot read answer key {}", gold.display()))?;
    let key: AnswerKey = serde_json::from_str(&key_text)
        .with_context(|| format!("{} is not an answer key", gold.display()))?;
    let dataset = extract_folder(folder, options)?;
    let scores = score(&dataset, &key);
    if as_json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print_report(folder, &scores);
    }
    let mut failed = Vec::new();
    if let Some(min) = gates.min_f1
        && scores.core.f1 < min
    {
        failed.push(format!("core F1 {:.3} < {min}", scores.core.f1));
    }
    if let Some(min) = gates.min_accuracy {
        for a in [Attribute::Category, Attribute::Status, Attribute::Quantity] {
            if scores.accuracy(a) < min {
                failed.push(format!("{a:?} accuracy {:.3} < {min}", scores.accuracy(a)));
            }
        }
    }
    if let Some(min) = gates.min_evidence
        && scores.accuracy(Attribute::Evidence) < min
    {
        failed.push(format!(
            "evidence accuracy {:.3} < {min}",
            scores.accuracy(Attribute::Evidence)
        ));
    }
    if failed.is_empty() {
        Ok(Outcome::Ok)
    } else {
        eprintln!("armsflow: below the gate: {}", failed.join("; "));
        Ok(Outcome::BelowGate)
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
    ] {
        let (right, total) = s.attributes.get(&a).copied().unwrap_or((0, 0));
        let _ = writeln!(
            out,
            "  {:<13} {:.3}   ({right}/{total} matches)",
            format!("{a:?}").to_lowercase(),
            s.accuracy(a)
        );
    }
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
