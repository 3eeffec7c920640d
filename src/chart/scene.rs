use std::fmt;

/// A colour, straight (not premultiplied) RGBA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// The same colour with alpha `a`.
    pub const fn with_alpha(self, a: u8) -> Self {
        let [r, g, b, _] = self.0;
        Self([r, g, b, a])
    }
}

impl fmt::Display for Rgba {
    /// `#rrggbb` (alpha is written separately by exporters).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b, _] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// A point in scene pixels (origin top left, y down).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pos {
    /// Horizontal.
    pub x: f32,
    /// Vertical.
    pub y: f32,
}

impl Pos {
    /// A point.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Top-left corner.
    pub min: Pos,
    /// Bottom-right corner.
    pub max: Pos,
}

impl Rect {
    /// The rectangle from `x, y` with size `w, h`.
    pub fn from_xywh(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self {
            min: Pos::new(x, y),
            max: Pos::new(x + w, y + h),
        }
    }

    /// Whether `p` is inside (edges included).
    pub fn contains(&self, p: Pos) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    /// Width.
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    /// Height.
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    /// The centre point.
    pub fn center(&self) -> Pos {
        Pos::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }
}

/// Where a text's `pos` is along the text: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `pos` is the left end.
    Start,
    /// `pos` is the middle.
    Middle,
    /// `pos` is the right end.
    End,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    /// A filled rectangle with an optional outline.
    Rect {
        /// Where.
        rect: Rect,
        /// Fill colour.
        fill: Rgba,
        /// Outline colour and width.
        stroke: Option<(Rgba, f32)>,
    },
    /// A band between two curves with the same x samples: `top[i]` is above `bottom[i]`.
    Ribbon {
        /// Upper edge, left to right.
        top: Vec<Pos>,
        /// Lower edge, left to right.
        bottom: Vec<Pos>,
        /// Fill colour.
        fill: Rgba,
    },
    /// A polyline.
    Line {
        /// The points.
        points: Vec<Pos>,
        /// Colour.
        color: Rgba,
        /// Width in pixels.
        width: f32,
    },
    /// A filled circle with an optional outline.
    Circle {
        /// Centre.
        center: Pos,
        /// Radius in pixels.
        radius: f32,
        /// Fill colour.
        fill: Rgba,
        /// Outline colour and width.
        stroke: Option<(Rgba, f32)>,
    },
    /// A filled closed polygon with an optional outline.
    Polygon {
        /// Corners in order.
        points: Vec<Pos>,
        /// Fill colour.
        fill: Rgba,
        /// Outline colour and width.
        stroke: Option<(Rgba, f32)>,
    },
    /// A filled area of one or more rings (a country: its islands and holes), with its
    /// triangles ready for painters that fill only triangles. Rings are filled even-odd.
    Area {
        /// The rings, each closed implicitly.
        rings: Vec<Vec<Pos>>,
        /// Triangles as indices into the rings' points taken in order, three per triangle.
        triangles: std::sync::Arc<Vec<u32>>,
        /// Fill colour.
        fill: Rgba,
        /// Outline colour and width.
        stroke: Option<(Rgba, f32)>,
    },
    /// What follows, up to the matching [`Primitive::ClipEnd`], is drawn only inside `rect`
    /// (a zoomed map's countries and arcs stay inside its frame, in the window and in files).
    ClipBegin(Rect),
    /// Ends the clip of the last [`Primitive::ClipBegin`].
    ClipEnd,
    /// One line of text, vertically centred on `pos.y`.
    Text {
        /// Anchor point.
        pos: Pos,
        /// The text.
        text: String,
        /// Font size in pixels.
        size: f32,
        /// Colour.
        color: Rgba,
        /// Which part of the text sits at `pos.x`.
        anchor: Anchor,
    },
}

impl Primitive {
    /// For text, its left and right ends in pixels as `measure` sizes it (the anchor
    /// accounted for); `None` for shapes.
    pub fn text_extent(&self, measure: &dyn super::TextMeasure) -> Option<(f32, f32)> {
        let Self::Text {
            pos,
            text,
            size,
            anchor,
            ..
        } = self
        else {
            return None;
        };
        let w = measure.width(text, *size);
        let left = match anchor {
            Anchor::Start => pos.x,
            Anchor::Middle => pos.x - w / 2.0,
            Anchor::End => pos.x - w,
        };
        Some((left, left + w))
    }

