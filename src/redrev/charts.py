"""Every chart the book draws. One palette, one description per chart, small inline data.

Filters are Vega-Lite parameters bound to page inputs, so they work in the static book with no
kernel as well as in a live notebook.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from .model import STAGES, stage_label

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies; each meets
# 3:1 contrast against white for graphical objects (WCAG 1.4.11).
COUNTRY_COLOURS = {"azerbaijan": "#0072B2", "armenia": "#D55E00", "georgia": "#009E73",
                   "several": "#CC79A7", "other": "#6B6B6B"}
COUNTRY_SHAPES = {"azerbaijan": "circle", "armenia": "square", "georgia": "triangle-up",
                  "several": "diamond", "other": "cross"}


def country_colour(title: str = "Country") -> alt.Color:
    return alt.Color("country:N", title=title,
                     scale=alt.Scale(domain=list(COUNTRY_COLOURS), range=list(COUNTRY_COLOURS.values())))


def country_shape() -> alt.Shape:
    # Shape repeats the colour so that no information is carried by colour alone.
    return alt.Shape("country:N", legend=None,
                     scale=alt.Scale(domain=list(COUNTRY_SHAPES), range=list(COUNTRY_SHAPES.values())))


def _finish(chart: alt.TopLevelMixin, title: str, description: str) -> alt.TopLevelMixin:
    return chart.properties(title=title, description=description).configure_axis(
        labelFontSize=12, titleFontSize=13).configure_legend(labelFontSize=12, titleFontSize=13)


def _select(name: str, values: list[str], label: str) -> alt.Parameter:
    """A drop-down bound to the page; ``All`` (null) shows everything."""
    return alt.param(name=name, value=None,
                     bind=alt.binding_select(options=[None, *values], labels=["All", *values], name=label + " "))


def document_rows(documents: pd.DataFrame) -> pd.DataFrame:
    """The few columns the document charts need, one row per dated document."""
    rows = documents.dropna(subset=["date"])
    return pd.DataFrame({
        "id": rows["id"], "date": rows["date"].dt.strftime("%Y-%m-%d"),
        "precision": rows["date_precision"], "country": rows["country"].fillna("other"),
        "case": rows["case"].fillna("none"), "type": rows["type"],
        "senders": rows["senders"].map(", ".join), "summary": rows["summary_en"],
    }).astype(object)


def documents_timeline(documents: pd.DataFrame) -> alt.TopLevelMixin:
    """Each dated document as a mark on a time line, filterable by episode and type."""
    data = document_rows(documents)
    case = _select("case_filter", sorted(data["case"].unique()), "Episode")
    kind = _select("type_filter", sorted(data["type"].unique()), "Document type")
    chart = alt.Chart(data).mark_point(size=70, filled=True, opacity=0.85).encode(
        x=alt.X("date:T", title="Date", axis=alt.Axis(format="%b %Y")),
        y=alt.Y("country:N", title=None, sort=list(COUNTRY_COLOURS)),
        color=country_colour(), shape=country_shape(),
        tooltip=["id", "date", "type", "senders", "summary"],
    ).add_params(case, kind).transform_filter(
        f"({case.name} == null || datum.case == {case.name}) && "
        f"({kind.name} == null || datum.type == {kind.name})"
    ).properties(width="container", height=220)
    return _finish(chart, "Documents cited in the article, by date",
                   f"A time line of the {len(data)} dated documents, one mark each, in rows by the republic "
                   "they concern. Two drop-downs filter the marks by episode and by document type.")


def stage_overview(stages: pd.DataFrame) -> alt.TopLevelMixin:
    """Episodes (rows) by model stages (columns): documented, missing or ambiguous."""
    data = pd.DataFrame({
        "case": stages["case"], "stage": stages["stage"].map(stage_label),
        "status": stages["status"].str.replace("_", " "),
        "date": stages["date"].dt.strftime("%Y-%m-%d").fillna("no date"),
    }).astype(object)
    chart = alt.Chart(data).mark_rect(stroke="white").encode(
        x=alt.X("stage:N", title="Stage of the model", sort=[stage_label(s) for s in STAGES],
                axis=alt.Axis(labelAngle=-30, labelLimit=220)),
        y=alt.Y("case:N", title="Episode"),
        color=alt.Color("status:N", title="In the article",
                        scale=alt.Scale(domain=["documented", "ambiguous", "not documented"],
                                        range=["#0072B2", "#E69F00", "#D9D9D9"])),
        tooltip=["case", "stage", "status", "date"],
    ).properties(width="container", height=200)
    # Dates in the cells: white on the dark blue, black on the light cells (4.5:1 or more on each).
    text = chart.mark_text(fontSize=11).encode(
        text="date:N", color=alt.condition("datum.status == 'documented'", alt.value("#FFFFFF"), alt.value("#000000")))
    return _finish(chart + text, "Which stages of the model the article documents, episode by episode",
                   "A grid with one row per episode and one column per stage of the model; each cell says "
                   "whether the article documents that stage and gives its date.")
