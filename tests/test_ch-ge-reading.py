"""Tests of the functions added for chapters 06 (Georgia) and 09 (reading telegrams)."""
from __future__ import annotations

import pandas as pd
import pytest

import redrev
from redrev import charts, sources


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


# --- sources.py ---

def test_flag_kind_and_has_flag(data):
    assert sources.flag_kind("contradicts:D026") == "contradicts"
    assert sources.flag_kind("struck_out") == "struck_out"
    docs = data.documents
    struck = docs.loc[sources.has_flag(docs, "struck_out"), "id"].tolist()
    assert struck == ["D092", "D105"]
    assert "D021" in set(docs.loc[sources.has_flag(docs, "contradicts"), "id"])


def test_every_flag_has_a_question(data):
    kinds = {sources.flag_kind(f) for frame in (data.documents, data.events) for fl in frame["flags"] for f in fl}
    assert kinds <= set(sources.QUESTIONS), kinds - set(sources.QUESTIONS)


def test_flag_rows_counts_each_kind_once_per_record(data):
    rows = sources.flag_rows(data.documents, data.events)
    assert not rows.duplicated(["id", "flag"]).any()
    # D135 has two contradicts: flags but counts once.
    assert len(rows[(rows["id"] == "D135") & (rows["flag"] == "contradicts")]) == 1
    n_received = int(data.documents["flags"].map(lambda f: "date_received" in f).sum())
    assert len(rows[(rows["table"] == "document") & (rows["flag"] == "date_received")]) == n_received
    assert set(rows["table"]) == {"document", "event"}
    assert rows.loc[rows["id"] == "D065", "case"].iloc[0] == sources.NO_CASE


def test_contradiction_pairs(data):
    pairs = sources.contradiction_pairs(data.documents, data.events)
    assert list(pairs.columns[:3]) == ["a", "b", "flagged_by"]
    assert (pairs["a"] < pairs["b"]).all()
    assert not pairs.duplicated(["a", "b"]).any()
    keys = set(zip(pairs["a"], pairs["b"]))
    # The Georgian pairs, flagged from both sides.
    for a, b in [("D021", "D026"), ("D137", "D138"), ("D135", "D136"), ("D135", "D139"), ("D103", "D105")]:
        assert (a, b) in keys
        assert pairs.set_index(["a", "b"]).loc[(a, b), "flagged_by"] == "both"
    # The data record every contradiction on both sides; a document-event pair says which is the event.
    assert (pairs["flagged_by"] == "both").all()
    assert pairs.set_index(["a", "b"]).loc[("D039", "E026"), "b_table"] == "event"
    # Every contradicts: flag in the data is covered by exactly one pair.
    flags = {tuple(sorted((r, f.split(":")[1]))) for frame in (data.documents, data.events)
             for r, fl in zip(frame["id"], frame["flags"]) for f in fl if f.startswith("contradicts:")}
    assert flags == keys
    # Sorted by the earlier date of the pair.
    first = pairs[["a_date", "b_date"]].apply(lambda r: min(d for d in r if d), axis=1)
    assert list(first) == sorted(first)
    assert pairs.set_index(["a", "b"]).loc[("D137", "D138"), "a_date"] == "1921-02-16"


def test_contradiction_pairs_empty():
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in
                          ["id", "date", "date_precision", "case", "summary_en", "flags"]})
    events = empty.rename(columns={"date": "start", "date_precision": "start_precision"})
    assert sources.contradiction_pairs(empty, events).empty


def test_pair_html_escapes_and_shows_both(data):
    html = sources.pair_html(data.documents, data.events, data.people, "D137", "D138")
    assert html.count('class="redrev-card"') == 2
    assert "D137" in html and "D138" in html and "redrev-pair" in html
    mixed = sources.pair_html(data.documents, data.events, data.people, "D039", "E026")
    assert "event: other" in mixed
    docs = data.documents.copy()
    docs.loc[docs["id"] == "D137", "summary_en"] = "<script>alert(1)</script>"
    assert "<script>alert" not in sources.pair_html(docs, data.events, data.people, "D137", "D138")
    with pytest.raises(KeyError):
        sources.pair_html(data.documents, data.events, data.people, "D137", "X999")


# --- charts: stages_timeline ---

