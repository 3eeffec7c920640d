use super::{Dataset, SCHEMA, Transfer};
use crate::corpus::{LoadError, LoadOptions, LoadProgress, load_folder};
use crate::extract::Extractor;
use rayon::prelude::*;
use std::path::Path;
use std::sync::Arc;

/// A folder that cannot be turned into a dataset at all.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The folder cannot be opened.
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// Loads `folder` and extracts every article's transfers (in parallel, in a deterministic
/// order: articles by path, transfers by article then position). Transfer ids are `t1`, `t2`, ...
pub fn build_dataset(
    folder: &Path,
    extractor: &Extractor,
    options: &LoadOptions,
    progress: &Arc<LoadProgress>,
) -> Result<Dataset, BuildError> {
    let loaded = load_folder(folder, options, progress)?;
    let per_article: Vec<Vec<Transfer>> = loaded
        .articles
        .par_iter()
        .map(|a| extractor.extract(a))
        .collect();
    let mut transfers: Vec<Transfer> = per_article.into_iter().flatten().collect();
    for (i, t) in transfers.iter_mut().enumerate() {
        t.id = format!("t{}", i + 1);
    }
    Ok(Dataset {
        schema: SCHEMA.to_owned(),
        articles: loaded.articles,
        transfers,
        problems: loaded.problems,
    })
}
