//! The Map chart: the flows drawn as arcs on a world map (Equal Earth), from supplier to
//! recipient, as wide as the Flow chart's bands and coloured as they are (by supplier,
//! status or register mark); the countries with transfers shaded; pan and zoom.

use super::{
    Anchor, HitRegion, HitShape, LegendEntry, Pos, Primitive, Rect, Rgba, Scene, Swatch,
    TextMeasure, Theme, World, country_color, equal_earth, fit_text, layout_legend, world_extent,
};
use super::{Chart, ChartData, ChartKind, ChartStyle, FlowColor};
use crate::view::{Flow, FlowWeight};
use std::collections::{BTreeMap, BTreeSet};

/// Which part of the world the map shows: a centre in projected units and a zoom (1 shows
/// the whole world).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// The point at the map's centre (Equal Earth units, y down).
    pub center: Pos,
    /// 1 shows the world; 2 shows half its width.
    pub zoom: f32,
    /// The width / height of the map where the view was set (0: none): a figure of another
    /// shape shows at least what that map showed, so an export keeps what is on screen.
    pub aspect: f32,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            center: Pos::new(0.0, 0.0),
            zoom: 1.0,
            aspect: 0.0,
        }
    }
}

/// How far in the map zooms.
pub const MAX_ZOOM: f32 = 12.0;

/// An interactive part of the map.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapTarget {
    /// An arc: the flows it draws (indices into the flows given) and "Iran → Russia".
    Arc {
        /// Indices into the flows.
        flows: Vec<usize>,
        /// Its title.
        title: String,
    },
    /// A country with transfers (its code).
    Country(String),
}

/// Everything the map layout depends on besides the flows.
#[derive(Debug, Clone, PartialEq)]
pub struct MapChartOptions {
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels.
    pub height: f32,
    /// What arc width stands for.
    pub weight: FlowWeight,
    /// How arcs are coloured.
    pub color: FlowColor,
    /// Colours.
    pub theme: Theme,
    /// Label size in pixels.
    pub font_size: f32,
    /// The part of the world shown.
    pub view: MapView,
    /// The part under the pointer: drawn stronger.
    pub highlight: Option<MapTarget>,
    /// The selected transfers (sorted): the arc of exactly these is outlined.
    pub selected: Vec<usize>,
}

impl MapChartOptions {
    /// The options of a map `size` wide and high drawn in `style` and `theme`.
    pub fn new(style: &ChartStyle, (width, height): (f32, f32), theme: Theme) -> Self {
        Self {
            width,
            height,
            weight: style.flow_weight,
            color: style.flow_color,
            theme,
            font_size: 12.0,
            view: style.map_view,
            highlight: None,
            selected: Vec::new(),
        }
    }
}

/// The Map chart, as registered in [`super::CHARTS`].
pub struct MapChart;

impl ChartKind {
    /// The Map chart.
    pub const MAP: ChartKind = ChartKind::new("map");
}

impl Chart for MapChart {
    fn kind(&self) -> ChartKind {
        ChartKind::MAP
    }

    fn label(&self) -> &'static str {
        "Map"
    }

    fn default_title(&self) -> &'static str {
        "Reported arms transfers on the world map"
    }

    fn layout(
        &self,
        data: &ChartData<'_>,
        style: &ChartStyle,
        size: (f32, f32),
        theme: Theme,
        measure: &dyn TextMeasure,
    ) -> Scene<()> {
        let split = style.flow_color.split_by();
        let flows = crate::view::flows(data.dataset, data.index, data.visible, split);
        let options = MapChartOptions::new(style, size, theme);
        layout_map_chart(&flows, &options, measure).0.into_drawing()
    }
}

const MARGIN: f32 = 10.0;
const ARC_STEPS: usize = 24;
const MIN_ARC: f32 = 1.5;
const MAX_ARC: f32 = 14.0;

/// Where the map is drawn in the scene and how projected units become pixels.
#[derive(Debug, Clone, Copy)]
pub struct MapFrame {
    /// The map's rectangle in the scene.
    pub area: Rect,
    /// Pixels per projected unit.
    pub scale: f32,
    /// The projected point at the area's centre.
    pub center: Pos,
}

