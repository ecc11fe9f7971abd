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


# --- 07-comparison and 08-correspondence ---

# Role groups, stances and kinds of departure get their own dark, colour-blind-safe colours (Tol's
# palette, each at least 3:1 against white); a second channel (shape or position) always repeats them.
ROLE_COLOURS = {"moscow": "#882255", "kavbyuro": "#332288", "envoys": "#117733", "local": "#AA4499",
                "governments": "#7A6A00", "other": "#6B6B6B", "unnamed": "#BBBBBB"}
ROLE_SHAPES = {"moscow": "square", "kavbyuro": "circle", "envoys": "diamond", "local": "triangle-up",
               "governments": "triangle-down", "other": "cross"}
CHANNEL_COLOURS = {"ordzhonikidze": "#332288", "kavbyuro": "#7E74C9", "envoys": "#117733",
                   "local": "#AA4499", "governments": "#7A6A00", "other": "#6B6B6B"}
STANCE_COLOURS = {"approve": "#117733", "mixed": "#7A6A00", "restrain": "#882255", "neither": "#6B6B6B"}
DEPARTURE_COLOURS = {"missing": "#882255", "out_of_order": "#332288", "staged": "#7A6A00",
                     "outside_capital": "#117733"}
DEPARTURE_SHAPES = {"missing": "cross", "out_of_order": "triangle-right", "staged": "square",
                    "outside_capital": "circle"}


def _scale(mapping: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(mapping), range=list(mapping.values()))


def _select_labelled(name: str, values: list[str], labels: list[str], label: str) -> alt.Parameter:
    """Like ``_select`` but with display labels that differ from the values."""
    return alt.param(name=name, value=None,
                     bind=alt.binding_select(options=[None, *values], labels=["All", *labels], name=label + " "))


def _months(first: str, last: str) -> list[str]:
    return [p.strftime("%Y-%m") for p in pd.period_range(first, last, freq="M")]


def aligned_stages(spans: pd.DataFrame, cases: pd.DataFrame) -> alt.TopLevelMixin:
    """The dated stages of every episode on one scale: days after the episode's first dated stage.

    ``spans`` is :func:`redrev.compare.stage_spans`. Hollow marks are dates known only to the
    month (counted from the 1st); a line runs to ``date_end`` where the article gives a range.
    """
    country = cases.set_index("id")["country"]
    data = pd.DataFrame({
        "case": spans["case"], "country": spans["case"].map(country),
        "stage": spans["stage"].astype(int), "stage_label": spans["stage_label"],
        "day": spans["day"].astype(int), "day_end": spans["day_end"].astype("float").where(spans["day_end"].notna()),
        "date": spans["date"].dt.strftime("%Y-%m-%d"), "precision": spans["date_precision"],
        "status": spans["status"].str.replace("_", " "),
    }).astype(object).where(lambda d: d.notna(), None)
    episode = _select("episode", list(cases["id"]), "Episode")
    exact = alt.param(name="exact_only", value=False,
                      bind=alt.binding_checkbox(name="Only dates known to the day "))
    base = alt.Chart(data).transform_filter(
        f"({episode.name} == null || datum.case == {episode.name}) && "
        f"(!{exact.name} || datum.precision == 'day')")
    y = alt.Y("case:N", title="Episode", sort=list(cases["id"]))
    y_offset = alt.YOffset("stage:O", sort=list(STAGES))
    x = alt.X("day:Q", title="Days after the episode's first dated stage", scale=alt.Scale(domainMin=-1))
    tooltip = ["case", "stage_label", "date", "precision", "status"]
    ranges = base.mark_rule(strokeWidth=2).encode(
        x=x, x2="day_end:Q", y=y, yOffset=y_offset, color=country_colour(),
    ).transform_filter("datum.day_end != null")
    points = base.mark_point(size=90, strokeWidth=2, opacity=1).encode(
        x=x, y=y, yOffset=y_offset, color=country_colour(), shape=country_shape(),
        fill=alt.condition("datum.precision == 'day'", country_colour(), alt.value("white")),
        tooltip=tooltip,
    )
    labels = base.mark_text(align="left", dx=9, fontSize=11).encode(
        x=x, y=y, yOffset=y_offset, text="stage_label:N", tooltip=tooltip,
    )
    chart = alt.layer(ranges, points, labels).add_params(episode, exact).properties(width="container", height=420)
    return _finish(chart, "The dated stages of each episode, aligned on its first dated stage",
                   "Each row is an episode and each mark a stage of the model that the article dates, placed by the "
                   "number of days after the episode's earliest dated stage; a line shows a date range, and a hollow "
                   "mark a date known only to the month. A drop-down picks one episode and a check box hides the "
                   "dates not known to the day.")


