//! Benchmarks of what the window computes from a big dataset (about 100,000 transfers from
//! generated articles): the index, filtering, flows, timeline marks, and the layout of both
//! charts. Run: `cargo bench --bench views`.

use armsflow::chart::{
    FlowChartOptions, TimelineChartOptions, chart_measure, layout_flow_chart, layout_timeline_chart,
};
use armsflow::dataset::Dataset;
use armsflow::extract::Extractor;
use armsflow::synthetic::generated_dataset;
use armsflow::view::{DatasetIndex, Filters, LaneMode, flows, timeline_data};
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
        b.iter(|| flows(black_box(&dataset), &index, &all, false))
    });
    let f = flows(&dataset, &index, &all, false);
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
}

criterion_group!(benches, views);
criterion_main!(benches);
