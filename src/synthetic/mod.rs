//! Generated articles for measuring ArmsFlow on big folders: news-like texts made from
//! sentence templates written for ArmsFlow, with transfers, attributions, dates, figures
//! and filler paragraphs in realistic proportions. Deterministic: the same seed gives the
//! same folder. Used by `armsflow generate` and the benchmarks; never by a normal load.

mod dataset;
mod generator;

pub use dataset::generated_dataset;
pub use generator::{ArticleGenerator, write_folder};
