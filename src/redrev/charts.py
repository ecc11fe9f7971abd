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


# --- 06 Georgia, 09 Reading telegrams ---

STATUS_MARKS = {"documented": "#000000", "ambiguous": "#E69F00"}
TABLE_SHAPES = {"document": "circle", "event": "square"}


def _episode_short(label: str) -> str:
    """'Georgia, May 1920: aborted push ...' -> 'Georgia, May 1920'."""
    return label.split(":", 1)[0]


def _day_text(date: pd.Timestamp, precision: str) -> str:
    if pd.isna(date):
        return "undated"
    return date.strftime({"day": "%d %b %Y", "month": "%b %Y (month only)", "year": "%Y (year only)"}[precision]).lstrip("0")


def _period_last(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    if precision == "month":
        return date + pd.offsets.MonthEnd(0)
    if precision == "year":
        return date + pd.offsets.YearEnd(0)
    return date


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
    short = {c: _episode_short(info.loc[c, "label_en"]) for c in cases}
    if info.loc[cases, "country"].nunique() == 1:
        short = {c: name.split(", ", 1)[-1] for c, name in short.items()}
    return short


def timeline_rows(data, cases: list[str]) -> dict[str, pd.DataFrame]:
    """The data of :func:`stages_timeline`: ``records`` (documents and events), ``stages``, ``gaps``.

    Day 0 of an episode is its ``start`` in cases.csv. A date known only to the month is a span
    over the whole month (``end_day``), kept in its own row so it is not read as a precise day.
    """
    info = data.cases.set_index("id").loc[cases]
    names = data.people.set_index("id")["name_en"]
    who = lambda ids: ", ".join(names.get(i, i) for i in ids) or "not named"
    parts = []
    for table, frame, date, kind in (("document", data.documents, "date", "type"),
                                     ("event", data.events, "start", "kind")):
        sub = frame[frame["case"].isin(cases) & frame[date].notna()]
        if table == "document":
            route = sub["senders"].map(who) + " to " + sub["recipients"].map(who)
        else:
            route = sub["actors"].map(who)
        parts.append(pd.DataFrame({
            "id": sub["id"], "table": table, "case": sub["case"].astype(str),
            "country": sub["country"].astype(object).where(sub["country"].isin(list(COUNTRY_COLOURS)), "other"),
            "date": sub[date], "precision": sub[f"{date}_precision"], "kind": sub[kind].astype(str).str.replace("_", " "),
            "who": route, "summary": sub["summary_en"].astype(str),
            "flags": sub["flags"].map(lambda fl: ";" + ";".join(dict.fromkeys(f.split(":")[0] for f in fl)) + ";"),
        }))
    rec = pd.concat(parts, ignore_index=True)
    start = rec["case"].map(info["start"])
    rec["day"] = (rec["date"] - start).dt.days
    rec["end_day"] = [(_period_last(d, p) - s).days for d, p, s in zip(rec["date"], rec["precision"], start)]
    rec["when"] = [_day_text(d, p) for d, p in zip(rec["date"], rec["precision"])]
    rec["placement"] = rec["precision"].map(lambda p: "day" if p == "day" else "span")
    short = _row_names(info, cases)
    rec["row"] = [f"{short[c]}: {'to the day' if p == 'day' else 'month only'}"
                  for c, p in zip(rec["case"], rec["placement"])]
    rec = rec.sort_values(["row", "day", "id"]).reset_index(drop=True)
    rec["slot"] = 0
    for _, idx in rec.groupby("row").groups.items():
        rec.loc[idx, "slot"] = _slots(rec.loc[idx], gap=1.5)
    rec["flags_text"] = rec["flags"].str.strip(";").str.replace(";", ", ").str.replace("_", " ")

    st = data.stages[data.stages["case"].isin(cases)]
    dated = st[st["date"].notna()]
    s0 = dated["case"].map(info["start"])
    last = [(_period_last(e if pd.notna(e) else d, p if pd.isna(e) else "day")) for d, e, p in
            zip(dated["date"], dated["date_end"], dated["date_precision"])]
    stages = pd.DataFrame({
        "case": dated["case"].astype(str), "stage": dated["stage"].astype(int),
        "row": dated["case"].map(lambda c: f"{short[c]}: stages"),
        "day": (dated["date"] - s0).dt.days, "end_day": [(l - s).days for l, s in zip(last, s0)],
        "status": dated["status"].astype(str),
        "when": [_day_text(d, p) + ("" if pd.isna(e) else f" to {e:%d %b %Y}".replace(" 0", " "))
                 for d, p, e in zip(dated["date"], dated["date_precision"], dated["date_end"])],
        "summary": dated["summary_en"].astype(str),
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
            ("not documented: stage " + ", ".join(map(str, missing))) if missing else "",
            ("no date: stage " + ", ".join(map(str, undated))) if undated else ""] if t)
        gaps.append({"case": c, "row": f"{short[c]}: stages", "text": text or "every stage dated"})
    return {"records": rec, "stages": stages.reset_index(drop=True), "gaps": pd.DataFrame(gaps),
            "rows": [f"{short[c]}: {r}" for c in cases for r in ("stages", "to the day", "month only")]}


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
    starts = "; ".join(f"{_episode_short(info.loc[c, 'label_en'])}, {info.loc[c, 'start'].day} {info.loc[c, 'start']:%b %Y}"
                       for c in cases)
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
    title = (f"{_episode_short(info.loc[cases[0], 'label_en'])}: stages, documents and events" if len(cases) == 1
             else f"{len(cases)} episodes on one time line, stages marked")
    return _finish(chart, alt.TitleParams(title, subtitle=["Day 0 is each episode's first dated step:", *starts.split("; ")]),
                   f"A time line of {len(cases)} episode{'s' if len(cases) > 1 else ''} ({starts}), each counted in "
                   "days from its first dated step. For each episode "
                   "one row marks the stages of the model (black diamonds with the stage number, orange with '?' where "
                   "the article's evidence is ambiguous, a bar where a stage spans days or is known only to the month); "
                   "a second row has the documents (circles) and events (squares) dated to the day; a third has those "
                   "known only to the month, drawn as bars over the whole month. Two drop-downs show only documents or "
                   "events and only records with a given source problem; a slider hides records before a chosen day.")


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
