//! Benchmarks of what the window computes from a big dataset (about 100,000 transfers from
//! generated articles): the index, filtering, flows, timeline marks, and the layout of both
//! charts. Run: `cargo bench --bench views`.

use armsflow::chart::{
    ChartStyle, FlowChartOptions, MapChartOptions, TimelineChartOptions, chart_measure,
    layout_flow_chart, layout_map_chart, layout_timeline_chart,
};
use armsflow::dataset::{Dataset, Overrides, Review, Status};
use armsflow::extract::Extractor;
use armsflow::model::{Decision, ReportEdit, ReportKey, ReviewState};
use armsflow::synthetic::generated_dataset;
use armsflow::view::{DatasetIndex, Filters, FlowSplitBy, LaneMode, flows, timeline_data};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// About 100,000 transfers (some 240,000 reports) from 120,000 generated articles.
fn big_dataset() -> Dataset {
    let extractor = Extractor::builtin().expect("built-in data");
    generated_dataset(120_000, 1, &extractor)
}

fn views(c: &mut Criterion) {
    let dataset = big_dataset();
    eprintln!(
        "views: {} articles, {} transfers, {} reports",
        dataset.articles.len(),
        dataset.transfers.len(),
        dataset.reports().count()
    );
    let index = DatasetIndex::new(&dataset);
    let all = Filters::default().visible(&dataset, &index);
    let measure = chart_measure();
    let mut group = c.benchmark_group("100k_transfers");
    group.sample_size(10);
    group.bench_function("index", |b| {
        b.iter(|| DatasetIndex::new(black_box(&dataset)))
    });
    group.bench_function("filter_search", |b| {
        let filters = Filters {
            search: "howitzers".into(),
            ..Filters::default()
        };
        b.iter(|| filters.visible(black_box(&dataset), &index))
    });
    group.bench_function("filter_country", |b| {
        let filters = Filters {
            countries: ["RU".to_owned()].into(),
            ..Filters::default()
        };
        b.iter(|| filters.visible(black_box(&dataset), &index))
    });
    group.bench_function("flows", |b| {
        b.iter(|| flows(black_box(&dataset), &index, &all, FlowSplitBy::Nothing))
    });
    let f = flows(&dataset, &index, &all, FlowSplitBy::Nothing);
    group.bench_function("map_layout", |b| {
        let options = MapChartOptions::new(
            &ChartStyle::default(),
            (1280.0, 800.0),
            armsflow::chart::Theme::Light,
        );
        b.iter(|| layout_map_chart(black_box(&f), &options, measure))
    });
    group.bench_function("flow_layout", |b| {
        b.iter(|| layout_flow_chart(black_box(&f), &FlowChartOptions::default(), measure))
    });
    group.bench_function("timeline_data", |b| {
        b.iter(|| timeline_data(black_box(&dataset), &index, &all, LaneMode::Pair))
    });
    let data = timeline_data(&dataset, &index, &all, LaneMode::Pair);
    group.bench_function("timeline_layout", |b| {
        b.iter(|| {
            layout_timeline_chart(black_box(&data), &TimelineChartOptions::default(), measure)
        })
    });
    group.finish();
    review(c, &dataset);
}

/// A review of `n` decisions about the reports of `dataset`: every third report accepted,
/// rejected or edited in turn (an edit corrects the status).
fn review_of(dataset: &Dataset, n: usize) -> Review {
    let paths = dataset.article_positions();
    let mut review = Review::default();
    let reports = dataset.reports().step_by(3).take(n);
    for (i, report) in reports.enumerate() {
        let Some(path) = paths
            .get(report.article.as_str())
            .map(|&a| &dataset.articles[a].path)
        else {
            continue;
        };
        let Some(key) = ReportKey::of(report, path) else {
            continue;
        };
        let mut d = Decision::new(key, &report.evidence[0].sentence);
        match i % 3 {
            0 => d.state = ReviewState::Accepted,
            1 => d.state = ReviewState::Rejected,
            _ => {
                d.state = ReviewState::Edited;
                d.edit = ReportEdit {
                    status: Some(Status::Delivered),
                    ..ReportEdit::default()
                };
            }
        }
        review.decisions.push(d);
    }
    review
}

/// What a review of 50,000 decisions adds to a load: reading the file, and laying it over
/// the reports before they are grouped (compared with grouping them without a review).
fn review(c: &mut Criterion, dataset: &Dataset) {
    let review = review_of(dataset, 50_000);
    eprintln!("review: {} decisions", review.decisions.len());
    let dir = tempfile::tempdir().expect("temp dir");
    review.save(dir.path()).expect("saved");
    let mut group = c.benchmark_group("review_50k_decisions");
    group.sample_size(10);
    group.bench_function("read_file", |b| {
        b.iter(|| Review::load(black_box(dir.path())).expect("read"))
    });
    let reports: Vec<_> = dataset.reports().cloned().collect();
    group.bench_function("lay_over_reports", |b| {
        b.iter_batched_ref(
            || reports.clone(),
            |r| review.apply(r, &dataset.articles).len(),
            criterion::BatchSize::LargeInput,
        )
    });
    for (name, laid) in [
        ("group_without_review", Review::default()),
        ("group_with_review", review),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched_ref(
                || (dataset.clone(), laid.clone()),
                |(d, review)| {
                    d.apply_corrections(Overrides::default(), std::mem::take(review));
                    d.transfers.len()
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, views);
criterion_main!(benches);
