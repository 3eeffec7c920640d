use crate::chart::{Anchor, Pos, Primitive, Rgba, Scene};
use egui::{Color32, FontFamily, FontId, Mesh, Painter, Pos2, Shape, Stroke, StrokeKind, Vec2};

/// The egui font family that holds only the chart font ([`crate::chart::CHART_FONT`]), so
/// chart text on screen is drawn with the font the layout measured and exports embed.
pub const CHART_FAMILY: &str = "chart";

/// A chart colour as egui's.
pub fn to_color32(c: Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn stroke(s: Option<(Rgba, f32)>) -> Stroke {
    s.map_or(Stroke::NONE, |(c, w)| Stroke::new(w, to_color32(c)))
}

/// Paints `scene` with its top-left corner at `offset`.
pub fn paint_scene<T>(painter: &Painter, scene: &Scene<T>, offset: Vec2) {
    let pos = |p: &Pos| Pos2::new(p.x, p.y) + offset;
    painter.rect_filled(
        egui::Rect::from_min_size(offset.to_pos2(), Vec2::new(scene.width, scene.height)),
        0.0,
        to_color32(scene.background),
    );
    // Clips nest: each begins inside the one before it.
    let mut painters = vec![painter.clone()];
    for p in &scene.primitives {
        let Some(painter) = painters.last().cloned() else {
            break;
        };
        match p {
            Primitive::ClipBegin(rect) => {
                let r = egui::Rect::from_min_max(pos(&rect.min), pos(&rect.max));
                painters.push(painter.with_clip_rect(r.intersect(painter.clip_rect())));
            }
            Primitive::ClipEnd => {
                if painters.len() > 1 {
                    painters.pop();
                }
            }
            Primitive::Rect {
                rect,
                fill,
                stroke: s,
            } => {
                let r = egui::Rect::from_min_max(pos(&rect.min), pos(&rect.max));
                painter.rect(r, 2.0, to_color32(*fill), stroke(*s), StrokeKind::Inside);
            }
            Primitive::Circle {
                center,
                radius,
                fill,
                stroke: s,
            } => {
                painter.circle(pos(center), *radius, to_color32(*fill), stroke(*s));
            }
            Primitive::Polygon {
                points,
                fill,
                stroke: s,
            } => {
                // Every polygon a chart draws (triangles, diamonds) is convex.
                let pts: Vec<Pos2> = points.iter().map(pos).collect();
                painter.add(Shape::convex_polygon(pts, to_color32(*fill), stroke(*s)));
            }
            Primitive::Area {
                rings,
                triangles,
                fill,
                stroke: s,
            } => {
                // Triangulated once when the map data was read; only the corners move.
                let mut mesh = Mesh::default();
                let c = to_color32(*fill);
                for p in rings.iter().flatten() {
                    mesh.colored_vertex(pos(p), c);
                }
                mesh.indices.extend(triangles.iter().copied());
                painter.add(Shape::mesh(mesh));
                if let Some((color, width)) = s {
                    for ring in rings {
                        let pts: Vec<Pos2> = ring.iter().map(pos).collect();
                        painter.add(Shape::closed_line(
                            pts,
                            Stroke::new(*width, to_color32(*color)),
                        ));
                    }
                }
            }
            Primitive::Ribbon { top, bottom, fill } => {
                // A triangle strip between the two edges: exact for any curve, where a
                // filled path would need to be convex.
                let mut mesh = Mesh::default();
                let c = to_color32(*fill);
                for (t, b) in top.iter().zip(bottom) {
                    mesh.colored_vertex(pos(t), c);
                    mesh.colored_vertex(pos(b), c);
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
                let pts: Vec<Pos2> = points.iter().map(pos).collect();
                painter.add(Shape::line(pts, Stroke::new(*width, to_color32(*c))));
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
                    pos(p),
                    align,
                    text,
                    FontId::new(*size, FontFamily::Name(CHART_FAMILY.into())),
                    to_color32(*c),
                );
            }
        }
    }
}

/// Registers the bundled chart font: as the only font of the chart family (so chart text
/// is drawn with the font the layout measured), and as a fallback for the arrows and symbols
/// egui's default font lacks ("Egypt → Russia", "⚠").
pub fn install_chart_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(crate::chart::CHART_FONT),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Name(CHART_FAMILY.into()),
                priority: FontPriority::Highest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
