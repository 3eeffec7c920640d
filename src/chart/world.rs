//! The world the Map chart is drawn on: Natural Earth's country outlines (bundled in
//! `assets/map/countries.bin`, made by `assets/map/convert_world_atlas.py`), projected with
//! the Equal Earth projection and triangulated once, the first time a map is drawn; and
//! where each party's arcs meet (a country's largest piece, or `assets/map/anchors.tsv` for
//! blocs and states of other eras).

use super::{Pos, Rect};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

const COUNTRIES_BIN: &[u8] = include_bytes!("../../assets/map/countries.bin");
const ANCHORS_TSV: &str = include_str!("../../assets/map/anchors.tsv");

/// The Equal Earth projection (Šavrič, Patterson, Jenny 2018) of a point, in units of the
/// Earth's radius, y growing southwards (as on screen): x within ±2.7064, y within ±1.3173.
pub fn equal_earth(lon: f64, lat: f64) -> Pos {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let t8 = t6 * t2;
    let x = 2.0 * 3f64.sqrt() * lon.to_radians() * theta.cos()
        / (3.0 * (9.0 * A4 * t8 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A4 * t8 + A3 * t6 + A2 * t2 + A1);
    Pos::new(x as f32, -y as f32)
}

/// The projected world's extent.
pub fn world_extent() -> Rect {
    // Widest at the equator, tallest at the poles.
    let (x, y) = (
        equal_earth(180.0, 0.0).x.abs(),
        equal_earth(0.0, 90.0).y.abs(),
    );
    Rect {
        min: Pos::new(-x, -y),
        max: Pos::new(x, y),
    }
}

/// One piece of a country (an island, a mainland), projected: its outer ring, then its
/// holes, and its triangles.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Outer ring first, then holes.
    pub rings: Vec<Vec<Pos>>,
    /// Indices into the rings' points taken in order, three per triangle.
    pub triangles: Arc<Vec<u32>>,
    /// Area in projected units (the outer ring's).
    pub area: f32,
}

/// A country's outline.
#[derive(Debug, Clone)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2 code (empty for land with no code).
    pub code: String,
    /// Its pieces, largest first.
    pub pieces: Vec<Piece>,
    /// Bounding box of every piece.
    pub bounds: Rect,
}

/// The map data, projected.
#[derive(Debug, Default)]
pub struct World {
    /// Every country, in code order.
    pub countries: Vec<CountryShape>,
    /// Where a code's arcs meet, and the note a legend gives for it.
    anchors: HashMap<String, (Pos, Option<String>)>,
}

impl World {
    /// The bundled world, read and triangulated at the first call. The data is compiled in
    /// and checked by a unit test, so a failure here leaves an empty map, not a crash.
    pub fn get() -> &'static World {
        static WORLD: OnceLock<World> = OnceLock::new();
        WORLD.get_or_init(|| World::parse(COUNTRIES_BIN, ANCHORS_TSV).unwrap_or_default())
    }

    /// Reads the outlines (the layout of `countries.bin`) and the anchors table.
    pub fn parse(bin: &[u8], anchors: &str) -> Result<World, String> {
        let mut r = Reader { bytes: bin, at: 0 };
        if r.take(6)? != b"AFMAP1" {
            return Err("not an ArmsFlow map file".into());
        }
        let mut countries = Vec::new();
        for _ in 0..r.u16()? {
            let code = String::from_utf8_lossy(r.take(2)?)
                .trim_matches('\0')
                .to_owned();
            let mut pieces = Vec::new();
            for _ in 0..r.u16()? {
                let mut rings = Vec::new();
                for _ in 0..r.u16()? {
                    let n = r.u16()?;
                    let ring = (0..n)
                        .map(|_| {
                            let (lon, lat) = (r.i16()?, r.i16()?);
                            Ok(equal_earth(f64::from(lon) / 100.0, f64::from(lat) / 100.0))
                        })
                        .collect::<Result<Vec<Pos>, String>>()?;
                    rings.push(ring);
                }
                pieces.push(triangulate(rings));
            }
            pieces.sort_by(|a, b| b.area.total_cmp(&a.area));
            let bounds =
                super::scene::bounds_of(pieces.iter().flat_map(|p| p.rings.iter().flatten()));
            countries.push(CountryShape {
                code,
                pieces,
                bounds,
            });
        }
        let mut world = World {
            countries,
            anchors: HashMap::new(),
        };
        for c in world.countries.iter().filter(|c| !c.code.is_empty()) {
            if let Some(piece) = c.pieces.first() {
                world
                    .anchors
                    .insert(c.code.clone(), (centroid(&piece.rings[0]), None));
            }
        }
        for (n, line) in anchors.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || {
                format!(
                    "anchors.tsv line {}: code, longitude, latitude, note",
                    n + 1
                )
            };
            let (Some(code), Some(lon), Some(lat)) = (f.first(), f.get(1), f.get(2)) else {
                return Err(bad());
            };
            let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
            let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
            let note = f
                .get(3)
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            world
                .anchors
                .insert((*code).to_owned(), (equal_earth(lon, lat), note));
        }
        Ok(world)
    }

    /// Where the arcs of `code` meet, projected.
    pub fn anchor(&self, code: &str) -> Option<Pos> {
        self.anchors.get(code).map(|(p, _)| *p)
    }

    /// The legend's note for a party drawn at a stated point ("EU: arcs meet at Brussels").
    pub fn note(&self, code: &str) -> Option<&str> {
        self.anchors.get(code).and_then(|(_, n)| n.as_deref())
    }

    /// How many points the outlines have (for tests and benchmarks).
    pub fn point_count(&self) -> usize {
        self.countries
            .iter()
            .flat_map(|c| &c.pieces)
            .flat_map(|p| &p.rings)
            .map(Vec::len)
            .sum()
    }
}

