//! The extracted dataset: articles, the reports each one makes, the transfers that group
//! reports of one deal across articles, problems; and its JSON form (schema `armsflow/2`,
//! documented in the README; the CSV forms are in [`crate::export`]).

mod build;
mod cross_check;
pub mod grouping;
mod model;
mod overrides;
mod review;
pub mod sidecar;
mod transfer;

pub use crate::model::{Category, Evidence, Party, Qualifier, Quantity, Report, Status};
pub use build::{BuildError, build_dataset, rebuild_dataset};
pub use grouping::{GENERIC_ITEM_WINDOW_DAYS, SAME_TRANSFER_WINDOW_DAYS, group_reports};
pub use model::{Dataset, SCHEMA};
pub use overrides::{OVERRIDES_FILE, OVERRIDES_SCHEMA, Overrides, OverridesError};
pub use review::{REVIEW_FILE, REVIEW_SCHEMA, Review};
pub use transfer::Transfer;