def test_timeline_rows(data):
    parts = charts.timeline_rows(data, ["ge-1920-05", "ge-1921-02"])
    rec, stages = parts["records"], parts["stages"]
    n_dated = sum(int((data.documents["case"] == c).sum() - data.documents.loc[data.documents["case"] == c, "date"].isna().sum())
                  + int((data.events["case"] == c).sum()) for c in ["ge-1920-05", "ge-1921-02"])
    assert len(rec) == n_dated
    d020 = rec.set_index("id").loc["D020"]
    assert d020["day"] == 12 and d020["end_day"] == 12  # received 5 May 1920; episode starts 23 April
    assert "date_received" in d020["flags"]
    # Month-only dates span their month and sit in their own row.
    d021 = rec.set_index("id").loc["D021"]
    assert d021["end_day"] - d021["day"] == 30 and d021["row"].endswith("month only")
    # Stages: day 0 of February 1921 is the rising; the revkom's appeal (stage 3) is day 5.
    st = stages.set_index(["case", "stage"])
    assert st.loc[("ge-1921-02", 1), "day"] == 0
    assert st.loc[("ge-1921-02", 3), "day"] == 5
    assert st.loc[("ge-1921-02", 4), "end_day"] == 14  # Tiflis, 25 February
    assert st.loc[("ge-1920-05", 4), "label"] == "4?"
    gaps = parts["gaps"].set_index("case")["text"]
    assert gaps["ge-1921-02"] == "not documented: stage 5"
    assert gaps["ge-1920-05"] == "not documented: stage 2, 3, 5; no date: stage 1"
    # No two marks of one row overlap in the same slot.
    for _, row in rec.groupby(["row", "slot"]):
        row = row.sort_values("day")
        assert (row["day"].iloc[1:].to_numpy() > row["end_day"].iloc[:-1].to_numpy()).all()


def test_stages_timeline_spec(data):
    spec = charts.stages_timeline(data, ["ge-1920-05", "ge-1921-02"]).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["tl_table"]["bind"]["input"] == "select"
    assert "date_received" in params["tl_flag"]["bind"]["options"]
    assert params["tl_from"]["bind"]["input"] == "range" and params["tl_from"]["value"] == params["tl_from"]["bind"]["min"]
    assert spec["width"] == "container"
    assert spec["description"] and spec["title"]["text"] == "2 episodes on one time line, stages marked"
    first = next(iter(spec["datasets"].values()))
    assert {r["id"] for r in first} >= {"D020", "D036", "D137", "D138", "E074"}
    assert "quote_ru" not in first[0]
    # The filter of the records is bound to the three inputs.
    text = str(spec)
    assert "tl_table" in text and "indexof(datum.flags" in text and "datum.day >= tl_from" in text


def test_stages_timeline_reusable(data):
    spec = charts.stages_timeline(data, ["az-1920-04"]).to_dict()
    first = next(iter(spec["datasets"].values()))
    assert {r["case"] for r in first} == {"az-1920-04"}


# --- charts: source_problems ---

def test_source_problem_counts(data):
    counts = charts.source_problem_counts(data.documents, data.events, data.cases)
    rows = sources.flag_rows(data.documents, data.events)
    assert counts["n"].sum() == len(rows)
    got = counts[(counts["case"] == "ge-1921-02") & (counts["flag"] == "contradicts")]["n"].sum()
    assert got == len(rows[(rows["case"] == "ge-1921-02") & (rows["flag"] == "contradicts")])
    assert counts.loc[counts["flag"] == "impossible_date", "case"].tolist() == ["am-1920-11"]
    assert counts["episode"].min().startswith("1. az-1920-04")


def test_source_problems_spec(data):
    spec = charts.source_problems(data.documents, data.events, data.cases).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["sp_question"]["bind"]["options"] == [None, "sourcing", "corroboration", "close reading", "author's reading"]
    assert params["sp_table"]["bind"]["options"] == [None, "document", "event"]
    assert spec["width"] == "container" and spec["description"]
    first = next(iter(spec["datasets"].values()))
    assert set(first[0]) == {"table", "episode", "flag", "question", "n"}
    assert sum(r["n"] for r in first) == len(sources.flag_rows(data.documents, data.events))
