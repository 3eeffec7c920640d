use crate::chart::{Anchor, Pos, Primitive, Rgba, Scene, TextMeasure};
use egui::{Color32, FontId, Mesh, Painter, Pos2, Shape, Stroke, StrokeKind, Vec2};

/// Measures text with egui's own fonts, so chart labels are sized exactly as drawn.
pub struct EguiMeasure<'a>(pub &'a egui::Context);

impl TextMeasure for EguiMeasure<'_> {
    fn width(&self, text: &str, size: f32) -> f32 {
        self.0.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::WHITE)
                .size()
                .x
        })
    }
}

impl EguiMeasure<'_> {
    /// Width of `text` at the body size of the UI.
    pub fn width_of(&self, text: &str) -> f32 {
        self.width(text, 13.0)
    }
}

fn color(c: Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn pos(p: Pos, offset: Vec2) -> Pos2 {
    Pos2::new(p.x, p.y) + offset
}

/// Paints `scene` with its top-left corner at `offset`.
pub fn paint_scene<T>(painter: &Painter, scene: &Scene<T>, offset: Vec2) {
    painter.rect_filled(
        egui::Rect::from_min_size(offset.to_pos2(), Vec2::new(scene.width, scene.height)),
        0.0,
        color(scene.background),
    );
    for p in &scene.primitives {
        match p {
            Primitive::Rect { rect, fill, stroke } => {
                let r = egui::Rect::from_min_max(pos(rect.min, offset), pos(rect.max, offset));
                let stroke = stroke.map_or(Stroke::NONE, |(c, w)| Stroke::new(w, color(c)));
                painter.rect(r, 2.0, color(*fill), stroke, StrokeKind::Inside);
            }
            Primitive::Ribbon { top, bottom, fill } => {
                // A triangle strip between the two edges: exact for any curve, where a
                // filled path would need to be convex.
                let mut mesh = Mesh::default();
                let c = color(*fill);
                for (t, b) in top.iter().zip(bottom) {
                    mesh.colored_vertex(pos(*t, offset), c);
                    mesh.colored_vertex(pos(*b, offset), c);
                }
                let n = u32::try_from(top.len().min(bottom.len())).unwrap_or(0);
                for i in 0..n.saturating_sub(1) {
                    let k = 2 * i;
                    mesh.add_triangle(k, k + 1, k + 2);
                    mesh.add_triangle(k + 1, k + 3, k + 2);
                }
                painter.add(Shape::mesh(mesh));
            }
            Primitive::Line {
                points,
                color: c,
                width,
            } => {
                let pts: Vec<Pos2> = points.iter().map(|p| pos(*p, offset)).collect();
                painter.add(Shape::line(pts, Stroke::new(*width, color(*c))));
            }
            Primitive::Text {
                pos: p,
                text,
                size,
                color: c,
                anchor,
            } => {
                let align = match anchor {
                    Anchor::Start => egui::Align2::LEFT_CENTER,
                    Anchor::Middle => egui::Align2::CENTER_CENTER,
                    Anchor::End => egui::Align2::RIGHT_CENTER,
                };
                painter.text(
                    pos(*p, offset),
                    align,
                    text,
                    FontId::proportional(*size),
                    color(*c),
                );
            }
        }
    }
}
