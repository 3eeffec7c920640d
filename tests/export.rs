//! Chart and data export over the fixture folders: the SVG of a chart parses and names every
//! country with one band per pair; the PNG has the requested size, is not blank, shows each
//! band in its colour and doubles at scale 2; long country names are never clipped; the CSV
//! has one row per report. Also drives `armsflow export` as a user would.

mod common;

use armsflow::chart::{CHART_FONT, Primitive, Rgba, Scene, chart_measure};
use armsflow::corpus::{LoadOptions, LoadProgress};
use armsflow::dataset::{Dataset, build_dataset};
use armsflow::export::{
    ChartKind, ChartStyle, FigureRequest, FigureSource, REGISTER_CSV_COLUMNS, REPORT_CSV_HEADER,
    export_chart, export_data, layout_figure, scene_to_svg,
};
use armsflow::extract::Extractor;
use armsflow::view::{DatasetIndex, FlowSplitBy, flows};
use resvg::usvg;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn load(name: &str) -> (Dataset, DatasetIndex) {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let d = build_dataset(
        &fixture(name),
        &extractor,
        &LoadOptions::default(),
        &Arc::new(LoadProgress::default()),
    )
    .expect("fixture folder loads");
    let index = DatasetIndex::new(&d);
    (d, index)
}

fn request(chart: ChartKind, width: f32, height: f32) -> FigureRequest {
    FigureRequest {
        chart,
        style: ChartStyle::default(),
        width,
        height,
        theme: armsflow::chart::Theme::Light,
        title: chart.default_title().to_owned(),
        source_line: None,
    }
}

fn source<'a>(d: &'a Dataset, index: &'a DatasetIndex, visible: &'a [usize]) -> FigureSource<'a> {
    FigureSource {
        dataset: d,
        index,
        visible,
        filters: &[],
        folder: "fixtures",
        date: jiff::civil::date(2026, 11, 21),
    }
}

/// Writes `req` of `src` as a PNG at scale 1 to `path` and decodes it again.
fn export_png(req: &FigureRequest, src: &FigureSource, path: &Path) -> image::RgbImage {
    export_chart(req, src, path, 1.0, chart_measure()).expect("PNG export");
    image::open(path).expect("decodes").to_rgb8()
}

fn parse_svg(svg: &str) -> usvg::Tree {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(CHART_FONT.to_vec());
    let options = usvg::Options {
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).expect("the SVG parses")
}

#[test]
fn flow_svg_parses_names_every_country_and_has_one_band_per_pair() {
    let (d, index) = load("folder");
    let visible: Vec<usize> = (0..d.transfers.len()).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("flow.svg");
    let req = request(ChartKind::FLOW, 1100.0, 760.0);
    export_chart(
        &req,
        &source(&d, &index, &visible),
        &path,
        1.0,
        chart_measure(),
    )
    .expect("SVG export");
    let svg = std::fs::read_to_string(&path).expect("read SVG");
    let tree = parse_svg(&svg);
    assert_eq!(tree.size().width(), 1100.0);

    let countries: BTreeSet<&str> = d
        .transfers
        .iter()
        .flat_map(|t| [t.supplier.name.as_str(), t.recipient.name.as_str()])
        .collect();
    for name in &countries {
        assert!(svg.contains(&format!(">{name} (")), "no label for {name}");
    }
    let pairs = flows(&d, &index, &visible, FlowSplitBy::Nothing).len();
    // Bands are the only polygons of a Flow chart.
    assert_eq!(svg.matches("<polygon").count(), pairs);
    assert!(svg.contains("Reported arms transfers between countries"));
    assert!(svg.contains(&format!(
        ">Source: {} articles in fixtures,<",
        d.articles.len()
    )));
    assert!(svg.contains(">extracted by ArmsFlow on 2026-11-21<"));
    assert!(svg.contains("@font-face"), "the font is embedded");
}

/// The colour a band's fill shows over the background.
fn over(fill: Rgba, background: Rgba) -> [u8; 3] {
    let a = f32::from(fill.0[3]) / 255.0;
    std::array::from_fn(|i| {
        (f32::from(fill.0[i]) * a + f32::from(background.0[i]) * (1.0 - a)).round() as u8
    })
}

