//! The filtered data as JSON (the CSV forms are in `csv.rs`).

use super::ExportError;
use crate::dataset::Dataset;

/// The dataset with only the `visible` transfers (articles and problems kept whole), as
/// `armsflow extract` writes it.
pub fn filtered_dataset(dataset: &Dataset, visible: &[usize]) -> Dataset {
    Dataset {
        schema: dataset.schema.clone(),
        articles: dataset.articles.clone(),
        transfers: visible
            .iter()
            .filter_map(|&i| dataset.transfers.get(i).cloned())
            .collect(),
        problems: dataset.problems.clone(),
        overrides: dataset.overrides.clone(),
        review: dataset.review.clone(),
        register: dataset.register.clone(),
        register_summary: dataset.register_summary.clone(),
    }
}

/// The `visible` transfers as pretty JSON in the `armsflow extract` schema.
pub fn report_json(dataset: &Dataset, visible: &[usize]) -> Result<Vec<u8>, ExportError> {
    let mut bytes = serde_json::to_vec_pretty(&filtered_dataset(dataset, visible))
        .map_err(|e| ExportError::Data(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}
