#!/usr/bin/env python3
"""Writes assets/map/countries.bin, the country outlines of the Map chart, from Natural Earth.

Run once, only to change the map data (Python 3 standard library only):

    npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0   # or download the two tarballs
    tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf i18n-iso-countries-7.14.0.tgz -C iso
    python3 assets/map/convert_world_atlas.py wa/package/countries-50m.json \
        iso/package/codes.json assets/map/countries.bin

Source: world-atlas 2.0.2 (ISC licence, Mike Bostock), a TopoJSON redistribution of Natural
Earth 4.1.0 Admin 0 countries at 1:50m (public domain). i18n-iso-countries (MIT) gives each
country's ISO 3166-1 numeric code its alpha-2 code.

What it does: the shared borders (TopoJSON arcs) are generalised with Douglas-Peucker at
TOLERANCE degrees, so neighbours keep a common border; islands smaller than MIN_AREA square
degrees are dropped unless they are all a country has; coordinates are rounded to 0.01 degree.

Layout of countries.bin (little-endian):
    b"AFMAP1", u16 country count, then per country:
    2 ASCII bytes alpha-2 code ("\\0\\0" for land with no code), u16 polygon count,
    per polygon u16 ring count (outer ring first, then holes),
    per ring u16 point count, then per point i16 lon*100, i16 lat*100.
"""

import json
import struct
import sys

TOLERANCE = 0.02
MIN_AREA = 0.15
# Land Natural Earth leaves without a numeric code, and the code ArmsFlow gives it.
NAMED = {"Kosovo": "XK"}


def decode_arcs(topo):
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas-Peucker, keeping both ends."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, at = d, i
        if best > tolerance:
            keep[at] = True
            stack.append((a, at))
            stack.append((at, b))
    return [p for p, k in zip(points, keep) if k]


def ring_points(ring, arcs):
    out = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        out.extend(arc if not out else arc[1:])
    return out


def unwrap(ring):
    """The ring with longitudes made continuous (a step over the antimeridian adds 360)."""
    out = [ring[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    return out


def clip(ring, x, keep_left):
    """Sutherland-Hodgman: the part of the ring left (or right) of the vertical line x."""
    inside = (lambda p: p[0] <= x) if keep_left else (lambda p: p[0] >= x)
    out = []
    for a, b in zip(ring, ring[1:] + ring[:1]):
        if inside(b):
            if not inside(a):
                out.append(crossing(a, b, x))
            out.append(b)
        elif inside(a):
            out.append(crossing(a, b, x))
    return out


def crossing(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def split_at_antimeridian(ring):
    """A ring crossing the antimeridian as the pieces either side of it, each within
    -180..180 (drawn straight across, it would run around the whole world)."""
    ring = unwrap(ring)
    low, high = min(x for x, _ in ring), max(x for x, _ in ring)
    if low >= -180 and high <= 180:
        return [ring]
    pieces = []
    for left in range(-540, 540, 360):
        part = clip(clip(ring, left, False), left + 360, True)
        if len(part) >= 3 and area(part) > 0:
            pieces.append([(x - left - 180, y) for x, y in part])
    return pieces


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def main(topo_path, codes_path, out_path):
    topo = json.load(open(topo_path))
    numeric = {n: a2 for a2, _, n, _ in json.load(open(codes_path))}
    arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topo)]
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        code = numeric.get(g.get("id")) or NAMED.get(g["properties"]["name"], "")
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        shapes = []
        for polygon in polygons:
            rings = [ring_points(r, arcs) for r in polygon]
            rings = [r[:-1] if r[0] == r[-1] else r for r in rings]
            rings = [r for r in rings if len(r) >= 3]
            if not rings:
                continue
            outer = split_at_antimeridian(rings[0])
            if len(outer) == 1 and outer[0] == unwrap(rings[0]):
                shapes.append([outer[0]] + rings[1:])
            else:
                # A piece cut at the antimeridian keeps no holes (none of Natural Earth's
                # cut countries has one there).
                shapes.extend([piece] for piece in outer)
        big = [s for s in shapes if area(s[0]) >= MIN_AREA]
        shapes = big or sorted(shapes, key=lambda s: -area(s[0]))[:1]
        if shapes:
            countries.append((code, shapes))
    countries.sort(key=lambda c: c[0])
    out = bytearray(b"AFMAP1")
    out += struct.pack("<H", len(countries))
    points = 0
    for code, shapes in countries:
        out += (code or "\0\0").encode("ascii")
        out += struct.pack("<H", len(shapes))
        for rings in shapes:
            out += struct.pack("<H", len(rings))
            for ring in rings:
                out += struct.pack("<H", len(ring))
                for x, y in ring:
                    out += struct.pack("<hh", round(x * 100), round(y * 100))
                points += len(ring)
    open(out_path, "wb").write(out)
    print(f"{len(countries)} countries, {points} points, {len(out)} bytes -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
