use super::Outcome;
use super::output::write_output;
use crate::corpus::{LoadOptions, LoadProgress};
use crate::dataset::{Dataset, build_dataset, write_csv};
use crate::extract::Extractor;
use crate::gazetteer::Gazetteer;
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

/// Loads and extracts `folder` with default options, as the headless commands do.
pub(crate) fn extract_folder(folder: &Path) -> anyhow::Result<Dataset> {
    let extractor = extractor_with_user_gazetteer()?;
    Ok(build_dataset(
        folder,
        &extractor,
        &LoadOptions::default(),
        &Arc::new(LoadProgress::default()),
    )?)
}

/// `armsflow extract`: writes the dataset and prints a one-line summary to stderr.
pub fn run_extract(
    folder: &Path,
    json: Option<&Path>,
    csv: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let dataset = extract_folder(folder)?;
    let json = json.or(if csv.is_none() {
        Some(Path::new("-"))
    } else {
        None
    });
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
    for p in &dataset.problems {
        eprintln!("armsflow: problem: {p}");
    }
    Ok(Outcome::Ok)
}
