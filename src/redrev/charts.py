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
    text = chart.mark_text(fontSize=11).encode(text="date:N", color=alt.value("black"))
    return _finish(chart + text, "Which stages of the model the article documents, episode by episode",
                   "A grid with one row per episode and one column per stage of the model; each cell says "
                   "whether the article documents that stage and gives its date.")


# --- ch-intro: context (02) and model (03) chapters ---

REPUBLICS = ["azerbaijan", "armenia", "georgia"]


def monthly_counts(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents dated to the day or the month, counted per month and per country.

    Documents dated only to the year (or not at all) cannot be put in a month and are left out.
    """
    rows = documents[documents["date_precision"].isin(["day", "month"])]
    counts = (pd.DataFrame({"month": rows["date"].dt.strftime("%Y-%m"),
                            "country": rows["country"].fillna("other")})
              .value_counts().rename("documents").reset_index()
              .sort_values(["month", "country"]).reset_index(drop=True))
    return counts.astype({"month": object, "country": object, "documents": int})


def documents_per_month(documents: pd.DataFrame) -> alt.TopLevelMixin:
    """Stacked bars: documents per month, coloured by the republic they concern; a drop-down picks one."""
    data = monthly_counts(documents)
    present = [c for c in COUNTRY_COLOURS if c in set(data["country"])]
    country = _select("country_filter", present, "Republic")
    # Every month of the period on the axis, including months with no document.
    months = list(pd.period_range(data["month"].min(), data["month"].max(), freq="M").strftime("%Y-%m"))
    chart = alt.Chart(data).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("month:O", title="Month", scale=alt.Scale(domain=months),
                axis=alt.Axis(labelAngle=-40, labelExpr="utcFormat(toDate(datum.value + '-01'), '%b %Y')")),
        y=alt.Y("sum(documents):Q", title="Documents", axis=alt.Axis(tickMinStep=1)),
        color=country_colour("Which republic"),
        order=alt.Order("country:N"),
        tooltip=[alt.Tooltip("month:N", title="Month"),
                 alt.Tooltip("country:N", title="Republic"), alt.Tooltip("documents:Q", title="Documents")],
    ).add_params(country).transform_filter(
        f"{country.name} == null || datum.country == {country.name}"
    ).properties(width="container", height=240)
    return _finish(chart, "Documents cited in the article, per month",
                   f"Bars count the {int(data['documents'].sum())} documents the article dates to a day or a month, "
                   "month by month from early 1920 to early 1921, coloured by the republic they concern "
                   "('several' and 'other' for the rest). A drop-down shows one republic at a time.")


STAGE_SHORT = {1: "1 coup", 2: "2 revkom", 3: "3 appeal", 4: "4 army", 5: "5 greeting"}


def stage_sequence_rows(stages: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Dated stages with the day offset from their episode's first dated stage (see model.aligned)."""
    from .model import aligned

    dated = aligned(stages)
    country = cases.set_index("id")["country"]
    return pd.DataFrame({
        "case": dated["case"], "country": dated["case"].map(country),
        "stage": dated["stage"].astype(int), "stage_label": dated["stage_label"],
        "short": dated["stage"].map(STAGE_SHORT),
        "day": dated["day"].astype(int), "date": dated["date"].dt.strftime("%Y-%m-%d"),
        "precision": dated["date_precision"], "status": dated["status"].str.replace("_", " "),
    }).astype(object).reset_index(drop=True)


def stage_sequence(stages: pd.DataFrame, cases: pd.DataFrame) -> alt.TopLevelMixin:
    """Each dated stage on a time axis (days from the episode's first dated stage), one row per episode.

    Inside a row the stages sit on five lanes, 1 at the top and 5 at the bottom, so an episode whose
    dated stages came in the model's order steps down from left to right. Hollow marks are dates
    known only to the month. A drop-down shows one episode.
    """
    data = stage_sequence_rows(stages, cases)
    case = _select("episode_filter", sorted(data["case"].unique()), "Episode")
    base = alt.Chart(data).add_params(case).transform_filter(
        f"{case.name} == null || datum.case == {case.name}")
    # Grid lines and labels at the top edge of each episode's band, so each band reads as a group.
    y = alt.Y("case:N", title="Episode", sort=list(cases["id"]), scale=alt.Scale(paddingInner=0.15),
              axis=alt.Axis(labelLimit=200, grid=True, gridColor="#c8c8c8", bandPosition=0, ticks=False,
                            labelBaseline="top", labelFontWeight="bold", domain=False,
                            labelOffset=alt.expr("-bandwidth('y') / 2")))
    lanes = alt.YOffset("stage:O", sort=list(STAGES), scale=alt.Scale(paddingOuter=0.3))
    # The scale's padding leaves room for the labels; the padding's negative days carry no label.
    x = alt.X("day:Q", title="Days after the episode's first dated stage", scale=alt.Scale(padding=45),
              axis=alt.Axis(tickMinStep=1, labelExpr="datum.value < 0 ? '' : datum.label"))
    tooltip = [alt.Tooltip("case:N", title="Episode"), alt.Tooltip("stage_label:N", title="Stage"),
               alt.Tooltip("date:N", title="Date"), alt.Tooltip("precision:N", title="Date known to the"),
               alt.Tooltip("day:Q", title="Day"), alt.Tooltip("status:N", title="In the article")]
    points = base.mark_point(size=110, strokeWidth=2, filled=False).encode(
        x=x, y=y, yOffset=lanes, color=country_colour("Republic"), shape=country_shape(),
        fill=alt.condition("datum.precision == 'day'", country_colour("Republic"), alt.value("white")),
        tooltip=tooltip)
    labels = base.mark_text(align="left", dx=9, fontSize=11, fontWeight="bold").encode(
        x=x, y=y, yOffset=lanes, text="short:N", color=alt.value("#1a1a1a"))
    chart = (points + labels).properties(width="container", height=420)
    title = alt.TitleParams("When each stage happened, episode by episode",
                            subtitle="Filled: dated to the day. Hollow: month only.")
    return _finish(chart, title,
                   "One row per episode. Each dated stage is a mark labelled with its number (1 coup to 5 greeting), "
                   "placed by days after the episode's first dated stage; within a row stage 1 sits highest and "
                   "stage 5 lowest, so stages in the model's order step down from left to right. Filled marks are "
                   "dated to the day, hollow ones only to the month (placed on its first day). Undated stages are "
                   "not shown. A drop-down shows one episode.")
