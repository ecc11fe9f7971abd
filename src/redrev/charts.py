"""Every chart the book draws. One palette, one description per chart, small inline data.

Filters are Vega-Lite parameters bound to page inputs, so they work in the static book with no
kernel as well as in a live notebook.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from .chart_text import localise
from .i18n import column, is_ru, label, partial_date, short_day, tr, value
from .i18n import label as label_of
from .model import STAGES, period_end, stage_label

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
    chart = chart.properties(title=title, description=description).configure_axis(
        labelFontSize=12, titleFontSize=13).configure_legend(labelFontSize=12, titleFontSize=13)
    return localise(chart) if is_ru() else chart


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
        "senders": rows["senders"].map(", ".join), "summary": column(rows, "summary"),
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
                   tr("A time line of the {n} dated documents, one mark each, in rows by the republic "
                      "they concern. Two drop-downs filter the marks by episode and by document type.", n=len(data)))


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


# --- ch-az-am: Azerbaijan (04) and Armenia (05); episode_timeline is meant for reuse ---

# Model stages are ordered, so they get their own dark, colour-blind-safe colours (Paul Tol's
# muted scheme, each at least 3:1 against white); they deliberately avoid the republic colours.
STAGE_COLOURS = {"stage 1": "#882255", "stage 2": "#AA4499", "stage 3": "#332288",
                 "stage 4": "#117733", "stage 5": "#8A6D00", "no stage": "#767676"}
# Flags that change what a date or a text means; they get a "(!)" in the row label.
SERIOUS_FLAGS = ("contradicts", "impossible_date", "struck_out", "date_received")
PRECISIONS = ["day", "day, approximate", "month"]
STAGE_SHORT = {1: "coup", 2: "revkom", 3: "appeal", 4: "Red Army enters", 5: "greeting"}


def _span(start, precision, end=None, end_precision=None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """A partial date (and optional end) as a half-open interval [first day, day after the last)."""
    step = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}
    if end is not None and pd.notna(end):
        return start, end + step[end_precision or "day"]
    return start, start + step[precision]


def _day_text(start, precision, end=None, end_precision=None) -> str:
    """A partial date (or range) in words, saying when only the month or year is known."""
    if pd.isna(start):
        return tr("undated")
    text = partial_date(start, precision, mark=True)
    if end is not None and pd.notna(end):
        text += tr(" to ") + partial_date(end, end_precision or "day", mark=True)
    return text


def _flag_text(flags: list[str]) -> str:
    return ", ".join(label(f.split(":")[0]) for f in flags) if flags else tr("none")


def episode_rows(data, case: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per model stage and per document or event of an episode, ready for a time line.

    Returns ``(rows, left_out)``: ``rows`` has the five stage rows first, then every document and
    event of the episode dated at least to the month, in date order; ``left_out`` lists the records
    of the episode that cannot be placed on a day-by-day line (undated, or dated only to the year).
    """
    stages = data.stages[data.stages["case"] == case].sort_values("stage")
    if stages.empty:
        raise ValueError(f"no stages recorded for episode {case!r}")
    docs = data.documents[data.documents["case"] == case]
    events = data.events[data.events["case"] == case]
    # A record takes its own stage; a document without one takes the stage it is evidence for.
    evidence = {d: int(s.stage) for s in stages.itertuples() for d in (s.evidence_docs or [])}

    def stage_of(record_id, own):
        value = own if pd.notna(own) else evidence.get(record_id)
        return f"stage {int(value)}" if value is not None and pd.notna(value) else "no stage"

    records, left_out = [], []
    for kind, frame, date_col, type_col in (("document", docs, "date", "type"), ("event", events, "start", "kind")):
        for _, r in frame.iterrows():
            flags = list(r["flags"]) if isinstance(r["flags"], list) else []
            end = r["end"] if kind == "event" else None
            end_precision = r["end_precision"] if kind == "event" and pd.notna(r["end"]) else None
            base = {"id": r["id"], "kind": kind, "type": str(r[type_col]).replace("_", " "),
                    "summary": value(r, "summary"), "flags": _flag_text(flags)}
            if pd.isna(r[date_col]) or r[f"{date_col}_precision"] == "year":
                left_out.append({**base, "date": _day_text(r[date_col], "year")})
                continue
            precision = r[f"{date_col}_precision"]
            start, stop = _span(r[date_col], precision, end, end_precision)
            stage = stage_of(r["id"], r["stage"])
            serious = any(f.startswith(SERIOUS_FLAGS) for f in flags)
            row_label = (f"{r['id']} · {tr(base['type'])}" + (f" · {tr(stage)}" if stage != "no stage" else "")
                         + (" (!)" if serious else ""))
            when = _day_text(r[date_col], precision, end, end_precision)
            if kind == "document" and pd.notna(r["time"]):
                when += f", {r['time']}"
            if kind == "document" and r["date_basis"] == "received":
                when += " (" + tr("date of receipt") + ")"
            if pd.notna(r["date_printed"]):
                when += tr(" [printed: {text}]", text=r["date_printed"])
            if "month" in (precision, end_precision):
                certainty = "month"
            elif "date_approximate" in flags:
                certainty, when = "day, approximate", when + tr(" (approximate)")
            else:
                certainty = "day"
            records.append({**base, "row": row_label, "stage": stage, "start": start, "end": stop,
                            "precision": certainty, "when": when, "problem": "|" + "|".join(flags) + "|"})
    records.sort(key=lambda x: (x["start"], x["end"], x["id"]))
    rows = []
    for s in stages.itertuples():
        label = tr("Stage {n}: {name}", n=s.stage, name=tr(STAGE_SHORT[s.stage]))
        if pd.isna(s.date):
            start = stop = pd.NaT
            when = tr("no date in the article")
        else:
            start, stop = _span(s.date, s.date_precision, s.date_end, s.date_end_precision if pd.notna(s.date_end) else None)
            when = _day_text(s.date, s.date_precision, s.date_end, s.date_end_precision if pd.notna(s.date_end) else None)
        rows.append({"id": f"stage {s.stage}", "kind": "stage", "type": "model stage",
                     "summary": s.summary_ru if is_ru() else s.summary_en, "flags": tr("none"),
                     "row": label + f" ({label_of(s.status)})",
                     "stage": f"stage {s.stage}", "start": start, "end": stop,
                     "precision": "month" if pd.notna(s.date) and "month" in (s.date_precision, s.date_end_precision) else "day",
                     "when": when, "problem": "||"})
    out = pd.DataFrame(rows + records)
    out["order"] = range(len(out))
    return out, pd.DataFrame(left_out, columns=["id", "kind", "type", "date", "flags", "summary"])


