//! What the chart panels share between a Scene's hit regions and egui: the region under a
//! click, and one accessible, pressable element per region (what screen readers and tests
//! find by its label).

use crate::chart::{Pos, Scene};

/// The target of the region under a click on `chart`, as `scene` (drawn at `origin`) lays it
/// out.
pub(super) fn clicked_target<T: Clone>(
    chart: &egui::Response,
    scene: &Scene<T>,
    origin: egui::Vec2,
) -> Option<T> {
    let p = chart
        .clicked()
        .then(|| chart.interact_pointer_pos())
        .flatten()?;
    scene
        .hit_test(scene_pos(p, origin))
        .map(|h| h.target.clone())
}

/// A screen point in the pixels of a scene drawn at `origin`.
pub(super) fn scene_pos(p: egui::Pos2, origin: egui::Vec2) -> Pos {
    Pos::new(p.x - origin.x, p.y - origin.y)
}

/// A small patch at a region's probe point `p` (scene pixels), drawn at `origin`.
pub(super) fn probe_rect(p: Pos, origin: egui::Vec2) -> egui::Rect {
    egui::Rect::from_center_size(egui::pos2(p.x, p.y) + origin, egui::vec2(4.0, 2.0))
}

/// An accessible button over `rect` named `label`; true when pressed.
pub(super) fn hit_button(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    id: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
) -> bool {
    let response = ui.interact(rect, ui.scope_id().with(id), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    response.clicked()
}