ROLE_SHORT = {"moscow": "Moscow", "kavbyuro": "Kavbyuro, front, 11th Army", "envoys": "Soviet envoys",
              "local": "local communists, revkoms", "governments": "governments, people", "other": "others",
              "unnamed": "no named sender"}


def _label_expr(mapping: dict[str, str]) -> str:
    """A Vega expression that shows ``mapping[value]`` as a legend label (the value if unmapped)."""
    import json

    return json.dumps(mapping) + "[datum.label] || datum.label"


def sender_groups_chart(groups: pd.DataFrame, order: list[str] | None = None) -> alt.TopLevelMixin:
    """Per episode, how many documents each role group sent (``redrev.compare.sender_groups``).

    ``order`` lists the episodes from top to bottom (default: alphabetical).
    """
    stack = [*ROLE_COLOURS]
    data = groups.loc[groups["n"] > 0, ["case", "group", "label", "n", "documents"]].astype(object)
    chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("case:N", title="Episode", sort=order or sorted(data["case"].unique())),
        x=alt.X("n:Q", title="Documents sent or co-signed"),
        color=alt.Color("group:N", title="Sender's group", scale=_scale(ROLE_COLOURS),
                        legend=alt.Legend(labelExpr=_label_expr(ROLE_SHORT), labelLimit=260)),
        order=alt.Order("sort_key:Q"),
        tooltip=["case", "label", "n", alt.Tooltip("documents:Q", title="documents in the episode")],
    ).transform_calculate(sort_key=f"indexof({stack}, datum.group)").properties(width="container", height=200)
    return _finish(chart, "Who wrote the documents of each episode",
                   "One bar per episode, split by the group of the people who sent or co-signed its documents: "
                   "Moscow, the Kavbyuro with the front and the 11th Army, envoys, local communists, governments. "
                   "A document co-signed by two groups counts for both.")