    /// The same primitive moved by `(dx, dy)`.
    pub fn translated(&self, dx: f32, dy: f32) -> Self {
        let mv = |p: &Pos| Pos::new(p.x + dx, p.y + dy);
        let mv_all = |ps: &[Pos]| ps.iter().map(mv).collect::<Vec<_>>();
        let mut out = self.clone();
        match &mut out {
            Self::Rect { rect, .. } => {
                *rect = Rect {
                    min: mv(&rect.min),
                    max: mv(&rect.max),
                };
            }
            Self::Ribbon { top, bottom, .. } => {
                *top = mv_all(top);
                *bottom = mv_all(bottom);
            }
            Self::Line { points, .. } | Self::Polygon { points, .. } => *points = mv_all(points),
            Self::Area { rings, .. } => *rings = rings.iter().map(|r| mv_all(r)).collect(),
            Self::ClipBegin(rect) => {
                *rect = Rect {
                    min: mv(&rect.min),
                    max: mv(&rect.max),
                };
            }
            Self::ClipEnd => {}
            Self::Circle { center, .. } => *center = mv(center),
            Self::Text { pos, .. } => *pos = mv(pos),
        }
        out
    }
}

/// The shape of an interactive region.
#[derive(Debug, Clone, PartialEq)]
pub enum HitShape {
    /// A rectangle.
    Rect(Rect),
    /// The area between two curves, as in [`Primitive::Ribbon`].
    Ribbon {
        /// Upper edge.
        top: Vec<Pos>,
        /// Lower edge.
        bottom: Vec<Pos>,
    },
    /// Rings, inside by the even-odd rule (a country).
    Area(Vec<Vec<Pos>>),
    /// Within `reach` pixels of a polyline (a map's arc).
    Path {
        /// The line.
        points: Vec<Pos>,
        /// How far from the line still counts.
        reach: f32,
    },
}

impl HitShape {
    /// Whether `p` is inside.
    pub fn contains(&self, p: Pos) -> bool {
        match self {
            Self::Rect(r) => r.contains(p),
            Self::Ribbon { top, bottom } => {
                // The curve's x grows along it, so the segment under the pointer is found by
                // bisection: hit tests run for every band on every frame.
                let (Some(first), Some(last)) = (top.first(), top.last()) else {
                    return false;
                };
                if p.x < first.x || p.x > last.x || top.len() < 2 {
                    return false;
                }
                let seg = top.partition_point(|q| q.x < p.x).max(1) - 1;
                let at = |curve: &[Pos]| {
                    let (a, b) = (curve[seg], curve[seg + 1]);
                    let t = if b.x > a.x {
                        (p.x - a.x) / (b.x - a.x)
                    } else {
                        0.0
                    };
                    a.y + (b.y - a.y) * t
                };
                if seg + 1 >= bottom.len() {
                    return false;
                }
                // A band at least 4 px tall to the pointer, so thin bands stay clickable.
                let (y0, y1) = (at(top), at(bottom));
                let pad = ((4.0 - (y1 - y0)) / 2.0).max(0.0);
                p.y >= y0 - pad && p.y <= y1 + pad
            }
            Self::Area(rings) => {
                self.bounds().contains(p) && rings.iter().filter(|r| crosses(r, p)).count() % 2 == 1
            }
            Self::Path { points, reach } => points
                .windows(2)
                .any(|w| distance_to_segment(p, w[0], w[1]) <= *reach),
        }
    }

    /// The bounding box.
    pub fn bounds(&self) -> Rect {
        match self {
            Self::Rect(r) => *r,
            Self::Ribbon { top, bottom } => {
                let mut r = Rect {
                    min: Pos::new(f32::MAX, f32::MAX),
                    max: Pos::new(f32::MIN, f32::MIN),
                };
                for p in top.iter().chain(bottom) {
                    r.min.x = r.min.x.min(p.x);
                    r.min.y = r.min.y.min(p.y);
                    r.max.x = r.max.x.max(p.x);
                    r.max.y = r.max.y.max(p.y);
                }
                r
            }
            Self::Area(rings) => bounds_of(rings.iter().flatten()),
            Self::Path { points, reach } => {
                let r = bounds_of(points.iter());
                Rect {
                    min: Pos::new(r.min.x - reach, r.min.y - reach),
                    max: Pos::new(r.max.x + reach, r.max.y + reach),
                }
            }
        }
    }
}