/// Points inside each band, just right of its supplier node, where bands are stacked
/// without overlapping, with the colour expected there.
fn band_probes(scene: &Scene<()>) -> Vec<((f32, f32), [u8; 3])> {
    scene
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Ribbon { top, bottom, fill } => {
                let (t, b) = (top[1], bottom[1]);
                (b.y - t.y >= 6.0)
                    .then(|| (((t.x), (t.y + b.y) / 2.0), over(*fill, scene.background)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn flow_png_has_the_requested_size_is_not_blank_and_bands_have_their_colour() {
    let (d, index) = load("folder");
    let visible: Vec<usize> = (0..d.transfers.len()).collect();
    let req = request(ChartKind::FLOW, 900.0, 640.0);
    let src = source(&d, &index, &visible);
    let dir = tempfile::tempdir().expect("temp dir");
    let one = dir.path().join("flow.png");
    let two = dir.path().join("flow@2x.png");
    export_chart(&req, &src, &one, 1.0, chart_measure()).expect("PNG export");
    export_chart(&req, &src, &two, 2.0, chart_measure()).expect("PNG export at 2x");

    let img = image::open(&one).expect("PNG decodes").to_rgb8();
    assert_eq!(img.dimensions(), (900, 640));
    let colours: BTreeSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 50, "only {} colours: blank?", colours.len());

    let scene = layout_figure(&req, &src, chart_measure());
    let probes = band_probes(&scene);
    assert!(!probes.is_empty());
    for ((x, y), want) in probes {
        let got = img.get_pixel(x.round() as u32 + 2, y.round() as u32).0;
        let close = got.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= 8);
        assert!(
            close,
            "pixel at ({x}, {y}) is {got:?}, band colour {want:?}"
        );
    }

    let img2 = image::open(&two).expect("2x PNG decodes").to_rgb8();
    assert_eq!(img2.dimensions(), (1800, 1280));
}

#[test]
fn long_country_names_are_not_clipped_in_either_chart() {
    let (d, index) = load("long-names");
    let visible: Vec<usize> = (0..d.transfers.len()).collect();
    let long = "Democratic Republic of the Congo";
    assert!(
        d.transfers.iter().any(|t| t.recipient.name == long),
        "the fixture names the DRC"
    );
    for chart in [ChartKind::FLOW, ChartKind::TIMELINE] {
        for width in [420.0, 800.0, 1200.0] {
            let req = request(chart, width, 420.0);
            let scene = layout_figure(&req, &source(&d, &index, &visible), chart_measure());
            let svg = scene_to_svg(&scene, false);
            // Whole at usual sizes; on a very narrow figure, shortened with an ellipsis
            // (never cut by the edge).
            if width >= 800.0 {
                assert!(svg.contains(long), "{chart:?} at {width}: full name shown");
            } else {
                assert!(svg.contains('…'), "{chart:?} at {width}: shortened visibly");
            }
            for p in &scene.primitives {
                if let Some((left, right)) = p.text_extent(chart_measure()) {
                    assert!(
                        left >= 0.0 && right <= width,
                        "{chart:?} at {width}: {p:?} spans {left}..{right}"
                    );
                }
            }
        }
    }
}

#[test]
fn timeline_png_and_data_exports() {
    let (d, index) = load("folder");
    let visible: Vec<usize> = (0..d.transfers.len()).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("timeline.png");
    let req = request(ChartKind::TIMELINE, 1000.0, 600.0);
    let img = export_png(&req, &source(&d, &index, &visible), &png);
    // As wide as asked; taller when every lane needs the room (a figure leaves none out).
    assert_eq!(img.width(), 1000);
    assert!(img.height() >= 600, "{:?}", img.dimensions());

    let csv = dir.path().join("reports.csv");
    export_data(&d, &index, &visible[..3], &csv).expect("CSV export");
    let mut reader = csv::Reader::from_path(&csv).expect("CSV reads");
    let header = common::csv_header(&mut reader);
    let expected: Vec<&str> = REPORT_CSV_HEADER
        .iter()
        .chain(&REGISTER_CSV_COLUMNS)
        .copied()
        .collect();
    assert_eq!(header, expected);
    let reports: usize = visible[..3]
        .iter()
        .map(|&i| d.transfers[i].reports.len())
        .sum();
    assert_eq!(reader.records().count(), reports, "one row per report");

    let json = dir.path().join("reports.json");
    export_data(&d, &index, &visible[..3], &json).expect("JSON export");
    let back: Dataset =
        serde_json::from_slice(&std::fs::read(&json).expect("read")).expect("same schema");
    assert_eq!(back.transfers.len(), 3);
    assert_eq!(back.schema, d.schema);

    // A chart cannot be CSV, data cannot be PNG: both said clearly, nothing written.
    let wrong = dir.path().join("chart.csv");
    let e = export_chart(
        &req,
        &source(&d, &index, &visible),
        &wrong,
        1.0,
        chart_measure(),
    )
    .expect_err("wrong format");
    assert!(e.to_string().contains("chart.csv"), "{e}");
    assert!(!wrong.exists());
}

#[test]
fn the_export_command_writes_the_chart_with_filters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("egypt.svg");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .arg("export")
        .arg(fixture("folder"))
        .args(["--chart", "flow", "--country", "Egypt", "--width", "800"])
        .arg("--out")
        .arg(&out)
        .status()
        .expect("armsflow runs");
    assert!(status.success());
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(svg.contains("country: Egypt"), "filters in words");
    assert!(svg.contains(">Egypt ("));
    assert!(!svg.contains(">North Korea ("), "filtered out");

    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .arg("export")
        .arg(fixture("folder"))
        .args(["--country", "Atlantis"])
        .arg("--out")
        .arg(dir.path().join("x.png"))
        .output()
        .expect("armsflow runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Atlantis"));
}

#[test]
fn a_zoomed_map_figure_stays_inside_its_frame() {
    let (d, index) = load("folder");
    let visible: Vec<usize> = (0..d.transfers.len()).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("map.png");
    let mut req = request(ChartKind::MAP, 1000.0, 600.0);
    // Zoomed into Europe, as a user leaves the window before exporting.
    req.style.map_view = armsflow::chart::MapView {
        center: armsflow::chart::equal_earth(20.0, 50.0),
        zoom: 6.0,
        aspect: 1.4,
    };
    let img = export_png(&req, &source(&d, &index, &visible), &png);
    // The title band stays the page's white: no land, sea or arc spilled over it.
    let sea_or_land = (0..img.width())
        .flat_map(|x| (0..30).map(move |y| (x, y)))
        .filter(|&(x, y)| {
            let [r, g, b] = img.get_pixel(x, y).0;
            r < 245 && !(r == g && g == b)
        })
        .count();
    assert_eq!(sea_or_land, 0, "coloured pixels in the title band");
    let scene = layout_figure(&req, &source(&d, &index, &visible), chart_measure());
    assert!(scene_to_svg(&scene, false).contains("<clipPath"));
}
