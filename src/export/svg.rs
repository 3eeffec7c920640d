use crate::chart::{Anchor, CHART_FONT, CHART_FONT_FAMILY, Pos, Primitive, Rgba, Scene};
use base64::Engine;
use std::fmt::Write;

/// Where the baseline of a line of text sits below its vertical centre, in ems, for the
/// chart font: half of (ascent + descent) up from the descent. egui centres a row of text
/// the same way, so text lands where the layout put it in both.
const BASELINE_BELOW_CENTRE: f32 = 0.346;

/// Writes `scene` as a standalone SVG document. Text stays text (selectable, editable),
/// in the chart font; with `embed_font` the font file goes inside the SVG so it renders the
/// same on machines that lack it (about 1 MB more).
pub fn scene_to_svg<T>(scene: &Scene<T>, embed_font: bool) -> String {
    let mut s = String::with_capacity(64 * 1024);
    let (w, h) = (scene.width, scene.height);
    // `write!` into a String cannot fail; the results are ignored on purpose below.
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{CHART_FONT_FAMILY}, sans-serif">"#
    );
    if embed_font {
        let font = base64::engine::general_purpose::STANDARD.encode(CHART_FONT);
        let _ = writeln!(
            s,
            "<defs><style>@font-face {{ font-family: \"{CHART_FONT_FAMILY}\"; src: url(data:font/ttf;base64,{font}) format(\"truetype\"); }}</style></defs>"
        );
    }
    let _ = writeln!(
        s,
        r#"<rect x="0" y="0" width="{w}" height="{h}" fill="{}"/>"#,
        scene.background
    );
    for p in &scene.primitives {
        write_primitive(&mut s, p);
    }
    s.push_str("</svg>\n");
    s
}

/// ` fill="#rrggbb"` plus an opacity when not opaque.
fn paint(attr: &str, c: Rgba) -> String {
    let a = c.0[3];
    if a == 255 {
        format!(r#" {attr}="{c}""#)
    } else {
        format!(
            r#" {attr}="{c}" {attr}-opacity="{:.3}""#,
            f32::from(a) / 255.0
        )
    }
}

fn stroke_attrs(stroke: Option<(Rgba, f32)>) -> String {
    stroke.map_or_else(String::new, |(c, w)| {
        format!(r#"{} stroke-width="{w}""#, paint("stroke", c))
    })
}

fn points(ps: &[Pos]) -> String {
    let mut out = String::with_capacity(ps.len() * 16);
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{:.2},{:.2}", p.x, p.y);
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn write_primitive(s: &mut String, p: &Primitive) {
    match p {
        Primitive::ClipBegin(rect) => {
            // Ids from the rectangle: the same figure gives the same file.
            let id = format!(
                "clip-{:.0}-{:.0}-{:.0}-{:.0}",
                rect.min.x, rect.min.y, rect.max.x, rect.max.y
            );
            let _ = writeln!(
                s,
                r#"<clipPath id="{id}"><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"/></clipPath><g clip-path="url(#{id})">"#,
                rect.min.x,
                rect.min.y,
                rect.width().max(0.0),
                rect.height().max(0.0)
            );
        }
        Primitive::ClipEnd => {
            let _ = writeln!(s, "</g>");
        }
        Primitive::Rect { rect, fill, stroke } => {
            let _ = writeln!(
                s,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="2"{}/>"#,
                rect.min.x,
                rect.min.y,
                rect.width().max(0.0),
                rect.height().max(0.0),
                paint("fill", *fill)
            );
            // The outline is drawn inside the rectangle, as on screen.
            if let Some((c, w)) = stroke {
                let _ = writeln!(
                    s,
                    r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="2" fill="none"{}/>"#,
                    rect.min.x + w / 2.0,
                    rect.min.y + w / 2.0,
                    (rect.width() - w).max(0.0),
                    (rect.height() - w).max(0.0),
                    stroke_attrs(Some((*c, *w)))
                );
            }
        }
        Primitive::Circle {
            center,
            radius,
            fill,
            stroke,
        } => {
            let _ = writeln!(
                s,
                r#"<circle cx="{:.2}" cy="{:.2}" r="{radius:.2}"{}{}/>"#,
                center.x,
                center.y,
                paint("fill", *fill),
                stroke_attrs(*stroke)
            );
        }
        Primitive::Polygon {
            points: ps,
            fill,
            stroke,
        } => {
            let _ = writeln!(
                s,
                r#"<polygon points="{}"{}{}/>"#,
                points(ps),
                paint("fill", *fill),
                stroke_attrs(*stroke)
            );
        }
        Primitive::Area {
            rings,
            fill,
            stroke,
            ..
        } => {
            let mut d = String::new();
            for ring in rings.iter().filter(|r| r.len() >= 3) {
                for (i, p) in ring.iter().enumerate() {
                    let _ = write!(d, "{}{:.2},{:.2}", if i == 0 { "M" } else { "L" }, p.x, p.y);
                }
                d.push('Z');
            }
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill-rule="evenodd"{}{}/>"#,
                paint("fill", *fill),
                stroke_attrs(*stroke)
            );
        }
        Primitive::Ribbon { top, bottom, fill } => {
            let mut outline: Vec<Pos> = top.clone();
            outline.extend(bottom.iter().rev());
            // A hairline of its own colour along the edge: neighbouring bands meet without
            // the pale seam anti-aliasing leaves between two shapes that share an edge.
            let _ = writeln!(
                s,
                r#"<polygon points="{}"{}{} stroke-width="0.6" stroke-linejoin="round"/>"#,
                points(&outline),
                paint("fill", *fill),
                paint("stroke", *fill)
            );
        }
        Primitive::Line {
            points: ps,
            color,
            width,
        } => {
            let _ = writeln!(
                s,
                r#"<polyline points="{}" fill="none"{} stroke-width="{width}"/>"#,
                points(ps),
                paint("stroke", *color)
            );
        }
        Primitive::Text {
            pos,
            text,
            size,
            color,
            anchor,
        } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let _ = writeln!(
                s,
                r#"<text x="{:.2}" y="{:.2}" font-size="{size}" text-anchor="{anchor}"{}>{}</text>"#,
                pos.x,
                pos.y + size * BASELINE_BELOW_CENTRE,
                paint("fill", *color),
                escape(text)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
