"""Tests of the functions the Azerbaijan and Armenia chapters add to ``redrev.charts``."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest

import redrev
from redrev import charts, renderer

from browser import PageWatch, serve


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


def _params(spec):
    """Altair lifts a layer's params to the top level; look in both places."""
    found = list(spec.get("params", [])) + [p for layer in spec.get("layer", []) for p in layer.get("params", [])]
    return {p["name"]: p for p in found}


def _case_records(data, case):
    docs = data.documents[data.documents["case"] == case]
    events = data.events[data.events["case"] == case]
    return docs, events


# --- episode_rows -----------------------------------------------------------------------------

def test_rows_start_with_the_five_stages_then_records_in_date_order(data):
    rows, left_out = charts.episode_rows(data, "az-1920-04")
    assert list(rows["kind"][:5]) == ["stage"] * 5
    assert [r.split(":")[0] for r in rows["row"][:5]] == [f"Stage {n}" for n in range(1, 6)]
    records = rows[rows["kind"] != "stage"]
    assert records["start"].is_monotonic_increasing
    docs, events = _case_records(data, "az-1920-04")
    # every record of the episode is either on the line or listed as left out, never both
    assert len(records) + len(left_out) == len(docs) + len(events)
    assert set(records["id"]).isdisjoint(left_out["id"])


def test_rows_keep_the_dates_the_data_gives(data):
    rows, left_out = charts.episode_rows(data, "az-1920-04")
    by_id = rows.set_index("id")
    assert by_id.loc["E005", "start"] == pd.Timestamp("1920-04-26")      # the crossing
    assert by_id.loc["D009", "start"] == pd.Timestamp("1920-04-21")      # the order
    assert by_id.loc["E008", "end"] == pd.Timestamp("1920-04-29")        # night of 27-28 April, half-open
    assert by_id.loc["D008", "precision"] == "month"                     # Kemal's demand: April only
    assert by_id.loc["E011", "precision"] == "day, approximate"          # flagged date_approximate
    assert by_id.loc["D009", "stage"] == "stage 4"
    # D024, Lenin's greeting, has no date: it cannot be drawn
    assert "D024" in set(left_out["id"])


def test_serious_flags_are_marked_in_the_label(data):
    rows, _ = charts.episode_rows(data, "am-1920-11")
    by_id = rows.set_index("id")
    assert by_id.loc["D112", "row"].endswith("(!)")                     # «31 ноября»
    assert "[printed: 31 ноября]" in by_id.loc["D112", "when"]
    assert by_id.loc["D112", "start"] == pd.Timestamp("1920-11-30")
    assert by_id.loc["D105", "row"].endswith("(!)") and "14:30" in by_id.loc["D105", "when"]
    assert not by_id.loc["D106", "row"].endswith("(!)")
    assert "date of receipt" in by_id.loc["D119", "when"]


def test_undated_stages_stay_as_rows(data):
    rows, _ = charts.episode_rows(data, "am-1920-05")
    stages = rows[rows["kind"] == "stage"].set_index("id")
    assert stages["start"].isna().tolist() == [False, False, True, True, True]
    assert "(not documented)" in stages.loc["stage 4", "row"]


def test_unknown_episode_is_an_error(data):
    with pytest.raises(ValueError):
        charts.episode_rows(data, "xx-1999-01")


# --- episode_timeline -------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["az-1920-04", "am-1920-05", "am-1920-11", "ge-1920-05", "ge-1921-02"])
def test_timeline_spec_has_bound_filters_and_small_data(data, case):
    spec = charts.episode_timeline(data, case).to_dict()
    params = _params(spec)
    assert params["record_filter"]["bind"]["input"] == "select"
    assert params["problem_filter"]["bind"]["input"] == "select"
    assert params["date_zoom"]["bind"] == "scales"
    table = next(iter(spec["datasets"].values()))
    rows, _ = charts.episode_rows(data, case)
    assert len(table) == len(rows)
    assert set(table[0]) == {"row", "order", "kind", "type", "stage", "dated", "start", "end", "precision",
                             "when", "flags", "problem", "summary"}
    assert spec["description"] and spec["title"]
    assert f"{(rows['kind'] != 'stage').sum()} documents and events" in spec["description"]


def test_timeline_filter_options_come_from_the_episode(data):
    spec = charts.episode_timeline(data, "am-1920-11").to_dict()
    params = _params(spec)
    problems = params["problem_filter"]["bind"]["options"]
    assert {"any", "impossible_date", "struck_out", "contradicts", "date_received"} <= set(problems)
    records = params["record_filter"]["bind"]["options"]
    assert "document: direct wire" in records and "event" in records


def test_timeline_window_defaults_to_the_day_dated_records(data):
    spec = charts.episode_timeline(data, "am-1920-11").to_dict()
    zoom = _params(spec)["date_zoom"]
    start, end = zoom["value"]["x"]
    assert (start["month"], start["date"]) == (11, 20)      # first record 21 Nov, one day margin
    assert (end["month"], end["date"]) == (12, 5)           # last record 3 Dec (ends 4 Dec), margin


# --- the filters work in a browser (static page, no kernel) -----------------------------------

def _count_bars(page):
    return page.evaluate("() => document.querySelectorAll('[data-redrev-chart] g.mark-rect path').length")


def _choose(page, label, value_label):
    select = page.locator(f"label:has-text('{label}') select, .vega-bind:has-text('{label}') select").first
    select.select_option(label=value_label)
    page.wait_for_timeout(300)


def test_filters_change_the_drawn_rows(data, page):
    rows, _ = charts.episode_rows(data, "am-1920-11")
    spec = charts.episode_timeline(data, "am-1920-11").to_dict()
    html = ("<html><head><meta charset='utf-8'>" + renderer.library_html() + "</head><body style='width:900px'>"
            + renderer.chart_html(spec) + "</body></html>")
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "index.html").write_text(html, encoding="utf-8")
        with serve(Path(folder)) as url:
            watch = PageWatch(page)
            page.goto(f"{url}/index.html")
            page.wait_for_function("() => document.querySelectorAll('g.mark-rect path').length > 0")
            dated = rows["start"].notna()
            dated_stages = int((dated & (rows["kind"] == "stage")).sum())
            assert _count_bars(page) == int(dated.sum())
            _choose(page, "Records", "Events")
            assert _count_bars(page) == dated_stages + int((dated & (rows["kind"] == "event")).sum())
            _choose(page, "Records", "All records")
            _choose(page, "Source problem", "impossible date")
            assert _count_bars(page) == dated_stages + 1      # only D112, «31 ноября»
            assert watch.errors == []


def test_card_without_a_note_number_says_so(data):
    from redrev.cards import citation
    row = data.documents.set_index("id").loc["D014"]
    assert citation(row) == "Kvashonkin 2016, no note number"