impl MapFrame {
    /// The frame for `view` in `area`: zoom 1 fits the whole world.
    pub fn new(area: Rect, view: MapView) -> Self {
        let world = world_extent();
        let zoom = view.zoom.clamp(1.0, MAX_ZOOM);
        // What must show, in projected units: the world over the zoom, widened or heightened
        // to the shape of the map the view was set on.
        let (mut w, mut h) = (world.width() / zoom, world.height() / zoom);
        if view.aspect > 0.0 {
            if w / h < view.aspect {
                w = h * view.aspect;
            } else {
                h = w / view.aspect;
            }
        }
        Self {
            area,
            scale: (area.width() / w).min(area.height() / h),
            center: view.center,
        }
    }

    /// A projected point in scene pixels.
    pub fn to_scene(&self, p: Pos) -> Pos {
        let c = self.area.center();
        Pos::new(
            c.x + (p.x - self.center.x) * self.scale,
            c.y + (p.y - self.center.y) * self.scale,
        )
    }

    /// A scene point in projected units.
    pub fn to_world(&self, p: Pos) -> Pos {
        let c = self.area.center();
        Pos::new(
            self.center.x + (p.x - c.x) / self.scale,
            self.center.y + (p.y - c.y) / self.scale,
        )
    }

    /// Whether a projected box shows in the area.
    fn shows(&self, bounds: Rect) -> bool {
        let (a, b) = (self.to_scene(bounds.min), self.to_scene(bounds.max));
        b.x >= self.area.min.x
            && a.x <= self.area.max.x
            && b.y >= self.area.min.y
            && a.y <= self.area.max.y
    }
}

/// The map's area inside a chart `width` × `height` with a legend `legend_height` tall
/// below it.
pub fn map_area(width: f32, height: f32, legend_height: f32) -> Rect {
    Rect::from_xywh(
        MARGIN,
        MARGIN,
        (width - 2.0 * MARGIN).max(10.0),
        (height - 2.0 * MARGIN - legend_height - 6.0).max(10.0),
    )
}

/// Lays out the map of `flows`; also returns where the map sits and its scale, for panning
/// and zooming.
pub fn layout_map_chart(
    flows: &[Flow],
    options: &MapChartOptions,
    measure: &dyn TextMeasure,
) -> (Scene<MapTarget>, MapFrame) {
    let world = World::get();
    let theme = options.theme;
    let entries = legend_entries(flows, options, world);
    let (mut legend, legend_height) = layout_legend(
        &entries,
        MARGIN,
        0.0,
        options.width - MARGIN,
        options.font_size,
        measure,
    );
    let frame = MapFrame::new(
        map_area(options.width, options.height, legend_height),
        options.view,
    );
    let mut prims = vec![
        Primitive::ClipBegin(frame.area),
        Primitive::Polygon {
            points: sphere(&frame),
            fill: sea(theme),
            stroke: Some((theme.muted().with_alpha(120), 1.0)),
        },
    ];
    let mut hits: Vec<HitRegion<MapTarget>> = Vec::new();
    let involved = involvement(flows, options.weight);
    countries(&frame, world, &involved, theme, &mut prims, &mut hits);
    let arcs = arcs(flows, options, &frame, world, &mut prims);
    labels(
        flows, &frame, world, &involved, options, measure, &mut prims,
    );
    prims.push(Primitive::ClipEnd);
    let legend_top = frame.area.max.y + 6.0;
    for p in &mut legend {
        *p = p.translated(0.0, legend_top);
    }
    prims.extend(legend);
    // Arcs are on top of the countries: their regions come first.
    let mut regions = arcs;
    regions.extend(hits);
    let scene = Scene {
        width: options.width,
        height: options.height,
        background: theme.background(),
        primitives: prims,
        hits: regions,
    };
    (scene, frame)
}

/// Each country's transfers through it (by the chart's weight), suppliers and recipients.
fn involvement(flows: &[Flow], weight: FlowWeight) -> BTreeMap<String, (String, f64)> {
    let mut out: BTreeMap<String, (String, f64)> = BTreeMap::new();
    for f in flows {
        for (code, name) in [
            (&f.key.supplier, &f.supplier_name),
            (&f.key.recipient, &f.recipient_name),
        ] {
            out.entry(code.clone())
                .or_insert_with(|| (name.clone(), 0.0))
                .1 += f.weight(weight);
        }
    }
    out
}

/// The outline of the whole Earth in the projection (convex), in scene pixels.
fn sphere(frame: &MapFrame) -> Vec<Pos> {
    let east = (0..=36).map(|k| equal_earth(180.0, 90.0 - 5.0 * f64::from(k)));
    let west = (0..=36).map(|k| equal_earth(-180.0, -90.0 + 5.0 * f64::from(k)));
    east.chain(west).map(|p| frame.to_scene(p)).collect()
}

