use super::ViewCaches;
use super::chart_hits::{clicked_target, hit_button, probe_rect, scene_pos};
use super::{paint_scene, radio_choice};
use crate::app::{AppState, Command, ExportTarget};
use crate::chart::{
    FlowChartOptions, FlowColor, FlowTarget, HitShape, OTHER_CODE, Pos, Scene, layout_flow_chart,
};
use crate::export::ChartKind;
use crate::view::Flow;
use crate::view::FlowWeight;
use std::sync::Arc;

/// The Sankey chart: bands from suppliers (left) to recipients (right). Hover highlights a
/// band and its nodes; a click on a band selects its reports; a click on a country filters
/// every view to it. Each band and node is an accessible element with a label.
pub fn flow_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    caches: &mut ViewCaches,
    out: &mut Vec<Command>,
) {
    let settings = &state.settings;
    let mut export = false;
    // Wrapped, so a narrow window never pushes the chart under the Evidence panel.
    ui.horizontal_wrapped(|ui| {
        width_and_colour(ui, state, "Band width:", out);
        ui.separator();
        export = super::export_window::export_button(ui);
    });
    // Computed when the filters or colouring change, not every frame.
    let flows = &state.views.flows;
    let size = ui.available_size();
    let measure = crate::chart::chart_measure();
    let mut options = FlowChartOptions::new(
        &state.chart_style(),
        (size.x.max(300.0), size.y.max(200.0)),
        settings.theme,
    );
    options.selected = state.selection.transfers.clone();
    let cached = cached_layout(caches, state.views.version, flows, &options);
    let plain = &cached.scene;
    if export {
        out.push(Command::OpenExport(ExportTarget::Chart(ChartKind::FLOW)));
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let size = egui::vec2(plain.width, plain.height);
            let (rect, chart) = ui.allocate_exact_size(size, egui::Sense::click());
            let origin = rect.min.to_vec2();
            let to_scene = |p: egui::Pos2| scene_pos(p, origin);
            let pointer = ui
                .input(|i| i.pointer.hover_pos())
                .filter(|p| rect.contains(*p) && ui.is_rect_visible(rect));
            let hovered = pointer
                .and_then(|p| plain.hit_test(to_scene(p)))
                .map(|h| h.target.clone());
            let lit;
            let scene = if hovered.is_some() {
                options.highlight = hovered.clone();
                lit = layout_flow_chart(flows, &options, measure);
                &lit
            } else {
                plain
            };
            paint_scene(ui.painter(), scene, origin);
            // A click anywhere on the chart means the precise shape under the pointer.
            let mut clicked = clicked_target(&chart, scene, origin);
            if let Some(h) = hovered
                .as_ref()
                .and_then(|t| scene.hits.iter().find(|h| &h.target == t))
            {
                let text = format!("{}\nClick to select", h.label);
                chart.on_hover_text_at_pointer(text);
            }
            // One accessible element per band and node, so screen readers and tests can find
            // and press them: a node's rectangle, or a small patch in the middle of a band
            // (bounding boxes of curved bands overlap too much to stand for them).
            // Highlighting changes what is drawn on top, not the hit regions: the points
            // found on the plain chart stand.
            for (k, hit) in scene.hits.iter().enumerate().rev() {
                let probe = cached.probes.get(k).copied().flatten();
                let r = match (&hit.shape, probe) {
                    (HitShape::Rect(b), _) => egui::Rect::from_min_max(
                        egui::pos2(b.min.x, b.min.y) + origin,
                        egui::pos2(b.max.x, b.max.y) + origin,
                    ),
                    (_, Some(p)) => probe_rect(p, origin),
                    // A band hidden under others entirely is still listed for screen readers.
                    (shape, None) => probe_rect(shape.bounds().center(), origin),
                };
                if hit_button(ui, r, ("flow_hit", k), &hit.label) {
                    clicked = Some(hit.target.clone());
                }
            }
            match clicked {
                Some(FlowTarget::Band(band)) => {
                    out.push(Command::Select {
                        transfers: band.transfers(flows),
                        label: band.title,
                    });
                }
                // "Other N countries" is not one country: it has nothing to filter to.
                Some(FlowTarget::Supplier(code) | FlowTarget::Recipient(code))
                    if code != OTHER_CODE =>
                {
                    out.push(Command::FilterCountry(code));
                }
                Some(_) => {}
                None => {}
            }
        });
}

/// The Flow chart as laid out without a highlight, and for each hit region a point where it
/// is on top (for the accessible element that stands for it).
pub(super) struct FlowLayout {
    scene: Scene<FlowTarget>,
    probes: Vec<Option<Pos>>,
}

/// The plain layout of `flows` with `options`, kept in the view caches between frames and
/// redone only when the flows (`version`) or the options change: finding where each of
/// hundreds of overlapping bands is on top costs more than a frame.
fn cached_layout(
    caches: &mut ViewCaches,
    version: u64,
    flows: &[Flow],
    options: &FlowChartOptions,
) -> Arc<FlowLayout> {
    super::caches::kept_or_build(&mut caches.flow_layout, version, options, || {
        let scene = layout_flow_chart(flows, options, crate::chart::chart_measure());
        let probes = scene.hits.iter().map(|h| scene.probe_point(h)).collect();
        FlowLayout { scene, probes }
    })
}

/// The width and colour choices the Flow and Map charts share: `width_label` names what
/// is wide ("Band width:", "Arc width:").
pub(super) fn width_and_colour(
    ui: &mut egui::Ui,
    state: &AppState,
    width_label: &str,
    out: &mut Vec<Command>,
) {
    let settings = &state.settings;
    ui.label(width_label);
    let weights = [
        (FlowWeight::Transfers, "transfers"),
        (FlowWeight::Reports, "reports"),
        (FlowWeight::Quantity, "quantity stated"),
    ];
    if let Some(w) = radio_choice(ui, settings.flow_weight, &weights) {
        out.push(Command::SetFlowWeight(w));
    }
    ui.separator();
    ui.label("Colour:");
    let mut colors = vec![
        (FlowColor::Supplier, "by supplier"),
        (FlowColor::Status, "by status"),
    ];
    // Offered once a register is compared (or kept from an earlier session).
    if state.data.dataset.register_summary.is_some() || settings.flow_color == FlowColor::Register {
        colors.push((FlowColor::Register, "by SIPRI register"));
    }
    if let Some(c) = radio_choice(ui, settings.flow_color, &colors) {
        out.push(Command::SetFlowColor(c));
    }
}
