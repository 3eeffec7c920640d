use super::Outcome;
use super::output::{check_distinct_outputs, write_output};
use crate::corpus::{LoadOptions, LoadProgress};
use crate::dataset::{Dataset, build_dataset};
use crate::export::write_csv;
use crate::extract::Extractor;
use crate::gazetteer::Gazetteer;
use crate::model::{Problem, ProblemKind};
use crate::register::read_register;
use anyhow::Context;
use std::path::Path;
use std::sync::Arc;

/// Builds the extractor with the user's gazetteer file, reporting a bad file as a warning.
pub(crate) fn extractor_with_user_gazetteer() -> anyhow::Result<Extractor> {
    let (gazetteer, warning) =
        Gazetteer::with_user_file().context("loading the built-in gazetteer")?;
    if let Some(w) = warning {
        eprintln!("armsflow: warning: your gazetteer file was not used: {w}");
    }
    Ok(Extractor::new(gazetteer)?)
}

/// Loads and extracts `folder` with `options`, as the headless commands do. Each file that
/// could not be read is printed to stderr as `armsflow: problem: PATH: REASON`; it never
/// stops the command.
///
/// With `sipri`, the transfers are checked against that SIPRI trade-register export; a
/// register that cannot be read stops the command before the folder is read.
pub(crate) fn extract_folder(
    folder: &Path,
    options: &LoadOptions,
    sipri: Option<&Path>,
) -> anyhow::Result<Dataset> {
    let extractor = extractor_with_user_gazetteer()?;
    let register = sipri
        .map(|path| read_register(path, extractor.gazetteer()).map(Arc::new))
        .transpose()?;
    let mut dataset = build_dataset(
        folder,
        &extractor,
        options,
        &Arc::new(LoadProgress::default()),
    )?;
    if let Some(register) = register {
        eprintln!("armsflow: register {}", register.describe());
        dataset.set_register(Some(register));
        eprintln!("armsflow: register check: {}", dataset.register_marks());
    }
    for p in &dataset.problems {
        eprintln!("armsflow: problem: {p}");
    }
    let register_problems = dataset
        .register_summary
        .as_ref()
        .map_or(&[][..], |s| s.problems.as_slice());
    let unmapped = |p: &&Problem| p.kind == ProblemKind::Unmapped;
    for p in register_problems.iter().filter(|p| !unmapped(p)) {
        eprintln!("armsflow: register problem: {p}");
    }
    let names = register_problems.iter().filter(unmapped).count();
    if names > 0 {
        eprintln!(
            "armsflow: {names} party names of the register map to no country code; their deals are left out (listed in the JSON's register_summary.problems)"
        );
    }
    Ok(dataset)
}

/// `armsflow extract`: writes the dataset and prints a one-line summary to stderr.
pub fn run_extract(
    folder: &Path,
    options: &LoadOptions,
    json: Option<&Path>,
    csv: Option<&Path>,
    reviewed_only: bool,
    sipri: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let json = json.or(if csv.is_none() {
        Some(Path::new("-"))
    } else {
        None
    });
    if let (Some(j), Some(c)) = (json, csv) {
        check_distinct_outputs(j, c)?;
    }
    for path in [json, csv].into_iter().flatten() {
        if path.as_os_str() != "-" {
            crate::files::check_writable(path)?;
        }
    }
    let mut dataset = extract_folder(folder, options, sipri)?;
    if reviewed_only {
        dataset
            .transfers
            .retain(|t| t.review_state().is_confirmed());
    }
    if let Some(path) = json {
        write_output(path, |w| {
            serde_json::to_writer_pretty(&mut *w, &dataset)?;
            writeln!(w)?;
            Ok(())
        })?;
    }
    if let Some(path) = csv {
        write_output(path, |w| Ok(write_csv(&dataset, w)?))?;
    }
    eprintln!(
        "armsflow: {} articles, {} transfers ({} reports), {} files with problems ({})",
        dataset.articles.len(),
        dataset.transfers.len(),
        dataset.reports().count(),
        dataset.problems.len(),
        folder.display()
    );
    Ok(Outcome::Ok)
}