def episode_timeline(data, case: str, window: tuple[str, str] | None = None) -> alt.TopLevelMixin:
    """Day-by-day time line of one episode: the model's five stages, then its documents and events.

    Every record is a bar from its first to its last possible day; a date known only to the month
    is drawn faint with a dashed outline across the whole month, and a day the data flags as
    approximate is drawn half-faint. Colour and the row label give the model stage; ``(!)`` in
    the label marks a contradiction, an impossible date, a struck-out line or a date of receipt.
    Two drop-downs bound to the page filter the records by kind (document
    type, or events) and by source problem (``flags``); the stage rows always stay. Dragging or
    scrolling over the chart zooms and pans the dates. ``window`` (ISO dates) fixes the dates
    shown at first; by default it runs from the first to the last record dated to the day.
    """
    rows, _ = episode_rows(data, case)
    day_dated = rows[(rows["precision"] != "month") & rows["start"].notna()]
    if window is None:
        lo, hi = day_dated["start"].min(), day_dated["end"].max()
    else:
        lo, hi = pd.Timestamp(window[0]), pd.Timestamp(window[1]) + pd.DateOffset(days=1)
    lo, hi = lo - pd.DateOffset(days=1), hi + pd.DateOffset(days=1)
    iso = lambda s: s.dt.strftime("%Y-%m-%d").fillna("")
    table = pd.DataFrame({
        "row": rows["row"], "order": rows["order"], "kind": rows["kind"], "type": rows["type"],
        "stage": rows["stage"], "dated": rows["start"].notna(), "start": iso(rows["start"]), "end": iso(rows["end"]),
        "precision": rows["precision"], "when": rows["when"], "flags": rows["flags"],
        "problem": rows["problem"], "summary": rows["summary"],
    }).astype(object)
    table["dated"] = table["dated"].astype(bool)

    def utc(ts):
        return alt.DateTime(year=ts.year, month=ts.month, date=ts.day, utc=True)

    doc_types = sorted(rows.loc[rows["kind"] == "document", "type"].unique())
    record = alt.param(name="record_filter", value=None, bind=alt.binding_select(
        options=[None, "document", *[f"document: {t}" for t in doc_types], "event"],
        labels=["All records", "All documents", *[tr("Documents: {t}", t=tr(t)) for t in doc_types], "Events"],
        name="Records "))
    flags = sorted({f.split(":")[0] for p in rows["problem"] for f in p.strip("|").split("|") if f})
    problem = alt.param(name="problem_filter", value=None, bind=alt.binding_select(
        options=[None, "any", *flags], labels=["All", "Any flagged problem", *[f.replace("_", " ") for f in flags]],
        name="Source problem "))
    zoom = alt.selection_interval(name="date_zoom", bind="scales", encodings=["x"],
                                  value={"x": [utc(lo), utc(hi)]})
    keep = (f"datum.kind == 'stage' || (({record.name} == null || datum.kind == {record.name} || "
            f"'document: ' + datum.type == {record.name}) && ({problem.name} == null || "
            f"({problem.name} == 'any' ? datum.problem != '||' : indexof(datum.problem, {problem.name}) >= 0)))")
    legend = alt.Legend(orient="bottom", direction="horizontal", columns=3)
    certainty_legend = alt.Legend(orient="bottom", direction="vertical", symbolType="square",
                                  symbolFillColor="#767676", symbolStrokeColor="#333333", symbolStrokeWidth=1.5)
    stage_scale = alt.Scale(domain=list(STAGE_COLOURS), range=list(STAGE_COLOURS.values()))
    x = alt.X("start:T", title="Date (drag or scroll to zoom)",
              scale=alt.Scale(type="utc"),
              axis=alt.Axis(format="%-d %b", labelOverlap=True, grid=True, tickCount={"interval": "day", "step": 1}))
    y = alt.Y("row:N", title=None, sort=alt.EncodingSortField("order"), axis=alt.Axis(labelLimit=240))
    tooltip = [alt.Tooltip("row:N", title="Record"), alt.Tooltip("when:N", title="Date"),
               alt.Tooltip("flags:N", title="Flags"), alt.Tooltip("summary:N", title="Summary")]
    base = alt.Chart(table).transform_filter(keep)
    bars = base.transform_filter("datum.dated").mark_bar(clip=True, strokeWidth=1.5, height={"band": 0.7}).encode(
        x=x, x2="end:T", y=y,
        color=alt.Color("stage:N", title="Stage of the model", scale=stage_scale, legend=legend),
        stroke=alt.Stroke("stage:N", scale=stage_scale, legend=legend),
        fillOpacity=alt.FillOpacity("precision:O", title="Dated to the", sort=PRECISIONS,
                                    scale=alt.Scale(domain=PRECISIONS, range=[0.9, 0.5, 0.15]),
                                    legend=certainty_legend),
        strokeDash=alt.StrokeDash("precision:O", title="Dated to the", legend=certainty_legend, sort=PRECISIONS,
                                  scale=alt.Scale(domain=PRECISIONS, range=[[1, 0], [1, 0], [4, 3]])),
        tooltip=tooltip,
    ).add_params(record, problem, zoom)
    # Stages the article leaves undated keep their row, with a note at the left edge.
    undated = base.transform_filter("!datum.dated").mark_text(align="left", dx=4, fontSize=11, color="#333333").encode(
        x=alt.value(0), y=y, text=alt.value("no date in the article"), tooltip=tooltip)
    n_records = int((rows["kind"] != "stage").sum())
    chart = alt.layer(bars, undated).properties(
        width="container", height=alt.Step(17), autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    return _finish(chart, tr("{case}: stages, documents and events by day", case=case),
                   tr("A day-by-day time line of episode {case}. The top five rows are the stages of the model; "
                   "below them, one row for each of the {n} documents and events dated at least to the "
                   "month, in date order. Colour and the row label give the model stage; faint dashed bars are "
                   "dated only to the month and half-faint bars to an approximate day; (!) marks a "
                   "contradiction, an impossible date, a struck-out line or a date of receipt. Two drop-downs "
                   "filter the records by kind and by source problem; dragging or "
                   "scrolling on the chart zooms the dates.", case=case, n=n_records))
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
DEPARTURE_COLOURS = {"missing": "#882255", "ambiguous": "#AA4499", "out_of_order": "#332288",
                     "staged": "#7A6A00", "outside_capital": "#117733"}
DEPARTURE_SHAPES = {"missing": "cross", "ambiguous": "diamond", "out_of_order": "triangle-right",
                    "staged": "square", "outside_capital": "circle"}


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

    names = pd.Series({p: short_name(n, p) for p, n in zip(people["id"], column(people, "name"))})
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
    """Where each episode departs from the model (``redrev.model.departures``).

    ``order`` lists the episodes from top to bottom (default: as they come in ``table``).
    """
    data = pd.DataFrame({
        "case": table["case"], "stage": table["stage"].astype(int).map(stage_label),
        "kind": table["kind"], "detail": table["detail"],
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
        tooltip=["case", "stage", "kind", "detail"],
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
# --- 06 Georgia, 09 Reading telegrams ---

STATUS_MARKS = {"documented": "#000000", "ambiguous": "#E69F00"}
TABLE_SHAPES = {"document": "circle", "event": "square"}


def _episode_short(label: str) -> str:
    """'Georgia, May 1920: aborted push ...' -> 'Georgia, May 1920'."""
    return label.split(":", 1)[0]


def _slots(rows: pd.DataFrame, gap: float) -> list[int]:
    """Greedy lanes inside one row, so that marks closer than ``gap`` days do not overlap."""
    ends: list[float] = []
    slots = []
    for start, end in zip(rows["day"], rows["end_day"]):
        slot = next((i for i, last in enumerate(ends) if start > last + gap), len(ends))
        if slot == len(ends):
            ends.append(end)
        else:
            ends[slot] = end
        slots.append(slot)
    return slots


def _row_names(info: pd.DataFrame, cases: list[str]) -> dict[str, str]:
    """Short episode names for row labels; the country is dropped when all episodes share it."""
    short = {c: _episode_short(label) for c, label in zip(cases, column(info.loc[cases], "label"))}
    if info.loc[cases, "country"].nunique() == 1:
        short = {c: name.split(", ", 1)[-1] for c, name in short.items()}
    return short


def timeline_rows(data, cases: list[str]) -> dict[str, pd.DataFrame]:
    """The data of :func:`stages_timeline`: ``records`` (documents and events), ``stages``, ``gaps``.

    Day 0 of an episode is its ``start`` in cases.csv. A date known only to the month is a span
    over the whole month (``end_day``), kept in its own row so it is not read as a precise day.
    """
    info = data.cases.set_index("id").loc[cases]
    names = pd.Series(column(data.people, "name").values, index=data.people["id"])
    who = lambda ids: ", ".join(names.get(i, i) for i in ids) or tr("not named")
    parts = []
    for table, frame, date, kind in (("document", data.documents, "date", "type"),
                                     ("event", data.events, "start", "kind")):
        sub = frame[frame["case"].isin(cases) & frame[date].notna()]
        if table == "document":
            route = sub["senders"].map(who) + tr(" to ") + sub["recipients"].map(who)
        else:
            route = sub["actors"].map(who)
        parts.append(pd.DataFrame({
            "id": sub["id"], "table": table, "case": sub["case"].astype(str),
            "country": sub["country"].astype(object).where(sub["country"].isin(list(COUNTRY_COLOURS)), "other"),
            "date": sub[date], "precision": sub[f"{date}_precision"], "kind": sub[kind].astype(str).str.replace("_", " "),
            "who": route, "summary": column(sub, "summary").astype(str),
            "flags": sub["flags"].map(lambda fl: ";" + ";".join(dict.fromkeys(f.split(":")[0] for f in fl)) + ";"),
        }))
    rec = pd.concat(parts, ignore_index=True)
    start = rec["case"].map(info["start"])
    rec["day"] = (rec["date"] - start).dt.days
    rec["end_day"] = [(period_end(d, p) - s).days for d, p, s in zip(rec["date"], rec["precision"], start)]
    rec["when"] = [_day_text(d, p) for d, p in zip(rec["date"], rec["precision"])]
    rec["placement"] = rec["precision"].map(lambda p: "day" if p == "day" else "span")
    short = _row_names(info, cases)
    rec["row"] = [f"{short[c]}: {tr('to the day') if p == 'day' else tr('month only')}"
                  for c, p in zip(rec["case"], rec["placement"])]
    rec = rec.sort_values(["row", "day", "id"]).reset_index(drop=True)
    rec["slot"] = 0
    for _, idx in rec.groupby("row").groups.items():
        rec.loc[idx, "slot"] = _slots(rec.loc[idx], gap=1.5)
    rec["flags_text"] = rec["flags"].str.strip(";").map(lambda f: ", ".join(label(x) for x in f.split(";") if x))

    st = data.stages[data.stages["case"].isin(cases)]
    dated = st[st["date"].notna()]
    s0 = dated["case"].map(info["start"])
    last = [(period_end(e if pd.notna(e) else d, p if pd.isna(e) else "day")) for d, e, p in
            zip(dated["date"], dated["date_end"], dated["date_precision"])]
    stages = pd.DataFrame({
        "case": dated["case"].astype(str), "stage": dated["stage"].astype(int),
        "row": dated["case"].map(lambda c: f"{short[c]}: {tr('stages')}"),
        "day": (dated["date"] - s0).dt.days, "end_day": [(l - s).days for l, s in zip(last, s0)],
        "status": dated["status"].astype(str),
        "when": [_day_text(d, p) + ("" if pd.isna(e) else tr(" to ") + short_day(e))
                 for d, p, e in zip(dated["date"], dated["date_precision"], dated["date_end"])],
        "summary": column(dated, "summary").astype(str),
    })
    stages["stage_label"] = stages["stage"].map(stage_label)
    stages["label"] = stages["stage"].astype(str) + stages["status"].map(lambda s: "?" if s == "ambiguous" else "")
    stages["slot"] = stages["stage"] - 1
    gaps = []
    for c in cases:
        sc = st[st["case"] == c]
        missing = sc.loc[sc["status"] == "not_documented", "stage"].astype(int).tolist()
        undated = sc.loc[(sc["status"] != "not_documented") & sc["date"].isna(), "stage"].astype(int).tolist()
        text = "; ".join(t for t in [
            (tr("not documented: stage ") + ", ".join(map(str, missing))) if missing else "",
            (tr("no date: stage ") + ", ".join(map(str, undated))) if undated else ""] if t)
        gaps.append({"case": c, "row": f"{short[c]}: {tr('stages')}", "text": text or tr("every stage dated")})
    return {"records": rec, "stages": stages.reset_index(drop=True), "gaps": pd.DataFrame(gaps),
            "rows": [f"{short[c]}: {tr(r)}" for c in cases for r in ("stages", "to the day", "month only")]}


def stages_timeline(data, cases: list[str]) -> alt.TopLevelMixin:
    """Episodes side by side on one time line (days from each episode's start), stages marked.

    For each episode three rows: the model's stages (black; orange and '?' where the article's
    evidence is ambiguous; a bar where the stage is a range or known only to the month), the
    documents and events dated to the day, and those known only to the month (a bar over the whole
    month). Drop-downs filter the records by table and by source problem; a slider hides records
    before a chosen day.
    """
    parts = timeline_rows(data, cases)
    rec, stages, gaps = parts["records"], parts["stages"], parts["gaps"]
    info = data.cases.set_index("id")
    labels_of = dict(zip(info.index, column(info, "label")))
    starts = "; ".join(f"{_episode_short(labels_of[c])}, {short_day(info.loc[c, 'start'])}" for c in cases)
    flag_values = [f for f in ("date_received", "year_implied", "month_implied", "date_approximate",
                               "inferred_sender", "inferred_recipient", "contradicts", "impossible_date",
                               "struck_out", "spelling_variant", "unquoted", "author_paraphrase")
                   if rec["flags"].str.contains(f";{f};", regex=False).any()]
    table = _select("tl_table", ["document", "event"], "Show")
    flag = _select("tl_flag", flag_values, "Only records flagged")
    first = int(min(rec["day"].min(), 0))
    since = alt.param(name="tl_from", value=first,
                      bind=alt.binding_range(min=first, max=0, step=1, name="Hide records before day "))
    y = alt.Y("row:N", title=None, sort=parts["rows"], scale=alt.Scale(domain=parts["rows"]),
              axis=alt.Axis(labelLimit=260, labelFontSize=12))
    x_title = "Days from the start of each episode"
    x = alt.X("day:Q", title=x_title, scale=alt.Scale(padding=18), axis=alt.Axis(tickMinStep=1, titleLimit=700))
    offset = alt.YOffset("slot:O")
    cols = ["id", "table", "case", "country", "when", "kind", "who", "summary", "flags_text", "row", "day", "end_day", "slot", "flags"]
    base = alt.Chart(rec[cols].astype(object)).transform_filter(
        f"({table.name} == null || datum.table == {table.name}) && "
        f"({flag.name} == null || indexof(datum.flags, ';' + {flag.name} + ';') >= 0) && "
        f"datum.day >= {since.name}")
    tooltip = [alt.Tooltip("id:N", title="Record"), alt.Tooltip("when:N", title="Date"),
               alt.Tooltip("kind:N", title="Kind"), alt.Tooltip("who:N", title="Who"),
               alt.Tooltip("summary:N", title="Summary"), alt.Tooltip("flags_text:N", title="Source problems")]
    present = [c for c in COUNTRY_COLOURS if c in set(rec["country"])]
    colour = alt.Color("country:N", title="Concerns", legend=alt.Legend(orient="bottom", direction="horizontal"),
                       scale=alt.Scale(domain=present, range=[COUNTRY_COLOURS[c] for c in present]))
    shape = alt.Shape("table:N", title="Record", legend=alt.Legend(orient="bottom", direction="horizontal"), scale=alt.Scale(domain=list(TABLE_SHAPES), range=list(TABLE_SHAPES.values())))
    points = base.transform_filter("datum.day == datum.end_day").mark_point(
        size=60, filled=True, opacity=0.85).encode(x=x, y=y, yOffset=offset, color=colour, shape=shape, tooltip=tooltip)
    spans = base.transform_filter("datum.day < datum.end_day").mark_rule(strokeWidth=4, opacity=0.55).encode(
        x=x, x2="end_day:Q", y=y, yOffset=offset, color=colour, tooltip=tooltip)
    sbase = alt.Chart(stages.astype(object))
    stage_tip = [alt.Tooltip("stage_label:N", title="Stage"), alt.Tooltip("status:N", title="In the article"),
                 alt.Tooltip("when:N", title="Date"), alt.Tooltip("summary:N", title="What happened")]
    scolour = alt.Color("status:N", title="Stage", legend=alt.Legend(orient="top", direction="horizontal"), scale=alt.Scale(domain=list(STATUS_MARKS), range=list(STATUS_MARKS.values())))
    sspan = sbase.transform_filter("datum.day < datum.end_day").mark_rule(strokeWidth=5, opacity=0.6).encode(
        x=x, x2="end_day:Q", y=y, yOffset=offset, color=scolour, tooltip=stage_tip)
    spoint = sbase.mark_point(shape="diamond", size=110, filled=True).encode(
        x=x, y=y, yOffset=offset, color=scolour, tooltip=stage_tip)
    slabel = sbase.mark_text(align="right", dx=-8, fontSize=11, fontWeight="bold").encode(
        x=x, y=y, yOffset=offset, text="label:N", color=scolour)
    gap_text = alt.Chart(gaps.astype(object)).mark_text(align="left", dx=4, fontSize=11, fontStyle="italic",
                                                        color="#333333").encode(
        x=alt.value(0), y=y, text="text:N")
    records = alt.layer(points, spans)
    marked = alt.layer(sspan, spoint, slabel)
    chart = alt.layer(records, marked, gap_text).add_params(table, flag, since).resolve_scale(
        color="independent").properties(width="container", height=60 * len(parts["rows"]))
    title = (tr("{episode}: stages, documents and events", episode=_episode_short(labels_of[cases[0]]))
             if len(cases) == 1 else tr("{n} episodes on one time line, stages marked", n=len(cases)))
    return _finish(chart, alt.TitleParams(title, subtitle=["Day 0 is each episode's first dated step:", *starts.split("; ")]),
                   tr("A time line of {n} episode{s} ({starts}), each counted in "
                   "days from its first dated step. For each episode "
                   "one row marks the stages of the model (black diamonds with the stage number, orange with '?' where "
                   "the article's evidence is ambiguous, a bar where a stage spans days or is known only to the month); "
                   "a second row has the documents (circles) and events (squares) dated to the day; a third has those "
                   "known only to the month, drawn as bars over the whole month. Two drop-downs show only documents or "
                   "events and only records with a given source problem; a slider hides records before a chosen day.",
                      n=len(cases), s="s" if len(cases) > 1 else "", starts=starts))


def source_problem_counts(documents: pd.DataFrame, events: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Flagged records counted by table, episode and kind of flag (the data of the chart below)."""
    from .sources import NO_CASE, QUESTIONS, flag_rows

    rows = flag_rows(documents, events)
    counts = rows.groupby(["table", "case", "flag", "question"], as_index=False).size().rename(columns={"size": "n"})
    order = [*cases.sort_values("start")["id"], NO_CASE]
    counts["episode"] = counts["case"].map({c: f"{i + 1}. {c}" for i, c in enumerate(order)})
    counts["flag_order"] = counts["flag"].map({f: i for i, f in enumerate(QUESTIONS)})
    return counts.sort_values(["flag_order", "episode", "table"]).reset_index(drop=True)


def source_problems(documents: pd.DataFrame, events: pd.DataFrame, cases: pd.DataFrame) -> alt.TopLevelMixin:
    """How many records carry each kind of source problem, episode by episode (a grid of counts).

    Drop-downs keep one historian's question (sourcing, corroboration, close reading, the
    author's reading) and one table (documents or events); the counts are recomputed in the page.
    """
    from .sources import QUESTIONS

    counts = source_problem_counts(documents, events, cases)
    data = counts[["table", "episode", "flag", "question", "n"]].astype(object)
    questions = list(dict.fromkeys(QUESTIONS.values()))
    question = _select("sp_question", questions, "Historian's question")
    table = _select("sp_table", ["document", "event"], "Records")
    flags = [f for f in QUESTIONS if f in set(counts["flag"])]
    episodes = sorted(counts["episode"].unique())
    top = int(counts.groupby(["episode", "flag"])["n"].sum().max())
    base = alt.Chart(data).transform_filter(
        f"({question.name} == null || datum.question == {question.name}) && "
        f"({table.name} == null || datum.table == {table.name})"
    ).transform_aggregate(records="sum(n)", groupby=["episode", "flag", "question"])
    x = alt.X("episode:N", title="Episode (in order of time)", sort=episodes, scale=alt.Scale(domain=episodes),
              axis=alt.Axis(labelAngle=-30, labelLimit=200))
    y = alt.Y("flag:N", title="Source problem (flag)", sort=flags, axis=alt.Axis(labelLimit=200))
    tip = [alt.Tooltip("flag:N", title="Flag"), alt.Tooltip("question:N", title="Question"),
           alt.Tooltip("episode:N", title="Episode"), alt.Tooltip("records:Q", title="Records")]
    cells = base.mark_rect(stroke="white").encode(
        x=x, y=y, tooltip=tip,
        color=alt.Color("records:Q", title="Records", scale=alt.Scale(scheme="blues", domain=[0, top])))
    text = base.mark_text(fontSize=12).encode(
        x=x, y=y, text="records:Q",
        color=alt.condition(f"datum.records > {top * 0.7}", alt.value("white"), alt.value("black")))
    chart = alt.layer(cells, text).add_params(question, table).properties(width="container", height=360)
    return _finish(chart, "Source problems flagged in the data, by kind and episode",
                   "A grid with one row per kind of source problem and one column per episode (the last column "
                   "holds records tied to no episode); each cell gives how many documents and events carry that "
                   "flag. Two drop-downs keep only the flags of one historian's question and only documents or "
                   "only events; the counts change to match.")
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
    name = "name_ru" if is_ru() and "name_ru" in counts else "name_en"
    top = counts[counts["total"] >= minimum].sort_values(["total", name], ascending=[False, True])
    data = top.melt(id_vars=[name, "kind", "total"], value_vars=["sent", "received"],
                    var_name="direction", value_name="documents").astype(object)
    order = top[name].tolist()
    kind = alt.param(name="who_filter", value=None,
                     bind=alt.binding_select(options=[None, "person", "body"], labels=["All", "persons", "bodies"],
                                             name="Show "))
    base = alt.Chart(data).encode(
        # Long names are cut (in full in the tooltip) so that a phone screen keeps room for the bars.
        y=alt.Y(f"{name}:N", title=None, sort=order,
                axis=alt.Axis(labelLimit={"expr": "containerSize()[0] < 560 ? 130 : 260"})),
        yOffset=alt.YOffset("direction:N", sort=list(DIRECTION_COLOURS)),
        x=alt.X("documents:Q", title="Documents"),
        tooltip=[alt.Tooltip(f"{name}:N", title="Name"), alt.Tooltip("direction:N", title="As"),
                 alt.Tooltip("documents:Q", title="Documents"), alt.Tooltip("total:Q", title="In all")],
    ).transform_filter(f"{kind.name} == null || datum.kind == {kind.name}")
    bars = base.mark_bar().encode(color=alt.Color(
        "direction:N", title="Documents", sort=list(DIRECTION_COLOURS),
        scale=alt.Scale(domain=list(DIRECTION_COLOURS), range=list(DIRECTION_COLOURS.values())),
        legend=alt.Legend(orient="top")))
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#1a1a1a").encode(text="documents:Q")
    chart = alt.layer(bars, labels).add_params(kind).properties(width="container", height=alt.Step(11))
    title = alt.TitleParams("Who sent and who received the documents", anchor="start", frame="bounds",
                            subtitle=tr("The {n} persons and bodies in {minimum} or more documents",
                                        n=len(top), minimum=minimum))
    return _finish(chart, title,
                   tr("Horizontal bars for the {n} persons and bodies named in at least {minimum} of the "
                   "article's documents: for each, one bar for documents sent and one for documents received. "
                   "A drop-down shows persons only or bodies only.", n=len(top), minimum=minimum))

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
        "name": on["name_ru" if is_ru() else "name_en"], "modern": on["name_modern"].fillna("(none given)"), "russian": on["name_ru"],
        "kind": on["kind"], "lat": on["lat"].astype(float), "lon": on["lon"].astype(float),
        "episodes": on["episodes"].map(lambda e: ", ".join(e) or "none"),
        "coordinates": on["coord_source"],
    })
    sides = city_label_sides(data)
    on_left = json.dumps(sorted(data.loc[sides == "left", "name"]), ensure_ascii=False)
    capitals = json.dumps(sorted(on.loc[on["id"].isin(list(CAPITALS.values())), "name_ru" if is_ru() else "name_en"]),
                          ensure_ascii=False)
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
                   tr("A map of the Caucasus with today's state borders and {n} places from the article as "
                   "symbols, coloured and shaped by kind; cities are labelled with their 1920 names. Two drop-downs "
                   "filter the places by kind and by episode. Positions are approximate; regions are shown by a "
                   "representative point.", n=len(data)))
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
                   tr("Bars count the {n} documents the article dates to a day or a month, "
                   "month by month from early 1920 to early 1921, coloured by the republic they concern "
                   "('several' and 'other' for the rest). A drop-down shows one republic at a time.",
                      n=int(data['documents'].sum())))


def stage_sequence_rows(stages: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Dated stages with the day offset from their episode's first dated stage (see model.aligned)."""
    from .model import aligned

    dated = aligned(stages)
    country = cases.set_index("id")["country"]
    return pd.DataFrame({
        "case": dated["case"], "country": dated["case"].map(country),
        "stage": dated["stage"].astype(int), "stage_label": dated["stage_label"],
        "short": dated["stage"].astype(str) + " " + dated["stage"].map(STAGE_SHORT),
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