fn sea(theme: Theme) -> Rgba {
    match theme {
        Theme::Light => Rgba::rgb(234, 241, 247),
        Theme::Dark => Rgba::rgb(22, 30, 40),
    }
}

fn land(theme: Theme, involved: bool) -> Rgba {
    match (theme, involved) {
        (Theme::Light, false) => Rgba::rgb(222, 222, 218),
        (Theme::Light, true) => Rgba::rgb(196, 190, 170),
        (Theme::Dark, false) => Rgba::rgb(58, 60, 62),
        (Theme::Dark, true) => Rgba::rgb(96, 92, 78),
    }
}

/// Every country in view, shaded when it has transfers (those become hit regions too).
fn countries(
    frame: &MapFrame,
    world: &World,
    involved: &BTreeMap<String, (String, f64)>,
    theme: Theme,
    prims: &mut Vec<Primitive>,
    hits: &mut Vec<HitRegion<MapTarget>>,
) {
    let border = (theme.background(), 0.6);
    for c in world.countries.iter().filter(|c| frame.shows(c.bounds)) {
        let transfers = involved.get(&c.code);
        let fill = land(theme, transfers.is_some());
        let mut all_rings = Vec::new();
        for piece in &c.pieces {
            let rings: Vec<Vec<Pos>> = piece
                .rings
                .iter()
                .map(|r| r.iter().map(|&p| frame.to_scene(p)).collect())
                .collect();
            all_rings.extend(rings.iter().cloned());
            prims.push(Primitive::Area {
                rings,
                triangles: std::sync::Arc::clone(&piece.triangles),
                fill,
                stroke: Some(border),
            });
        }
        if let Some((name, _)) = transfers {
            hits.push(HitRegion {
                target: MapTarget::Country(c.code.clone()),
                shape: HitShape::Area(all_rings),
                label: format!("{name}: click to filter to it"),
            });
        }
    }
}

/// One arc per flow, drawn thickest last so thin arcs stay visible; returns their regions,
/// topmost first.
fn arcs(
    flows: &[Flow],
    options: &MapChartOptions,
    frame: &MapFrame,
    world: &World,
    prims: &mut Vec<Primitive>,
) -> Vec<HitRegion<MapTarget>> {
    let max = flows
        .iter()
        .map(|f| f.weight(options.weight))
        .fold(0.0, f64::max)
        .max(1e-9);
    // The widest arc in proportion to the map: thick on a wall chart, not on a thumbnail.
    let max_arc = (frame.area.width() / 90.0).clamp(5.0, MAX_ARC);
    // Bands of one pair split by status or mark bend apart, so each stays visible.
    let mut nth_of_pair: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut drawn: Vec<(f32, usize, Vec<Pos>, Rgba)> = Vec::new();
    for (i, f) in flows.iter().enumerate() {
        let (Some(a), Some(b)) = (
            world.anchor(&f.key.supplier),
            world.anchor(&f.key.recipient),
        ) else {
            continue;
        };
        if a == b {
            continue;
        }
        let nth = nth_of_pair
            .entry((&f.key.supplier, &f.key.recipient))
            .or_insert(0);
        let bend = 0.22 + 0.08 * *nth as f32;
        *nth += 1;
        let width = MIN_ARC + (max_arc - MIN_ARC) * (f.weight(options.weight) / max).sqrt() as f32;
        let points = curve(frame.to_scene(a), frame.to_scene(b), bend);
        drawn.push((width, i, points, arc_color(f, options.color)));
    }
    drawn.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut regions = Vec::new();
    for (width, i, points, color) in drawn {
        let f = &flows[i];
        let target = MapTarget::Arc {
            flows: vec![i],
            title: format!("{} → {}", f.supplier_name, f.recipient_name),
        };
        let lit = options.highlight.as_ref() == Some(&target);
        let selected = !options.selected.is_empty() && f.transfers == options.selected;
        let alpha = if options.highlight.is_some() && !lit {
            90
        } else {
            210
        };
        if selected || lit {
            prims.push(Primitive::Line {
                points: points.clone(),
                color: options.theme.text(),
                width: width + 3.0,
            });
        }
        prims.push(Primitive::Line {
            points: points.clone(),
            color: color.with_alpha(alpha),
            width,
        });
        prims.push(arrow_head(&points, width, color.with_alpha(alpha.max(200))));
        regions.push(HitRegion {
            target,
            shape: HitShape::Path {
                points,
                reach: (width / 2.0).max(4.0),
            },
            label: super::flow_chart::band_label(f, options.weight),
        });
    }
    // The thinnest arcs are drawn last, on top: their regions come first.
    regions.reverse();
    regions
}

