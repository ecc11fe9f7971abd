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
    fmt = {"day": "%d %B %Y", "month": "%B %Y (month only)", "year": "%Y (year only)"}
    text = start.strftime(fmt[precision]).lstrip("0")
    if end is not None and pd.notna(end):
        text += " to " + end.strftime(fmt[end_precision or "day"]).lstrip("0")
    return text


def _flag_text(flags: list[str]) -> str:
    return ", ".join(f.replace("_", " ") for f in flags) if flags else "none"


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
                    "summary": r["summary_en"], "flags": _flag_text(flags)}
            if pd.isna(r[date_col]) or r[f"{date_col}_precision"] == "year":
                left_out.append({**base, "date": "undated" if pd.isna(r[date_col]) else f"{r[date_col]:%Y} (year only)"})
                continue
            precision = r[f"{date_col}_precision"]
            start, stop = _span(r[date_col], precision, end, end_precision)
            stage = stage_of(r["id"], r["stage"])
            serious = any(f.startswith(SERIOUS_FLAGS) for f in flags)
            label = f"{r['id']} · {base['type']}" + (f" · {stage}" if stage != "no stage" else "") + (" (!)" if serious else "")
            when = _day_text(r[date_col], precision, end, end_precision)
            if kind == "document" and pd.notna(r["time"]):
                when += f", {r['time']}"
            if kind == "document" and r["date_basis"] == "received":
                when += " (date of receipt)"
            if pd.notna(r["date_printed"]):
                when += f" [printed: {r['date_printed']}]"
            if "month" in (precision, end_precision):
                certainty = "month"
            elif "date_approximate" in flags:
                certainty, when = "day, approximate", when + " (approximate)"
            else:
                certainty = "day"
            records.append({**base, "row": label, "stage": stage, "start": start, "end": stop,
                            "precision": certainty, "when": when, "problem": "|" + "|".join(flags) + "|"})
    records.sort(key=lambda x: (x["start"], x["end"], x["id"]))
    rows = []
    for s in stages.itertuples():
        label = f"Stage {s.stage}: {STAGE_SHORT[s.stage]}"
        if pd.isna(s.date):
            start = stop = pd.NaT
            when = "no date in the article"
        else:
            start, stop = _span(s.date, s.date_precision, s.date_end, s.date_end_precision if pd.notna(s.date_end) else None)
            when = _day_text(s.date, s.date_precision, s.date_end, s.date_end_precision if pd.notna(s.date_end) else None)
        rows.append({"id": f"stage {s.stage}", "kind": "stage", "type": "model stage",
                     "summary": s.summary_en, "flags": "none", "row": label + f" ({s.status.replace('_', ' ')})",
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
        labels=["All records", "All documents", *[f"Documents: {t}" for t in doc_types], "Events"],
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
    return _finish(chart, f"{case}: stages, documents and events by day",
                   f"A day-by-day time line of episode {case}. The top five rows are the stages of the model; "
                   f"below them, one row for each of the {n_records} documents and events dated at least to the "
                   "month, in date order. Colour and the row label give the model stage; faint dashed bars are "
                   "dated only to the month and half-faint bars to an approximate day; (!) marks a "
                   "contradiction, an impossible date, a struck-out line or a date of receipt. Two drop-downs "
                   "filter the records by kind and by source problem; dragging or "
                   "scrolling on the chart zooms the dates.")
