use super::{EguiMeasure, paint_scene};
use crate::app::{AppState, Command};
use crate::chart::{FlowChartOptions, FlowColor, FlowTarget, Pos, layout_flow_chart};
use crate::view::{FlowWeight, flows};

/// The Sankey chart: bands from suppliers (left) to recipients (right). Hover highlights a
/// band and its nodes; a click on a band selects its reports; a click on a country filters
/// every view to it. Each band and node is an accessible element with a label.
pub fn flow_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let settings = &state.settings;
    ui.horizontal(|ui| {
        ui.label("Band width:");
        for (w, name) in [
            (FlowWeight::Reports, "reports"),
            (FlowWeight::Quantity, "quantity stated"),
        ] {
            if ui.radio(settings.flow_weight == w, name).clicked() {
                out.push(Command::SetFlowWeight(w));
            }
        }
        ui.separator();
        ui.label("Colour:");
        for (c, name) in [
            (FlowColor::Supplier, "by supplier"),
            (FlowColor::Status, "by status"),
        ] {
            if ui.radio(settings.flow_color == c, name).clicked() {
                out.push(Command::SetFlowColor(c));
            }
        }
    });
    let by_status = settings.flow_color == FlowColor::Status;
    let flows = flows(&state.dataset, &state.visible, by_status);
    let selected = flows
        .iter()
        .position(|f| {
            !state.selection.transfers.is_empty() && f.transfers == state.selection.transfers
        })
        .map(FlowTarget::Band);
    let size = ui.available_size();
    let ctx = ui.ctx().clone();
    let measure = EguiMeasure(&ctx);
    let mut options = FlowChartOptions {
        width: size.x.max(300.0),
        height: size.y.max(200.0),
        weight: settings.flow_weight,
        color: settings.flow_color,
        theme: settings.theme,
        font_size: 13.0,
        highlight: None,
        selected,
    };
    let plain = layout_flow_chart(&flows, &options, &measure);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(plain.width, plain.height), egui::Sense::hover());
            let origin = rect.min.to_vec2();
            let to_scene = |p: egui::Pos2| Pos::new(p.x - origin.x, p.y - origin.y);
            let pointer = ui
                .input(|i| i.pointer.hover_pos())
                .filter(|p| rect.contains(*p) && ui.is_rect_visible(rect));
            let hovered = pointer
                .and_then(|p| plain.hit_test(to_scene(p)))
                .map(|h| h.target.clone());
            let scene = if hovered.is_some() {
                options.highlight = hovered.clone();
                layout_flow_chart(&flows, &options, &measure)
            } else {
                plain
            };
            paint_scene(ui.painter(), &scene, origin);
            // One accessible, clickable element per band and node; the precise shape under the
            // pointer decides what a click means, since bounding boxes of curved bands overlap.
            for (k, hit) in scene.hits.iter().enumerate().rev() {
                let b = hit.shape.bounds();
                let r = egui::Rect::from_min_max(
                    egui::pos2(b.min.x, b.min.y) + origin,
                    egui::pos2(b.max.x, b.max.y) + origin,
                );
                let response =
                    ui.interact(r, ui.scope_id().with(("flow_hit", k)), egui::Sense::click());
                let label = hit.label.clone();
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                let target = if response.clicked() {
                    match response.interact_pointer_pos() {
                        Some(p) => scene.hit_test(to_scene(p)).map(|h| h.target.clone()),
                        None => Some(hit.target.clone()),
                    }
                } else {
                    None
                };
                if response.hovered() {
                    if let Some(h) = hovered
                        .as_ref()
                        .and_then(|t| scene.hits.iter().find(|h| &h.target == t))
                    {
                        let text = h.label.clone();
                        response.on_hover_text(format!("{text}\nClick to select"));
                    }
                }
                match target {
                    Some(FlowTarget::Band(b)) => {
                        if let Some(f) = flows.get(b) {
                            out.push(Command::Select {
                                transfers: f.transfers.clone(),
                                label: format!("{} → {}", f.supplier_name, f.recipient_name),
                            });
                        }
                    }
                    Some(FlowTarget::Supplier(code) | FlowTarget::Recipient(code)) => {
                        if !code.starts_with('*') {
                            out.push(Command::FilterCountry(code));
                        }
                    }
                    None => {}
                }
            }
        });
}