/// The bounding box of `points`.
pub fn bounds_of<'a>(points: impl Iterator<Item = &'a Pos>) -> Rect {
    let mut r = Rect {
        min: Pos::new(f32::MAX, f32::MAX),
        max: Pos::new(f32::MIN, f32::MIN),
    };
    for p in points {
        r.min.x = r.min.x.min(p.x);
        r.min.y = r.min.y.min(p.y);
        r.max.x = r.max.x.max(p.x);
        r.max.y = r.max.y.max(p.y);
    }
    r
}

/// Whether a ray from `p` to the right crosses `ring` an odd number of times.
fn crosses(ring: &[Pos], p: Pos) -> bool {
    let mut inside = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

/// The distance from `p` to the segment `a`–`b`.
fn distance_to_segment(p: Pos, a: Pos, b: Pos) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    (x * x + y * y).sqrt()
}

/// An interactive region of a scene, with the words a screen reader says for it.
#[derive(Debug, Clone, PartialEq)]
pub struct HitRegion<T> {
    /// What the region stands for.
    pub target: T,
    /// Where it is.
    pub shape: HitShape,
    /// Accessible label ("Egypt → Russia: 2 reports").
    pub label: String,
}

/// A laid-out chart: primitives in painting order, and interactive regions topmost first.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene<T> {
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels (may exceed the requested height when labels need room).
    pub height: f32,
    /// Background colour.
    pub background: Rgba,
    /// What to draw, back to front.
    pub primitives: Vec<Primitive>,
    /// Interactive regions, front to back.
    pub hits: Vec<HitRegion<T>>,
}

impl<T> Scene<T> {
    /// The drawing alone, without interactive regions (for files).
    pub fn into_drawing<U>(self) -> Scene<U> {
        Scene {
            width: self.width,
            height: self.height,
            background: self.background,
            primitives: self.primitives,
            hits: Vec::new(),
        }
    }

    /// The topmost region at `p`.
    pub fn hit_test(&self, p: Pos) -> Option<&HitRegion<T>> {
        self.hits.iter().find(|h| h.shape.contains(p))
    }

    /// A point where `region` (one of [`Scene::hits`]) is the topmost region, so a click
    /// there reaches it: tried along the region's middle, from its centre outwards. `None`
    /// when other regions cover it entirely.
    pub fn probe_point(&self, region: &HitRegion<T>) -> Option<Pos> {
        let is_region = |p: Pos| self.hit_test(p).is_some_and(|h| std::ptr::eq(h, region));
        match &region.shape {
            HitShape::Rect(r) => Some(r.center()).filter(|&p| is_region(p)),
            HitShape::Ribbon { top, bottom } => {
                let n = top.len().min(bottom.len());
                let mid = n / 2;
                (0..n)
                    .map(|k| {
                        if k % 2 == 0 {
                            mid + k / 2
                        } else {
                            mid.wrapping_sub(k / 2 + 1)
                        }
                    })
                    .filter_map(|i| Some((top.get(i)?, bottom.get(i)?)))
                    .map(|(a, b)| Pos::new(a.x, (a.y + b.y) / 2.0))
                    .find(|&p| is_region(p))
            }
            // Along the line from its middle outwards.
            HitShape::Path { points, .. } => {
                let mid = points.len() / 2;
                (0..points.len())
                    .map(|k| {
                        if k % 2 == 0 {
                            mid + k / 2
                        } else {
                            mid.wrapping_sub(k / 2 + 1)
                        }
                    })
                    .filter_map(|i| points.get(i).copied())
                    .find(|&p| is_region(p))
            }
            // The rings' points nudged towards the box's centre, then the centre.
            HitShape::Area(rings) => {
                let c = region.shape.bounds().center();
                std::iter::once(c)
                    .chain(
                        rings
                            .iter()
                            .flatten()
                            .map(|q| Pos::new(q.x + (c.x - q.x) * 0.05, q.y + (c.y - q.y) * 0.05)),
                    )
                    .find(|&p| is_region(p))
            }
        }
    }
}
