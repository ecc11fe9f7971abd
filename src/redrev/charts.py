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


# --- ch-appendix: people and places ---

# One colour and one shape per kind of place (Okabe-Ito colours; shapes repeat the information, and
# every symbol has a dark outline, so no kind is told by colour alone or lost against the land).
PLACE_KINDS = {"city": ("#0072B2", "circle"), "town": ("#009E73", "square"),
               "village": ("#F0E442", "triangle-left"), "station": ("#E69F00", "triangle-down"),
               "bridge": ("#56B4E9", "cross"), "district": ("#D55E00", "diamond"),
               "region": ("#CC79A7", "triangle-up"), "other": ("#6B6B6B", "triangle-right")}
DIRECTION_COLOURS = {"sent": "#4D4D4D", "received": "#0072B2"}


def correspondents_chart(counts: pd.DataFrame, minimum: int = 3) -> alt.TopLevelMixin:
    """Documents sent and received by each person or body with at least ``minimum`` in all.

    ``counts`` has the columns ``name_en``, ``kind``, ``sent``, ``received`` and ``total`` (see
    :func:`redrev.registers.people_table`). A drop-down shows persons or bodies only.
    """
    top = counts[counts["total"] >= minimum].sort_values(["total", "name_en"], ascending=[False, True])
    data = top.melt(id_vars=["name_en", "kind", "total"], value_vars=["sent", "received"],
                    var_name="direction", value_name="documents").astype(object)
    order = top["name_en"].tolist()
    kind = alt.param(name="who_filter", value=None,
                     bind=alt.binding_select(options=[None, "person", "body"], labels=["All", "persons", "bodies"],
                                             name="Show "))
    base = alt.Chart(data).encode(
        # Long names are cut (in full in the tooltip) so that a phone screen keeps room for the bars.
        y=alt.Y("name_en:N", title=None, sort=order,
                axis=alt.Axis(labelLimit={"expr": "containerSize()[0] < 560 ? 130 : 260"})),
        yOffset=alt.YOffset("direction:N", sort=list(DIRECTION_COLOURS)),
        x=alt.X("documents:Q", title="Documents"),
        tooltip=[alt.Tooltip("name_en:N", title="Name"), alt.Tooltip("direction:N", title="As"),
                 alt.Tooltip("documents:Q", title="Documents"), alt.Tooltip("total:Q", title="In all")],
    ).transform_filter(f"{kind.name} == null || datum.kind == {kind.name}")
    bars = base.mark_bar().encode(color=alt.Color(
        "direction:N", title="Documents", sort=list(DIRECTION_COLOURS),
        scale=alt.Scale(domain=list(DIRECTION_COLOURS), range=list(DIRECTION_COLOURS.values())),
        legend=alt.Legend(orient="top")))
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#1a1a1a").encode(text="documents:Q")
    chart = alt.layer(bars, labels).add_params(kind).properties(width="container", height=alt.Step(11))
    title = alt.TitleParams("Who sent and who received the documents", anchor="start", frame="bounds",
                            subtitle=f"The {len(top)} persons and bodies in {minimum} or more documents")
    return _finish(chart, title,
                   f"Horizontal bars for the {len(top)} persons and bodies named in at least {minimum} of the "
                   "article's documents: for each, one bar for documents sent and one for documents received. "
                   "A drop-down shows persons only or bodies only.")


def city_label_sides(places: pd.DataFrame, east: float | None = None) -> pd.Series:
    """Where each city's name goes: ``right`` of its symbol, or ``left`` when another city sits
    just to the east (the names would overlap) or the map's edge is near; ``""`` for other kinds."""
    from .geo import BBOX

    east = BBOX[2] if east is None else east
    cities = places[places["kind"] == "city"]

    def side(row) -> str:
        if row["kind"] != "city":
            return ""
        crowded = ((cities["lon"] > row["lon"]) & (cities["lon"] - row["lon"] < 1.2)
                   & ((cities["lat"] - row["lat"]).abs() < 0.35)).any()
        return "left" if crowded or row["lon"] > east - 1.5 else "right"

    return places.apply(side, axis=1) if len(places) else pd.Series(dtype=object)


