"""The appendices: geodata and its maintainer script, the registers, and their charts."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import redrev
from redrev import charts, geo, registers

ROOT = Path(__file__).resolve().parents[1]
GEOJSON = ROOT / "data" / "geo" / "caucasus-50m.geojson"


@pytest.fixture(scope="module")
def data():
    return redrev.load(ROOT / "data")


@pytest.fixture(scope="module")
def boundaries():
    return geo.load_boundaries(ROOT / "data")


@pytest.fixture(scope="module")
def make_geo():
    spec = importlib.util.spec_from_file_location("make_geo", ROOT / "tools" / "make_geo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rings(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def _first_dataset(spec: dict) -> list[dict]:
    return next(iter(spec["datasets"].values()))


# --- tools/make_geo.py -------------------------------------------------------------------------

def test_decode_arcs_undoes_the_delta_encoding(make_geo):
    topology = {"transform": {"scale": [0.5, 0.25], "translate": [10, 20]}, "arcs": [[[0, 0], [2, 4], [-1, 0]]]}
    assert make_geo.decode_arcs(topology) == [[(10.0, 20.0), (11.0, 21.0), (10.5, 21.0)]]


def test_simplify_keeps_the_ends_and_drops_small_wiggles(make_geo):
    line = [(0, 0), (1, 0.001), (2, -0.001), (3, 0), (4, 2), (5, 0)]
    simple = make_geo.simplify(line, 0.01)
    assert simple[0] == line[0] and simple[-1] == line[-1]
    assert (4, 2) in simple and (1, 0.001) not in simple


def test_ring_follows_reversed_arcs(make_geo):
    arcs = [[(0, 0), (1, 0)], [(0, 0), (0, 1), (1, 0)]]
    assert make_geo.ring([0, ~1], arcs) == [(0, 0), (1, 0), (0, 1), (0, 0)]


def test_clip_keeps_the_inside_part_and_the_direction(make_geo):
    square = [(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]  # clockwise, like d3's rings
    clipped = make_geo.clip(square, bbox=(5, 5, 20, 20))
    assert clipped[0] == clipped[-1]
    assert all(5 <= x <= 20 and 5 <= y <= 20 for x, y in clipped)
    assert make_geo.area(clipped) == pytest.approx(-25)  # the 5x5 corner, still clockwise
    assert make_geo.clip(square, bbox=(30, 30, 40, 40)) == []


def test_densify_adds_points_only_along_the_cut(make_geo):
    line = [(37.0, 38.0), (37.0, 40.0), (38.0, 41.0)]
    dense = make_geo.densify(line, bbox=(37.0, 37.0, 52.0, 46.0), step=0.5)
    assert dense[0] == line[0] and dense[-1] == line[-1]
    on_edge = [p for p in dense if p[0] == 37.0]
    assert len(on_edge) > 2 and all(b[1] - a[1] <= 0.5 for a, b in zip(on_edge, on_edge[1:]))
    assert dense[-2:] == line[-2:]  # the diagonal inside the box is left alone


def test_features_of_a_small_topology(make_geo):
    # One square country straddling the box's western edge (37 E); one far away.
    topology = {"transform": {"scale": [1, 1], "translate": [0, 0]},
                "arcs": [[[35, 40], [0, 2], [4, 0], [0, -2], [-4, 0]], [[100, 0], [1, 0], [0, 1], [-1, -1]]],
                "objects": {"countries": {"geometries": [
                    {"type": "Polygon", "arcs": [[0]], "id": "001", "properties": {"name": "Here"}},
                    {"type": "Polygon", "arcs": [[1]], "id": "002", "properties": {"name": "Far"}}]}}}
    features = make_geo.features(topology)
    assert [f["properties"]["name"] for f in features] == ["Here"]
    ring = features[0]["geometry"]["coordinates"][0]
    assert min(x for x, _ in ring) == 37.0 and max(x for x, _ in ring) == 39.0
    assert features[0]["properties"]["label_lon"] == 38.0


# --- the shipped geodata and redrev.geo -------------------------------------------------------

def test_geodata_is_small_and_inside_the_box(boundaries):
    assert GEOJSON.stat().st_size < 100_000
    names = {f["properties"]["name"] for f in boundaries["features"]}
    assert {"Armenia", "Azerbaijan", "Georgia", "Russia", "Turkey", "Iran"} <= names
    assert all(geo.in_region(x, y) for f in boundaries["features"] for r in _rings(f["geometry"]) for x, y in r)


def test_geodata_rings_are_closed_and_exteriors_clockwise(boundaries, make_geo):
    for feature in boundaries["features"]:
        polygons = ([feature["geometry"]["coordinates"]] if feature["geometry"]["type"] == "Polygon"
                    else feature["geometry"]["coordinates"])
        for polygon in polygons:
            assert all(r[0] == r[-1] and len(r) >= 4 for r in polygon)
            assert make_geo.area(polygon[0]) < 0, feature["properties"]["name"]  # d3-geo's winding


def test_load_boundaries_rejects_a_broken_file(tmp_path):
    (tmp_path / "geo").mkdir()
    target = tmp_path / "geo" / "caucasus-50m.geojson"
    target.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(ValueError, match="FeatureCollection"):
        geo.load_boundaries(tmp_path)
    far = {"type": "Feature", "properties": {"name": "Far"},
           "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]}}
    target.write_text(json.dumps({"type": "FeatureCollection", "features": [far]}))
    with pytest.raises(ValueError, match="outside"):
        geo.load_boundaries(tmp_path)


def test_in_region_and_frame(make_geo):
    assert geo.in_region(44.8, 41.69) and not geo.in_region(37.62, 55.75)
    assert not geo.in_region(None, 41.0) and not geo.in_region(pd.NA, 41.0)
    ring = geo.frame()["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1] and make_geo.area(ring) < 0
    west, south, east, north = geo.BBOX
    assert make_geo.area(ring) == pytest.approx(-(east - west) * (north - south))
    assert max(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(ring, ring[1:])) <= 0.5 + 1e-9


def test_country_labels_stay_inside_the_box(boundaries):
    labels = geo.country_labels(boundaries)
    west, south, east, north = geo.BBOX
    assert {"Armenia", "Azerbaijan", "Georgia"} <= set(labels["name"])
    assert labels["lon"].between(west + 1.5, east - 1.5).all() and labels["lat"].between(south, north).all()


def test_episode_labels_in_date_order(data):
    labels = geo.episode_labels(data.cases)
    assert list(labels)[0] == "az-1920-04" and list(labels)[-1] == "ge-1921-02"
    assert labels["az-1920-04"] == "Azerbaijan, April 1920"


def test_place_episodes_come_from_stages_and_events(data):
    episodes = geo.place_episodes(data)
    assert "ge-1921-02" in episodes["tiflis"] and "ge-1920-05" in episodes["tiflis"]
    assert episodes["poili"] == ["ge-1920-05"]
    assert "neutral_zone" not in episodes  # named by no stage or event (reported as a data gap)


def test_places_table(data):
    table = geo.places_table(data).set_index("id")
    assert len(table) == len(data.places)
    assert table.loc["tiflis", "on_map"] == "on map"
    assert table.loc["moscow", "on_map"] == "off map" and table.loc["black_sea", "on_map"] == "no coordinates"
    assert table.loc["mazurno", "on_map"] == "no coordinates" and table.loc["georgia", "on_map"] == "no coordinates"
    named = sum("tiflis" in p for t in (data.stages, data.events) for p in t["places"])
    assert table.loc["tiflis", "mentions"] == named > 0


def test_possible_duplicate_places_finds_shared_points_and_names():
    places = pd.DataFrame({"id": ["a", "b", "c", "d"], "name_ru": ["Закатала", "Закаталы", "Тифлис", "тифлис "],
                           "lat": [41.6, 41.6, 41.7, None], "lon": [46.6, 46.6, 44.8, None]})
    assert geo.shared_coordinates(places) == [["a", "b"]]
    assert geo.possible_duplicates(places) == [["a", "b"], ["c", "d"]]


# --- redrev.registers -------------------------------------------------------------------------

def test_document_counts_on_a_small_example():
    people = pd.DataFrame({"id": ["a", "b", "c"]})
    documents = pd.DataFrame({"senders": [["a"], ["a", "b"], [], ["b"]],
                              "recipients": [["b"], ["c"], ["a"], ["b"]]})
    counts = registers.document_counts(documents, people).set_index("id")
    assert counts.loc["a"].tolist() == [2, 1, 3]  # sent, received, total
    assert counts.loc["b"].tolist() == [2, 2, 3]  # the self-addressed document counts once in total
    assert counts.loc["c"].tolist() == [0, 1, 1]
    with pytest.raises(ValueError, match="not in people"):
        registers.document_counts(pd.DataFrame({"senders": [["x"]], "recipients": [[]]}), people)


def test_document_counts_on_the_data(data):
    counts = registers.document_counts(data.documents, data.people).set_index("id")
    assert len(counts) == len(data.people)
    assert counts["sent"].sum() == data.documents["senders"].map(len).sum()
    assert counts["received"].sum() == data.documents["recipients"].map(len).sum()
    assert counts["total"].idxmax() == "ordzhonikidze"
    assert counts.loc["ordzhonikidze", "total"] == sum(
        "ordzhonikidze" in s or "ordzhonikidze" in r for s, r in zip(data.documents["senders"], data.documents["recipients"]))


def test_people_table(data):
    table = registers.people_table(data)
    assert len(table) == len(data.people) and table["id"].is_unique
    assert {"name_en", "name_ru", "variants", "roles", "kind", "sent", "received", "total", "events"} <= set(table)
    row = table.set_index("id").loc["ordzhonikidze"]
    assert "Орджникидзе" in row["variants"] and row["events"] == sum("ordzhonikidze" in a for a in data.events["actors"])
    assert table["name_en"].str.lower().is_monotonic_increasing


def test_possible_duplicate_people_matches_names_as_word_sets():
    people = pd.DataFrame({"id": ["m", "m2", "k"], "name_ru": ["Махарадзе", "Сандро Махарадзе", "Киров"],
                           "name_en": ["Sandro Makharadze", "Makharadze, Sandro", "Kirov"]})
    assert registers.possible_duplicates(people) == [["m", "m2"]]


def test_register_html_is_escaped_labelled_and_hidden_without_js():
    table = pd.DataFrame({"name": ["<script>alert(1)</script>", "Tiflis"], "kind": ["a&b", "city"], "n": [1, 2]})
    out = registers.register_html(table, {"name": "Name", "kind": "Kind", "n": "N"}, name="test",
                                  caption="Test table", noun="rows", filter_column="kind", numeric=("n",),
                                  lang={"name": "ru"})
    assert "<script>alert(1)</script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'data-filter="a&amp;b"' in out
    assert '<label for="redrev-register-test-q">' in out and 'id="redrev-register-test-q"' in out
    assert '<label for="redrev-register-test-kind">' in out and 'id="redrev-register-test-kind"' in out
    assert re.search(r'class="redrev-register-controls" hidden', out)  # shown by the script only
    assert 'role="status" aria-live="polite"' in out and "<caption" in out
    assert out.count("<tr data-filter=") == 2 and 'scope="row"' in out and 'lang="ru"' in out
    with pytest.raises(ValueError):
        registers.register_html(table, {"name": "Name"}, name="Bad Name", caption="", noun="")
    with pytest.raises(ValueError):
        registers.register_html(table, {"name": "Name"}, name="ok", caption="", noun="", min_width="1;x")


# --- charts -----------------------------------------------------------------------------------

def test_correspondents_chart(data):
    table = registers.people_table(data)
    spec = charts.correspondents_chart(table, minimum=3).to_dict()
    rows = _first_dataset(spec)
    top = table[table["total"] >= 3]
    assert len(rows) == 2 * len(top) and {r["direction"] for r in rows} == {"sent", "received"}
    assert spec["description"] and spec["title"]["text"]
    assert spec["params"][0]["name"] == "who_filter" and spec["params"][0]["bind"]["input"] == "select"
    # The filter the drop-down drives keeps exactly the persons' rows.
    expression = spec["layer"][0]["transform"][0]["filter"]
    assert expression == "who_filter == null || datum.kind == who_filter"
    persons = [r for r in rows if r["kind"] == "person"]
    assert len(persons) == 2 * int((top["kind"] == "person").sum()) > 0


def test_city_label_sides():
    cities = pd.DataFrame({"name": ["Kars", "Alexandropol", "Baku", "Ijevan"], "kind": ["city", "city", "city", "town"],
                           "lat": [40.60, 40.79, 40.41, 40.88], "lon": [43.10, 43.85, 49.87, 45.15]})
    assert charts.city_label_sides(cities).tolist() == ["left", "right", "right", ""]
    assert charts.city_label_sides(cities, east=50.0).tolist()[2] == "left"  # near the edge


def test_places_map(data, boundaries):
    places = geo.places_table(data)
    episodes = geo.episode_labels(data.cases)
    spec = charts.places_map(boundaries, places, episodes).to_dict()
    rows = _first_dataset(spec)
    on_map = places[places["on_map"] == "on map"]
    assert len(rows) == len(on_map) > 40
    assert set(rows[0]) == {"name", "modern", "russian", "kind", "lat", "lon", "episodes", "coordinates"}
    assert all(geo.in_region(r["lon"], r["lat"]) for r in rows)
    assert spec["projection"]["type"] == "mercator" and len(spec["layer"]) == 6
    assert spec["layer"][1]["data"]["values"] == boundaries["features"]  # shipped inline: no request
    assert "url" not in json.dumps(spec)
    params = {p["name"]: p for p in spec["params"]}
    assert params["place_kind"]["bind"]["input"] == "select"
    assert params["place_episode"]["bind"]["options"][1:] == [c for c in episodes if any(c in e for e in on_map["episodes"])]
    assert params["place_episode"]["bind"]["labels"][1] == "Azerbaijan, April 1920"
    # What the episode filter keeps (indexof on the comma-joined ids) is what the stages and events name.
    keep = {r["name"] for r in rows if "ge-1921-02" in r["episodes"]}
    assert keep == set(on_map.loc[on_map["episodes"].map(lambda e: "ge-1921-02" in e), "name_en"])
    assert {"Tiflis", "Borchaly (uezd)", "Akhalkalaki (uezd)"} <= keep
    filters = [t["filter"] for t in spec["layer"][3]["transform"]]
    assert any("indexof(datum.episodes, place_episode)" in f and "datum.kind == place_kind" in f for f in filters)
    assert "approximate" in spec["description"] and spec["title"]["subtitle"]
