"""Unit tests of the shared package: renderer, cards, model, filters, explorer, charts."""
from __future__ import annotations

import pandas as pd
import pytest

import redrev
from redrev import cards, charts, explore, model, renderer


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


# --- renderer ---------------------------------------------------------------------------------

def test_chart_html_is_offline_and_describes_itself(data):
    spec = charts.documents_timeline(data.documents).to_dict()
    out = renderer.chart_html(spec)
    assert "http://" not in out.replace(spec["$schema"], "") and "https://" not in out.replace(spec["$schema"], "")
    assert 'data-redrev-chart="1"' in out and "vegaEmbed" in out
    assert "<figcaption" in out and "dated documents" in out
    assert "<table>" in out and '<th scope="col">date</th>' in out
    assert "<script>" + renderer.library_html()[8:40] not in out, "the library must not be inlined per chart"


def test_chart_html_escapes_text():
    spec = {"description": "<b>bold</b>", "title": "x</script>", "datasets": {"d": [{"a": "<i>"}]}}
    out = renderer.chart_html(spec)
    assert "<b>bold</b>" not in out and "&lt;b&gt;bold&lt;/b&gt;" in out
    assert "<td>&lt;i&gt;</td>" in out
    assert "x</script>" not in out


def test_library_is_the_vendored_scripts():
    lib = renderer.library_html()
    assert lib.count("<script>") == 3 and "vegaEmbed" in lib and len(lib) > 500_000


def test_setup_enables_the_renderer():
    import altair as alt

    redrev.setup()
    assert alt.renderers.active == "redrev"


# --- cards ------------------------------------------------------------------------------------

def test_card_shows_basis_citation_and_escapes(data):
    row = data.documents.iloc[0].copy()
    row["summary_en"] = "<script>alert(1)</script>"
    out = cards.card_html(row, data.people)
    assert "<script>alert" not in out and "&lt;script&gt;" in out
    assert "Kvashonkin 2016, note" in out or row["note"] is pd.NA


def test_card_date_says_when_it_is_a_date_of_receipt(data):
    received = data.documents[data.documents["date_basis"] == "received"].iloc[0]
    assert "(date of receipt)" in cards.card_html(received, data.people)


def test_citation_includes_folio_and_page():
    row = {"note": 10, "folio": "6-8", "page": pd.NA}
    assert cards.citation(row) == "Kvashonkin 2016, note 10, f. 6-8"


# --- model ------------------------------------------------------------------------------------

def synthetic_stages(dates, statuses=None):
    statuses = statuses or ["documented"] * 5
    return pd.DataFrame({
        "case": ["x"] * 5, "stage": [1, 2, 3, 4, 5],
        "date": pd.to_datetime(dates), "status": statuses,
        "staged": ["no"] * 5, "outside_capital": [pd.NA] * 5,
    })


def test_aligned_counts_days_from_the_first_dated_stage():
    frame = model.aligned(synthetic_stages(["1920-04-27", "1920-04-28", "1920-04-28", "1920-04-26", None]))
    assert frame.set_index("stage")["day"].to_dict() == {1: 1, 2: 2, 3: 2, 4: 0}


def test_out_of_order_finds_a_stage_before_an_earlier_one():
    found = model.out_of_order(synthetic_stages(["1920-04-27", "1920-04-28", "1920-04-28", "1920-04-26", "1920-05-01"]))
    assert list(found["stage"]) == [4]
    assert found["detail"][0] == "4. Red Army enters (1920-04-26) comes before 1. Communist coup (1920-04-27)"


def test_departures_and_follows_model():
    stages = synthetic_stages(["1920-04-01", "1920-04-02", "1920-04-03", "1920-04-04", None],
                              statuses=["documented"] * 4 + ["not_documented"])
    stages.loc[0, "staged"] = "yes"
    cases = pd.DataFrame({"id": ["x"], "country": ["georgia"]})
    kinds = model.departures(stages, cases)[["stage", "kind"]].values.tolist()
    assert kinds == [[1, "staged"], [5, "missing"]]
    assert model.follows_model(stages, cases).to_dict() == {"x": False}


def test_every_episode_has_its_departures_computed(data):
    found = model.departures(data.stages, data.cases)
    assert set(found["case"]) <= set(data.cases["id"])
    assert set(found["kind"]) <= {"missing", "ambiguous", "out_of_order", "staged", "outside_capital"}


def test_a_month_is_not_before_a_day_inside_it():
    stages = synthetic_stages(["1921-02-11", "1921-02-01", "1921-02-16", "1921-02-11", None])
    stages["date_precision"] = ["day", "month", "day", "day", None]
    assert list(model.out_of_order(stages)["stage"]) == [4]


# --- filters and explorer ---------------------------------------------------------------------

def test_filter_documents_combines_criteria(data):
    docs = data.documents
    found = explore.filter_documents(docs, case="az-1920-04", sender="ordzhonikidze")
    assert len(found) > 0
    assert (found["case"] == "az-1920-04").all()
    assert found["senders"].map(lambda s: "ordzhonikidze" in s).all()
    assert len(explore.filter_documents(docs, text="БАКУ")) == len(explore.filter_documents(docs, text="баку")) > 0
    dated = explore.filter_documents(docs, start="1921-01-01", end="1921-12-31")
    assert (dated["date"].dt.year == 1921).all()


def test_explorer_updates_its_count(data):
    box = explore.explorer(data)
    controls = [c for row in box.children[:2] for c in row.children]
    count = box.children[4]
    before = count.value
    controls[0].value = "az-1920-04"
    assert count.value != before and "documents match" in count.value


def test_source_tabs_has_one_tab_per_document(data):
    ids = list(data.documents["id"][:3])
    tabs = explore.source_tabs(data.documents, data.people, ids)
    assert [tabs.get_title(i) for i in range(3)] == ids


# --- charts -----------------------------------------------------------------------------------

def test_timeline_has_bound_filters_and_small_data(data):
    spec = charts.documents_timeline(data.documents).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert {"case_filter", "type_filter"} <= set(params)
    assert params["case_filter"]["bind"]["input"] == "select"
    rows = next(iter(spec["datasets"].values()))
    assert set(rows[0]) == {"id", "date", "precision", "country", "case", "type", "senders", "summary"}
    assert len(rows) == data.documents["date"].notna().sum()


def test_palette_is_fixed_per_republic():
    assert charts.COUNTRY_COLOURS["azerbaijan"] == "#0072B2"
    assert len(set(charts.COUNTRY_COLOURS.values())) == len(charts.COUNTRY_COLOURS)
