"""Offline geodata for the map of places, and the places' coordinates and episodes.

The boundaries are *modern* (Natural Earth, via the npm package world-atlas), cut to the Caucasus
by ``tools/make_geo.py`` into ``data/geo/caucasus-50m.geojson``; see ``data/geo/README.md``. The
coordinates of the places are approximate (``places.csv``, column ``coord_source``).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from .i18n import column, tr

from .data import data_dir, records_sharing

BBOX = (37.0, 37.0, 52.0, 46.0)  # west, south, east, north: the box make_geo.py cuts to
BOUNDARIES = Path("geo") / "caucasus-50m.geojson"


def load_boundaries(path: str | os.PathLike | None = None) -> dict:
    """The modern country boundaries in the map's box, as a GeoJSON FeatureCollection.

    ``path`` is the data folder (default: :func:`redrev.data.data_dir`). Raises ``ValueError``
    if the file is not a FeatureCollection of named (Multi)Polygons inside :data:`BBOX`.
    """
    file = data_dir(path) / BOUNDARIES
    collection = json.loads(file.read_text(encoding="utf-8"))
    if collection.get("type") != "FeatureCollection" or not collection.get("features"):
        raise ValueError(f"{file}: not a GeoJSON FeatureCollection with features")
    for feature in collection["features"]:
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon") or not feature["properties"].get("name"):
            raise ValueError(f"{file}: every feature must be a named Polygon or MultiPolygon")
        if not all(in_region(lon, lat) for lon, lat in _points(geometry)):
            raise ValueError(f"{file}: {feature['properties']['name']} has points outside {BBOX}")
    return collection


def _points(geometry: dict):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        for ring in polygon:
            yield from ring


def in_region(lon, lat, bbox=BBOX) -> bool:
    """Whether a point lies in the map's box (missing coordinates are not)."""
    if lon is None or lat is None or pd.isna(lon) or pd.isna(lat):
        return False
    west, south, east, north = bbox
    return west <= float(lon) <= east and south <= float(lat) <= north


def frame(bbox=BBOX, step: float = 0.5) -> dict:
    """The map's box as a GeoJSON polygon (the sea behind the land), densified so its edges stay
    straight, wound clockwise like the boundaries (the convention of d3-geo, which vega uses)."""
    west, south, east, north = bbox

    def line(a, b):
        n = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / step))
        return [[a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n] for k in range(n)]

    corners = [(west, south), (west, north), (east, north), (east, south)]
    ring = [p for a, b in zip(corners, corners[1:] + corners[:1]) for p in line(a, b)]
    ring.append(ring[0])
    return {"type": "Feature", "properties": {"name": "sea"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def country_labels(collection: dict, margin: float = 1.5) -> pd.DataFrame:
    """Name and label point of each modern country large enough in the box to be named; the
    point is kept ``margin`` degrees of longitude inside the box so that the name fits."""
    west, _, east, _ = BBOX
    rows = [{"name": tr(f["properties"]["name"]),
             "lon": min(max(f["properties"]["label_lon"], west + margin), east - margin),
             "lat": f["properties"]["label_lat"]}
            for f in collection["features"] if "label_lon" in f["properties"]]
    return pd.DataFrame(rows, columns=["name", "lon", "lat"])


def episode_labels(cases: pd.DataFrame) -> dict[str, str]:
    """Short labels of the episodes in date order, e.g. ``{"az-1920-04": "Azerbaijan, April 1920"}``."""
    ordered = cases.sort_values(["start", "id"])
    return {i: str(label).split(":")[0].strip() for i, label in zip(ordered["id"], column(ordered, "label"))}


def place_episodes(data) -> dict[str, list[str]]:
    """For each place id, the episodes (cases.csv ids) whose stages or events name it, sorted."""
    found: dict[str, set[str]] = {}
    for table in (data.stages, data.events):
        for case, places in zip(table["case"], table["places"]):
            for place in places:
                found.setdefault(place, set())
                if pd.notna(case):
                    found[place].add(case)
    return {place: sorted(cases) for place, cases in found.items()}


def places_table(data) -> pd.DataFrame:
    """Every place with its episodes, where it stands relative to the map, and how often the
    stages and events name it. ``on_map`` is ``on map``, ``off map`` (coordinates outside the box)
    or ``no coordinates``."""
    places = data.places
    episodes = place_episodes(data)
    mentions: dict[str, int] = {}
    for table in (data.stages, data.events):
        for ids in table["places"]:
            for place in ids:
                mentions[place] = mentions.get(place, 0) + 1
    where = [
        "on map" if in_region(lon, lat) else ("no coordinates" if pd.isna(lat) or pd.isna(lon) else "off map")
        for lon, lat in zip(places["lon"], places["lat"])
    ]
    return pd.DataFrame({
        "id": places["id"], "name_en": places["name_en"], "name_modern": places["name_modern"],
        "name_ru": places["name_ru"], "kind": places["kind"], "lat": places["lat"], "lon": places["lon"],
        "coord_source": places["coord_source"], "on_map": where,
        "episodes": places["id"].map(lambda i: episodes.get(i, [])),
        "mentions": places["id"].map(lambda i: mentions.get(i, 0)).astype(int),
    })


def _point(places: pd.DataFrame) -> pd.Series:
    located = places["lat"].notna() & places["lon"].notna()
    return (places["lat"].astype(float).astype(str) + "," + places["lon"].astype(float).astype(str)).where(located)


def shared_coordinates(places: pd.DataFrame) -> list[list[str]]:
    """Groups of place ids that sit on exactly the same point."""
    return records_sharing(places, [_point(places)])


def possible_duplicates(places: pd.DataFrame) -> list[list[str]]:
    """Groups of place ids that share a point or a Russian name (possible duplicate records)."""
    return records_sharing(places, [_point(places), places["name_ru"].str.strip().str.lower()])