def moscow_decisions_chart(decisions: pd.DataFrame, cases: pd.DataFrame, people: pd.DataFrame) -> alt.TopLevelMixin:
    """Documents sent from Moscow on a time line, in rows by stance, over the episodes' spans."""
    from .correspondence import MOSCOW, short_name

    names = pd.Series({p: short_name(n, p) for p, n in zip(people["id"], people["name_en"])})
    dated = decisions.dropna(subset=["date"])
    data = pd.DataFrame({
        "id": dated["id"], "date": dated["date"].dt.strftime("%Y-%m-%d"), "precision": dated["precision"],
        "stance": dated["stance"], "senders": dated["senders"].map(", ".join),
        "sender_names": dated["senders"].map(lambda s: ", ".join(names.get(p, p) for p in s)),
        "cues": dated["cues"].map(lambda c: "; ".join(c) or "none"), "summary": dated["summary"],
        "case": dated["case"].fillna("none"),
    }).astype(object)
    spans = pd.DataFrame({"case": cases["id"], "start": cases["start"].dt.strftime("%Y-%m-%d"),
                          "end": (cases["end"] + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d")})
    senders = sorted({p for s in dated["senders"] for p in s if p in MOSCOW},
                     key=lambda p: (-sum(p in s for s in dated["senders"]), p))
    who = _select_labelled("moscow_sender", senders, [names.get(p, p) for p in senders], "Sent by")
    bands = alt.Chart(spans).mark_rect(color="#E8E8E8").encode(
        x="start:T", x2="end:T", tooltip=[alt.Tooltip("case:N", title="episode"), "start:N", "end:N"])
    band_labels = [
        alt.Chart(spans).transform_filter(f"datum.case == '{case}'").mark_text(
            align="left", baseline="top", dx=2, dy=2 + 11 * (i % 3), fontSize=10).encode(
            x="start:T", y=alt.value(0), text="case:N")
        for i, case in enumerate(spans["case"])
    ]
    points = alt.Chart().mark_point(size=110, filled=True, opacity=0.9).encode(
        x=alt.X("date:T", title="Date", axis=alt.Axis(format="%b %Y")),
        y=alt.Y("stance:N", title="Stance (by the cue rule)", sort=list(STANCE_COLOURS)),
        color=alt.Color("stance:N", scale=_scale(STANCE_COLOURS), legend=None),
        shape=alt.Shape("precision:N", title="Date known to the...",
                        scale=alt.Scale(domain=["day", "month", "year"], range=["circle", "diamond", "cross"])),
        tooltip=["id", "date", "precision", "sender_names", "stance", "cues", "summary"],
    ).add_params(who).transform_filter(f"{who.name} == null || indexof(split(datum.senders, ', '), {who.name}) >= 0")
    chart = alt.layer(bands, *band_labels, points, data=data).properties(width="container", height=260)
    return _finish(chart, "What Moscow's documents said: approve, restrain, both or neither",
                   "Each mark is a dated document sent from Moscow, placed by date and in a row by its stance under "
                   "the cue rule; grey bands are the five episodes. A drop-down shows only the documents of one "
                   "sender (Lenin, Stalin, the Politburo, Chicherin...).")


def departures_chart(table: pd.DataFrame, order: list[str] | None = None) -> alt.TopLevelMixin:
    """Where each episode departs from the model (``redrev.compare.departure_table``).

    ``order`` lists the episodes from top to bottom (default: as they come in ``table``).
    """
    data = pd.DataFrame({
        "case": table["case"], "stage": table["stage"].astype(int).map(stage_label),
        "kind": table["kind"], "detail": table["detail"], "caveat": table["caveat"].replace("", "none"),
    }).astype(object)
    kind = _select("departure_kind", list(DEPARTURE_COLOURS), "Kind of departure")
    chart = alt.Chart(data).mark_point(size=120, filled=True, opacity=1).encode(
        x=alt.X("stage:N", title="Stage of the model", sort=[stage_label(s) for s in STAGES],
                axis=alt.Axis(labelAngle=-30, labelLimit=220)),
        xOffset=alt.XOffset("kind:N", sort=list(DEPARTURE_COLOURS)),
        y=alt.Y("case:N", title="Episode", sort=order or list(dict.fromkeys(table["case"]))),
        color=alt.Color("kind:N", title="Departure", scale=_scale(DEPARTURE_COLOURS), legend=alt.Legend(
            labelExpr=_label_expr({"missing": "missing or ambiguous", "out_of_order": "out of order",
                                   "outside_capital": "outside the capital"}), labelLimit=200)),
        shape=alt.Shape("kind:N", title="Departure", scale=_scale(DEPARTURE_SHAPES)),
        tooltip=["case", "stage", "kind", "detail", "caveat"],
    ).add_params(kind).transform_filter(f"{kind.name} == null || datum.kind == {kind.name}").properties(
        width="container", height=230)
    return _finish(chart, "Where each episode departs from the five-stage model",
                   "A grid of episodes (rows) by stages (columns); each mark is one departure from the model: a stage "
                   "missing or unclear, out of order, staged from outside, or away from the capital. A drop-down "
                   "shows one kind of departure at a time.")


def correspondence_network(nodes: pd.DataFrame, pairs_by_country: pd.DataFrame) -> alt.TopLevelMixin:
    """Who wrote to whom: correspondents on a circle by role group, one line per pair of them.

    ``nodes`` is :func:`redrev.correspondence.nodes`; ``pairs_by_country`` is
    :func:`redrev.correspondence.undirected` of the edges split by country. Line width is the
    number of documents; drop-downs filter the documents by republic and highlight one person.
    """
    import math

    name = nodes.set_index("id")["name"]
    edge_data = pd.DataFrame({
        "a": pairs_by_country["a"], "b": pairs_by_country["b"],
        "a_name": pairs_by_country["a"].map(name), "b_name": pairs_by_country["b"].map(name),
        "country": pairs_by_country["country"], "n_ab": pairs_by_country["n_ab"], "n_ba": pairs_by_country["n_ba"],
    }).astype(object)
    node_data = nodes[["id", "name", "role", "role_label", "sent", "received", "documents", "x", "y"]].copy()
    # Labels point away from the centre: rotated along the radius, flipped on the left half.
    theta = node_data.apply(lambda r: math.degrees(math.atan2(r["y"], r["x"])), axis=1)
    node_data["lx"] = (node_data["x"] * 1.06).round(4)
    node_data["ly"] = (node_data["y"] * 1.06).round(4)
    node_data["side"] = node_data["x"].map(lambda v: "left" if v >= 0 else "right")
    node_data["angle"] = [round(-t if x >= 0 else 180 - t, 1) for t, x in zip(theta, node_data["x"])]
    node_data = node_data.astype(object)
    who = _select_labelled("correspondent", list(node_data["id"]), list(node_data["name"]), "Highlight")
    republic = _select("republic", [c for c in COUNTRY_COLOURS if c in set(edge_data["country"])], "Documents about")
    domain = alt.Scale(domain=[-1.75, 1.75], nice=False)
    hidden = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    touches = f"datum.a == {who.name} || datum.b == {who.name}"
    edges = alt.Chart(edge_data).transform_filter(
        f"{republic.name} == null || datum.country == {republic.name}"
    ).transform_aggregate(
        n_ab="sum(n_ab)", n_ba="sum(n_ba)", groupby=["a", "b", "a_name", "b_name"]
    ).transform_calculate(
        n="datum.n_ab + datum.n_ba"
    ).transform_lookup(
        lookup="a", from_=alt.LookupData(data=node_data, key="id", fields=["x", "y"])
    ).transform_lookup(
        lookup="b", from_=alt.LookupData(data=node_data, key="id", fields=["x", "y"]), as_=["x2", "y2"]
    ).mark_rule().encode(
        x=alt.X("x:Q", scale=domain, axis=hidden), y=alt.Y("y:Q", scale=domain, axis=hidden),
        x2="x2:Q", y2="y2:Q",
        # No legend for the width (its scale changes with the filter): the tooltip gives the counts.
        strokeWidth=alt.StrokeWidth("n:Q", scale=alt.Scale(range=[1, 14]), legend=None),
        color=alt.condition(f"{who.name} != null && ({touches})", alt.value("#D55E00"), alt.value("#555555")),
        opacity=alt.condition(f"{who.name} == null || {touches}", alt.value(0.75), alt.value(0.08)),
        tooltip=[alt.Tooltip("a_name:N", title="between"), alt.Tooltip("b_name:N", title="and"),
                 alt.Tooltip("n_ab:Q", title="documents first to second"),
                 alt.Tooltip("n_ba:Q", title="documents second to first")],
    )
    points = alt.Chart(node_data).mark_point(filled=True, opacity=1, stroke="black").encode(
        x=alt.X("x:Q", scale=domain, axis=hidden), y=alt.Y("y:Q", scale=domain, axis=hidden),
        size=alt.Size("documents:Q", title="Documents", scale=alt.Scale(range=[40, 700]), legend=None),
        color=alt.Color("role:N", title="Group", scale=_scale({k: v for k, v in ROLE_COLOURS.items() if k != "unnamed"}),
                        legend=alt.Legend(orient="bottom", columns=3, labelExpr=_label_expr(ROLE_SHORT),
                                          labelLimit=260)),
        shape=alt.Shape("role:N", title="Group", scale=_scale(ROLE_SHAPES)),
        strokeWidth=alt.condition(f"datum.id == {who.name}", alt.value(3), alt.value(0)),
        tooltip=["name", "role_label", "sent", "received", alt.Tooltip("documents:Q", title="documents in all")],
    )
    labels = [
        alt.Chart(node_data).transform_filter(f"datum.side == '{side}'").mark_text(
            align=side, baseline="middle", fontSize=10).encode(
            x=alt.X("lx:Q", scale=domain, axis=hidden), y=alt.Y("ly:Q", scale=domain, axis=hidden), text="name:N",
            angle=alt.Angle("angle:Q", scale=None))
        for side in ("left", "right")
    ]
    chart = alt.layer(edges, points, *labels).add_params(who, republic).properties(width="container", height=620)
    return _finish(chart, "Who wrote to whom, 1920-21",
                   "Correspondents sit on a circle in role groups (Moscow at the top right, the Kavbyuro below it, then "
                   "envoys, local communists, governments and others); a line joins two of them when documents passed "
                   "between them, thicker for more documents (hover for the counts), and a mark is larger for a busier "
                   "correspondent. One "
                   "drop-down keeps only the documents about one republic; another highlights one correspondent's lines.")


def monthly_volume(counts: pd.DataFrame) -> alt.TopLevelMixin:
    """Documents per month, stacked by the republic they concern (``correspondence.monthly_counts``)."""
    months = _months(counts["month"].min(), counts["month"].max())
    data = counts[["month", "country", "n"]].astype(object)
    republic = _select("volume_republic", [c for c in COUNTRY_COLOURS if c in set(data["country"])], "Republic")
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("month:O", title="Month", scale=alt.Scale(domain=months), axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("n:Q", title="Documents"),
        color=country_colour("Documents about"),
        order=alt.Order("country:N"),
        tooltip=["month", "country", "n"],
    ).add_params(republic).transform_filter(
        f"{republic.name} == null || datum.country == {republic.name}").properties(width="container", height=260)
    return _finish(chart, "How many documents the article cites, month by month",
                   "Bars count the documents dated to the day or to the month, month by month, stacked by the republic "
                   "they concern ('several' means more than one). A drop-down keeps one republic.")


def channels_over_time(documents: pd.DataFrame) -> alt.TopLevelMixin:
    """Kinds of document (telegram, direct wire, letter, resolution...) by month, as a heat map."""
    from .correspondence import role

    dated = documents[documents["date_precision"].isin(["day", "month"])]
    data = pd.DataFrame({
        "id": dated["id"], "month": dated["date"].dt.strftime("%Y-%m"), "type": dated["type"].str.replace("_", " "),
        "groups": dated["senders"].map(lambda s: ",".join(sorted({role(p) for p in s})) or "unnamed"),
    }).astype(object)
    months = _months(data["month"].min(), data["month"].max())
    types = list(data["type"].value_counts().index)
    group = _select_labelled("channel_group", ["moscow", "kavbyuro", "envoys", "local", "governments", "other"],
                             ["Moscow", "Kavbyuro, front, army", "envoys", "local communists", "governments",
                              "others"], "Sent by")
    base = alt.Chart(data).transform_filter(
        f"{group.name} == null || indexof(split(datum.groups, ','), {group.name}) >= 0"
    ).transform_aggregate(n="count()", groupby=["month", "type"])
    x = alt.X("month:O", title="Month", scale=alt.Scale(domain=months), axis=alt.Axis(labelAngle=-45))
    y = alt.Y("type:N", title="Kind of document", sort=types)
    cells = base.mark_rect(stroke="white").encode(
        x=x, y=y, color=alt.Color("n:Q", title="Documents", scale=alt.Scale(scheme="blues", domainMin=0)),
        tooltip=["month", "type", "n:Q"])
    text = base.mark_text(fontSize=11).encode(
        x=x, y=y, text="n:Q", color=alt.condition("datum.n >= 5", alt.value("white"), alt.value("black")))
    chart = alt.layer(cells, text).add_params(group).properties(width="container", height=320)
    return _finish(chart, "The channels: kinds of document month by month",
                   "A grid of months (columns) by kind of document (rows: telegram, letter, resolution, direct wire...); "
                   "each cell gives how many documents of that kind the article cites for that month. A drop-down keeps "
                   "the documents sent by one group.")


def reports_to_moscow_chart(reports: pd.DataFrame) -> alt.TopLevelMixin:
    """Reports about the Caucasus addressed to Moscow, by month and by who sent them."""
    dated = reports[reports["precision"].isin(["day", "month"])]
    data = pd.DataFrame({
        "id": dated["id"], "month": dated["date"].dt.strftime("%Y-%m"), "country": dated["country"],
        "channel": dated["channel"], "senders": dated["senders"].map(", ".join),
    }).astype(object)
    months = _months(data["month"].min(), data["month"].max())
    republic = _select("reports_republic", [c for c in COUNTRY_COLOURS if c in set(data["country"])], "Documents about")
    labels = _label_expr({**ROLE_SHORT, "ordzhonikidze": "Ordzhonikidze (alone or co-signing)",
                          "kavbyuro": "others of the Kavbyuro circle"})
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("month:O", title="Month", scale=alt.Scale(domain=months), axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("count():Q", title="Reports to Moscow"),
        color=alt.Color("channel:N", title="Sent by", scale=_scale(CHANNEL_COLOURS),
                        legend=alt.Legend(labelExpr=labels, orient="bottom", columns=2, labelLimit=300)),
        order=alt.Order("channel:N"),
        tooltip=["month", "channel", alt.Tooltip("count():Q", title="reports")],
    ).add_params(republic).transform_filter(
        f"{republic.name} == null || datum.country == {republic.name}").properties(width="container", height=260)
    return _finish(chart, "Who told Moscow about the Caucasus",
                   "Bars count, month by month, the dated documents about the three republics that were addressed to "
                   "Moscow by someone outside Moscow, coloured by sender: Ordzhonikidze, others of his circle, envoys, "
                   "local communists, governments. A drop-down keeps the documents about one republic.")
