//! The Map chart as a user meets it: arcs from supplier to recipient that select their
//! transfers, countries that filter, pan and zoom, and the same picture exported.

mod common;

use armsflow::app::{Command, Tab};
use armsflow::chart::{ChartKind, MapView};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use common::app::open_folder;

#[test]
fn an_arc_selects_its_transfers_and_a_country_filters_to_it() {
    let mut harness = open_folder(common::fixture("folder"), Tab::Chart(ChartKind::MAP));
    harness.get_by_label("Arc width:");
    harness
        .get_by_role_and_label(Role::Button, "Egypt → Russia: 2 transfers (3 reports)")
        .click();
    harness.run_steps(3);
    let selection = harness.state().state.selection.clone();
    assert_eq!(selection.transfers.len(), 2, "{selection:?}");
    assert_eq!(selection.label, "Egypt → Russia");
    // Its sentences are in Evidence.
    harness.get_by_label_contains("Egypt → Russia: 2 transfers");

    harness
        .get_by_role_and_label(Role::Button, "Russia: click to filter to it")
        .click();
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(
        state.filters.countries,
        ["RU".to_owned()].into_iter().collect()
    );

    // Zoomed in and back to the whole world.
    harness.state_mut().apply(Command::SetMapView(MapView {
        center: armsflow::chart::Pos::new(0.6, -0.8),
        zoom: 4.0,
        aspect: 1.5,
    }));
    harness.run_steps(3);
    harness.get_by_label("Whole world").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.map_view, MapView::default());
}

#[test]
fn the_export_command_draws_the_map_with_its_legend() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = common::fixture("folder");
    let svg = dir.path().join("map.svg");
    common::run_armsflow(&[
        "export",
        folder.to_str().expect("path"),
        "--chart",
        "map",
        "--out",
        svg.to_str().expect("path"),
    ]);
    let text = std::fs::read_to_string(&svg).expect("SVG written");
    assert!(
        text.matches("fill-rule=\"evenodd\"").count() > 200,
        "country outlines"
    );
    assert!(text.contains("Arc width: number of transfers"));
    assert!(text.contains("Egypt"), "country names");
    let png = dir.path().join("map.png");
    common::run_armsflow(&[
        "export",
        folder.to_str().expect("path"),
        "--chart",
        "map",
        "--out",
        png.to_str().expect("path"),
        "--width",
        "1000",
        "--height",
        "600",
    ]);
    let img = image::open(&png).expect("PNG decodes").to_rgb8();
    assert_eq!(img.dimensions().0, 1000);
    // Not blank: the sea, land and arcs give many colours.
    let mut colours: Vec<[u8; 3]> = img.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 50, "{} colours", colours.len());
}