fn arc_color(f: &Flow, color: FlowColor) -> Rgba {
    match (color, f.key.split) {
        (FlowColor::Status | FlowColor::Register, Some(split)) => super::split_color(split),
        _ => country_color(f.color),
    }
}

/// A quadratic curve from `a` to `b` bending to the left of the direction of travel by
/// `bend` of its length (so A → B and B → A are two arcs).
fn curve(a: Pos, b: Pos, bend: f32) -> Vec<Pos> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let control = Pos::new((a.x + b.x) / 2.0 + dy * bend, (a.y + b.y) / 2.0 - dx * bend);
    (0..=ARC_STEPS)
        .map(|k| {
            let t = k as f32 / ARC_STEPS as f32;
            let u = 1.0 - t;
            Pos::new(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// A triangle at the end of `points`, pointing along the last segment.
fn arrow_head(points: &[Pos], width: f32, color: Rgba) -> Primitive {
    let n = points.len();
    let (tip, from) = (points[n - 1], points[n.saturating_sub(3)]);
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    let (ux, uy) = (dx / len, dy / len);
    let size = width * 1.2 + 6.0;
    let base = Pos::new(tip.x - ux * size, tip.y - uy * size);
    let half = size * 0.55;
    Primitive::Polygon {
        points: vec![
            tip,
            Pos::new(base.x - uy * half, base.y + ux * half),
            Pos::new(base.x + uy * half, base.y - ux * half),
        ],
        fill: color,
        stroke: None,
    }
}

/// The names of the countries with transfers, busiest first, where they do not overlap a
/// name already placed.
fn labels(
    _flows: &[Flow],
    frame: &MapFrame,
    world: &World,
    involved: &BTreeMap<String, (String, f64)>,
    options: &MapChartOptions,
    measure: &dyn TextMeasure,
    prims: &mut Vec<Primitive>,
) {
    let mut order: Vec<(&String, &(String, f64))> = involved.iter().collect();
    order.sort_by(|a, b| b.1.1.total_cmp(&a.1.1).then(a.0.cmp(b.0)));
    let size = options.font_size;
    let mut placed: Vec<Rect> = Vec::new();
    for (code, (name, _)) in order {
        let Some(anchor) = world.anchor(code) else {
            continue;
        };
        let p = frame.to_scene(anchor);
        let text = fit_text(name, 160.0, size, measure);
        let w = measure.width(&text, size);
        let rect = Rect::from_xywh(p.x - w / 2.0 - 2.0, p.y + 4.0, w + 4.0, size + 4.0);
        if !frame.area.contains(rect.min)
            || !frame.area.contains(rect.max)
            || placed.iter().any(|r| overlaps(r, &rect))
        {
            continue;
        }
        placed.push(rect);
        prims.push(Primitive::Circle {
            center: p,
            radius: 2.5,
            fill: options.theme.text(),
            stroke: None,
        });
        prims.push(Primitive::Text {
            pos: Pos::new(p.x, p.y + 4.0 + size / 2.0 + 2.0),
            text,
            size,
            color: options.theme.text(),
            anchor: Anchor::Middle,
        });
    }
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

/// The key: what arc width and colour stand for, the notes of parties drawn at a stated
/// point (blocs, states of other eras), parties with no place on the map, and the status or
/// mark colours.
fn legend_entries(flows: &[Flow], options: &MapChartOptions, world: &World) -> Vec<LegendEntry> {
    let theme = options.theme;
    let width = match options.weight {
        FlowWeight::Transfers => "Arc width: number of transfers",
        FlowWeight::Reports => "Arc width: number of reports",
        FlowWeight::Quantity => "Arc width: stated quantity",
    };
    let note = |text: String| LegendEntry {
        swatch: Swatch::None,
        text,
        color: theme.muted(),
    };
    // Separate notes, so a narrow figure wraps between them instead of cutting one short.
    let mut entries = vec![
        note(format!("{width} ·")),
        note(format!("colour: {} ·", options.color.label())),
        note("arrows point to the recipient ·".to_owned()),
        note("shaded: countries with transfers.".to_owned()),
    ];
    let codes: BTreeSet<&str> = flows
        .iter()
        .flat_map(|f| [f.key.supplier.as_str(), f.key.recipient.as_str()])
        .collect();
    for code in &codes {
        if let Some(n) = world.note(code) {
            entries.push(note(format!("{n}.")));
        }
    }
    let missing: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| world.anchor(c).is_none())
        .collect();
    if !missing.is_empty() {
        entries.push(note(format!(
            "Not on the map (no place for): {}.",
            missing.join(", ")
        )));
    }
    if options.color != FlowColor::Supplier {
        entries.extend(super::split_entries(flows, theme));
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ApproxMeasure;

    fn flow(s: &str, r: &str, n: usize) -> Flow {
        Flow {
            color: Some(0),
            ..crate::view::test_flow(s, r, n)
        }
    }

    #[test]
    fn arcs_run_from_supplier_to_recipient_with_blocs_at_their_points() {
        let flows = vec![
            flow("IR", "RU", 3),
            flow("EU", "UA", 1),
            flow("ZZ", "UA", 1),
        ];
        let options = MapChartOptions::new(&ChartStyle::default(), (1200.0, 700.0), Theme::Light);
        let (scene, _) = layout_map_chart(&flows, &options, &ApproxMeasure);
        let arcs: Vec<&HitRegion<MapTarget>> = scene
            .hits
            .iter()
            .filter(|h| matches!(h.target, MapTarget::Arc { .. }))
            .collect();
        assert_eq!(arcs.len(), 2, "the party with no place draws no arc");
        let iran = arcs
            .iter()
            .find(|h| h.label.starts_with("Country IR → Country RU"))
            .expect("Iran arc");
        // The arc starts in Iran's east-of-Europe longitude band and ends further north.
        let HitShape::Path { points, .. } = &iran.shape else {
            panic!("an arc is a path");
        };
        assert!(
            points[0].y > points[points.len() - 1].y,
            "Russia is north of Iran"
        );
        let texts: Vec<&str> = scene
            .primitives
            .iter()
            .filter_map(|p| match p {
                Primitive::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            texts
                .iter()
                .any(|t| t.contains("EU: arcs meet at Brussels")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("Not on the map (no place for): ZZ")),
            "{texts:?}"
        );
        // Countries with transfers can be clicked.
        assert!(
            scene
                .hits
                .iter()
                .any(|h| h.target == MapTarget::Country("RU".into()))
        );
        let ru = scene
            .hits
            .iter()
            .find(|h| h.target == MapTarget::Country("RU".into()));
        let probe = ru.and_then(|h| scene.probe_point(h));
        assert!(probe.is_some(), "Russia is clickable somewhere");
    }

    #[test]
    fn a_figure_of_another_shape_shows_at_least_what_the_screen_showed() {
        let screen = Rect::from_xywh(0.0, 0.0, 960.0, 670.0);
        let view = MapView {
            center: Pos::new(0.3, -0.7),
            zoom: 5.0,
            aspect: screen.width() / screen.height(),
        };
        let on_screen = MapFrame::new(screen, view);
        let figure = MapFrame::new(Rect::from_xywh(0.0, 0.0, 1580.0, 730.0), view);
        for corner in [screen.min, screen.max] {
            let p = figure.to_scene(on_screen.to_world(corner));
            assert!(
                (-0.01..=1580.01).contains(&p.x) && (-0.01..=730.01).contains(&p.y),
                "{corner:?} of the screen is at {p:?} in the figure"
            );
        }
    }

    #[test]
    fn zooming_keeps_the_centre_and_scales_about_it() {
        let area = Rect::from_xywh(0.0, 0.0, 1000.0, 500.0);
        let whole = MapFrame::new(area, MapView::default());
        let zoomed = MapFrame::new(
            area,
            MapView {
                center: Pos::new(0.5, -0.5),
                zoom: 4.0,
                aspect: 0.0,
            },
        );
        assert!((zoomed.scale / whole.scale - 4.0).abs() < 1e-4);
        let c = zoomed.to_scene(Pos::new(0.5, -0.5));
        assert!((c.x - 500.0).abs() < 1e-3 && (c.y - 250.0).abs() < 1e-3);
        let back = zoomed.to_world(Pos::new(123.0, 45.0));
        let again = zoomed.to_scene(back);
        assert!((again.x - 123.0).abs() < 1e-3 && (again.y - 45.0).abs() < 1e-3);
    }
}
