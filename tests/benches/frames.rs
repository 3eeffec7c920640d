//! Frame times of the window with about 100,000 transfers loaded: one egui frame (layout of
//! every panel, then tessellation into triangles, the CPU work eframe does before the GPU
//! draws) of the Timeline, Flow and Table views, idle, with the pointer moving over the
//! chart (hover), and scrolling; and applying filters as the window does (visible set,
//! timeline marks, flows and table order recomputed). Run: `cargo bench --bench frames`.

use armsflow::app::{AppState, FolderData, Settings, Tab};
use armsflow::chart::ChartKind;
use armsflow::extract::Extractor;
use armsflow::gazetteer::Gazetteer;
use armsflow::synthetic::generated_dataset;
use armsflow::ui::ViewCaches;
use armsflow::view::{DatasetIndex, Filters};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase};
use std::sync::Arc;

/// The window size the frames are laid out for.
const WINDOW: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn loaded_state() -> AppState {
    let extractor = Extractor::builtin().expect("built-in data");
    let dataset = generated_dataset(120_000, 1, &extractor);
    let index = DatasetIndex::new(&dataset);
    index.search_text(&dataset);
    eprintln!(
        "frames: {} transfers, {} reports",
        dataset.transfers.len(),
        dataset.reports().count()
    );
    let mut state = AppState {
        data: FolderData {
            dataset: Arc::new(dataset),
            index,
            ..FolderData::default()
        },
        settings: Settings::default(),
        ..AppState::default()
    };
    state.refilter();
    state
}

/// One frame: the whole window laid out from `state` with `events`, then tessellated.
/// Returns the number of triangle meshes, so the work cannot be optimised away.
fn frame(
    ctx: &egui::Context,
    state: &AppState,
    caches: &mut ViewCaches,
    gazetteer: &Gazetteer,
    events: Vec<Event>,
) -> usize {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
        events,
        ..RawInput::default()
    };
    let mut commands = Vec::new();
    let output = ctx.run_ui(input, |ui| {
        armsflow::ui::main_window(ui, state, caches, gazetteer, &mut commands);
    });
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn wheel(delta: f32) -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: egui::vec2(0.0, delta),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    }
}

fn frames(c: &mut Criterion) {
    let mut state = loaded_state();
    let gazetteer = Gazetteer::builtin().expect("built-in data");
    let mut group = c.benchmark_group("frame_100k_transfers");
    group.sample_size(20);
    for tab in [
        Tab::Chart(ChartKind::TIMELINE),
        Tab::Chart(ChartKind::FLOW),
        Tab::Chart(ChartKind::MAP),
        Tab::Table,
        Tab::Review,
    ] {
        state.settings.tab = tab;
        let ctx = egui::Context::default();
        let mut caches = ViewCaches::default();
        armsflow::ui::install_chart_font(&ctx);
        // The first frames build the font atlas and measure panels.
        for _ in 0..3 {
            frame(&ctx, &state, &mut caches, &gazetteer, Vec::new());
        }
        let name = tab.title().to_lowercase();
        group.bench_function(format!("{name}_idle"), |b| {
            b.iter(|| frame(&ctx, &state, &mut caches, &gazetteer, Vec::new()))
        });
        // The pointer sweeps across the middle of the chart, a new place every frame.
        let mut step = 0u32;
        group.bench_function(format!("{name}_hover"), |b| {
            b.iter(|| {
                step = (step + 1) % 400;
                let at = Pos2::new(300.0 + step as f32, 300.0 + (step % 40) as f32 * 5.0);
                frame(
                    &ctx,
                    &state,
                    &mut caches,
                    &gazetteer,
                    vec![Event::PointerMoved(at)],
                )
            })
        });
        let mut down = true;
        group.bench_function(format!("{name}_scroll"), |b| {
            b.iter(|| {
                down = !down;
                let events = vec![
                    Event::PointerMoved(Pos2::new(560.0, 450.0)),
                    wheel(if down { -120.0 } else { 120.0 }),
                ];
                frame(&ctx, &state, &mut caches, &gazetteer, events)
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("filter_100k_transfers");
    group.sample_size(10);
    let cases = [
        ("none", Filters::default()),
        (
            "country",
            Filters {
                countries: ["RU".to_owned()].into(),
                ..Filters::default()
            },
        ),
        (
            "search",
            Filters {
                search: "howitzers".into(),
                ..Filters::default()
            },
        ),
    ];
    for (name, filters) in cases {
        group.bench_function(name, |b| {
            b.iter(|| {
                state.filters = filters.clone();
                state.refilter();
                state.views.visible.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
