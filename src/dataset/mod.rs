//! The extracted dataset: articles, transfers with their evidence, problems; and its JSON and
//! CSV forms (schema `armsflow/1`, documented in the README).

mod build;
mod csv_export;
mod model;

pub use build::{BuildError, build_dataset};
pub use csv_export::{CSV_HEADER, write_csv};
pub use model::{
    Category, Dataset, Evidence, Party, Qualifier, Quantity, SCHEMA, Status, Transfer,
};