def places_map(boundaries: dict, places: pd.DataFrame, episodes: dict[str, str] | None = None) -> alt.TopLevelMixin:
    """The places with coordinates inside the map's box, over modern boundaries.

    ``boundaries`` is :func:`redrev.geo.load_boundaries`; ``places`` is
    :func:`redrev.geo.places_table` (rows ``on_map == "on map"`` are drawn); ``episodes`` maps case
    ids to the labels of the episode drop-down. Two drop-downs filter the places by kind and by
    episode (the places that the episode's stages and events name).
    """
    import json

    from .geo import country_labels, frame
    from .model import CAPITALS

    on = places[places["on_map"] == "on map"]
    data = pd.DataFrame({
        "name": on["name_en"], "modern": on["name_modern"].fillna("(none given)"), "russian": on["name_ru"],
        "kind": on["kind"], "lat": on["lat"].astype(float), "lon": on["lon"].astype(float),
        "episodes": on["episodes"].map(lambda e: ", ".join(e) or "none"),
        "coordinates": on["coord_source"],
    })
    sides = city_label_sides(data)
    on_left = json.dumps(sorted(data.loc[sides == "left", "name"]), ensure_ascii=False)
    capitals = json.dumps(sorted(on.loc[on["id"].isin(list(CAPITALS.values())), "name_en"]), ensure_ascii=False)
    cities = "datum.kind == 'city'"
    data = data.astype(object)
    episodes = episodes or {}
    present = {c for e in on["episodes"] for c in e}
    cases = [c for c in episodes if c in present] + sorted(present - set(episodes))
    kinds = [k for k in PLACE_KINDS if k in set(data["kind"])]
    kind = alt.param(name="place_kind", value=None,
                     bind=alt.binding_select(options=[None, *kinds], labels=["All", *kinds], name="Kind of place "))
    episode = alt.param(name="place_episode", value=None,
                        bind=alt.binding_select(options=[None, *cases], labels=["All", *[episodes.get(c, c) for c in cases]],
                                                name="Episode "))
    keep = (f"({kind.name} == null || datum.kind == {kind.name}) && "
            f"({episode.name} == null || indexof(datum.episodes, {episode.name}) >= 0)")
    sea = alt.Chart(alt.Data(values=[frame()])).mark_geoshape(fill="#DCE9F5", stroke="#9DB7CF", strokeWidth=0.5)
    land = alt.Chart(alt.Data(values=boundaries["features"])).mark_geoshape(
        fill="#F3F0EA", stroke="#7A7A7A", strokeWidth=0.8)
    names = alt.Chart(alt.Data(values=country_labels(boundaries).to_dict("records"))).mark_text(
        fontSize=12, fontStyle="italic", color="#5E5E5E", dy=-14).encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N")
    points = alt.Chart(data).mark_point(filled=True, size=90, stroke="#1A1A1A", strokeWidth=0.8, opacity=0.95).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.Color("kind:N", title="Kind of place", scale=alt.Scale(
            domain=kinds, range=[PLACE_KINDS[k][0] for k in kinds]), legend=alt.Legend(orient="bottom", columns=4)),
        shape=alt.Shape("kind:N", title="Kind of place", scale=alt.Scale(
            domain=kinds, range=[PLACE_KINDS[k][1] for k in kinds])),
        tooltip=[alt.Tooltip("name:N", title="Name in 1920"), alt.Tooltip("modern:N", title="Modern name"),
                 alt.Tooltip("russian:N", title="Russian"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("episodes:N", title="Episodes"), alt.Tooltip("coordinates:N", title="Position")],
    ).transform_filter(keep)
    # On a narrow screen only the three capitals keep their names; the others would overlap.
    text = dict(longitude="lon:Q", latitude="lat:Q", text="name:N",
                opacity=alt.condition(f"width < 480 && indexof({capitals}, datum.name) < 0", alt.value(0), alt.value(1)))
    names_at = alt.Chart(data).encode(**text).transform_filter(keep)
    right = names_at.mark_text(align="left", dx=7, dy=-6, fontSize=11, fontWeight="bold", color="#1A1A1A"
                               ).transform_filter(f"{cities} && indexof({on_left}, datum.name) < 0")
    left = names_at.mark_text(align="right", dx=-7, dy=-6, fontSize=11, fontWeight="bold", color="#1A1A1A"
                              ).transform_filter(f"{cities} && indexof({on_left}, datum.name) >= 0")
    chart = alt.layer(sea, land, names, points, right, left).add_params(kind, episode).project(
        type="mercator").properties(width="container", height=400)
    title = alt.TitleParams("Places named in the article", anchor="start", frame="bounds",
                            subtitle="Modern borders; positions approximate")
    return _finish(chart, title,
                   f"A map of the Caucasus with today's state borders and {len(data)} places from the article as "
                   "symbols, coloured and shaped by kind; cities are labelled with their 1920 names. Two drop-downs "
                   "filter the places by kind and by episode. Positions are approximate; regions are shown by a "
                   "representative point.")