/// A piece from its rings: triangulated (ear clipping), with its area.
fn triangulate(rings: Vec<Vec<Pos>>) -> Piece {
    let mut flat = Vec::new();
    let mut holes = Vec::new();
    for (i, ring) in rings.iter().enumerate() {
        if i > 0 {
            holes.push(flat.len() / 2);
        }
        flat.extend(ring.iter().flat_map(|p| [f64::from(p.x), f64::from(p.y)]));
    }
    // A ring ear clipping cannot cut (it crosses itself) is drawn as its outline only.
    let triangles = earcutr::earcut(&flat, &holes, 2)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    let area = rings.first().map_or(0.0, |r| signed_area(r).abs());
    Piece {
        rings,
        triangles: Arc::new(triangles),
        area,
    }
}

fn signed_area(ring: &[Pos]) -> f32 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum::<f32>()
        / 2.0
}

/// The centroid of a ring's area (its mean point when the area is nil).
fn centroid(ring: &[Pos]) -> Pos {
    let a = signed_area(ring);
    let n = ring.len();
    if a.abs() < 1e-9 || n == 0 {
        let k = n.max(1) as f32;
        return Pos::new(
            ring.iter().map(|p| p.x).sum::<f32>() / k,
            ring.iter().map(|p| p.y).sum::<f32>() / k,
        );
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (p, q) = (ring[i], ring[(i + 1) % n]);
        let cross = p.x * q.y - q.x * p.y;
        cx += (p.x + q.x) * cross;
        cy += (p.y + q.y) * cross;
    }
    Pos::new(cx / (6.0 * a), cy / (6.0 * a))
}

/// Reads little-endian numbers from the map file.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at + n;
        let out = self
            .bytes
            .get(self.at..end)
            .ok_or("the map file ends early")?;
        self.at = end;
        Ok(out)
    }

    fn u16(&mut self) -> Result<u16, String> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn i16(&mut self) -> Result<i16, String> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_world_reads_with_every_major_country_and_bloc_anchor() {
        let world = World::parse(COUNTRIES_BIN, ANCHORS_TSV).expect("bundled map reads");
        assert!(world.countries.len() > 230, "{}", world.countries.len());
        assert!(
            COUNTRIES_BIN.len() < 2 * 1024 * 1024,
            "geometry stays under 2 MB"
        );
        for code in [
            "US", "RU", "FR", "NO", "CN", "UA", "IN", "TW", "XK", "SG", "EU", "NATO", "WEST", "SU",
        ] {
            assert!(world.anchor(code).is_some(), "{code} has no anchor");
        }
        // Every piece with an area is triangulated.
        for c in &world.countries {
            for p in &c.pieces {
                assert!(
                    !p.triangles.is_empty() || p.area < 1e-4,
                    "{} untriangulated",
                    c.code
                );
            }
        }
        assert!(world.note("EU").is_some_and(|n| n.contains("Brussels")));
    }

    #[test]
    fn equal_earth_keeps_the_poles_and_the_antimeridian_at_the_edges() {
        let centre = equal_earth(0.0, 0.0);
        assert!(centre.x.abs() < 1e-6 && centre.y.abs() < 1e-6);
        let e = world_extent();
        assert!((e.max.x - 2.7064).abs() < 0.01, "{e:?}");
        assert!((e.max.y - 1.3173).abs() < 0.01, "{e:?}");
        // North is up.
        assert!(equal_earth(0.0, 60.0).y < 0.0);
    }
}
