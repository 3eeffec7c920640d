//! The Map chart's panel: arcs from supplier to recipient on the world map. Drag to pan,
//! scroll to zoom about the pointer; hover an arc for its counts, click it to see its
//! sentences; click a shaded country to filter to it. Each arc and country is an accessible
//! element with a label.

use super::chart_hits::{clicked_target, hit_button, probe_rect, scene_pos};
use super::{ViewCaches, paint_scene};
use crate::app::{AppState, Command, ExportTarget};
use crate::chart::{
    HitShape, MAX_ZOOM, MapChartOptions, MapFrame, MapTarget, MapView, Pos, Scene, layout_map_chart,
};
use crate::export::ChartKind;
use crate::view::Flow;
use std::sync::Arc;

/// The map panel.
pub fn map_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    caches: &mut ViewCaches,
    out: &mut Vec<Command>,
) {
    let mut export = false;
    ui.horizontal_wrapped(|ui| {
        super::flow::width_and_colour(ui, state, "Arc width:", out);
        ui.separator();
        if ui
            .add_enabled(
                state.map_view != MapView::default(),
                egui::Button::new("Whole world"),
            )
            .on_hover_text("Drag to pan, scroll to zoom")
            .clicked()
        {
            out.push(Command::SetMapView(MapView::default()));
        }
        ui.separator();
        export = super::export_window::export_button(ui);
    });
    if export {
        out.push(Command::OpenExport(ExportTarget::Chart(ChartKind::MAP)));
    }
    let flows = &state.views.flows;
    let size = ui.available_size();
    let mut options = MapChartOptions::new(
        &state.chart_style(),
        (size.x.max(300.0), size.y.max(200.0)),
        state.settings.theme,
    );
    options.selected = state.selection.transfers.clone();
    let cached = cached_layout(caches, state.views.version, flows, &options);
    let plain = &cached.scene;
    let (rect, chart) = ui.allocate_exact_size(
        egui::vec2(plain.width, plain.height),
        egui::Sense::click_and_drag(),
    );
    let origin = rect.min.to_vec2();
    let to_scene = |p: egui::Pos2| scene_pos(p, origin);
    pan_and_zoom(ui, &chart, &cached.frame, state.map_view, to_scene, out);
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| rect.contains(*p) && !chart.dragged());
    let hovered = pointer
        .and_then(|p| plain.hit_test(to_scene(p)))
        .map(|h| h.target.clone());
    let lit;
    let scene = if hovered.is_some() {
        options.highlight = hovered.clone();
        lit = layout_map_chart(flows, &options, crate::chart::chart_measure()).0;
        &lit
    } else {
        plain
    };
    let painter = ui.painter_at(rect);
    paint_scene(&painter, scene, origin);
    let mut clicked = clicked_target(&chart, scene, origin);
    if let Some(h) = hovered
        .as_ref()
        .and_then(|t| scene.hits.iter().find(|h| &h.target == t))
    {
        let action = match h.target {
            MapTarget::Arc { .. } => "\nClick to select",
            MapTarget::Country(_) => "",
        };
        chart.on_hover_text_at_pointer(format!("{}{action}", h.label));
    }
    // One accessible element per arc and shaded country, at a point where it is on top.
    for (k, hit) in scene.hits.iter().enumerate().rev() {
        let Some(p) = cached.probes.get(k).copied().flatten() else {
            continue;
        };
        if hit_button(ui, probe_rect(p, origin), ("map_hit", k), &hit.label) {
            clicked = Some(hit.target.clone());
        }
    }
    match clicked {
        Some(MapTarget::Arc {
            flows: members,
            title,
        }) => {
            out.push(Command::Select {
                transfers: crate::view::transfers_of(flows, &members),
                label: title,
            });
        }
        Some(MapTarget::Country(code)) => out.push(Command::FilterCountry(code)),
        None => {}
    }
}

/// Drag pans; the scroll wheel over the map zooms, keeping the point under the pointer.
fn pan_and_zoom(
    ui: &egui::Ui,
    chart: &egui::Response,
    frame: &MapFrame,
    view: MapView,
    to_scene: impl Fn(egui::Pos2) -> Pos,
    out: &mut Vec<Command>,
) {
    if chart.dragged() {
        let d = chart.drag_delta();
        if d != egui::Vec2::ZERO {
            out.push(Command::SetMapView(MapView {
                center: Pos::new(
                    view.center.x - d.x / frame.scale,
                    view.center.y - d.y / frame.scale,
                ),
                zoom: view.zoom,
                aspect: frame.area.width() / frame.area.height(),
            }));
        }
        return;
    }
    let Some(pointer) = chart.hover_pos() else {
        return;
    };
    let scroll = ui.input(|i| i.smooth_scroll_delta.y);
    if scroll == 0.0 {
        return;
    }
    let zoom = (view.zoom * (scroll * 0.003).exp()).clamp(1.0, MAX_ZOOM);
    let at = to_scene(pointer);
    let world = frame.to_world(at);
    let scale = frame.scale / view.zoom.clamp(1.0, MAX_ZOOM) * zoom;
    let c = frame.area.center();
    out.push(Command::SetMapView(MapView {
        center: Pos::new(
            world.x - (at.x - c.x) / scale,
            world.y - (at.y - c.y) / scale,
        ),
        zoom,
        aspect: frame.area.width() / frame.area.height(),
    }));
}

/// The map laid out without a highlight, its frame, and for each hit region a point where it
/// is on top.
pub(super) struct MapLayout {
    scene: Scene<MapTarget>,
    frame: MapFrame,
    probes: Vec<Option<Pos>>,
}

/// A point inside a region for its accessible element: an arc's middle, a point inside a
/// country (its box's centre, else one of its corners nudged inwards). Unlike the Flow chart's
/// probes it is not checked to be on top: with thousands of arcs that check would cost
/// seconds at every zoom, and the element selects its own target when pressed.
fn probe(shape: &HitShape) -> Option<Pos> {
    match shape {
        HitShape::Path { points, .. } => points.get(points.len() / 2).copied(),
        HitShape::Area(rings) => {
            let c = shape.bounds().center();
            let step = (rings.iter().map(Vec::len).sum::<usize>() / 50).max(1);
            std::iter::once(c)
                .chain(
                    rings
                        .iter()
                        .flatten()
                        .step_by(step)
                        .map(|q| Pos::new(q.x + (c.x - q.x) * 0.05, q.y + (c.y - q.y) * 0.05)),
                )
                .find(|&p| shape.contains(p))
        }
        _ => None,
    }
}

/// The plain layout, kept between frames and redone only when the flows or options change.
fn cached_layout(
    caches: &mut ViewCaches,
    version: u64,
    flows: &[Flow],
    options: &MapChartOptions,
) -> Arc<MapLayout> {
    super::caches::kept_or_build(&mut caches.map_layout, version, options, || {
        let (scene, frame) = layout_map_chart(flows, options, crate::chart::chart_measure());
        let probes = scene.hits.iter().map(|h| probe(&h.shape)).collect();
        MapLayout {
            scene,
            frame,
            probes,
        }
    })
}
