//! What published figures hold (issue 19): a Timeline figure names every lane, from the
//! window's exporter and from the command line; a supplier keeps one colour in every filter
//! state and view, and no two named suppliers share one.

use armsflow::chart::{chart_measure, country_color};
use armsflow::export::{ChartKind, ChartStyle, FigureRequest, FigureSource, layout_figure};
use armsflow::extract::Extractor;
use armsflow::synthetic::generated_dataset;
use armsflow::view::{DatasetIndex, Filters, FlowSplitBy, LaneMode, flows, timeline_data};
use std::collections::BTreeMap;

mod common;

fn texts(scene: &armsflow::chart::Scene<()>) -> Vec<String> {
    scene
        .primitives
        .iter()
        .filter_map(|p| match p {
            armsflow::chart::Primitive::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The Timeline lanes of every transfer of `dataset`: at least 22, the case of the issue.
fn lanes_of(
    dataset: &armsflow::dataset::Dataset,
    index: &DatasetIndex,
    visible: &[usize],
) -> Vec<String> {
    let lanes = timeline_data(dataset, index, visible, LaneMode::Pair)
        .lanes
        .labels;
    assert!(lanes.len() >= 22, "{} lanes", lanes.len());
    lanes
}

#[test]
fn a_timeline_figure_names_every_lane_at_the_publication_size() {
    let extractor = Extractor::builtin().expect("built-in data");
    let dataset = generated_dataset(60, 7, &extractor);
    let index = DatasetIndex::new(&dataset);
    let visible = Filters::default().visible(&dataset, &index);
    let lanes = lanes_of(&dataset, &index, &visible);
    let request = FigureRequest {
        chart: ChartKind::TIMELINE,
        style: ChartStyle {
            // Scrolled down in the window: the figure still starts at the first lane.
            first_lane: 5,
            ..ChartStyle::default()
        },
        width: 1600.0,
        height: 1000.0,
        theme: armsflow::chart::Theme::Light,
        title: "Transfers over time".into(),
        source_line: None,
    };
    let source = FigureSource {
        dataset: &dataset,
        index: &index,
        visible: &visible,
        filters: &[],
        folder: "generated",
        date: jiff::civil::date(2026, 11, 29),
    };
    let scene = layout_figure(&request, &source, chart_measure());
    let shown = texts(&scene);
    for lane in &lanes {
        assert!(
            shown.iter().any(|t| t == lane),
            "lane {lane:?} is missing: {shown:?}"
        );
    }
    assert!(
        !shown.iter().any(|t| t.starts_with("lanes ")),
        "nothing is left out"
    );
    assert!(scene.height > 1000.0, "the figure grew to hold them");
}

#[test]
fn the_export_command_writes_every_lane_of_the_timeline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("gen");
    let run = |args: &[&str]| common::run_armsflow(args);
    let folder_arg = folder.display().to_string();
    run(&["generate", &folder_arg, "--articles", "60", "--seed", "7"]);
    let svg_path = dir.path().join("t.svg").display().to_string();
    run(&[
        "export",
        &folder_arg,
        "--chart",
        "timeline",
        "--out",
        &svg_path,
    ]);
    let svg = std::fs::read_to_string(&svg_path).expect("written");
    let dataset = common::build(&folder);
    let index = DatasetIndex::new(&dataset);
    let visible = Filters::default().visible(&dataset, &index);
    let lanes = lanes_of(&dataset, &index, &visible);
    for lane in &lanes {
        let escaped = lane.replace('&', "&amp;");
        assert!(
            svg.contains(&format!(">{escaped}<")),
            "lane {lane:?} is missing"
        );
    }
    assert!(
        svg.contains("Source: 60 articles in gen,"),
        "the folder's name, not its path"
    );
}

#[test]
fn a_supplier_keeps_its_colour_across_filters_and_no_two_share_one() {
    let dataset = common::build(&common::fixture("folder"));
    let index = DatasetIndex::new(&dataset);
    let colour_of = |filters: &Filters| -> BTreeMap<String, [u8; 4]> {
        let visible = filters.visible(&dataset, &index);
        flows(&dataset, &index, &visible, FlowSplitBy::Nothing)
            .into_iter()
            .map(|f| (f.key.supplier.clone(), country_color(f.color).0))
            .collect()
    };
    let all = colour_of(&Filters::default());
    let some_country = all.keys().nth(1).expect("two suppliers").clone();
    let filtered = colour_of(&Filters {
        suppliers: [some_country.clone()].into(),
        ..Filters::default()
    });
    assert_eq!(filtered.get(&some_country), all.get(&some_country));
    let mut seen = BTreeMap::new();
    for (code, colour) in &all {
        if let Some(other) = seen.insert(*colour, code) {
            panic!("{code} and {other} share a colour");
        }
    }
}

#[test]
fn a_figure_is_titled_by_what_it_shows() {
    let dataset = common::build(&common::fixture("folder"));
    let index = DatasetIndex::new(&dataset);
    let title = |filters: &Filters, kind: ChartKind| {
        let visible = filters.visible(&dataset, &index);
        let source = FigureSource {
            dataset: &dataset,
            index: &index,
            visible: &visible,
            filters: &[],
            folder: "folder",
            date: jiff::civil::date(2026, 11, 29),
        };
        armsflow::export::figure_title(kind, &source, filters)
    };
    let to_russia = Filters {
        recipients: ["RU".to_owned()].into(),
        ..Filters::default()
    };
    let t = title(&to_russia, ChartKind::TIMELINE);
    assert!(
        t.starts_with("Reported arms transfers to Russia, 20"),
        "{t}"
    );
    // Gas among the goods: not "arms".
    let all = title(&Filters::default(), ChartKind::FLOW);
    assert!(
        all.starts_with("Reported transfers between countries"),
        "{all}"
    );
}
