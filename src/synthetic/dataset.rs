use super::ArticleGenerator;
use crate::corpus::article_from_bytes;
use crate::dataset::{Dataset, Overrides};
use crate::extract::Extractor;
use rayon::prelude::*;

/// A dataset of `count` generated articles (seed `seed`), extracted in memory without
/// touching the disk: what the benchmarks draw and filter. 120,000 articles give about
/// 90,000 transfers.
pub fn generated_dataset(count: usize, seed: u64, extractor: &Extractor) -> Dataset {
    let mut generator = ArticleGenerator::new(seed);
    let articles: Vec<_> = (0..count)
        .map(|i| generator.article(i))
        .collect::<Vec<_>>()
        .into_par_iter()
        // A generated article always reads; one that did not would only be left out.
        .filter_map(|(name, text)| article_from_bytes(&name, text.as_bytes()).ok())
        .collect();
    let reports = articles
        .par_iter()
        .flat_map_iter(|a| extractor.extract(a))
        .collect();
    Dataset::from_parts(articles, reports, Vec::new(), Overrides::default())
}
