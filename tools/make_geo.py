"""Cut Natural Earth country boundaries down to the Caucasus: writes data/geo/caucasus-50m.geojson.

Maintainer script (standard library only), run once; the book reads its output, never the package.
The source is the npm package world-atlas (TopoJSON of Natural Earth, ISC licence; the data is in the
public domain). Get it with the ordinary npm client, then run this script on its 1:50m countries:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_geo.py /tmp/package/countries-50m.json

What it does, in order (see data/geo/README.md):
1. decodes the TopoJSON arcs (delta-encoded, quantised) into longitude/latitude;
2. simplifies each arc (Douglas-Peucker, SIMPLIFY degrees) -- arcs are shared by neighbouring
   countries, so a border simplified once stays the same line for both;
3. joins the arcs into each country's rings and clips the rings to the box BBOX
   (Sutherland-Hodgman), adding points along the cut so that the edges stay straight on the map;
4. rounds coordinates to DIGITS decimals and drops countries with nothing left in the box.
The output is a GeoJSON FeatureCollection: properties ``name`` (Natural Earth's short name), ``id``
(ISO 3166-1 numeric) and ``label_lon``/``label_lat`` (a point inside the country's largest part,
for its name on the map).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geo" / "caucasus-50m.geojson"
BBOX = (37.0, 37.0, 52.0, 46.0)  # west, south, east, north (degrees); see data/geo/README.md
SIMPLIFY = 0.005                  # Douglas-Peucker tolerance, degrees (about 500 m)
DIGITS = 3                        # decimals kept (about 100 m)
DENSIFY = 0.5                     # largest step along a cut edge, degrees
MIN_LABEL_AREA = 1.0              # square degrees: smaller parts get no name on the map


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(p, a, b) -> float:
    """Distance from p to the segment a-b (planar, degrees)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative; keeps both end points (the junctions between arcs)."""
    if len(points) < 3:
        return list(points)
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def ring(arc_ids: list[int], arcs: list) -> list:
    """A closed ring from TopoJSON arc indices (a negative index ~i means arc i reversed)."""
    points: list = []
    for i in arc_ids:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def clip(points: list, bbox=BBOX) -> list:
    """Sutherland-Hodgman: the part of a closed ring inside the box (the ring's direction is kept)."""
    west, south, east, north = bbox
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    out = points[:-1] if points and points[0] == points[-1] else list(points)
    for inside, cut in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
    return out + out[:1] if out else []


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def densify(points: list, bbox=BBOX, step: float = DENSIFY) -> list:
    """Add points along segments that lie on the box's edges, so the map draws them straight."""
    west, south, east, north = bbox
    out = points[:1]
    for a, b in zip(points, points[1:]):
        on_edge = (a[0] == b[0] and a[0] in (west, east)) or (a[1] == b[1] and a[1] in (south, north))
        length = max(abs(b[0] - a[0]), abs(b[1] - a[1]))
        if on_edge and length > step:
            n = int(length // step) + 1
            out += [(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n) for k in range(1, n)]
        out.append(b)
    return out


def area(points: list) -> float:
    """Signed planar area (shoelace), square degrees."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:])) / 2


def centroid(points: list) -> tuple[float, float]:
    a = area(points)
    cx = sum((p[0] + q[0]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(points, points[1:])) / (6 * a)
    cy = sum((p[1] + q[1]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(points, points[1:])) / (6 * a)
    return cx, cy


def tidy(points: list) -> list:
    """Round, and drop repeated points."""
    out = []
    for x, y in points:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def polygons(geometry: dict, arcs: list) -> list[list[list]]:
    """Each polygon of a country (exterior ring first), clipped to the box."""
    shapes = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry.get("arcs", [])
    result = []
    for shape in shapes:
        rings = []
        for k, arc_ids in enumerate(shape):
            r = tidy(densify(clip(ring(arc_ids, arcs))))
            if len(r) >= 4 and abs(area(r)) > 1e-6:
                rings.append(r)
            elif k == 0:
                break  # nothing of the exterior ring is left, so nothing of its holes either
        if rings:
            result.append(rings)
    return result


def features(topology: dict) -> list[dict]:
    arcs = [simplify(a, SIMPLIFY) for a in decode_arcs(topology)]
    out = []
    for g in topology["objects"]["countries"]["geometries"]:
        if g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = polygons(g, arcs)
        if not parts:
            continue
        largest = max(parts, key=lambda p: abs(area(p[0])))[0]
        props = {"name": g["properties"]["name"], "id": g.get("id")}
        if abs(area(largest)) >= MIN_LABEL_AREA:
            lon, lat = centroid(largest)
            props.update(label_lon=round(lon, 2), label_lat=round(lat, 2))
        geometry = ({"type": "Polygon", "coordinates": parts[0]} if len(parts) == 1
                    else {"type": "MultiPolygon", "coordinates": parts})
        out.append({"type": "Feature", "id": g.get("id"), "properties": props, "geometry": geometry})
    return sorted(out, key=lambda f: f["properties"]["name"])


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    collection = {"type": "FeatureCollection", "bbox": list(BBOX), "features": features(topology)}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    names = ", ".join(f["properties"]["name"] for f in collection["features"])
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes, {len(collection['features'])} countries ({names})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
