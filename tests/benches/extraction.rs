//! Benchmarks of the extraction pipeline on generated articles (`armsflow::synthetic`):
//! sentence splitting, gazetteer matching, one article, and a whole folder from disk.
//! Run: `cargo bench --bench extraction`.

use armsflow::corpus::{LoadOptions, LoadProgress, article_from_bytes};
use armsflow::dataset::{build_dataset, rebuild_dataset};
use armsflow::extract::Extractor;
use armsflow::gazetteer::Gazetteer;
use armsflow::synthetic::{ArticleGenerator, write_folder};
use armsflow::text::split_sentences;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;

fn one_article() -> armsflow::corpus::Article {
    let (name, text) = ArticleGenerator::new(42).article(0);
    article_from_bytes(&name, text.as_bytes()).expect("a generated article reads")
}

fn per_article(c: &mut Criterion) {
    let article = one_article();
    let gazetteer = Gazetteer::builtin().expect("built-in data");
    let extractor = Extractor::builtin().expect("built-in data");
    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function("split_sentences", |b| {
        b.iter(|| split_sentences(black_box(&article.text)))
    });
    group.bench_function("gazetteer_find", |b| {
        b.iter(|| gazetteer.find(black_box(&article.text)))
    });
    group.bench_function("extract", |b| {
        b.iter(|| extractor.extract(black_box(&article)))
    });
    group.finish();
}

fn whole_folder(c: &mut Criterion) {
    const ARTICLES: usize = 2_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = write_folder(dir.path(), ARTICLES, 7).expect("generated folder");
    let extractor = Extractor::builtin().expect("built-in data");
    let mut group = c.benchmark_group("folder");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("build_dataset_2000_articles", |b| {
        b.iter(|| {
            build_dataset(
                dir.path(),
                &extractor,
                &LoadOptions::default(),
                &Arc::new(LoadProgress::default()),
            )
            .expect("loads")
        })
    });
    group.finish();
}

/// Files whose cost once grew faster than their size: 2 MB of sentences dense with country
/// names and transfer words (every one merges into the same transfer), and 20 MB of one word
/// with no full stop. Read and extracted as the loader does; both must stay linear.
fn hostile_files(c: &mut Criterion) {
    let extractor = Extractor::builtin().expect("built-in data");
    let dense = "Russia sent 10 tanks to Iran today. ".repeat(2_000_000 / 36);
    let one_word = "word ".repeat(4_000_000);
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, text) in [("country_dense_2mb", &dense), ("one_word_20mb", &one_word)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let article = article_from_bytes("hostile.txt", black_box(text.as_bytes()))
                    .expect("the file reads");
                extractor.extract(&article)
            })
        });
    }
    group.finish();
}

/// Refreshing a folder of 20,000 articles after one of them changed: the walk, the stamps,
/// the one file read and extracted, every report dated and grouped again.
fn refresh(c: &mut Criterion) {
    const ARTICLES: usize = 20_000;
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), ARTICLES, 11).expect("generated folder");
    let extractor = Extractor::builtin().expect("built-in data");
    let load = |previous: Option<&armsflow::dataset::Dataset>| {
        rebuild_dataset(
            dir.path(),
            previous,
            &extractor,
            &LoadOptions::default(),
            &Arc::new(LoadProgress::default()),
        )
        .expect("loads")
    };
    let previous = load(None);
    let changed = dir.path().join(&previous.articles[ARTICLES / 2].path);
    let original = std::fs::read_to_string(&changed).expect("read");
    let mut group = c.benchmark_group("folder");
    group.sample_size(20);
    let mut edits = 0usize;
    group.bench_function("refresh_one_changed_file_of_20000", |b| {
        b.iter_batched(
            || {
                // A different length each time, so the file's stamp always changes. Writing
                // the file is the user's part, not measured.
                edits += 1;
                let note = "\nThe ministry gave no further details.".repeat(edits % 5 + 1);
                std::fs::write(&changed, format!("{original}{note}")).expect("write");
            },
            |()| load(Some(&previous)),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, per_article, whole_folder, hostile_files, refresh);
criterion_main!(benches);
