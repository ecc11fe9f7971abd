"""Tests for the ch-intro branch: the context and model charts and the launch links."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

import redrev
from redrev import charts, launch, model


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


def _params(spec: dict) -> dict:
    found = {}
    for p in spec.get("params", []):
        found[p["name"]] = p
    for layer in spec.get("layer", []):
        for p in layer.get("params", []):
            found[p["name"]] = p
    return found


def _filters(spec: dict) -> list[str]:
    parts = [spec, *spec.get("layer", [])]
    return [t["filter"] for part in parts for t in part.get("transform", []) if "filter" in t]


# --- documents per month ---------------------------------------------------------------------

def test_monthly_counts_cover_every_document_dated_to_day_or_month(data):
    docs = data.documents
    counts = charts.monthly_counts(docs)
    placeable = docs["date_precision"].isin(["day", "month"])
    assert counts["documents"].sum() == placeable.sum()
    # documents dated only to the year (D001, D006) or undated cannot be placed in a month
    assert set(docs.loc[docs["date_precision"] == "year", "id"]) == {"D001", "D006"}
    assert not counts.duplicated(["month", "country"]).any()


def test_monthly_counts_match_an_independent_count(data):
    docs = data.documents
    counts = charts.monthly_counts(docs).set_index(["month", "country"])["documents"]
    april_az = ((docs["date"].dt.strftime("%Y-%m") == "1920-04") & (docs["country"] == "azerbaijan")
                & docs["date_precision"].isin(["day", "month"])).sum()
    assert counts[("1920-04", "azerbaijan")] == april_az == 6
    # Lenin's telegrams of 17 and 28 March 1920 (D007, D002) fall in March 1920
    march = docs[docs["id"].isin(["D002", "D007"])]
    assert set(march["date"].dt.strftime("%Y-%m")) == {"1920-03"}
    assert counts.xs("1920-03", level="month").sum() == 3
    # the Armenian crisis of November 1920 is the busiest single month for one republic
    assert counts.idxmax() == ("1920-11", "armenia")


def test_documents_per_month_spec(data):
    spec = charts.documents_per_month(data.documents).to_dict()
    assert spec["title"] == "Documents cited in the article, per month"
    assert "drop-down" in spec["description"]
    assert spec["width"] == "container"
    param = _params(spec)["country_filter"]
    assert param["value"] is None
    assert param["bind"]["input"] == "select"
    assert param["bind"]["options"] == [None, "azerbaijan", "armenia", "georgia", "several", "other"]
    assert param["bind"]["labels"][0] == "All"
    assert _filters(spec) == ["country_filter == null || datum.country == country_filter"]
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == len(charts.monthly_counts(data.documents))
    assert set(rows[0]) == {"month", "country", "documents"}
    georgia = [r for r in rows if r["country"] == "georgia"]
    assert sum(r["documents"] for r in georgia) == (
        (data.documents["country"] == "georgia") & data.documents["date_precision"].isin(["day", "month"])).sum()
    assert spec["encoding"]["color"]["scale"]["range"][:3] == [charts.COUNTRY_COLOURS[c] for c in charts.REPUBLICS]


# --- stage sequence --------------------------------------------------------------------------

def test_stage_sequence_rows(data):
    rows = charts.stage_sequence_rows(data.stages, data.cases)
    assert len(rows) == data.stages["date"].notna().sum()
    az = rows[rows["case"] == "az-1920-04"].set_index("stage")
    # the army's crossing (stage 4, 26 April) is the first dated stage of the Azerbaijani episode
    assert az.loc[4, "day"] == 0 and az.loc[1, "day"] == 1 and az.loc[3, "day"] == 2
    assert az.loc[5, "precision"] == "month"
    assert list(rows.loc[rows["case"] == "ge-1920-05", "stage"]) == [4]
    assert set(rows["country"]) == {"azerbaijan", "armenia", "georgia"}
    assert set(rows["short"]) == {"1 coup", "2 revkom", "3 appeal", "4 Red Army enters", "5 greeting"}
    assert (rows["day"] >= 0).all()


def test_stage_sequence_spec(data):
    spec = charts.stage_sequence(data.stages, data.cases).to_dict()
    assert spec["title"]["text"] == "When each stage happened, episode by episode"
    assert "Hollow" in spec["title"]["subtitle"]
    assert "drop-down" in spec["description"] and "hollow" in spec["description"]
    assert spec["width"] == "container"
    param = _params(spec)["episode_filter"]
    dated_cases = sorted(data.stages.dropna(subset=["date"])["case"].unique())
    assert param["bind"]["options"] == [None, *dated_cases]
    assert len(spec["layer"]) == 2
    filters = _filters(spec)
    assert filters and all(f == "episode_filter == null || datum.case == episode_filter" for f in filters)
    points, labels = spec["layer"]
    assert labels["encoding"]["text"]["field"] == "short"
    assert points["encoding"]["yOffset"]["field"] == "stage"
    assert points["encoding"]["fill"]["condition"]["test"] == "datum.precision == 'day'"
    rows = next(iter(spec["datasets"].values()))
    assert {r["case"] for r in rows} == set(charts.stage_sequence_rows(data.stages, data.cases)["case"])
    assert sorted(r["stage"] for r in rows if r["case"] == "ge-1921-02") == [1, 2, 3, 4]


def test_stage_sequence_filter_keeps_one_episode(data):
    rows = charts.stage_sequence_rows(data.stages, data.cases)
    chosen = rows[rows["case"] == "am-1920-11"]
    assert list(chosen.sort_values("day")["stage"]) == [2, 1, 4, 5]
    assert chosen.set_index("stage").loc[5, "day"] == 11


# --- launch links ----------------------------------------------------------------------------

CFG = {"repository": {"url": "https://github.com/org/book-repo", "branch": "dev"},
       "launch_buttons": {"notebook_interface": "jupyterlab", "binderhub_url": "https://mybinder.org/",
                          "jupyterhub_url": "https://hub.example.org", "colab_url": "https://colab.research.google.com"}}


def test_launch_links_follow_the_configuration():
    found = launch.links("book/03-model.ipynb", CFG)
    assert found["Binder"] == "https://mybinder.org/v2/gh/org/book-repo/dev?urlpath=lab/tree/book/03-model.ipynb"
    assert found["Colab"] == "https://colab.research.google.com/github/org/book-repo/blob/dev/book/03-model.ipynb"
    hub = urlparse(found["JupyterHub"])
    assert (hub.scheme, hub.netloc, hub.path) == ("https", "hub.example.org", "/hub/user-redirect/git-pull")
    assert parse_qs(hub.query) == {"repo": ["https://github.com/org/book-repo"],
                                   "urlpath": ["lab/tree/book-repo/book/03-model.ipynb"], "branch": ["dev"]}


def test_launch_links_from_the_books_config():
    cfg = launch.config()
    found = launch.links("book/02-context.ipynb", cfg)
    assert set(found) == {"Binder", "JupyterHub", "Colab"}
    assert cfg["repository"]["url"].split("github.com/")[1] in found["Binder"]
    assert found["JupyterHub"].startswith(cfg["launch_buttons"]["jupyterhub_url"].rstrip("/") + "/hub/user-redirect/git-pull?")
    without_hub = {**cfg, "launch_buttons": {k: v for k, v in cfg["launch_buttons"].items() if k != "jupyterhub_url"}}
    assert "JupyterHub" not in launch.links("book/02-context.ipynb", without_hub)


def test_colab_setup_clones_the_configured_branch():
    assert launch.colab_setup(CFG).splitlines() == [
        "!git clone --depth 1 --branch dev https://github.com/org/book-repo", "%cd book-repo", "!pip install --quiet ."]


def test_documents_per_month_axis_has_every_month(data):
    spec = charts.documents_per_month(data.documents).to_dict()
    domain = spec["encoding"]["x"]["scale"]["domain"]
    assert domain[0] == "1920-03" and domain[-1] == "1921-02" and len(domain) == 12
    assert "1920-09" in domain  # a month with no document keeps its place on the axis
    assert not (charts.monthly_counts(data.documents)["month"] == "1920-09").any()


def test_card_citation_without_a_note_number(data):
    from redrev.cards import citation

    docs = data.documents.set_index("id", drop=False)
    assert citation(docs.loc["D012"]) == "Kvashonkin 2016, no note number"
    assert citation(docs.loc["D015"]) == "Kvashonkin 2016, note 8, f. 1-3"


def test_launch_links_match_the_launch_buttons_of_the_built_page():
    import html
    import re
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "_build" / "html" / "book" / "03-model.html"
    if not page.is_file():
        pytest.skip("the book is not built (make html)")
    buttons = {html.unescape(h) for h in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))}
    for name, url in launch.links("book/03-model.ipynb", launch.config()).items():
        assert url in buttons, f"{name} link differs from the page's launch button"
